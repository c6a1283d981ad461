package org.opennessledger.assessments.readmodel;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.opennessledger.contracts.views.HistoryEntryView;
import org.opennessledger.contracts.views.TimelinePageView;

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
        collection.find(eq(field, value)).sort(Sorts.ascending("position", "at")).batchSize(Docs.BATCH).forEach(doc -> entries.add(view(doc)));
        return entries;
    }

    /** The fields a timeline can be scoped by. */
    private static final Map<String, String> SCOPES = Map.of("model", "modelId", "claim", "claimId", "actor", "actorId");

    /**
     * One page of a timeline (see {@code Queries.GetTimeline}): at most {@code limit} entries, and the
     * cursor of the next page when there are more.
     *
     * @throws IllegalArgumentException for an unknown scope
     */
    public TimelinePageView page(String scope, String id, List<String> kinds, Instant from, Instant to, Long cursor,
                                 boolean newestFirst, int limit) {
        List<Bson> filters = new ArrayList<>();
        if (!"all".equals(scope)) {
            String field = SCOPES.get(scope);
            if (field == null || id == null) {
                throw new IllegalArgumentException("unknown timeline scope " + scope);
            }
            filters.add(eq(field, id));
        }
        if (kinds != null && !kinds.isEmpty()) {
            filters.add(Filters.in("eventType", kinds));
        }
        if (from != null) {
            filters.add(Filters.gte("at", Docs.date(from)));
        }
        if (to != null) {
            filters.add(Filters.lte("at", Docs.date(to)));
        }
        if (cursor != null) {
            filters.add(newestFirst ? Filters.lt("position", cursor) : Filters.gt("position", cursor));
        }
        Bson filter = filters.isEmpty() ? new Document() : Filters.and(filters);
        List<HistoryEntryView> entries = new ArrayList<>();
        collection.find(filter).sort(newestFirst ? Sorts.descending("position") : Sorts.ascending("position"))
                .limit(limit + 1).forEach(doc -> entries.add(view(doc)));
        if (entries.size() <= limit) {
            return new TimelinePageView(List.copyOf(entries), null);
        }
        List<HistoryEntryView> page = List.copyOf(entries.subList(0, limit));
        return new TimelinePageView(page, page.get(page.size() - 1).position());
    }

    private static HistoryEntryView view(Document doc) {
        return new HistoryEntryView(Docs.longValue(doc, "position"), Docs.instant(doc, "at"),
                doc.getString("eventType"), doc.getString("summary"), doc.getString("actorId"),
                doc.getString("actorRoles"), doc.getString("reason"), doc.getString("correlationId"),
                doc.getString("modelId"), doc.getString("releaseId"), doc.getString("claimId"));
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
