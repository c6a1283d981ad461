package org.opennessledger.assessments.readmodel;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.opennessledger.contracts.annotations.AnnotationArgumentEdited;
import org.opennessledger.contracts.annotations.AnnotationArgumentPosted;
import org.opennessledger.contracts.debate.ArgumentEdited;
import org.opennessledger.contracts.debate.ArgumentPosted;
import org.opennessledger.contracts.values.Evidence;
import org.opennessledger.contracts.values.Stance;
import org.opennessledger.contracts.views.ArgumentView;
import org.opennessledger.contracts.views.HiddenView;

/**
 * The debates on claims and on annotations, in two collections:
 * <ul>
 *   <li>{@code debates} ({@code _id} = the thread: a claim id, or "annotation/" and an annotation id): every
 *       argument of the thread, oldest first, with what changes over its life (current revision, edit time,
 *       reply count) but not its text;</li>
 *   <li>{@code argument_revisions} ({@code _id} = "thread/argument/n"): the text and evidence of
 *       each revision, written once.</li>
 * </ul>
 * Text and evidence live apart because one revision may carry 10,000 characters and 20 evidence
 * items: kept in the claim's document, a few hundred of them would pass MongoDB's 16 MB document
 * limit, and the failing write would stall the whole processing group. A claim's document grows
 * by a few hundred bytes per argument instead, and a revision is never rewritten.
 * <p>
 * Text is stored exactly as posted; it is user content that clients must show as text.
 */
public final class Debates {

    private static final String ARGUMENTS = "arguments";
    /** Claim ids are UUIDs, never with a slash: an annotation's thread cannot meet a claim's. */
    private static final String ANNOTATION_THREAD = "annotation/";

    private final MongoCollection<Document> debates;
    private final MongoCollection<Document> revisions;

    Debates(MongoCollection<Document> debates, MongoCollection<Document> revisions) {
        this.debates = debates;
        this.revisions = revisions;
    }

    /**
     * Adds the argument as revision 1 and counts it as a reply of its parent. The revision is
     * written first, so a reader never finds an argument whose text is missing.
     */
    public void posted(ArgumentPosted event, EventContext context) {
        post(event.claimId(), event.argumentId(), event.parentArgumentId(), event.stance(), event.authorId(),
                event.text(), event.evidence(), context);
    }

    /** As {@link #posted(ArgumentPosted, EventContext)}, in the annotation's thread. */
    public void posted(AnnotationArgumentPosted event, EventContext context) {
        post(annotationThread(event.annotationId()), event.argumentId(), event.parentArgumentId(), event.stance(),
                event.authorId(), event.text(), event.evidence(), context);
    }

    private void post(String thread, String argumentId, String parentArgumentId, Stance stance, String authorId,
                      String text, List<Evidence> evidence, EventContext context) {
        Instant at = context.timestamp();
        insertRevision(thread, argumentId, 1, text, evidence, at, false);
        DocumentUpdates.update(debates, thread, () -> new Document(ARGUMENTS, List.of()), context.eventId(),
                debate -> {
                    List<Document> arguments = Docs.documents(debate, ARGUMENTS);
                    if (indexOf(arguments, argumentId) >= 0) {
                        return; // the same argument posted by another event: the write side prevents it
                    }
                    int parent = parentArgumentId == null ? -1 : indexOf(arguments, parentArgumentId);
                    if (parent >= 0) {
                        Document replied = new Document(arguments.get(parent));
                        replied.put("replyCount", Docs.integer(replied, "replyCount") + 1);
                        arguments.set(parent, replied);
                    }
                    arguments.add(new Document("argumentId", argumentId)
                            .append("parentArgumentId", parentArgumentId)
                            .append("stance", stance == null ? null : stance.id())
                            .append("authorId", authorId)
                            .append("postedAt", Docs.date(at))
                            .append("revision", 1)
                            .append("editedAt", null)
                            .append("editedAfterReply", false)
                            .append("replyCount", 0));
                    debate.put(ARGUMENTS, arguments);
                });
    }

    /**
     * Records a new revision and makes it current. {@code editedAfterReply} stays true once any edit
     * came after a reply. False when the argument is unknown (nothing is written then).
     */
    public boolean edited(ArgumentEdited event, EventContext context) {
        return edit(event.claimId(), event.argumentId(), event.revision(), event.text(), event.evidence(),
                event.afterReply(), context);
    }

    /** As {@link #edited(ArgumentEdited, EventContext)}, in the annotation's thread. */
    public boolean edited(AnnotationArgumentEdited event, EventContext context) {
        return edit(annotationThread(event.annotationId()), event.argumentId(), event.revision(), event.text(),
                event.evidence(), event.afterReply(), context);
    }

    private boolean edit(String thread, String argumentId, int revision, String text, List<Evidence> evidence,
                         boolean afterReply, EventContext context) {
        Document debate = debates.find(eq(DocumentUpdates.ID, thread)).first();
        if (debate == null || indexOf(Docs.documents(debate, ARGUMENTS), argumentId) < 0) {
            return false;
        }
        Instant at = context.timestamp();
        insertRevision(thread, argumentId, revision, text, evidence, at, afterReply);
        DocumentUpdates.update(debates, thread, null, context.eventId(), current -> {
            List<Document> arguments = Docs.documents(current, ARGUMENTS);
            int index = indexOf(arguments, argumentId);
            if (index < 0) {
                return; // checked above; only a concurrent rebuild could remove it
            }
            Document argument = new Document(arguments.get(index));
            if (revision > Docs.integer(argument, "revision")) {
                argument.put("revision", revision);
                argument.put("editedAt", Docs.date(at));
            }
            argument.put("editedAfterReply", Docs.bool(argument, "editedAfterReply") || afterReply);
            arguments.set(index, argument);
            current.put(ARGUMENTS, arguments);
        });
        return true;
    }

    /** Marks the argument hidden, or visible again when {@code hidden} is null. */
    public void markHidden(String claimId, String argumentId, HiddenView hidden, EventContext context) {
        DocumentUpdates.update(debates, claimId, null, context.eventId(), debate -> {
            List<Document> arguments = Docs.documents(debate, ARGUMENTS);
            int index = indexOf(arguments, argumentId);
            if (index >= 0) {
                arguments.set(index, new Document(arguments.get(index)).append("hidden", Docs.hiddenMarker(hidden)));
                debate.put(ARGUMENTS, arguments);
            }
        });
    }

    /**
     * The claim's arguments, oldest first, each with every revision up to its current one. Hidden
     * arguments keep their place in the thread; without {@code includeHidden} only a placeholder.
     */
    public List<ArgumentView> list(String claimId, boolean includeHidden) {
        List<ArgumentView> all = list(claimId);
        return includeHidden ? all : all.stream().map(a -> a.hidden() == null ? a : a.placeholder()).toList();
    }

    /** The annotation's arguments, oldest first, each with every revision (their {@code claimId} is null). */
    public List<ArgumentView> listOfAnnotation(String annotationId) {
        return list(annotationThread(annotationId)).stream().map(ArgumentView::outsideAClaim).toList();
    }

    private static String annotationThread(String annotationId) {
        return ANNOTATION_THREAD + annotationId;
    }

    private List<ArgumentView> list(String claimId) {
        if (claimId == null) {
            return List.of();
        }
        Document debate = debates.find(eq(DocumentUpdates.ID, claimId)).first();
        if (debate == null) {
            return List.of();
        }
        List<Document> arguments = Docs.documents(debate, ARGUMENTS);
        List<String> revisionIds = new ArrayList<>();
        for (Document argument : arguments) {
            for (int n = 1; n <= Docs.integer(argument, "revision"); n++) {
                revisionIds.add(revisionId(claimId, argument.getString("argumentId"), n));
            }
        }
        Map<String, Document> texts = new HashMap<>();
        if (revisionIds.isEmpty()) {
            return List.of();
        }
        revisions.find(in(DocumentUpdates.ID, revisionIds)).forEach(r -> texts.put(r.getString(DocumentUpdates.ID), r));
        return arguments.stream().map(argument -> toView(claimId, argument, texts)).toList();
    }

    private void insertRevision(String claimId, String argumentId, int revision, String text, List<Evidence> evidence,
                                Instant at, boolean afterReply) {
        Document content = new Document("claimId", claimId)
                .append("argumentId", argumentId)
                .append("revisionNumber", revision) // not "revision": that names a document's write revision
                .append("text", text)
                .append("evidence", Docs.evidenceDocuments(evidence))
                .append("at", Docs.date(at))
                .append("afterReply", afterReply);
        // Written once: a re-delivered event finds it there and changes nothing.
        revisions.updateOne(eq(DocumentUpdates.ID, revisionId(claimId, argumentId, revision)),
                Updates.setOnInsert(content), new UpdateOptions().upsert(true));
    }

    private static ArgumentView toView(String claimId, Document argument, Map<String, Document> texts) {
        String argumentId = argument.getString("argumentId");
        List<ArgumentView.Revision> revisionViews = new ArrayList<>();
        for (int n = 1; n <= Docs.integer(argument, "revision"); n++) {
            Optional.ofNullable(texts.get(revisionId(claimId, argumentId, n))).ifPresent(r -> revisionViews.add(
                    new ArgumentView.Revision(Docs.integer(r, "revisionNumber"), r.getString("text"),
                            Docs.evidence(r, "evidence"), Docs.instant(r, "at"), Docs.bool(r, "afterReply"))));
        }
        ArgumentView.Revision current = revisionViews.isEmpty() ? null : revisionViews.get(revisionViews.size() - 1);
        return new ArgumentView(argumentId, claimId, argument.getString("parentArgumentId"),
                argument.getString("stance"), current == null ? null : current.text(),
                current == null ? List.of() : current.evidence(), argument.getString("authorId"),
                Docs.instant(argument, "postedAt"), Docs.integer(argument, "revision"),
                Docs.instant(argument, "editedAt"), Docs.bool(argument, "editedAfterReply"),
                Docs.integer(argument, "replyCount"), List.copyOf(revisionViews),
                Docs.hidden(argument.get("hidden", Document.class)));
    }

    private static int indexOf(List<Document> arguments, String argumentId) {
        for (int i = 0; i < arguments.size(); i++) {
            if (arguments.get(i).getString("argumentId").equals(argumentId)) {
                return i;
            }
        }
        return -1;
    }

    static String revisionId(String claimId, String argumentId, int revision) {
        return claimId + "/" + argumentId + "/" + revision;
    }
}
