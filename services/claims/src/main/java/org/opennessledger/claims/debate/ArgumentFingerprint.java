package org.opennessledger.claims.debate;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.opennessledger.contracts.values.Evidence;

/** SHA-256 of an argument's text and evidence, to tell whether an edit changes anything. */
public final class ArgumentFingerprint {

    private ArgumentFingerprint() {
    }

    /** Every value is length-prefixed (null marked apart from ""), so different contents never share an input. */
    public static String of(String text, List<Evidence> evidence) {
        MessageDigest digest = sha256();
        add(digest, text);
        digest.update(ByteBuffer.allocate(Integer.BYTES).putInt(evidence.size()).array());
        for (Evidence item : evidence) {
            add(digest, item.url());
            add(digest, item.quote());
            add(digest, item.retrievedOn().toString());
            add(digest, item.contentHash());
            if (item.annotationId() != null) { // only then, so fingerprints of evidence without one stay as they were
                digest.update((byte) 2);
                add(digest, item.annotationId());
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void add(MessageDigest digest, String value) {
        if (value == null) {
            digest.update((byte) 0);
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        digest.update((byte) 1);
        digest.update(ByteBuffer.allocate(Integer.BYTES).putInt(bytes.length).array());
        digest.update(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }
}
