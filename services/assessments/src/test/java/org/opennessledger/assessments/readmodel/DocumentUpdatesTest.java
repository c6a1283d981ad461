package org.opennessledger.assessments.readmodel;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.util.ConcurrentModificationException;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The read-modify-write every read model relies on, against the real driver and mongo-java-server. */
class DocumentUpdatesTest {

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final MongoClient client;
    private final MongoCollection<Document> collection;

    DocumentUpdatesTest() {
        server.bind("127.0.0.1", 0);
        client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
        collection = client.getDatabase("test").getCollection("pages");
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void onlyTheMostRecentAppliedEventIdsAreKeptSoADocumentDoesNotGrowWithItsHistory() {
        int events = DocumentUpdates.APPLIED_EVENTS_KEPT + 5;
        DocumentUpdates.update(collection, "p", () -> new Document("items", List.of()), "e0", append("x"));
        for (int i = 1; i < events; i++) {
            DocumentUpdates.update(collection, "p", null, "e" + i, append("x"));
        }

        List<String> applied = collection.find(eq("_id", "p")).first().getList(DocumentUpdates.APPLIED_EVENTS, String.class);
        assertThat(applied).hasSize(DocumentUpdates.APPLIED_EVENTS_KEPT)
                .startsWith("e5").endsWith("e" + (events - 1));
        // a re-delivery of a recent event is still recognised
        DocumentUpdates.update(collection, "p", null, "e" + (events - 1), append("again"));
        assertThat(collection.find(eq("_id", "p")).first().getList("items", String.class)).doesNotContain("again");
    }

    @Test
    void anEventIsAppliedOnceEvenWhenItIsDeliveredAgainAfterLaterEvents() {
        DocumentUpdates.update(collection, "p", () -> new Document("items", List.of()), "e1", append("a"));
        DocumentUpdates.update(collection, "p", null, "e2", append("b"));
        DocumentUpdates.update(collection, "p", null, "e1", append("a"));

        Document stored = collection.find(eq("_id", "p")).first();
        assertThat(stored.getList("items", String.class)).containsExactly("a", "b");
        assertThat(stored.getList(DocumentUpdates.APPLIED_EVENTS, String.class)).containsExactly("e1", "e2");
        assertThat(stored.getLong(DocumentUpdates.REVISION)).isEqualTo(2L);
    }

    @Test
    void aChangeThatAltersNothingIsNotWritten() {
        DocumentUpdates.update(collection, "p", () -> new Document("name", "x"), null, doc -> { });
        DocumentUpdates.update(collection, "p", null, null, doc -> doc.put("name", "x"));

        assertThat(collection.find(eq("_id", "p")).first().getLong(DocumentUpdates.REVISION)).isEqualTo(1L);
    }

    @Test
    void aWriteBetweenReadAndReplaceMakesTheUpdateFailInsteadOfLosingIt() {
        DocumentUpdates.update(collection, "p", () -> new Document("items", List.of()), null, doc -> { });

        assertThatThrownBy(() -> DocumentUpdates.update(collection, "p", null, "e1", doc -> {
            // Another writer gets in after this update read the document.
            collection.updateOne(eq("_id", "p"), Updates.combine(Updates.push("items", "other"),
                    Updates.inc(DocumentUpdates.REVISION, 1L)));
            append("mine").accept(doc);
        })).isInstanceOf(ConcurrentModificationException.class);

        assertThat(collection.find(eq("_id", "p")).first().getList("items", String.class)).containsExactly("other");
    }

    @Test
    void theConditionalWriteStillFailsWhenTheIndexForItsFilterIsDeclared() {
        ReadModels.ensureIndexes(client.getDatabase("test"), false);
        MongoCollection<Document> pages = client.getDatabase("test").getCollection(ReadModels.MODEL_PAGES);
        DocumentUpdates.update(pages, "p", () -> new Document("items", List.of()), null, doc -> { });

        assertThatThrownBy(() -> DocumentUpdates.update(pages, "p", null, "e1", doc -> {
            pages.updateOne(eq("_id", "p"), Updates.inc(DocumentUpdates.REVISION, 1L));
            append("mine").accept(doc);
        })).isInstanceOf(ConcurrentModificationException.class);
        DocumentUpdates.update(pages, "p", null, "e1", append("mine"));
        assertThat(pages.find(eq("_id", "p")).first().getList("items", String.class)).containsExactly("mine");
    }

    /**
     * mongo-java-server serves a filter from an index only when the filter names exactly the index's
     * fields; otherwise every conditional write scans its collection (replay then grows quadratically).
     */
    @Test
    void everyConditionalWriteFilterNamesExactlyTheFieldsOfAUniqueIndex() {
        MongoDatabase database = client.getDatabase("test");
        ReadModels.ensureIndexes(database, false);

        assertThat(DocumentUpdates.idAnd("p", DocumentUpdates.REVISION, 3L).keySet())
                .containsExactly(DocumentUpdates.ID, DocumentUpdates.REVISION);
        for (String name : List.of(ReadModels.MODEL_PAGES, ReadModels.CLAIM_PAGES, ReadModels.ASSESSMENT_INPUTS,
                ReadModels.DEBATES, ReadModels.DISPUTES, ReadModels.FLAGS)) {
            assertThat(uniqueIndexKeys(database, name)).as(name).contains(List.of(DocumentUpdates.ID, DocumentUpdates.REVISION));
        }
        assertThat(uniqueIndexKeys(database, ReadModels.ASSESSMENT_HEADS))
                .contains(List.of(DocumentUpdates.ID, AssessmentVersions.HEAD_VERSION));
    }

    @Test
    void onAStoreWithoutSecondaryIndexesNoneIsDeclaredAndThoseOfAnEarlierVersionAreDropped() {
        MongoDatabase database = client.getDatabase("test");
        ReadModels.ensureIndexes(database, true);
        assertThat(secondaryIndexNames(database, ReadModels.HISTORY)).isNotEmpty();

        ReadModels.ensureIndexes(database, false);

        for (String name : ReadModels.COLLECTIONS) {
            assertThat(secondaryIndexNames(database, name)).as(name).isEmpty();
        }
        assertThat(uniqueIndexKeys(database, ReadModels.CLAIM_PAGES))
                .contains(List.of(DocumentUpdates.ID, DocumentUpdates.REVISION));
    }

    private static List<String> secondaryIndexNames(MongoDatabase database, String collection) {
        List<String> names = new java.util.ArrayList<>();
        database.getCollection(collection).listIndexes().forEach(index -> {
            if (!Boolean.TRUE.equals(index.getBoolean("unique")) && !"_id_".equals(index.getString("name"))) {
                names.add(index.getString("name"));
            }
        });
        return names;
    }

    private static List<List<String>> uniqueIndexKeys(MongoDatabase database, String collection) {
        List<List<String>> keys = new java.util.ArrayList<>();
        database.getCollection(collection).listIndexes().forEach(index -> {
            if (Boolean.TRUE.equals(index.getBoolean("unique"))) {
                keys.add(List.copyOf(index.get("key", Document.class).keySet()));
            }
        });
        return keys;
    }

    @Test
    void anUpdateOfAnAbsentDocumentWithoutInitialDoesNothing() {
        assertThat(DocumentUpdates.update(collection, "missing", null, "e1", append("a"))).isEmpty();
        assertThat(collection.countDocuments()).isZero();
    }

    private static java.util.function.Consumer<Document> append(String item) {
        return doc -> {
            List<String> items = Docs.strings(doc, "items");
            items.add(item);
            doc.put("items", items);
        };
    }
}
