package org.palimpsest.archive.projection;

import java.util.Optional;
import org.palimpsest.archive.fix.TextChange;

/** The one edit that turns a text into another: what lies between their common beginning and their common end. */
final class TextEdit {

    private TextEdit() {
    }

    /**
     * The edit from {@code before} to {@code after}, in code points, never cutting a surrogate pair; empty when they
     * are equal. A single accepted fix is found exactly; any two texts give some edit, at worst the whole text.
     */
    static Optional<TextChange> between(String before, String after) {
        if (before.equals(after)) {
            return Optional.empty();
        }
        int shorter = Math.min(before.length(), after.length());
        int prefix = 0;
        while (prefix < shorter && before.charAt(prefix) == after.charAt(prefix)) {
            prefix++;
        }
        if (prefix > 0 && Character.isHighSurrogate(before.charAt(prefix - 1))) {
            prefix--;
        }
        int suffix = 0;
        while (suffix < shorter - prefix
                && before.charAt(before.length() - 1 - suffix) == after.charAt(after.length() - 1 - suffix)) {
            suffix++;
        }
        if (suffix > 0 && Character.isLowSurrogate(before.charAt(before.length() - suffix))) {
            suffix--;
        }
        return Optional.of(new TextChange(before.codePointCount(0, prefix),
                before.substring(prefix, before.length() - suffix), after.substring(prefix, after.length() - suffix)));
    }
}
