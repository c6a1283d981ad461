package org.opennessledger.contracts.views;

import java.util.List;
import java.util.Map;

/**
 * An assessment's scores under every framework the ledger knows, each labelled with the version
 * of the rules that produced it. Computed from the assessed components, deterministically.
 */
public record FrameworkScoresView(OsaiIndex osaiIndex, Osaid osaid, Mof mof) {

    /** Without a MOF evaluation. */
    public FrameworkScoresView(OsaiIndex osaiIndex, Osaid osaid) {
        this(osaiIndex, osaid, null);
    }

    /**
     * The OSAI index score: the mean of open 1 / partial 0.5 / closed or none 0 over the list's
     * dimensions, category means, and each dimension's class ("" for none).
     */
    public record OsaiIndex(String version, double score, Map<String, Double> categories,
                            Map<String, String> classes) {
    }

    /** OSAID: whether the release qualifies, and per failing element what is missing. */
    public record Osaid(String version, boolean qualifies, Map<String, List<String>> failing) {
    }

    /**
     * MOF 1.0: the class reached (3, 2, 1; 0 = unclassified), the percentage of each class met (keys
     * "3", "2", "1"), and the components that are missing, invalidly licensed, unlicensed, or openly
     * licensed with a licence not meant for their content type (a warning).
     */
    public record Mof(String version, int classReached, Map<String, Double> percent, List<String> missing,
                      List<String> invalid, List<String> unlicensed, List<String> notTypeAppropriate) {
    }
}
