package org.opennessledger.contracts.views;

import java.time.Instant;
import java.util.List;
import org.opennessledger.contracts.values.Evidence;

/**
 * One argument of a claim's debate (or of an annotation's, then without {@code claimId}) in its current
 * revision, with every earlier revision.
 * {@code text} is user content: clients must show it as text, never as HTML. {@code hidden} is set
 * when a moderator hid it; the public then gets only {@link #placeholder()}.
 */
public record ArgumentView(String argumentId, String claimId, String parentArgumentId, String stance,
                           String text, List<Evidence> evidence, String authorId, Instant postedAt,
                           int revision, Instant editedAt, boolean editedAfterReply, int replyCount,
                           List<Revision> revisions, HiddenView hidden) {

    /** A visible argument. */
    public ArgumentView(String argumentId, String claimId, String parentArgumentId, String stance, String text,
                        List<Evidence> evidence, String authorId, Instant postedAt, int revision, Instant editedAt,
                        boolean editedAfterReply, int replyCount, List<Revision> revisions) {
        this(argumentId, claimId, parentArgumentId, stance, text, evidence, authorId, postedAt, revision, editedAt,
                editedAfterReply, replyCount, revisions, null);
    }

    /**
     * What the public sees of a hidden argument: its place in the thread and the moderator's reason,
     * without its text, evidence, author or revisions.
     */
    public ArgumentView placeholder() {
        return new ArgumentView(argumentId, claimId, parentArgumentId, stance, null, List.of(), null, postedAt,
                revision, null, false, replyCount, List.of(), hidden);
    }

    /** The same argument in a thread that is not a claim's (an annotation's): without a claim id. */
    public ArgumentView outsideAClaim() {
        return new ArgumentView(argumentId, null, parentArgumentId, stance, text, evidence, authorId, postedAt, revision,
                editedAt, editedAfterReply, replyCount, revisions, hidden);
    }

    public record Revision(int revision, String text, List<Evidence> evidence, Instant at, boolean afterReply) {
    }
}
