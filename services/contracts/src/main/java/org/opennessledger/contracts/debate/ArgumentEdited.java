package org.opennessledger.contracts.debate;

import java.util.List;
import org.opennessledger.contracts.values.Evidence;

/**
 * A new revision of an argument (the first post is revision 1). {@code afterReply} marks an edit
 * made once the argument already had a reply, so readers know replies may answer older wording.
 */
public record ArgumentEdited(String claimId, String argumentId, int revision, String text,
                             List<Evidence> evidence, boolean afterReply, String editorId) {
    public ArgumentEdited {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
}
