package org.palimpsest.archive.projection;

import java.util.List;
import org.bson.codecs.pojo.annotations.BsonId;
import org.jspecify.annotations.Nullable;
import org.palimpsest.archive.fix.TextChange;

/**
 * A text as the {@link TextStore} keeps it, under the hash of the text: either whole ({@code text}), or as the edits
 * ({@code edits}, applied in order) that make it from a text kept whole ({@code base}, its hash).
 */
public record StoredText(@BsonId String hash, @Nullable String text, @Nullable String base,
                         @Nullable List<TextChange> edits) {

    static StoredText whole(String hash, String text) {
        return new StoredText(hash, text, null, null);
    }

    static StoredText edited(String hash, String base, List<TextChange> edits) {
        return new StoredText(hash, null, base, List.copyOf(edits));
    }

    boolean isWhole() {
        return text != null;
    }
}
