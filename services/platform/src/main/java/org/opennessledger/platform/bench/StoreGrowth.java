package org.opennessledger.platform.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.opennessledger.contracts.claims.ProposeClaim;
import org.opennessledger.contracts.claims.ReviewClaim;
import org.opennessledger.contracts.models.RegisterModelFamily;
import org.opennessledger.contracts.models.RegisterRelease;
import org.opennessledger.contracts.values.ClaimTarget;
import org.opennessledger.contracts.values.ComponentId;
import org.opennessledger.contracts.values.Evidence;
import org.opennessledger.contracts.values.LedgerMetaData;
import org.opennessledger.contracts.values.Openness;
import org.opennessledger.contracts.values.Verdict;
import org.opennessledger.platform.Platform;

/**
 * Grows an event store the way a community would: new families of a release and
 * {@value #CLAIMS_PER_FAMILY} claims now and then, mostly reviews by {@value #REVIEWERS} reviewers,
 * sent through the command bus in-process as the API would send them. Shared by the benchmarks
 * that measure a store of a given size.
 */
final class StoreGrowth {

    static final int REVIEWERS = 12;
    static final int CLAIMS_PER_FAMILY = 10;

    private final List<String> claims = new ArrayList<>();

    /** Claims proposed so far (reviewable unless superseded meanwhile). */
    List<String> claims() {
        return claims;
    }

    /**
     * Takes over the claims of a store grown by an earlier run, so that growing and measuring can go on where it
     * stopped; the number of claims. Read from the event store (each claim's first event): a scan of every claim
     * page through the embedded read store outlived the H2 file's retention of the version it read and failed with
     * "Chunk not found" at a million events.
     */
    int adoptClaims(Platform platform) throws Exception {
        List<String> found = new ArrayList<>();
        try (Connection c = platform.eventStoreDatabase().dataSource().getConnection();
             PreparedStatement query = c.prepareStatement(
                     "SELECT aggregateIdentifier FROM DomainEventEntry WHERE type = ? AND sequenceNumber = 0")) {
            query.setString(1, "Claim");
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    found.add(rows.getString(1));
                }
            }
        }
        synchronized (claims) {
            claims.addAll(found);
        }
        return found.size();
    }

    /** Sends commands until the store holds at least {@code target} events; the command rate. */
    double growTo(Platform platform, long target) throws Exception {
        CommandGateway commands = platform.axon().commandGateway();
        long decided = 0;
        long started = System.nanoTime();
        while (eventCount(platform) < target) {
            for (int batch = 0; batch < 500; batch++) {
                if (claims.isEmpty() || ThreadLocalRandom.current().nextInt(40) == 0) {
                    newFamily(commands); // synchronous: its claims must exist before they are reviewed
                    decided += 2 + CLAIMS_PER_FAMILY;
                } else if (review(commands)) {
                    decided++;
                }
            }
        }
        return decided / ((System.nanoTime() - started) / 1e9);
    }

    /** One review of a random claim by a random reviewer; false when it was refused (e.g. the claim was superseded). */
    boolean review(CommandGateway commands) {
        String claim = claims.get(ThreadLocalRandom.current().nextInt(claims.size()));
        boolean agree = ThreadLocalRandom.current().nextInt(3) > 0;
        try {
            // the bus handles a command on the sending thread: waiting costs nothing extra
            commands.sendAndWait(new ReviewClaim(claim, agree ? Verdict.AGREE : Verdict.DISAGREE,
                    agree ? null : "benchmark"), as("reviewer-" + ThreadLocalRandom.current().nextInt(REVIEWERS)));
            return true;
        } catch (RuntimeException refused) {
            return false;
        }
    }

    private void newFamily(CommandGateway commands) {
        String modelId = "grown-" + UUID.randomUUID().toString().substring(0, 12);
        MetaData admin = as("bench-admin");
        commands.sendAndWait(new RegisterModelFamily(modelId, "Grown " + modelId, "Bench Lab " + modelId.charAt(6),
                "benchmark family"), admin);
        commands.sendAndWait(new RegisterRelease(modelId, "r1", "Release 1", "1.0", LocalDate.of(2026, 1, 1), null,
                List.of()), admin);
        ComponentId[] components = ComponentId.values();
        List<String> added = new ArrayList<>();
        for (int i = 0; i < CLAIMS_PER_FAMILY; i++) {
            String claimId = UUID.randomUUID().toString();
            commands.sendAndWait(new ProposeClaim(claimId, new ClaimTarget(modelId, "r1", components[i % components.length]),
                    Openness.OPEN, "MIT", List.of(new Evidence("https://example.org/" + modelId, null,
                    LocalDate.of(2026, 1, 1), null)), "benchmark claim"), admin);
            added.add(claimId);
        }
        synchronized (claims) {
            claims.addAll(added);
        }
    }

    static MetaData as(String subject) {
        return MetaData.with(LedgerMetaData.ACTOR_ID, subject).and(LedgerMetaData.ACTOR_ROLES, "admin,reviewer")
                .and(LedgerMetaData.REASON, "benchmark").and(LedgerMetaData.CORRELATION_ID, UUID.randomUUID().toString());
    }

    static long eventCount(Platform platform) throws Exception {
        return eventCount(platform.eventStoreDatabase().dataSource());
    }

    /** Events stored in the event-store database (a count, not the head: failed appends leave holes). */
    static long eventCount(DataSource dataSource) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT COUNT(*) FROM DomainEventEntry")) {
            r.next();
            return r.getLong(1);
        }
    }

    /** A process's peak resident set (VmHWM) in MB, {@code "self"} for this JVM; 0 where /proc is not there. */
    static long peakRssMb(String pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", pid, "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (Exception unavailable) {
            // not Linux, or the process is gone
        }
        return 0;
    }
}
