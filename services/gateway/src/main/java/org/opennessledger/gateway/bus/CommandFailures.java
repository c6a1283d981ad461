package org.opennessledger.gateway.bus;

import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.opennessledger.contracts.claims.ProposeClaim;
import org.opennessledger.contracts.claims.ReviewClaim;
import org.opennessledger.contracts.debate.EditArgument;
import org.opennessledger.contracts.debate.PostArgument;
import org.opennessledger.contracts.disputes.AppealDispute;
import org.opennessledger.contracts.disputes.DisputeClaim;
import org.opennessledger.contracts.disputes.ResolveDispute;
import org.opennessledger.contracts.disputes.TakeDispute;
import org.opennessledger.contracts.documents.AddDocumentVersion;
import org.opennessledger.contracts.errors.CommandRejected;
import org.opennessledger.contracts.licences.CiteAnnotationForLicenceTerm;
import org.opennessledger.contracts.models.RegisterModelFamily;
import org.opennessledger.contracts.models.RegisterRelease;
import org.opennessledger.contracts.policy.PublishConsensusPolicy;
import org.opennessledger.contracts.values.AggregateCommand;
import org.opennessledger.gateway.http.ApiException;
import org.opennessledger.gateway.http.ProblemType;

/** What a failed command means to an HTTP client. */
final class CommandFailures {

    private static final int MAX_CAUSE_DEPTH = 12;
    /** Commands whose aggregate the write side creates when it does not exist yet (CREATE_IF_MISSING). */
    private static final Set<Class<?>> CREATED_WHEN_MISSING = Set.of(AddDocumentVersion.class,
            CiteAnnotationForLicenceTerm.class, PublishConsensusPolicy.class);

    private CommandFailures() {
    }

    /** The first cause that is one of the failures we give a meaning to, else the outermost real one. */
    static Throwable essential(Throwable error) {
        Throwable outer = unwrap(error);
        Throwable current = outer;
        for (int depth = 0; current != null && depth < MAX_CAUSE_DEPTH; depth++) {
            if (current instanceof CommandRejected || current instanceof AggregateNotFoundException
                    || current instanceof AggregateStreamCreationException || current instanceof ConcurrencyException) {
                return current;
            }
            current = current.getCause();
        }
        return outer;
    }

    /**
     * Whether sending the command again may succeed: another command changed the aggregate first, or (for a
     * command whose aggregate is created when missing) created it first, so the retry finds it and appends.
     */
    static boolean isConcurrencyConflict(Throwable error, Object command) {
        Throwable cause = essential(error);
        return cause instanceof ConcurrencyException
                || cause instanceof AggregateStreamCreationException && CREATED_WHEN_MISSING.contains(command.getClass());
    }

    /** The problem to answer with; anything without a known meaning stays as it is (a 500, logged). */
    static Throwable toProblem(Throwable error, Object command) {
        Throwable cause = essential(error);
        if (cause instanceof CommandRejected rejected) {
            ProblemType type = switch (rejected.reason()) {
                case INVALID -> ProblemType.UNPROCESSABLE;
                case FORBIDDEN -> ProblemType.FORBIDDEN;
                case NOT_FOUND -> ProblemType.NOT_FOUND;
                case CONFLICT -> ProblemType.CONFLICT;
            };
            String message = rejected.getMessage() == null || rejected.getMessage().isBlank()
                    ? type.title() + "." : rejected.getMessage();
            return new ApiException(type, message);
        }
        if (cause instanceof AggregateNotFoundException) {
            return new ApiException(ProblemType.NOT_FOUND, missing(command));
        }
        if (cause instanceof AggregateStreamCreationException) {
            return new ApiException(ProblemType.CONFLICT, taken(command));
        }
        if (cause instanceof ConcurrencyException) {
            return new ApiException(ProblemType.CONFLICT, "Too many changes to '" + target(command)
                    + "' at the same moment; send the request again.");
        }
        return cause;
    }

    private static String missing(Object command) {
        if (command instanceof RegisterRelease || command instanceof ProposeClaim
                || command instanceof RegisterModelFamily) {
            return "There is no model family with id '" + target(command) + "'.";
        }
        if (command instanceof ReviewClaim || command instanceof PostArgument || command instanceof EditArgument
                || command instanceof DisputeClaim) {
            return "There is no claim with id '" + target(command) + "'.";
        }
        if (command instanceof TakeDispute || command instanceof ResolveDispute || command instanceof AppealDispute) {
            return "There is no dispute with id '" + target(command) + "'.";
        }
        return "'" + target(command) + "' does not exist.";
    }

    private static String taken(Object command) {
        if (command instanceof RegisterModelFamily register) {
            return "A model family with id '" + register.modelId() + "' already exists; choose another modelId.";
        }
        if (command instanceof ProposeClaim propose) {
            return "A claim with id '" + propose.claimId() + "' already exists.";
        }
        if (command instanceof DisputeClaim dispute) {
            return "A dispute with id '" + dispute.disputeId() + "' already exists.";
        }
        return "'" + target(command) + "' already exists.";
    }

    private static String target(Object command) {
        return command instanceof AggregateCommand addressed ? addressed.aggregateId() : command.getClass().getSimpleName();
    }

    private static Throwable unwrap(Throwable error) {
        Throwable current = error;
        while ((current instanceof CompletionException || current instanceof ExecutionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }
}
