package org.opennessledger.interop;

import java.util.List;
import org.opennessledger.contracts.models.ImportClaim;
import org.opennessledger.contracts.models.RegisterModelFamily;
import org.opennessledger.contracts.models.RegisterRelease;

/** What an importer sends for one file, in order, and what it left out with why. */
public record ImportPlan(String modelId, RegisterModelFamily family, RegisterRelease release, List<ImportClaim> claims,
                         List<String> skipped) {
}
