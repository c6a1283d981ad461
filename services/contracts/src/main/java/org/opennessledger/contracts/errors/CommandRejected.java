package org.opennessledger.contracts.errors;

/**
 * A command the domain refused, with a message a person can act on. Thrown by command handlers
 * before any event is applied, so nothing is stored. The gateway maps {@link Reason} to HTTP.
 */
public class CommandRejected extends RuntimeException {

    public enum Reason {
        /** The command is malformed or breaks a rule about its content (e.g. bad licence expression). */
        INVALID,
        /** The actor lacks the role, or the rule forbids this actor (e.g. self-review). */
        FORBIDDEN,
        /** Something the command refers to does not exist (e.g. an unknown release). */
        NOT_FOUND,
        /** The command contradicts the current state (e.g. reviewing a locked claim, a duplicate id). */
        CONFLICT
    }

    private final Reason reason;

    public CommandRejected(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    public static CommandRejected invalid(String message) {
        return new CommandRejected(Reason.INVALID, message);
    }

    public static CommandRejected forbidden(String message) {
        return new CommandRejected(Reason.FORBIDDEN, message);
    }

    public static CommandRejected notFound(String message) {
        return new CommandRejected(Reason.NOT_FOUND, message);
    }

    public static CommandRejected conflict(String message) {
        return new CommandRejected(Reason.CONFLICT, message);
    }
}
