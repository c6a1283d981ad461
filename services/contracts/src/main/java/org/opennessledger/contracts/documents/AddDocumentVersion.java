package org.opennessledger.contracts.documents;

import java.time.Instant;
import org.opennessledger.contracts.values.AggregateCommand;

/**
 * Add a snapshot of a licence, model card or terms page: the first makes the document, a later one
 * with another text is its next version, the latest text again changes nothing. A document is one
 * source URL; {@code retrievedAt} is when the text was read there.
 */
public record AddDocumentVersion(String documentId, String sourceUrl, String title, String mediaType, String text,
                                 Instant retrievedAt) implements AggregateCommand {

    @Override
    public String aggregateId() {
        return documentId;
    }
}
