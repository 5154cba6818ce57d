package org.palimpsest.annotations.projection;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One page of the annotations a viewer may see, oldest first, never deleted ones. Pages count from 0.
 *
 * @param documentId        only annotations made on this document (not the replies in their threads)
 * @param repliesTo         only replies to this annotation
 * @param creator           only those this account created
 * @param tag               only those with a tagging body of exactly this value
 * @param motivation        only those with this motivation, by its W3C name
 * @param viewer            who asks (null: anonymous); hidden annotations are listed to their creator
 * @param viewerIsModerator moderators see hidden annotations too
 * @param anchorTo          with {@code documentId}: anchor every item to this text
 */
public record ListAnnotations(
        @Nullable String documentId,
        @Nullable String repliesTo,
        @Nullable String creator,
        @Nullable String tag,
        @Nullable String motivation,
        int page,
        int size,
        @Nullable String viewer,
        boolean viewerIsModerator,
        @Nullable CurrentText anchorTo,
        @Nullable Long position,
        @Nullable Instant time) {

    public static final int MAX_SIZE = 200;

    public ListAnnotations {
        if (page < 0) {
            throw new IllegalArgumentException("page must be 0 or more");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("size must be between 1 and " + MAX_SIZE);
        }
        if ((position != null || time != null) && documentId == null) {
            throw new IllegalArgumentException("an as-of listing needs a document target");
        }
    }

    /** The listing now. */
    public ListAnnotations(@Nullable String documentId, @Nullable String repliesTo, @Nullable String creator,
                           @Nullable String tag, @Nullable String motivation, int page, int size, @Nullable String viewer,
                           boolean viewerIsModerator, @Nullable CurrentText anchorTo) {
        this(documentId, repliesTo, creator, tag, motivation, page, size, viewer, viewerIsModerator, anchorTo, null, null);
    }

    /** True when the annotations are wanted in their versions current at {@code position} or {@code time}. */
    public boolean historical() {
        return position != null || time != null;
    }

    /** The public listing: what an anonymous reader sees. */
    public ListAnnotations(@Nullable String documentId, @Nullable String creator, @Nullable String tag,
                           @Nullable String motivation, int page, int size) {
        this(documentId, null, creator, tag, motivation, page, size, null, false, null);
    }
}
