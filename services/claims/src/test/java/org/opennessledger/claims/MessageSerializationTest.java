package org.opennessledger.claims;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.opennessledger.claims.claim.ClaimLockDue;
import org.opennessledger.contracts.claims.ClaimAccepted;
import org.opennessledger.contracts.claims.ClaimLocked;
import org.opennessledger.contracts.claims.ClaimProposed;
import org.opennessledger.contracts.claims.ClaimRejected;
import org.opennessledger.contracts.claims.ClaimReopened;
import org.opennessledger.contracts.claims.ClaimReviewed;
import org.opennessledger.contracts.claims.ClaimSuperseded;
import org.opennessledger.contracts.claims.ProposeClaim;
import org.opennessledger.contracts.claims.ReviewClaim;
import org.opennessledger.contracts.claims.SupersedeClaim;
import org.opennessledger.contracts.models.AcceptedClaimRecorded;
import org.opennessledger.contracts.models.AcceptedClaimWithdrawn;
import org.opennessledger.contracts.models.ModelFamilyRegistered;
import org.opennessledger.contracts.models.RecordAcceptedClaim;
import org.opennessledger.contracts.models.RegisterModelFamily;
import org.opennessledger.contracts.models.RegisterRelease;
import org.opennessledger.contracts.models.ReleaseRegistered;
import org.opennessledger.contracts.models.WithdrawAcceptedClaim;
import org.opennessledger.contracts.policy.ConsensusPolicyPublished;
import org.opennessledger.contracts.policy.PublishConsensusPolicy;
import org.opennessledger.contracts.values.ClaimStatus;
import org.opennessledger.contracts.values.ClaimTarget;
import org.opennessledger.contracts.values.ComponentId;
import org.opennessledger.contracts.values.Evidence;
import org.opennessledger.contracts.values.Openness;
import org.opennessledger.contracts.values.Verdict;

/** Every command and event in contracts, and the lock deadline payload, survive Axon's JacksonSerializer. */
class MessageSerializationTest {

    private static final List<String> MESSAGE_PACKAGES = List.of(
            "org/opennessledger/contracts/claims/", "org/opennessledger/contracts/models/",
            "org/opennessledger/contracts/policy/");

    private static final String ID = "0b6f7c1e-6d2a-4f39-9a57-2f0c1d3e4b5a";
    private static final String OTHER = "7d3c2b1a-1111-4222-8333-944455566677";
    private static final ClaimTarget RELEASE_TARGET =
            ClaimTarget.release("llama-3", "llama-3.1-8b", ComponentId.FINAL_WEIGHTS);
    private static final ClaimTarget FAMILY_TARGET = ClaimTarget.family("llama-3", ComponentId.TRAINING_CODE);
    private static final List<Evidence> EVIDENCE = List.of(
            new Evidence("https://example.org/licence", "You may not use the model to ...", LocalDate.of(2025, 2, 1),
                    "sha256:abc"),
            new Evidence("https://example.org/card", null, LocalDate.of(2025, 2, 2), null));

    /** One realistic instance of every message type, with optional fields both set and empty. */
    private static final List<Object> SAMPLES = List.of(
            new ProposeClaim(ID, RELEASE_TARGET, Openness.PARTIAL, "llama3.1-community", EVIDENCE, "why"),
            new ProposeClaim(ID, FAMILY_TARGET, Openness.CLOSED, null, EVIDENCE, "why"),
            new ReviewClaim(ID, Verdict.DISAGREE, "because"),
            new SupersedeClaim(ID, OTHER),
            new ClaimProposed(ID, RELEASE_TARGET, Openness.OPEN, "Apache-2.0 OR MIT", EVIDENCE, "why", "alice", "v1"),
            new ClaimReviewed(ID, "bob", Verdict.AGREE, null, Verdict.DISAGREE, 3, 1),
            new ClaimAccepted(ID, RELEASE_TARGET, "v1", 3, 0),
            new ClaimRejected(ID, FAMILY_TARGET, "v2", 1, 2, true),
            new ClaimReopened(ID, RELEASE_TARGET, "v1", ClaimStatus.ACCEPTED, 2, 2),
            new ClaimLocked(ID, RELEASE_TARGET, ClaimStatus.REJECTED, "v1"),
            new ClaimSuperseded(ID, RELEASE_TARGET, OTHER, "superseded by accepted claim " + OTHER),
            new RegisterModelFamily("llama-3", "Llama 3", "Meta", null),
            new ModelFamilyRegistered("llama-3", "Llama 3", "Meta", "Open weights", "alice"),
            new RegisterRelease("llama-3", "llama-3.1-8b", "Llama-3.1-8B", "3.1", LocalDate.of(2024, 7, 23),
                    "llama-3-8b", List.of("https://example.org/a")),
            new ReleaseRegistered("llama-3", "llama-3.1-8b", "Llama-3.1-8B", null, null, null, List.of(), "alice"),
            new RecordAcceptedClaim("llama-3", RELEASE_TARGET, ID, 5),
            new AcceptedClaimRecorded("llama-3", RELEASE_TARGET, ID, null, 5),
            new AcceptedClaimRecorded("llama-3", FAMILY_TARGET, ID, OTHER, 9),
            new WithdrawAcceptedClaim("llama-3", RELEASE_TARGET, ID, 7),
            new AcceptedClaimWithdrawn("llama-3", RELEASE_TARGET, ID, 7),
            new PublishConsensusPolicy(3, 2.0 / 3.0, 0.75, Duration.ofDays(14)),
            new ConsensusPolicyPublished("v2", 3, 2.0 / 3.0, 0.75, Duration.ofHours(36)),
            new ClaimLockDue(ClaimStatus.ACCEPTED, 3, Duration.ofDays(14)),
            new ClaimLockDue(ClaimStatus.REJECTED, 2, null));

    @Test
    void every_sample_survives_a_jackson_round_trip() {
        JacksonSerializer serializer = ClaimsWriteSideIntegrationTest.jackson();
        for (Object sample : SAMPLES) {
            SerializedObject<byte[]> serialized = serializer.serialize(sample, byte[].class);
            Object restored = serializer.deserialize(serialized);
            assertThat(restored).as(sample.getClass().getSimpleName()).isEqualTo(sample);
        }
    }

    @Test
    void messages_stored_before_a_field_was_added_read_it_as_zero_or_null() throws Exception {
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule());
        String target = mapper.writeValueAsString(RELEASE_TARGET);
        // AcceptedClaimRecorded / AcceptedClaimWithdrawn before claimSequence: the family treats 0 as "seen nothing"
        assertThat(mapper.readValue("{\"modelId\":\"llama-3\",\"target\":" + target + ",\"claimId\":\"" + ID
                + "\",\"previousClaimId\":null}", AcceptedClaimRecorded.class))
                .isEqualTo(new AcceptedClaimRecorded("llama-3", RELEASE_TARGET, ID, null, 0));
        assertThat(mapper.readValue("{\"modelId\":\"llama-3\",\"target\":" + target + ",\"claimId\":\"" + ID
                + "\"}", AcceptedClaimWithdrawn.class))
                .isEqualTo(new AcceptedClaimWithdrawn("llama-3", RELEASE_TARGET, ID, 0));
        // a lock deadline scheduled before its payload named the lock period
        assertThat(mapper.readValue("{\"status\":\"ACCEPTED\",\"statusChange\":3}", ClaimLockDue.class))
                .isEqualTo(new ClaimLockDue(ClaimStatus.ACCEPTED, 3, null));
    }

    @Test
    void every_message_type_in_contracts_has_a_sample() throws Exception {
        Set<String> sampled = new TreeSet<>();
        SAMPLES.forEach(s -> sampled.add(s.getClass().getName()));
        assertThat(sampled).containsAll(messageTypesInContracts());
    }

    /** Top-level classes of the message packages, read from the contracts jar or classes folder. */
    private static Set<String> messageTypesInContracts() throws IOException, URISyntaxException {
        Path location = Path.of(ClaimAccepted.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> entries = new ArrayList<>();
        if (Files.isDirectory(location)) {
            try (Stream<Path> files = Files.walk(location)) {
                files.map(p -> location.relativize(p).toString().replace('\\', '/')).forEach(entries::add);
            }
        } else {
            try (JarFile jar = new JarFile(location.toFile())) {
                Enumeration<JarEntry> all = jar.entries();
                while (all.hasMoreElements()) {
                    entries.add(all.nextElement().getName());
                }
            }
        }
        Set<String> types = new TreeSet<>();
        for (String entry : entries) {
            boolean inMessagePackage = MESSAGE_PACKAGES.stream().anyMatch(p ->
                    entry.startsWith(p) && entry.indexOf('/', p.length()) < 0);
            if (inMessagePackage && entry.endsWith(".class") && !entry.contains("$")) {
                types.add(entry.substring(0, entry.length() - ".class".length()).replace('/', '.'));
            }
        }
        assertThat(types).as("message types found in " + location).hasSizeGreaterThan(15);
        return types;
    }
}
