package org.opennessledger.assessments.readmodel;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.util.List;
import java.util.Objects;
import org.bson.Document;

/**
 * The read models of the assessments service and the MongoDB collections that hold them. See
 * the module's README.md for the shape of each document.
 */
public final class ReadModels {

    public static final String MODEL_PAGES = "model_pages";
    public static final String CLAIM_PAGES = "claim_pages";
    public static final String ASSESSMENT_INPUTS = "assessment_inputs";
    public static final String ASSESSMENT_HEADS = "assessment_heads";
    public static final String ASSESSMENT_VERSIONS = "assessment_versions";
    public static final String HISTORY = "history";
    /** How far the projector has handled events: where the history's newest page starts. */
    public static final String HISTORY_HEAD = "history_head";
    public static final String DEBATES = "debates";
    public static final String ARGUMENT_REVISIONS = "argument_revisions";
    public static final String DISPUTES = "disputes";
    public static final String FLAGS = "flags";
    public static final String DOCUMENTS = "documents";
    public static final String DOCUMENT_VERSIONS = "document_versions";
    public static final String ANNOTATIONS = "annotations";
    public static final String LICENCE_CITATIONS = "licence_citations";

    public static final List<String> COLLECTIONS = List.of(MODEL_PAGES, CLAIM_PAGES, ASSESSMENT_INPUTS,
            ASSESSMENT_HEADS, ASSESSMENT_VERSIONS, HISTORY, HISTORY_HEAD, DEBATES, ARGUMENT_REVISIONS, DISPUTES, FLAGS, DOCUMENTS, DOCUMENT_VERSIONS,
            ANNOTATIONS, LICENCE_CITATIONS);

    private final ClaimPages claimPages;
    private final ModelPages modelPages;
    private final AssessmentVersions assessmentVersions;
    private final Timeline timeline;
    private final Debates debates;
    private final Disputes disputes;
    private final Flags flags;
    private final DocumentLibrary documentLibrary;
    private final Annotations annotations;
    private final LicenceCitations licenceCitations;

    public ReadModels(MongoDatabase database) {
        Objects.requireNonNull(database, "database");
        this.claimPages = new ClaimPages(database.getCollection(CLAIM_PAGES));
        this.assessmentVersions = new AssessmentVersions(database.getCollection(ASSESSMENT_INPUTS),
                database.getCollection(ASSESSMENT_HEADS), database.getCollection(ASSESSMENT_VERSIONS));
        this.modelPages = new ModelPages(database.getCollection(MODEL_PAGES), assessmentVersions);
        this.timeline = new Timeline(database.getCollection(HISTORY), database.getCollection(HISTORY_HEAD));
        this.debates = new Debates(database.getCollection(DEBATES), database.getCollection(ARGUMENT_REVISIONS));
        this.disputes = new Disputes(database.getCollection(DISPUTES));
        this.flags = new Flags(database.getCollection(FLAGS));
        this.documentLibrary = new DocumentLibrary(database.getCollection(DOCUMENTS), database.getCollection(DOCUMENT_VERSIONS));
        this.annotations = new Annotations(database.getCollection(ANNOTATIONS));
        this.licenceCitations = new LicenceCitations(database.getCollection(LICENCE_CITATIONS));
    }

    public ClaimPages claimPages() {
        return claimPages;
    }

    public ModelPages modelPages() {
        return modelPages;
    }

    public AssessmentVersions assessmentVersions() {
        return assessmentVersions;
    }

    public DocumentLibrary documentLibrary() {
        return documentLibrary;
    }

    public Annotations annotations() {
        return annotations;
    }

    public LicenceCitations licenceCitations() {
        return licenceCitations;
    }

    public Timeline timeline() {
        return timeline;
    }

    public Debates debates() {
        return debates;
    }

    public Disputes disputes() {
        return disputes;
    }

    public Flags flags() {
        return flags;
    }

    /**
     * Declares the indexes the read models need. Idempotent.
     *
     * @param secondaryIndexes whether the store serves non-unique indexes (a real MongoDB). mongo-java-server
     *                         does not: it accepts them, ignores them, and at every start scans each collection
     *                         twice per such index it remembers (start-up grew with the history). There they are
     *                         not declared, and any declared by an earlier version are dropped.
     */
    public static void ensureIndexes(MongoDatabase database, boolean secondaryIndexes) {
        if (secondaryIndexes) {
            declareSecondaryIndexes(database);
        } else {
            dropSecondaryIndexes(database);
        }
        declareUniqueIndexes(database);
    }

    private static void dropSecondaryIndexes(MongoDatabase database) {
        for (String name : COLLECTIONS) {
            MongoCollection<Document> collection = database.getCollection(name);
            List<String> secondary = new java.util.ArrayList<>();
            collection.listIndexes().forEach(index -> {
                if (!Boolean.TRUE.equals(index.getBoolean("unique")) && !"_id_".equals(index.getString("name"))) {
                    secondary.add(index.getString("name"));
                }
            });
            secondary.forEach(collection::dropIndex);
        }
    }

    private static void declareSecondaryIndexes(MongoDatabase database) {
        MongoCollection<Document> history = database.getCollection(HISTORY);
        history.createIndex(Indexes.ascending("modelId", "position"));
        history.createIndex(Indexes.ascending("claimId", "position"));
        history.createIndex(Indexes.ascending("actorId", "position"));
        history.createIndex(Indexes.descending("position"));
        database.getCollection(MODEL_PAGES).createIndex(Indexes.ascending("name"));
        database.getCollection(CLAIM_PAGES).createIndex(Indexes.ascending("modelId"));
        // Counting a person's accepted claims (proposals on protected models).
        database.getCollection(CLAIM_PAGES).createIndex(Indexes.ascending("authorId", "status"));
        // The moderation queue: disputes in a state, oldest first.
        database.getCollection(DISPUTES).createIndex(Indexes.ascending("state", "openedAt"));
        database.getCollection(FLAGS).createIndex(Indexes.ascending("state"));
        // Annotations by document, tag, creator or cited model.
        database.getCollection(ANNOTATIONS).createIndex(Indexes.ascending("documentId"));
        database.getCollection(ANNOTATIONS).createIndex(Indexes.ascending("tags"));
        database.getCollection(ANNOTATIONS).createIndex(Indexes.ascending("creatorId"));
        database.getCollection(ANNOTATIONS).createIndex(Indexes.ascending("modelIds"));
    }

    private static void declareUniqueIndexes(MongoDatabase database) {
        database.getCollection(ASSESSMENT_VERSIONS).createIndex(
                Indexes.ascending("modelId", "releaseId", "version"), new IndexOptions().unique(true));
        // Conditional writes filter on the _id and the revision (version) read. A real MongoDB serves that
        // from the _id index alone; mongo-java-server uses an index only when the filter names exactly its
        // fields, and otherwise scans the collection on every write (replay grew quadratically). These
        // unique indexes cannot refuse anything the _id index allows (ADR 0013).
        for (String collection : List.of(MODEL_PAGES, CLAIM_PAGES, ASSESSMENT_INPUTS, DEBATES, DISPUTES, FLAGS, DOCUMENTS,
                ANNOTATIONS, LICENCE_CITATIONS)) {
            database.getCollection(collection).createIndex(
                    Indexes.ascending(DocumentUpdates.ID, DocumentUpdates.REVISION), new IndexOptions().unique(true));
        }
        database.getCollection(ASSESSMENT_HEADS).createIndex(
                Indexes.ascending(DocumentUpdates.ID, AssessmentVersions.HEAD_VERSION), new IndexOptions().unique(true));
    }

    /**
     * The shape of the read models: raise it whenever a projection writes documents differently, so
     * that a platform started on older read models rebuilds them from the event store.
     * 2: claim pages keep their states over time, model pages their protections, versions their actor and reason.
     * 3: model pages keep the family's type.
     * 4: history entries are keyed by their event's position, and the handled position is kept beside them.
     */
    public static final int SCHEMA_VERSION = 4;
    private static final String SCHEMA = "read_model_schema";

    /** Whether the read models in this database were built by projections of {@link #SCHEMA_VERSION}. */
    public static boolean schemaIsCurrent(MongoDatabase database) {
        Document schema = database.getCollection(SCHEMA).find(Filters.eq(DocumentUpdates.ID, "read-models")).first();
        return schema != null && Docs.integer(schema, "version") == SCHEMA_VERSION;
    }

    /** Records that the read models are (being) built by this version's projections. */
    public static void markSchemaCurrent(MongoDatabase database) {
        database.getCollection(SCHEMA).replaceOne(Filters.eq(DocumentUpdates.ID, "read-models"),
                new Document(DocumentUpdates.ID, "read-models").append("version", SCHEMA_VERSION),
                new com.mongodb.client.model.ReplaceOptions().upsert(true));
    }

    /** Drops every read-model collection: the first step of a rebuild (then reset the processor's tokens). */
    public static void drop(MongoDatabase database) {
        COLLECTIONS.forEach(name -> database.getCollection(name).drop());
    }
}
