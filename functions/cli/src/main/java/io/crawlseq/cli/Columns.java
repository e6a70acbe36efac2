package io.crawlseq.cli;

import java.util.List;

/** Left-aligned text columns, two spaces apart, no trailing blanks. */
final class Columns {

    private Columns() {
    }

    static String format(List<List<String>> rows) {
        int columns = rows.stream().mapToInt(List::size).max().orElse(0);
        int[] widths = new int[columns];
        for (List<String> r : rows) {
            for (int c = 0; c < r.size(); c++) {
                widths[c] = Math.max(widths[c], r.get(c).length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (List<String> r : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < r.size(); c++) {
                String cell = r.get(c);
                line.append(cell);
                if (c < r.size() - 1) {
                    line.append(" ".repeat(widths[c] - cell.length() + 2));
                }
            }
            sb.append(line.toString().stripTrailing()).append('\n');
        }
        return sb.toString();
    }
}
