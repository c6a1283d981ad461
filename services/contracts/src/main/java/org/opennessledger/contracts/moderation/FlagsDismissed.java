package org.opennessledger.contracts.moderation;

import java.util.List;
import org.opennessledger.contracts.values.ClaimTarget;

/** The open flags on an item, closed by a moderator who left it visible. */
public record FlagsDismissed(String claimId, ClaimTarget target, String argumentId, String moderatorId, String reason,
                             List<String> flagIds) {
    public FlagsDismissed {
        flagIds = flagIds == null ? List.of() : List.copyOf(flagIds);
    }
}
