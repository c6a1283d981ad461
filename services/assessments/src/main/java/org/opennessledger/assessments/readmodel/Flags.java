package org.opennessledger.assessments.readmodel;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.bson.Document;
import org.opennessledger.contracts.moderation.ContentFlagged;
import org.opennessledger.contracts.views.FlaggedItemView;
import org.opennessledger.contracts.views.ModerationQueueItemView;

/**
 * Flags per flagged item (a claim, or one argument of it): the open ones wait in the moderation
 * queue until a moderator hides the item or dismisses its flags. Flaggers and their texts are for
 * moderators only; this collection is not part of any public read.
 */
public final class Flags {

    public static final String KIND = "flag";
    private static final String OPEN = "OPEN";
    private static final String CLOSED = "CLOSED";
    private static final String CLAIM_ITEM = "claim";

    private final MongoCollection<Document> collection;

    Flags(MongoCollection<Document> collection) {
        this.collection = collection;
    }

    static String itemId(String claimId, String argumentId) {
        return claimId + "/" + (argumentId == null ? CLAIM_ITEM : argumentId);
    }

    public void flagged(ContentFlagged event, String modelId, EventContext context) {
        DocumentUpdates.update(collection, itemId(event.claimId(), event.argumentId()), () -> new Document("claimId",
                        event.claimId()).append("argumentId", event.argumentId()).append("modelId", modelId)
                        .append("state", CLOSED).append("open", List.of()).append("closed", List.of()),
                context.eventId(), item -> {
                    List<Document> open = Docs.documents(item, "open");
                    if (open.isEmpty()) {
                        item.put("firstFlaggedAt", Docs.date(context.timestamp()));
                    }
                    open.add(new Document("flagId", event.flagId())
                            .append("flaggerId", event.flaggerId())
                            .append("reason", event.reason().id())
                            .append("text", event.text())
                            .append("at", Docs.date(context.timestamp())));
                    item.put("open", open);
                    item.put("state", OPEN);
                });
    }

    /** The item's open flags were settled: {@code outcome} says how ("hidden", "dismissed"). */
    public void settled(String claimId, String argumentId, String outcome, String moderatorId, String reason,
                        EventContext context) {
        DocumentUpdates.update(collection, itemId(claimId, argumentId), null, context.eventId(), item -> {
            List<Document> closed = Docs.documents(item, "closed");
            for (Document flag : Docs.documents(item, "open")) {
                closed.add(new Document(flag).append("outcome", outcome).append("by", moderatorId)
                        .append("settledReason", reason).append("closedAt", Docs.date(context.timestamp())));
            }
            item.put("closed", closed);
            item.put("open", List.of());
            item.put("state", CLOSED);
            item.put("firstFlaggedAt", null);
        });
    }

    /** The claim's flagged items, the claim itself first, with every flag (open ones first in each). */
    public List<FlaggedItemView> ofClaim(String claimId) {
        List<FlaggedItemView> items = new ArrayList<>();
        collection.find(eq("claimId", claimId)).forEach(item -> {
            List<FlaggedItemView.Flag> flags = new ArrayList<>();
            Docs.documents(item, "open").forEach(flag -> flags.add(flagView(flag)));
            Docs.documents(item, "closed").forEach(flag -> flags.add(flagView(flag)));
            items.add(new FlaggedItemView(claimId, item.getString("argumentId"), item.getString("state"), flags));
        });
        items.sort(Comparator.comparing((FlaggedItemView item) -> item.argumentId() != null)
                .thenComparing(item -> item.argumentId() == null ? "" : item.argumentId()));
        return items;
    }

    private static FlaggedItemView.Flag flagView(Document flag) {
        return new FlaggedItemView.Flag(flag.getString("flagId"), flag.getString("flaggerId"), flag.getString("reason"),
                flag.getString("text"), Docs.instant(flag, "at"), flag.getString("outcome"), flag.getString("by"),
                flag.getString("settledReason"), Docs.instant(flag, "closedAt"));
    }

    /** Items with open flags, for the moderation queue; age counts from the first open flag. */
    public List<ModerationQueueItemView> queue(Instant now) {
        List<ModerationQueueItemView> items = new ArrayList<>();
        collection.find(eq("state", OPEN)).forEach(item -> {
            List<Document> open = Docs.documents(item, "open");
            Instant first = Docs.instant(item, "firstFlaggedAt");
            Set<String> reasons = new TreeSet<>();
            open.forEach(flag -> reasons.add(flag.getString("reason")));
            String argumentId = item.getString("argumentId");
            String what = argumentId == null ? "claim " + item.getString("claimId")
                    : "argument " + argumentId + " of claim " + item.getString("claimId");
            String summary = open.size() + (open.size() == 1 ? " flag on " : " flags on ") + what + ": "
                    + String.join(", ", reasons) + " — " + OneLine.of(open.get(0).getString("text"),
                    Disputes.SUMMARY_REASON_LENGTH);
            long age = first == null ? 0L : Math.max(0L, Duration.between(first, now).getSeconds());
            items.add(new ModerationQueueItemView(KIND, item.getString(DocumentUpdates.ID), item.getString("claimId"),
                    item.getString("modelId"), OPEN, null, first, first, age, summary, argumentId));
        });
        items.sort(Comparator.comparing(ModerationQueueItemView::id));
        return items;
    }
}
