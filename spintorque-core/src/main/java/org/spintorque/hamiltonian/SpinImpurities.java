package org.spintorque.hamiltonian;

import java.util.Collections;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.spintorque.lattice.Bond;
import org.spintorque.lattice.Lattice;
import org.spintorque.lattice.Site;
import org.spintorque.linalg.ComplexMatrix;
import org.spintorque.texture.Vector3;

/**
 * Spin-flip impurities, eq. (7) ("spin-flip"): {@code H_ii = v_s S_imp,i . Sigma} on the impurity sites
 * (classical, frozen impurity spins of any length), nothing elsewhere. The spin source is eq. (9) site by
 * site, {@code T_on(i) = 2 v_s (S_imp,i x s_i)}.
 */
public final class SpinImpurities extends DisorderTerm {
    private final double vs;
    private final Map<Integer, Vector3> spins;

    /**
     * @param vs    coupling v_s (energy per unit impurity spin)
     * @param spins impurity spin vector per site index of the scattering region (copied)
     */
    public SpinImpurities(String name, double vs, Map<Integer, Vector3> spins) {
        super(name);
        if (!Double.isFinite(vs)) {
            throw new IllegalArgumentException("v_s must be finite, got " + vs);
        }
        this.vs = vs;
        this.spins = Collections.unmodifiableMap(new TreeMap<>(spins));
    }

    public SpinImpurities(double vs, Map<Integer, Vector3> spins) {
        this("spin-flip", vs, spins);
    }

    /**
     * Impurities on a random subset of the scattering region: each site carries one with probability
     * {@code concentration}, its spin of length {@code spinLength} pointing in an isotropically random
     * direction; the configuration is a function of the seed only.
     */
    public static SpinImpurities random(Lattice lattice, double concentration, double spinLength, double vs,
            long seed) {
        if (!(concentration >= 0 && concentration <= 1)) {
            throw new IllegalArgumentException("impurity concentration must be in [0, 1], got " + concentration);
        }
        SplittableRandom rnd = new SplittableRandom(seed);
        Map<Integer, Vector3> spins = new TreeMap<>();
        for (int i = 0; i < lattice.siteCount(); i++) {
            if (rnd.nextDouble() < concentration) {
                double cz = 2 * rnd.nextDouble() - 1;
                double ph = 2 * Math.PI * rnd.nextDouble();
                double sz = Math.sqrt(Math.max(0, 1 - cz * cz));
                spins.put(i, new Vector3(sz * Math.cos(ph), sz * Math.sin(ph), cz).times(spinLength));
            }
        }
        return new SpinImpurities(vs, spins);
    }

    public double vs() {
        return vs;
    }

    /** Impurity spin per site index (unmodifiable). */
    public Map<Integer, Vector3> spins() {
        return spins;
    }

    /** The impurity spin at site i, or the zero vector. */
    public Vector3 spin(int i) {
        return spins.getOrDefault(i, Vector3.ZERO);
    }

    @Override
    public ComplexMatrix onsite(Site site) {
        Vector3 s = spins.get(site.index());
        if (s == null) {
            return null;
        }
        return Pauli.dot(site.lattice().orbitals(), vs * s.x(), vs * s.y(), vs * s.z());
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
        return name() + " (" + spins.size() + " impurities, v_s = " + vs + ")";
    }
}
