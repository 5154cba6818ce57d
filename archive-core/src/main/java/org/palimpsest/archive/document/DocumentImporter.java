package org.palimpsest.archive.document;

import java.time.Clock;
import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.jspecify.annotations.Nullable;
import org.palimpsest.archive.extraction.FrontMatter;
import org.palimpsest.archive.extraction.FrontMatterException;
import org.palimpsest.archive.extraction.ScriptLanguage;
import org.palimpsest.archive.input.InputLimits;
import org.palimpsest.archive.input.UnicodeText;
import org.palimpsest.archive.provenance.Actors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns an {@link ImportRequest} into an {@link ImportDocument} command for the right document.
 *
 * <p>Identity: identical content always resolves to the document that already holds it; otherwise a
 * source URI names one document across re-imports; otherwise the content itself does. Keys are claimed
 * atomically in {@link ImportKeys} before the command is sent, so concurrent imports of one source or one
 * text converge on a single document.
 */
public class DocumentImporter {

    private static final Logger log = LoggerFactory.getLogger(DocumentImporter.class);
    private static final int TITLE_LIMIT = 200;

    private final CommandGateway commands;
    private final ImportKeys keys;
    private final Clock clock;

    public DocumentImporter(CommandGateway commands, ImportKeys keys, Clock clock) {
        this.commands = commands;
        this.keys = keys;
        this.clock = clock;
    }

    /**
     * Imports one document on behalf of {@code actor}.
     *
     * @throws InvalidDocumentException when the text or its metadata cannot be accepted
     */
    public ImportOutcome importDocument(ImportRequest request, String actor) {
        UnicodeText.requireScalarValues("text", null, request.text());
        String text = DocumentText.normalize(request.text());
        if (text.isBlank()) {
            throw new InvalidDocumentException("text", "the document has no text");
        }
        Optional<FrontMatter> frontMatter = frontMatter(text);
        String body = frontMatter.map(fm -> text.substring(text.offsetByCodePoints(0, fm.bodyStart()))).orElse(text);
        if (body.isBlank()) {
            // Otherwise the front matter itself would become the document's text.
            throw new InvalidDocumentException("text", "the document has no text after its front matter");
        }
        String title = Objects.requireNonNull(
                firstOf(request.title(), frontMatter.map(fm -> fm.string("title")).orElse(null), guessTitle(body)));
        String language = language(firstOf(request.language(),
                frontMatter.map(fm -> fm.string("language", "lang", "locale")).orElse(null), null), body);
        String sourceUri = firstOf(request.sourceUri(),
                frontMatter.map(fm -> fm.string("sourceUri", "source", "url", "canonical_url", "original_url")).orElse(null), null);
        String publisher = firstOf(request.publisher(),
                frontMatter.map(fm -> fm.string("publisher", "site", "site_name")).orElse(null), null);
        String publishedAt = firstOf(request.publishedAt(),
                frontMatter.map(fm -> fm.string("publishedAt", "published", "date")).orElse(null), null);

        DocumentSource source = new DocumentSource(sourceUri, publisher, clock.instant());
        // Before an import key is claimed for it, and before the date is parsed.
        Document.requireAcceptable(title, language, source, publishedAt, text);
        String normalizedDate = publishedAt == null ? null : PublicationDate.normalize(publishedAt);
        String contentHash = ContentHash.of(text);
        Resolved resolved = resolveDocumentId(contentHash, sourceUri);
        String documentId = resolved.documentId();

        ImportDocument command = new ImportDocument(documentId, source, title, language, normalizedDate, text, actor);
        // A concurrent import of the same document loses the optimistic race; the gateway's retry runs it again
        // against the winner's state, which then answers UNCHANGED or records a re-import.
        ImportOutcome outcome = commands.sendAndWait(Actors.command(command, actor));
        if (!resolved.contentKeyBound()) {
            // Each claim is a durable write: made only when the content key does not name this document yet.
            keys.claim(ImportKeys.contentKey(contentHash), documentId);
        }
        log.info("import {} of document {} ({}, {} code points) by {}", outcome.result(), documentId, language,
                text.codePointCount(0, text.length()), actor);
        return outcome;
    }

    /** The document an import goes to, and whether the content key already names it. */
    private record Resolved(String documentId, boolean contentKeyBound) {
    }

    private Resolved resolveDocumentId(String contentHash, @Nullable String sourceUri) {
        Optional<String> sameContent = keys.find(ImportKeys.contentKey(contentHash));
        if (sameContent.isPresent()) {
            return new Resolved(sameContent.get(), true);
        }
        String candidate = UUID.randomUUID().toString();
        if (sourceUri != null) {
            return new Resolved(keys.claim(ImportKeys.sourceKey(sourceUri), candidate), false);
        }
        return new Resolved(keys.claim(ImportKeys.contentKey(contentHash), candidate), true);
    }

    private static Optional<FrontMatter> frontMatter(String text) {
        try {
            return FrontMatter.parse(text);
        } catch (FrontMatterException e) {
            throw new InvalidDocumentException("text", e.line(), e.getMessage());
        }
    }

    private static String language(@Nullable String declared, String body) {
        if (declared == null) {
            return ScriptLanguage.detect(body).orElse("und");
        }
        InputLimits.check("language", declared, InputLimits.LANGUAGE);
        try {
            String tag = new Locale.Builder().setLanguageTag(declared.replace('_', '-')).build().toLanguageTag();
            if (tag.isEmpty()) {
                throw new IllformedLocaleException("empty");
            }
            return tag;
        } catch (IllformedLocaleException e) {
            throw new InvalidDocumentException("language", "'" + declared + "' is not a BCP 47 language tag (e.g. ko, ja, en-US)");
        }
    }

    /** The first heading, else the first non-blank line, stripped of markup and cut to a readable length. */
    public static String guessTitle(String body) {
        String firstLine = null;
        for (String line : body.split("\n")) {
            String stripped = line.strip();
            if (stripped.isEmpty() || stripped.startsWith("```") || stripped.startsWith("![")) {
                continue;
            }
            if (stripped.startsWith("#")) {
                return shorten(stripped.replaceFirst("^#+\\s*", ""));
            }
            if (firstLine == null) {
                firstLine = stripped;
            }
        }
        return firstLine == null ? "Untitled" : shorten(firstLine);
    }

    private static String shorten(String line) {
        String plain = line.replaceAll("[*_`]", "").strip();
        if (plain.codePointCount(0, plain.length()) <= TITLE_LIMIT) {
            return plain;
        }
        return plain.substring(0, plain.offsetByCodePoints(0, TITLE_LIMIT - 1)) + "…";
    }

    private static @Nullable String firstOf(@Nullable String a, @Nullable String b, @Nullable String fallback) {
        if (a != null && !a.isBlank()) {
            return a.strip();
        }
        if (b != null && !b.isBlank()) {
            return b.strip();
        }
        return fallback;
    }
}
