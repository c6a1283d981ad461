package org.opennessledger.contracts.views;

import java.time.Instant;
import java.util.List;
import org.opennessledger.contracts.values.Evidence;

/**
 * One argument of a claim's debate in its current revision, with every earlier revision.
 * {@code text} is user content: clients must show it as text, never as HTML.
 */
public record ArgumentView(String argumentId, String claimId, String parentArgumentId, String stance,
                           String text, List<Evidence> evidence, String authorId, Instant postedAt,
                           int revision, Instant editedAt, boolean editedAfterReply, int replyCount,
                           List<Revision> revisions) {

    public record Revision(int revision, String text, List<Evidence> evidence, Instant at, boolean afterReply) {
    }
}
