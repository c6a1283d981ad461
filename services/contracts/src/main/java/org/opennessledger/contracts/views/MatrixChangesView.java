package org.opennessledger.contracts.views;

import java.time.Instant;
import java.util.List;

/** The releases whose assessment changed between two instants, each with its changes (see {@link AssessmentChangesView}). */
public record MatrixChangesView(Instant from, Instant to, List<AssessmentChangesView> releases) {
}
