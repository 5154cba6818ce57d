package org.palimpsest.archive.input;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The one rule for text entering the archive: it is a sequence of Unicode scalar values. Bytes are decoded strictly
 * (Java's UTF-8 decoder refuses overlong forms such as {@code C0 AF}, encoded surrogates, truncated and stray bytes
 * when told to report rather than replace), and a Java string must not hold a surrogate that is not half of a pair
 * (a JSON escape such as <code>"&#92;uD800"</code> produces one without any invalid byte).
 */
public final class UnicodeText {

    private UnicodeText() {
    }

    /**
     * Decodes {@code bytes} in {@code charset}, refusing anything malformed or unmappable.
     *
     * @throws InvalidTextException naming no field (the body is at fault) with the byte offset of the first fault
     */
    public static String decode(byte[] bytes, Charset charset) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 8L,
                (long) Math.ceil(bytes.length * (double) decoder.maxCharsPerByte()) + 1));
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw new InvalidTextException(null, null, in.position(), "not valid " + charset.name() + " text: "
                    + (result.isMalformed() ? "malformed" : "unmappable") + " input at byte " + in.position()
                    + "; it is refused, never repaired");
        }
        String text = out.flip().toString();
        requireScalarValues(null, null, text);
        return text;
    }

    /** {@link #decode(byte[], Charset)} in UTF-8. */
    public static String decodeUtf8(byte[] bytes) {
        return decode(bytes, StandardCharsets.UTF_8);
    }

    /**
     * The UTF-16 index of the first surrogate that is not half of a pair, or -1 when {@code text} is all scalar
     * values.
     */
    public static int firstLoneSurrogate(CharSequence text) {
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    return i;
                }
            } else if (Character.isLowSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * @throws InvalidTextException naming {@code field} when {@code text} holds a lone surrogate
     */
    public static void requireScalarValues(@Nullable String field, @Nullable Integer index, CharSequence text) {
        int at = firstLoneSurrogate(text);
        if (at >= 0) {
            String subject = field == null ? "the body" : field;
            throw new InvalidTextException(field, index, at, subject + " holds a lone surrogate (U+"
                    + Integer.toHexString(text.charAt(at)).toUpperCase(Locale.ROOT) + " at UTF-16 index " + at
                    + "), which is not a Unicode character; send each character whole");
        }
    }
}
