package org.spintorque.disorder;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.spintorque.hamiltonian.DisorderTerm;
import org.spintorque.hamiltonian.Pauli;
import org.spintorque.lattice.Bond;
import org.spintorque.lattice.Lattice;
import org.spintorque.lattice.Site;
import org.spintorque.linalg.ComplexMatrix;
import org.spintorque.texture.Texture;
import org.spintorque.texture.Vector3;

/**
 * Spin-flip impurities of eq. (7) ("spin-flip" by default), drawn from a reproducible disorder realization:
 * each site of the scattering region independently carries, with probability {@code concentration}
 * (n_imp per site, in [0, 1]), a frozen classical impurity spin {@code S_imp} of length {@code spin}
 * (S_imp), and there
 *
 * <pre>
 *   H_ii = v_s S_imp . Sigma          (Sigma = 1_orb (x) sigma, v_s = strength in units of t)
 * </pre>
 *
 * Nothing elsewhere, nothing on bonds, nothing in the leads. Its spin source is on-site, eq. (9):
 * {@code T_on(i) = i Tr[[H_ii, Sigma] rho_ii] = 2 v_s (S_imp x s_i)}.
 *
 * <p><b>Directions.</b> On an impurity site the spin in the impurity's own frame is
 * {@code S~ = S_imp u}, u an isotropic random unit vector ({@link DisorderRandom#unitVector}). In the default
 * lab frame {@code S_imp = S~}. With a frame texture (the paper's section III A, impurity spins held by the
 * s-d exchange field) {@code S_imp = R(n) S~}, n the texture at the site and R the rotation of eq. (15),
 * {@code R_ab = 2 m_a m_b - delta_ab} with {@code m = (z + n)/|z + n|}: the rotation by pi about the bisector
 * of z and n. It takes z to n (and n to z; R is symmetric and its own inverse, det R = +1), so the component
 * of S~ along z is the component of S_imp along the local magnetization. For {@code n = z} it is the rotation
 * by pi about z, {@code diag(-1, -1, 1)}, not the identity; at {@code n = -z}, where the bisector is undefined,
 * it is the rotation by pi about x, {@code diag(1, -1, -1)} (the limit along the azimuth phi = 0). The same
 * seed and realization give the same impurity sites and the same S~ with or without a frame, so the two models
 * differ only by R.
 *
 * <p><b>Randomness.</b> Occupation and direction are pure functions of (seed, realization, site index) through
 * {@link DisorderRandom} (purposes {@link DisorderRandom#SPIN_FLIP_OCCUPATION} and
 * {@link DisorderRandom#SPIN_FLIP_DIRECTION}): nothing is stored, any site of any realization is regenerated
 * on demand, and the term does not depend on the order in which blocks are asked for. Immutable and
 * thread-safe (given an immutable texture).
 */
public final class SpinFlipImpurities extends DisorderTerm {
    /** The default term name. */
    public static final String NAME = "spin-flip";

    private final double concentration;
    private final double strength;
    private final double spinLength;
    private final Texture frame;
    private final DisorderRandom random;

    /**
     * Isotropic impurity spins in the lab frame, named "spin-flip".
     *
     * @param concentration n_imp, probability that a site carries an impurity, in [0, 1]
     * @param strength      v_s in units of t, >= 0
     * @param spin          impurity spin length S_imp, >= 0
     * @param seed          ensemble seed
     * @param realization   realization index
     */
    public SpinFlipImpurities(double concentration, double strength, double spin, long seed, long realization) {
        this(NAME, concentration, strength, spin, null, seed, realization);
    }

    /**
     * @param name          unique term name
     * @param concentration n_imp in [0, 1]
     * @param strength      v_s (units of t), >= 0
     * @param spin          S_imp, >= 0
     * @param frame         null for isotropic spins in the lab frame, or the texture n whose local frame the
     *                      impurity spins follow ({@code S_imp = R(n) S~})
     * @param seed          ensemble seed
     * @param realization   realization index
     */
    public SpinFlipImpurities(String name, double concentration, double strength, double spin, Texture frame,
            long seed, long realization) {
        super(checkName(name));
        if (!(concentration >= 0 && concentration <= 1)) {
            throw new IllegalArgumentException("spin-flip concentration must be in [0, 1] (impurities per site), got "
                    + concentration);
        }
        if (!(strength >= 0) || !Double.isFinite(strength)) {
            throw new IllegalArgumentException("spin-flip strength v_s must be finite and >= 0, got " + strength);
        }
        if (!(spin >= 0) || !Double.isFinite(spin)) {
            throw new IllegalArgumentException("impurity spin length S_imp must be finite and >= 0, got " + spin);
        }
        this.concentration = concentration;
        this.strength = strength;
        this.spinLength = spin;
        this.frame = frame;
        this.random = new DisorderRandom(seed, realization);
    }

    /** Impurity spins fixed in the local frame of the texture n, {@code S_imp = R(n) S~}, named "spin-flip". */
    public static SpinFlipImpurities followingTexture(double concentration, double strength, double spin,
            Texture texture, long seed, long realization) {
        if (texture == null) {
            throw new IllegalArgumentException("a texture-following impurity model needs a texture");
        }
        return new SpinFlipImpurities(NAME, concentration, strength, spin, texture, seed, realization);
    }

    static String checkName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a disorder term needs a non-blank name");
        }
        return name;
    }

    /** n_imp, impurities per site. */
    public double concentration() {
        return concentration;
    }

    /** v_s in units of t. */
    public double strength() {
        return strength;
    }

    /** S_imp. */
    public double spinLength() {
        return spinLength;
    }

    /** Whether the impurity spins follow a texture's local frame. */
    public boolean followsTexture() {
        return frame != null;
    }

    /** The frame texture, or null for lab-frame spins. */
    public Texture frame() {
        return frame;
    }

    public long seed() {
        return random.seed();
    }

    public long realization() {
        return random.realization();
    }

    /** Whether the site of this index (of the scattering region) carries an impurity in this realization. */
    public boolean isImpurity(int siteIndex) {
        return random.bernoulli(siteIndex, DisorderRandom.SPIN_FLIP_OCCUPATION, concentration);
    }

    /**
     * The impurity spin in its own frame, {@code S~ = S_imp u} (u isotropic), or the zero vector where there is
     * no impurity. Equals {@link #spin(Site)} for lab-frame spins.
     */
    public Vector3 localSpin(int siteIndex) {
        if (!isImpurity(siteIndex)) {
            return Vector3.ZERO;
        }
        return random.unitVector(siteIndex, DisorderRandom.SPIN_FLIP_DIRECTION).times(spinLength);
    }

    /**
     * The impurity spin {@code S_imp} of a site in the lab frame ({@code R(n) S~} with a frame texture), or the
     * zero vector where there is no impurity (lead cells never have one).
     */
    public Vector3 spin(Site site) {
        if (!site.inScatteringRegion()) {
            return Vector3.ZERO;
        }
        Vector3 local = localSpin(site.index());
        if (frame == null || local.equals(Vector3.ZERO)) {
            return local;
        }
        return rotate(frameRotation(frame.n(site.x(), site.y(), site.z())), local);
    }

    /** Every impurity of the scattering region of this lattice: site index to {@code S_imp} (lab frame). */
    public Map<Integer, Vector3> spins(Lattice lattice) {
        Map<Integer, Vector3> out = new TreeMap<>();
        for (int i = 0; i < lattice.siteCount(); i++) {
            if (isImpurity(i)) {
                out.put(i, spin(lattice.site(i)));
            }
        }
        return Collections.unmodifiableMap(out);
    }

    /** Number of impurity sites in the scattering region of this lattice. */
    public int impurityCount(Lattice lattice) {
        int n = 0;
        for (int i = 0; i < lattice.siteCount(); i++) {
            if (isImpurity(i)) {
                n++;
            }
        }
        return n;
    }

    /**
     * The rotation of eq. (15), {@code R_ab = 2 m_a m_b - delta_ab} with {@code m = (z + n)/|z + n|}: by pi about
     * the bisector of z and n, so that {@code R z = n}. Written without normalizing m,
     * {@code R = (z + n)(z + n)^T / (1 + n_z) - 1}, whose third column is n itself; for {@code n_z < 0} the
     * factor {@code 1/(1 + n_z)} is evaluated as {@code (1 - n_z)/(n_x^2 + n_y^2)}, accurate up to the south
     * pole. At {@code n = -z} exactly: {@code diag(1, -1, -1)}. n is normalized first.
     *
     * @return R as rows, {@code R[a][b]}
     */
    public static double[][] frameRotation(Vector3 n) {
        Vector3 u = n.normalized();
        double nx = u.x();
        double ny = u.y();
        double nz = u.z();
        double perp2 = nx * nx + ny * ny;
        if (nz < 0 && perp2 == 0) {
            return new double[][] {{1, 0, 0}, {0, -1, 0}, {0, 0, -1}};
        }
        double inv = nz >= 0 ? 1 / (1 + nz) : (1 - nz) / perp2;
        return new double[][] {
            {nx * nx * inv - 1, nx * ny * inv, nx},
            {nx * ny * inv, ny * ny * inv - 1, ny},
            {nx, ny, nz}};
    }

    /** {@code R v}. */
    public static Vector3 rotate(double[][] r, Vector3 v) {
        return new Vector3(r[0][0] * v.x() + r[0][1] * v.y() + r[0][2] * v.z(),
                r[1][0] * v.x() + r[1][1] * v.y() + r[1][2] * v.z(),
                r[2][0] * v.x() + r[2][1] * v.y() + r[2][2] * v.z());
    }

    @Override
    public ComplexMatrix onsite(Site site) {
        if (!site.inScatteringRegion() || !isImpurity(site.index())) {
            return null;
        }
        Vector3 s = spin(site);
        return Pauli.dot(site.lattice().orbitals(), strength * s.x(), strength * s.y(), strength * s.z());
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
        return name() + " (n_imp = " + concentration + ", v_s = " + strength + ", S_imp = " + spinLength
                + (frame == null ? ", lab frame" : ", following " + frame) + ", seed " + seed() + ", realization "
                + realization() + ")";
    }
}
