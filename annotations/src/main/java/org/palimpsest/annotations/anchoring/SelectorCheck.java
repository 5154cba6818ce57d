package org.palimpsest.annotations.anchoring;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.palimpsest.archive.extraction.IndexedText;
import org.palimpsest.archive.extraction.Span;
import org.palimpsest.archive.input.InputLimits;

/**
 * Checks, before an annotation is written, that its selectors name exactly one place in the text of the revision
 * they refer to. The aggregate cannot read document text (the write side never reads projections), so the API runs
 * this on the revision's text and sends the {@link VerifiedSelectors} in the command.
 *
 * <p>A position that is given must hold the quote, and context that is given must be the text actually around it:
 * a selector that disagrees with the text is refused rather than repaired, because it would later re-anchor by the
 * wrong evidence. Context that is missing is captured from the text, so every stored annotation carries enough to be
 * found again after the text changes.
 */
public final class SelectorCheck {

    /** Code points of context captured on each side when the client gave none; the same as translation fixes. */
    public static final int CONTEXT = 32;

    private static final String FIELD = "target.selector";
    /** Places of an ambiguous quote reported back; enough to show the client, bounded for one-letter quotes. */
    private static final int MAX_LISTED = 20;

    private SelectorCheck() {
    }

    /**
     * @param revisionText the NFC text of the revision the selectors refer to
     * @throws SelectorMismatchException naming {@code target.selector} when the selectors do not fit the text
     */
    public static VerifiedSelectors verify(String revisionText, TextQuoteSelector quote,
                                           @Nullable TextPositionSelector position) {
        // Before any search: a quote with a lone surrogate would match half of an astral character and split it.
        InputLimits.check(FIELD + ".exact", quote.exact(), InputLimits.QUOTE);
        InputLimits.check(FIELD + ".prefix", quote.prefix(), InputLimits.QUOTE_CONTEXT);
        InputLimits.check(FIELD + ".suffix", quote.suffix(), InputLimits.QUOTE_CONTEXT);
        TextQuoteSelector normalized = nfc(quote);
        if (normalized.exact().isEmpty()) {
            throw new SelectorMismatchException(FIELD, "a TextQuoteSelector needs a non-empty exact");
        }
        IndexedText text = new IndexedText(revisionText);
        Span span = position != null ? atPosition(text, normalized, position) : byQuote(text, normalized);
        String prefix = normalized.prefix() != null ? normalized.prefix()
                : text.slice(new Span(Math.max(0, span.start() - CONTEXT), span.start()));
        String suffix = normalized.suffix() != null ? normalized.suffix()
                : text.slice(new Span(span.end(), Math.min(text.length(), span.end() + CONTEXT)));
        return new VerifiedSelectors(new TextQuoteSelector(normalized.exact(), prefix, suffix),
                TextPositionSelector.of(span));
    }

    private static Span atPosition(IndexedText text, TextQuoteSelector quote, TextPositionSelector position) {
        if (position.end() > text.length()) {
            throw new SelectorMismatchException(FIELD, "the TextPositionSelector [" + position.start() + ", "
                    + position.end() + ") lies beyond the end of the text (" + text.length() + " code points)");
        }
        Span span = position.span();
        String there = text.slice(span);
        if (!there.equals(quote.exact())) {
            throw new SelectorMismatchException(FIELD, "the text at [" + span.start() + ", " + span.end() + ") is '"
                    + abbreviate(there) + "', not the quote '" + abbreviate(quote.exact()) + "'");
        }
        int from = text.charIndex(span.start());
        int to = text.charIndex(span.end());
        String prefix = quote.prefix();
        if (prefix != null && (from < prefix.length() || !text.text().startsWith(prefix, from - prefix.length()))) {
            throw new SelectorMismatchException(FIELD, "the prefix '" + abbreviate(prefix)
                    + "' is not the text before the quote");
        }
        if (quote.suffix() != null && !text.text().startsWith(quote.suffix(), to)) {
            throw new SelectorMismatchException(FIELD, "the suffix '" + abbreviate(quote.suffix())
                    + "' is not the text after the quote");
        }
        return span;
    }

    /**
     * Every occurrence of the quote that the given context fits. (Not {@code QuoteAnchor.locate}: it copies the text
     * before each occurrence to test the prefix, which a one-letter quote in a long text turns into seconds.)
     */
    private static Span byQuote(IndexedText indexed, TextQuoteSelector quote) {
        String text = indexed.text();
        String exact = quote.exact();
        String prefix = quote.prefix();
        String suffix = quote.suffix();
        List<Span> places = new ArrayList<>();
        for (int from = text.indexOf(exact); from >= 0; from = text.indexOf(exact, from + 1)) {
            int to = from + exact.length();
            boolean prefixFits = prefix == null || from >= prefix.length() && text.startsWith(prefix, from - prefix.length());
            boolean suffixFits = suffix == null || text.startsWith(suffix, to);
            if (prefixFits && suffixFits) {
                places.add(indexed.span(from, to));
            }
        }
        if (places.size() > 1) {
            String listed = places.stream().limit(MAX_LISTED).map(p -> "[" + p.start() + ", " + p.end() + ")")
                    .collect(Collectors.joining(", ")) + (places.size() > MAX_LISTED ? ", …" : "");
            throw new SelectorMismatchException(FIELD, "'" + abbreviate(exact) + "' occurs " + places.size() + " times ("
                    + listed + "); add a TextPositionSelector or a prefix/suffix to say which",
                    places.subList(0, Math.min(places.size(), MAX_LISTED)));
        }
        if (places.isEmpty()) {
            throw new SelectorMismatchException(FIELD, "'" + abbreviate(exact) + "' is not in the text"
                    + (prefix != null || suffix != null ? " with the prefix/suffix given" : ""));
        }
        return places.get(0);
    }

    /** Clients on some platforms send decomposed text; the archive's text is NFC, so compare like with like. */
    private static TextQuoteSelector nfc(TextQuoteSelector quote) {
        return new TextQuoteSelector(nfc(quote.exact()), quote.prefix() == null ? null : nfc(quote.prefix()),
                quote.suffix() == null ? null : nfc(quote.suffix()));
    }

    private static String nfc(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFC);
    }

    static String abbreviate(String s) {
        int limit = 40;
        return s.codePointCount(0, s.length()) <= limit ? s : s.substring(0, s.offsetByCodePoints(0, limit)) + "…";
    }
}
