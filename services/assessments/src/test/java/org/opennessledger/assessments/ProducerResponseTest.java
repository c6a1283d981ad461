package org.opennessledger.assessments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.messaging.responsetypes.ResponseTypes.multipleInstancesOf;
import static org.axonframework.messaging.responsetypes.ResponseTypes.optionalInstanceOf;
import static org.opennessledger.assessments.Events.LLAMA;
import static org.opennessledger.assessments.Events.SMALL;
import static org.opennessledger.assessments.Events.evidence;
import static org.opennessledger.assessments.Events.family;
import static org.opennessledger.assessments.Events.ofRelease;
import static org.opennessledger.assessments.Events.proposed;
import static org.opennessledger.assessments.Events.release;

import java.util.List;
import org.axonframework.eventhandling.EventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opennessledger.contracts.debate.ProducerResponsePosted;
import org.opennessledger.contracts.queries.Queries.GetClaim;
import org.opennessledger.contracts.queries.Queries.GetClaimHistory;
import org.opennessledger.contracts.values.ClaimTarget;
import org.opennessledger.contracts.values.ComponentId;
import org.opennessledger.contracts.values.Openness;
import org.opennessledger.contracts.views.ClaimView;
import org.opennessledger.contracts.views.HistoryEntryView;
import org.opennessledger.contracts.views.ProducerResponseView;

class ProducerResponseTest {

    private final ReadSide readSide = ReadSide.tracking();

    @AfterEach
    void stop() {
        readSide.close();
    }

    @Test
    void theProducersResponseIsOnTheClaimPageAsGivenAndInTheHistory() {
        ClaimTarget weights = ofRelease(SMALL, ComponentId.FINAL_WEIGHTS);
        readSide.publish(family(LLAMA, "Llama 3"), "alice", "reviewer", null);
        readSide.publish(release(SMALL), "alice", "reviewer", null);
        readSide.publish(proposed("c1", weights, Openness.CLOSED, null), "alice", "reviewer", null);
        String text = "The weights <script>are</script> downloadable after accepting the licence.";
        EventMessage<?> posted = readSide.publish(new ProducerResponsePosted("c1", weights, "Meta", "paul", text,
                List.of(evidence("download-page"))), "paul", "producer", null);
        readSide.awaitProjected();

        ClaimView claim = readSide.query(new GetClaim("c1"), optionalInstanceOf(ClaimView.class)).orElseThrow();
        assertThat(claim.producerResponse()).isEqualTo(new ProducerResponseView("Meta", "paul", text,
                List.of(evidence("download-page")), posted.getTimestamp()));
        assertThat(readSide.query(new GetClaimHistory("c1"), multipleInstancesOf(HistoryEntryView.class)))
                .extracting(HistoryEntryView::summary)
                .endsWith("response from the producer (Meta) on claim c1, posted by paul");
    }
}
