package org.opennessledger.platform.audit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The hash chain's rule ({@value #ALGORITHM}, documented in docs/audit.md so that anyone can
 * recompute it): link(n) = SHA-256 over the previous link's 32 bytes followed by the event's fields
 * in this order, each as a 4-byte big-endian length and its bytes (UTF-8 for text; -1 and no bytes
 * for a missing value): event identifier, payload type, payload revision, aggregate type, aggregate
 * identifier, sequence number (decimal text), timestamp (as stored), payload, metadata. The link
 * before the first is 32 zero bytes. Links are written as 64 lower-case hex digits.
 */
public final class ChainLinks {

    public static final String ALGORITHM = "sha-256/ledger-chain-1";
    public static final String GENESIS = "0".repeat(64);

    private ChainLinks() {
    }

    public static String next(String previousLink, StoredEvent event) {
        MessageDigest sha256 = sha256();
        sha256.update(HexFormat.of().parseHex(previousLink));
        field(sha256, text(event.eventIdentifier()));
        field(sha256, text(event.payloadType()));
        field(sha256, text(event.payloadRevision()));
        field(sha256, text(event.aggregateType()));
        field(sha256, text(event.aggregateIdentifier()));
        field(sha256, text(Long.toString(event.sequenceNumber())));
        field(sha256, text(event.timeStamp()));
        field(sha256, event.payload());
        field(sha256, event.metaData());
        return HexFormat.of().formatHex(sha256.digest());
    }

    private static byte[] text(String value) {
        return value == null ? null : value.getBytes(StandardCharsets.UTF_8);
    }

    private static void field(MessageDigest digest, byte[] bytes) {
        digest.update(ByteBuffer.allocate(4).putInt(bytes == null ? -1 : bytes.length).array());
        if (bytes != null) {
            digest.update(bytes);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
