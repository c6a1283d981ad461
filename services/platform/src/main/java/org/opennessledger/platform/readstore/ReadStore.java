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
 */
public final class ReadStore implements AutoCloseable {

    private final MongoServer embeddedServer;
    private final MongoClient client;
    private final MongoDatabase database;
    private final String description;

    private ReadStore(MongoServer embeddedServer, MongoClient client, String databaseName, String description) {
        this.embeddedServer = embeddedServer;
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
        MongoServer server = new MongoServer(new H2Backend(file.toString()));
        var address = server.bind();
        String url = "mongodb://127.0.0.1:" + address.getPort();
        return new ReadStore(server, connect(url), databaseName, "embedded mongo-java-server (" + file + ")");
    }

    public static ReadStore external(String url, String databaseName) {
        return new ReadStore(null, connect(url), databaseName, "MongoDB at " + redact(url));
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
            embeddedServer.shutdown();
        }
    }
}
