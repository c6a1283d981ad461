package org.opennessledger.assessments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opennessledger.assessments.Events.LARGE;
import static org.opennessledger.assessments.Events.LICENCE_DOC;
import static org.opennessledger.assessments.Events.LICENCE_V1;
import static org.opennessledger.assessments.Events.LICENCE_V2;
import static org.opennessledger.assessments.Events.LICENCE_V3;
import static org.opennessledger.assessments.Events.LLAMA;
import static org.opennessledger.assessments.Events.SMALL;
import static org.opennessledger.assessments.Events.accepted;
import static org.opennessledger.assessments.Events.anchorOf;
import static org.opennessledger.assessments.Events.annotation;
import static org.opennessledger.assessments.Events.appealDecision;
import static org.opennessledger.assessments.Events.appealed;
import static org.opennessledger.assessments.Events.argument;
import static org.opennessledger.assessments.Events.claimDisputed;
import static org.opennessledger.assessments.Events.disputeOpened;
import static org.opennessledger.assessments.Events.documentVersion;
import static org.opennessledger.assessments.Events.edited;
import static org.opennessledger.assessments.Events.family;
import static org.opennessledger.assessments.Events.firstDecision;
import static org.opennessledger.assessments.Events.locked;
import static org.opennessledger.assessments.Events.ofFamily;
import static org.opennessledger.assessments.Events.ofRelease;
import static org.opennessledger.assessments.Events.policy;
import static org.opennessledger.assessments.Events.proposed;
import static org.opennessledger.assessments.Events.recorded;
import static org.opennessledger.assessments.Events.rejected;
import static org.opennessledger.assessments.Events.release;
import static org.opennessledger.assessments.Events.reopened;
import static org.opennessledger.assessments.Events.reviewed;
import static org.opennessledger.assessments.Events.settled;
import static org.opennessledger.assessments.Events.superseded;
import static org.opennessledger.assessments.Events.taken;
import static org.opennessledger.assessments.Events.windowClosed;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.eventhandling.EventMessage;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.opennessledger.assessments.readmodel.ReadModels;
import org.opennessledger.contracts.annotations.AnnotationArgumentEdited;
import org.opennessledger.contracts.annotations.AnnotationArgumentPosted;
import org.opennessledger.contracts.annotations.AnnotationReviewed;
import org.opennessledger.contracts.annotations.AnnotationTag;
import org.opennessledger.contracts.debate.ArgumentPosted;
import org.opennessledger.contracts.disputes.DisputeDecision;
import org.opennessledger.contracts.disputes.DisputeStage;
import org.opennessledger.contracts.documents.AnnotationOrphaned;
import org.opennessledger.contracts.documents.AnnotationReanchored;
import org.opennessledger.contracts.licences.LicenceTerm;
import org.opennessledger.contracts.licences.LicenceTermCitationWithdrawn;
import org.opennessledger.contracts.licences.LicenceTermCited;
import org.opennessledger.contracts.models.AcceptedClaimWithdrawn;
import org.opennessledger.contracts.values.ClaimStatus;
import org.opennessledger.contracts.values.ClaimTarget;
import org.opennessledger.contracts.values.ComponentId;
import org.opennessledger.contracts.values.Evidence;
import org.opennessledger.contracts.values.Openness;
import org.opennessledger.contracts.values.Stance;
import org.opennessledger.contracts.values.Verdict;

/** At-least-once delivery: an event handled twice must leave the same documents as handled once. */
class IdempotencyTest {

    private static final ClaimTarget SMALL_WEIGHTS = ofRelease(SMALL, ComponentId.FINAL_WEIGHTS);
    private static final ClaimTarget LARGE_WEIGHTS = ofRelease(LARGE, ComponentId.FINAL_WEIGHTS);
    private static final ClaimTarget FAMILY_LICENCE = ofFamily(ComponentId.LICENCE_TERMS);
    private static final ClaimTarget SMALL_CARD = ofRelease(SMALL, ComponentId.MODEL_CARD);

    @Test
    void redeliveringEveryEventAfterTheWholeStreamLeavesEveryDocumentUnchanged() {
        try (ReadSide readSide = ReadSide.tracking()) {
            story(readSide).forEach(readSide::publish);
            readSide.awaitProjected();
            Map<String, List<Document>> once = readSide.documents();
            assertThat(once.get(ReadModels.ASSESSMENT_VERSIONS)).hasSize(13);
            assertThat(once.get(ReadModels.DEBATES)).hasSize(2); // a claim's and an annotation's
            assertThat(once.get(ReadModels.ARGUMENT_REVISIONS)).hasSize(7);
            assertThat(once.get(ReadModels.LICENCE_CITATIONS)).hasSize(1);
            assertThat(once.get(ReadModels.DISPUTES)).hasSize(2);

            readSide.replayEverything();

            assertThat(readSide.documents()).isEqualTo(once);
        }
    }

    @Test
    void deliveringEveryEventTwiceInARowLeavesTheSameDocumentsAsDeliveringItOnce() {
        try (ReadSide single = ReadSide.tracking(); ReadSide doubled = ReadSide.tracking()) {
            List<EventMessage<?>> story = story(single);
            story.forEach(single::publish);
            story.forEach(message -> {
                doubled.publish(message);
                doubled.publish(message);
            });
            single.awaitProjected();
            doubled.awaitProjected();

            Map<String, List<Document>> once = single.documents();
            Map<String, List<Document>> twice = doubled.documents();
            // The second copy sits at a later position in the doubled store. History entries are keyed by
            // position, so each copy has an entry there (a real event store refuses a second copy of an event
            // identifier; a redelivery there comes with the same position, see the test above). Compare the
            // first entry of each event, by content and by order, not by absolute position.
            assertThat(withoutHistoryPositions(firstEntryPerEvent(twice))).isEqualTo(withoutHistoryPositions(once));
            assertThat(historyOrder(firstEntryPerEvent(twice))).isEqualTo(historyOrder(once)).hasSize(story.size());
        }
    }

    /**
     * Every kind of event, including reviews replaced, supersession, fallback and withdrawal, a
     * threaded and edited debate, a dispute taken over, overturned and reversed on appeal, and one
     * made final by its appeal window; a document in three versions with an annotation carried over and orphaned.
     */
    private static List<EventMessage<?>> story(ReadSide clock) {
        List<EventMessage<?>> story = new ArrayList<>();
        story.add(clock.message(policy(), "root", "admin", "initial thresholds"));
        story.add(clock.message(family(LLAMA, "Llama 3"), "alice", "reviewer", null));
        story.add(clock.message(release(SMALL), "alice", "reviewer", null));
        story.add(clock.message(release(LARGE), "alice", "reviewer", null));
        story.add(clock.message(proposed("cf", FAMILY_LICENCE, Openness.PARTIAL, "LicenseRef-llama3.1"),
                "alice", "reviewer", null));
        story.add(clock.message(proposed("c1", SMALL_WEIGHTS, Openness.OPEN, "LicenseRef-llama3.1"),
                "alice", "reviewer", null));
        story.add(clock.message(reviewed("c1", "bob", Verdict.AGREE, null, null, 1, 0), "bob", "reviewer", null));
        story.add(clock.message(reviewed("c1", "carol", Verdict.DISAGREE, "gated", null, 1, 1),
                "carol", "reviewer", null));
        story.add(clock.message(reviewed("c1", "carol", Verdict.AGREE, null, Verdict.DISAGREE, 2, 0),
                "carol", "reviewer", "changed my mind"));
        story.add(clock.message(reviewed("c1", "dave", Verdict.AGREE, null, null, 3, 0), "dave", "reviewer", null));
        story.add(clock.message(accepted("c1", SMALL_WEIGHTS), "dave", "reviewer", null));
        story.add(clock.message(recorded(SMALL_WEIGHTS, "c1", null), "system", "system", null));
        story.add(clock.message(accepted("cf", FAMILY_LICENCE), "dave", "reviewer", null));
        story.add(clock.message(release("llama-3.2-1b"), "alice", "reviewer", null));
        story.add(clock.message(proposed("c2", SMALL_WEIGHTS, Openness.PARTIAL, "LicenseRef-llama3.1"),
                "bob", "reviewer", null));
        story.add(clock.message(accepted("c2", SMALL_WEIGHTS), "erin", "reviewer", null));
        story.add(clock.message(recorded(SMALL_WEIGHTS, "c2", "c1"), "system", "system", null));
        story.add(clock.message(superseded("c1", SMALL_WEIGHTS, "c2"), "system", "system", null));
        story.add(clock.message(locked("c2", SMALL_WEIGHTS), "system", "system", null));
        story.add(clock.message(proposed("c3", LARGE_WEIGHTS, Openness.OPEN, null), "bob", "reviewer", null));
        story.add(clock.message(accepted("c3", LARGE_WEIGHTS), "erin", "reviewer", null));
        story.add(clock.message(rejected("c3", LARGE_WEIGHTS, true), "frank", "reviewer", "weights were pulled"));
        story.add(clock.message(reopened("cf", FAMILY_LICENCE, ClaimStatus.ACCEPTED), "frank", "reviewer", null));
        story.add(clock.message(new AcceptedClaimWithdrawn(LLAMA, FAMILY_LICENCE, "cf", 2L, null), "system", "system", null));

        story.add(clock.message(argument("c3", "a1", null, Stance.CON, "<b>pulled</b>", "frank"), "frank",
                "reviewer", null));
        story.add(clock.message(argument("c3", "a2", "a1", Stance.QUESTION, "since when?", "bob"), "bob", "reviewer",
                null));
        story.add(clock.message(argument("c3", "a3", "a1", Stance.PRO, "agreed", "erin"), "erin", "reviewer", null));
        story.add(clock.message(edited("c3", "a1", 2, "pulled in May", true, "frank"), "frank", "reviewer", null));

        story.add(clock.message(claimDisputed("c3", LARGE_WEIGHTS, "d1", "erin", ClaimStatus.REJECTED), "erin",
                "reviewer", "they are back"));
        story.add(clock.message(disputeOpened("d1", "c3", LARGE_WEIGHTS, ClaimStatus.REJECTED, "erin",
                "they are back"), "erin", "reviewer", "they are back"));
        story.add(clock.message(taken("d1", "c3", "mia", null, DisputeStage.FIRST), "mia", "moderator", null));
        story.add(clock.message(taken("d1", "c3", "noah", "mia", DisputeStage.FIRST), "noah", "moderator", null));
        story.add(clock.message(firstDecision("d1", "c3", LARGE_WEIGHTS, DisputeDecision.OVERTURN, "noah",
                ReadSide.START.plus(Duration.ofDays(7))), "noah", "moderator", null));
        story.add(clock.message(accepted("c3", LARGE_WEIGHTS), "system", "system", null));
        story.add(clock.message(settled("c3", LARGE_WEIGHTS, "d1", DisputeStage.FIRST, DisputeDecision.OVERTURN,
                ClaimStatus.ACCEPTED, false, 3), "system", "system", null));
        story.add(clock.message(appealed("d1", "c3", "bob", "nothing changed", "noah"), "bob", "reviewer", null));
        story.add(clock.message(taken("d1", "c3", "mia", null, DisputeStage.APPEAL), "mia", "moderator", null));
        story.add(clock.message(appealDecision("d1", "c3", LARGE_WEIGHTS, DisputeDecision.UPHOLD, "mia"), "mia",
                "moderator", null));
        story.add(clock.message(rejected("c3", LARGE_WEIGHTS, true), "system", "system", null));
        story.add(clock.message(settled("c3", LARGE_WEIGHTS, "d1", DisputeStage.APPEAL, DisputeDecision.UPHOLD,
                ClaimStatus.REJECTED, true, 6), "system", "system", null));
        story.add(clock.message(locked("c3", LARGE_WEIGHTS), "system", "system", null));

        story.add(clock.message(proposed("c4", SMALL_CARD, Openness.OPEN, null), "bob", "reviewer", null));
        story.add(clock.message(accepted("c4", SMALL_CARD), "erin", "reviewer", null));
        story.add(clock.message(claimDisputed("c4", SMALL_CARD, "d2", "frank", ClaimStatus.ACCEPTED), "frank",
                "reviewer", null));
        story.add(clock.message(disputeOpened("d2", "c4", SMALL_CARD, ClaimStatus.ACCEPTED, "frank", "no card"),
                "frank", "reviewer", null));
        story.add(clock.message(taken("d2", "c4", "mia", null, DisputeStage.FIRST), "mia", "moderator", null));
        story.add(clock.message(firstDecision("d2", "c4", SMALL_CARD, DisputeDecision.UPHOLD, "mia",
                ReadSide.START.plus(Duration.ofDays(7))), "mia", "moderator", null));
        story.add(clock.message(settled("c4", SMALL_CARD, "d2", DisputeStage.FIRST, DisputeDecision.UPHOLD,
                ClaimStatus.ACCEPTED, false, 2), "system", "system", null));
        story.add(clock.message(windowClosed("d2", "c4", SMALL_CARD, DisputeDecision.UPHOLD), "system", "system",
                null));
        story.add(clock.message(settled("c4", SMALL_CARD, "d2", DisputeStage.FIRST, DisputeDecision.UPHOLD,
                ClaimStatus.ACCEPTED, true, 3), "system", "system", null));
        // a document, an annotation reviewed twice, carried to a new version, then orphaned by a third
        String note = "0b6f7c1e-6d2a-4f39-9a57-2f0c1d3e4b5a";
        String cap = "Not above 500 million monthly users.";
        story.add(clock.message(documentVersion(1, LICENCE_V1, "alice"), "alice", "reviewer", null));
        story.add(clock.message(annotation(note, cap, "carol", AnnotationTag.USER_TYPE_THRESHOLD), "carol", "reviewer",
                null));
        story.add(clock.message(new AnnotationReviewed(note, "bob", Verdict.AGREE, null, null, 1, 0), "bob", "reviewer",
                null));
        story.add(clock.message(new AnnotationReviewed(note, "bob", Verdict.DISAGREE, "customers", Verdict.AGREE, 0, 1),
                "bob", "reviewer", null));
        String noteArgument = "5a1f0c3e-1b2c-4d5e-8f90-a1b2c3d4e5f6";
        story.add(clock.message(new AnnotationArgumentPosted(note, noteArgument, null, Stance.CON, "it caps customers",
                List.of(), "bob"), "bob", "reviewer", null));
        story.add(clock.message(new AnnotationArgumentEdited(note, noteArgument, 2, "it caps paying customers", List.of(),
                false, "bob"), "bob", "reviewer", null));
        // cited as evidence in claim c3's debate, and for two terms of a licence, one withdrawn again
        Evidence citingNote = new Evidence("https://example.org/sample-licence", cap, LocalDate.of(2025, 2, 1),
                "sha256:abc", note);
        story.add(clock.message(new ArgumentPosted("c3", "a9", null, Stance.PRO, "see the cap", List.of(citingNote),
                "erin"), "erin", "reviewer", null));
        story.add(clock.message(new LicenceTermCited("llama3.1-community", LicenceTerm.MONTHLY_ACTIVE_USERS, note, "ada"),
                "ada", "admin", null));
        story.add(clock.message(new LicenceTermCited("llama3.1-community", LicenceTerm.NAMING_DUTY, note, "ada"),
                "ada", "admin", null));
        story.add(clock.message(new LicenceTermCitationWithdrawn("llama3.1-community", LicenceTerm.NAMING_DUTY, note,
                "ada"), "ada", "admin", "not a naming duty"));
        story.add(clock.message(documentVersion(2, LICENCE_V2, "bob"), "bob", "reviewer", null));
        story.add(clock.message(new AnnotationReanchored(LICENCE_DOC, note, 1, 2, anchorOf(LICENCE_V2, cap)), "bob",
                "reviewer", null));
        story.add(clock.message(documentVersion(3, LICENCE_V3, "erin"), "erin", "reviewer", null));
        story.add(clock.message(new AnnotationOrphaned(LICENCE_DOC, note, 2, 3, anchorOf(LICENCE_V2, cap)), "erin",
                "reviewer", null));
        return story;
    }

    private static Map<String, List<Document>> firstEntryPerEvent(Map<String, List<Document>> documents) {
        Map<String, List<Document>> copy = new LinkedHashMap<>(documents);
        Set<Object> seen = new HashSet<>();
        copy.put(ReadModels.HISTORY, documents.get(ReadModels.HISTORY).stream()
                .sorted(Comparator.comparingLong(entry -> entry.getLong("position")))
                .filter(entry -> seen.add(entry.get("eventId")))
                .toList());
        return copy;
    }

    private static Map<String, List<Document>> withoutHistoryPositions(Map<String, List<Document>> documents) {
        Map<String, List<Document>> copy = new LinkedHashMap<>(documents);
        copy.remove(ReadModels.HISTORY_HEAD); // a position, like the entries' own
        copy.put(ReadModels.HISTORY, documents.get(ReadModels.HISTORY).stream()
                .map(entry -> {
                    Document withoutPosition = new Document(entry);
                    withoutPosition.remove("_id");
                    withoutPosition.remove("position");
                    return withoutPosition;
                })
                .toList());
        return copy;
    }

    private static List<Object> historyOrder(Map<String, List<Document>> documents) {
        return documents.get(ReadModels.HISTORY).stream()
                .sorted(Comparator.comparingLong(entry -> entry.getLong("position")))
                .map(entry -> entry.get("eventId"))
                .toList();
    }
}
