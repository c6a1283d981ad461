package org.opennessledger.claims.debate;

import java.util.List;
import java.util.Map;
import org.opennessledger.claims.CommandChecks;
import org.opennessledger.contracts.errors.CommandRejected;
import org.opennessledger.contracts.values.Actor;
import org.opennessledger.contracts.values.Evidence;

/**
 * The rules every argument thread follows, whether it debates a claim or an annotation: a new argument
 * has a fresh id and replies only to an argument of the same thread; only its author edits it, and an edit
 * must change its text or evidence; each edit is a new revision. The aggregate owning the thread keeps
 * its arguments in a map of its own (snapshots store it as a plain map of {@link ThreadArgument}).
 */
public final class ArgumentThreads {

    public static final int MAX_TEXT = 10000;
    public static final int MAX_EVIDENCE = 20;

    private ArgumentThreads() {
    }

    /** What an aggregate remembers of one argument: who wrote it, its revision, its content's fingerprint, its replies. */
    public record ThreadArgument(String authorId, int revision, String fingerprint, int replies) {

        ThreadArgument withReply() {
            return new ThreadArgument(authorId, revision, fingerprint, replies + 1);
        }

        ThreadArgument revised(int newRevision, String newFingerprint) {
            return new ThreadArgument(authorId, newRevision, newFingerprint, replies);
        }
    }

    /** Argument text: 1 to 10,000 characters, not only white space, kept exactly as given (never trimmed). */
    public static String text(String text) {
        if (text == null || text.isBlank()) {
            throw CommandRejected.invalid("text is required (1 to " + MAX_TEXT + " characters, not only white space)");
        }
        return CommandChecks.atMost(text, "text", MAX_TEXT);
    }

    public static List<Evidence> evidence(List<Evidence> evidence) {
        if (evidence.size() > MAX_EVIDENCE) {
            throw CommandRejected.invalid("an argument has at most " + MAX_EVIDENCE + " pieces of evidence, got "
                    + evidence.size());
        }
        return evidence;
    }

    /**
     * The id of a new argument of the thread of {@code subject} (e.g. "claim c1"), checked: a UUID not used
     * yet, replying (when {@code parentId} is not null) to an argument of the same thread.
     */
    public static String newArgumentId(Map<String, ThreadArgument> arguments, String argumentId, String parentId,
                                       String subject) {
        String id = CommandChecks.uuid(argumentId, "argumentId");
        if (arguments.containsKey(id)) {
            throw CommandRejected.conflict("argument " + id + " already exists on " + subject);
        }
        if (parentId != null && !arguments.containsKey(parentId)) {
            throw CommandRejected.notFound("argument " + parentId + ", which this replies to, is not an argument of "
                    + subject);
        }
        return id;
    }

    /** The argument {@code editor} may edit: one of the thread's, and their own. */
    public static ThreadArgument editable(Map<String, ThreadArgument> arguments, String argumentId, Actor editor,
                                         String subject) {
        ThreadArgument argument = arguments.get(CommandChecks.required(argumentId, "argumentId"));
        if (argument == null) {
            throw CommandRejected.notFound("argument " + argumentId + " is not an argument of " + subject);
        }
        if (!editor.subject().equals(argument.authorId())) {
            throw CommandRejected.forbidden("only the author of argument " + argumentId + " can edit it");
        }
        return argument;
    }

    /** Refuses an edit that leaves the argument's text and evidence as they are. */
    public static void requireChange(ThreadArgument argument, String argumentId, String text, List<Evidence> evidence) {
        if (ArgumentFingerprint.of(text, evidence).equals(argument.fingerprint())) {
            throw CommandRejected.invalid("the edit changes nothing: argument " + argumentId
                    + " already has this text and evidence");
        }
    }

    /** Applies a posted argument: revision 1, and one more reply for its parent. */
    public static void posted(Map<String, ThreadArgument> arguments, String argumentId, String parentId, String authorId,
                              String text, List<Evidence> evidence) {
        arguments.put(argumentId, new ThreadArgument(authorId, 1, ArgumentFingerprint.of(text, evidence), 0));
        if (parentId != null) {
            arguments.computeIfPresent(parentId, (id, parent) -> parent.withReply());
        }
    }

    /** Applies an edit: the new revision and its content's fingerprint. */
    public static void edited(Map<String, ThreadArgument> arguments, String argumentId, int revision, String text,
                              List<Evidence> evidence) {
        arguments.computeIfPresent(argumentId,
                (id, argument) -> argument.revised(revision, ArgumentFingerprint.of(text, evidence)));
    }
}
