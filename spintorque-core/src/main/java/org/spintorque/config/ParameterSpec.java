package org.spintorque.config;

import org.spintorque.units.Unit;

/**
 * One input parameter: its dotted path ({@code table.key}), documented unit, default and meaning.
 *
 * @param path        {@code table.key} as written in TOML and in {@code --set}
 * @param unit        the documented unit, in which a bare number is read and the resolved value is reported
 *                    ({@code "1"} for dimensionless numbers; {@code null} for text parameters)
 * @param defaultValue the default (a Double or a String), or {@code null} when the parameter has none
 * @param description one line: meaning and valid range
 * @param choices     for text parameters, the accepted words; otherwise empty
 * @param list        whether a list of numbers is accepted (values are then double[])
 */
public record ParameterSpec(String path, String unit, Object defaultValue, String description,
                            java.util.List<String> choices, boolean list) {

    public static ParameterSpec number(String path, String unit, Double defaultValue, String description) {
        return new ParameterSpec(path, unit, defaultValue, description, java.util.List.of(), false);
    }

    /** A number or a list of numbers (TOML array, or comma-separated on the command line); held as double[]. */
    public static ParameterSpec numbers(String path, String unit, double[] defaultValue, String description) {
        return new ParameterSpec(path, unit, defaultValue, description, java.util.List.of(), true);
    }

    public static ParameterSpec text(String path, String defaultValue, String description, String... choices) {
        return new ParameterSpec(path, null, defaultValue, description, java.util.List.of(choices), false);
    }

    public boolean isNumeric() {
        return unit != null;
    }

    public Unit parsedUnit() {
        return Unit.parse(unit);
    }

    public String table() {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? "" : path.substring(0, dot);
    }

    public String key() {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    /** The unit as printed in help and CSV headers ("1" becomes "dimensionless"). */
    public String unitLabel() {
        if (unit == null) {
            return "text";
        }
        return "1".equals(unit) ? "dimensionless" : unit;
    }
}
