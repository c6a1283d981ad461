package org.opennessledger.platform.cli;

import java.io.PrintWriter;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import org.opennessledger.contracts.views.RebuildReportView;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./ledger rebuild}: drops every read model and replays the event store into them, through
 * the running platform (as an admin) or, with {@code --local}, in this JVM on a data directory.
 */
@Command(name = "rebuild", description = "Drop every read model and replay the event store (as an admin, or --local)")
final class RebuildCommand implements Callable<Integer> {

    @Option(names = "--reason", description = "Why (logged; default: ${DEFAULT-VALUE})",
            defaultValue = "rebuild asked for on the command line")
    String reason;

    @CommandLine.Mixin
    LocalData localData;

    @CommandLine.Mixin
    ApiConnection connection;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (reason.isBlank()) {
            err.println("--reason must say why");
            return 2;
        }
        RebuildReportView report = localData.local ? locally(err) : throughTheApi(err);
        if (report == null) {
            return 2;
        }
        out.printf("rebuilt %d read-model documents from %d events in %.1f s (%.0f events/s)%n", report.documents(),
                report.events(), report.millis() / 1000.0, report.eventsPerSecond());
        return 0;
    }

    private RebuildReportView throughTheApi(PrintWriter err) throws Exception {
        String body = ApiConnection.json(Map.of("reason", reason));
        return connection.adminCall("/api/admin/read-models/rebuild", request -> request
                        .header("Content-Type", "application/json").timeout(Duration.ofHours(6))
                        .POST(HttpRequest.BodyPublishers.ofString(body)),
                RebuildReportView.class, err);
    }

    private RebuildReportView locally(PrintWriter err) {
        return localData.withPlatform(err, platform -> platform.rebuildReadModels(reason));
    }
}
