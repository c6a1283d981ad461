package org.opennessledger.platform.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.opennessledger.platform.Platform;
import org.opennessledger.platform.PlatformSettings;
import org.opennessledger.platform.TestEnvironment;

/**
 * One platform for all API test classes of this JVM (embedded H2 and MongoDB in a temporary
 * directory, the shared test Keycloak, a free port), started on first use and stopped at exit.
 */
final class SharedPlatform {

    private static Platform platform;
    private static LedgerClient client;

    private SharedPlatform() {
    }

    static synchronized LedgerClient client() {
        if (platform == null) {
            platform = start(Map.of());
            Runtime.getRuntime().addShutdownHook(new Thread(platform::close));
            client = new LedgerClient(platform.httpPort());
        }
        return client;
    }

    /** The shared platform's HTTP port (started on first use). */
    static synchronized int port() {
        client();
        return platform.httpPort();
    }

    /** Starts a separate platform with extra settings (the caller closes it). */
    static Platform start(Map<String, String> overrides) {
        return start(overrides, newDataDir());
    }

    static Platform start(Map<String, String> overrides, Path dataDir) {
        Map<String, String> env = new HashMap<>();
        env.put("LEDGER_DATA_DIR", dataDir.toString());
        env.put("LEDGER_HTTP_PORT", "0");
        env.put("LEDGER_KEYCLOAK_URL", TestEnvironment.keycloakUrl());
        liftWriteLimits(env);
        env.putAll(overrides);
        return Platform.start(PlatformSettings.fromEnvironment(env));
    }

    /** Every test writes from 127.0.0.1, many as the same few people: write limits only where a test sets them. */
    static void liftWriteLimits(Map<String, String> env) {
        env.put("LEDGER_WRITES_PER_MINUTE_PER_PERSON", "1000000");
        env.put("LEDGER_WRITES_PER_MINUTE_PER_ADDRESS", "1000000");
    }

    static Path newDataDir() {
        try {
            return Files.createTempDirectory("ledger-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
