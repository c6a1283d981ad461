package org.opennessledger.contracts.annotations;

import java.util.List;
import org.opennessledger.contracts.values.AggregateCommand;

/**
 * Annotate a passage of a document's latest version. Addressed to the document (it checks the
 * selectors against the text and creates the annotation), hence {@link #aggregateId()} is the document
 * id. {@code position} may be null when the quote (with its prefix and suffix) occurs once; tags are
 * ids of {@link AnnotationTag}, motivation an id of {@link Motivation}.
 */
public record CreateAnnotation(String annotationId, String documentId, int version, TextQuoteSelector quote,
                               TextPositionSelector position, List<String> tags, String comment, String motivation)
        implements AggregateCommand {

    public CreateAnnotation {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    @Override
    public String aggregateId() {
        return documentId;
    }
}
