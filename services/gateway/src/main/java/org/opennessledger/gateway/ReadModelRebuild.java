package org.opennessledger.gateway;

import java.util.concurrent.CompletableFuture;
import org.opennessledger.contracts.views.RebuildReportView;

/** Drops every read model and replays the event store into them (the platform does it; admins ask). */
@FunctionalInterface
public interface ReadModelRebuild {

    CompletableFuture<RebuildReportView> rebuild(String reason);
}
