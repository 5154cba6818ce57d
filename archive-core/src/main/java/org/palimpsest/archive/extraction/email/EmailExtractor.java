package org.palimpsest.archive.extraction.email;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.palimpsest.archive.extraction.AnalysisBudget;
import org.palimpsest.archive.extraction.IndexedText;
import org.palimpsest.archive.extraction.PartAnalysis;
import org.palimpsest.archive.extraction.Parts;
import org.palimpsest.archive.extraction.Span;
import org.palimpsest.archive.extraction.redaction.Redaction;
import org.palimpsest.archive.extraction.redaction.RedactionFinder;

/**
 * Finds the emails quoted in a document's text.
 *
 * <p>A message starts at a header block, at a forward or "Original Message" marker followed by a header block,
 * at an attribution line ("On … wrote:"), or at an unlabeled sender-and-date line above To (Gmail's print
 * layout). It runs to the next start, the end of its fenced code block (or of the stretch of prose between
 * fences), an unquoted Markdown heading or thematic break outside fences, or, for a quoted message, the first
 * line quoted less deeply than it. Lines above the first start of a block (a thread title, "3 emails") belong to
 * no message.
 *
 * <p>A message that starts inside another one's body under a forward marker, an attribution line, an Original
 * Message rule or deeper quote markers is FORWARDED or QUOTED_REPLY, and the message whose body it ends
 * {@code quotes} it. Consecutive header blocks at the same depth are a thread listed message after message: each
 * is TOP.
 */
public final class EmailExtractor {

    private EmailExtractor() {
    }

    /** What begins a message. */
    private enum StartKind { HEADERS, FORWARD, ORIGINAL, ATTRIBUTION }

    /**
     * A message's first lines.
     *
     * @param firstLine the introducer (marker or attribution) or first header line
     * @param lastLine the last header or attribution line
     * @param depth the quote depth of the message's own lines
     */
    private record Start(StartKind kind, int firstLine, int lastLine,
                         HeaderBlockScanner.@Nullable HeaderBlock block,
                         AttributionLine.@Nullable Attribution attribution, int depth) {
    }

    /** Where a message's body stops, and whether it was the next message that stopped it. */
    private record Extent(int bodyFrom, int bodyTo, boolean cutByNext) {
    }

    public static List<ExtractedEmail> extract(String normalizedText) {
        return extract(normalizedText, () -> RedactionFinder.find(new IndexedText(normalizedText)));
    }

    /**
     * @param redactionsOfText the text's redactions ({@link RedactionFinder#find} of the whole text), asked for only when
     *                         the text quotes a message: a caller that has them already need not find them again
     */
    public static List<ExtractedEmail> extract(String normalizedText, Supplier<List<Redaction>> redactionsOfText) {
        return extract(Lines.of(normalizedText), redactionsOfText);
    }

    /**
     * As {@link #extract(String, Supplier)}, section by section, each section's messages taken from {@code parts} by
     * its text: a text that changed in one section is read again in that section only. Sections end before a heading
     * or thematic break ({@link EmailSections}), which ends every message, so each reads alone as in the whole text;
     * ids, the messages they quote and the redactions inside them are set on the joined list.
     */
    public static List<ExtractedEmail> extract(String normalizedText, Supplier<List<Redaction>> redactionsOfText,
                                               Parts parts) {
        List<EmailSections.Section> sections = EmailSections.of(normalizedText,
                section -> parts.of(SECTION, normalizedText.substring(section.start(), section.end())));
        if (sections.stream().allMatch(s -> s.emails().isEmpty())) {
            return List.of();
        }
        IndexedText indexed = new IndexedText(normalizedText);
        List<Redaction> redactions = redactionsOfText.get();
        List<ExtractedEmail> emails = new ArrayList<>();
        for (EmailSections.Section section : sections) {
            int offset = indexed.codePoint(section.start());
            int before = emails.size();
            for (ExtractedEmail email : section.emails()) {
                emails.add(email.placed(offset, before, redactions));
            }
        }
        return List.copyOf(emails);
    }

    /** The messages of one section, read alone; their redactions are left for the whole text to tell. */
    private static final PartAnalysis<List<ExtractedEmail>> SECTION = new PartAnalysis<>() {
        @Override
        public String name() {
            return "emails of a section";
        }

        @Override
        public List<ExtractedEmail> analyse(String section) {
            return extract(Lines.of(section), List::of);
        }
    };

    private static List<ExtractedEmail> extract(Lines lines, Supplier<List<Redaction>> redactionsOfText) {
        String normalizedText = lines.text();
        List<Start> starts = findStarts(lines, new HeaderBlockScanner(lines));
        if (starts.isEmpty()) {
            return List.of();
        }
        IndexedText indexed = new IndexedText(normalizedText);
        List<Redaction> redactions = redactionsOfText.get();
        List<Extent> extents = new ArrayList<>();
        for (int k = 0; k < starts.size(); k++) {
            extents.add(extent(lines, starts.get(k), k + 1 < starts.size() ? starts.get(k + 1) : null));
        }
        ExtractedEmail.Relation[] relations = new ExtractedEmail.Relation[starts.size()];
        @Nullable String[] quotes = new String[starts.size()];
        for (int k = 0; k < starts.size(); k++) {
            Start start = starts.get(k);
            boolean insidePrevious = k > 0 && extents.get(k - 1).cutByNext();
            relations[k] = switch (start.kind()) {
                case FORWARD -> ExtractedEmail.Relation.FORWARDED;
                case ORIGINAL, ATTRIBUTION -> ExtractedEmail.Relation.QUOTED_REPLY;
                case HEADERS -> insidePrevious && start.depth() > starts.get(k - 1).depth()
                        ? ExtractedEmail.Relation.QUOTED_REPLY : ExtractedEmail.Relation.TOP;
            };
            if (relations[k] != ExtractedEmail.Relation.TOP && insidePrevious && quotes[k - 1] == null) {
                quotes[k - 1] = localId(k);
            }
        }
        List<ExtractedEmail> emails = new ArrayList<>();
        for (int k = 0; k < starts.size(); k++) {
            emails.add(build(lines, indexed, redactions, starts.get(k), extents.get(k), localId(k), quotes[k],
                    relations[k]));
        }
        return List.copyOf(emails);
    }

    static String localId(int index) {
        return "e" + (index + 1);
    }

    private static List<Start> findStarts(Lines lines, HeaderBlockScanner scanner) {
        List<Start> starts = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            AnalysisBudget.checkpoint();
            Lines.Line line = lines.get(i);
            if (line.region() < 0 || line.blank()) {
                i++;
                continue;
            }
            @Nullable Start start = startAt(lines, scanner, i).orElse(null);
            if (start == null) {
                i++;
            } else {
                starts.add(start);
                i = start.lastLine() + 1;
            }
        }
        return starts;
    }

    private static Optional<Start> startAt(Lines lines, HeaderBlockScanner scanner, int index) {
        return markerAt(lines, scanner, index)
                .or(() -> attributionAt(lines, scanner, lines.get(index)))
                .or(() -> senderLineAt(lines, scanner, index))
                .or(() -> scanner.blockAt(index)
                        .map(b -> new Start(StartKind.HEADERS, index, b.lastLine(), b, null, b.depth())));
    }

    /**
     * Gmail's print layout: an unlabeled line with the sender and the date, then To and Cc. The sender line
     * stands in for the From and Date labels, so one labeled line below it is enough.
     */
    private static Optional<Start> senderLineAt(Lines lines, HeaderBlockScanner scanner, int index) {
        Lines.Line line = lines.get(index);
        int below = index + 1;
        if (!lines.inRegion(below, line.region()) || lines.get(below).depth() != line.depth()
                || !scanner.hasLabel(below) || scanner.hasLabel(index)) {
            return Optional.empty();
        }
        return scanner.blockAt(below, 1)
                .filter(b -> b.value(HeaderField.FROM) == null)
                .flatMap(b -> AttributionLine.senderLine(line.content(), b.language())
                        .map(sender -> new Start(StartKind.HEADERS, index, b.lastLine(), b, sender, b.depth())));
    }

    private static Optional<Start> markerAt(Lines lines, HeaderBlockScanner scanner, int index) {
        return MarkerLine.match(lines.get(index).content()).flatMap(kind -> {
            int next = lines.nextContentLine(index, 2);
            return next < 0 ? Optional.<Start>empty() : scanner.blockAt(next).map(b -> new Start(
                    kind == MarkerLine.Kind.FORWARD ? StartKind.FORWARD : StartKind.ORIGINAL,
                    index, b.lastLine(), b, null, b.depth()));
        });
    }

    private static Optional<Start> attributionAt(Lines lines, HeaderBlockScanner scanner, Lines.Line line) {
        if (scanner.hasLabel(line.index())) {
            return Optional.empty();
        }
        int last = line.index();
        Optional<AttributionLine.Attribution> attribution = AttributionLine.parse(line.content());
        if (attribution.isEmpty() && AttributionLine.mayContinue(line.content())
                && lines.inRegion(last + 1, line.region())) {
            // Clients wrap long attribution lines: "On Mon, …, Dana Whitlock <" / "dana@corvid.example> wrote:".
            Lines.Line next = lines.get(last + 1);
            if (!next.blank() && next.depth() == line.depth()) {
                attribution = AttributionLine.parse(line.content() + " " + next.content());
                if (attribution.isPresent()) {
                    last = next.index();
                }
            }
        }
        if (attribution.isEmpty()) {
            return Optional.empty();
        }
        int next = lines.nextContentLine(last, 2);
        Optional<HeaderBlockScanner.HeaderBlock> block = next < 0 ? Optional.empty() : scanner.blockAt(next);
        if (block.isPresent()) {
            // Some clients write both an attribution and the quoted message's headers: the headers win.
            HeaderBlockScanner.HeaderBlock b = block.get();
            return Optional.of(new Start(StartKind.ATTRIBUTION, line.index(), b.lastLine(), b, attribution.get(),
                    b.depth()));
        }
        // The quoted text is usually quoted one level deeper than the attribution; in converted text, not at all.
        int depth = next >= 0 && lines.get(next).depth() > line.depth() ? line.depth() + 1 : line.depth();
        return Optional.of(new Start(StartKind.ATTRIBUTION, line.index(), last, null, attribution.get(), depth));
    }

    private static Extent extent(Lines lines, Start start, @Nullable Start next) {
        int region = lines.get(start.firstLine()).region();
        int from = start.lastLine() + 1;
        int to = from;
        while (lines.inRegion(to, region)) {
            if (next != null && to == next.firstLine()) {
                return new Extent(from, to, true);
            }
            Lines.Line line = lines.get(to);
            if (line.boundary() || (!line.blank() && line.depth() < start.depth())) {
                break;
            }
            to++;
        }
        return new Extent(from, to, false);
    }

    private static ExtractedEmail build(Lines lines, IndexedText indexed, List<Redaction> redactions, Start start,
                                        Extent extent, String localId, @Nullable String quotes,
                                        ExtractedEmail.Relation relation) {
        int first = extent.bodyFrom();
        int last = extent.bodyTo() - 1;
        while (first <= last && lines.get(first).blank()) {
            first++;
        }
        while (last >= first && lines.get(last).blank()) {
            last--;
        }
        int headerEnd = lines.get(start.lastLine()).end();
        Span bodySpan;
        List<String> bodyLines = new ArrayList<>();
        if (first <= last) {
            bodySpan = indexed.span(lines.get(first).start(), lines.get(last).end());
            for (int i = first; i <= last; i++) {
                bodyLines.add(lines.unquote(lines.get(i), start.depth()));
            }
        } else {
            bodySpan = indexed.span(headerEnd, headerEnd);
        }
        String body = String.join("\n", dedent(bodyLines));
        Span span = new Span(indexed.codePoint(lines.get(start.firstLine()).start()),
                Math.max(bodySpan.end(), indexed.codePoint(headerEnd)));
        List<Redaction> inside = redactions.stream().filter(r -> span.contains(r.span())).toList();

        HeaderBlockScanner.@Nullable HeaderBlock block = start.block();
        AttributionLine.@Nullable Attribution attribution = start.attribution();
        String language = block != null ? block.language() : attribution != null ? attribution.language() : "und";
        @Nullable Participant from = null;
        @Nullable HeaderDate date = null;
        List<Participant> to = List.of();
        List<Participant> cc = List.of();
        List<Participant> bcc = List.of();
        @Nullable String subject = null;
        if (block != null) {
            from = first(block.value(HeaderField.FROM));
            date = dateOf(block.value(HeaderField.DATE), language);
            to = list(block.value(HeaderField.TO));
            cc = list(block.value(HeaderField.CC));
            bcc = list(block.value(HeaderField.BCC));
            String s = block.value(HeaderField.SUBJECT);
            subject = s == null || s.isBlank() ? null : s.strip();
        }
        if (attribution != null) {
            from = from != null ? from : attribution.from();
            date = date != null ? date : attribution.date();
        }
        return new ExtractedEmail(localId, span, from, to, cc, bcc, date, subject, body,
                bodySpan, inside, quotes, relation, language);
    }

    /** Removes the indentation all lines share: a message indented as a whole (a Markdown code block) is not. */
    private static List<String> dedent(List<String> bodyLines) {
        int common = Integer.MAX_VALUE;
        for (String line : bodyLines) {
            if (!line.isBlank()) {
                int indent = 0;
                while (indent < line.length() && (line.charAt(indent) == ' ' || line.charAt(indent) == '\t')) {
                    indent++;
                }
                common = Math.min(common, indent);
            }
        }
        if (common == 0 || common == Integer.MAX_VALUE) {
            return bodyLines;
        }
        int cut = common;
        return bodyLines.stream().map(l -> l.isBlank() ? "" : l.substring(cut)).toList();
    }

    private static @Nullable Participant first(@Nullable String value) {
        List<Participant> all = list(value);
        return all.isEmpty() ? null : all.get(0);
    }

    private static List<Participant> list(@Nullable String value) {
        return value == null ? List.of() : ParticipantParser.parseList(value);
    }

    private static @Nullable HeaderDate dateOf(@Nullable String value, String language) {
        return HeaderDateParser.parse(value, language).orElse(null);
    }
}
