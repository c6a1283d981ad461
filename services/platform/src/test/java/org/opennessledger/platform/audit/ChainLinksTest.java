package org.opennessledger.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The chain rule, checked against a second reading of docs/audit.md written with other means. */
class ChainLinksTest {

    private static final StoredEvent EVENT = new StoredEvent(7, "e-1", "org.example.Registered", null, "ModelFamily",
            "llama-3", 0, "2026-11-28T10:00:00Z", "{\"a\":1}".getBytes(StandardCharsets.UTF_8),
            "{\"actor\":\"alice\"}".getBytes(StandardCharsets.UTF_8));

    /** The documented encoding, written out with a DataOutputStream. */
    private static String documented(String previous, StoredEvent event) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream data = new DataOutputStream(bytes);
        data.write(HexFormat.of().parseHex(previous));
        for (Object field : new Object[] {event.eventIdentifier(), event.payloadType(), event.payloadRevision(),
                event.aggregateType(), event.aggregateIdentifier(), String.valueOf(event.sequenceNumber()),
                event.timeStamp(), event.payload(), event.metaData()}) {
            byte[] value = field instanceof String text ? text.getBytes(StandardCharsets.UTF_8) : (byte[]) field;
            data.writeInt(value == null ? -1 : value.length);
            if (value != null) {
                data.write(value);
            }
        }
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes.toByteArray()));
    }

    @Test
    void aLinkIsTheDocumentedDigestOfThePreviousLinkAndTheEventsFields() throws Exception {
        String first = ChainLinks.next(ChainLinks.GENESIS, EVENT);
        assertThat(first).isEqualTo(documented(ChainLinks.GENESIS, EVENT)).hasSize(64);
        assertThat(ChainLinks.next(first, EVENT)).isEqualTo(documented(first, EVENT)).isNotEqualTo(first);
    }

    @Test
    void changingAnyFieldChangesTheLink() {
        String original = ChainLinks.next(ChainLinks.GENESIS, EVENT);
        List<UnaryOperator<StoredEvent>> changes = List.of(
                e -> new StoredEvent(e.globalIndex(), "e-2", e.payloadType(), e.payloadRevision(), e.aggregateType(),
                        e.aggregateIdentifier(), e.sequenceNumber(), e.timeStamp(), e.payload(), e.metaData()),
                e -> new StoredEvent(e.globalIndex(), e.eventIdentifier(), "org.example.Other", e.payloadRevision(),
                        e.aggregateType(), e.aggregateIdentifier(), e.sequenceNumber(), e.timeStamp(), e.payload(),
                        e.metaData()),
                e -> new StoredEvent(e.globalIndex(), e.eventIdentifier(), e.payloadType(), "2", e.aggregateType(),
                        e.aggregateIdentifier(), e.sequenceNumber(), e.timeStamp(), e.payload(), e.metaData()),
                e -> new StoredEvent(e.globalIndex(), e.eventIdentifier(), e.payloadType(), e.payloadRevision(),
                        e.aggregateType(), "llama-4", e.sequenceNumber(), e.timeStamp(), e.payload(), e.metaData()),
                e -> new StoredEvent(e.globalIndex(), e.eventIdentifier(), e.payloadType(), e.payloadRevision(),
                        e.aggregateType(), e.aggregateIdentifier(), 1, e.timeStamp(), e.payload(), e.metaData()),
                e -> new StoredEvent(e.globalIndex(), e.eventIdentifier(), e.payloadType(), e.payloadRevision(),
                        e.aggregateType(), e.aggregateIdentifier(), e.sequenceNumber(), "2026-11-28T10:00:01Z",
                        e.payload(), e.metaData()),
                e -> new StoredEvent(e.globalIndex(), e.eventIdentifier(), e.payloadType(), e.payloadRevision(),
                        e.aggregateType(), e.aggregateIdentifier(), e.sequenceNumber(), e.timeStamp(),
                        "{\"a\":2}".getBytes(StandardCharsets.UTF_8), e.metaData()),
                e -> new StoredEvent(e.globalIndex(), e.eventIdentifier(), e.payloadType(), e.payloadRevision(),
                        e.aggregateType(), e.aggregateIdentifier(), e.sequenceNumber(), e.timeStamp(), e.payload(),
                        "{\"actor\":\"bob\"}".getBytes(StandardCharsets.UTF_8)),
                // moving bytes from one field to the next is a different event, thanks to the lengths
                e -> new StoredEvent(e.globalIndex(), e.eventIdentifier(), e.payloadType(), e.payloadRevision(),
                        e.aggregateType(), e.aggregateIdentifier(), e.sequenceNumber(), e.timeStamp(),
                        "{\"a\":1}{".getBytes(StandardCharsets.UTF_8),
                        "\"actor\":\"alice\"}".getBytes(StandardCharsets.UTF_8)));
        for (UnaryOperator<StoredEvent> change : changes) {
            assertThat(ChainLinks.next(ChainLinks.GENESIS, change.apply(EVENT))).isNotEqualTo(original);
        }
    }
}
