package org.spintorque.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.spintorque.config.ParameterSchema;
import org.spintorque.config.ParameterSpec;

/** Renders a command's parameters, grouped by TOML table, with unit, default and meaning. */
final class ParameterHelp {
    private ParameterHelp() { }

    static String[] render(ParameterSchema schema) {
        List<String> lines = new ArrayList<>();
        lines.add("");
        lines.add("Configuration parameters (TOML tables and keys; --set table.key=value overrides):");
        String table = null;
        for (ParameterSpec p : schema.all()) {
            if (!p.table().equals(table)) {
                table = p.table();
                lines.add("");
                lines.add("  [" + table + "]");
            }
            String def = p.defaultValue() == null ? "no default" : "default " + format(p.defaultValue());
            lines.add(String.format(Locale.ROOT, "    %-14s [%s] (%s)", p.key(), p.unitLabel(), def));
            lines.add("        " + p.description()
                    + (p.choices().isEmpty() ? "" : " (one of: " + String.join(", ", p.choices()) + ")"));
        }
        return lines.toArray(new String[0]);
    }

    private static String format(Object v) {
        if (v instanceof double[] list) {
            List<String> items = new ArrayList<>();
            for (double d : list) {
                items.add(format(d));
            }
            return "[" + String.join(", ", items) + "]";
        }
        if (v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString(d.longValue());
        }
        return String.valueOf(v);
    }
}
