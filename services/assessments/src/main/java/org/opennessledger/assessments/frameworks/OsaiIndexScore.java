package org.opennessledger.assessments.frameworks;

import java.util.Map;

/**
 * A model's score under the OSAI index: {@code score} is the mean over every dimension of
 * open = 1, partial = 0.5, closed = 0, where a dimension without a class also counts 0;
 * {@code categories} holds the same mean per category. {@code classes} maps each dimension to
 * its class ("open", "partial", "closed", or "" when it has none).
 */
public record OsaiIndexScore(String version, double score, Map<String, Double> categories,
                             Map<String, String> classes) {
}
