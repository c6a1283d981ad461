package org.opennessledger.contracts.views;

import java.util.List;

/**
 * A framework the ledger scores assessments under: its rules' version and how each of its
 * criteria maps onto the ledger's components. {@code group} is the criterion's category or
 * element; {@code components} are the component ids it reads.
 */
public record FrameworkView(String id, String version, String name, List<Criterion> criteria) {

    public record Criterion(String id, String group, List<String> components) {
    }
}
