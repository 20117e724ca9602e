package org.spintorque.hamiltonian;

import java.util.function.ToDoubleFunction;
import org.spintorque.lattice.Bond;
import org.spintorque.lattice.Site;
import org.spintorque.linalg.ComplexMatrix;

/**
 * A spin-independent on-site term ("onsite"): {@code H_ii = V(i) 1} (a scalar potential, constant or a
 * function of the site), optionally plus a Hermitian orbital matrix {@code E_orb (x) 1_spin} (crystal-field
 * levels). It has no spin source, and no charge source either (it commutes with the local density).
 */
public final class Onsite implements HamiltonianTerm {
    private final String name;
    private final ToDoubleFunction<Site> potential;
    private final ComplexMatrix orbitalLevels;
    private final boolean inLeads;

    private Onsite(String name, ToDoubleFunction<Site> potential, ComplexMatrix orbitalLevels, boolean inLeads) {
        this.name = name;
        this.potential = potential;
        this.orbitalLevels = orbitalLevels == null ? null : orbitalLevels.copy();
        this.inLeads = inLeads;
    }

    /** A constant potential v everywhere, leads included (a shift of the band). */
    public Onsite(double v) {
        this("onsite", s -> v, null, true);
    }

    /**
     * A potential given site by site. With {@code inLeads} true it is also evaluated on lead cells
     * ({@code x < 0}, {@code x >= length}) and must then be independent of x there; otherwise it acts in the scattering region
     * only (a gate, a barrier, a random potential).
     */
    public static Onsite of(String name, ToDoubleFunction<Site> potential, boolean inLeads) {
        return new Onsite(name, potential, null, inLeads);
    }

    /** Orbital levels {@code E_orb (x) 1_spin} (Hermitian orbitals x orbitals matrix) on every site and lead. */
    public static Onsite orbitalLevels(String name, ComplexMatrix levels) {
        if (levels.rows() != levels.cols()) {
            throw new IllegalArgumentException("orbital levels must be square, got " + levels.rows() + "x"
                    + levels.cols());
        }
        return new Onsite(name, null, levels, true);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean extendsIntoLeads() {
        return inLeads;
    }

    @Override
    public ComplexMatrix onsite(Site site) {
        int orbitals = site.lattice().orbitals();
        ComplexMatrix m;
        if (orbitalLevels != null) {
            if (orbitalLevels.rows() != orbitals) {
                throw new IllegalArgumentException("onsite term '" + name + "' has " + orbitalLevels.rows()
                        + " orbitals, the lattice " + orbitals);
            }
            m = orbitalLevels.kron(ComplexMatrix.identity(2));
        } else {
            m = new ComplexMatrix(2 * orbitals, 2 * orbitals);
        }
        if (potential != null) {
            double v = potential.applyAsDouble(site);
            for (int k = 0; k < 2 * orbitals; k++) {
                m.add(k, k, v, 0);
            }
        }
        return m;
    }

    @Override
    public ComplexMatrix hopping(Bond bond) {
        return null;
    }

    @Override
    public boolean hasHopping() {
        return false;
    }

    @Override
    public String toString() {
        return name + (inLeads ? "" : " (scattering region only)");
    }
}
