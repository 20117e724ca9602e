package org.spintorque.hamiltonian;

import org.spintorque.lattice.Bond;
import org.spintorque.lattice.Site;
import org.spintorque.linalg.ComplexMatrix;

/**
 * Rashba spin-orbit coupling of a structure with its inversion-breaking field along z ("rashba"): the
 * spin-dependent part of the hopping,
 *
 * <pre>
 *   &lt;r + e_x|H|r&gt; = + i alpha_R sigma^y,     &lt;r + e_y|H|r&gt; = - i alpha_R sigma^x,     nothing along z,
 * </pre>
 *
 * each times {@code 1_orb}. Together with {@link Hopping} this is {@code -t + i alpha_R sigma^y} and
 * {@code -t - i alpha_R sigma^x} of the issue; in k space it adds
 * {@code 2 alpha_R (sigma^y sin k_x - sigma^x sin k_y)}. On a chain only the x bonds exist. Being a
 * spin-dependent hopping, its spin source is the hopping source {@code T_hop} (lattice form of eq. (10)).
 */
public final class Rashba implements HamiltonianTerm {
    private final String name;
    private final double alpha;

    public Rashba(double alpha) {
        this("rashba", alpha);
    }

    public Rashba(String name, double alpha) {
        if (!Double.isFinite(alpha)) {
            throw new IllegalArgumentException("Rashba alpha must be finite, got " + alpha);
        }
        this.name = name;
        this.alpha = alpha;
    }

    public double alpha() {
        return alpha;
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
        return switch (bond.direction()) {
            // i alpha sigma^y: coefficient of sigma^y is (0 + i alpha)
            case X -> Pauli.spinBlock(orbitals, 0, 0, 0, 0, 0, alpha, 0, 0);
            // -i alpha sigma^x
            case Y -> Pauli.spinBlock(orbitals, 0, 0, 0, -alpha, 0, 0, 0, 0);
            case Z -> null;
        };
    }

    @Override
    public String toString() {
        return name + " (alpha_R = " + alpha + ")";
    }
}
