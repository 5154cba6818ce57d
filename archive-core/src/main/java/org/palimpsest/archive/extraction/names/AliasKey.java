package org.palimpsest.archive.extraction.names;

/**
 * The form in which aliases and text are compared: lowercase, without the separators that languages put, or leave
 * out, between the parts of a name — spaces, the Japanese ・ and ＝, the Chinese ·. So {@code 일론 머스크} also matches
 * {@code 일론머스크}, {@code イーロン・マスク} matches {@code イーロン マスク}, and {@code 埃隆·马斯克} matches
 * {@code 埃隆・马斯克}.
 */
final class AliasKey {

    private AliasKey() {
    }

    static boolean isSeparator(int cp) {
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp)
                || cp == '・' || cp == '·' || cp == '･' || cp == '‧' || cp == '=' || cp == '＝' || cp == '゠';
    }

    static int fold(int cp) {
        return Character.toLowerCase(cp);
    }

    /** The folded code points of {@code alias}, separators dropped. */
    static int[] of(String alias) {
        return alias.codePoints().filter(cp -> !isSeparator(cp)).map(AliasKey::fold).toArray();
    }

    /** {@link #of} as a string, for maps. */
    static String text(String alias) {
        int[] key = of(alias);
        return new String(key, 0, key.length);
    }

    static boolean hasSeparator(String alias) {
        return alias.strip().codePoints().anyMatch(AliasKey::isSeparator);
    }
}
