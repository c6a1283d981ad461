package org.opennessledger.claims.process;

import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.opennessledger.contracts.claims.ClaimAccepted;
import org.opennessledger.contracts.claims.ClaimRejected;
import org.opennessledger.contracts.claims.ClaimReopened;
import org.opennessledger.contracts.claims.ReinstateClaim;
import org.opennessledger.contracts.claims.SupersedeClaim;
import org.opennessledger.contracts.models.AcceptedClaimRecorded;
import org.opennessledger.contracts.models.AcceptedClaimWithdrawn;
import org.opennessledger.contracts.models.RecordAcceptedClaim;
import org.opennessledger.contracts.models.WithdrawAcceptedClaim;
import org.opennessledger.contracts.values.Actor;
import org.opennessledger.contracts.values.ClaimStatus;
import org.opennessledger.contracts.values.ClaimTarget;
import org.opennessledger.contracts.values.LedgerMetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one accepted claim per target: an accepted claim is recorded on its model family, which
 * names the claim it replaces; that one is then superseded. A claim that loses its acceptance is
 * withdrawn from the family, and the claim it had superseded there (if any) is reinstated. Commands act as the platform ({@link Actor#SYSTEM}). Every command is
 * idempotent on the receiving side, and {@code sendAndWait} lets a failure reach the processor,
 * which retries the event. Replays must not resend commands, hence {@link DisallowReplay}; and should
 * an old event reach the process anyway (a reset token, a redelivery), each family command carries
 * the sequence number of the claim event that caused it, so the family ignores what is not newer than
 * what it already saw of that claim.
 */
@ProcessingGroup(SupersessionProcess.PROCESSING_GROUP)
@DisallowReplay
public class SupersessionProcess {

    public static final String PROCESSING_GROUP = "claims-supersession";
    private static final Logger LOG = LoggerFactory.getLogger(SupersessionProcess.class);

    private final CommandGateway commandGateway;

    public SupersessionProcess(CommandGateway commandGateway) {
        this.commandGateway = commandGateway;
    }

    @EventHandler
    public void on(ClaimAccepted event, @SequenceNumber long claimSequence) {
        ClaimTarget target = event.target();
        send(new RecordAcceptedClaim(target.modelId(), target, event.claimId(), claimSequence),
                "claim " + event.claimId() + " was accepted for " + target.key());
    }

    @EventHandler
    public void on(AcceptedClaimRecorded event) {
        String previous = event.previousClaimId();
        if (previous == null || previous.equals(event.claimId())) {
            return;
        }
        send(new SupersedeClaim(previous, event.claimId()),
                "claim " + event.claimId() + " was accepted for " + event.targetKey() + " and replaces claim "
                        + previous);
    }

    @EventHandler
    public void on(AcceptedClaimWithdrawn event) {
        String reinstated = event.reinstatedClaimId();
        if (reinstated == null || reinstated.equals(event.claimId())) {
            return;
        }
        send(new ReinstateClaim(reinstated, event.claimId()),
                "claim " + event.claimId() + " lost its acceptance for " + event.target().key()
                        + "; claim " + reinstated + ", which it had replaced, is the accepted claim again");
    }

    @EventHandler
    public void on(ClaimRejected event, @SequenceNumber long claimSequence) {
        if (event.wasAccepted()) {
            withdraw(event.target(), event.claimId(), claimSequence,
                    "claim " + event.claimId() + " was rejected after acceptance");
        }
    }

    @EventHandler
    public void on(ClaimReopened event, @SequenceNumber long claimSequence) {
        if (event.previousStatus() == ClaimStatus.ACCEPTED) {
            withdraw(event.target(), event.claimId(), claimSequence,
                    "claim " + event.claimId() + " was reopened after acceptance");
        }
    }

    private void withdraw(ClaimTarget target, String claimId, long claimSequence, String reason) {
        send(new WithdrawAcceptedClaim(target.modelId(), target, claimId, claimSequence),
                reason + " for " + target.key());
    }

    private void send(Object command, String reason) {
        // Explicit metadata wins over correlation data copied from the event (that names the reviewer).
        Map<String, Object> metaData = Map.of(
                LedgerMetaData.ACTOR_ID, Actor.SYSTEM.subject(),
                LedgerMetaData.ACTOR_ROLES, Actor.SYSTEM.rolesAsString(),
                LedgerMetaData.REASON, reason);
        LOG.debug("sending {}: {}", command.getClass().getSimpleName(), reason);
        commandGateway.sendAndWait(new GenericCommandMessage<>(command, metaData));
    }
}
