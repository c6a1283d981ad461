package org.opennessledger.assessments.readmodel;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.opennessledger.contracts.views.HistoryEntryView;

/**
 * The history: one document per event ({@code _id} = the event's identifier, so a re-delivered
 * event finds its entry already written and changes nothing). Entries are ordered by the event's
 * global position in the event store.
 */
public final class Timeline {

    private final MongoCollection<Document> collection;
    /** Only for processors that deliver no tracking token: continues after the highest stored position. */
    private Long lastFallbackPosition;

    Timeline(MongoCollection<Document> collection) {
        this.collection = collection;
    }

    public void record(EventContext context, String summary, String modelId, String releaseId, String claimId) {
        long position = context.position() != null ? context.position() : nextFallbackPosition();
        Document entry = new Document("position", position)
                .append("at", Docs.date(context.timestamp()))
                .append("eventType", context.eventType())
                .append("summary", summary)
                .append("actorId", context.actorId())
                .append("actorRoles", context.actorRoles())
                .append("reason", context.reason())
                .append("correlationId", context.correlationId())
                .append("modelId", modelId)
                .append("releaseId", releaseId)
                .append("claimId", claimId);
        // First delivery wins: an entry, once written, is never rewritten.
        collection.updateOne(eq(DocumentUpdates.ID, context.eventId()), Updates.setOnInsert(entry),
                new UpdateOptions().upsert(true));
    }

    /** Every event of the family, its releases and the claims on it, oldest first. */
    public List<HistoryEntryView> ofModel(String modelId) {
        return modelId == null ? List.of() : entries("modelId", modelId);
    }

    /** Every event of one claim, oldest first. */
    public List<HistoryEntryView> ofClaim(String claimId) {
        return claimId == null ? List.of() : entries("claimId", claimId);
    }

    private List<HistoryEntryView> entries(String field, String value) {
        List<HistoryEntryView> entries = new ArrayList<>();
        collection.find(eq(field, value)).sort(Sorts.ascending("position", "at")).forEach(doc -> entries.add(
                new HistoryEntryView(Docs.longValue(doc, "position"), Docs.instant(doc, "at"),
                        doc.getString("eventType"), doc.getString("summary"), doc.getString("actorId"),
                        doc.getString("actorRoles"), doc.getString("reason"), doc.getString("correlationId"),
                        doc.getString("modelId"), doc.getString("releaseId"), doc.getString("claimId"))));
        return entries;
    }

    private synchronized long nextFallbackPosition() {
        if (lastFallbackPosition == null) {
            Document highest = collection.find().sort(Sorts.descending("position")).limit(1).first();
            lastFallbackPosition = highest == null ? -1L : Docs.longValue(highest, "position");
        }
        lastFallbackPosition++;
        return lastFallbackPosition;
    }
}
