package org.opennessledger.contracts.views;

/** The accepted claim that decides one component; {@code scope} is "release" or "family". */
public record AssessedComponentView(String component, String claimId, String openness, String licence,
                                    String scope) {
}
