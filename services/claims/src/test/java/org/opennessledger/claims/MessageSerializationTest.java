package org.opennessledger.claims;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
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
import org.opennessledger.claims.dispute.AppealWindowDue;
import org.opennessledger.contracts.annotations.AnnotationArgumentEdited;
import org.opennessledger.contracts.annotations.AnnotationArgumentPosted;
import org.opennessledger.contracts.annotations.AnnotationCreated;
import org.opennessledger.contracts.annotations.AnnotationReviewed;
import org.opennessledger.contracts.annotations.AnnotationTag;
import org.opennessledger.contracts.annotations.CreateAnnotation;
import org.opennessledger.contracts.annotations.EditAnnotationArgument;
import org.opennessledger.contracts.annotations.Motivation;
import org.opennessledger.contracts.annotations.PostAnnotationArgument;
import org.opennessledger.contracts.annotations.ReviewAnnotation;
import org.opennessledger.contracts.annotations.TextAnchor;
import org.opennessledger.contracts.annotations.TextPositionSelector;
import org.opennessledger.contracts.annotations.TextQuoteSelector;
import org.opennessledger.contracts.claims.ClaimAccepted;
import org.opennessledger.contracts.claims.ClaimLocked;
import org.opennessledger.contracts.claims.ClaimProposed;
import org.opennessledger.contracts.claims.ClaimRejected;
import org.opennessledger.contracts.claims.ClaimReinstated;
import org.opennessledger.contracts.claims.ClaimReopened;
import org.opennessledger.contracts.claims.ClaimReviewed;
import org.opennessledger.contracts.claims.ClaimSuperseded;
import org.opennessledger.contracts.claims.ProposeClaim;
import org.opennessledger.contracts.claims.ReinstateClaim;
import org.opennessledger.contracts.claims.ReviewClaim;
import org.opennessledger.contracts.claims.SupersedeClaim;
import org.opennessledger.contracts.debate.ArgumentEdited;
import org.opennessledger.contracts.debate.ArgumentPosted;
import org.opennessledger.contracts.debate.EditArgument;
import org.opennessledger.contracts.debate.PostArgument;
import org.opennessledger.contracts.debate.PostProducerResponse;
import org.opennessledger.contracts.debate.ProducerResponsePosted;
import org.opennessledger.contracts.disputes.AppealDispute;
import org.opennessledger.contracts.disputes.AppealWindowClosed;
import org.opennessledger.contracts.disputes.ApplyDisputeDecision;
import org.opennessledger.contracts.disputes.ClaimDisputeSettled;
import org.opennessledger.contracts.disputes.ClaimDisputed;
import org.opennessledger.contracts.disputes.DisputeAppealed;
import org.opennessledger.contracts.disputes.DisputeClaim;
import org.opennessledger.contracts.disputes.DisputeDecision;
import org.opennessledger.contracts.disputes.DisputeOpened;
import org.opennessledger.contracts.disputes.DisputeResolved;
import org.opennessledger.contracts.disputes.DisputeStage;
import org.opennessledger.contracts.disputes.DisputeState;
import org.opennessledger.contracts.disputes.DisputeTaken;
import org.opennessledger.contracts.disputes.ResolveDispute;
import org.opennessledger.contracts.disputes.TakeDispute;
import org.opennessledger.contracts.documents.AddDocumentVersion;
import org.opennessledger.contracts.documents.AnnotationOrphaned;
import org.opennessledger.contracts.documents.AnnotationPlaced;
import org.opennessledger.contracts.documents.AnnotationReanchored;
import org.opennessledger.contracts.documents.DocumentVersionAdded;
import org.opennessledger.contracts.documents.DocumentVersionResult;
import org.opennessledger.contracts.licences.CiteAnnotationForLicenceTerm;
import org.opennessledger.contracts.licences.LicenceTerm;
import org.opennessledger.contracts.licences.LicenceTermCitationWithdrawn;
import org.opennessledger.contracts.licences.LicenceTermCited;
import org.opennessledger.contracts.licences.WithdrawLicenceTermCitation;
import org.opennessledger.contracts.moderation.ContentFlagged;
import org.opennessledger.contracts.moderation.ContentHidden;
import org.opennessledger.contracts.moderation.ContentUnhidden;
import org.opennessledger.contracts.moderation.DismissFlags;
import org.opennessledger.contracts.moderation.FlagContent;
import org.opennessledger.contracts.moderation.FlagReason;
import org.opennessledger.contracts.moderation.FlagsDismissed;
import org.opennessledger.contracts.moderation.HideContent;
import org.opennessledger.contracts.moderation.UnhideContent;
import org.opennessledger.contracts.models.AcceptedClaimRecorded;
import org.opennessledger.contracts.models.AcceptedClaimWithdrawn;
import org.opennessledger.contracts.models.ClaimImported;
import org.opennessledger.contracts.models.ImportClaim;
import org.opennessledger.contracts.models.LiftModelProtection;
import org.opennessledger.contracts.models.ModelFamilyRegistered;
import org.opennessledger.contracts.models.ModelProtected;
import org.opennessledger.contracts.models.ModelProtectionLifted;
import org.opennessledger.contracts.models.ModelTypeStated;
import org.opennessledger.contracts.models.ProtectModel;
import org.opennessledger.contracts.models.StateModelType;
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
import org.opennessledger.contracts.values.ModelType;
import org.opennessledger.contracts.values.Openness;
import org.opennessledger.contracts.values.Stance;
import org.opennessledger.contracts.values.Verdict;

/** Every command and event in contracts, and the deadline payloads, survive Axon's JacksonSerializer. */
class MessageSerializationTest {

    private static final List<String> MESSAGE_PACKAGES = List.of(
            "org/opennessledger/contracts/claims/", "org/opennessledger/contracts/models/",
            "org/opennessledger/contracts/policy/", "org/opennessledger/contracts/debate/",
            "org/opennessledger/contracts/disputes/", "org/opennessledger/contracts/documents/",
            "org/opennessledger/contracts/annotations/", "org/opennessledger/contracts/licences/");

    private static final String ID = "0b6f7c1e-6d2a-4f39-9a57-2f0c1d3e4b5a";
    private static final String OTHER = "7d3c2b1a-1111-4222-8333-944455566677";
    private static final String DISPUTE = "44444444-4444-4444-8444-444444444444";
    private static final Instant UNTIL = Instant.parse("2025-03-17T09:00:00.123Z");
    private static final ClaimTarget RELEASE_TARGET =
            ClaimTarget.release("llama-3", "llama-3.1-8b", ComponentId.FINAL_WEIGHTS);
    private static final TextAnchor ANCHOR = new TextAnchor(new TextQuoteSelector("500M", "more than ", " users."),
            new TextPositionSelector(34, 38));
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
            new RegisterModelFamily("llama-3", "Llama 3", "Meta", null, ModelType.TEXT),
            new ModelFamilyRegistered("llama-3", "Llama 3", "Meta", "Open weights", "alice", ModelType.TEXT),
            new RegisterRelease("llama-3", "llama-3.1-8b", "Llama-3.1-8B", "3.1", LocalDate.of(2024, 7, 23),
                    "llama-3-8b", List.of("https://example.org/a")),
            new ReleaseRegistered("llama-3", "llama-3.1-8b", "Llama-3.1-8B", null, null, null, List.of(), "alice"),
            new RecordAcceptedClaim("llama-3", RELEASE_TARGET, ID, 5),
            new AcceptedClaimRecorded("llama-3", RELEASE_TARGET, ID, null, 5),
            new AcceptedClaimRecorded("llama-3", FAMILY_TARGET, ID, OTHER, 9),
            new WithdrawAcceptedClaim("llama-3", RELEASE_TARGET, ID, 7),
            new AcceptedClaimWithdrawn("llama-3", RELEASE_TARGET, ID, 7, null),
            new AcceptedClaimWithdrawn("llama-3", RELEASE_TARGET, ID, 8, OTHER),
            new ReinstateClaim(ID, OTHER),
            new ImportClaim(ID, RELEASE_TARGET, Openness.PARTIAL, null, EVIDENCE, "from the index", "import:osai-index/1",
                    "models/Llama.yaml"),
            new ClaimImported("llama-3", RELEASE_TARGET, ID, "ab12", "import:osai-index/1", null),
            new FlagContent(ID, null, OTHER, FlagReason.PERSONAL_DATA, "an e-mail address"),
            new ContentFlagged(ID, RELEASE_TARGET, OTHER, DISPUTE, "bob", FlagReason.OFF_TOPIC, "about another model"),
            new HideContent(ID, OTHER, "abuse"),
            new ContentHidden(ID, RELEASE_TARGET, OTHER, "mia", "abuse", List.of(DISPUTE)),
            new UnhideContent(ID, null, "context"),
            new ContentUnhidden(ID, RELEASE_TARGET, null, "noah", "context"),
            new DismissFlags(ID, OTHER, "fine"),
            new FlagsDismissed(ID, RELEASE_TARGET, OTHER, "mia", "fine", List.of(DISPUTE)),
            new ClaimProposed(ID, RELEASE_TARGET, Openness.OPEN, "MIT", EVIDENCE, "why", "alice", "v1", "Meta"),
            new PostProducerResponse(ID, "We publish the weights under MIT.", EVIDENCE),
            new ProducerResponsePosted(ID, RELEASE_TARGET, "Meta", "paul", "<b>as given</b>", EVIDENCE),
            new ProtectModel("llama-3", "spam"),
            new StateModelType("llama-3", ModelType.TEXT, true),
            new ModelTypeStated("llama-3", ModelType.TEXT, ModelType.CODE),
            new ModelProtected("llama-3", 3, "mia", "spam"),
            new LiftModelProtection("llama-3", "calm"),
            new ModelProtectionLifted("llama-3", "noah", "calm"),
            new ClaimReinstated(ID, RELEASE_TARGET, OTHER, "v1"),
            new PublishConsensusPolicy(3, 2.0 / 3.0, 0.75, Duration.ofDays(14)),
            new ConsensusPolicyPublished("v2", 3, 2.0 / 3.0, 0.75, Duration.ofHours(36)),
            new ClaimLockDue(ClaimStatus.ACCEPTED, 3, Duration.ofDays(14)),
            new ClaimLockDue(ClaimStatus.REJECTED, 2, null),
            new PostArgument(ID, OTHER, null, Stance.CON, "<script>alert(1)</script> **not** HTML", EVIDENCE),
            new PostArgument(ID, OTHER, DISPUTE, Stance.QUESTION, "which release?", null),
            new ArgumentPosted(ID, OTHER, null, Stance.PRO, "  kept as given\n", EVIDENCE, "bob"),
            new ArgumentPosted(ID, OTHER, DISPUTE, Stance.QUESTION, "which release?", List.of(), "carol"),
            new EditArgument(ID, OTHER, "revised", List.of()),
            new ArgumentEdited(ID, OTHER, 2, "revised", EVIDENCE, true, "bob"),
            new DisputeClaim(ID, DISPUTE, "the licence changed", EVIDENCE),
            new ClaimDisputed(ID, RELEASE_TARGET, DISPUTE, "erin", ClaimStatus.ACCEPTED),
            new DisputeOpened(DISPUTE, ID, RELEASE_TARGET, ClaimStatus.REJECTED, "erin", "the licence changed", EVIDENCE,
                    "alice", Set.of("bob", "carol")),
            new DisputeOpened(DISPUTE, ID, FAMILY_TARGET, ClaimStatus.ACCEPTED, "erin", "why", EVIDENCE, "alice", null),
            new TakeDispute(DISPUTE, true),
            new DisputeTaken(DISPUTE, ID, "mia", null, DisputeStage.FIRST),
            new DisputeTaken(DISPUTE, ID, "noah", "mia", DisputeStage.APPEAL),
            new ResolveDispute(DISPUTE, DisputeDecision.OVERTURN, "non-commercial terms"),
            new DisputeResolved(DISPUTE, ID, RELEASE_TARGET, DisputeStage.FIRST, DisputeDecision.OVERTURN,
                    "non-commercial terms", "mia", false, UNTIL),
            new DisputeResolved(DISPUTE, ID, RELEASE_TARGET, DisputeStage.APPEAL, DisputeDecision.UPHOLD, "final",
                    "noah", true, null),
            new AppealDispute(DISPUTE, "the old terms apply"),
            new DisputeAppealed(DISPUTE, ID, "alice", "the old terms apply", "mia"),
            new AppealWindowClosed(DISPUTE, ID, RELEASE_TARGET, DisputeDecision.UPHOLD),
            new ApplyDisputeDecision(ID, DISPUTE, DisputeStage.APPEAL, DisputeDecision.UPHOLD, true, 7),
            new ClaimDisputeSettled(ID, RELEASE_TARGET, DISPUTE, DisputeStage.FIRST, DisputeDecision.OVERTURN,
                    ClaimStatus.REJECTED, false, 3),
            DisputeDecision.UPHOLD, DisputeStage.APPEAL, DisputeState.APPEALED,
            new AppealWindowDue(UNTIL),
            new AddDocumentVersion("doc-1", "https://example.org/licence", "Sample licence", "text/plain",
                    "You may use it.\nNot for more than 500M users.", UNTIL),
            new DocumentVersionAdded("doc-1", 2, "https://example.org/licence", "Sample licence", "text/markdown",
                    "sha256:00ff", "You may use it.", UNTIL, "alice"),
            new AnnotationPlaced("doc-1", ID, 1, ANCHOR), new DocumentVersionResult(3, false),
            new AnnotationReanchored("doc-1", ID, 1, 2, ANCHOR),
            new AnnotationOrphaned("doc-1", ID, 1, 2, ANCHOR),
            new CreateAnnotation(ID, "doc-1", 1, ANCHOR.quote(), null, List.of("user-type-threshold"), null, "assessing"),
            new CreateAnnotation(ID, "doc-1", 1, new TextQuoteSelector("500M", null, null), ANCHOR.position(),
                    List.of("commercial-limit", "other"), "a cap on users", "questioning"),
            new AnnotationCreated(ID, "doc-1", 1, ANCHOR, List.of(AnnotationTag.USER_TYPE_THRESHOLD, AnnotationTag.OTHER),
                    AnnotationTag.TAXONOMY_VERSION, null, Motivation.ASSESSING, "alice"),
            new ReviewAnnotation(ID, Verdict.DISAGREE, "the cap is on customers"),
            new AnnotationReviewed(ID, "bob", Verdict.AGREE, null, Verdict.DISAGREE, 1, 0),
            new PostAnnotationArgument(ID, OTHER, null, Stance.CON, "the cap counts customers", EVIDENCE),
            new AnnotationArgumentPosted(ID, OTHER, DISPUTE, Stance.QUESTION, "which users?", List.of(), "bob"),
            new EditAnnotationArgument(ID, OTHER, "revised", List.of()),
            new AnnotationArgumentEdited(ID, OTHER, 2, "revised", EVIDENCE, true, "bob"),
            new CiteAnnotationForLicenceTerm("llama3.1-community", LicenceTerm.MONTHLY_ACTIVE_USERS, ID),
            new LicenceTermCited("llama3.1-community", LicenceTerm.MONTHLY_ACTIVE_USERS, ID, "ada"),
            new WithdrawLicenceTermCitation("llama3.1-community", LicenceTerm.NAMING_DUTY, ID),
            new LicenceTermCitationWithdrawn("llama3.1-community", LicenceTerm.NAMING_DUTY, ID, "ada"),
            LicenceTerm.COMMERCIAL_USE,
            new TextQuoteSelector("500M", "than ", " users"), new TextPositionSelector(25, 29), ANCHOR,
            AnnotationTag.WEIGHTS_ACCESS_CONDITION, Motivation.HIGHLIGHTING);

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
                .isEqualTo(new AcceptedClaimWithdrawn("llama-3", RELEASE_TARGET, ID, 0, null));
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
        assertThat(types).as("message types found in " + location).hasSizeGreaterThan(35);
        return types;
    }
}
