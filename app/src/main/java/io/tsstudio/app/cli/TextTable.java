package io.tsstudio.app.cli;

import java.util.ArrayList;
import java.util.List;

/** Left-aligned columns separated by two spaces, with an optional header row, for the human-readable outputs. */
final class TextTable {
    private final List<String[]> rows = new ArrayList<>();
    private final String[] header;

    TextTable(String... header) {
        this.header = header.length == 0 ? null : header;
    }

    TextTable row(Object... cells) {
        String[] r = new String[cells.length];
        for (int i = 0; i < cells.length; i++) r[i] = cells[i] == null ? "" : String.valueOf(cells[i]);
        rows.add(r);
        return this;
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    /** The table's lines, each prefixed by {@code indent}, trailing spaces trimmed. */
    String render(String indent) {
        List<String[]> all = new ArrayList<>();
        if (header != null) all.add(header);
        all.addAll(rows);
        int columns = 0;
        for (String[] r : all) columns = Math.max(columns, r.length);
        int[] widths = new int[columns];
        for (String[] r : all) for (int i = 0; i < r.length; i++) widths[i] = Math.max(widths[i], r[i].length());
        StringBuilder sb = new StringBuilder();
        for (String[] r : all) {
            StringBuilder line = new StringBuilder(indent);
            for (int i = 0; i < r.length; i++) {
                line.append(r[i]);
                if (i < r.length - 1) line.append(" ".repeat(widths[i] - r[i].length() + 2));
            }
            sb.append(line.toString().stripTrailing()).append('\n');
        }
        return sb.toString();
    }
}
