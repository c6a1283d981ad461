package org.opennessledger.claims.document;

import java.text.Normalizer;
import org.opennessledger.contracts.values.Sha256;

/**
 * A document's text as the ledger keeps it: Unicode NFC with every line ending as LF, so that the
 * same text pasted from two systems has one hash and positions count the same characters.
 */
public final class DocumentText {

    private DocumentText() {
    }

    public static String normalise(String text) {
        return Normalizer.normalize(text.replace("\r\n", "\n").replace('\r', '\n'), Normalizer.Form.NFC);
    }

    /** {@code sha256:} and the hex SHA-256 of the normalised text's UTF-8 bytes: the version's content address. */
    public static String contentHash(String normalisedText) {
        return "sha256:" + Sha256.hex(normalisedText);
    }

    /** Whether every surrogate is paired: a lone one is not a character and has no place in a text. */
    public static boolean wellFormed(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
