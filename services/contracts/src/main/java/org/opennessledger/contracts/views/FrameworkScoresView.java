package org.opennessledger.contracts.views;

import java.util.List;
import java.util.Map;

/**
 * An assessment's scores under every framework the ledger knows, each labelled with the version
 * of the rules that produced it. Computed from the assessed components, deterministically.
 */
public record FrameworkScoresView(OsaiIndex osaiIndex, Osaid osaid) {

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
}
