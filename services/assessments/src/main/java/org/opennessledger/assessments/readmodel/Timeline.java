package org.opennessledger.assessments.readmodel;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.LongStream;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.opennessledger.contracts.views.HistoryEntryView;
import org.opennessledger.contracts.views.TimelinePageView;

/**
 * The history: one document per event, keyed by the event's global position in the event store
 * ({@code _id}), so a re-delivered event finds its entry already written and changes nothing, and the
 * whole history can be read newest first by looking positions up — the embedded mongo-java-server
 * has no index but {@code _id} and would otherwise sort every entry to find the newest fifty.
 * <p>
 * Beside the entries, one document says up to which position the projector has handled events (it
 * writes it once per batch, {@link #handledUpTo}); the newest page starts there, after a look above
 * it for entries of a batch still being written.
 */
public final class Timeline {

    /** Positions looked up per query when walking the whole history: more than a batch of events plus gaps. */
    static final int WINDOW = 1_000;
    /** Positions one page of the whole history may walk through for entries that pass its filters. */
    static final int WALK_LIMIT = 100_000;
    private static final String HANDLED = "handled";

    private final MongoCollection<Document> collection;
    private final MongoCollection<Document> head;
    private final int window;
    private final int walkLimit;
    /** Only for processors that deliver no tracking token: continues after the highest stored position. */
    private Long lastFallbackPosition;

    Timeline(MongoCollection<Document> collection, MongoCollection<Document> head) {
        this(collection, head, WINDOW, WALK_LIMIT);
    }

    /** With a smaller window and walk limit, for tests. */
    Timeline(MongoCollection<Document> collection, MongoCollection<Document> head, int window, int walkLimit) {
        this.collection = collection;
        this.head = head;
        this.window = window;
        this.walkLimit = walkLimit;
    }

    public void record(EventContext context, String summary, String modelId, String releaseId, String claimId) {
        long position = context.position() != null ? context.position() : nextFallbackPosition();
        Document entry = new Document("position", position)
                .append("eventId", context.eventId())
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
        collection.updateOne(eq(DocumentUpdates.ID, position), Updates.setOnInsert(entry),
                new UpdateOptions().upsert(true));
    }

    /** Every event up to {@code position} has been handled (recorded here or not): where the newest page starts. */
    public void handledUpTo(long position) {
        head.updateOne(eq(DocumentUpdates.ID, HANDLED), Updates.max("position", position),
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
        if ("all".equals(scope)) {
            return walk(kinds, from, to, cursor, newestFirst, limit);
        }
        List<Bson> filters = new ArrayList<>();
        String field = SCOPES.get(scope);
        if (field == null || id == null) {
            throw new IllegalArgumentException("unknown timeline scope " + scope);
        }
        filters.add(eq(field, id));
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
        Bson filter = Filters.and(filters);
        List<HistoryEntryView> entries = new ArrayList<>();
        collection.find(filter).sort(newestFirst ? Sorts.descending("position") : Sorts.ascending("position"))
                .limit(limit + 1).forEach(doc -> entries.add(view(doc)));
        if (entries.size() <= limit) {
            return new TimelinePageView(List.copyOf(entries), null);
        }
        List<HistoryEntryView> page = List.copyOf(entries.subList(0, limit));
        return new TimelinePageView(page, page.get(page.size() - 1).position());
    }

    /**
     * A page of the whole history, read by position {@value #WINDOW} at a time from the cursor (or the newest
     * entry) on, keeping the entries that pass the filters. A page walks through at most {@value #WALK_LIMIT}
     * positions: when rare kinds leave it short, it ends with fewer entries and a cursor to go on from.
     */
    private TimelinePageView walk(List<String> kinds, Instant from, Instant to, Long cursor, boolean newestFirst,
                                  int limit) {
        Predicate<HistoryEntryView> wanted = entry -> (kinds == null || kinds.isEmpty() || kinds.contains(entry.eventType()))
                && (from == null || !entry.at().isBefore(from)) && (to == null || !entry.at().isAfter(to));
        long newest = newestPosition();
        // the next position to read: walking down from the cursor or the newest, or up from the cursor or the start
        long next = newestFirst ? (cursor != null ? Math.min(cursor - 1, newest) : newest) : (cursor != null ? cursor + 1 : 0);
        List<HistoryEntryView> entries = new ArrayList<>();
        long walked = 0;
        while (entries.size() <= limit && walked < walkLimit && (newestFirst ? next >= 0 : next <= newest)) {
            long low = newestFirst ? Math.max(0, next - window + 1) : next;
            long high = newestFirst ? next : Math.min(newest, next + window - 1);
            List<HistoryEntryView> read = new ArrayList<>();
            collection.find(Filters.in(DocumentUpdates.ID, positions(low, high))).forEach(doc -> read.add(view(doc)));
            read.sort(newestFirst ? Comparator.comparingLong(HistoryEntryView::position).reversed()
                    : Comparator.comparingLong(HistoryEntryView::position));
            read.stream().filter(wanted).forEach(entries::add);
            walked += high - low + 1;
            next = newestFirst ? low - 1 : high + 1;
        }
        if (entries.size() > limit) {
            List<HistoryEntryView> page = List.copyOf(entries.subList(0, limit));
            return new TimelinePageView(page, page.get(page.size() - 1).position());
        }
        boolean walkedOut = newestFirst ? next >= 0 : next <= newest;
        // out of walk: the next page begins where this one stopped reading (the cursor is exclusive)
        return new TimelinePageView(List.copyOf(entries), walkedOut ? (newestFirst ? next + 1 : next - 1) : null);
    }

    /**
     * A position no entry lies above (-1 when there is none): the handled position the projector last wrote (its
     * last events may have no entry), raised by a look above it for entries of a batch written since (or, when
     * that position is missing, a walk up through every entry).
     */
    private long newestPosition() {
        Document handled = head.find(eq(DocumentUpdates.ID, HANDLED)).first();
        long newest = handled == null ? -1 : Docs.longValue(handled, "position");
        while (true) {
            long above = -1;
            for (Document doc : collection.find(Filters.in(DocumentUpdates.ID, positions(newest + 1, newest + window)))
                    .projection(new Document(DocumentUpdates.ID, 1))) {
                above = Math.max(above, ((Number) doc.get(DocumentUpdates.ID)).longValue());
            }
            if (above < 0) {
                return newest;
            }
            newest = above;
        }
    }

    private static List<Long> positions(long low, long high) {
        return LongStream.rangeClosed(low, high).boxed().toList();
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
