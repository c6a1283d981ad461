package org.opennessledger.contracts.models;

import org.opennessledger.contracts.values.ClaimTarget;

/**
 * The family created claim {@code claimId} from an import; {@code fingerprint} identifies the
 * imported fact (openness, licence, evidence, rationale), so the same fact imported again is
 * recognised and changes nothing.
 */
public record ClaimImported(String modelId, ClaimTarget target, String claimId, String fingerprint,
                            String importPolicy, String source) {
}
