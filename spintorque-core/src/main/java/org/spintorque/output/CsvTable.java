package org.spintorque.output;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A CSV table whose header cells carry units, {@code name [unit]}; numbers in full precision. */
public final class CsvTable {
    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();

    public CsvTable(List<String> headers) {
        this.headers = List.copyOf(headers);
    }

    /** A table whose columns are the given values' headers. */
    public static CsvTable of(List<ReportedValue> columns) {
        return new CsvTable(columns.stream().map(ReportedValue::header).toList());
    }

    public void addRow(List<?> cells) {
        if (cells.size() != headers.size()) {
            throw new IllegalArgumentException("row has " + cells.size() + " cells, header " + headers.size());
        }
        List<String> row = new ArrayList<>();
        for (Object c : cells) {
            row.add(format(c));
        }
        rows.add(row);
    }

    public void addValues(List<ReportedValue> values) {
        addRow(values.stream().map(ReportedValue::value).toList());
    }

    public List<String> headers() {
        return headers;
    }

    public int rowCount() {
        return rows.size();
    }

    static String format(Object c) {
        if (c == null) {
            return "";
        }
        if (c instanceof Double d) {
            return Double.toString(d).toLowerCase(Locale.ROOT);
        }
        String s = c.toString();
        if (s.contains(",") || s.contains("\"") || s.contains("\n")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }

    public String render() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.join(",", headers.stream().map(h -> format(h)).toList())).append('\n');
        for (List<String> row : rows) {
            sb.append(String.join(",", row)).append('\n');
        }
        return sb.toString();
    }
}
