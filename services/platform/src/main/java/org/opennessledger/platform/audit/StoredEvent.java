package org.opennessledger.platform.audit;

/**
 * One row of the event store as stored, column for column: what a chain link covers. The bytes of
 * payload and metadata are taken as they are, so any change to a stored row changes its link.
 */
public record StoredEvent(long globalIndex, String eventIdentifier, String payloadType, String payloadRevision,
                   String aggregateType, String aggregateIdentifier, long sequenceNumber, String timeStamp,
                   byte[] payload, byte[] metaData) {
}
