package org.opennessledger.platform.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.opennessledger.platform.Platform;
import org.opennessledger.platform.PlatformSettings;
import org.opennessledger.platform.TestEnvironment;

/**
 * One platform for all API test classes of this JVM (embedded H2 and MongoDB in a temporary
 * directory, the shared test Keycloak, a free port), started on first use and stopped at exit.
 * Every data directory a test asks for lies in one temporary folder per JVM, deleted at exit after
 * the shared platform stopped (each run left a few GB in /tmp before).
 */
final class SharedPlatform {

    private static Platform platform;
    private static LedgerClient client;
    private static Path dataDirs;

    private SharedPlatform() {
    }

    static synchronized LedgerClient client() {
        if (platform == null) {
            platform = start(Map.of()); // closed by the exit hook newDataDir registered
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

    static synchronized Path newDataDir() {
        try {
            if (dataDirs == null) {
                dataDirs = Files.createTempDirectory("ledger-test-");
                // One hook, so the order is certain: the shared platform lets go of its files, then they go.
                Runtime.getRuntime().addShutdownHook(new Thread(SharedPlatform::stopAndDeleteDataDirs));
            }
            return Files.createTempDirectory(dataDirs, "data-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static synchronized void stopAndDeleteDataDirs() {
        if (platform != null) {
            platform.close();
        }
        try (Stream<Path> paths = Files.walk(dataDirs)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            System.err.println("could not delete the test data in " + dataDirs + ": " + e);
        }
    }
}
