package org.spintorque.wannier;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.spintorque.linalg.ComplexMatrix;
import org.spintorque.output.ProgressListener;
import org.spintorque.texture.Vector3;

/**
 * The current-induced torque on a flat spin spiral of a bulk Wannier crystal, by linear response in k-space:
 * the adiabatic and non-adiabatic coefficients c_a, c_n of {@code tau(x) = c_a d_x n + c_n n x d_x n}
 * (physics.md section 5) per unit electric field, {@code beta = c_n / c_a} and {@code P} from {@code c_a = -P J}.
 *
 * <h2>Spiral in the local frame (generalized Bloch theorem)</h2>
 * The spiral {@code n(x) = cos(q x) m0 + sin(q x) e1} (m0 the model's axis, x along the transport direction,
 * e2 = m0 x e1) turns the cell at R by {@code u_R = exp(-i q x_R sigma.e2 / 2)}, {@code x_R = R.x} (every orbital
 * of a cell with the cell; one magnetic atom per cell). With the texture convention of {@link SpinParts#hopping}
 * (exchange block of a bond turned by the average of the two site rotations) the Hamiltonian in the local frame
 * {@code H' = U^dagger H U} is lattice periodic for any q:
 * <pre>    H'(R) = C(R) w(R) + (1/2) {X(R), w(R)},    w(R) = u_0^dagger u_R = exp(-i q R.x sigma.e2 / 2),</pre>
 * C the charge and X the exchange part ({@link SpinParts}); to first order in q, {@code H' = H - (q/2) j^{e2}_x}
 * with the spin-current operator {@code j = (1/2){sigma.e2, dH/dk_x}}. A spin-orbit part is dropped (the local
 * frame is then no longer periodic); {@link #droppedSpinOrbit()} says how large it was.
 *
 * <h2>Disorder (self-consistent Born approximation with ladder vertex corrections)</h2>
 * On-site point disorder in every cell: a scalar potential of variance w0 (Anderson) and isotropic spin-flip
 * impurities {@code v S.sigma} with {@code w_sf = n_imp v^2 S^2}. Both are invariant under the local rotations, so
 * in the local frame the self-energy is the same local matrix in every cell,
 * <pre>    Sigma = w0 g_loc + (w_sf/3) sum_a Sigma^a g_loc Sigma^a,   g_loc = (1/N) sum_k (E_F - H'(k) - Sigma)^-1,</pre>
 * iterated to self-consistency (SCBA). The same local kernel W dresses the vertices exactly: the ladder sum is a
 * linear equation for the local (2 n_orb)^2 matrix {@code Y_loc = (1/N) sum_k G^r (V + W[Y_loc]) G^a}, solved with
 * the superoperator {@code (1/N) sum_k G^r (x) G^a} accumulated over the mesh (likewise for G^r ... G^r).
 *
 * <h2>Response</h2>
 * Fermi-surface term of the Kubo-Bastin formula at T = 0 per unit eE along x (eV/Angstrom):
 * <pre>    delta rho(k) = (1/2 pi) [G^r Gamma_RA G^a - (1/2)(G^r Gamma_RR G^r + h.c.)],   Gamma = V + W[.._loc],</pre>
 * V = dH'/dk_x in the tight-binding approximation with cell positions (the lattice current of physics.md
 * section 3). The Fermi-sea term is left out: see {@link Local#drive()}.
 *
 * <h2>Torque at the origin, in the lab frame</h2>
 * At the cell R = 0 (u_0 = 1) the lab-frame density matrix is {@code rho_0R = rho'(R) u_R^dagger},
 * {@code rho_R0 = u_R rho'(-R)}, with {@code rho'(R) = (1/N) sum_k exp(-2 pi i k.R) delta rho(k)} accumulated for
 * every cell of the model while streaming over k. From it, with the exact lattice formulas of physics.md section 3:
 * the direct torque (minus the source of the exchange part, on-site and on bonds), the divergence of the bond spin
 * currents, and the relaxation source of the disorder in Keldysh form,
 * {@code T = Tr[Sigma^a K]}, {@code K = -i (Sigma^r Y - Y Sigma^a + W[Y] g^a - g^r W[Y])} (the disorder average of
 * {@code -i [V, rho]}; likewise for the RR term), whose Anderson part vanishes identically in the SCBA with
 * vertex corrections. Exact identity for what is computed: {@code tau_direct = -div j_s + T_relax - D}.
 *
 * <h2>Fermi sea, and which route gives c_n</h2>
 * The Fermi-surface term alone is not stationary: {@code D = Tr[Sigma^a (i/4 pi N) sum_k {V, G^a - G^r}]}, the
 * drive left over by the bare vertex, has an e2 part of first order in q (the full linear response, with the
 * Fermi-sea term, is stationary: D is the sea's share). D has no e1 part, so c_a is the same by both routes. For
 * c_n the continuity route is exact in a conserving theory: a spiral's spin-current divergence has no e2 part
 * (a kinematic identity: {@code u_R^dagger (Sigma.e2) u_R = Sigma.e2}), and the Anderson source vanishes, so
 * {@code c_n q = T_sf . e2}; T_sf is a Fermi-surface quantity to leading order in 1/(E_F tau) (it relaxes the
 * O(tau) transverse spin density), while the direct route's c_n carries the O(tau^0) Fermi-sea share D at the
 * order of c_n itself. The result reports beta from the continuity route and the direct-route value beside it.
 */
public final class SpinSpiralResponse {
    private final WannierModel charge;
    private final WannierModel exchange;
    private final int orbitals;
    private final int d;
    private final Vector3 axis;
    private final Vector3 e1;
    private final Vector3 e2;
    private final Vector3 direction;
    private final double droppedSpinOrbit;
    private final ComplexMatrix[] spinOps;

    /** Disorder strengths: Anderson variance w0 and spin-flip {@code w_sf = n_imp v_s^2 S^2}, both eV^2. */
    public record Disorder(double anderson, double spinFlip) {
        public Disorder {
            if (!(anderson >= 0) || !(spinFlip >= 0) || !(anderson + spinFlip > 0)) {
                throw new IllegalArgumentException("disorder strengths must be >= 0 eV^2, not both zero: w0 = "
                        + anderson + ", w_sf = " + spinFlip);
            }
        }
    }

    /**
     * The self-consistent Born self-energy, split into its Anderson and spin-flip parts (Sigma = sum of both),
     * with the number of iterations and the last change.
     */
    public record SelfEnergy(ComplexMatrix anderson, ComplexMatrix spinFlip, ComplexMatrix local, int iterations,
                             double residual) {
        /** A given self-energy (no self-consistency): all of it counted as Anderson part, g_loc unknown. */
        public static SelfEnergy fixed(ComplexMatrix sigma) {
            return new SelfEnergy(sigma, new ComplexMatrix(sigma.rows(), sigma.cols()), null, 0, 0);
        }

        /** Local density of states per cell of basis state i at E_F, {@code -Im g_ii / pi} (1/eV). */
        public double density(int i) {
            return -local.im(i, i) / Math.PI;
        }

        public ComplexMatrix total() {
            return anderson.plus(spinFlip);
        }

        /** Mean of -Im Sigma over the diagonal (eV): the mean broadening. */
        public double meanBroadening() {
            ComplexMatrix s = total();
            double g = 0;
            for (int i = 0; i < s.rows(); i++) {
                g -= s.im(i, i);
            }
            return g / s.rows();
        }
    }

    /**
     * The linear response at the origin cell for one spiral wave vector, per unit eE along x (Cartesian lab-frame
     * vectors; spin in units of hbar/2, rates in eV (hbar = 1), so torques per (eV/Angstrom) are Angstrom).
     *
     * @param spin            delta s at the origin
     * @param torqueDirect    minus the source of the exchange part (on-site and bonds)
     * @param divergence      sum over bonds of the spin currents leaving the origin
     * @param relaxation      relaxation source of the spin-flip disorder (Keldysh form)
     * @param andersonSource  the same for the Anderson disorder (zero with vertex corrections in the SCBA)
     * @param drive           {@code D = Tr[Sigma (i/4 pi N) sum_k {V, G^a - G^r}]}: what keeps the
     *                        Fermi-surface term from being stationary (the Fermi-sea term's share);
     *                        {@code tau_direct = -div + relaxation + anderson - drive} exactly
     * @param particleCurrent {@code Tr[V delta rho]} per cell
     * @param spinCurrent     {@code Tr[(1/2){Sigma.m0, V} delta rho]} per cell
     */
    public record Local(double q, Vector3 spin, Vector3 torqueDirect, Vector3 divergence, Vector3 relaxation,
                        Vector3 andersonSource, Vector3 drive, double particleCurrent, double spinCurrent,
                        SelfEnergy selfEnergy) {
        /** The continuity route: {@code -div j_s + T_relax (+ Anderson source)}. */
        public Vector3 torqueContinuity() {
            return divergence.times(-1).plus(relaxation).plus(andersonSource);
        }

        /** Largest |tau_direct - (-div + T + D')| against the largest term: the exact identity, a check. */
        public double identityResidual() {
            Vector3 r = torqueDirect.minus(torqueContinuity().minus(drive));
            double scale = Math.max(Math.max(torqueDirect.norm(), divergence.norm()), relaxation.norm());
            return r.norm() / scale;
        }
    }

    /**
     * @param model     a Wannier model with exchange (eV, Angstrom); its spin-orbit part is dropped
     * @param direction the transport direction x of the spiral (Cartesian)
     */
    public SpinSpiralResponse(WannierModel model, double[] direction) {
        SpinParts parts = model.spinParts();
        if (parts.axis() == null) {
            throw new IllegalArgumentException("the model has no exchange part: there is no magnetization to turn");
        }
        this.charge = parts.charge();
        this.exchange = parts.exchange();
        this.orbitals = model.orbitals();
        this.d = model.dimension();
        this.droppedSpinOrbit = parts.sizes().get(2).frobenius();
        this.axis = parts.axis();
        this.direction = Vector3.of(direction.clone()).normalized();
        Vector3 perp = this.direction.minus(axis.times(axis.dot(this.direction)));
        if (perp.norm() < 1e-6) {
            perp = Math.abs(axis.x()) < 0.9 ? Vector3.X : Vector3.Y;
            perp = perp.minus(axis.times(axis.dot(perp)));
        }
        this.e1 = perp.normalized();
        this.e2 = axis.cross(e1);
        this.spinOps = spinOperators(orbitals);
    }

    /** {@code 1_orb (x) sigma^a} for a = x, y, z. */
    static ComplexMatrix[] spinOperators(int orbitals) {
        ComplexMatrix[] ops = new ComplexMatrix[3];
        for (int c = 0; c < 3; c++) {
            double[] f = new double[3];
            f[c] = 1;
            ops[c] = spinBlock(orbitals, pauli(Vector3.of(f)));
        }
        return ops;
    }

    public Vector3 axis() {
        return axis;
    }

    /** The direction d_x n of the spiral at the origin (n = m0 there). */
    public Vector3 e1() {
        return e1;
    }

    /** {@code e2 = m0 x e1}: the direction of n x d_x n, and the rotation axis of the spiral. */
    public Vector3 e2() {
        return e2;
    }

    /** Frobenius norm (eV) of the spin-orbit part left out. */
    public double droppedSpinOrbit() {
        return droppedSpinOrbit;
    }

    /** {@code w(R) = exp(-i phi sigma.e2 / 2)} with {@code phi = q R.x} (2 x 2). */
    ComplexMatrix twist(double q, int[] cell, double[][] lattice) {
        double rx = along(cell, lattice);
        double c = Math.cos(q * rx / 2);
        double s = Math.sin(q * rx / 2);
        ComplexMatrix u = new ComplexMatrix(2, 2);
        u.set(0, 0, c, -s * e2.z());
        u.set(1, 1, c, s * e2.z());
        u.set(0, 1, -s * e2.y(), -s * e2.x());
        u.set(1, 0, s * e2.y(), -s * e2.x());
        return u;
    }

    /** R.x in Angstrom. */
    private double along(int[] cell, double[][] lattice) {
        double rx = 0;
        for (int i = 0; i < 3; i++) {
            rx += cell[i] * (lattice[i][0] * direction.x() + lattice[i][1] * direction.y()
                    + lattice[i][2] * direction.z());
        }
        return rx;
    }

    /** The local-frame model H'(R; q) of the class comment (q in 1/Angstrom). */
    public WannierModel spiral(double q) {
        double[][] lat = charge.lattice();
        Map<int[], ComplexMatrix> h = new LinkedHashMap<>();
        for (int[] c : charge.cells()) {
            ComplexMatrix w = spinBlock(orbitals, twist(q, c, lat));
            ComplexMatrix x = exchange.hopping(c[0], c[1], c[2]);
            h.put(c, charge.hopping(c[0], c[1], c[2]).times(w).plus(x.times(w).plus(w.times(x)).scale(0.5, 0)));
        }
        return WannierModel.of(lat, SpinStructure.SPINOR, orbitals, h, charge.centres());
    }

    /** {@code V(R) = i (R.x) H(R)}: dH/dk_x with cell positions. */
    private WannierModel velocityOf(WannierModel h) {
        double[][] lat = h.lattice();
        Map<int[], ComplexMatrix> v = new LinkedHashMap<>();
        for (int[] c : h.cells()) {
            v.put(c, h.hopping(c[0], c[1], c[2]).scale(0, along(c, lat)));
        }
        return WannierModel.of(lat, SpinStructure.SPINOR, orbitals, v, h.centres());
    }

    /** The disorder kernel W[X] = w0 X + (w_sf/3) sum_a Sigma^a X Sigma^a (either part alone with a zero). */
    static ComplexMatrix kernel(ComplexMatrix x, int n, double w0, double wsf) {
        ComplexMatrix[] h = SpinParts.components(x, n);
        double c0 = w0 + wsf;
        double cs = w0 - wsf / 3;
        return SpinParts.assemble(n, h[0].scale(c0, 0), h[1].scale(cs, 0), h[2].scale(cs, 0), h[3].scale(cs, 0));
    }

    /** {@code (E - H(k) - Sigma)^-1}. */
    private static ComplexMatrix retarded(WannierModel h, double ef, ComplexMatrix sigma, double k1, double k2,
                                          double k3) {
        ComplexMatrix m = h.hamiltonian(k1, k2, k3).plus(sigma).scale(-1, 0);
        for (int i = 0; i < m.rows(); i++) {
            m.add(i, i, ef, 0);
        }
        return m.inverse();
    }

    /** {@code g_loc = (1/N) sum_k (E - H(k) - Sigma)^-1}. */
    private static ComplexMatrix local(WannierModel h, double ef, ComplexMatrix sigma, int n) {
        int d = h.dimension();
        double[] s = KuboConductivity.meshSum(n, 2 * d * d, ProgressListener.NONE, "g_loc", (k1, k2, k3, acc) -> {
            double[] g = retarded(h, ef, sigma, k1, k2, k3).data();
            for (int e = 0; e < g.length; e++) {
                acc[e] += g[e];
            }
        });
        return ComplexMatrix.wrap(d, d, scaled(s, 1.0 / ((double) n * n * n)));
    }

    /**
     * The SCBA self-energy at E_F of the spiral model for wave vector q, iterated from {@code -i (w0 + w_sf)}
     * until the largest change of an element is below {@code tolerance} (eV).
     */
    public SelfEnergy selfEnergy(double q, double ef, Disorder dis, int n, double tolerance) {
        return selfEnergy(spiral(q), ef, dis, n, tolerance);
    }

    SelfEnergy selfEnergy(WannierModel h, double ef, Disorder dis, int n, double tolerance) {
        double[] x = ComplexMatrix.identity(d).scale(0, -(dis.anderson() + dis.spinFlip())).data();
        ComplexMatrix[] last = new ComplexMatrix[1];
        FixedPoint fp = andersonFixedPoint(x, tolerance, xs -> {
            last[0] = local(h, ef, ComplexMatrix.wrap(d, d, xs.clone()), n);
            return kernel(last[0], orbitals, dis.anderson(), dis.spinFlip()).data();
        });
        ComplexMatrix g = last[0];
        // W[g_loc] of the last iterate, split into its two parts; it differs from that iterate by the tolerance
        return new SelfEnergy(kernel(g, orbitals, dis.anderson(), 0), kernel(g, orbitals, 0, dis.spinFlip()), g,
                fp.iterations(), fp.change());
    }

    /** The end of a fixed-point iteration: the last point, the number of evaluations and the last change. */
    record FixedPoint(double[] x, int iterations, double change) { }

    /**
     * The fixed point {@code x = f(x)} from x0, with Anderson acceleration (the last few steps mixed by least
     * squares), until the largest change of an element is below {@code tolerance}; f is last evaluated at the
     * returned point.
     */
    static FixedPoint andersonFixedPoint(double[] x0, double tolerance, java.util.function.UnaryOperator<double[]> f) {
        int size = x0.length;
        double[] x = x0.clone();
        List<double[]> dx = new ArrayList<>();
        List<double[]> dr = new ArrayList<>();
        double[] xPrev = null;
        double[] rPrev = null;
        double change = Double.POSITIVE_INFINITY;
        int it = 0;
        while (true) {
            if (++it > 200) {
                throw new ArithmeticException("the Born self-energy did not converge in 200 iterations (last change "
                        + change + " eV)");
            }
            double[] fx = f.apply(x);
            double[] r = new double[size];
            change = 0;
            for (int i = 0; i < size; i++) {
                r[i] = fx[i] - x[i];
                change = Math.max(change, Math.abs(r[i]));
            }
            if (change <= tolerance) {
                return new FixedPoint(x, it, change);
            }
            if (xPrev != null) {
                dx.add(minus(x, xPrev));
                dr.add(minus(r, rPrev));
                if (dx.size() > 5) {
                    dx.remove(0);
                    dr.remove(0);
                }
            }
            double[] gamma = leastSquares(dr, r);
            xPrev = x;
            rPrev = r;
            double[] next = new double[size];
            for (int i = 0; i < size; i++) {
                next[i] = x[i] + r[i];
                for (int j = 0; j < gamma.length; j++) {
                    next[i] -= gamma[j] * (dx.get(j)[i] + dr.get(j)[i]);
                }
            }
            x = next;
        }
    }

    static double[] minus(double[] a, double[] b) {
        double[] r = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = a[i] - b[i];
        }
        return r;
    }

    /** gamma minimizing |r - sum_j gamma_j cols_j| (normal equations, tiny regularization). */
    static double[] leastSquares(List<double[]> cols, double[] r) {
        int m = cols.size();
        double[][] a = new double[m][m + 1];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                a[i][j] = dot(cols.get(i), cols.get(j));
            }
            a[i][i] *= 1 + 1e-10;
            a[i][m] = dot(cols.get(i), r);
        }
        for (int c = 0; c < m; c++) {
            int piv = c;
            for (int i = c + 1; i < m; i++) {
                if (Math.abs(a[i][c]) > Math.abs(a[piv][c])) {
                    piv = i;
                }
            }
            double[] t = a[c];
            a[c] = a[piv];
            a[piv] = t;
            if (a[c][c] == 0) {
                return new double[0];
            }
            for (int i = 0; i < m; i++) {
                if (i != c) {
                    double f = a[i][c] / a[c][c];
                    for (int j = c; j <= m; j++) {
                        a[i][j] -= f * a[c][j];
                    }
                }
            }
        }
        double[] g = new double[m];
        for (int i = 0; i < m; i++) {
            g[i] = a[i][m] / a[i][i];
        }
        return g;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /**
     * The torque coefficients of one disorder model and mesh, from the responses at +q and -q (symmetric
     * difference: the O(q^2) terms cancel). Per unit eE along x; torques and currents per cell in Angstrom^2
     * (rates in eV with hbar = 1, spin in hbar/2, per eV/Angstrom of eE and per 1/Angstrom of q).
     *
     * @param cAdiabatic          c_a, the d_x n part of the torque (both routes: they agree exactly)
     * @param cNonAdiabatic       c_n by the continuity route, {@code T_relax . e2 / q} (the divergence of the spin
     *                            currents has no e2 part in a spiral, the Anderson source vanishes)
     * @param cNonAdiabaticDirect c_n by the direct route from the Fermi-surface term alone
     * @param driveNonAdiabatic   {@code D . e2 / q}: direct - continuity = -drive, the share of the Fermi sea
     * @param driveAdiabatic      {@code D . e1 / q}: the same for c_a (zero in the models checked)
     * @param cAdiabaticRelaxation {@code T_relax . e1 / q}: the part of c_a from spin relaxation (c_a = -P J + this)
     * @param particleCurrent     J = Tr[V delta rho] per cell
     * @param spinCurrent         Tr[(1/2){Sigma.m0, V} delta rho] per cell (q = 0 limit, mean of +-q)
     * @param meanBroadening      mean -Im Sigma (eV) of the SCBA self-energy at q
     * @param density             sum_i nu_i: density of states per cell at E_F of the disordered crystal (1/eV)
     * @param spinFlipRate        golden-rule {@code hbar/tau_sf} (eV) of the spin-flip impurities, see
     *                            {@link #spinFlipRate(SelfEnergy, double)}
     * @param exchange            M at E_F, {@link #exchangeAtFermiLevel}
     * @param spinTransverse      {@code delta s . e2 / q} at the origin: the transverse spin density of the
     *                            adiabatic torque
     * @param transverseExchange  {@code M_eff = -c_a / (2 spinTransverse)}: the exchange field the transverse spin
     *                            density precesses in (M of the s-d model)
     * @param identityResidual    largest relative residual of {@code tau_direct = -div + T - D} at +-q
     */
    public record Result(double fermiEnergy, Disorder disorder, double q, int mesh, boolean vertexCorrections,
                         double cAdiabatic, double cNonAdiabatic, double cNonAdiabaticDirect, double driveNonAdiabatic,
                         double driveAdiabatic, double cAdiabaticRelaxation, double particleCurrent,
                         double spinCurrent, double meanBroadening,
                         double density, double spinFlipRate, double exchange, double spinTransverse,
                         double identityResidual,
                         double volume, double droppedSpinOrbit) {
        /** beta = c_n / c_a (continuity route). */
        public double beta() {
            return cNonAdiabatic / cAdiabatic;
        }

        /** beta from the direct route of the Fermi-surface term (misses the Fermi-sea share, see the class). */
        public double betaDirect() {
            return cNonAdiabaticDirect / cAdiabatic;
        }

        /** P from c_a = -P J. */
        public double polarization() {
            return -cAdiabatic / particleCurrent;
        }

        /** P from the spin current of the same response, Js / J. */
        public double spinCurrentPolarization() {
            return spinCurrent / particleCurrent;
        }

        /** sigma_xx in S/m: (e^2/hbar) J / V. */
        public double sigma() {
            return KuboConductivity.E2_OVER_HBAR * particleCurrent / volume * 1e10;
        }

        /** {@code M_eff = -c_a / (2 delta s_e2 / q)} (eV). */
        public double transverseExchange() {
            return -cAdiabatic / (2 * spinTransverse);
        }

        /** Eq. (29), {@code beta = hbar / (2 M tau_sf)} with M at E_F and the golden-rule rate. */
        public double betaEq29() {
            return spinFlipRate / (2 * exchange);
        }

        public Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("fermi_energy_eV", fermiEnergy);
            m.put("anderson_w0_eV2", disorder.anderson());
            m.put("spin_flip_w_eV2", disorder.spinFlip());
            m.put("mean_broadening_eV", meanBroadening);
            m.put("dos_per_cell_per_eV", density);
            m.put("hbar_over_tau_sf_eV", spinFlipRate);
            m.put("exchange_M_at_EF_eV", exchange);
            m.put("exchange_M_eff_eV", transverseExchange());
            m.put("q_per_nm", q * 10);
            m.put("mesh", mesh);
            m.put("vertex_corrections", vertexCorrections);
            m.put("c_a_A2", cAdiabatic);
            m.put("c_n_A2", cNonAdiabatic);
            m.put("c_n_direct_A2", cNonAdiabaticDirect);
            m.put("fermi_sea_share_of_c_n_A2", -driveNonAdiabatic);
            m.put("fermi_sea_share_of_c_a_A2", -driveAdiabatic);
            m.put("c_a_from_relaxation_A2", cAdiabaticRelaxation);
            m.put("beta", beta());
            m.put("beta_direct", betaDirect());
            m.put("beta_eq29", betaEq29());
            m.put("P", polarization());
            m.put("P_spin_current", spinCurrentPolarization());
            m.put("sigma_S_per_m", sigma());
            m.put("continuity_identity_residual", identityResidual);
            m.put("spin_orbit_dropped_eV", droppedSpinOrbit);
            return m;
        }
    }

    /** {@link Result} from the responses at +q and -q with the SCBA self-energy (tolerance in eV). */
    public Result compute(double ef, double q, Disorder dis, int n, boolean vertex, double tolerance,
                          ProgressListener progress) {
        ProgressListener first = (done, total, label) -> progress.progress(done, 2 * total, "+q, " + label);
        ProgressListener second = (done, total, label) -> progress.progress(total + done, 2 * total, "-q, " + label);
        Local p = response(q, ef, dis, n, vertex, tolerance, first);
        Local m = response(-q, ef, dis, n, vertex, tolerance, second);
        return combine(p, m, ef, dis, n, vertex);
    }

    Result combine(Local p, Local m, double ef, Disorder dis, int n, boolean vertex) {
        double q = p.q();
        Vector3 direct = p.torqueDirect().minus(m.torqueDirect()).times(1 / (2 * q));
        Vector3 cont = p.torqueContinuity().minus(m.torqueContinuity()).times(1 / (2 * q));
        Vector3 drive = p.drive().minus(m.drive()).times(1 / (2 * q));
        double density = 0;
        if (p.selfEnergy().local() != null) {
            for (int i = 0; i < d; i++) {
                density += p.selfEnergy().density(i);
            }
        }
        double relaxE1 = p.relaxation().plus(p.andersonSource()).minus(m.relaxation().plus(m.andersonSource()))
                .dot(e1) / (2 * q);
        return new Result(ef, dis, q, n, vertex, direct.dot(e1), cont.dot(e2), direct.dot(e2), drive.dot(e2),
                drive.dot(e1), relaxE1,
                0.5 * (p.particleCurrent() + m.particleCurrent()), 0.5 * (p.spinCurrent() + m.spinCurrent()),
                p.selfEnergy().meanBroadening(), density,
                p.selfEnergy().local() == null ? Double.NaN : spinFlipRate(p.selfEnergy(), dis.spinFlip()),
                p.selfEnergy().local() == null ? Double.NaN : exchangeAtFermiLevel(p.selfEnergy()),
                p.spin().minus(m.spin()).dot(e2) / (2 * q), Math.max(p.identityResidual(), m.identityResidual()),
                charge.volume(), droppedSpinOrbit);
    }

    /**
     * The golden-rule spin-flip rate {@code hbar/tau_sf} (eV) of eq. (29) from the SCBA local Green's function,
     * {@link SpinFlipGoldenRule#rate}: only the overlap of the two spins' local states at E_F counts.
     */
    public double spinFlipRate(SelfEnergy se, double wsf) {
        return SpinFlipGoldenRule.rate(SpinFlipGoldenRule.spectral(se.local()), axis, wsf);
    }

    /** The exchange M of eq. (29) at E_F, {@link SpinFlipGoldenRule#exchange}, from the SCBA local Green's function. */
    public double exchangeAtFermiLevel(SelfEnergy se) {
        return SpinFlipGoldenRule.exchange(SpinFlipGoldenRule.spectral(se.local()), exchange.hopping(0, 0, 0), axis);
    }

    /**
     * Disorder strengths from mean broadenings, as {@link KuboConductivity#computeBorn} fixes w: {@code
     * w = G / (pi nu)} with nu the mean diagonal of the local spectral function of the clean model at E_F (a
     * Lorentzian of width G0 + Gsf); the SCBA then gives a mean broadening close to G0 + Gsf.
     */
    public Disorder disorderFromBroadenings(double ef, double anderson, double spinFlip, int n) {
        double g = anderson + spinFlip;
        KuboConductivity.LocalSpectrum loc = new KuboConductivity(charge.plus(exchange, SpinStructure.SPINOR),
                direction.toArray()).localSpectrum(ef, g, n);
        double nu = 0;
        for (int i = 0; i < d; i++) {
            nu += loc.spectral().re(i, i);
        }
        nu /= d;
        return new Disorder(anderson / (Math.PI * nu), spinFlip / (Math.PI * nu));
    }

    /**
     * The response at the origin for wave vector q with the SCBA self-energy of {@code dis}; {@code vertex} turns
     * the ladder vertex corrections on.
     */
    public Local response(double q, double ef, Disorder dis, int n, boolean vertex, double tolerance,
                          ProgressListener progress) {
        WannierModel h = spiral(q);
        SelfEnergy se = selfEnergy(h, ef, dis, n, tolerance);
        return response(h, q, ef, se, dis, n, vertex, progress);
    }

    /**
     * The response with a given self-energy (its parts split as in {@code se}) and vertex kernel of {@code dis}
     * (used only when {@code vertex}).
     */
    Local response(WannierModel h, double q, double ef, SelfEnergy se, Disorder dis, int n, boolean vertex,
                   ProgressListener progress) {
        WannierModel v = velocityOf(h);
        ComplexMatrix sigma = se.total();
        int dd = d * d;
        double nk = (double) n * n * n;
        // pass 1: g_loc, the bare local vertices, the drive and (with vertex corrections) the two superoperators
        int sizeL = vertex ? 2 * dd * dd : 0;
        double[] s1 = KuboConductivity.meshSum(n, 8 * dd + 2 * sizeL, progress, "k-mesh " + n + "^3, ladder",
                (k1, k2, k3, acc) -> {
                    ComplexMatrix gr = retarded(h, ef, sigma, k1, k2, k3);
                    ComplexMatrix ga = gr.dagger();
                    ComplexMatrix vk = v.hamiltonian(k1, k2, k3);
                    ComplexMatrix spectral = ga.minus(gr);
                    add(acc, 0, gr);
                    add(acc, 2 * dd, gr.times(vk).times(ga));
                    add(acc, 4 * dd, gr.times(vk).times(gr));
                    add(acc, 6 * dd, vk.times(spectral).plus(spectral.times(vk)));
                    if (vertex) {
                        superoperator(acc, 8 * dd, gr, ga);
                        superoperator(acc, 8 * dd + sizeL, gr, gr);
                    }
                });
        ComplexMatrix gl = block(s1, 0, d, nk);
        ComplexMatrix bRA = block(s1, 2 * dd, d, nk);
        ComplexMatrix bRR = block(s1, 4 * dd, d, nk);
        ComplexMatrix driveLocal = block(s1, 6 * dd, d, nk).scale(0, 1 / (4 * Math.PI));
        ComplexMatrix yl = bRA;
        ComplexMatrix zl = bRR;
        if (vertex) {
            zl = ladder(s1, 8 * dd + sizeL, bRR, dis, nk, Double.NaN);
            // the RA ladder has the diffusion pole of the uniform density (particle conservation): its amplitude
            // is fixed by charge neutrality, Tr delta rho_loc = 0
            yl = ladder(s1, 8 * dd, bRA, dis, nk, zl.trace()[0]);
        }
        ComplexMatrix wy = vertex ? kernel(yl, orbitals, dis.anderson(), dis.spinFlip()) : new ComplexMatrix(d, d);
        ComplexMatrix wz = vertex ? kernel(zl, orbitals, dis.anderson(), dis.spinFlip()) : new ComplexMatrix(d, d);
        // pass 2: delta rho(k) with the dressed vertices, Fourier components rho'(R) for every cell of the model
        List<int[]> cells = h.cells();
        int nc = cells.size();
        ComplexMatrix jsOp = spinBlock(orbitals, pauli(axis));
        double[] s2 = KuboConductivity.meshSum(n, 2 * dd * nc + 2 + 4 * dd, ProgressListener.NONE, "density matrix",
                (k1, k2, k3, acc) -> {
                    ComplexMatrix gr = retarded(h, ef, sigma, k1, k2, k3);
                    ComplexMatrix ga = gr.dagger();
                    ComplexMatrix vk = v.hamiltonian(k1, k2, k3);
                    ComplexMatrix y = gr.times(vk.plus(wy)).times(ga);
                    ComplexMatrix z = gr.times(vk.plus(wz)).times(gr);
                    ComplexMatrix rho = y.minus(z.plus(z.dagger()).scale(0.5, 0)).scale(1 / (2 * Math.PI), 0);
                    double[] r = rho.data();
                    for (int c = 0; c < nc; c++) {
                        int[] cell = cells.get(c);
                        double ph = -2 * Math.PI * (k1 * cell[0] + k2 * cell[1] + k3 * cell[2]);
                        double cr = Math.cos(ph);
                        double ci = Math.sin(ph);
                        int o = 2 * dd * c;
                        for (int e = 0; e < r.length; e += 2) {
                            acc[o + e] += cr * r[e] - ci * r[e + 1];
                            acc[o + e + 1] += cr * r[e + 1] + ci * r[e];
                        }
                    }
                    acc[2 * dd * nc] += vk.traceOfProduct(rho)[0];
                    acc[2 * dd * nc + 1] += 0.5 * (jsOp.times(vk).plus(vk.times(jsOp))).traceOfProduct(rho)[0];
                    add(acc, 2 * dd * nc + 2, y);
                    add(acc, 2 * dd * nc + 2 + 2 * dd, z);
                });
        Map<Long, ComplexMatrix> rhoR = new LinkedHashMap<>();
        for (int c = 0; c < nc; c++) {
            int[] cell = cells.get(c);
            rhoR.put(HoppingTable.key(cell[0], cell[1], cell[2]), block(s2, 2 * dd * c, d, nk));
        }
        double[] spin = new double[3];
        double[] torque = new double[3];
        double[] div = new double[3];
        double[] relax = new double[3];
        double[] anderson = new double[3];
        double[] drive = new double[3];
        double[][] lat = h.lattice();
        ComplexMatrix x0 = exchange.hopping(0, 0, 0);
        ComplexMatrix rho0 = rhoR.get(HoppingTable.key(0, 0, 0));
        // relaxation sources (Keldysh form) of the two disorder parts, RA and RR/AA terms
        ComplexMatrix yv = vertex ? yl : new ComplexMatrix(d, d);
        ComplexMatrix zv = vertex ? zl : new ComplexMatrix(d, d);
        ComplexMatrix yTrue = block(s2, 2 * dd * nc + 2, d, nk);
        ComplexMatrix zTrue = block(s2, 2 * dd * nc + 2 + 2 * dd, d, nk);
        ComplexMatrix kSf = collision(orbitals, se.spinFlip(), gl, yTrue, zTrue, yv, zv, 0, dis.spinFlip());
        ComplexMatrix kAnd = collision(orbitals, se.anderson(), gl, yTrue, zTrue, yv, zv, dis.anderson(), 0);
        for (int a = 0; a < 3; a++) {
            ComplexMatrix s = spinOps[a];
            spin[a] = s.traceOfProduct(rho0)[0];
            // on-site exchange source i Tr[[X, S] rho]
            double tOn = -commutator(x0, s).traceOfProduct(rho0)[1];
            double tHop = 0;
            double j = 0;
            for (int[] c : cells) {
                if (c[0] == 0 && c[1] == 0 && c[2] == 0) {
                    continue;
                }
                ComplexMatrix u = spinBlock(orbitals, twist(q, c, lat));
                ComplexMatrix ud = u.dagger();
                ComplexMatrix x = exchange.hopping(c[0], c[1], c[2]);
                ComplexMatrix xm = exchange.hopping(-c[0], -c[1], -c[2]);
                ComplexMatrix e0R = x.plus(u.times(x).times(ud)).scale(0.5, 0);
                ComplexMatrix eR0 = xm.plus(u.times(xm).times(ud)).scale(0.5, 0);
                ComplexMatrix h0R = charge.hopping(c[0], c[1], c[2]).plus(e0R);
                ComplexMatrix hR0 = charge.hopping(-c[0], -c[1], -c[2]).plus(eR0);
                ComplexMatrix rho0R = rhoR.get(HoppingTable.key(c[0], c[1], c[2])).times(ud);
                ComplexMatrix rhoR0 = u.times(rhoR.get(HoppingTable.key(-c[0], -c[1], -c[2])));
                // (i/2) Tr[[E_R0, S] rho_0R + [E_0R, S] rho_R0]
                tHop += -0.5 * (commutator(eR0, s).traceOfProduct(rho0R)[1]
                        + commutator(e0R, s).traceOfProduct(rhoR0)[1]);
                // -(i/2) Tr[{H_R0, S} rho_0R - {H_0R, S} rho_R0]
                j += 0.5 * (anticommutator(hR0, s).traceOfProduct(rho0R)[1]
                        - anticommutator(h0R, s).traceOfProduct(rhoR0)[1]);
            }
            torque[a] = -(tOn + tHop);
            div[a] = j;
            relax[a] = s.traceOfProduct(kSf)[0];
            anderson[a] = s.traceOfProduct(kAnd)[0];
            drive[a] = s.traceOfProduct(driveLocal)[0];
        }
        return new Local(q, Vector3.of(spin), Vector3.of(torque), Vector3.of(div), Vector3.of(relax),
                Vector3.of(anderson), Vector3.of(drive), s2[2 * dd * nc] / nk, s2[2 * dd * nc + 1] / nk, se);
    }

    /**
     * The local collision term of one disorder part (self-energy part {@code sigma}, kernel strengths w0, w_sf) for
     * {@code delta rho = (1/2 pi)[Y - (Z + Z^dagger)/2]}: {@code K_Y = -i (S Y - Y S^dag + W[Yv] g^dag - g W[Yv])},
     * {@code K_Z = -i (S Z - Z S + W[Zv] g - g W[Zv])}, Yv and Zv the local parts used in the vertices (zero without
     * vertex corrections).
     */
    static ComplexMatrix collision(int orbitals, ComplexMatrix sigma, ComplexMatrix g, ComplexMatrix y,
                                   ComplexMatrix z, ComplexMatrix yv, ComplexMatrix zv, double w0, double wsf) {
        ComplexMatrix sa = sigma.dagger();
        ComplexMatrix ga = g.dagger();
        ComplexMatrix wy = kernel(yv, orbitals, w0, wsf);
        ComplexMatrix wz = kernel(zv, orbitals, w0, wsf);
        ComplexMatrix ky = sigma.times(y).minus(y.times(sa)).plus(wy.times(ga)).minus(g.times(wy)).scale(0, -1);
        ComplexMatrix kz = sigma.times(z).minus(z.times(sigma)).plus(wz.times(g)).minus(g.times(wz)).scale(0, -1);
        return ky.minus(kz.plus(kz.dagger()).scale(0.5, 0)).scale(1 / (2 * Math.PI), 0);
    }

    /**
     * Solves {@code Y = b + L W[Y]} for the accumulated superoperator L (at {@code offset} of {@code sums}). With a
     * finite {@code trace}, the system is singular along the uniform density (the RA ladder at zero frequency):
     * it is bordered with the condition {@code Tr Y = trace} and a multiplier along the identity.
     */
    private ComplexMatrix ladder(double[] sums, int offset, ComplexMatrix b, Disorder dis, double nk, double trace) {
        int dd = d * d;
        double[] l = new double[2 * dd * dd];
        System.arraycopy(sums, offset, l, 0, l.length);
        ComplexMatrix lm = ComplexMatrix.wrap(dd, dd, scaled(l, 1 / nk));
        ComplexMatrix wm = new ComplexMatrix(dd, dd);
        for (int r = 0; r < dd; r++) {
            ComplexMatrix unit = new ComplexMatrix(d, d);
            unit.set(r % d, r / d, 1, 0);
            double[] col = kernel(unit, orbitals, dis.anderson(), dis.spinFlip()).data();
            for (int p = 0; p < dd; p++) {
                wm.set(p, r, col[2 * p], col[2 * p + 1]);
            }
        }
        ComplexMatrix lw = lm.times(wm);
        boolean border = Double.isFinite(trace);
        int size = border ? dd + 1 : dd;
        ComplexMatrix a = new ComplexMatrix(size, size);
        ComplexMatrix rhs = new ComplexMatrix(size, 1);
        for (int r = 0; r < dd; r++) {
            for (int p = 0; p < dd; p++) {
                a.set(p, r, (p == r ? 1 : 0) - lw.re(p, r), -lw.im(p, r));
            }
            rhs.set(r, 0, b.data()[2 * r], b.data()[2 * r + 1]);
        }
        if (border) {
            for (int i = 0; i < d; i++) {
                a.set(dd, i + i * d, 1, 0);
                a.set(i + i * d, dd, 1, 0);
            }
            rhs.set(dd, 0, trace, 0);
        }
        double[] y = a.inverse().times(rhs).data();
        return ComplexMatrix.wrap(d, d, java.util.Arrays.copyOf(y, 2 * dd));
    }

    /** acc[offset + (p + r dd)] += A_ik B_lj with p = i + j d, r = k + l d: the map X -> A X B. */
    private void superoperator(double[] acc, int offset, ComplexMatrix a, ComplexMatrix b) {
        superoperator(acc, offset, d * d, a, b);
    }

    /**
     * The same into a larger column-major matrix of leading dimension {@code ld}: {@code acc[offset + 2 (p + r ld)]}
     * (a block of the superoperator between two cells of a supercell).
     */
    static void superoperator(double[] acc, int offset, int ld, ComplexMatrix a, ComplexMatrix b) {
        double[] ad = a.data();
        double[] bd = b.data();
        int d = a.rows();
        for (int l = 0; l < d; l++) {
            for (int k = 0; k < d; k++) {
                int col = offset + 2 * ld * (k + l * d);
                for (int j = 0; j < d; j++) {
                    double br = bd[2 * (l + j * d)];
                    double bi = bd[2 * (l + j * d) + 1];
                    int base = col + 2 * j * d;
                    int ak = 2 * k * d;
                    for (int i = 0; i < d; i++) {
                        double ar = ad[ak + 2 * i];
                        double ai = ad[ak + 2 * i + 1];
                        acc[base + 2 * i] += ar * br - ai * bi;
                        acc[base + 2 * i + 1] += ar * bi + ai * br;
                    }
                }
            }
        }
    }

    static ComplexMatrix commutator(ComplexMatrix a, ComplexMatrix b) {
        return a.times(b).minus(b.times(a));
    }

    static ComplexMatrix anticommutator(ComplexMatrix a, ComplexMatrix b) {
        return a.times(b).plus(b.times(a));
    }

    static void add(double[] acc, int offset, ComplexMatrix m) {
        double[] x = m.data();
        for (int e = 0; e < x.length; e++) {
            acc[offset + e] += x[e];
        }
    }

    static ComplexMatrix block(double[] s, int offset, int d, double nk) {
        double[] x = new double[2 * d * d];
        for (int e = 0; e < x.length; e++) {
            x[e] = s[offset + e] / nk;
        }
        return ComplexMatrix.wrap(d, d, x);
    }

    private static double[] scaled(double[] s, double f) {
        double[] r = new double[s.length];
        for (int i = 0; i < s.length; i++) {
            r[i] = f * s[i];
        }
        return r;
    }

    /** {@code sigma.a} (2 x 2). */
    static ComplexMatrix pauli(Vector3 a) {
        ComplexMatrix p = new ComplexMatrix(2, 2);
        p.set(0, 0, a.z(), 0);
        p.set(1, 1, -a.z(), 0);
        p.set(0, 1, a.x(), -a.y());
        p.set(1, 0, a.x(), a.y());
        return p;
    }

    /** {@code 1_orb (x) s} in the interleaved basis 2 o + s. */
    static ComplexMatrix spinBlock(int n, ComplexMatrix s) {
        return ComplexMatrix.identity(n).kron(s);
    }
}
