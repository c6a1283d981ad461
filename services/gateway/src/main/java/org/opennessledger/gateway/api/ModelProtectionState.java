package org.opennessledger.gateway.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import org.opennessledger.contracts.views.ModelView;
import org.opennessledger.contracts.views.ProtectionView;

/** The answer of GET and PUT /api/models/{modelId}/protection. */
record ModelProtectionState(@JsonProperty("protected") boolean isProtected, Integer minimumAcceptedClaims,
                            Instant since, String by, String reason) {

    static ModelProtectionState of(ModelView model) {
        ProtectionView protection = model.protection();
        return protection == null ? new ModelProtectionState(false, null, null, null, null)
                : new ModelProtectionState(true, protection.minimumAcceptedClaims(), protection.since(),
                        protection.by(), protection.reason());
    }
}
