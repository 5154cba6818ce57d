package org.palimpsest.archive.analysis;

import java.util.SplittableRandom;

/**
 * Generated texts of a given size in UTF-8 bytes, each shaped to hit a weak spot of a text analyser: no line or
 * sentence breaks, thousands of date-like tokens, deep nesting, header-like lines, long runs of redaction marks,
 * words without spaces. Deterministic: the same shape and size always give the same text.
 */
enum AdversarialText {

    /** One line of words and commas: no newline, no sentence end, for splitters that look for either. */
    ONE_GIANT_LINE {
        @Override
        void piece(StringBuilder out, SplittableRandom random) {
            if (random.nextInt(20) == 0) {
                out.append(NAMES[random.nextInt(NAMES.length)]);
            } else {
                word(out, random, 1 + random.nextInt(12));
            }
            out.append(random.nextInt(7) == 0 ? ", " : " ");
        }
    },
    /** Date-like tokens in many notations and languages, with ranges, on one line without sentence ends. */
    DATE_TOKENS {
        private static final String[] MONTHS = {"January", "Feb", "March", "Sept.", "early", "late", "mid-"};

        @Override
        void piece(StringBuilder out, SplittableRandom random) {
            int y = 1950 + random.nextInt(80);
            int m = 1 + random.nextInt(12);
            int d = 1 + random.nextInt(28);
            switch (random.nextInt(12)) {
                case 0 -> out.append(y).append('-').append(two(m)).append('-').append(two(d));
                case 1 -> out.append(m).append('/').append(d).append('/').append(y);
                case 2 -> out.append(d).append('.').append(m).append('.').append(y);
                case 3 -> out.append(y).append("년 ").append(m).append("월 ").append(d).append("일");
                case 4 -> out.append(y).append('年').append(m).append('月').append(d).append('日');
                case 5 -> out.append(y).append("년 ").append(m).append("월~").append(y + 1).append("년 ").append(m).append('월');
                case 6 -> out.append(y).append('年').append(m).append("月から").append(y + 1).append('年');
                case 7 -> out.append(MONTHS[random.nextInt(MONTHS.length)]).append(' ').append(y);
                case 8 -> out.append(y).append('–').append(y + 1 + random.nextInt(5));
                case 9 -> out.append("지난달 ").append(d).append("일");
                case 10 -> out.append(NAMES[random.nextInt(NAMES.length)]).append(" in ").append(y).append(" and ");
                default -> out.append(d).append(' ').append(MONTHS[random.nextInt(3)]).append(' ').append(y);
            }
            out.append(random.nextInt(5) == 0 ? ", " : " ");
        }
    },
    /** Lists nested ever deeper (to hundreds of levels), bulleted and numbered, then again from the top. */
    DEEP_LISTS {
        @Override
        void piece(StringBuilder out, SplittableRandom random) {
            int depth = random.nextInt(400);
            out.append("  ".repeat(depth)).append(random.nextBoolean() ? "- " : "1. ");
            out.append(NAMES[random.nextInt(NAMES.length)]).append(' ');
            word(out, random, 5);
            out.append(' ').append(1990 + random.nextInt(30)).append('\n');
        }
    },
    /** Quote markers nested hundreds deep, with header-like and attribution lines inside the quotes. */
    DEEP_QUOTES {
        @Override
        void piece(StringBuilder out, SplittableRandom random) {
            int depth = random.nextInt(300);
            String prefix = "> ".repeat(depth);
            out.append(prefix).append("On 3 May 2019, Someone <some").append(random.nextInt(1000)).append("@example.org> wrote:\n");
            out.append(prefix).append("> From: A ").append(random.nextInt(100)).append(" <a@example.org>\n");
            out.append(prefix).append("> Date: 4 May 2019\n");
            out.append(prefix).append("> ");
            word(out, random, 8);
            out.append('\n');
        }
    },
    /**
     * One paragraph of lines that start with digits, brackets and quote marks and never with a letter: a dated list
     * written without blank lines. CommonMark offers each such line to the list and table starts, which asked for a
     * copy of the whole open paragraph every time.
     */
    NUMBER_LED_LINES {
        /** None of these starts a block ("#" needs a space, a year needs "." or ")" to be a list number). */
        private static final String[] OPENINGS = {"", "(", "「", "“", "· ", "[", "—", "#"};
        private static final String[] AFTER_YEAR = {"년 ", "年", ", ", " — "};

        @Override
        void piece(StringBuilder out, SplittableRandom random) {
            int y = 1950 + random.nextInt(80);
            out.append(OPENINGS[random.nextInt(OPENINGS.length)]).append(y);
            out.append(AFTER_YEAR[random.nextInt(AFTER_YEAR.length)]).append(1 + random.nextInt(12)).append(' ');
            word(out, random, 3 + random.nextInt(8));
            out.append(' ').append(NAMES[random.nextInt(NAMES.length)]).append('\n');
        }
    },
    /** Tables of many rows and up to dozens of columns, some rows ragged, some cells empty. */
    BIG_TABLES {
        @Override
        void piece(StringBuilder out, SplittableRandom random) {
            int columns = 1 + random.nextInt(40);
            out.append('\n');
            for (int c = 0; c < columns; c++) {
                out.append("| ");
                word(out, random, 1 + random.nextInt(6));
                out.append(' ');
            }
            out.append("|\n").append("|---".repeat(columns)).append("|\n");
            int rows = 1 + random.nextInt(200);
            for (int r = 0; r < rows; r++) {
                int cells = random.nextInt(columns + 3);
                for (int c = 0; c < cells; c++) {
                    out.append('|');
                    if (random.nextInt(5) > 0) {
                        out.append(' ').append(random.nextInt(3) == 0 ? String.valueOf(1990 + random.nextInt(30)) : "x");
                    }
                }
                out.append("|\n");
            }
        }
    },
    /** Email header lines in several languages, in blocks and alone, many thousands of them. */
    HEADER_LINES {
        private static final String[] LABELS = {"From", "To", "Cc", "Date", "Subject", "Sent", "보낸 사람", "받는 사람",
                "날짜", "제목", "差出人", "宛先", "送信日時", "件名", "Von", "An", "Betreff", "De", "Objet", "Envoyé"};

        @Override
        void piece(StringBuilder out, SplittableRandom random) {
            int lines = 1 + random.nextInt(6);
            for (int i = 0; i < lines; i++) {
                out.append(LABELS[random.nextInt(LABELS.length)]).append(": ");
                switch (random.nextInt(3)) {
                    case 0 -> out.append("Person ").append(random.nextInt(500)).append(" <p").append(random.nextInt(500))
                            .append("@example.com>, other").append(random.nextInt(99)).append("@example.net");
                    case 1 -> out.append(1 + random.nextInt(28)).append(" Mar 2015 10:").append(10 + random.nextInt(50))
                            .append(" +0900");
                    default -> out.append("2015년 3월 ").append(1 + random.nextInt(28)).append("일 오후 3:14");
                }
                out.append('\n');
            }
            if (random.nextInt(4) == 0) {
                out.append("-----Original Message-----\n");
            }
            out.append(random.nextBoolean() ? "\n" : "");
        }
    },
    /** Long runs of block characters, placeholder words and empty brackets, some of them never closed. */
    REDACTION_RUNS {
        @Override
        void piece(StringBuilder out, SplittableRandom random) {
            switch (random.nextInt(6)) {
                case 0 -> out.append("█".repeat(1 + random.nextInt(2000)));
                case 1 -> out.append("■ ".repeat(1 + random.nextInt(500)));
                case 2 -> out.append("[REDACTED] ");
                case 3 -> out.append("[redacted ").append("x".repeat(random.nextInt(50)));
                case 4 -> out.append("< > <> [ ] <\n> ");
                default -> out.append("(삭제됨 ").append("가".repeat(random.nextInt(40))).append(' ');
            }
            out.append(' ');
        }
    },
    /** Headings of every level and setext form, many thousands, with dates in them. */
    MANY_HEADINGS {
        @Override
        void piece(StringBuilder out, SplittableRandom random) {
            if (random.nextInt(4) == 0) {
                word(out, random, 6);
                out.append('\n').append("=".repeat(1 + random.nextInt(40))).append("\n\n");
            } else {
                out.append("#".repeat(1 + random.nextInt(6))).append(' ');
                word(out, random, 6);
                out.append(' ').append(1900 + random.nextInt(120)).append("\n\n");
            }
        }
    },
    /** Words of up to hundreds of thousands of letters, some made to look like URLs and addresses. */
    LONG_WORDS {
        @Override
        void piece(StringBuilder out, SplittableRandom random) {
            switch (random.nextInt(4)) {
                case 0 -> out.append("https://");
                case 1 -> out.append("www.");
                case 2 -> out.append("mailto:");
                default -> { }
            }
            word(out, random, 1 + random.nextInt(200_000));
            if (random.nextBoolean()) {
                out.append('@');
                word(out, random, 1 + random.nextInt(5_000));
            }
            out.append(random.nextInt(3) == 0 ? "\n" : " ");
        }
    },
    /** Korean, Japanese and Chinese run together without spaces, with astral characters and few breaks. */
    MIXED_CJK {
        private static final String[] PIECES = {"서울에서 회의가 열렸다", "東京で会議が開かれた", "北京举行了会议", "𠀋𠂉𡈽",
                "2015년 12월", "2015年12月", "平成二十七年", "「引用」", "『二重』", "（註）", "，", "、", "・"};

        @Override
        void piece(StringBuilder out, SplittableRandom random) {
            out.append(PIECES[random.nextInt(PIECES.length)]);
            if (random.nextInt(200) == 0) {
                out.append("。\n");
            }
        }
    };

    /** Names of the bundled catalog, so that name finding and its join with dated statements have work to do. */
    private static final String[] NAMES = {"Elon Musk", "Altman", "머스크", "サム・アルトマン", "马斯克", "Sam"};

    abstract void piece(StringBuilder out, SplittableRandom random);

    /** The text of this shape, about {@code utf8Bytes} long in UTF-8 (never shorter). */
    String generate(int utf8Bytes) {
        SplittableRandom random = new SplittableRandom(ordinal() * 7919L + 17);
        StringBuilder out = new StringBuilder(utf8Bytes);
        long bytes = 0;
        while (bytes < utf8Bytes) {
            int from = out.length();
            piece(out, random);
            for (int i = from; i < out.length(); i++) {
                char c = out.charAt(i);
                bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : Character.isSurrogate(c) ? 2 : 3;
            }
        }
        return out.toString();
    }

    private static void word(StringBuilder out, SplittableRandom random, int length) {
        for (int i = 0; i < length; i++) {
            out.append((char) ('a' + random.nextInt(26)));
        }
    }

    private static String two(int n) {
        return n < 10 ? "0" + n : Integer.toString(n);
    }
}
