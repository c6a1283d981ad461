package org.opennessledger.contracts.values;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A source backing a claim: where it is, optionally the passage that matters, when it was read,
 * optionally a hash of the content as retrieved (e.g. "sha256:..."), and optionally the id of the
 * annotation that highlights the passage in this ledger's copy of the document (then the other
 * fields describe that annotation's document version and quote).
 */
public record Evidence(String url, String quote, LocalDate retrievedOn, String contentHash, String annotationId) {

    public static final int MAX_URL_LENGTH = 2048;
    public static final int MAX_QUOTE_LENGTH = 4000;
    public static final int MAX_ANNOTATION_ID_LENGTH = 64;

    /** Evidence that cites no annotation. */
    public Evidence(String url, String quote, LocalDate retrievedOn, String contentHash) {
        this(url, quote, retrievedOn, contentHash, null);
    }

    public Evidence {
        Objects.requireNonNull(url, "evidence url is required");
        if (url.codePointCount(0, url.length()) > MAX_URL_LENGTH) { // code points, as the API schema counts
            throw new IllegalArgumentException("evidence url is longer than " + MAX_URL_LENGTH + " characters");
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme();
            if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    || uri.getHost() == null) {
                throw new IllegalArgumentException("evidence url must be an absolute http(s) URL: " + url);
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("evidence url is not a valid URL: " + url);
        }
        if (quote != null && quote.codePointCount(0, quote.length()) > MAX_QUOTE_LENGTH) {
            throw new IllegalArgumentException("evidence quote is longer than " + MAX_QUOTE_LENGTH + " characters");
        }
        if (quote != null && quote.isBlank()) {
            quote = null;
        }
        Objects.requireNonNull(retrievedOn, "evidence retrievedOn (date retrieved) is required");
        if (annotationId != null && (annotationId.isEmpty() || annotationId.length() > MAX_ANNOTATION_ID_LENGTH
                || !annotationId.chars().allMatch(c -> c == '-' || (c < 128 && Character.isLetterOrDigit(c))))) {
            throw new IllegalArgumentException("evidence annotationId must be 1 to " + MAX_ANNOTATION_ID_LENGTH
                    + " ASCII letters, digits or '-'");
        }
    }
}
