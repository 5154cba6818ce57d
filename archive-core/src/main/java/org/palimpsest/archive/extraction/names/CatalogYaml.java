package org.palimpsest.archive.extraction.names;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.palimpsest.archive.extraction.AnalysisBudget;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a catalog file: a YAML list of entries.
 *
 * <pre>
 * - id: elon-musk
 *   canonical: Elon Musk
 *   kind: person                # or organization
 *   aliases: [Elon Musk, 일론 머스크, イーロン・マスク, 马斯克]
 *   anchored: [Elon]            # optional; see NameEntry#anchoredAliases
 * </pre>
 *
 * The file is read as a node tree rather than as Java objects, so that every value keeps its line for error messages and
 * stays the string written ({@code no} and {@code 2015} are aliases, not a boolean and a number). Unknown keys are errors,
 * so that a misspelt {@code alias:} does not silently drop a list of spellings.
 */
final class CatalogYaml {

    private static final Set<String> KEYS = Set.of("id", "canonical", "kind", "aliases", "anchored");
    private static final Pattern ID = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");

    private CatalogYaml() {
    }

    static List<NameEntry> read(String yaml) {
        Node root = compose(yaml);
        if (root == null) {
            return List.of();
        }
        if (!(root instanceof SequenceNode list)) {
            throw error(root, "a catalog is a list of entries, each starting with '- id:'");
        }
        List<NameEntry> entries = new ArrayList<>();
        Map<String, Integer> idLines = new HashMap<>();
        Map<String, String> aliasOwners = new HashMap<>();
        Map<String, Integer> aliasLines = new HashMap<>();
        for (Node item : list.getValue()) {
            NameEntry entry = entry(item, idLines);
            for (Map.Entry<String, Integer> alias : spellings(item).entrySet()) {
                String key = AliasKey.text(alias.getKey());
                String owner = aliasOwners.putIfAbsent(key, entry.id());
                if (owner != null && !owner.equals(entry.id())) {
                    throw new NameCatalogException(alias.getValue(), "'" + alias.getKey() + "' of '" + entry.id()
                            + "' is already a spelling of '" + owner + "' (line " + aliasLines.get(key) + ")");
                }
                aliasLines.putIfAbsent(key, alias.getValue());
            }
            entries.add(entry);
        }
        return entries;
    }

    private static @Nullable Node compose(String yaml) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(10);
        try {
            return new Yaml(new SafeConstructor(options)).compose(new StringReader(yaml));
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 1 : e.getProblemMark().getLine() + 1;
            String context = e.getContext() == null ? "" : e.getContext() + ": ";
            throw new NameCatalogException(line, context + e.getProblem());
        } catch (YAMLException e) {
            throw new NameCatalogException(1, String.valueOf(e.getMessage()));
        }
    }

    private static NameEntry entry(Node item, Map<String, Integer> idLines) {
        if (!(item instanceof MappingNode mapping)) {
            throw error(item, "an entry is a mapping with id, canonical, kind and aliases");
        }
        Map<String, Node> fields = fields(mapping);
        String id = scalar(fields, "id", mapping);
        if (!ID.matcher(AnalysisBudget.watch(id)).matches()) {
            throw error(fields.get("id"), "id '" + id + "' must be lowercase letters and digits joined by hyphens, like elon-musk");
        }
        Integer earlier = idLines.putIfAbsent(id, line(mapping));
        if (earlier != null) {
            throw error(fields.get("id"), "id '" + id + "' is already used by the entry on line " + earlier);
        }
        String canonical = scalar(fields, "canonical", mapping);
        String kindName = scalar(fields, "kind", mapping);
        NameEntry.Kind kind = switch (kindName.toLowerCase(Locale.ROOT)) {
            case "person" -> NameEntry.Kind.PERSON;
            case "organization", "organisation" -> NameEntry.Kind.ORGANIZATION;
            default -> throw error(fields.get("kind"), "kind '" + kindName + "' must be person or organization");
        };
        List<String> aliases = strings(fields.get("aliases"), "aliases", id);
        List<String> anchored = strings(fields.get("anchored"), "anchored", id);
        for (String a : anchored) {
            if (aliases.stream().anyMatch(b -> AliasKey.text(b).equals(AliasKey.text(a)))) {
                throw error(fields.get("anchored"), "'" + a + "' of '" + id + "' is listed both as an alias and as anchored");
            }
        }
        return new NameEntry(id, canonical, kind, aliases, anchored);
    }

    /** Every spelling of an entry (canonical, aliases, anchored) with its line, for clashes between entries. */
    private static Map<String, Integer> spellings(Node item) {
        Map<String, Integer> lines = new LinkedHashMap<>();
        Map<String, Node> fields = fields((MappingNode) item);
        lines.put(((ScalarNode) fields.get("canonical")).getValue().strip(), line(fields.get("canonical")));
        for (String key : List.of("aliases", "anchored")) {
            if (fields.get(key) instanceof SequenceNode seq) {
                seq.getValue().forEach(n -> lines.putIfAbsent(((ScalarNode) n).getValue().strip(), line(n)));
            }
        }
        return lines;
    }

    private static Map<String, Node> fields(MappingNode mapping) {
        Map<String, Node> fields = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                throw error(tuple.getKeyNode(), "keys must be plain words");
            }
            if (!KEYS.contains(key.getValue())) {
                throw error(key, "unknown key '" + key.getValue() + "'; expected one of id, canonical, kind, aliases, anchored");
            }
            if (fields.put(key.getValue(), tuple.getValueNode()) != null) {
                throw error(key, "key '" + key.getValue() + "' is given twice");
            }
        }
        return fields;
    }

    private static String scalar(Map<String, Node> fields, String key, Node entry) {
        Node node = fields.get(key);
        if (node == null) {
            throw error(entry, "entry has no " + key);
        }
        if (!(node instanceof ScalarNode scalar) || scalar.getValue().isBlank()) {
            throw error(node, key + " must be a non-empty text");
        }
        return scalar.getValue().strip();
    }

    private static List<String> strings(@Nullable Node node, String key, String id) {
        if (node == null) {
            return List.of();
        }
        if (!(node instanceof SequenceNode seq)) {
            throw error(node, key + " of '" + id + "' must be a list, like [Musk, 머스크]");
        }
        List<String> values = new ArrayList<>();
        for (Node item : seq.getValue()) {
            if (!(item instanceof ScalarNode scalar)) {
                throw error(item, key + " of '" + id + "' must hold texts only");
            }
            if (AliasKey.of(scalar.getValue()).length == 0) {
                throw error(item, "an empty spelling in " + key + " of '" + id + "'");
            }
            values.add(scalar.getValue().strip());
        }
        return values;
    }

    private static int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }

    private static NameCatalogException error(@Nullable Node node, String problem) {
        return new NameCatalogException(node == null ? 1 : line(node), problem);
    }
}
