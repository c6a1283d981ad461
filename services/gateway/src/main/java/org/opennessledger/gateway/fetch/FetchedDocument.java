package org.opennessledger.gateway.fetch;

import java.time.Instant;

/**
 * A text read from its source.
 *
 * @param sourceUrl   the URL asked for (the document's identity, whatever it redirected to)
 * @param finalUrl    where the text was read, after {@code redirects} redirects
 * @param mediaType   text/plain or text/markdown, from the answer's Content-Type
 * @param text        the body, decoded by the Content-Type's charset (UTF-8 when it names none)
 * @param retrievedAt when the answer was read
 */
public record FetchedDocument(String sourceUrl, String finalUrl, String mediaType, String text, Instant retrievedAt,
                              int redirects) {
}
