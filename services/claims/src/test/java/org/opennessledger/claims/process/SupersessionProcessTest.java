package org.opennessledger.claims.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opennessledger.contracts.claims.ClaimAccepted;
import org.opennessledger.contracts.claims.ClaimRejected;
import org.opennessledger.contracts.claims.ClaimReopened;
import org.opennessledger.contracts.claims.SupersedeClaim;
import org.opennessledger.contracts.models.AcceptedClaimRecorded;
import org.opennessledger.contracts.models.RecordAcceptedClaim;
import org.opennessledger.contracts.models.WithdrawAcceptedClaim;
import org.opennessledger.contracts.values.ClaimStatus;
import org.opennessledger.contracts.values.ClaimTarget;
import org.opennessledger.contracts.values.ComponentId;
import org.opennessledger.contracts.values.LedgerMetaData;

/** The process on its own: which command each event causes, with the event's sequence number. */
class SupersessionProcessTest {

    private static final String MODEL = "llama-3";
    private static final String CLAIM = "0b6f7c1e-6d2a-4f39-9a57-2f0c1d3e4b5a";
    private static final String OLDER = "7d3c2b1a-1111-4222-8333-944455566677";
    private static final ClaimTarget TARGET =
            ClaimTarget.release(MODEL, "llama-3.1-8b-instruct", ComponentId.FINAL_WEIGHTS);

    private final List<CommandMessage<?>> sent = new ArrayList<>();
    private AnnotationEventHandlerAdapter process;

    @BeforeEach
    void setUp() {
        SimpleCommandBus commandBus = SimpleCommandBus.builder().build();
        for (Class<?> type : List.of(RecordAcceptedClaim.class, WithdrawAcceptedClaim.class, SupersedeClaim.class)) {
            commandBus.subscribe(type.getName(), command -> {
                sent.add(command);
                return null;
            });
        }
        process = new AnnotationEventHandlerAdapter(
                new SupersessionProcess(DefaultCommandGateway.builder().commandBus(commandBus).build()));
    }

    private List<Object> payloads() {
        return sent.stream().<Object>map(CommandMessage::getPayload).toList();
    }

    private void deliver(String aggregateId, long sequence, Object event) throws Exception {
        process.handle(new GenericDomainEventMessage<>("Claim", aggregateId, sequence, event));
    }

    @Test
    void an_acceptance_is_recorded_with_the_sequence_number_of_its_event() throws Exception {
        deliver(CLAIM, 5, new ClaimAccepted(CLAIM, TARGET, "v1", 3, 0));

        assertThat(sent).singleElement().satisfies(command -> {
            assertThat(command.getPayload()).isEqualTo(new RecordAcceptedClaim(MODEL, TARGET, CLAIM, 5));
            assertThat(command.getMetaData()).containsEntry(LedgerMetaData.ACTOR_ID, "system")
                    .containsEntry(LedgerMetaData.ACTOR_ROLES, "system");
        });
    }

    @Test
    void a_lost_acceptance_is_withdrawn_with_the_sequence_number_of_its_event() throws Exception {
        deliver(CLAIM, 7, new ClaimReopened(CLAIM, TARGET, "v1", ClaimStatus.ACCEPTED, 2, 2));
        deliver(CLAIM, 11, new ClaimRejected(CLAIM, TARGET, "v1", 1, 2, true));

        assertThat(payloads()).containsExactly(
                new WithdrawAcceptedClaim(MODEL, TARGET, CLAIM, 7),
                new WithdrawAcceptedClaim(MODEL, TARGET, CLAIM, 11));
    }

    @Test
    void status_changes_of_claims_that_were_not_accepted_send_nothing() throws Exception {
        deliver(CLAIM, 4, new ClaimReopened(CLAIM, TARGET, "v1", ClaimStatus.REJECTED, 2, 2));
        deliver(CLAIM, 6, new ClaimRejected(CLAIM, TARGET, "v1", 1, 2, false));

        assertThat(sent).isEmpty();
    }

    @Test
    void a_recorded_acceptance_supersedes_the_claim_it_replaces() throws Exception {
        process.handle(new GenericDomainEventMessage<>("ModelFamily", MODEL, 3,
                new AcceptedClaimRecorded(MODEL, TARGET, CLAIM, OLDER, 5)));
        process.handle(new GenericDomainEventMessage<>("ModelFamily", MODEL, 4,
                new AcceptedClaimRecorded(MODEL, TARGET, CLAIM, null, 9)));

        assertThat(payloads()).containsExactly(new SupersedeClaim(OLDER, CLAIM));
    }
}
