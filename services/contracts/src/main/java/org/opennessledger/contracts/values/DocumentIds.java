package org.opennessledger.contracts.values;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A document's id follows from its source URL, so that every snapshot of one URL, added by anyone at
 * any time, lands in the same document: {@code doc-} and the first 20 hex digits of the URL's SHA-256.
 */
public final class DocumentIds {

    private DocumentIds() {
    }

    public static String forUrl(String sourceUrl) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(sourceUrl.getBytes(StandardCharsets.UTF_8));
            return "doc-" + HexFormat.of().formatHex(digest).substring(0, 20);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
