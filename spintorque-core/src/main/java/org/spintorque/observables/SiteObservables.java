package org.spintorque.observables;

import java.util.ArrayList;
import java.util.List;
import org.spintorque.lattice.Lattice;
import org.spintorque.texture.Vector3;

/**
 * The site-resolved observables of physics.md section 3 on the sites of the scattering region (index
 * 0 .. siteCount-1), in total and per Hamiltonian term. Immutable; memory linear in the number of sites
 * (3 doubles per site and quantity, per term where resolved).
 *
 * <ul>
 *   <li>eq. (2): spin density {@code s_i^a = Tr[Sigma^a rho_ii]} and particle density {@code Tr rho_ii};</li>
 *   <li>eq. (5): on-site source {@code T_on^a(i) = i Tr[[H_ii, Sigma^a] rho_ii]} and hopping source
 *       {@code sum_j T_hop^a(i<-j)}, {@code T_hop^a(i<-j) = (i/2) Tr[[H_ji,Sigma^a] rho_ij + [H_ij,Sigma^a] rho_ji]};</li>
 *   <li>eq. (4): divergence {@code sum_j J^a_{i->j}} over every bond of i;</li>
 *   <li>eq. (3): {@code ds_i/dt = -div + T_on + T_hop};</li>
 *   <li>eq. (6): torque on the magnetization, direct ({@code -T} of the magnetization terms, {@code 2M n x s})
 *       and continuity ({@code -div + T_sr}) routes, and their difference.</li>
 * </ul>
 * Charge: {@code dn_i/dt = -sum_j J_{i->j}} (no charge sources).
 */
public final class SiteObservables {
    private final Lattice lattice;
    private final List<String> termNames;
    private final boolean[] relaxation;
    private final boolean[] magnetization;
    private final double[] density;
    private final double[] chargeDivergence;
    private final double[][] chargeDivergenceByTerm;
    private final double[] spin;
    private final double[] onsite;
    private final double[] hopping;
    private final double[] divergence;
    private final double[][] onsiteByTerm;
    private final double[][] hoppingByTerm;
    private final double[][] divergenceByTerm;

    SiteObservables(Lattice lattice, List<String> termNames, boolean[] relaxation, boolean[] magnetization,
            double[] density, double[] chargeDivergence, double[][] chargeDivergenceByTerm, double[] spin,
            double[] onsite, double[] hopping, double[] divergence, double[][] onsiteByTerm,
            double[][] hoppingByTerm, double[][] divergenceByTerm) {
        this.lattice = lattice;
        this.termNames = List.copyOf(termNames);
        this.relaxation = relaxation;
        this.magnetization = magnetization;
        this.density = density;
        this.chargeDivergence = chargeDivergence;
        this.chargeDivergenceByTerm = chargeDivergenceByTerm;
        this.spin = spin;
        this.onsite = onsite;
        this.hopping = hopping;
        this.divergence = divergence;
        this.onsiteByTerm = onsiteByTerm;
        this.hoppingByTerm = hoppingByTerm;
        this.divergenceByTerm = divergenceByTerm;
    }

    public Lattice lattice() {
        return lattice;
    }

    /** Number of sites of the scattering region. */
    public int siteCount() {
        return density.length;
    }

    public List<String> termNames() {
        return termNames;
    }

    /** Names of the terms whose sources make up {@code T_sr} (RELAXATION_SOURCE). */
    public List<String> relaxationTerms() {
        return select(relaxation);
    }

    /** Names of the terms that carry the magnetization (TORQUE_DIRECT). */
    public List<String> magnetizationTerms() {
        return select(magnetization);
    }

    private List<String> select(boolean[] mask) {
        List<String> out = new ArrayList<>();
        for (int k = 0; k < mask.length; k++) {
            if (mask[k]) {
                out.add(termNames.get(k));
            }
        }
        return List.copyOf(out);
    }

    /** Particle density {@code Tr rho_ii} (both spins, all orbitals). */
    public double density(int i) {
        return density[i];
    }

    /** {@code sum_j J_{i->j}}, the charge (particle) current out of site i. */
    public double chargeDivergence(int i) {
        return chargeDivergence[i];
    }

    /** The share of term k in {@link #chargeDivergence(int)}. */
    public double chargeDivergence(int i, int term) {
        return chargeDivergenceByTerm[term][i];
    }

    /** {@code dn_i/dt = -sum_j J_{i->j}}. */
    public double chargeRate(int i) {
        return -chargeDivergence[i];
    }

    /** Component a (0, 1, 2 = x, y, z) of a quantity at site i. */
    public double component(SiteQuantity q, int i, int a) {
        int p = 3 * i + a;
        return switch (q) {
            case SPIN -> spin[p];
            case ONSITE_SOURCE -> onsite[p];
            case HOPPING_SOURCE -> hopping[p];
            case SOURCE -> onsite[p] + hopping[p];
            case DIVERGENCE -> divergence[p];
            case SPIN_RATE -> -divergence[p] + onsite[p] + hopping[p];
            case RELAXATION_SOURCE -> masked(relaxation, p);
            case TORQUE_DIRECT -> -masked(magnetization, p);
            case TORQUE_CONTINUITY -> -divergence[p] + masked(relaxation, p);
            case CONTINUITY_RESIDUAL -> -masked(magnetization, p) + divergence[p] - masked(relaxation, p);
        };
    }

    private double masked(boolean[] mask, int p) {
        double s = 0;
        for (int k = 0; k < mask.length; k++) {
            if (mask[k]) {
                s += onsiteByTerm[k][p] + hoppingByTerm[k][p];
            }
        }
        return s;
    }

    /** Component a of the share of term k in a per-term quantity ({@link SiteQuantity#perTerm()}). */
    public double component(SiteQuantity q, int i, int a, int term) {
        int p = 3 * i + a;
        return switch (q) {
            case ONSITE_SOURCE -> onsiteByTerm[term][p];
            case HOPPING_SOURCE -> hoppingByTerm[term][p];
            case SOURCE -> onsiteByTerm[term][p] + hoppingByTerm[term][p];
            case DIVERGENCE -> divergenceByTerm[term][p];
            default -> throw new IllegalArgumentException(q + " is not resolved by term");
        };
    }

    /** A quantity at site i. */
    public Vector3 get(SiteQuantity q, int i) {
        return new Vector3(component(q, i, 0), component(q, i, 1), component(q, i, 2));
    }

    /** The share of term k in a per-term quantity at site i. */
    public Vector3 get(SiteQuantity q, int i, int term) {
        return new Vector3(component(q, i, 0, term), component(q, i, 1, term), component(q, i, 2, term));
    }

    /** Spin density s_i, eq. (2). */
    public Vector3 spin(int i) {
        return get(SiteQuantity.SPIN, i);
    }

    /** Total on-site source T_on(i). */
    public Vector3 onsiteSource(int i) {
        return get(SiteQuantity.ONSITE_SOURCE, i);
    }

    /** Total hopping source {@code sum_j T_hop(i<-j)}. */
    public Vector3 hoppingSource(int i) {
        return get(SiteQuantity.HOPPING_SOURCE, i);
    }

    /** {@code sum_j J_{i->j}}: the outgoing spin current. */
    public Vector3 divergence(int i) {
        return get(SiteQuantity.DIVERGENCE, i);
    }

    /** ds_i/dt. */
    public Vector3 spinRate(int i) {
        return get(SiteQuantity.SPIN_RATE, i);
    }

    public Vector3 torqueDirect(int i) {
        return get(SiteQuantity.TORQUE_DIRECT, i);
    }

    public Vector3 torqueContinuity(int i) {
        return get(SiteQuantity.TORQUE_CONTINUITY, i);
    }

    /** Largest |component| of a quantity over all sites. */
    public double maxAbs(SiteQuantity q) {
        double m = 0;
        for (int i = 0; i < siteCount(); i++) {
            for (int a = 0; a < 3; a++) {
                m = Math.max(m, Math.abs(component(q, i, a)));
            }
        }
        return m;
    }

    /**
     * The largest single contribution to the continuity equation at any site (|div| and |T| of each term,
     * componentwise): the scale against which {@link SiteQuantity#SPIN_RATE} and
     * {@link SiteQuantity#CONTINUITY_RESIDUAL} are judged.
     */
    public double continuityScale() {
        double m = 0;
        for (int k = 0; k < termNames.size(); k++) {
            for (int p = 0; p < spin.length; p++) {
                m = Math.max(m, Math.max(Math.abs(onsiteByTerm[k][p]),
                        Math.max(Math.abs(hoppingByTerm[k][p]), Math.abs(divergenceByTerm[k][p]))));
            }
        }
        return m;
    }

    /** A quantity summed over each cross-section slice x = 0 .. length-1 (for the torque fit, section 5). */
    public Vector3[] sliceSum(SiteQuantity q) {
        return sliceSum(q, -1);
    }

    /** The share of term k (or the total for k = -1) summed over each slice. */
    public Vector3[] sliceSum(SiteQuantity q, int term) {
        int sps = lattice.sitesPerSlice();
        Vector3[] out = new Vector3[lattice.length()];
        for (int s = 0; s < lattice.length(); s++) {
            double[] acc = new double[3];
            for (int k = 0; k < sps; k++) {
                int i = s * sps + k;
                for (int a = 0; a < 3; a++) {
                    acc[a] += term < 0 ? component(q, i, a) : component(q, i, a, term);
                }
            }
            out[s] = Vector3.of(acc);
        }
        return out;
    }

    /** alpha * this + beta * other (observables are linear in rho: energy and temperature averages). */
    SiteObservables combine(double alpha, SiteObservables o, double beta) {
        if (o != null && (o.siteCount() != siteCount() || !o.termNames.equals(termNames))) {
            throw new IllegalArgumentException("observables of different systems cannot be combined");
        }
        return new SiteObservables(lattice, termNames, relaxation, magnetization,
                lin(alpha, density, beta, o == null ? null : o.density),
                lin(alpha, chargeDivergence, beta, o == null ? null : o.chargeDivergence),
                lin(alpha, chargeDivergenceByTerm, beta, o == null ? null : o.chargeDivergenceByTerm),
                lin(alpha, spin, beta, o == null ? null : o.spin),
                lin(alpha, onsite, beta, o == null ? null : o.onsite),
                lin(alpha, hopping, beta, o == null ? null : o.hopping),
                lin(alpha, divergence, beta, o == null ? null : o.divergence),
                lin(alpha, onsiteByTerm, beta, o == null ? null : o.onsiteByTerm),
                lin(alpha, hoppingByTerm, beta, o == null ? null : o.hoppingByTerm),
                lin(alpha, divergenceByTerm, beta, o == null ? null : o.divergenceByTerm));
    }

    static double[] lin(double alpha, double[] x, double beta, double[] y) {
        double[] out = new double[x.length];
        for (int p = 0; p < x.length; p++) {
            out[p] = alpha * x[p] + (y == null ? 0 : beta * y[p]);
        }
        return out;
    }

    static double[][] lin(double alpha, double[][] x, double beta, double[][] y) {
        double[][] out = new double[x.length][];
        for (int k = 0; k < x.length; k++) {
            out[k] = lin(alpha, x[k], beta, y == null ? null : y[k]);
        }
        return out;
    }
}
