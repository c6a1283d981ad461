package org.opennessledger.contracts.moderation;

import java.util.List;
import org.opennessledger.contracts.values.ClaimTarget;

/** Hidden from public reads by a moderator, with a reason; {@code closedFlagIds} are the open flags this settles. */
public record ContentHidden(String claimId, ClaimTarget target, String argumentId, String moderatorId, String reason,
                            List<String> closedFlagIds) {
    public ContentHidden {
        closedFlagIds = closedFlagIds == null ? List.of() : List.copyOf(closedFlagIds);
    }
}
