package org.opennessledger.contracts.views;

import java.time.Instant;
import java.util.List;
import org.opennessledger.contracts.values.Evidence;

/** The model producer's marked response to a claim; {@code text} is never rendered as HTML. */
public record ProducerResponseView(String producerOrg, String authorId, String text, List<Evidence> evidence,
                                   Instant postedAt) {
}
