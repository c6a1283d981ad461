package org.opennessledger.contracts.values;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A source backing a claim: where it is, optionally the passage that matters, when it was read,
 * and optionally a hash of the content as retrieved (e.g. "sha256:...").
 */
public record Evidence(String url, String quote, LocalDate retrievedOn, String contentHash) {

    public static final int MAX_URL_LENGTH = 2048;
    public static final int MAX_QUOTE_LENGTH = 4000;

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
    }
}
