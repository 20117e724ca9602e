package org.spintorque.lattice;

import java.util.Locale;

/** The Bravais lattices: a 1D chain, a 2D square strip, a 3D simple-cubic wire (lattice constant 1). */
public enum LatticeKind {
    /** Sites along x only (width = height = 1). */
    CHAIN(1),
    /** Sites in the x-y plane (height = 1). */
    SQUARE(2),
    /** Simple cubic. */
    CUBIC(3);

    private final int dimension;

    LatticeKind(int dimension) {
        this.dimension = dimension;
    }

    public int dimension() {
        return dimension;
    }

    /** "chain", "square" or "cubic", case-insensitive. */
    public static LatticeKind parse(String s) {
        for (LatticeKind k : values()) {
            if (k.name().equalsIgnoreCase(s.trim())) {
                return k;
            }
        }
        throw new IllegalArgumentException("lattice kind '" + s + "' is not one of \"chain\", \"square\", \"cubic\"");
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
