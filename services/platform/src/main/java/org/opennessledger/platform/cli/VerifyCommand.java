package org.opennessledger.platform.cli;

import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.opennessledger.contracts.views.AuditVerificationView;
import org.opennessledger.platform.audit.AuditLog;
import org.opennessledger.platform.eventstore.EventStoreDatabase;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./ledger verify}: recomputes the event log's hash chain from the stored events and reports
 * the first broken link, or OK with the count and the head. Exit 0 when the chain holds, 1 when it
 * does not, 2 when it could not be checked.
 */
@Command(name = "verify", description = "Verify the event log's hash chain (as an admin, or --local)")
final class VerifyCommand implements Callable<Integer> {

    @Option(names = "--expect", description = "A head recorded earlier (64 hex digits): it must still be in the chain")
    String expectedLink;

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
        if (expectedLink != null && !expectedLink.matches("[0-9a-fA-F]{64}")) {
            err.println("--expect takes a chain link: 64 hexadecimal digits, got '" + expectedLink + "'");
            return 2;
        }
        String expected = expectedLink == null ? null : expectedLink.toLowerCase(java.util.Locale.ROOT);
        AuditVerificationView result = localData.local ? locally(expected, err) : throughTheApi(expected, err);
        if (result == null) {
            return 2;
        }
        report(result, out, err);
        return result.ok() ? 0 : 1;
    }

    private AuditVerificationView throughTheApi(String expected, PrintWriter err) throws Exception {
        String path = "/api/admin/audit/verification"
                + (expected == null ? "" : "?expectedLink=" + URLEncoder.encode(expected, StandardCharsets.UTF_8));
        return connection.adminCall(path, request -> request.timeout(Duration.ofMinutes(30)).GET(),
                AuditVerificationView.class, err);
    }

    /** Reads the event store in the data directory (read-only use; the platform must not be running on it). */
    private AuditVerificationView locally(String expected, PrintWriter err) {
        if (localData.problem() != null) {
            err.println(localData.problem());
            return null;
        }
        try (EventStoreDatabase database = EventStoreDatabase.embeddedH2(localData.directory().resolve("eventstore"));
             Connection connection = database.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            try {
                return AuditLog.verify(connection, expected);
            } finally {
                connection.rollback();
            }
        } catch (Exception e) {
            err.println(LocalData.inUse(localData.directory(), e));
            return null;
        }
    }

    private static void report(AuditVerificationView result, PrintWriter out, PrintWriter err) {
        if (result.ok()) {
            out.println("OK: " + result.checked() + " events chained (" + result.algorithm() + "), head "
                    + result.head().link() + " at position " + result.head().position()
                    + (result.head().globalIndex() == null ? "" : ", global index " + result.head().globalIndex())
                    + (result.pending() == 0 ? "" : "; " + result.pending() + " newer events not chained yet")
                    + (result.expectedLinkFound() == null ? "" : "; the expected link is in the chain"));
            return;
        }
        err.println("BROKEN: " + result.brokenCount() + " problem(s) in " + result.checked() + " chained events"
                + (Boolean.FALSE.equals(result.expectedLinkFound()) ? "; the expected link is NOT in the chain" : ""));
        for (AuditVerificationView.BrokenLink link : result.broken()) {
            err.println("  " + (link.position() == null ? "not chained" : "position " + link.position())
                    + ", global index " + link.globalIndex() + ", event " + link.eventIdentifier()
                    + (link.aggregateIdentifier() == null ? "" : " (" + link.payloadType() + " of "
                    + link.aggregateIdentifier() + " #" + link.sequenceNumber() + ")") + ": " + link.reason());
        }
    }
}
