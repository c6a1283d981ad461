package org.opennessledger.assessments.readmodel;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import java.util.List;
import org.bson.Document;
import org.opennessledger.contracts.licences.LicenceTermCitationWithdrawn;
import org.opennessledger.contracts.licences.LicenceTermCited;
import org.opennessledger.contracts.views.AnnotationView;
import org.opennessledger.contracts.views.LicenceCitationView;

/**
 * The annotated passages cited for each catalogue licence's terms, one document per licence ({@code _id} =
 * licence id) with its citations in force, oldest first. A citation keeps the annotation's document and quote
 * as they were when it was cited, so a licence reads in one look-up.
 */
public final class LicenceCitations {

    private static final String CITATIONS = "citations";

    private final MongoCollection<Document> collection;

    LicenceCitations(MongoCollection<Document> collection) {
        this.collection = collection;
    }

    /** {@code annotation}: the cited annotation as the read models hold it (null when they do not). */
    public void cited(LicenceTermCited event, AnnotationView annotation, EventContext context) {
        DocumentUpdates.update(collection, event.licenceId(), () -> new Document(CITATIONS, List.of()), context.eventId(),
                licence -> {
                    List<Document> citations = Docs.documents(licence, CITATIONS);
                    citations.add(new Document("term", event.term().id()).append("annotationId", event.annotationId())
                            .append("documentId", annotation == null ? null : annotation.documentId())
                            .append("quote", annotation == null ? null : annotation.anchor().quote().exact())
                            .append("citedBy", event.adminId()).append("citedAt", Docs.date(context.timestamp())));
                    licence.put(CITATIONS, citations);
                });
    }

    public void withdrawn(LicenceTermCitationWithdrawn event, EventContext context) {
        DocumentUpdates.update(collection, event.licenceId(), null, context.eventId(), licence -> licence.put(CITATIONS,
                Docs.documents(licence, CITATIONS).stream().filter(c -> !(event.term().id().equals(c.getString("term"))
                        && event.annotationId().equals(c.getString("annotationId")))).toList()));
    }

    public List<LicenceCitationView> of(String licenceId) {
        Document licence = collection.find(eq(DocumentUpdates.ID, licenceId)).first();
        return licence == null ? List.of() : Docs.documents(licence, CITATIONS).stream()
                .map(c -> new LicenceCitationView(c.getString("term"), c.getString("annotationId"),
                        c.getString("documentId"), c.getString("quote"), c.getString("citedBy"), Docs.instant(c, "citedAt")))
                .toList();
    }
}
