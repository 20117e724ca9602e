package org.spintorque.hamiltonian;

import org.spintorque.lattice.Bond;
import org.spintorque.lattice.Site;
import org.spintorque.linalg.ComplexMatrix;
import org.spintorque.texture.Vector3;

/**
 * A uniform Zeeman term ("zeeman"): {@code H_ii = b . Sigma} with b an energy vector.
 *
 * <p>Sign: for an electron (charge -e, magnetic moment {@code -g mu_B sigma/2}) in a field B,
 * {@code H = +(g mu_B / 2) B . sigma}, so {@code b = (g mu_B / 2) B} and the electron spin prefers to point
 * antiparallel to b (along -b). Compare the exchange {@code -M n . sigma}, which favours the spin along n: a
 * Zeeman term with {@code b = -M n} is identical to a uniform exchange along n. Its spin source is
 * {@code T_on = 2 (b x s)} (the precession of s about b).
 */
public final class Zeeman implements HamiltonianTerm {
    private final String name;
    private final Vector3 b;
    private final boolean inLeads;

    /** b . Sigma everywhere, leads included. */
    public Zeeman(Vector3 b) {
        this("zeeman", b, true);
    }

    /** @param inLeads whether the leads feel the field too */
    public Zeeman(String name, Vector3 b, boolean inLeads) {
        if (!Double.isFinite(b.x()) || !Double.isFinite(b.y()) || !Double.isFinite(b.z())) {
            throw new IllegalArgumentException("Zeeman vector must be finite, got " + b);
        }
        this.name = name;
        this.b = b;
        this.inLeads = inLeads;
    }

    public Vector3 b() {
        return b;
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
        return Pauli.dot(site.lattice().orbitals(), b.x(), b.y(), b.z());
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
        return name + " (b = " + b + ")";
    }
}
