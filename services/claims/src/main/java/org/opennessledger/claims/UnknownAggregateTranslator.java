package org.opennessledger.claims;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.opennessledger.contracts.claims.ProposeClaim;
import org.opennessledger.contracts.claims.ReviewClaim;
import org.opennessledger.contracts.claims.SupersedeClaim;
import org.opennessledger.contracts.debate.EditArgument;
import org.opennessledger.contracts.debate.PostArgument;
import org.opennessledger.contracts.disputes.AppealDispute;
import org.opennessledger.contracts.disputes.ApplyDisputeDecision;
import org.opennessledger.contracts.disputes.DisputeClaim;
import org.opennessledger.contracts.disputes.ResolveDispute;
import org.opennessledger.contracts.disputes.TakeDispute;
import org.opennessledger.contracts.errors.CommandRejected;
import org.opennessledger.contracts.models.RecordAcceptedClaim;
import org.opennessledger.contracts.models.RegisterRelease;
import org.opennessledger.contracts.models.WithdrawAcceptedClaim;
import org.opennessledger.contracts.values.AggregateCommand;

/**
 * Turns "no such aggregate" into CommandRejected NOT_FOUND for this module's commands, so that a
 * release for an unknown model, a review of an unknown claim or a move on an unknown dispute gets the same precise refusal as
 * every other domain rule. Other commands pass through untouched.
 */
public class UnknownAggregateTranslator implements MessageHandlerInterceptor<CommandMessage<?>> {

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
            throws Exception {
        try {
            return chain.proceed();
        } catch (AggregateNotFoundException e) {
            Object payload = unitOfWork.getMessage().getPayload();
            if (!(payload instanceof AggregateCommand command)) {
                throw e;
            }
            String id = command.aggregateId();
            if (payload instanceof ReviewClaim || payload instanceof SupersedeClaim || payload instanceof PostArgument
                    || payload instanceof EditArgument || payload instanceof DisputeClaim
                    || payload instanceof ApplyDisputeDecision) {
                throw CommandRejected.notFound("claim " + id + " does not exist");
            }
            if (payload instanceof TakeDispute || payload instanceof ResolveDispute
                    || payload instanceof AppealDispute) {
                throw CommandRejected.notFound("dispute " + id + " does not exist");
            }
            if (payload instanceof RegisterRelease || payload instanceof ProposeClaim
                    || payload instanceof RecordAcceptedClaim || payload instanceof WithdrawAcceptedClaim) {
                throw CommandRejected.notFound("model " + id + " is not registered");
            }
            throw e;
        }
    }
}
