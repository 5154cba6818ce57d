package org.palimpsest.archive.input;

import org.jspecify.annotations.Nullable;

/**
 * The size limits of everything a person can write into the archive, in one place: the write side enforces them
 * (document and annotation aggregates, the importer), the HTTP API publishes them in its OpenAPI description
 * ({@code maxLength}), and the command line shares them because it sends the same commands.
 *
 * <p>Field limits count code points, the unit of every offset in the archive, so a limit means the same for Hangul
 * and for ASCII. They are generous for what each field is for (a title, not a chapter; a comment, not a document)
 * and small enough that no field can carry a document's worth of text past the document's own limit.
 *
 * <p>A whole event is limited in bytes by {@link #STORED_EVENT_BYTES}, below MongoDB's 16 MiB document limit.
 */
public final class InputLimits {

    /** A document's title. */
    public static final int TITLE = 500;
    /** A BCP 47 language tag; the longest tags in use (with extensions) stay well below. */
    public static final int LANGUAGE = 64;
    /** A source URI. */
    public static final int SOURCE_URI = 2_000;
    /** A publisher's name. */
    public static final int PUBLISHER = 500;
    /** A publication date as the source gives it ({@code 2019-03}, an ISO date-time …). */
    public static final int PUBLISHED_AT = 64;
    /** Why a fix is proposed, an annotation hidden or deleted, a role granted or revoked. */
    public static final int REASON = 2_000;
    /** A reviewer's comment on accepting, rejecting or reverting a fix. */
    public static final int COMMENT = 10_000;
    /** The text a fix puts in place of its quote. */
    public static final int REPLACEMENT = 10_000;
    /** The evidence for a fix, typically the sentence in the original language. */
    public static final int REFERENCE = 10_000;
    /** The exact quote of a fix or an annotation's TextQuoteSelector. */
    public static final int QUOTE = 10_000;
    /** The prefix or suffix of a quote, when the client gives one (the archive captures 32 code points itself). */
    public static final int QUOTE_CONTEXT = 1_000;
    /** All the bodies of one annotation together (its text and its tags). */
    public static final int ANNOTATION_BODIES = 20_000;
    /** One tag (a body with purpose tagging). */
    public static final int TAG = 100;
    /** An account name (lower-case letters, digits, '.', '_', '-'). */
    public static final int ACCOUNT_NAME = 64;
    /** A short token: an annotation body's media type ({@code text/markdown}) or purpose ({@code tagging}). */
    public static final int TOKEN = 128;
    /** The name, IRI or home page of the software that made an annotation. */
    public static final int GENERATOR = 2_000;

    /**
     * Bytes of one stored event's serialized payload and metadata together. MongoDB refuses a document over 16 MiB
     * ({@code BsonMaximumSizeExceededException}) and counts its whole BSON encoding: the envelope (ids, type,
     * timestamps, global index: well under 1 KiB), the payload and the metadata, plus per-field BSON overhead that
     * the JSON size does not show (type bytes, names, lengths: a few percent for text-heavy events, more for events
     * made of many small numbers). 12 MiB leaves 4 MiB of that headroom, so an event that passes this check is never
     * refused by the store; one that does not is refused before a global index is reserved, as too large (413).
     * The HTTP request body limit (10 MB by default) lies below it, so over HTTP only an operator who raises that
     * limit meets this one; imports from the command line, which have no body limit, meet it directly.
     */
    public static final int STORED_EVENT_BYTES = 12 * 1024 * 1024;

    private InputLimits() {
    }

    /**
     * The value itself when it holds only Unicode scalar values and at most {@code limit} code points.
     *
     * @param field the field as the client names it ({@code title}, {@code target.exact}, {@code body[1].value})
     * @param index the item of a batch the field lies in, or {@code null}
     * @throws InvalidTextException  when it holds a lone surrogate
     * @throws FieldTooLongException when it is longer than the limit
     */
    public static @Nullable String check(String field, @Nullable Integer index, @Nullable String value, int limit) {
        if (value == null) {
            return null;
        }
        UnicodeText.requireScalarValues(field, index, value);
        // Cheap first: a string of at most limit chars has at most limit code points.
        if (value.length() > limit) {
            long codePoints = value.codePointCount(0, value.length());
            if (codePoints > limit) {
                throw new FieldTooLongException(field, index, limit, codePoints);
            }
        }
        return value;
    }

    /** {@link #check(String, Integer, String, int)} for a field outside a batch. */
    public static @Nullable String check(String field, @Nullable String value, int limit) {
        return check(field, null, value, limit);
    }
}
