package org.opennessledger.claims.document;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.createNew;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.opennessledger.claims.Actors;
import org.opennessledger.claims.CommandChecks;
import org.opennessledger.contracts.annotations.AnnotationCreated;
import org.opennessledger.contracts.annotations.AnnotationTag;
import org.opennessledger.contracts.annotations.CreateAnnotation;
import org.opennessledger.contracts.annotations.Motivation;
import org.opennessledger.contracts.annotations.TextAnchor;
import org.opennessledger.contracts.documents.AddDocumentVersion;
import org.opennessledger.contracts.documents.AnnotationOrphaned;
import org.opennessledger.contracts.documents.AnnotationPlaced;
import org.opennessledger.contracts.documents.AnnotationReanchored;
import org.opennessledger.contracts.documents.DocumentVersionAdded;
import org.opennessledger.contracts.documents.DocumentVersionResult;
import org.opennessledger.contracts.errors.CommandRejected;
import org.opennessledger.contracts.values.Actor;
import org.opennessledger.contracts.values.DocumentIds;
import org.opennessledger.contracts.values.Role;

/**
 * A licence, model card or terms page (id = {@link DocumentIds#forUrl} of its source URL): its snapshots as numbered,
 * immutable versions. It is the entry point for annotations: it checks their selectors against its
 * latest text before creating them, and when a new version arrives it carries each annotation over by
 * its quote and context, or marks it orphaned.
 */
// Snapshots serialize the aggregate's fields with Jackson, whatever the platform's visibility settings.
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE, setterVisibility = JsonAutoDetect.Visibility.NONE)
public class Document {

    /** Largest text, in UTF-8 bytes after normalisation: a long licence or model card, and within the API's body limit. */
    public static final int MAX_TEXT_BYTES = 200 * 1024;
    public static final int MAX_TITLE = 200;
    public static final int MAX_TAGS = 9;
    public static final int MAX_COMMENT = 5000;
    /** Texts the ledger keeps: shown as text, never rendered as markup. */
    public static final Set<String> MEDIA_TYPES = Set.of("text/plain", "text/markdown");
    /**
     * Control characters other than tab, line feed and form feed (a page break in plain-text licences), C1 included:
     * a text that holds one is binary, or damaged.
     */
    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0E-\\x1F\\x7F-\\x9F]");

    @AggregateIdentifier
    private String documentId;
    private int latestVersion;
    private String latestHash;
    private String latestText;
    /** Annotation id to where it lies in the latest version; orphaned ones leave this map. */
    private Map<String, TextAnchor> anchors = new LinkedHashMap<>();

    protected Document() {
        // for event sourcing, and for the first version (created if missing)
    }

    /** Adds a version when the text differs from the latest one; answers the latest version and whether it is new. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public DocumentVersionResult handle(AddDocumentVersion command, MetaData metaData) {
        Actor actor = Actors.requireRole(metaData, "adding a document", Role.REVIEWER, Role.ADMIN);
        String url = CommandChecks.httpUrl(command.sourceUrl(), "sourceUrl");
        String id = command.documentId();
        if (!DocumentIds.forUrl(url).equals(id)) {
            throw CommandRejected.invalid("documentId of " + url + " is " + DocumentIds.forUrl(url) + ", got '" + id + "'");
        }
        String title = CommandChecks.text(command.title(), "title", 1, MAX_TITLE);
        String mediaType = CommandChecks.required(command.mediaType(), "mediaType");
        if (!MEDIA_TYPES.contains(mediaType)) {
            throw CommandRejected.invalid("mediaType must be one of " + MEDIA_TYPES.stream().sorted().toList()
                    + ", got '" + mediaType + "'");
        }
        CommandChecks.required(command.retrievedAt(), "retrievedAt");
        String text = DocumentText.normalise(CommandChecks.required(command.text(), "text"));
        if (text.isBlank()) {
            throw CommandRejected.invalid("text is empty");
        }
        if (!DocumentText.wellFormed(text) || CONTROL.matcher(text).find()) {
            throw CommandRejected.invalid("text holds control characters or unpaired surrogates: only plain text is kept");
        }
        int bytes = text.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_TEXT_BYTES) {
            throw CommandRejected.invalid("text is " + bytes + " bytes; at most " + MAX_TEXT_BYTES + " are kept");
        }
        String hash = DocumentText.contentHash(text);
        if (hash.equals(latestHash)) {
            return new DocumentVersionResult(latestVersion, false); // the same snapshot again: nothing new to keep
        }
        int version = latestVersion + 1;
        apply(new DocumentVersionAdded(id, version, url, title, mediaType, hash, text, command.retrievedAt(),
                actor.subject()));
        for (Map.Entry<String, TextAnchor> placed : new ArrayList<>(anchors.entrySet())) {
            Optional<TextAnchor> moved = TextAnchoring.reanchor(text, placed.getValue());
            if (moved.isPresent()) {
                apply(new AnnotationReanchored(id, placed.getKey(), version - 1, version, moved.get()));
            } else {
                apply(new AnnotationOrphaned(id, placed.getKey(), version - 1, version, placed.getValue()));
            }
        }
        return new DocumentVersionResult(version, true);
    }

    /** Checks the selectors against the latest text, records the anchor here and creates the annotation. */
    @CommandHandler
    public void handle(CreateAnnotation command, MetaData metaData) throws Exception {
        Actor actor = Actors.requireRole(metaData, "annotating a document", Role.REVIEWER, Role.ADMIN);
        String annotationId = CommandChecks.uuid(command.annotationId(), "annotationId");
        if (anchors.containsKey(annotationId)) {
            throw CommandRejected.conflict("annotation " + annotationId + " already exists");
        }
        if (command.version() != latestVersion) {
            throw command.version() < 1 || command.version() > latestVersion
                    ? CommandRejected.notFound("document " + documentId + " has no version " + command.version())
                    : CommandRejected.conflict("version " + command.version() + " of document " + documentId
                    + " was followed by version " + latestVersion + ": annotate the latest");
        }
        TextAnchor anchor;
        try {
            anchor = TextAnchoring.anchor(latestText, command.quote(), command.position());
        } catch (TextAnchoring.AnchorMismatch mismatch) {
            throw CommandRejected.invalid(mismatch.getMessage());
        }
        List<AnnotationTag> tags = tags(command.tags());
        String comment = CommandChecks.optionalText(command.comment(), "comment", MAX_COMMENT);
        Motivation motivation = Motivation.byId(CommandChecks.required(command.motivation(), "motivation"))
                .orElseThrow(() -> CommandRejected.invalid("motivation must be one of "
                        + Arrays.stream(Motivation.values()).map(Motivation::id).toList()
                        + ", got '" + command.motivation() + "'"));
        apply(new AnnotationPlaced(documentId, annotationId, latestVersion, anchor));
        AnnotationCreated created = new AnnotationCreated(annotationId, documentId, latestVersion, anchor, tags,
                AnnotationTag.TAXONOMY_VERSION, comment, motivation, actor.subject());
        createNew(Annotation.class, () -> new Annotation(created));
    }

    private static List<AnnotationTag> tags(List<String> ids) {
        if (ids.isEmpty()) {
            throw CommandRejected.invalid("an annotation needs at least one tag");
        }
        if (ids.size() > MAX_TAGS) {
            throw CommandRejected.invalid("an annotation has at most " + MAX_TAGS + " tags, got " + ids.size());
        }
        List<AnnotationTag> tags = new ArrayList<>();
        for (String id : ids) {
            AnnotationTag tag = AnnotationTag.byId(id).orElseThrow(() -> CommandRejected.invalid("unknown tag '" + id
                    + "'; taxonomy " + AnnotationTag.TAXONOMY_VERSION + " has "
                    + Arrays.stream(AnnotationTag.values()).map(AnnotationTag::id).toList()));
            if (!tags.contains(tag)) {
                tags.add(tag);
            }
        }
        return tags;
    }

    @EventSourcingHandler
    void on(DocumentVersionAdded event) {
        documentId = event.documentId();
        latestVersion = event.version();
        latestHash = event.contentHash();
        latestText = event.text();
    }

    @EventSourcingHandler
    void on(AnnotationPlaced event) {
        anchors.put(event.annotationId(), event.anchor());
    }

    @EventSourcingHandler
    void on(AnnotationReanchored event) {
        anchors.put(event.annotationId(), event.anchor());
    }

    @EventSourcingHandler
    void on(AnnotationOrphaned event) {
        anchors.remove(event.annotationId());
    }
}
