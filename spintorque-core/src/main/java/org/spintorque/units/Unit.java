package org.spintorque.units;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A physical unit: a factor to SI and a dimension vector over (m, kg, s, A, K).
 *
 * <p>Parsed from expressions such as {@code "eV"}, {@code "eV nm^3"}, {@code "A/m^2"},
 * {@code "uOhm cm"}, {@code "nm^-3"}, {@code "1/fs"}, {@code "hbar/eV"}: symbols separated by spaces or
 * {@code *}, each with an optional integer power, and at most one {@code /} after which every symbol is in
 * the denominator. Only listed symbols are accepted (no free SI prefixes), so that "A" (ampere) and
 * "m" (metre) are never misread; the angstrom is written {@code Å}, {@code Ang} or {@code angstrom}.
 * Tight-binding models use two units of their own, the hopping {@code t} and the lattice constant
 * {@code a}, which have dimensions of their own and never convert to SI.
 */
public final class Unit {
    // m, kg, s, A, K, and two lattice units that do not convert to SI: the hopping t (energy) and the
    // lattice constant a (length) of a tight-binding model
    private static final int DIMS = 7;
    private static final Map<String, Unit> SYMBOLS = new LinkedHashMap<>();

    private final String expression;
    private final double siFactor;
    private final int[] dimension;

    private Unit(String expression, double siFactor, int[] dimension) {
        this.expression = expression;
        this.siFactor = siFactor;
        this.dimension = dimension;
    }

    private static void symbol(String name, double factor, int m, int kg, int s, int a, int k) {
        SYMBOLS.put(name, new Unit(name, factor, new int[] {m, kg, s, a, k, 0, 0}));
    }

    static {
        double e = PhysicalConstants.ELEMENTARY_CHARGE;
        symbol("1", 1, 0, 0, 0, 0, 0);
        symbol("%", 0.01, 0, 0, 0, 0, 0);
        // length
        symbol("m", 1, 1, 0, 0, 0, 0);
        symbol("cm", 1e-2, 1, 0, 0, 0, 0);
        symbol("mm", 1e-3, 1, 0, 0, 0, 0);
        symbol("um", 1e-6, 1, 0, 0, 0, 0);
        symbol("µm", 1e-6, 1, 0, 0, 0, 0);
        symbol("nm", 1e-9, 1, 0, 0, 0, 0);
        symbol("pm", 1e-12, 1, 0, 0, 0, 0);
        symbol("Å", 1e-10, 1, 0, 0, 0, 0);
        symbol("Ang", 1e-10, 1, 0, 0, 0, 0);
        symbol("angstrom", 1e-10, 1, 0, 0, 0, 0);
        symbol("bohr", PhysicalConstants.BOHR_RADIUS, 1, 0, 0, 0, 0);
        // mass
        symbol("kg", 1, 0, 1, 0, 0, 0);
        symbol("g", 1e-3, 0, 1, 0, 0, 0);
        symbol("m_e", PhysicalConstants.ELECTRON_MASS, 0, 1, 0, 0, 0);
        symbol("me", PhysicalConstants.ELECTRON_MASS, 0, 1, 0, 0, 0);
        // time
        symbol("s", 1, 0, 0, 1, 0, 0);
        symbol("ms", 1e-3, 0, 0, 1, 0, 0);
        symbol("us", 1e-6, 0, 0, 1, 0, 0);
        symbol("µs", 1e-6, 0, 0, 1, 0, 0);
        symbol("ns", 1e-9, 0, 0, 1, 0, 0);
        symbol("ps", 1e-12, 0, 0, 1, 0, 0);
        symbol("fs", 1e-15, 0, 0, 1, 0, 0);
        symbol("as", 1e-18, 0, 0, 1, 0, 0);
        // current
        symbol("A", 1, 0, 0, 0, 1, 0);
        symbol("mA", 1e-3, 0, 0, 0, 1, 0);
        symbol("kA", 1e3, 0, 0, 0, 1, 0);
        symbol("MA", 1e6, 0, 0, 0, 1, 0);
        // temperature
        symbol("K", 1, 0, 0, 0, 0, 1);
        // energy
        symbol("J", 1, 2, 1, -2, 0, 0);
        symbol("eV", e, 2, 1, -2, 0, 0);
        symbol("meV", 1e-3 * e, 2, 1, -2, 0, 0);
        symbol("keV", 1e3 * e, 2, 1, -2, 0, 0);
        symbol("Ry", PhysicalConstants.HARTREE / 2, 2, 1, -2, 0, 0);
        symbol("Ha", PhysicalConstants.HARTREE, 2, 1, -2, 0, 0);
        symbol("hbar", PhysicalConstants.HBAR, 2, 1, -1, 0, 0);
        // electromagnetic
        symbol("C", 1, 0, 0, 1, 1, 0);
        symbol("V", 1, 2, 1, -3, -1, 0);
        symbol("Ohm", 1, 2, 1, -3, -2, 0);
        symbol("Ω", 1, 2, 1, -3, -2, 0);
        symbol("mOhm", 1e-3, 2, 1, -3, -2, 0);
        symbol("uOhm", 1e-6, 2, 1, -3, -2, 0);
        symbol("µOhm", 1e-6, 2, 1, -3, -2, 0);
        symbol("µΩ", 1e-6, 2, 1, -3, -2, 0);
        symbol("S", 1, -2, -1, 3, 2, 0);
        symbol("T", 1, 0, 1, -2, -1, 0);
        symbol("mT", 1e-3, 0, 1, -2, -1, 0);
        symbol("Oe", 1e3 / (4 * Math.PI), -1, 0, 0, 1, 0); // as a field H in A/m
        // lattice units of tight-binding models
        SYMBOLS.put("t", new Unit("t", 1, new int[] {0, 0, 0, 0, 0, 1, 0}));
        SYMBOLS.put("a", new Unit("a", 1, new int[] {0, 0, 0, 0, 0, 0, 1}));
        symbol("rad", 1, 0, 0, 0, 0, 0);
        symbol("deg", Math.PI / 180, 0, 0, 0, 0, 0);
    }

    /** Parses a unit expression; throws {@link IllegalArgumentException} naming the unknown symbol. */
    public static Unit parse(String expression) {
        String text = expression.trim();
        if (text.isEmpty()) {
            return SYMBOLS.get("1");
        }
        String[] parts = text.split("/", -1);
        if (parts.length > 2) {
            throw new IllegalArgumentException("unit '" + expression
                    + "' has more than one '/'; write the denominator with negative powers instead");
        }
        double factor = 1;
        int[] dim = new int[DIMS];
        for (int side = 0; side < parts.length; side++) {
            int sign = side == 0 ? 1 : -1;
            String part = parts[side].trim();
            if (part.isEmpty()) {
                throw new IllegalArgumentException("unit '" + expression + "' has an empty side of '/'");
            }
            for (String token : part.split("[\\s*·]+")) {
                if (token.isEmpty()) {
                    continue;
                }
                String sym = token;
                int power = 1;
                int caret = token.indexOf('^');
                if (caret >= 0) {
                    sym = token.substring(0, caret);
                    try {
                        power = Integer.parseInt(token.substring(caret + 1));
                    } catch (NumberFormatException ex) {
                        throw new IllegalArgumentException("unit '" + expression + "': power in '" + token
                                + "' must be an integer");
                    }
                }
                Unit base = SYMBOLS.get(sym);
                if (base == null) {
                    throw new IllegalArgumentException("unknown unit symbol '" + sym + "' in '" + expression
                            + "'; known symbols: " + String.join(" ", SYMBOLS.keySet()));
                }
                factor *= Math.pow(base.siFactor, sign * power);
                for (int d = 0; d < DIMS; d++) {
                    dim[d] += sign * power * base.dimension[d];
                }
            }
        }
        return new Unit(text, factor, dim);
    }

    /** The factor that converts a value in this unit to SI. */
    public double siFactor() {
        return siFactor;
    }

    public String expression() {
        return expression;
    }

    public boolean sameDimension(Unit other) {
        return Arrays.equals(dimension, other.dimension);
    }

    /** Converts {@code value} given in this unit to {@code target}; the dimensions must agree. */
    public double convert(double value, Unit target) {
        if (!sameDimension(target)) {
            throw new IllegalArgumentException("cannot convert " + expression + " to " + target.expression
                    + ": " + describeDimension() + " is not " + target.describeDimension());
        }
        return value * (siFactor / target.siFactor);
    }

    /** Converts a value between two unit expressions. */
    public static double convert(double value, String from, String to) {
        return parse(from).convert(value, parse(to));
    }

    /** The dimension in SI base units, e.g. {@code m^2 kg s^-2}. */
    public String describeDimension() {
        String[] names = {"m", "kg", "s", "A", "K", "t", "a"};
        StringBuilder sb = new StringBuilder();
        for (int d = 0; d < DIMS; d++) {
            if (dimension[d] != 0) {
                if (sb.length() > 0) {
                    sb.append(' ');
                }
                sb.append(names[d]);
                if (dimension[d] != 1) {
                    sb.append('^').append(dimension[d]);
                }
            }
        }
        return sb.length() == 0 ? "dimensionless" : sb.toString();
    }

    @Override
    public String toString() {
        return expression;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Unit u && u.siFactor == siFactor && Arrays.equals(u.dimension, dimension);
    }

    @Override
    public int hashCode() {
        return Double.hashCode(siFactor) * 31 + Arrays.hashCode(dimension);
    }
}
