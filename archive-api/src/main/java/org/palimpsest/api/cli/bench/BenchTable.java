package org.palimpsest.api.cli.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The one place that turns figures into the printed table: each figure, the raw-driver figure beside it, ratio, target, verdict. */
final class BenchTable {

    private static final String[] HEADER = {"figure", "value", "beside it (raw driver, same run)", "ratio", "target", ""};

    private BenchTable() {
    }

    static String format(List<Figure> figures) {
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        for (Figure figure : figures) {
            Figure.Reference reference = figure.reference();
            rows.add(new String[]{
                    figure.name(),
                    number(figure.value()) + " " + figure.unit(),
                    reference == null ? "" : reference.name() + ": " + number(reference.value()) + " " + reference.unit(),
                    reference == null ? "" : String.format(Locale.ROOT, "%.2f", figure.ratio()),
                    figure.target() == null ? "" : figure.target().describe(),
                    figure.verdict() == null ? "" : figure.verdict()});
        }
        int[] widths = new int[HEADER.length];
        for (String[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        StringBuilder table = new StringBuilder();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < row.length; c++) {
                // Numbers read best right-aligned; words left-aligned.
                String cell = c == 1 || c == 3 ? " ".repeat(widths[c] - row[c].length()) + row[c]
                        : row[c] + " ".repeat(widths[c] - row[c].length());
                line.append(cell).append(c < row.length - 1 ? "  " : "");
            }
            table.append(line.toString().stripTrailing()).append('\n');
        }
        long passed = figures.stream().filter(f -> "PASS".equals(f.verdict())).count();
        long failed = figures.stream().filter(f -> "FAIL".equals(f.verdict())).count();
        table.append(String.format(Locale.ROOT, "%d targets met, %d missed%n", passed, failed));
        return table.toString();
    }

    /** Thousands separated for large values, two or three significant decimals for small ones. */
    static String number(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "n/a";
        }
        double magnitude = Math.abs(value);
        if (magnitude >= 100) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        return String.format(Locale.ROOT, magnitude >= 10 ? "%.1f" : magnitude >= 1 ? "%.2f" : "%.3f", value);
    }
}
