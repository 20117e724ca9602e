package org.spintorque.output;

/**
 * One named output number with its unit, as it appears in the printed table, the JSON summary and as a
 * CSV column {@code name [unit]}.
 *
 * @param name        machine name (JSON key, CSV column, plot selector)
 * @param value       the value, finite
 * @param unit        unit label ("1" for dimensionless)
 * @param description one short phrase with the symbol and, where it comes from the paper, the equation
 */
public record ReportedValue(String name, double value, String unit, String description) {
    public ReportedValue {
        if (!Double.isFinite(value)) {
            throw new IllegalStateException(name + " is not finite (" + value + "): a bug, please report");
        }
    }

    /** {@code name [unit]}, the CSV header. */
    public String header() {
        return name + " [" + unit + "]";
    }
}
