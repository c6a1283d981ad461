package org.opennessledger.platform.readstore;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.bson.Document;

/**
 * The MongoDB that holds read models and tracking tokens: a real server when a URL is given,
 * otherwise mongo-java-server started in this JVM on 127.0.0.1 with its H2 file backend (so the
 * read models survive restarts). Either way the application talks to it with the real driver.
 *
 * <p>The embedded store writes to disk in the background, so a killed process can leave it with
 * some documents older than the tracking token stored beside them. A marker file exists while the
 * store is open; finding it at start means the last run did not close the store, and the caller
 * must rebuild the read models from the event store ({@link #wasLeftOpen()}).
 */
public final class ReadStore implements AutoCloseable {

    static final String OPEN_MARKER = "open.marker";

    private final MongoServer embeddedServer;
    private final MongoClient client;
    private final MongoDatabase database;
    private final String description;
    private final Path openMarker;
    private final boolean leftOpen;

    private ReadStore(MongoServer embeddedServer, MongoClient client, String databaseName, String description,
            Path openMarker, boolean leftOpen) {
        this.embeddedServer = embeddedServer;
        this.openMarker = openMarker;
        this.leftOpen = leftOpen;
        this.client = client;
        this.database = client.getDatabase(databaseName);
        this.description = description;
    }

    public static ReadStore embedded(Path directory, String databaseName) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create the read store directory " + directory, e);
        }
        Path file = directory.toAbsolutePath().resolve("read-models.mv");
        Path openMarker = directory.toAbsolutePath().resolve(OPEN_MARKER);
        boolean leftOpen = Files.exists(openMarker) && Files.exists(file);
        MongoServer server = new MongoServer(new H2Backend(file.toString()));
        var address = server.bind();
        try {
            Files.writeString(openMarker, "the embedded read store is open; see ReadStore.java\n");
        } catch (IOException e) {
            server.shutdown();
            throw new IllegalStateException("cannot write the read store marker " + openMarker, e);
        }
        String url = "mongodb://127.0.0.1:" + address.getPort();
        return new ReadStore(server, connect(url), databaseName, "embedded mongo-java-server (" + file + ")",
                openMarker, leftOpen);
    }

    public static ReadStore external(String url, String databaseName) {
        return new ReadStore(null, connect(url), databaseName, "MongoDB at " + redact(url), null, false);
    }

    private static MongoClient connect(String url) {
        MongoClientSettings settings = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(url))
                .applyToClusterSettings(cluster -> cluster.serverSelectionTimeout(5, TimeUnit.SECONDS))
                .applyToSocketSettings(socket -> socket.connectTimeout(5, TimeUnit.SECONDS))
                .build();
        return MongoClients.create(settings);
    }

    private static String redact(String url) {
        return url.replaceAll("//[^@/]*@", "//***@");
    }

    public MongoClient client() {
        return client;
    }

    public MongoDatabase database() {
        return database;
    }

    public String description() {
        return description;
    }

    /**
     * True when the embedded store was not closed by the previous run (a crash or kill -9): its
     * documents and tokens may disagree, so the read models must be rebuilt. Always false for an
     * external MongoDB, whose writes are acknowledged durably.
     */
    public boolean wasLeftOpen() {
        return leftOpen;
    }

    /**
     * Whether non-unique indexes help here: on an external MongoDB yes; the embedded mongo-java-server
     * ignores them (and would scan every collection for each at start-up).
     */
    public boolean servesSecondaryIndexes() {
        return embeddedServer == null;
    }

    public boolean isReachable() {
        try {
            database.runCommand(new Document("ping", 1));
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() {
        client.close();
        if (embeddedServer != null) {
            embeddedServer.shutdown(); // closes the MVStore, which writes everything to the file
            try {
                Files.deleteIfExists(openMarker);
            } catch (IOException e) {
                // the next start will rebuild the read models: slower, never wrong
            }
        }
    }
}
