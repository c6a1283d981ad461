package org.opennessledger.assessments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.axonframework.messaging.responsetypes.ResponseTypes.multipleInstancesOf;
import static org.axonframework.messaging.responsetypes.ResponseTypes.optionalInstanceOf;
import static org.opennessledger.assessments.Events.LLAMA;
import static org.opennessledger.assessments.Events.SMALL;
import static org.opennessledger.assessments.Events.argument;
import static org.opennessledger.assessments.Events.family;
import static org.opennessledger.assessments.Events.ofRelease;
import static org.opennessledger.assessments.Events.proposed;
import static org.opennessledger.assessments.Events.release;

import java.time.Duration;
import java.util.List;
import org.axonframework.eventhandling.EventMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opennessledger.contracts.moderation.ContentFlagged;
import org.opennessledger.contracts.moderation.ContentHidden;
import org.opennessledger.contracts.moderation.ContentUnhidden;
import org.opennessledger.contracts.moderation.FlagReason;
import org.opennessledger.contracts.moderation.FlagsDismissed;
import org.opennessledger.contracts.queries.Queries.GetClaim;
import org.opennessledger.contracts.queries.Queries.GetClaimHistory;
import org.opennessledger.contracts.queries.Queries.GetModel;
import org.opennessledger.contracts.queries.Queries.GetModerationQueue;
import org.opennessledger.contracts.queries.Queries.ListClaimFlags;
import org.opennessledger.contracts.queries.Queries.ListArguments;
import org.opennessledger.contracts.values.ClaimTarget;
import org.opennessledger.contracts.values.ComponentId;
import org.opennessledger.contracts.values.Openness;
import org.opennessledger.contracts.values.Stance;
import org.opennessledger.contracts.views.ArgumentView;
import org.opennessledger.contracts.views.ClaimView;
import org.opennessledger.contracts.views.FlaggedItemView;
import org.opennessledger.contracts.views.HiddenView;
import org.opennessledger.contracts.views.HistoryEntryView;
import org.opennessledger.contracts.views.ModelView;
import org.opennessledger.contracts.views.ModerationQueueItemView;

/** Hidden content leaves public reads and stays in moderators' reads and the history; flags feed the queue. */
class HidingTest {

    private static final ClaimTarget WEIGHTS = ofRelease(SMALL, ComponentId.FINAL_WEIGHTS);

    private final ReadSide readSide = ReadSide.tracking();

    @BeforeEach
    void debate() {
        readSide.publish(family(LLAMA, "Llama 3"), "alice", "reviewer", null);
        readSide.publish(release(SMALL), "alice", "reviewer", null);
        readSide.publish(proposed("c1", WEIGHTS, Openness.OPEN, null), "alice", "reviewer", null);
        readSide.publish(argument("c1", "a1", null, Stance.CON, "You are all fools.", "troll"), "troll",
                "reviewer", null);
        readSide.publish(argument("c1", "a2", "a1", Stance.QUESTION, "Why so rude?", "carol"), "carol",
                "reviewer", null);
    }

    @AfterEach
    void stop() {
        readSide.close();
    }

    private List<ArgumentView> arguments(boolean includeHidden) {
        readSide.awaitProjected();
        return readSide.query(new ListArguments("c1", includeHidden), multipleInstancesOf(ArgumentView.class));
    }

    private List<ModerationQueueItemView> queue() {
        readSide.awaitProjected();
        return readSide.query(new GetModerationQueue(null), multipleInstancesOf(ModerationQueueItemView.class));
    }

    @Test
    void aHiddenArgumentIsAPlaceholderForThePublicAndWholeForModeratorsAndItsRepliesStay() {
        EventMessage<?> flagged = readSide.publish(new ContentFlagged("c1", WEIGHTS, "a1", "f1", "bob", FlagReason.ABUSE,
                "insults <b>everyone</b>"), "bob", "reviewer", null);
        readSide.publish(new ContentFlagged("c1", WEIGHTS, "a1", "f2", "dave", FlagReason.SPAM, "and spam"), "dave",
                "reviewer", null);
        readSide.queryTimeIs(flagged.getTimestamp().plus(Duration.ofMinutes(5)));
        assertThat(queue()).singleElement().satisfies(item -> {
            assertThat(item.kind()).isEqualTo("flag");
            assertThat(item.id()).isEqualTo("c1/a1");
            assertThat(item.state()).isEqualTo("OPEN");
            assertThat(item.openedAt()).isEqualTo(flagged.getTimestamp());
            assertThat(item.ageSeconds()).isEqualTo(300L);
            assertThat(item.summary()).isEqualTo("2 flags on argument a1 of claim c1: abuse, spam — insults <b>everyone</b>");
        });

        EventMessage<?> hidden = readSide.publish(new ContentHidden("c1", WEIGHTS, "a1", "mia", "personal attack",
                List.of("f1", "f2")), "mia", "moderator", null);
        HiddenView marker = new HiddenView("mia", "personal attack", hidden.getTimestamp());

        ArgumentView publicView = arguments(false).get(0);
        assertThat(publicView.hidden()).isEqualTo(marker);
        assertThat(publicView.text()).isNull();
        assertThat(publicView.authorId()).isNull();
        assertThat(publicView.revisions()).isEmpty();
        assertThat(publicView.replyCount()).isEqualTo(1);
        assertThat(arguments(false).get(1).text()).isEqualTo("Why so rude?");
        ArgumentView moderatorView = arguments(true).get(0);
        assertThat(moderatorView.text()).isEqualTo("You are all fools.");
        assertThat(moderatorView.authorId()).isEqualTo("troll");
        assertThat(moderatorView.hidden()).isEqualTo(marker);
        assertThat(queue()).isEmpty();
        assertThat(readSide.query(new GetClaimHistory("c1"), multipleInstancesOf(HistoryEntryView.class)))
                .extracting(HistoryEntryView::summary)
                .endsWith("argument a1 on claim c1 hidden by a moderator, reason: personal attack");

        readSide.publish(new ContentUnhidden("c1", WEIGHTS, "a1", "noah", "context matters"), "noah", "moderator", null);
        assertThat(arguments(false).get(0).text()).isEqualTo("You are all fools.");
        assertThat(arguments(false).get(0).hidden()).isNull();
    }

    @Test
    void aHiddenClaimDoesNotExistForThePublicButModeratorsSeeItMarked() {
        readSide.publish(new ContentHidden("c1", WEIGHTS, null, "mia", "advertising", List.of()), "mia", "moderator",
                null);
        readSide.awaitProjected();

        assertThat(readSide.query(new GetClaim("c1"), optionalInstanceOf(ClaimView.class))).isEmpty();
        ClaimView forModerators = readSide.query(new GetClaim("c1", true), optionalInstanceOf(ClaimView.class))
                .orElseThrow();
        assertThat(forModerators.hidden().reason()).isEqualTo("advertising");
        assertThat(readSide.query(new GetModel(LLAMA), optionalInstanceOf(ModelView.class)).orElseThrow().claims())
                .isEmpty();
        assertThat(readSide.query(new GetModel(LLAMA, true), optionalInstanceOf(ModelView.class)).orElseThrow()
                .claims()).singleElement().satisfies(summary -> assertThat(summary.hidden()).isTrue());

        readSide.publish(new ContentUnhidden("c1", WEIGHTS, null, "noah", "a real claim after all"), "noah",
                "moderator", null);
        readSide.awaitProjected();
        assertThat(readSide.query(new GetClaim("c1"), optionalInstanceOf(ClaimView.class))).isPresent();
        assertThat(readSide.query(new GetModel(LLAMA), optionalInstanceOf(ModelView.class)).orElseThrow().claims())
                .hasSize(1);
    }

    @Test
    void dismissedFlagsLeaveTheQueueAndNewOnesReturnTheItem() {
        readSide.publish(new ContentFlagged("c1", WEIGHTS, null, "f1", "bob", FlagReason.MISLEADING, "wrong licence"),
                "bob", "reviewer", null);
        assertThat(queue()).extracting(ModerationQueueItemView::id).containsExactly("c1/claim");
        readSide.publish(new FlagsDismissed("c1", WEIGHTS, null, "mia", "the licence is right", List.of("f1")), "mia",
                "moderator", null);
        assertThat(queue()).isEmpty();
        readSide.publish(new ContentFlagged("c1", WEIGHTS, null, "f3", "bob", FlagReason.OTHER, "still wrong"), "bob",
                "reviewer", null);
        assertThat(queue()).singleElement().satisfies(item ->
                assertThat(item.summary()).isEqualTo("1 flag on claim c1: other — still wrong"));

        // Moderators see every flag of the claim: the open one first, then the dismissed one with why.
        List<FlaggedItemView> flags = readSide.query(new ListClaimFlags("c1"), multipleInstancesOf(FlaggedItemView.class));
        assertThat(flags).singleElement().satisfies(item -> {
            assertThat(item.argumentId()).isNull();
            assertThat(item.state()).isEqualTo("OPEN");
            assertThat(item.flags()).extracting(FlaggedItemView.Flag::flagId).containsExactly("f3", "f1");
            FlaggedItemView.Flag dismissed = item.flags().get(1);
            assertThat(dismissed.reason()).isEqualTo("misleading");
            assertThat(dismissed.text()).isEqualTo("wrong licence");
            assertThat(dismissed.outcome()).isEqualTo("dismissed");
            assertThat(dismissed.settledBy()).isEqualTo("mia");
            assertThat(dismissed.settledReason()).isEqualTo("the licence is right");
            assertThat(item.flags().get(0).outcome()).isNull();
        });
    }
}
