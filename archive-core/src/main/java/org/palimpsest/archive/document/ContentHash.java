package org.palimpsest.archive.document;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of a document's normalized text, written {@code sha256:<hex>}; identical content has one hash. */
public final class ContentHash {

    private static final String PREFIX = "sha256:";

    private ContentHash() {
    }

    public static String of(String normalizedText) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(normalizedText.getBytes(StandardCharsets.UTF_8));
            return PREFIX + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM ships SHA-256", e);
        }
    }
}
