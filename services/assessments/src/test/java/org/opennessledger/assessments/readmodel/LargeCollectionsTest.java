package org.opennessledger.assessments.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
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

    LargeCollectionsTest() {
        server.bind("127.0.0.1", 0);
        client = MongoClients.create("mongodb://127.0.0.1:" + server.getLocalAddress().getPort());
        database = client.getDatabase("large");
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void theModelListAndTheMatrixReadMoreThanOneMaximumMessageOfModelPages() {
        MongoCollection<Document> pages = database.getCollection(ReadModels.MODEL_PAGES);
        String padding = "p".repeat(3_000); // ~60 MB of pages in all: more than one 48 MB message
        List<Document> batch = new ArrayList<>();
        for (int i = 0; i < FAMILIES; i++) {
            batch.add(new Document("_id", "family-" + i).append("name", "Family " + i).append("producer", "Lab")
                    .append("description", padding).append("registeredAt", new Date(0))
                    .append("releases", List.of(new Document("releaseId", "r1").append("name", "R1")
                            .append("registeredAt", new Date(0))))
                    .append("claims", List.of()));
            if (batch.size() == 1_000) {
                pages.insertMany(batch);
                batch.clear();
            }
        }
        ReadModels readModels = new ReadModels(database);

        assertThat(readModels.modelPages().list()).hasSize(FAMILIES);
        assertThat(readModels.modelPages().matrix().rows()).hasSize(FAMILIES);
    }
}
