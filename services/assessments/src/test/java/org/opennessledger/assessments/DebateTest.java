package org.opennessledger.assessments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.messaging.responsetypes.ResponseTypes.multipleInstancesOf;
import static org.opennessledger.assessments.Events.LLAMA;
import static org.opennessledger.assessments.Events.SMALL;
import static org.opennessledger.assessments.Events.argument;
import static org.opennessledger.assessments.Events.edited;
import static org.opennessledger.assessments.Events.evidence;
import static org.opennessledger.assessments.Events.family;
import static org.opennessledger.assessments.Events.ofRelease;
import static org.opennessledger.assessments.Events.proposed;
import static org.opennessledger.assessments.Events.release;

import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.EventMessage;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opennessledger.contracts.queries.Queries.GetClaimHistory;
import org.opennessledger.contracts.queries.Queries.ListArguments;
import org.opennessledger.contracts.values.ComponentId;
import org.opennessledger.contracts.values.Openness;
import org.opennessledger.contracts.values.Stance;
import org.opennessledger.contracts.views.ArgumentView;
import org.opennessledger.contracts.views.ArgumentView.Revision;
import org.opennessledger.contracts.views.HistoryEntryView;

class DebateTest {

    /** Markup, a line break, quotes, non-ASCII and surrounding white space: all of it must come back unchanged. */
    private static final String UNTRUSTED = "  <script>alert('x')</script>\n**bold** & \"quoted\" é 😀  ";

    private final ReadSide readSide = ReadSide.tracking();

    @AfterEach
    void stop() {
        readSide.close();
    }

    @Test
    void argumentsAreListedOldestFirstWithRepliesCountedEveryRevisionKeptAndTextUnchanged() {
        readSide.publish(family(LLAMA, "Llama 3"), "alice", "reviewer", null);
        readSide.publish(release(SMALL), "alice", "reviewer", null);
        readSide.publish(proposed("c1", ofRelease(SMALL, ComponentId.FINAL_WEIGHTS), Openness.OPEN, null),
                "alice", "reviewer", null);
        EventMessage<?> root = readSide.publish(argument("c1", "a1", null, Stance.CON, UNTRUSTED, "bob"),
                "bob", "reviewer", null);
        EventMessage<?> beforeReply = readSide.publish(edited("c1", "a1", 2, "The weights are gated.", false, "bob"),
                "bob", "reviewer", null);
        EventMessage<?> question = readSide.publish(argument("c1", "a2", "a1", Stance.QUESTION,
                "Which release does this concern?", "carol"), "carol", "reviewer", null);
        EventMessage<?> pro = readSide.publish(argument("c1", "a3", null, Stance.PRO, "They are on the hub.", "dave"),
                "dave", "reviewer", null);
        EventMessage<?> afterReply = readSide.publish(edited("c1", "a1", 3, "The weights are gated behind a form.",
                true, "bob"), "bob", "reviewer", null);
        EventMessage<?> secondReply = readSide.publish(argument("c1", "a4", "a1", Stance.PRO, "Agreed.", "erin"),
                "erin", "reviewer", null);
        readSide.awaitProjected();

        List<ArgumentView> debate = arguments("c1");

        assertThat(debate).extracting(ArgumentView::argumentId).containsExactly("a1", "a2", "a3", "a4");
        assertThat(debate.get(0)).isEqualTo(new ArgumentView("a1", "c1", null, "con",
                "The weights are gated behind a form.", List.of(), "bob", root.getTimestamp(), 3,
                afterReply.getTimestamp(), true, 2, List.of(
                        new Revision(1, UNTRUSTED, List.of(evidence("a1")), root.getTimestamp(), false),
                        new Revision(2, "The weights are gated.", List.of(), beforeReply.getTimestamp(), false),
                        new Revision(3, "The weights are gated behind a form.", List.of(),
                                afterReply.getTimestamp(), true))));
        assertThat(debate.get(1)).isEqualTo(new ArgumentView("a2", "c1", "a1", "question",
                "Which release does this concern?", List.of(evidence("a2")), "carol", question.getTimestamp(), 1, null,
                false, 0, List.of(new Revision(1, "Which release does this concern?", List.of(evidence("a2")),
                question.getTimestamp(), false))));
        assertThat(debate.get(2).stance()).isEqualTo("pro");
        assertThat(debate.get(2).postedAt()).isEqualTo(pro.getTimestamp());
        assertThat(debate.get(2).parentArgumentId()).isNull();
        assertThat(debate.get(3).parentArgumentId()).isEqualTo("a1");
        assertThat(debate.get(3).postedAt()).isEqualTo(secondReply.getTimestamp());
    }

    @Test
    void untrustedTextIsStoredExactlyAsPosted() {
        readSide.publish(argument("c1", "a1", null, Stance.CON, UNTRUSTED, "bob"), "bob", "reviewer", null);
        readSide.awaitProjected();

        assertThat(arguments("c1")).singleElement().satisfies(a -> {
            assertThat(a.text()).isEqualTo(UNTRUSTED);
            assertThat(a.revisions()).singleElement().extracting(Revision::text).isEqualTo(UNTRUSTED);
        });
        Document stored = readSide.database.getCollection("argument_revisions").find().first();
        assertThat(stored.getString("text")).isEqualTo(UNTRUSTED);
    }

    @Test
    void anEditOfAnUnknownArgumentChangesNoDocumentAndIsOnlyRecordedInTheHistory() {
        readSide.publish(family(LLAMA, "Llama 3"), "alice", "reviewer", null);
        readSide.publish(release(SMALL), "alice", "reviewer", null);
        readSide.publish(proposed("c1", ofRelease(SMALL, ComponentId.FINAL_WEIGHTS), Openness.OPEN, null),
                "alice", "reviewer", null);
        readSide.publish(argument("c1", "a1", null, Stance.PRO, "first", "bob"), "bob", "reviewer", null);
        readSide.awaitProjected();
        Map<String, List<Document>> before = readSide.documents();

        readSide.publish(edited("c1", "no-such-argument", 2, "hijack", false, "carol"), "carol", "reviewer", null);
        readSide.awaitProjected();

        Map<String, List<Document>> after = readSide.documents();
        assertThat(after.get("debates")).isEqualTo(before.get("debates"));
        assertThat(after.get("argument_revisions")).isEqualTo(before.get("argument_revisions"));
        assertThat(readSide.query(new GetClaimHistory("c1"), multipleInstancesOf(HistoryEntryView.class)))
                .last().extracting(HistoryEntryView::eventType).isEqualTo("ArgumentEdited");
    }

    @Test
    void aClaimWithoutArgumentsHasAnEmptyDebate() {
        assertThat(arguments("no-such-claim")).isEmpty();
        assertThat(arguments(null)).isEmpty();
    }

    private List<ArgumentView> arguments(String claimId) {
        return readSide.query(new ListArguments(claimId), multipleInstancesOf(ArgumentView.class));
    }
}
