package org.spintorque.units;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A number with a unit, as a user writes it: {@code "0.5 eV"}, {@code "20fs"}, {@code "1e12 A/m^2"}. */
public record Quantity(double value, Unit unit) {
    private static final Pattern NUMBER_THEN_UNIT = Pattern.compile(
            "^\\s*([-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?)\\s*(.*?)\\s*$");

    /**
     * Parses text into a quantity; a bare number is taken in {@code defaultUnit}.
     *
     * @throws IllegalArgumentException with a message saying what was expected
     */
    public static Quantity parse(String text, Unit defaultUnit) {
        Matcher m = NUMBER_THEN_UNIT.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a number with an optional unit (e.g. \"1.5 "
                    + defaultUnit.expression() + "\")");
        }
        double v = Double.parseDouble(m.group(1));
        String unitText = m.group(2);
        Unit unit = unitText.isEmpty() ? defaultUnit : Unit.parse(unitText);
        if (!unit.sameDimension(defaultUnit)) {
            throw new IllegalArgumentException("unit '" + unitText + "' (" + unit.describeDimension()
                    + ") does not fit a quantity in " + defaultUnit.expression() + " ("
                    + defaultUnit.describeDimension() + ")");
        }
        return new Quantity(v, unit);
    }

    /** This quantity's value in {@code target}. */
    public double in(Unit target) {
        return unit.convert(value, target);
    }

    @Override
    public String toString() {
        return value + " " + unit.expression();
    }
}
