package org.palimpsest.archive.extraction.email;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.palimpsest.archive.extraction.AnalysisBudget;

/**
 * Cuts a text into sections that the email extraction reads alone exactly as it reads them within the whole text.
 *
 * <p>A section ends before a boundary line (a heading or thematic break, unquoted and outside fences): every message
 * ends before one, and nothing the extraction looks for below a line reaches past one, with three exceptions that
 * the line above can take in, so no section ends under such a line: a header label whose value may stand on the next
 * line, a header value that ends in a list separator (an address list wrapped by a converter), and the first half of
 * an attribution wrapped over two lines. A message may also start on the boundary line itself and then cut short the
 * message above it, which the section below shows by a message at its very start: it is read again together with the
 * section above.
 */
final class EmailSections {

    /** A stretch of the text, [start, end) in UTF-16 indexes. */
    record Stretch(int start, int end) {
    }

    /** A section and its messages as read alone (their spans and ids counted within it). */
    record Section(int start, int end, List<ExtractedEmail> emails) {
    }

    private static final String LIST_SEPARATORS = ",;、，；";
    /** What {@code HeaderBlockScanner} strips from a value's end before it looks for a list separator. */
    private static final String VALUE_TRAILERS = "*_\\";

    private EmailSections() {
    }

    /** The sections of {@code text} in order, each read by {@code read}. */
    static List<Section> of(String text, Function<Stretch, List<ExtractedEmail>> read) {
        Lines lines = Lines.of(text);
        HeaderBlockScanner scanner = new HeaderBlockScanner(lines);
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 1; i < lines.size(); i++) {
            AnalysisBudget.checkpoint();
            if (lines.get(i).boundary() && !reachesBelow(lines, scanner, i)) {
                starts.add(lines.get(i).start());
            }
        }
        List<Section> sections = new ArrayList<>();
        for (int k = 0; k < starts.size(); k++) {
            // A section ends at the newline before the next one's first line, as that line's own end is in the text.
            int end = k + 1 < starts.size() ? starts.get(k + 1) - 1 : text.length();
            List<ExtractedEmail> emails = read.apply(new Stretch(starts.get(k), end));
            if (!sections.isEmpty() && !emails.isEmpty() && emails.get(0).span().start() == 0) {
                Section above = sections.remove(sections.size() - 1);
                emails = read.apply(new Stretch(above.start(), end));
                sections.add(new Section(above.start(), end, emails));
            } else {
                sections.add(new Section(starts.get(k), end, emails));
            }
        }
        return sections;
    }

    /** Whether the nearest line with content above line {@code index} may take it into a message's first lines. */
    private static boolean reachesBelow(Lines lines, HeaderBlockScanner scanner, int index) {
        int above = index - 1;
        while (above >= 0 && lines.get(above).blank()) {
            above--;
        }
        if (above < 0) {
            return false;
        }
        String content = lines.get(above).content();
        return scanner.hasLabel(above) || endsWithListSeparator(content) || AttributionLine.mayContinue(content);
    }

    private static boolean endsWithListSeparator(String content) {
        int end = content.length();
        while (end > 0 && (Character.isWhitespace(content.charAt(end - 1))
                || VALUE_TRAILERS.indexOf(content.charAt(end - 1)) >= 0)) {
            end--;
        }
        return end > 0 && LIST_SEPARATORS.indexOf(content.charAt(end - 1)) >= 0;
    }
}
