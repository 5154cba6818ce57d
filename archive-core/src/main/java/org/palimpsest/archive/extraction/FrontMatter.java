package org.palimpsest.archive.extraction;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * YAML front matter: a block opened by {@code ---} on the first line and closed by {@code ---} or {@code ...}.
 *
 * @param fields    the top-level keys, every scalar kept as the string written (dates are not reinterpreted)
 * @param bodyStart code-point offset of the first character after the closing fence
 * @param lineCount number of lines the block occupies, fences included
 */
public record FrontMatter(Map<String, Object> fields, int bodyStart, int lineCount) {

    /** Splits off the front matter of {@code text}, or returns empty when the text has none. */
    public static Optional<FrontMatter> parse(String text) throws FrontMatterException {
        if (!text.startsWith("---\n") && !text.equals("---")) {
            return Optional.empty();
        }
        int lineStart = 4;
        int line = 2;
        while (lineStart <= text.length()) {
            int lineEnd = text.indexOf('\n', lineStart);
            int end = lineEnd < 0 ? text.length() : lineEnd;
            String current = text.substring(lineStart, end).stripTrailing();
            if (current.equals("---") || current.equals("...")) {
                String yaml = text.substring(4, lineStart);
                int bodyChars = lineEnd < 0 ? text.length() : lineEnd + 1;
                return Optional.of(new FrontMatter(load(yaml), text.codePointCount(0, bodyChars), line));
            }
            if (lineEnd < 0) {
                break;
            }
            lineStart = lineEnd + 1;
            line++;
        }
        throw new FrontMatterException(1, "front matter opened with '---' on line 1 is never closed");
    }

    /** The first non-blank string value among {@code keys}, tried in order. */
    public @Nullable String string(String... keys) {
        for (String key : keys) {
            Object value = fields.get(key);
            if (value != null && !(value instanceof Map) && !(value instanceof Iterable)) {
                String s = value.toString().strip();
                if (!s.isEmpty()) {
                    return s;
                }
            }
        }
        return null;
    }

    private static Map<String, Object> load(String yaml) throws FrontMatterException {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(10);
        Yaml parser = new Yaml(new SafeConstructor(options), new Representer(new DumperOptions()),
                new DumperOptions(), options, new StringsOnlyResolver());
        try {
            Object loaded = parser.load(yaml);
            if (loaded == null) {
                return Map.of();
            }
            if (!(loaded instanceof Map<?, ?> map)) {
                throw new FrontMatterException(2, "front matter must be a mapping of keys to values");
            }
            Map<String, Object> fields = new LinkedHashMap<>();
            map.forEach((k, v) -> {
                if (v != null) {
                    fields.put(String.valueOf(k), v);
                }
            });
            return fields;
        } catch (MarkedYAMLException e) {
            // +2: the YAML starts on the line after the opening fence, and marks are zero-based.
            int line = e.getProblemMark() == null ? 2 : e.getProblemMark().getLine() + 2;
            throw new FrontMatterException(line, e.getProblem());
        } catch (YAMLException e) {
            throw new FrontMatterException(2, e.getMessage());
        }
    }

    /**
     * Resolves only nulls: a {@code date: 2024-05-01 10:00} stays the string the author wrote instead of
     * becoming a {@code java.util.Date} in the JVM's zone.
     */
    private static final class StringsOnlyResolver extends Resolver {
        @Override
        protected void addImplicitResolvers() {
            addImplicitResolver(Tag.NULL, NULL, "~nN\0");
            addImplicitResolver(Tag.NULL, EMPTY, null);
        }
    }
}
