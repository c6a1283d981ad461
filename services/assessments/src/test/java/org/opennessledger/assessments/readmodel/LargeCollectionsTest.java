package org.opennessledger.assessments.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandSucceededEvent;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.RawBsonDocument;
import org.bson.codecs.BsonDocumentCodec;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Reads over a whole collection stay within the wire protocol's message size on mongo-java-server:
 * unbatched, its reply to the cursor's next batch holds every remaining document, and the driver
 * refuses one over 48 MB (the model list answered 500 at a million events, about 20,000 families).
 */
class LargeCollectionsTest {

    private static final int FAMILIES = 20_000;

    private final MongoServer server = new MongoServer(new MemoryBackend());
    private final MongoClient client;
    private final MongoDatabase database;
    /** Bytes of the read store's replies to find and getMore, as the driver received them. */
    private final AtomicLong bytesRead = new AtomicLong();

    LargeCollectionsTest() {
        server.bind("127.0.0.1", 0);
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString("mongodb://127.0.0.1:" + server.getLocalAddress().getPort()))
                .addCommandListener(new CommandListener() {
                    @Override
                    public void commandSucceeded(CommandSucceededEvent event) {
                        if (event.getCommandName().equals("find") || event.getCommandName().equals("getMore")) {
                            bytesRead.addAndGet(new RawBsonDocument(event.getResponse(), new BsonDocumentCodec())
                                    .getByteBuffer().remaining());
                        }
                    }
                })
                .build());
        database = client.getDatabase("large");
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void theModelListAndTheMatrixReadMoreThanOneMaximumMessageOfModelPages() {
        // ~60 MB of names, which both read: more than one 48 MB message
        storePages(FAMILIES, "p".repeat(3_000), "");
        ReadModels readModels = new ReadModels(database);

        assertThat(readModels.modelPages().list()).hasSize(FAMILIES);
        assertThat(readModels.modelPages().matrix().rows()).hasSize(FAMILIES);
    }

    /**
     * The list and the matrix read the fields they show, not whole pages: most of a page is what only the page
     * itself shows (here a long description; in a grown store the claims), and at 20,000 families reading it whole
     * moved about 120 MB per request.
     */
    @Test
    void theModelListAndTheMatrixLeaveOutWhatOnlyAModelPageShows() {
        int families = 1_000;
        storePages(families, "", "d".repeat(3_000));
        ReadModels readModels = new ReadModels(database);

        bytesRead.set(0);
        assertThat(readModels.modelPages().list()).hasSize(families)
                .allSatisfy(model -> assertThat(model.releaseCount()).isEqualTo(1));
        assertThat(bytesRead.get()).as("bytes read for the list").isLessThan(families * 500L);
        bytesRead.set(0);
        assertThat(readModels.modelPages().matrix().rows()).hasSize(families);
        assertThat(bytesRead.get()).as("bytes read for the matrix").isLessThan(families * 500L);
    }

    private void storePages(int families, String namePadding, String description) {
        MongoCollection<Document> pages = database.getCollection(ReadModels.MODEL_PAGES);
        List<Document> batch = new ArrayList<>();
        for (int i = 0; i < families; i++) {
            batch.add(new Document("_id", "family-" + i).append("name", "Family " + i + namePadding).append("producer", "Lab")
                    .append("description", description).append("registeredAt", new Date(0))
                    .append("releases", List.of(new Document("releaseId", "r1").append("name", "R1")
                            .append("registeredAt", new Date(0))))
                    .append("claims", List.of()));
            if (batch.size() == 1_000) {
                pages.insertMany(batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            pages.insertMany(batch);
        }
    }
}
