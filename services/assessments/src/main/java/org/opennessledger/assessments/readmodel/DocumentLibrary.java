package org.opennessledger.assessments.readmodel;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.opennessledger.contracts.documents.DocumentVersionAdded;
import org.opennessledger.contracts.views.DocumentVersionSummaryView;
import org.opennessledger.contracts.views.DocumentVersionView;
import org.opennessledger.contracts.views.DocumentView;

/**
 * Documents and their versions: one page per document (its versions without their texts, so a list
 * of documents stays small) and one entry per version with its text, keyed {@code documentId/version}.
 */
public final class DocumentLibrary {

    private static final String VERSIONS = "versions";

    private final MongoCollection<Document> documents;
    private final MongoCollection<Document> versions;

    DocumentLibrary(MongoCollection<Document> documents, MongoCollection<Document> versions) {
        this.documents = documents;
        this.versions = versions;
    }

    public void versionAdded(DocumentVersionAdded event, EventContext context) {
        // the text first: a page never names a version whose text is missing
        versions.updateOne(eq(DocumentUpdates.ID, versionId(event.documentId(), event.version())), Updates.setOnInsert(
                new Document("documentId", event.documentId()).append("version", event.version())
                        .append("sourceUrl", event.sourceUrl()).append("title", event.title())
                        .append("mediaType", event.mediaType()).append("contentHash", event.contentHash())
                        .append("retrievedAt", Docs.date(event.retrievedAt())).append("addedBy", event.addedBy())
                        .append("addedAt", Docs.date(context.timestamp())).append("text", event.text())),
                new UpdateOptions().upsert(true));
        DocumentUpdates.update(documents, event.documentId(), Document::new, context.eventId(), page -> {
            List<Document> listed = new ArrayList<>(Docs.documents(page, VERSIONS));
            listed.add(new Document("version", event.version()).append("contentHash", event.contentHash())
                    .append("retrievedAt", Docs.date(event.retrievedAt())).append("addedBy", event.addedBy())
                    .append("addedAt", Docs.date(context.timestamp()))
                    .append("characters", event.text().codePointCount(0, event.text().length())));
            listed.sort(Comparator.comparingInt(v -> Docs.integer(v, "version")));
            page.append("sourceUrl", event.sourceUrl()).append("title", event.title())
                    .append("mediaType", event.mediaType())
                    .append("latestVersion", Math.max(event.version(), Docs.integer(page, "latestVersion")))
                    .append(VERSIONS, listed);
        });
    }

    public Optional<DocumentView> find(String documentId) {
        return Optional.ofNullable(documents.find(eq(DocumentUpdates.ID, documentId)).first()).map(DocumentLibrary::view);
    }

    /** Every document, by title (the pages hold no texts). */
    public List<DocumentView> list() {
        List<DocumentView> all = new ArrayList<>();
        documents.find().batchSize(Docs.BATCH).forEach(page -> all.add(view(page)));
        all.sort(Comparator.comparing(DocumentView::title).thenComparing(DocumentView::documentId));
        return all;
    }

    public Optional<DocumentVersionView> version(String documentId, int version) {
        return Optional.ofNullable(versions.find(eq(DocumentUpdates.ID, versionId(documentId, version))).first())
                .map(v -> new DocumentVersionView(v.getString("documentId"), Docs.integer(v, "version"),
                        v.getString("sourceUrl"), v.getString("title"), v.getString("mediaType"),
                        v.getString("contentHash"), Docs.instant(v, "retrievedAt"), v.getString("addedBy"),
                        Docs.instant(v, "addedAt"), v.getString("text")));
    }

    private static String versionId(String documentId, int version) {
        return documentId + "/" + version;
    }

    private static DocumentView view(Document page) {
        return new DocumentView(page.getString(DocumentUpdates.ID), page.getString("sourceUrl"), page.getString("title"),
                page.getString("mediaType"), Docs.integer(page, "latestVersion"), Docs.documents(page, VERSIONS).stream()
                .map(v -> new DocumentVersionSummaryView(Docs.integer(v, "version"), v.getString("contentHash"),
                        Docs.instant(v, "retrievedAt"), v.getString("addedBy"), Docs.instant(v, "addedAt"),
                        Docs.integer(v, "characters")))
                .toList());
    }
}
