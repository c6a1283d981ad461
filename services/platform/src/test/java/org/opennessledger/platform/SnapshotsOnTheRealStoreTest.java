package org.opennessledger.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opennessledger.contracts.claims.ProposeClaim;
import org.opennessledger.contracts.claims.ReviewClaim;
import org.opennessledger.contracts.models.RegisterModelFamily;
import org.opennessledger.contracts.models.RegisterRelease;
import org.opennessledger.contracts.queries.Queries;
import org.opennessledger.contracts.values.ClaimTarget;
import org.opennessledger.contracts.values.ComponentId;
import org.opennessledger.contracts.values.Evidence;
import org.opennessledger.contracts.values.Openness;
import org.opennessledger.contracts.values.Verdict;
import org.opennessledger.contracts.views.ClaimView;

/**
 * Long streams are snapshotted in the real event store (every {@value Platform#SNAPSHOT_EVERY}
 * events) with the platform's snapshot serializer, and an aggregate restored from its snapshot
 * after a restart keeps deciding correctly.
 */
class SnapshotsOnTheRealStoreTest {

    @TempDir
    Path dataDir;

    private static MetaData actor(String subject, String roles) {
        return TestActors.actor(subject, roles, "snapshot test");
    }

    private static void send(Platform platform, Object command, MetaData metaData) {
        platform.axon().commandGateway().sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData));
    }

    private Platform start() {
        Map<String, String> env = new HashMap<>();
        env.put("LEDGER_DATA_DIR", dataDir.toString());
        env.put("LEDGER_HTTP_PORT", "0");
        env.put("LEDGER_KEYCLOAK_URL", TestEnvironment.keycloakUrl());
        return Platform.start(PlatformSettings.fromEnvironment(env));
    }

    private static long snapshotsOf(Platform platform, String aggregateId) throws Exception {
        try (Connection connection = platform.eventStoreDatabase().dataSource().getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT COUNT(*) FROM SnapshotEventEntry WHERE aggregateIdentifier = ?")) {
            query.setString(1, aggregateId);
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    @Test
    void aLongClaimStreamIsSnapshottedAndRestoredCorrectlyAfterARestart() throws Exception {
        String claimId = UUID.randomUUID().toString();
        int flips = Platform.SNAPSHOT_EVERY + 10;
        try (Platform platform = start()) {
            send(platform, new RegisterModelFamily("snap", "Snapshot model", "Example Lab", null), actor("alice", "reviewer"));
            send(platform, new RegisterRelease("snap", "snap-1b", "Snap-1B", "1", null, null, List.of()), actor("alice", "reviewer"));
            send(platform, new ProposeClaim(claimId, ClaimTarget.release("snap", "snap-1b", ComponentId.TRAINING_CODE),
                    Openness.OPEN, "Apache-2.0",
                    List.of(new Evidence("https://example.org/code", null, LocalDate.of(2026, 11, 1), null)),
                    "training code published"), actor("alice", "reviewer"));
            for (int i = 0; i < flips; i++) {
                Verdict verdict = i % 2 == 0 ? Verdict.AGREE : Verdict.DISAGREE;
                send(platform, new ReviewClaim(claimId, verdict, verdict == Verdict.DISAGREE ? "changed my mind " + i : null),
                        actor("bob", "reviewer"));
            }
            assertThat(snapshotsOf(platform, claimId)).isPositive();
        }

        try (Platform restarted = start()) {
            // Loading starts from the snapshot (a Claim), not from ClaimProposed: it deserialized.
            var firstLoaded = restarted.axon().eventStore().readEvents(claimId).next();
            assertThat(firstLoaded.getPayloadType().getSimpleName()).isEqualTo("Claim");
            assertThat(firstLoaded.getSequenceNumber()).isGreaterThanOrEqualTo(Platform.SNAPSHOT_EVERY - 1);
            // bob's last verdict (flip 59, odd) was DISAGREE; carol now agrees: one review each.
            send(restarted, new ReviewClaim(claimId, Verdict.AGREE, null), actor("carol", "reviewer"));
            restarted.readModelsCaughtUp().join();
            ClaimView claim = restarted.axon().queryGateway().query(new Queries.GetClaim(claimId),
                    ResponseTypes.optionalInstanceOf(ClaimView.class)).join().orElseThrow();
            assertThat(claim.agreeCount()).isEqualTo(1);
            assertThat(claim.disagreeCount()).isEqualTo(1);
            assertThat(claim.reviewHistory()).hasSize(flips + 1);
        }
    }
}
