package org.spintorque.config;

import org.spintorque.units.Quantity;
import org.spintorque.units.Unit;

/**
 * A parameter scan, {@code table.key=start:stop:points} with an optional {@code :log}, e.g.
 * {@code model.exchange=0.1eV:1.0eV:19} or {@code lifetimes.tau_sf=10fs:10ps:31:log}. Start and stop may
 * carry units; the values are held in the parameter's documented unit.
 */
public record SweepSpec(ParameterSpec parameter, double start, double stop, int points, boolean logarithmic) {

    public static SweepSpec parse(String text, ParameterSchema schema) {
        int eq = text.indexOf('=');
        String usage = "--sweep expects table.key=start:stop:points[:log] (e.g. model.exchange=0.1eV:1.0eV:19)";
        if (eq <= 0) {
            throw new InputException(usage + ", got '" + text + "'");
        }
        String path = text.substring(0, eq).trim();
        ParameterSpec spec = schema.find(path).orElseThrow(() -> new InputException("--sweep " + text
                + ": unknown parameter " + path
                + schema.closest(path).map(c -> "; did you mean " + c + "?").orElse("")));
        if (!spec.isNumeric()) {
            throw new InputException("--sweep " + text + ": " + path + " is not a number and cannot be scanned");
        }
        String[] parts = text.substring(eq + 1).split(":");
        if (parts.length < 3 || parts.length > 4 || (parts.length == 4 && !parts[3].trim().equals("log")
                && !parts[3].trim().equals("lin"))) {
            throw new InputException(usage + ", got '" + text + "'");
        }
        Unit unit = spec.parsedUnit();
        double start;
        double stop;
        int points;
        try {
            start = Quantity.parse(parts[0], unit).in(unit);
            stop = Quantity.parse(parts[1], unit).in(unit);
        } catch (IllegalArgumentException e) {
            throw new InputException("--sweep " + text + ": " + e.getMessage());
        }
        try {
            points = Integer.parseInt(parts[2].trim());
        } catch (NumberFormatException e) {
            throw new InputException("--sweep " + text + ": the number of points '" + parts[2]
                    + "' must be a whole number >= 2");
        }
        if (points < 2 || points > 100_000) {
            throw new InputException("--sweep " + text + ": points = " + points + " must be between 2 and 100000");
        }
        boolean log = parts.length == 4 && parts[3].trim().equals("log");
        if (log && (start <= 0 || stop <= 0)) {
            throw new InputException("--sweep " + text + ": a log sweep needs start and stop > 0");
        }
        if (start == stop) {
            throw new InputException("--sweep " + text + ": start and stop are equal");
        }
        return new SweepSpec(spec, start, stop, points, log);
    }

    /** The i-th value, in the documented unit; the end points are exact. */
    public double value(int i) {
        if (i == 0) {
            return start;
        }
        if (i == points - 1) {
            return stop;
        }
        double f = (double) i / (points - 1);
        return logarithmic ? start * Math.pow(stop / start, f) : start + (stop - start) * f;
    }

    @Override
    public String toString() {
        return parameter.path() + "=" + start + ":" + stop + ":" + points + (logarithmic ? ":log" : "")
                + " [" + parameter.unitLabel() + "]";
    }
}
