package org.opennessledger.claims.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opennessledger.contracts.disputes.AppealWindowClosed;
import org.opennessledger.contracts.disputes.ApplyDisputeDecision;
import org.opennessledger.contracts.disputes.DisputeDecision;
import org.opennessledger.contracts.disputes.DisputeResolved;
import org.opennessledger.contracts.disputes.DisputeStage;
import org.opennessledger.contracts.values.ClaimTarget;
import org.opennessledger.contracts.values.ComponentId;
import org.opennessledger.contracts.values.LedgerMetaData;

/** The process on its own: which decision each dispute event applies to the claim, with its sequence number. */
class DisputeProcessTest {

    private static final String CLAIM = "0b6f7c1e-6d2a-4f39-9a57-2f0c1d3e4b5a";
    private static final String DISPUTE = "44444444-4444-4444-8444-444444444444";
    private static final ClaimTarget TARGET =
            ClaimTarget.release("llama-3", "llama-3.1-8b-instruct", ComponentId.FINAL_WEIGHTS);

    private final List<CommandMessage<?>> sent = new ArrayList<>();
    private AnnotationEventHandlerAdapter process;

    @BeforeEach
    void setUp() {
        SimpleCommandBus commandBus = SimpleCommandBus.builder().build();
        commandBus.subscribe(ApplyDisputeDecision.class.getName(), command -> {
            sent.add(command);
            return null;
        });
        process = new AnnotationEventHandlerAdapter(
                new DisputeProcess(DefaultCommandGateway.builder().commandBus(commandBus).build()));
    }

    private void deliver(long sequence, Object event) throws Exception {
        process.handle(new GenericDomainEventMessage<>("Dispute", DISPUTE, sequence, event));
    }

    @Test
    void a_first_stage_decision_is_applied_to_the_claim_as_the_platform() throws Exception {
        deliver(2, new DisputeResolved(DISPUTE, CLAIM, TARGET, DisputeStage.FIRST, DisputeDecision.OVERTURN,
                "non-commercial terms", "mia", false, Instant.parse("2025-03-17T09:00:00Z")));

        assertThat(sent).singleElement().satisfies(command -> {
            assertThat(command.getPayload()).isEqualTo(new ApplyDisputeDecision(CLAIM, DISPUTE, DisputeStage.FIRST,
                    DisputeDecision.OVERTURN, false, 2));
            assertThat(command.getMetaData()).containsEntry(LedgerMetaData.ACTOR_ID, "system")
                    .containsEntry(LedgerMetaData.ACTOR_ROLES, "system")
                    .containsEntry(LedgerMetaData.REASON, "moderator mia decided dispute " + DISPUTE
                            + " at the first stage: overturn");
        });
    }

    @Test
    void a_decision_on_appeal_is_applied_as_final() throws Exception {
        deliver(5, new DisputeResolved(DISPUTE, CLAIM, TARGET, DisputeStage.APPEAL, DisputeDecision.UPHOLD,
                "release 1.0 shipped under Apache-2.0", "noah", true, null));

        assertThat(sent).singleElement().satisfies(command -> {
            assertThat(command.getPayload()).isEqualTo(new ApplyDisputeDecision(CLAIM, DISPUTE, DisputeStage.APPEAL,
                    DisputeDecision.UPHOLD, true, 5));
            assertThat(command.getMetaData()).containsEntry(LedgerMetaData.REASON, "moderator noah decided dispute "
                    + DISPUTE + " on appeal: uphold (final)");
        });
    }

    @Test
    void a_closed_appeal_window_makes_the_first_stage_decision_final() throws Exception {
        deliver(3, new AppealWindowClosed(DISPUTE, CLAIM, TARGET, DisputeDecision.UPHOLD));

        assertThat(sent).singleElement().satisfies(command -> {
            assertThat(command.getPayload()).isEqualTo(new ApplyDisputeDecision(CLAIM, DISPUTE, DisputeStage.FIRST,
                    DisputeDecision.UPHOLD, true, 3));
            assertThat(command.getMetaData()).containsEntry(LedgerMetaData.ACTOR_ID, "system")
                    .containsEntry(LedgerMetaData.REASON, "the appeal window of dispute " + DISPUTE
                            + " closed: its first-stage decision (uphold) is final");
        });
    }

    @Test
    void replays_do_not_resend_decisions() {
        assertThat(process.supportsReset()).isFalse();
    }
}
