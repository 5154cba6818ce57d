package org.palimpsest.archive.document;

import java.text.Normalizer;

/**
 * The one rule for turning submitted text into archive text: Unicode NFC, LF line endings, no byte-order mark.
 * Offsets everywhere in the archive are code points into text normalized this way.
 */
public final class DocumentText {

    private DocumentText() {
    }

    public static String normalize(String raw) {
        String text = raw.startsWith("\uFEFF") ? raw.substring(1) : raw;
        text = text.replace("\r\n", "\n").replace('\r', '\n');
        return Normalizer.normalize(text, Normalizer.Form.NFC);
    }
}
