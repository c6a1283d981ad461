package org.opennessledger.gateway.fetch;

import java.time.Duration;
import java.util.Objects;

/**
 * How far the document fetcher goes for one URL.
 *
 * @param connectTimeout how long a TCP (and TLS) connection may take to open
 * @param totalTimeout   how long the whole fetch may take, redirects and body included
 * @param maxBytes       the most bytes of a body read; one more and the text is refused
 * @param maxRedirects   how many redirects are followed, each target vetted like the first URL
 * @param maxUnderWay    how many fetches this gateway runs at once; more are refused (429)
 */
public record FetchLimits(Duration connectTimeout, Duration totalTimeout, int maxBytes, int maxRedirects,
                          int maxUnderWay) {

    /** The domain keeps at most 200 KiB of text (Document.MAX_TEXT_BYTES in claims): no use reading more. */
    public static final int MAX_TEXT_BYTES = 200 * 1024;

    public static final FetchLimits DEFAULT =
            new FetchLimits(Duration.ofSeconds(3), Duration.ofSeconds(10), MAX_TEXT_BYTES, 3, 8);

    public FetchLimits {
        Objects.requireNonNull(connectTimeout, "connectTimeout is required");
        Objects.requireNonNull(totalTimeout, "totalTimeout is required");
        if (connectTimeout.toMillis() < 1 || totalTimeout.toMillis() < 1) {
            throw new IllegalArgumentException("timeouts must be at least 1 ms");
        }
        if (maxBytes < 1 || maxRedirects < 0 || maxUnderWay < 1) {
            throw new IllegalArgumentException("maxBytes and maxUnderWay must be positive, maxRedirects not negative");
        }
    }
}
