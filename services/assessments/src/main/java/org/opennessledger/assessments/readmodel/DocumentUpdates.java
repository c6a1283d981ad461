package org.opennessledger.assessments.readmodel;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import java.util.ConcurrentModificationException;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.bson.BsonDocument;
import org.bson.Document;

/**
 * Read-modify-write of one document. The change runs in Java on the stored document; the write
 * is conditional on the revision that was read, so a concurrent writer makes it fail loudly
 * instead of losing an update (the event is then retried by the processor).
 * <p>
 * Changes that are not naturally idempotent (a review replacing an earlier one, a status
 * change) pass the event id: the document remembers the ids it has applied and ignores a
 * re-delivery, even one that arrives after later events (a retried batch). It remembers only the
 * last {@value #APPLIED_EVENTS_KEPT} ids, far more than a processor batch, so a document does not
 * grow with its history; a full rebuild therefore drops the read models before resetting tokens.
 */
final class DocumentUpdates {

    static final String ID = "_id";
    static final String REVISION = "revision";
    static final String APPLIED_EVENTS = "appliedEvents";
    static final int APPLIED_EVENTS_KEPT = 1000;

    private DocumentUpdates() {
    }

    /**
     * Applies {@code change} to the document {@code id}.
     *
     * @param initial creates the document when it does not exist yet; null means "only update"
     * @param eventId when not null, the change is applied at most once for this event id
     * @return the document as stored afterwards, or empty when it does not exist and no initial was given
     */
    static Optional<Document> update(MongoCollection<Document> collection, String id, Supplier<Document> initial,
                                     String eventId, Consumer<Document> change) {
        Document stored = collection.find(eq(ID, id)).first();
        Document document;
        if (stored != null) {
            document = stored;
        } else if (initial != null) {
            document = initial.get();
            document.put(ID, id);
        } else {
            return Optional.empty();
        }
        if (eventId != null && Docs.strings(document, APPLIED_EVENTS).contains(eventId)) {
            return Optional.of(document);
        }
        // An event's change always records its id, so only changes without one can leave the document as it was.
        BsonDocument before = stored == null || eventId != null ? null : Docs.snapshot(document);
        change.accept(document);
        if (eventId != null) {
            List<String> applied = Docs.strings(document, APPLIED_EVENTS);
            applied.add(eventId);
            if (applied.size() > APPLIED_EVENTS_KEPT) {
                applied = List.copyOf(applied.subList(applied.size() - APPLIED_EVENTS_KEPT, applied.size()));
            }
            document.put(APPLIED_EVENTS, applied);
        }
        if (before != null && before.equals(Docs.snapshot(document))) {
            return Optional.of(document);
        }
        write(collection, id, document, stored == null ? 0L : Docs.longValue(stored, REVISION));
        return Optional.of(document);
    }

    private static void write(MongoCollection<Document> collection, String id, Document document, long readRevision) {
        document.put(REVISION, readRevision + 1);
        if (readRevision == 0L) {
            try {
                collection.insertOne(document);
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                    throw concurrentChange(collection, id);
                }
                throw e;
            }
            return;
        }
        if (collection.replaceOne(idAnd(id, REVISION, readRevision), document).getMatchedCount() == 0) {
            throw concurrentChange(collection, id);
        }
    }

    /**
     * The filter {@code {_id: id, field: value}} as one plain document. Not {@code Filters.and}: the driver
     * renders that as {@code $and}, which mongo-java-server's indexes never serve (a scan per write), while
     * a real MongoDB reads both forms alike. See {@link ReadModels#ensureIndexes}.
     */
    static Document idAnd(String id, String field, Object value) {
        return new Document(ID, id).append(field, value);
    }

    private static ConcurrentModificationException concurrentChange(MongoCollection<Document> collection, String id) {
        return new ConcurrentModificationException("read model document " + collection.getNamespace().getCollectionName()
                + "/" + id + " was changed concurrently; the event will be retried");
    }
}
