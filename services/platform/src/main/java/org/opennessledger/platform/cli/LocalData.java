package org.opennessledger.platform.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.opennessledger.platform.Platform;
import org.opennessledger.platform.PlatformSettings;
import picocli.CommandLine.Option;

/**
 * Local admin mode: read a data directory directly, with no platform running on it and no token.
 * Whoever may read those files may read everything in them anyway.
 */
final class LocalData {

    @Option(names = "--local", description = "Read the data directory directly instead of asking a running platform")
    boolean local;

    @Option(names = "--data-dir", description = "With --local: the platform's data directory (default ${DEFAULT-VALUE})",
            defaultValue = "${env:LEDGER_DATA_DIR:-data}")
    Path dataDir;

    Path directory() {
        return dataDir.toAbsolutePath().normalize();
    }

    /** Null when the directory holds a ledger's event store, else why not. */
    String problem() {
        return Files.isDirectory(directory().resolve("eventstore")) ? null
                : "no ledger data in " + directory() + " (no eventstore directory); give --data-dir";
    }

    /**
     * The platform's settings for this directory: the embedded stores in it (an external event
     * store or read store from the environment would not be this directory's), HTTP on an ephemeral
     * loopback port.
     */
    Map<String, String> environment() {
        Map<String, String> environment = ephemeralHttp(System.getenv());
        environment.put("LEDGER_DATA_DIR", directory().toString());
        environment.remove("LEDGER_EVENTSTORE_URL");
        environment.remove("LEDGER_MONGO_URL");
        return environment;
    }

    /** The environment, with the platform's HTTP on an ephemeral loopback port (for the seconds a command runs it). */
    static Map<String, String> ephemeralHttp(Map<String, String> environment) {
        Map<String, String> copy = new HashMap<>(environment);
        copy.put("LEDGER_HTTP_HOST", "127.0.0.1");
        copy.put("LEDGER_HTTP_PORT", "0");
        return copy;
    }

    /**
     * Starts a platform in this JVM on the data directory (HTTP on an ephemeral loopback port, for the
     * seconds this takes), runs {@code work} on it and stops it; null after saying why when there is
     * no ledger there or a running platform holds it (its event store lock refuses this start before
     * the read store is touched).
     */
    <T> T withPlatform(PrintWriter err, Function<Platform, T> work) {
        if (problem() != null) {
            err.println(problem());
            return null;
        }
        try (Platform platform = Platform.start(PlatformSettings.fromEnvironment(environment()))) {
            return work.apply(platform);
        } catch (RuntimeException e) {
            err.println(inUse(directory(), e));
            return null;
        }
    }

    static String inUse(Path directory, Exception e) {
        return "cannot open the ledger's data in " + directory + " (is a platform running on it? then leave out"
                + " --local): " + e.getMessage();
    }
}
