package org.opennessledger.interop;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the third-party datasets are (the workspace's shared/datasets: OSAI index and Model
 * Openness Tool files): where LEDGER_DATASETS_DIR points, else beside the repository as
 * ../shared/datasets. Tests and the import command read them from there.
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
        // from the repository root, or from a module directory (services/<module>) as tests run
        Path here = Path.of("").toAbsolutePath();
        for (Path dir = here; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("ledger")) && Files.isDirectory(dir.resolve("services"))) {
                candidates.add(dir.resolveSibling("shared").resolve("datasets"));
                break;
            }
        }
        candidates.add(Path.of("/work/shared/datasets")); // where this project's machines keep the workspace
        return candidates.stream().filter(Files::isDirectory).findFirst().orElseThrow(() -> new IllegalStateException(
                "the shared datasets are missing: looked in " + candidates + "; set LEDGER_DATASETS_DIR"));
    }
}
