package org.opennessledger.platform.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.opennessledger.platform.Platform;

/**
 * Reads are answered from the read store: with every pooled event-store connection taken (as by
 * writes under load), the model list and the matrix still answer. The query bus used to open an
 * event-store transaction around every read, so reads queued behind writes for a connection.
 */
class ReadsNeedNoEventStoreConnectionTest {

    /** The event-store pool's size (EventStoreDatabase). */
    private static final int POOL = 16;

    @Test
    void readsAnswerWhileEveryEventStoreConnectionIsTaken() throws Exception {
        try (Platform platform = SharedPlatform.start(Map.of())) {
            DataSource pool = platform.eventStoreDatabase().dataSource();
            List<Connection> held = new ArrayList<>();
            try {
                for (int i = 0; i < POOL; i++) {
                    held.add(pool.getConnection());
                }
                HttpClient http = HttpClient.newHttpClient();
                for (String path : List.of("/api/models", "/api/matrix")) {
                    HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + platform.httpPort() + path)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
                }
            } finally {
                for (Connection connection : held) {
                    connection.close();
                }
            }
        }
    }
}
