package org.opennessledger.assessments.readmodel;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.opennessledger.contracts.annotations.AnnotationCreated;
import org.opennessledger.contracts.annotations.AnnotationReviewed;
import org.opennessledger.contracts.annotations.AnnotationTag;
import org.opennessledger.contracts.annotations.TextAnchor;
import org.opennessledger.contracts.annotations.TextPositionSelector;
import org.opennessledger.contracts.annotations.TextQuoteSelector;
import org.opennessledger.contracts.documents.AnnotationOrphaned;
import org.opennessledger.contracts.documents.AnnotationReanchored;
import org.opennessledger.contracts.views.AnnotationView;

/**
 * Annotations where they lie now: created on a version, moved by each new version that still holds
 * their passage, or marked orphaned (kept, with the last anchor) when one no longer does.
 */
public final class Annotations {

    private static final String REVIEWS = "reviews";
    private static final String CITED_BY_CLAIMS = "citedByClaims";
    private static final String MODEL_IDS = "modelIds";

    private final MongoCollection<Document> collection;

    Annotations(MongoCollection<Document> collection) {
        this.collection = collection;
    }

    public void created(AnnotationCreated event, EventContext context) {
        DocumentUpdates.update(collection, event.annotationId(), Document::new, context.eventId(), page -> page
                .append("documentId", event.documentId()).append("version", event.version())
                .append("anchor", anchor(event.anchor()))
                .append("tags", event.tags().stream().map(AnnotationTag::id).toList())
                .append("taxonomyVersion", event.taxonomyVersion()).append("comment", event.comment())
                .append("motivation", event.motivation().id()).append("creatorId", event.creatorId())
                .append("created", Docs.date(context.timestamp())).append("modified", Docs.date(context.timestamp()))
                .append("orphaned", false).append("orphanedInVersion", null)
                .append("agreeCount", 0).append("disagreeCount", 0).append(REVIEWS, List.of()));
    }

    public void reanchored(AnnotationReanchored event, EventContext context) {
        DocumentUpdates.update(collection, event.annotationId(), null, context.eventId(), page -> page
                .append("version", event.toVersion()).append("anchor", anchor(event.anchor()))
                .append("modified", Docs.date(context.timestamp())));
    }

    public void orphaned(AnnotationOrphaned event, EventContext context) {
        DocumentUpdates.update(collection, event.annotationId(), null, context.eventId(), page -> page
                .append("orphaned", true).append("orphanedInVersion", event.toVersion())
                .append("modified", Docs.date(context.timestamp())));
    }

    public void reviewed(AnnotationReviewed event, EventContext context) {
        DocumentUpdates.update(collection, event.annotationId(), null, context.eventId(), page -> {
            Document review = Docs.review(event.reviewerId(), event.verdict(), event.justification(),
                    context.timestamp());
            page.append(REVIEWS, Docs.withReview(Docs.documents(page, REVIEWS), review))
                    .append("agreeCount", event.agreeCount())
                    .append("disagreeCount", event.disagreeCount());
        });
    }

    /**
     * Records that evidence about {@code modelId} (on claim {@code claimId}, its debate or its disputes) cites
     * the annotation. A set, so a re-delivered event changes nothing; unknown annotations are ignored (the
     * gateway admits only existing ones, and events arrive in one sequence).
     */
    public void cited(String annotationId, String claimId, String modelId) {
        DocumentUpdates.update(collection, annotationId, null, null, page -> {
            page.append(CITED_BY_CLAIMS, withAdded(Docs.strings(page, CITED_BY_CLAIMS), claimId));
            page.append(MODEL_IDS, withAdded(Docs.strings(page, MODEL_IDS), modelId));
        });
    }

    private static List<String> withAdded(List<String> values, String value) {
        if (value != null && !values.contains(value)) {
            values.add(value);
        }
        return values;
    }

    public Optional<AnnotationView> find(String annotationId) {
        return Optional.ofNullable(collection.find(eq(DocumentUpdates.ID, annotationId)).first()).map(Annotations::view);
    }

    /** Oldest first; each filter may be null (any). A filter on fields other than {@code _id}: a scan on the embedded store. */
    public List<AnnotationView> list(String documentId, String tag, String creatorId, String modelId) {
        List<Bson> filters = new ArrayList<>();
        if (documentId != null) {
            filters.add(eq("documentId", documentId));
        }
        if (tag != null) {
            filters.add(eq("tags", tag));
        }
        if (creatorId != null) {
            filters.add(eq("creatorId", creatorId));
        }
        if (modelId != null) {
            filters.add(eq(MODEL_IDS, modelId));
        }
        List<AnnotationView> found = new ArrayList<>();
        collection.find(filters.isEmpty() ? new Document() : Filters.and(filters)).batchSize(Docs.BATCH)
                .forEach(page -> found.add(view(page)));
        found.sort(Comparator.comparing(AnnotationView::created).thenComparing(AnnotationView::annotationId));
        return found;
    }

    private static Document anchor(TextAnchor anchor) {
        return new Document("exact", anchor.quote().exact()).append("prefix", anchor.quote().prefix())
                .append("suffix", anchor.quote().suffix()).append("start", anchor.position().start())
                .append("end", anchor.position().end());
    }

    private static AnnotationView view(Document page) {
        Document anchor = page.get("anchor", Document.class);
        Object orphanedIn = page.get("orphanedInVersion");
        return new AnnotationView(page.getString(DocumentUpdates.ID), page.getString("documentId"),
                Docs.integer(page, "version"),
                new TextAnchor(new TextQuoteSelector(anchor.getString("exact"), anchor.getString("prefix"),
                        anchor.getString("suffix")), new TextPositionSelector(Docs.integer(anchor, "start"),
                        Docs.integer(anchor, "end"))),
                Docs.strings(page, "tags"), page.getString("taxonomyVersion"), page.getString("comment"),
                page.getString("motivation"), page.getString("creatorId"), Docs.instant(page, "created"),
                Docs.instant(page, "modified"), Docs.bool(page, "orphaned"),
                orphanedIn instanceof Number number ? number.intValue() : null, Docs.integer(page, "agreeCount"),
                Docs.integer(page, "disagreeCount"), Docs.reviews(page, REVIEWS), Docs.strings(page, CITED_BY_CLAIMS),
                Docs.strings(page, MODEL_IDS));
    }
}
