package org.palimpsest.archive.extraction.names;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.palimpsest.archive.extraction.IndexedText;

/**
 * People and organizations with their spellings across languages, read from a curated YAML file ({@link CatalogYaml}
 * describes the format) that editors extend with their own ({@link #merge}).
 *
 * <p>Matching, by {@link #find}: every spelling is looked for at once, case-insensitively and with or without the
 * separators between the parts of a name ({@link AliasKey}); the longest spelling wins where several start at one place
 * ({@code 일론 머스크} over {@code 일론}); Latin spellings need word boundaries; a Korean spelling may carry a particle
 * and a Japanese katakana one may be followed by hiragana or kanji, but neither may sit inside a longer word of its own
 * script ({@link ScriptBoundary}). All-capital spellings of up to five letters ({@code MS}) match only in capitals.
 *
 * <p>Reading the catalog is the caller's business, to keep extraction free of I/O: the curated default is the class-path
 * resource {@link #BUNDLED_RESOURCE}.
 */
public final class NameCatalog {

    /** The curated catalog shipped with the archive: the people and organizations of the corpus. */
    public static final String BUNDLED_RESOURCE = "/org/palimpsest/archive/extraction/names/aliases.yml";

    private final List<NameEntry> entries;
    private final Map<String, NameEntry> byId;
    private final Map<String, NameEntry> bySpelling;
    private final AliasMatcher matcher;

    private NameCatalog(List<NameEntry> entries) {
        this.entries = List.copyOf(entries);
        this.byId = new LinkedHashMap<>();
        this.bySpelling = new HashMap<>();
        List<AliasMatcher.Alias> aliases = new ArrayList<>();
        for (NameEntry entry : entries) {
            byId.put(entry.id(), entry);
            for (String spelling : plainSpellings(entry)) {
                bySpelling.put(AliasKey.text(spelling), entry);
                aliases.add(AliasMatcher.Alias.of(entry.id(), spelling, false));
            }
            for (String spelling : entry.anchoredAliases()) {
                bySpelling.put(AliasKey.text(spelling), entry);
                aliases.add(AliasMatcher.Alias.of(entry.id(), spelling, true));
            }
        }
        this.matcher = new AliasMatcher(aliases);
    }

    /**
     * Reads a catalog.
     *
     * @throws NameCatalogException naming the line at fault: YAML syntax, an unknown key, a missing id, canonical or
     *                              kind, a malformed id, an id used twice, or a spelling claimed by two entries
     */
    public static NameCatalog parse(String yaml) {
        return new NameCatalog(CatalogYaml.read(yaml));
    }

    /**
     * This catalog with {@code extension}'s entries added. An entry whose id exists already takes the extension's
     * canonical name and kind and the spellings of both; a spelling the extension lists as anchored becomes anchored
     * (and the reverse), which is how an editor demotes a spelling that proved ambiguous. A spelling the extension
     * gives to another entry is taken from the entry that had it: the editor's file is the later word.
     */
    public NameCatalog merge(NameCatalog extension) {
        Map<String, NameEntry> merged = new LinkedHashMap<>(byId);
        Map<String, String> ownerByKey = new HashMap<>();
        for (NameEntry ext : extension.entries) {
            Set<String> extPlain = keys(plainSpellings(ext));
            Set<String> extAnchored = keys(ext.anchoredAliases());
            NameEntry base = merged.get(ext.id());
            merged.put(ext.id(), base == null ? ext : new NameEntry(ext.id(), ext.canonical(), ext.kind(),
                    union(ext.aliases(), base.aliases(), extAnchored),
                    union(ext.anchoredAliases(), base.anchoredAliases(), extPlain)));
            extPlain.forEach(k -> ownerByKey.put(k, ext.id()));
            extAnchored.forEach(k -> ownerByKey.put(k, ext.id()));
        }
        return new NameCatalog(merged.values().stream().map(e -> withoutSpellingsOf(e, ownerByKey)).toList());
    }

    /** Every name of the catalog found in {@code text}, in reading order, none overlapping. */
    public List<NameMention> find(IndexedText text) {
        return matcher.find(text);
    }

    /** The entry that {@code anyAlias} spells — its canonical name, an alias or an anchored alias — ignoring case and separators. */
    public Optional<NameEntry> resolve(String anyAlias) {
        return Optional.ofNullable(bySpelling.get(AliasKey.text(anyAlias)));
    }

    public Optional<NameEntry> entry(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public List<NameEntry> entries() {
        return entries;
    }

    private static List<String> plainSpellings(NameEntry entry) {
        Set<String> spellings = new LinkedHashSet<>();
        spellings.add(entry.canonical());
        spellings.addAll(entry.aliases());
        return List.copyOf(spellings);
    }

    private static Set<String> keys(List<String> spellings) {
        return spellings.stream().map(AliasKey::text).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** {@code first} then {@code second}, without repeats and without spellings whose key is in {@code except}. */
    private static List<String> union(List<String> first, List<String> second, Set<String> except) {
        Map<String, String> byKey = new LinkedHashMap<>();
        for (String s : first) {
            byKey.putIfAbsent(AliasKey.text(s), s);
        }
        for (String s : second) {
            byKey.putIfAbsent(AliasKey.text(s), s);
        }
        except.forEach(byKey::remove);
        return List.copyOf(byKey.values());
    }

    /** {@code entry} without the spellings that the extension gave to another entry. */
    private static NameEntry withoutSpellingsOf(NameEntry entry, Map<String, String> owner) {
        List<String> aliases = entry.aliases().stream()
                .filter(a -> owner.getOrDefault(AliasKey.text(a), entry.id()).equals(entry.id())).toList();
        List<String> anchored = entry.anchoredAliases().stream()
                .filter(a -> owner.getOrDefault(AliasKey.text(a), entry.id()).equals(entry.id())).toList();
        return new NameEntry(entry.id(), entry.canonical(), entry.kind(), aliases, anchored);
    }
}
