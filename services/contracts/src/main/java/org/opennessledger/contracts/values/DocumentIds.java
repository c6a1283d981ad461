package org.opennessledger.contracts.values;

/**
 * A document's id follows from its source URL, so that every snapshot of one URL, added by anyone at
 * any time, lands in the same document: {@code doc-} and the first 20 hex digits of the URL's SHA-256.
 */
public final class DocumentIds {

    private DocumentIds() {
    }

    public static String forUrl(String sourceUrl) {
        return "doc-" + Sha256.hex(sourceUrl).substring(0, 20);
    }
}
