package org.opennessledger.platform.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.opennessledger.platform.PlatformSettings;

/**
 * A benchmark's data directory in the temporary folder, deleted with all it holds when closed, also when the
 * benchmark failed midway: a grown store takes from hundreds of megabytes to tens of gigabytes.
 */
final class TemporaryStore implements AutoCloseable {

    private final Path directory;

    private TemporaryStore(Path directory) {
        this.directory = directory;
    }

    static TemporaryStore create(String name) throws IOException {
        return new TemporaryStore(Files.createTempDirectory("ledger-bench-" + name + "-"));
    }

    Path directory() {
        return directory;
    }

    /** A platform on the embedded stores in this directory (see {@link BenchCharts#embeddedPlatform(Path)}). */
    PlatformSettings platformSettings() {
        return BenchCharts.embeddedPlatform(directory);
    }

    /** Deletes the directory and everything in it. */
    @Override
    public void close() {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the benchmark store " + directory, e);
        }
    }
}
