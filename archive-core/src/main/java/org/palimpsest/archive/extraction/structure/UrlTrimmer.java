package org.palimpsest.archive.extraction.structure;

/**
 * Takes off the end of a bare URL what belongs to the sentence around it: {@code see https://example.org/a.}
 * links to {@code https://example.org/a}. Trailing punctuation goes, and a closing bracket goes when the URL
 * holds fewer opening ones ({@code (see https://example.org/a)}), while
 * {@code https://en.wikipedia.org/wiki/Set_(mathematics)} keeps its own parenthesis. The rule is GitHub's
 * autolink rule, extended with CJK punctuation.
 */
final class UrlTrimmer {

    private static final String TRAILING_PUNCTUATION = ".,:;!?'\"*_~。、，：；！？…”’";

    private UrlTrimmer() {
    }

    static String trim(String url) {
        String s = url;
        while (!s.isEmpty()) {
            char last = s.charAt(s.length() - 1);
            if (TRAILING_PUNCTUATION.indexOf(last) >= 0) {
                s = s.substring(0, s.length() - 1);
            } else if (isUnbalancedCloser(s, last)) {
                s = s.substring(0, s.length() - 1);
            } else {
                break;
            }
        }
        return s;
    }

    private static boolean isUnbalancedCloser(String s, char last) {
        char open = switch (last) {
            case ')' -> '(';
            case ']' -> '[';
            case '}' -> '{';
            default -> 0;
        };
        return open != 0 && count(s, open) < count(s, last);
    }

    private static long count(String s, char c) {
        return s.chars().filter(ch -> ch == c).count();
    }
}
