package org.opennessledger.claims.process;

import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.opennessledger.contracts.disputes.AppealWindowClosed;
import org.opennessledger.contracts.disputes.ApplyDisputeDecision;
import org.opennessledger.contracts.disputes.DisputeResolved;
import org.opennessledger.contracts.disputes.DisputeStage;
import org.opennessledger.contracts.values.Actor;
import org.opennessledger.contracts.values.LedgerMetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies dispute decisions to their claim: after every decision, and when an appeal window closes
 * (which makes the first-stage decision final). Commands act as the platform ({@link Actor#SYSTEM})
 * and carry the sequence number of the dispute event behind them, so the claim ignores a decision it
 * has already applied. As with supersession, replays must not resend commands ({@link DisallowReplay}),
 * and {@code sendAndWait} lets a failure reach the processor, which retries the event.
 */
@ProcessingGroup(DisputeProcess.PROCESSING_GROUP)
@DisallowReplay
public class DisputeProcess {

    public static final String PROCESSING_GROUP = "claims-disputes";
    private static final Logger LOG = LoggerFactory.getLogger(DisputeProcess.class);

    private final CommandGateway commandGateway;

    public DisputeProcess(CommandGateway commandGateway) {
        this.commandGateway = commandGateway;
    }

    @EventHandler
    public void on(DisputeResolved event, @SequenceNumber long disputeSequence) {
        String stage = event.stage() == DisputeStage.APPEAL ? "on appeal" : "at the first stage";
        send(new ApplyDisputeDecision(event.claimId(), event.disputeId(), event.stage(), event.decision(),
                        event.finalDecision(), disputeSequence),
                "moderator " + event.moderatorId() + " decided dispute " + event.disputeId() + " " + stage + ": "
                        + event.decision().id() + (event.finalDecision() ? " (final)" : ""));
    }

    @EventHandler
    public void on(AppealWindowClosed event, @SequenceNumber long disputeSequence) {
        send(new ApplyDisputeDecision(event.claimId(), event.disputeId(), DisputeStage.FIRST, event.decision(),
                        true, disputeSequence),
                "the appeal window of dispute " + event.disputeId() + " closed: its first-stage decision ("
                        + event.decision().id() + ") is final");
    }

    private void send(ApplyDisputeDecision command, String reason) {
        // Explicit metadata wins over correlation data copied from the event (that names the moderator).
        Map<String, Object> metaData = Map.of(
                LedgerMetaData.ACTOR_ID, Actor.SYSTEM.subject(),
                LedgerMetaData.ACTOR_ROLES, Actor.SYSTEM.rolesAsString(),
                LedgerMetaData.REASON, reason);
        LOG.debug("sending ApplyDisputeDecision to claim {}: {}", command.claimId(), reason);
        commandGateway.sendAndWait(new GenericCommandMessage<>(command, metaData));
    }
}
