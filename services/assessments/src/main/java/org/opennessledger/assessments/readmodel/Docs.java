package org.opennessledger.assessments.readmodel;

import com.mongodb.MongoClientSettings;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.BsonDocument;
import org.bson.BsonDocumentWriter;
import org.bson.codecs.Codec;
import org.bson.codecs.EncoderContext;
import org.bson.Document;
import org.opennessledger.contracts.values.Evidence;
import org.opennessledger.contracts.values.Verdict;
import org.opennessledger.contracts.views.HiddenView;
import org.opennessledger.contracts.views.ReviewView;

/**
 * Conversions between read-model documents and Java values. Instants are stored as BSON dates
 * (millisecond precision, so a real MongoDB can range-query them); calendar dates as ISO strings.
 */
final class Docs {

    private static final Codec<Document> DOCUMENT_CODEC =
            MongoClientSettings.getDefaultCodecRegistry().get(Document.class);

    /**
     * Documents per reply when a read may return many. Without it, mongo-java-server answers a cursor's
     * next batch with every remaining document in one message, which the driver refuses past 48 MB (the
     * model list failed with 500 at about 20,000 families).
     */
    static final int BATCH = 500;

    private Docs() {
    }

    static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    static Instant instant(Document document, String key) {
        Date date = document.getDate(key);
        return date == null ? null : date.toInstant();
    }

    static String isoDate(LocalDate date) {
        return date == null ? null : date.toString();
    }

    static LocalDate localDate(Document document, String key) {
        String value = document.getString(key);
        return value == null ? null : LocalDate.parse(value);
    }

    static int integer(Document document, String key) {
        Object value = document.get(key);
        return value instanceof Number number ? number.intValue() : 0;
    }

    static long longValue(Document document, String key) {
        Object value = document.get(key);
        return value instanceof Number number ? number.longValue() : 0L;
    }

    static boolean bool(Document document, String key) {
        return Boolean.TRUE.equals(document.get(key));
    }

    /** A mutable copy of an embedded array of documents (empty when absent). */
    static List<Document> documents(Document document, String key) {
        List<Document> list = document.getList(key, Document.class);
        return list == null ? new ArrayList<>() : new ArrayList<>(list);
    }

    /** A mutable copy of an embedded array of strings (empty when absent). */
    static List<String> strings(Document document, String key) {
        List<String> list = document.getList(key, String.class);
        return list == null ? new ArrayList<>() : new ArrayList<>(list);
    }

    /** Evidence as embedded documents (retrieval date as an ISO string). */
    static List<Document> evidenceDocuments(List<Evidence> evidence) {
        return evidence == null ? List.of() : evidence.stream()
                .map(e -> new Document("url", e.url())
                        .append("quote", e.quote())
                        .append("retrievedOn", isoDate(e.retrievedOn()))
                        .append("contentHash", e.contentHash())
                        .append("annotationId", e.annotationId()))
                .toList();
    }

    static List<Evidence> evidence(Document document, String key) {
        return documents(document, key).stream()
                .map(e -> new Evidence(e.getString("url"), e.getString("quote"), localDate(e, "retrievedOn"),
                        e.getString("contentHash"), e.getString("annotationId")))
                .toList();
    }

    /**
     * A deep, typed copy of a document as it is now, used to tell whether a change altered anything.
     * (Encoded eagerly: {@code Document.toBsonDocument} returns a lazy wrapper that would follow later changes.)
     */
    static BsonDocument snapshot(Document document) {
        BsonDocument copy = new BsonDocument();
        DOCUMENT_CODEC.encode(new BsonDocumentWriter(copy), document, EncoderContext.builder().build());
        return copy;
    }

    /** A "hidden" marker as written by {@link #hiddenMarker}: null when the content is visible. */
    static HiddenView hidden(Document marker) {
        return marker == null ? null : new HiddenView(marker.getString("by"), marker.getString("reason"),
                instant(marker, "at"));
    }

    static Document hiddenMarker(HiddenView hidden) {
        return hidden == null ? null
                : new Document("by", hidden.by()).append("reason", hidden.reason()).append("at", date(hidden.at()));
    }

    /** A review as claim pages and annotations keep it: active (not replaced) when written. */
    static Document review(String reviewerId, Verdict verdict, String reason, Instant at) {
        return new Document("reviewerId", reviewerId).append("verdict", verdict.id()).append("reason", reason)
                .append("at", date(at)).append("replaced", false);
    }

    /** Every review in {@code history}, the reviewer's earlier ones flagged as replaced, then {@code review}. */
    static List<Document> withReview(List<Document> history, Document review) {
        String reviewerId = review.getString("reviewerId");
        List<Document> reviews = new ArrayList<>();
        for (Document earlier : history) {
            boolean replacedNow = reviewerId.equals(earlier.getString("reviewerId"));
            reviews.add(replacedNow ? new Document(earlier).append("replaced", true) : earlier);
        }
        reviews.add(review);
        return reviews;
    }

    static List<ReviewView> reviews(Document page, String key) {
        return documents(page, key).stream()
                .map(r -> new ReviewView(r.getString("reviewerId"), r.getString("verdict"), r.getString("reason"),
                        instant(r, "at"), bool(r, "replaced")))
                .toList();
    }
}
