package org.palimpsest.archive.extraction;

import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * Seeded random documents built from every kind of block the analysers meet, in the combinations that decide where a
 * text can be cut into parts: lists that go on after blank lines, fences and HTML blocks holding blank lines (closed
 * and left open), indented continuations, quotes taken up again after a blank line, lazy lines, headings right under
 * a header label that waits for its value, wrapped address lists and attributions, chrome runs, front matter, link
 * and footnote definitions, CJK text, characters outside the BMP and odd spaces. Written for these tests; the words
 * are ours.
 */
public final class GeneratedDocuments {

    private static final List<String> SENTENCES = List.of(
            "The ferry timetable changed on 4 March 2019 after the storm.",
            "Nobody answered the second letter.",
            "In late 2020 the archive moved to the old customs house.",
            "2018년 5월 3일, 조합은 새 계약서에 서명했다.",
            "지난달 2월 29일 회의는 연기되었다.",
            "2017年9月15日、委員会は報告書を公表した。",
            "昨年の秋に工事が再開された。",
            "The pier reopened last month, the notice says.",
            "Mara Quill met the inspectors in spring 2016.",
            "See https://example.org/notes/7 for the minutes.",
            "The clerk wrote `2019-01-01` in the margin.",
            "It cost ██████ won, according to the memo.",
            "A footnote marker sits here.[^2]",
            "An emoji 🚢 rides along, and a 𠀋 too.",
            "**Bold claims** and _quiet ones_ alike.",
            "The link [to the register](https://example.org/register) still works.");

    private static final List<Function<Random, String>> BLOCKS = List.of(
            r -> paragraph(r),
            r -> paragraph(r) + "\n" + sentence(r),
            r -> "#".repeat(1 + r.nextInt(4)) + " " + sentence(r),
            r -> sentence(r) + "\n" + (r.nextBoolean() ? "===" : "---"),
            r -> sentence(r) + "\n" + sentence(r) + "\n-",
            r -> list(r, "- "),
            r -> list(r, "* "),
            r -> list(r, "1. "),
            r -> list(r, "3) "),
            r -> "- " + sentence(r) + "\n\n  " + sentence(r) + "\n\n- " + sentence(r),
            r -> "- " + sentence(r) + "\n  - " + sentence(r) + "\n    - " + sentence(r),
            r -> "- \n\n" + sentence(r),
            r -> "> " + sentence(r) + "\n> " + sentence(r) + "\n>\n> " + sentence(r),
            r -> "> " + sentence(r) + "\n" + sentence(r),
            r -> "> > " + sentence(r) + "\n> " + sentence(r),
            r -> "```\n" + sentence(r) + "\n\n" + sentence(r) + "\n```",
            r -> "~~~~ text\n" + sentence(r) + "\n\n\n" + sentence(r) + "\n~~~~",
            r -> "```\n" + sentence(r) + "\n\n" + sentence(r),
            r -> "- item with code\n\n  ```\n  " + sentence(r) + "\n\n  ```\n",
            r -> "> ```\n> " + sentence(r) + "\n>\n> ```",
            r -> "    " + sentence(r) + "\n\n    " + sentence(r),
            r -> "<div>\n" + sentence(r) + "\n</div>",
            r -> "<!-- a comment\n\n" + sentence(r) + "\n-->",
            r -> "<pre>\n" + sentence(r) + "\n\n" + sentence(r) + "\n</pre>",
            r -> "| year | event |\n|---|---|\n| 2018 | survey |\n| 2019 | " + sentence(r) + " |",
            r -> r.nextBoolean() ? "***" : "- - -",
            r -> "![a photo of the pier](https://example.org/pier.jpg)",
            r -> "Share | Like | Comment",
            r -> "## Related posts\n\n- [One](https://example.org/1)\n- [Two](https://example.org/2)",
            r -> "공유\n좋아요\n댓글 3개\n스크랩",
            r -> "Copyright 2024 Harbour Press. All rights reserved.",
            r -> mail(r),
            r -> "> " + mail(r).replace("\n", "\n> "),
            r -> "On Tue, 3 Sep 2024 at 09:15, Mara Quill <mara@example.org> wrote:\n> " + sentence(r) + "\n> "
                    + sentence(r),
            r -> "On Tue, 3 Sep 2024 at 09:15, Mara Quill <\nmara@example.org> wrote:\n> " + sentence(r),
            r -> "---------- Forwarded message ---------\n" + mail(r),
            r -> "```\n" + mail(r) + "\n```",
            r -> "보낸 사람: 김하늘 <sky@example.org>\n받는 사람: ███\n날짜: 2024년 9월 3일 오전 9:15\n제목: 일정\n\n"
                    + sentence(r),
            r -> "Subject:",
            r -> "To: Mara Quill <mara@example.org>,",
            r -> "From: Mara Quill <mara@example.org>\nTo: Teo Marsh <teo@example.org>\nDate: 3 Sep 2024 09:15\nSubject:",
            r -> "Mara Quill 3 September 2024\nTo: Teo Marsh <teo@example.org>\n\n" + sentence(r),
            r -> "\t" + sentence(r),
            r -> "\u3000" + sentence(r),
            r -> "\u00a0" + sentence(r),
            r -> "10. " + sentence(r),
            r -> "1234567890. " + sentence(r),
            r -> "+ " + sentence(r));

    private static final List<String> SEPARATORS = List.of("\n\n", "\n\n", "\n\n", "\n", "\n\n\n", "\n  \n", "\n\t\n",
            "\n\u3000\n");

    private GeneratedDocuments() {
    }

    /**
     * A document of about {@code blocks} blocks. With {@code definitions}, it may also hold link and footnote
     * definitions, which reach across the whole text; with {@code frontMatter}, YAML front matter may open it.
     */
    public static String document(Random random, int blocks, boolean definitions, boolean frontMatter) {
        StringBuilder text = new StringBuilder();
        if (frontMatter && random.nextInt(3) == 0) {
            text.append("---\ntitle: Harbour notes\nsource: https://example.org/harbour\ndate: 2024-09-03\n---\n");
            text.append(random.nextBoolean() ? "\n" : "");
        }
        for (int i = 0; i < blocks; i++) {
            if (i > 0) {
                text.append(SEPARATORS.get(random.nextInt(SEPARATORS.size())));
            }
            text.append(BLOCKS.get(random.nextInt(BLOCKS.size())).apply(random));
        }
        if (definitions && random.nextBoolean()) {
            text.append("\n\n[to the register]: https://example.org/register\n\n[^2]: ").append(sentence(random));
        }
        return text.append(random.nextBoolean() ? "\n" : "").toString();
    }

    /**
     * {@code text} with one stretch replaced by a snippet that may change the structure around it (a fence, a blank
     * line, a heading, a list marker, a header label) or only a few words, as a translation fix does.
     */
    public static String edited(String text, Random random) {
        List<String> snippets = List.of("the ledger", "", "x", "\n\n", "\n```\n", "```", "\n# A heading\n", "\n- ",
                "\n> ", "From: a@example.org\nTo: b@example.org\n", "\n\n---\n\n", "2019년 3월 1일", "<!--",
                "\n    indented\n", "**", "[x](https://example.org/x)", "Subject:\n", ",\n", "\n\n## Part\n\n", "]:",
                sentence(random));
        int start = random.nextInt(text.length() + 1);
        int end = Math.min(text.length(), start + random.nextInt(30));
        // Never split a surrogate pair: the analysers get valid text.
        while (start > 0 && start < text.length() && Character.isLowSurrogate(text.charAt(start))) {
            start--;
        }
        while (end < text.length() && Character.isLowSurrogate(text.charAt(end))) {
            end++;
        }
        return text.substring(0, start) + snippets.get(random.nextInt(snippets.size())) + text.substring(end);
    }

    private static String sentence(Random random) {
        return SENTENCES.get(random.nextInt(SENTENCES.size()));
    }

    private static String paragraph(Random random) {
        StringBuilder paragraph = new StringBuilder(sentence(random));
        for (int i = random.nextInt(3); i > 0; i--) {
            paragraph.append(' ').append(sentence(random));
        }
        return paragraph.toString();
    }

    private static String list(Random random, String marker) {
        StringBuilder list = new StringBuilder();
        int items = 1 + random.nextInt(4);
        for (int i = 0; i < items; i++) {
            if (i > 0) {
                list.append(random.nextInt(3) == 0 ? "\n\n" : "\n");
            }
            list.append(marker).append(sentence(random));
        }
        return list.toString();
    }

    private static String mail(Random random) {
        return "From: Mara Quill <mara@example.org>\nTo: Teo Marsh <teo@example.org>,\n Ines Roe <ines@example.org>\n"
                + "Date: Tue, 3 Sep 2024 09:15:00 +0900\nSubject: pier inspection\n\n" + sentence(random) + "\n"
                + sentence(random);
    }
}
