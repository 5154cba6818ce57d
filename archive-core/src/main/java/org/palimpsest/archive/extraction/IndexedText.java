package org.palimpsest.archive.extraction;

/**
 * A text with constant-time conversion between UTF-16 indexes (what {@link String} and regexes use) and
 * code-point offsets (what {@link Span}s use). Analysers work on the string and report spans through this.
 */
public final class IndexedText {

    private final String text;
    /** codePointOffset[i] = code points before UTF-16 index i; length text.length() + 1. */
    private final int[] codePointOffset;
    /** charIndex[c] = UTF-16 index of code point c; length codePointCount + 1. */
    private final int[] charIndex;

    public IndexedText(String text) {
        this.text = text;
        this.codePointOffset = new int[text.length() + 1];
        int count = text.codePointCount(0, text.length());
        this.charIndex = new int[count + 1];
        int cp = 0;
        for (int i = 0; i < text.length(); ) {
            int next = i + Character.charCount(text.codePointAt(i));
            charIndex[cp] = i;
            for (int j = i; j < next; j++) {
                codePointOffset[j] = cp;
            }
            cp++;
            i = next;
        }
        codePointOffset[text.length()] = cp;
        charIndex[count] = text.length();
    }

    public String text() {
        return text;
    }

    /** Length in code points. */
    public int length() {
        return charIndex.length - 1;
    }

    /** The code-point offset of UTF-16 index {@code charIndex} (0..text.length()). */
    public int codePoint(int charIndex) {
        return codePointOffset[charIndex];
    }

    /** The UTF-16 index of code-point offset {@code codePoint} (0..length()). */
    public int charIndex(int codePoint) {
        return charIndex[codePoint];
    }

    /** The span covering UTF-16 range [charStart, charEnd). */
    public Span span(int charStart, int charEnd) {
        return new Span(codePoint(charStart), codePoint(charEnd));
    }

    /** The text of {@code span}. */
    public String slice(Span span) {
        return text.substring(charIndex(span.start()), charIndex(span.end()));
    }
}
