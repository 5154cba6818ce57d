package org.palimpsest.archive.extraction.structure;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.jspecify.annotations.Nullable;
import org.palimpsest.archive.extraction.AnalysisBudget;
import org.palimpsest.archive.extraction.IndexedText;

/**
 * Finds links: Markdown links, images and autolinks from the commonmark tree, and bare URLs by pattern
 * everywhere else except inline code. Bare URLs inside fenced blocks are found too, on purpose: the corpus
 * fences quoted e-mails, not program code, and the links in those e-mails are real.
 */
final class LinkFinder {

    /**
     * A bare URL: a scheme or {@code www.}, not glued to a preceding word, running until whitespace, a quote,
     * an angle bracket, a pipe, or CJK text and punctuation (Korean and Japanese prose often follows a URL
     * without a space). What the sentence adds at the end is removed by {@link UrlTrimmer}.
     */
    private static final Pattern BARE_URL = Pattern.compile(
            "(?<![A-Za-z0-9_/@.\\-])(?:https?://|ftp://|www\\.)"
                    + "[^\\s<>\"`|\\p{IsHangul}\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}\\u3000-\\u303F\\uFF00-\\uFFEF]+",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern HAS_HOST = Pattern.compile("(?i)(?:https?://|ftp://|www\\.)[\\p{L}\\p{N}].*");

    /** A link as found, in UTF-16 indexes. */
    record Found(CharRange range, String url, @Nullable String label, boolean image) {

        Found movedBy(int offset) {
            return new Found(range.movedBy(offset), url, label, image);
        }

        InlineLink toInlineLink(IndexedText text) {
            return new InlineLink(text.span(range.start(), range.end()), url, label, image);
        }
    }

    private LinkFinder() {
    }

    static List<Found> find(Node document, String text, SourcePositions positions, LiteralText literal) {
        List<Found> found = new ArrayList<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Link link) {
                CharRange range = positions.range(link);
                if (range != null) {
                    boolean autolink = text.charAt(range.start()) == '<';
                    found.add(new Found(range, link.getDestination(), autolink ? null : label(link), false));
                }
                visitChildren(link);
            }

            @Override
            public void visit(Image image) {
                CharRange range = positions.range(image);
                if (range != null) {
                    found.add(new Found(range, image.getDestination(), label(image), true));
                }
                visitChildren(image);
            }
        });
        List<CharRange> markdown = found.stream().map(Found::range).toList();
        Matcher m = BARE_URL.matcher(AnalysisBudget.watch(text));
        while (m.find()) {
            int start = m.start();
            if (literal.inInlineCode(start) || markdown.stream().anyMatch(r -> r.contains(start))) {
                continue;
            }
            String url = UrlTrimmer.trim(m.group());
            if (HAS_HOST.matcher(AnalysisBudget.watch(url)).matches()) {
                found.add(new Found(new CharRange(start, start + url.length()), url, null, false));
            }
        }
        found.sort(Comparator.comparingInt((Found f) -> f.range().start()).thenComparing(f -> !f.image()));
        return found;
    }

    /** The plain text of a link's or image's content, or null when there is none. */
    private static @Nullable String label(Node node) {
        StringBuilder label = new StringBuilder();
        node.accept(new AbstractVisitor() {
            @Override
            public void visit(Text text) {
                label.append(text.getLiteral());
            }

            @Override
            public void visit(Code code) {
                label.append(code.getLiteral());
            }

            @Override
            public void visit(SoftLineBreak lineBreak) {
                label.append(' ');
            }

            @Override
            public void visit(HardLineBreak lineBreak) {
                label.append(' ');
            }
        });
        String s = label.toString().strip();
        return s.isEmpty() ? null : s;
    }
}
