package org.opennessledger.interop.bundle;

import java.util.List;
import java.util.Optional;
import org.opennessledger.contracts.views.ClaimView;
import org.opennessledger.contracts.views.MatrixView;
import org.opennessledger.contracts.views.ModelSummaryView;
import org.opennessledger.contracts.views.ModelView;

/**
 * What an export reads: the public read models, as anonymous visitors see them (nothing hidden).
 * Calls may block; the API and the local command line each answer them from the read side's queries.
 */
public interface LedgerReader {

    List<ModelSummaryView> models();

    Optional<ModelView> model(String modelId);

    Optional<ClaimView> claim(String claimId);

    MatrixView matrix();
}
