package org.opennessledger.contracts.views;

import java.util.List;

/**
 * A rebuild of the read models: how many stored events were replayed into how many documents, and
 * how long the replay took (from dropping the read models to having handled every event).
 */
public record RebuildReportView(long events, long documents, long millis, double eventsPerSecond,
                                List<String> collections) {
}
