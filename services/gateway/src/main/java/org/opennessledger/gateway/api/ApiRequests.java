package org.opennessledger.gateway.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.util.List;
import org.opennessledger.contracts.values.Verdict;
import org.opennessledger.gateway.http.ApiException;

/**
 * Request bodies as the API accepts them (openapi.yaml validates them first). They are the HTTP
 * shape only; the endpoints turn them into contract commands.
 */
final class ApiRequests {

    private ApiRequests() {
    }

    record RegisterModel(String modelId, String name, String producer, String description, String modelType,
                         String reason) {
    }

    record RegisterRelease(String releaseId, String name, String version, LocalDate releaseDate, String baseModel,
                           List<String> links, String reason) {
    }

    record EvidenceInput(String url, String quote, LocalDate retrievedOn, String contentHash, String annotationId) {
    }

    record ProposeClaim(String modelId, String releaseId, String component, String openness, String licence,
                        List<EvidenceInput> evidence, String rationale, String reason) {
    }

    record Review(String verdict, String reason) {
    }

    record ProducerResponse(String text, List<EvidenceInput> evidence, String reason) {
    }

    record Flag(String claimId, String argumentId, String reason, String text) {
    }

    record Reason(String reason) {
    }

    record LicenceCitation(String term, String annotationId, String reason) {
    }

    /** {@code effectiveAt}: when this version of the file was made (a commit's date), for history replays. */
    record ImportFile(String name, String content, java.time.OffsetDateTime effectiveAt, String source) {
    }

    record ImportFiles(List<ImportFile> files, LocalDate retrievedOn) {
    }

    /** {@code protected} is a Java keyword: the field is named for what it asks. */
    record SetModelType(String modelType, String reason) {
    }

    record SetModelProtection(@JsonProperty("protected") Boolean protect, String reason) {
    }

    record ConsensusPolicy(Integer minimumReviews, Double acceptRatio, Double rejectRatio, String lockAfter,
                           String reason) {
    }

    record PostArgument(String parentArgumentId, String stance, String text, List<EvidenceInput> evidence,
                        String reason) {
    }

    record EditArgument(String text, List<EvidenceInput> evidence, String reason) {
    }

    record OpenDispute(String reason, List<EvidenceInput> evidence) {
    }

    record TakeDispute(Boolean takeOver, String reason) {
    }

    record ResolveDispute(String decision, String rationale, String reason) {
    }

    record AppealDispute(String reason) {
    }

    record AddDocument(String sourceUrl, String title, String mediaType, String text, java.time.OffsetDateTime retrievedAt,
                       String reason) {
    }

    /** A document to read from its URL rather than pasted. */
    record FetchDocument(String sourceUrl, String title, String reason) {
    }

    record QuoteInput(String exact, String prefix, String suffix) {
    }

    record PositionInput(Integer start, Integer end) {
    }

    record CreateAnnotation(String documentId, Integer version, QuoteInput quote, PositionInput position,
                            List<String> tags, String comment, String motivation, String reason) {
    }

    /** The review's verdict (the schema allows only these two ids; this names the field if one slips through). */
    static Verdict verdict(Review review) {
        return Verdict.fromId(review.verdict())
                .orElseThrow(() -> ApiException.invalid("/verdict", "is not one of agree, disagree"));
    }

    /** The client's reason, or a default that says what was done. */
    static String reasonOr(String given, String fallback) {
        return given == null || given.isBlank() ? fallback : given.strip();
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
