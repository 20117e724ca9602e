package org.spintorque.disorder;

import java.util.Locale;
import org.spintorque.hamiltonian.DisorderTerm;
import org.spintorque.hamiltonian.Pauli;
import org.spintorque.lattice.Bond;
import org.spintorque.lattice.Lattice;
import org.spintorque.lattice.Site;
import org.spintorque.linalg.ComplexMatrix;

/**
 * Spin-orbit impurities of eq. (8) ("spin-orbit" by default), with the index of the paper corrected as in
 * physics.md section 6 (the potential component i goes with sigma^i, as in the paper's eq. (30)):
 *
 * <pre>
 *   H_so = -(i/2) lambda_so sum_ijk eps_ijk  integral (d_j V^(i)) c^dag sigma^i d&lt;-&gt;_k c,
 *   c^dag d&lt;-&gt;_k c = c^dag (d_k c) - (d_k c^dag) c.
 * </pre>
 *
 * <p><b>Continuum form.</b> Integrating the second half of {@code d<->} by parts,
 * {@code -integral (d_k c^dag) f c = integral c^dag d_k (f c)}, turns H_so into the first-quantized operator
 *
 * <pre>
 *   h_so = lambda_so sum_i sigma^i sum_jk eps_ijk (1/2) {f_ij, p_k},      f_ij = d_j V^(i),  p = -i grad,
 * </pre>
 *
 * and since {@code {f, p_k} = 2 f p_k - i d_k f} and {@code sum_jk eps_ijk d_k d_j V^(i) = 0}, this is
 * {@code lambda_so sum_i sigma^i (grad V^(i) x p)_i}, the form of physics.md section 6 (hbar = a = 1). The
 * symmetrized product is what keeps the discretization Hermitian.
 *
 * <p><b>Lattice form.</b> Both derivatives become centered differences: {@code f_ij(r) -> D_j V^(i)(r) =
 * [V^(i)(r + e_j) - V^(i)(r - e_j)]/2} and {@code (p_k psi)(r) = -i [psi(r + e_k) - psi(r - e_k)]/2}. The
 * symmetrized product {@code (1/2){D_j V^(i), p_k}} has no diagonal element and couples only nearest
 * neighbours, {@code <r + e_k| (1/2){f, p_k} |r> = (i/4) [f(r) + f(r + e_k)]}. So the term is a pure
 * spin-dependent hopping: for the bond {@code i -> j = i + e_k}
 *
 * <pre>
 *   H_ji = i lambda_so sum_a w^a sigma^a (x) 1_orb,
 *   w^a  = (1/4) sum_b eps_abk [D_b V^(a)(r_i) + D_b V^(a)(r_j)]
 * </pre>
 *
 * (the transverse gradient at the bond's midpoint, averaged over its two ends), {@code H_ij = H_ji^dagger},
 * and no on-site block. Consequences, each tested:
 * <ul>
 *   <li>Hermitian by construction; time-reversal invariant ({@code i w sigma} is even under
 *       {@code i -> -i, sigma -> -sigma}).</li>
 *   <li>For a potential of constant gradient, {@code V^(a)(r) = g^(a) . r}, the centered difference is exact,
 *       {@code D_b V^(a) = g^(a)_b}, and with {@code H(k) = sum_delta <r|H|r + delta> e^{i k . delta}}
 *       (plane waves {@code e^{i k . r}}, so p = k):
 *       {@code H(k) = lambda_so sum_abk eps_abk g^(a)_b sin(k_k) sigma^a
 *       = lambda_so sum_a sigma^a (g^(a) x k)_a + O(k^3)}.</li>
 *   <li>Its spin source is the hopping source {@code T_hop} only (no {@code T_on}); together with its spin
 *       current it satisfies the lattice continuity identity (physics.md section 3).</li>
 * </ul>
 * Only gradients transverse to a bond enter, so on a chain the term vanishes identically; on a square lattice
 * (no z neighbours, V uniform along z) only {@code V^(z)} enters, as
 * {@code lambda_so sigma^z (d_x V^(z) p_y - d_y V^(z) p_x)}.
 *
 * <p><b>Random potentials.</b> Each site of the scattering region carries an impurity with probability
 * {@code concentration} (n_so). On an impurity site the three potentials {@code V^(x), V^(y), V^(z)} are
 * independent ("three") or one common value V for all three ("common"), with zero mean and unit variance:
 * {@link Distribution#SIGN} values +-1 (default) or {@link Distribution#BOX} uniform in
 * {@code [-sqrt 3, sqrt 3]}. Then {@code <V^(a)(r) V^(b)(r')> = n_so delta_ab delta_rr'} ("three"), the lattice
 * form of eq. (34), and the amplitude is carried by {@code strength} = lambda_so (units of t). V vanishes off
 * impurity sites and outside the scattering region (beyond the hard walls and in the leads); the differences
 * D at the edges use these zeros. Bonds to the leads carry nothing (a disorder term), so the term is the sum
 * over the bonds of the scattering region. Values come from {@link DisorderRandom} (purposes
 * {@link DisorderRandom#SPIN_ORBIT_OCCUPATION} and {@link DisorderRandom#SPIN_ORBIT_POTENTIAL} + a), as pure
 * functions of (seed, realization, site index): nothing is stored.
 *
 * <p>{@link #ofPotential} gives the same discretization for a prescribed potential (a constant gradient, a
 * single impurity, ...). Immutable and thread-safe.
 */
public final class SpinOrbitImpurities extends DisorderTerm {
    /** The default term name. */
    public static final String NAME = "spin-orbit";

    private static final double SQRT3 = Math.sqrt(3);

    /** Whether the three potentials V^(x), V^(y), V^(z) are independent or one common V. */
    public enum Components {
        /** Three independent potentials, eq. (34). */
        THREE,
        /** One potential V for all three components. */
        COMMON;

        /** "three" or "common" (case-insensitive). */
        public static Components parse(String s) {
            return switch (s == null ? "" : s.trim().toLowerCase(Locale.ROOT)) {
                case "three" -> THREE;
                case "common" -> COMMON;
                default -> throw new IllegalArgumentException("spin-orbit components must be \"three\" or "
                        + "\"common\", got \"" + s + "\"");
            };
        }
    }

    /** Distribution of the potential on an impurity site; both have zero mean and unit variance. */
    public enum Distribution {
        /** +1 or -1 with equal probability. */
        SIGN,
        /** Uniform in [-sqrt 3, sqrt 3]. */
        BOX;

        /** "sign" or "box" (case-insensitive). */
        public static Distribution parse(String s) {
            return switch (s == null ? "" : s.trim().toLowerCase(Locale.ROOT)) {
                case "sign" -> SIGN;
                case "box" -> BOX;
                default -> throw new IllegalArgumentException("spin-orbit distribution must be \"sign\" or "
                        + "\"box\", got \"" + s + "\"");
            };
        }
    }

    /** A prescribed potential V^(a) on the sites of the scattering region. */
    @FunctionalInterface
    public interface Potential {
        /** V^(component) at a site of the scattering region (component 0, 1, 2 = x, y, z). */
        double value(Site site, int component);
    }

    private final double strength;
    private final double concentration;
    private final Components components;
    private final Distribution distribution;
    private final DisorderRandom random;
    private final Potential prescribed;

    /**
     * Random impurities with +-1 potentials, named "spin-orbit".
     *
     * @param concentration n_so, probability that a site carries an impurity, in [0, 1]
     * @param strength      lambda_so in units of t, >= 0
     * @param components    three independent potentials or one common potential
     * @param seed          ensemble seed
     * @param realization   realization index
     */
    public SpinOrbitImpurities(double concentration, double strength, Components components, long seed,
            long realization) {
        this(NAME, concentration, strength, components, Distribution.SIGN, seed, realization);
    }

    /**
     * Random impurities.
     *
     * @param name          unique term name
     * @param concentration n_so in [0, 1]
     * @param strength      lambda_so (units of t), >= 0
     * @param components    "three" independent potentials or one "common" potential
     * @param distribution  +-1 or box values (zero mean, unit variance)
     * @param seed          ensemble seed
     * @param realization   realization index
     */
    public SpinOrbitImpurities(String name, double concentration, double strength, Components components,
            Distribution distribution, long seed, long realization) {
        super(SpinFlipImpurities.checkName(name));
        if (!(concentration >= 0 && concentration <= 1)) {
            throw new IllegalArgumentException("spin-orbit concentration must be in [0, 1] (impurities per site), "
                    + "got " + concentration);
        }
        if (!(strength >= 0) || !Double.isFinite(strength)) {
            throw new IllegalArgumentException("spin-orbit strength lambda_so must be finite and >= 0, got "
                    + strength);
        }
        if (components == null || distribution == null) {
            throw new IllegalArgumentException("spin-orbit impurities need components and a distribution");
        }
        this.strength = strength;
        this.concentration = concentration;
        this.components = components;
        this.distribution = distribution;
        this.random = new DisorderRandom(seed, realization);
        this.prescribed = null;
    }

    private SpinOrbitImpurities(String name, double strength, Potential potential) {
        super(SpinFlipImpurities.checkName(name));
        if (!Double.isFinite(strength)) {
            throw new IllegalArgumentException("spin-orbit strength lambda_so must be finite, got " + strength);
        }
        if (potential == null) {
            throw new IllegalArgumentException("a prescribed spin-orbit potential must not be null");
        }
        this.strength = strength;
        this.concentration = Double.NaN;
        this.components = Components.THREE;
        this.distribution = null;
        this.random = null;
        this.prescribed = potential;
    }

    /**
     * The same lattice form of eq. (8) for a prescribed (non-random) potential, evaluated on the sites of the
     * scattering region and zero outside it. The potential must be a pure function.
     *
     * @param strength lambda_so (any finite value)
     */
    public static SpinOrbitImpurities ofPotential(String name, double strength, Potential potential) {
        return new SpinOrbitImpurities(name, strength, potential);
    }

    /** lambda_so in units of t. */
    public double strength() {
        return strength;
    }

    /** n_so per site, or NaN for a prescribed potential. */
    public double concentration() {
        return concentration;
    }

    public Components components() {
        return components;
    }

    /** The value distribution, or null for a prescribed potential. */
    public Distribution distribution() {
        return distribution;
    }

    /** Whether the potential is random (false for {@link #ofPotential}). */
    public boolean isRandom() {
        return random != null;
    }

    /** The ensemble seed (0 for a prescribed potential). */
    public long seed() {
        return random == null ? 0 : random.seed();
    }

    /** The realization index (0 for a prescribed potential). */
    public long realization() {
        return random == null ? 0 : random.realization();
    }

    /** Whether the site of this index carries a spin-orbit impurity in this realization (random model only). */
    public boolean isImpurity(int siteIndex) {
        if (random == null) {
            throw new IllegalStateException("a prescribed potential has no impurity sites");
        }
        return random.bernoulli(siteIndex, DisorderRandom.SPIN_ORBIT_OCCUPATION, concentration);
    }

    /**
     * {@code V^(component)} at lattice point (x, y, z): the potential on a site of the scattering region, zero
     * anywhere else (beyond the hard walls, in the leads).
     */
    public double potential(Lattice lattice, int component, int x, int y, int z) {
        if (component < 0 || component > 2) {
            throw new IndexOutOfBoundsException("potential component " + component + " is not 0, 1, 2");
        }
        if (!lattice.contains(x, y, z)) {
            return 0;
        }
        if (prescribed != null) {
            return prescribed.value(lattice.site(x, y, z), component);
        }
        int i = lattice.index(x, y, z);
        if (!isImpurity(i)) {
            return 0;
        }
        long purpose = DisorderRandom.SPIN_ORBIT_POTENTIAL + (components == Components.COMMON ? 0 : component);
        return switch (distribution) {
            case SIGN -> random.sign(i, purpose);
            case BOX -> SQRT3 * (2 * random.uniform(i, purpose) - 1);
        };
    }

    /** {@code V^(component)} on a site (zero on lead cells). */
    public double potential(Site site, int component) {
        return potential(site.lattice(), component, site.x(), site.y(), site.z());
    }

    /**
     * The centered difference {@code D_b V^(a)(r) = [V^(a)(r + e_b) - V^(a)(r - e_b)]/2} at a site (which may be a
     * lead cell, where it uses the zeros outside the scattering region).
     */
    public double gradient(Site site, int a, int b) {
        Lattice l = site.lattice();
        int dx = b == 0 ? 1 : 0;
        int dy = b == 1 ? 1 : 0;
        int dz = b == 2 ? 1 : 0;
        return 0.5 * (potential(l, a, site.x() + dx, site.y() + dy, site.z() + dz)
                - potential(l, a, site.x() - dx, site.y() - dy, site.z() - dz));
    }

    /**
     * The spin vector w of the bond {@code i -> j = i + e_k}, {@code H_ji = i lambda_so w . sigma}:
     * {@code w^a = (1/4) sum_b eps_abk [D_b V^(a)(r_i) + D_b V^(a)(r_j)]}.
     */
    public double[] bondVector(Bond bond) {
        int k = bond.direction().axis();
        double[] w = new double[3];
        // eps_abk != 0 for (a, b) = (k+1, k+2) with +1 and (k+2, k+1) with -1 (indices mod 3)
        int a1 = (k + 1) % 3;
        int a2 = (k + 2) % 3;
        w[a1] = 0.25 * (gradient(bond.from(), a1, a2) + gradient(bond.to(), a1, a2));
        w[a2] = -0.25 * (gradient(bond.from(), a2, a1) + gradient(bond.to(), a2, a1));
        return w;
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
        double[] w = bondVector(bond);
        if (w[0] == 0 && w[1] == 0 && w[2] == 0) {
            return null;
        }
        double c = strength;
        // i lambda w^a: real part 0, imaginary part lambda w^a, for each sigma^a
        return Pauli.spinBlock(bond.from().lattice().orbitals(), 0, 0, 0, c * w[0], 0, c * w[1], 0, c * w[2]);
    }

    @Override
    public String toString() {
        if (random == null) {
            return name() + " (lambda_so = " + strength + ", prescribed potential)";
        }
        return name() + " (n_so = " + concentration + ", lambda_so = " + strength + ", "
                + components.name().toLowerCase(Locale.ROOT) + ", " + distribution.name().toLowerCase(Locale.ROOT)
                + ", seed " + seed() + ", realization " + realization() + ")";
    }
}
