package org.spintorque.hamiltonian;

import org.spintorque.lattice.Bond;
import org.spintorque.lattice.Site;
import org.spintorque.linalg.ComplexMatrix;

/**
 * Spin-independent nearest-neighbour hopping ("hopping", the kinetic term):
 * {@code <r + e_d|H|r> = T_d (x) 1_spin}, with the orbital matrix {@code T_d = -t_d 1_orb} by default, or any
 * orbital matrix per direction d. With one orbital the band is {@code -2 t (cos k_x + cos k_y + cos k_z)} and
 * the group velocity along x is {@code 2 t sin k_x}. Being spin independent, it carries spin current but has
 * no spin source.
 */
public final class Hopping implements HamiltonianTerm {
    private final String name;
    private final double[] t;
    private final ComplexMatrix[] orbitalMatrices;

    private Hopping(String name, double[] t, ComplexMatrix[] orbitalMatrices) {
        this.name = name;
        this.t = t;
        this.orbitalMatrices = orbitalMatrices;
    }

    /** {@code -t} on every bond and orbital. */
    public Hopping(double t) {
        this("hopping", new double[] {t, t, t}, null);
        if (!Double.isFinite(t)) {
            throw new IllegalArgumentException("hopping t must be finite, got " + t);
        }
    }

    /** {@code -t_x, -t_y, -t_z} along x, y, z. */
    public static Hopping anisotropic(double tx, double ty, double tz) {
        return new Hopping("hopping", new double[] {tx, ty, tz}, null);
    }

    /**
     * Orbital matrices per direction: {@code <r + e_d|H|r> = m[d] (x) 1_spin}, where m[d] is the full orbital
     * block including its sign (pass {@code -t 1} for the plain case). Matrices must be orbitals x orbitals of
     * the lattice; null entries mean no hopping along that direction.
     */
    public static Hopping withOrbitalMatrices(String name, ComplexMatrix mx, ComplexMatrix my, ComplexMatrix mz) {
        ComplexMatrix[] m = {copyOrNull(mx), copyOrNull(my), copyOrNull(mz)};
        for (ComplexMatrix c : m) {
            if (c != null && c.rows() != c.cols()) {
                throw new IllegalArgumentException("orbital hopping matrices must be square, got " + c.rows()
                        + "x" + c.cols());
            }
        }
        return new Hopping(name, null, m);
    }

    private static ComplexMatrix copyOrNull(ComplexMatrix m) {
        return m == null ? null : m.copy();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ComplexMatrix onsite(Site site) {
        return null;
    }

    @Override
    public boolean hasOnsite() {
        return false;
    }

    @Override
    public ComplexMatrix hopping(Bond bond) {
        int orbitals = bond.from().lattice().orbitals();
        int d = bond.direction().axis();
        if (orbitalMatrices == null) {
            ComplexMatrix m = new ComplexMatrix(2 * orbitals, 2 * orbitals);
            for (int k = 0; k < 2 * orbitals; k++) {
                m.set(k, k, -t[d], 0);
            }
            return m;
        }
        ComplexMatrix o = orbitalMatrices[d];
        if (o == null) {
            return null;
        }
        if (o.rows() != orbitals) {
            throw new IllegalArgumentException("hopping term '" + name + "' has " + o.rows()
                    + " orbitals, the lattice " + orbitals);
        }
        return o.kron(ComplexMatrix.identity(2));
    }

    @Override
    public String toString() {
        return name + (t != null ? " (t = " + t[0] + ", " + t[1] + ", " + t[2] + ")" : " (orbital matrices)");
    }
}
