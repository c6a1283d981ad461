package org.opennessledger.interop;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The third-party datasets tests read (see the workspace's shared/datasets/README.md): beside the
 * repository as ../shared/datasets, or where LEDGER_DATASETS_DIR points.
 */
public final class Datasets {

    private Datasets() {
    }

    public static Path dir() {
        List<Path> candidates = new ArrayList<>();
        String configured = System.getenv("LEDGER_DATASETS_DIR");
        if (configured != null && !configured.isBlank()) {
            candidates.add(Path.of(configured));
        }
        // the module directory is services/interop: the repository root is two levels up
        Path repository = Path.of("").toAbsolutePath().getParent().getParent();
        candidates.add(repository.resolveSibling("shared").resolve("datasets"));
        candidates.add(Path.of("/work/shared/datasets"));
        return candidates.stream().filter(Files::isDirectory).findFirst().orElseThrow(() -> new AssertionError(
                "the shared datasets are missing: looked in " + candidates + "; set LEDGER_DATASETS_DIR"));
    }
}
