package org.opennessledger.assessments.frameworks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Scores a model under the OSAI index exactly as the index computes it: each dimension is worth
 * 1 when open, 0.5 when partial and 0 when closed or without a class, and the score is the mean
 * over all the list's dimensions (none is left out of the denominator). Pure and deterministic.
 */
public final class OsaiIndexScorer {

    private OsaiIndexScorer() {
    }

    /**
     * @param list    the dimension list to score against
     * @param classes dimension id to class ("open", "partial", "closed"; null, blank or a missing
     *                dimension means no class); dimensions outside the list are ignored
     * @throws IllegalArgumentException for a class that is none of the three
     */
    public static OsaiIndexScore score(OsaiIndex list, Map<String, String> classes) {
        Map<String, String> normalized = new LinkedHashMap<>();
        Map<String, Double> categories = new LinkedHashMap<>();
        double total = 0;
        for (Map.Entry<String, List<String>> category : list.categories().entrySet()) {
            double sum = 0;
            for (String dimension : category.getValue()) {
                String value = normalize(dimension, classes.get(dimension));
                normalized.put(dimension, value);
                sum += points(value);
            }
            categories.put(category.getKey(), sum / category.getValue().size());
            total += sum;
        }
        return new OsaiIndexScore(list.version(), total / list.dimensions().size(),
                java.util.Collections.unmodifiableMap(categories),
                java.util.Collections.unmodifiableMap(normalized));
    }

    private static String normalize(String dimension, String value) {
        String cls = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        if (!cls.isEmpty() && !cls.equals("open") && !cls.equals("partial") && !cls.equals("closed")) {
            throw new IllegalArgumentException("dimension " + dimension + " has class '" + value
                    + "'; the OSAI index knows open, partial and closed (or none)");
        }
        return cls;
    }

    private static double points(String cls) {
        return switch (cls) {
            case "open" -> 1.0;
            case "partial" -> 0.5;
            default -> 0.0;
        };
    }
}
