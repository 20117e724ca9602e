package org.spintorque.disorder;

import java.util.Locale;
import org.spintorque.hamiltonian.DisorderTerm;
import org.spintorque.lattice.Bond;
import org.spintorque.lattice.Site;
import org.spintorque.linalg.ComplexMatrix;

/**
 * Anderson disorder ("anderson" by default): a spin-independent random on-site potential on every site of the
 * scattering region, {@code H_ii = V_i 1} (the same V_i for every orbital and spin), nothing in the leads. It
 * sets a momentum lifetime without relaxing spin: it commutes with {@code Sigma}, so it has no spin source.
 *
 * <p>Distributions, both of zero mean: {@link Distribution#BOX} uniform in {@code [-W/2, W/2]} (variance
 * {@code W^2/12}, Anderson's convention) and {@link Distribution#GAUSSIAN} normal with standard deviation W.
 * V_i is a pure function of (seed, realization, site index) through {@link DisorderRandom} (purpose
 * {@link DisorderRandom#ANDERSON_POTENTIAL}). Immutable and thread-safe.
 */
public final class AndersonDisorder extends DisorderTerm {
    /** The default term name. */
    public static final String NAME = "anderson";

    /** The distribution of the on-site potential. */
    public enum Distribution {
        /** Uniform in [-W/2, W/2]. */
        BOX,
        /** Normal with standard deviation W. */
        GAUSSIAN;

        /** "box" or "gaussian" (case-insensitive). */
        public static Distribution parse(String s) {
            return switch (s == null ? "" : s.trim().toLowerCase(Locale.ROOT)) {
                case "box" -> BOX;
                case "gaussian" -> GAUSSIAN;
                default -> throw new IllegalArgumentException("Anderson distribution must be \"box\" or "
                        + "\"gaussian\", got \"" + s + "\"");
            };
        }
    }

    private final double strength;
    private final Distribution distribution;
    private final DisorderRandom random;

    /**
     * Named "anderson".
     *
     * @param strength     W in units of t (box width, or Gaussian standard deviation), >= 0
     * @param distribution box or Gaussian
     * @param seed         ensemble seed
     * @param realization  realization index
     */
    public AndersonDisorder(double strength, Distribution distribution, long seed, long realization) {
        this(NAME, strength, distribution, seed, realization);
    }

    public AndersonDisorder(String name, double strength, Distribution distribution, long seed, long realization) {
        super(SpinFlipImpurities.checkName(name));
        if (!(strength >= 0) || !Double.isFinite(strength)) {
            throw new IllegalArgumentException("Anderson strength W must be finite and >= 0, got " + strength);
        }
        if (distribution == null) {
            throw new IllegalArgumentException("Anderson disorder needs a distribution (box or gaussian)");
        }
        this.strength = strength;
        this.distribution = distribution;
        this.random = new DisorderRandom(seed, realization);
    }

    /** W in units of t. */
    public double strength() {
        return strength;
    }

    public Distribution distribution() {
        return distribution;
    }

    public long seed() {
        return random.seed();
    }

    public long realization() {
        return random.realization();
    }

    /** The potential V_i of the site of this index of the scattering region. */
    public double potential(int siteIndex) {
        return switch (distribution) {
            case BOX -> strength * (random.uniform(siteIndex, DisorderRandom.ANDERSON_POTENTIAL) - 0.5);
            case GAUSSIAN -> strength * random.gaussian(siteIndex, DisorderRandom.ANDERSON_POTENTIAL);
        };
    }

    @Override
    public ComplexMatrix onsite(Site site) {
        if (!site.inScatteringRegion()) {
            return null;
        }
        double v = potential(site.index());
        int n = site.lattice().blockSize();
        ComplexMatrix m = new ComplexMatrix(n, n);
        for (int k = 0; k < n; k++) {
            m.set(k, k, v, 0);
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
        return name() + " (W = " + strength + ", " + distribution.name().toLowerCase(Locale.ROOT) + ", seed "
                + seed() + ", realization " + realization() + ")";
    }
}
