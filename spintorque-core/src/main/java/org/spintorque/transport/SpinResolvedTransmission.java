package org.spintorque.transport;

import java.util.Optional;
import java.util.OptionalDouble;
import org.spintorque.linalg.ComplexMatrix;
import org.spintorque.linalg.LinearAlgebra;
import org.spintorque.texture.Vector3;

/**
 * Spin-resolved transmission from the left lead to the right lead, for leads in which a spin component is
 * conserved.
 *
 * <h2>Definition</h2>
 * Each lead p = L, R is given a spin quantization axis n_p (a unit 3-vector, typically the direction of
 * the lead's magnetization). On a lead cell the spin operator is {@code S_p = 1 (x) n_p.sigma} (basis
 * index {@code site * statesPerSite + orbital * 2 + spin}, spin fastest) and the spin projectors are
 * <pre>   P_p^s = (1 + s n_p.sigma) / 2,   s = +1 (UP, along +n_p), s = -1 (DOWN, along -n_p). </pre>
 * Spin along n_p is conserved in lead p if P_p^s commutes with the lead's unit cell H0 and hopping V;
 * then it commutes with the lead self-energy, and {@code Gamma_p^s = P_p^s Gamma_p P_p^s} is the
 * broadening of the lead's spin-s channels. The transmission matrix is
 * <pre>   T_{s' s} = Tr[Gamma_R^{s'} G^r_{L,-1} Gamma_L^{s} G^a_{-1,L}] </pre>
 * with cells -1 (first left-lead cell) and L (first right-lead cell), hbar = e = 1.
 *
 * <h2>Which index is which</h2>
 * <ul>
 *   <li>The second index s (column, "in") is the spin of the electron <em>incoming from the left lead</em>,
 *       quantized along the <em>left</em> lead's axis n_L.
 *   <li>The first index s' (row, "out") is the spin of the electron <em>transmitted into the right
 *       lead</em>, quantized along the <em>right</em> lead's axis n_R.
 *   <li>{@link #transmission(Spin, Spin) transmission(out, in)} = T_{out in}; {@link #matrix()} is
 *       {@code [out][in]} with index 0 = UP, 1 = DOWN.
 *   <li>{@link #incoming(Spin) incoming(s)} = {@code T_s = sum_{s'} T_{s' s}}: the transmission of the
 *       left lead's spin-s channels (summed over the outgoing spin).
 *   <li>{@link #outgoing(Spin) outgoing(s')} = {@code sum_s T_{s' s}}: the transmission into the right
 *       lead's spin-s' channels.
 *   <li>{@link #incomingPolarization()} = {@code (T_UP - T_DOWN) / (T_UP + T_DOWN)} with T_s = incoming(s):
 *       the spin polarization, along n_L, of the current that is transmitted, counted by the spin with which
 *       it entered. {@link #outgoingPolarization()} = {@code (outgoing(UP) - outgoing(DOWN)) / T}: the spin
 *       polarization, along n_R, of the current arriving in the right lead.
 * </ul>
 * For a collinear ferromagnet with exchange {@code -M n.sigma} (M > 0) UP is the majority spin. The four
 * entries are non-negative and sum to {@link #total()} = T_LR (up to rounding and the commutator
 * tolerance).
 *
 * <h2>When spin is not conserved</h2>
 * The largest element of {@code [n_p.sigma, H0]} and {@code [n_p.sigma, V]} is compared with the largest
 * element of H0 and V of the lead; above {@link #COMMUTATOR_TOLERANCE} the spin along n_p is not
 * conserved, the result says so ({@link #conserved()} false, {@link #reason()}, the two relative
 * commutators), and every spin-resolved accessor throws {@link IllegalStateException} instead of returning
 * a number without meaning. {@link #total()} is always available.
 *
 * <h2>Cost</h2>
 * Only the left-lead states on the last reported cell are needed: {@code psi_L(L) = G^r_{L,-1} W_L}
 * ({@code Gamma_L = W_L W_L^dagger}, one column per open channel) from one {@link RecursiveGreenFunction#sweep}
 * (which also yields T_LR); no block of G beyond these columns is formed. Because {@code P_L^s W_L} lies in
 * the range of W_L when spin is conserved, {@code P_L^s W_L = W_L C_s} with the small channel matrix
 * {@code C_s = (W_L^dagger W_L)^-1 W_L^dagger P_L^s W_L}, so that
 * <pre>   T_{s' s} = |(P_R^{s'} W_R)^dagger psi_L(L) C_s|_F^2 </pre>
 * (a squared Frobenius norm, hence non-negative). The residual {@code |P W_L - W_L C|} and the spin mixing
 * of the broadenings {@code |P^UP Gamma P^DOWN|} are checked (relative {@link #BROADENING_TOLERANCE});
 * they vanish when the commutators do.
 *
 * <p>Immutable.
 */
public final class SpinResolvedTransmission {
    /** Largest relative commutator |[n.sigma, H0 or V]| / max(|H0|, |V|) (element-wise) counted as conserved. */
    public static final double COMMUTATOR_TOLERANCE = 1e-10;
    /**
     * Largest relative spin mixing of a lead broadening, {@code max|P^UP Gamma P^DOWN| / max|Gamma|}, and
     * relative residual of {@code P W_L = W_L C}, accepted before the spin-resolved numbers are withheld.
     */
    public static final double BROADENING_TOLERANCE = 1e-8;

    /** Spin along a lead's quantization axis. */
    public enum Spin {
        /** Along +n (eigenvalue +1 of n.sigma); the majority spin for an exchange -M n.sigma, M > 0. */
        UP(1),
        /** Along -n (eigenvalue -1 of n.sigma). */
        DOWN(-1);

        private final int sign;

        Spin(int sign) {
            this.sign = sign;
        }

        /** +1 for UP, -1 for DOWN. */
        public int sign() {
            return sign;
        }

        /** 0 for UP, 1 for DOWN: the index in {@link #matrix()}. */
        public int index() {
            return sign > 0 ? 0 : 1;
        }
    }

    /**
     * The spin quantization of one lead.
     *
     * @param axis          the quantization axis; normalized on construction (so a magnetization vector may
     *                      be passed as it is); must be finite and non-zero
     * @param statesPerSite states per lattice site, 2 * orbitals (even); the lead cell size must be a
     *                      multiple of it
     */
    public record LeadSpinAxis(Vector3 axis, int statesPerSite) {
        public LeadSpinAxis {
            if (axis == null) {
                throw new IllegalArgumentException("the spin quantization axis is missing");
            }
            double norm = axis.norm();
            if (!(norm > 0) || !Double.isFinite(norm)) {
                throw new IllegalArgumentException("the spin quantization axis " + axis
                        + " must be a finite non-zero vector");
            }
            axis = axis.times(1 / norm);
            if (statesPerSite < 2 || statesPerSite % 2 != 0) {
                throw new IllegalArgumentException("states per site must be 2 * orbitals (even, >= 2), got "
                        + statesPerSite);
            }
        }

        /** With one orbital per site (two states). */
        public static LeadSpinAxis of(Vector3 axis) {
            return new LeadSpinAxis(axis, 2);
        }
    }

    private final double energy;
    private final double total;
    private final LeadSpinAxis leftAxis;
    private final LeadSpinAxis rightAxis;
    private final double leftCommutator;
    private final double rightCommutator;
    private final double broadeningMixing;
    private final String reason;
    private final double[][] t;

    private SpinResolvedTransmission(double energy, double total, LeadSpinAxis leftAxis, LeadSpinAxis rightAxis,
                                     double leftCommutator, double rightCommutator, double broadeningMixing,
                                     String reason, double[][] t) {
        this.energy = energy;
        this.total = total;
        this.leftAxis = leftAxis;
        this.rightAxis = rightAxis;
        this.leftCommutator = leftCommutator;
        this.rightCommutator = rightCommutator;
        this.broadeningMixing = broadeningMixing;
        this.reason = reason;
        this.t = t;
    }

    /**
     * Solves the system at {@code energy} and resolves its transmission by spin.
     *
     * @throws NoOpenChannelException if a lead has no open channel at that energy
     */
    public static SpinResolvedTransmission compute(BlockTridiagonal system, double energy, LeadSpinAxis left,
                                                   LeadSpinAxis right, LinearAlgebra la) {
        return compute(new RecursiveGreenFunction(system, energy, la), left, right, la);
    }

    /**
     * Resolves the transmission of a prepared solver by spin. Runs one {@link RecursiveGreenFunction#sweep}
     * when spin is conserved in both leads (the solver caches T_LR from it); otherwise only T_LR is taken
     * from the solver.
     *
     * @param la the backend for the (small) channel-space products
     * @throws IllegalArgumentException if a lead cell is not a whole number of sites of the given size
     */
    public static SpinResolvedTransmission compute(RecursiveGreenFunction g, LeadSpinAxis left, LeadSpinAxis right,
                                                   LinearAlgebra la) {
        return compute(g, left, right, la, null);
    }

    /**
     * As {@link #compute(RecursiveGreenFunction, LeadSpinAxis, LeadSpinAxis, LinearAlgebra)}, with the states
     * psi_L(L) = {@code leftStates()} of the last cell (x = L) taken from a sweep the caller already made, so
     * that no second sweep is needed; null to sweep here.
     */
    public static SpinResolvedTransmission compute(RecursiveGreenFunction g, LeadSpinAxis left, LeadSpinAxis right,
                                                   LinearAlgebra la, ComplexMatrix lastLeftStates) {
        BlockTridiagonal system = g.system();
        double cl = commutator(system.leftLead(), left);
        double cr = commutator(system.rightLead(), right);
        StringBuilder why = new StringBuilder();
        if (!(cl <= COMMUTATOR_TOLERANCE)) {
            why.append("spin along ").append(axisText(left.axis())).append(" is not conserved in the left lead"
                    + " (relative commutator with its Hamiltonian ").append(cl).append(" > ")
                    .append(COMMUTATOR_TOLERANCE).append(")");
        }
        if (!(cr <= COMMUTATOR_TOLERANCE)) {
            if (why.length() > 0) {
                why.append("; ");
            }
            why.append("spin along ").append(axisText(right.axis())).append(" is not conserved in the right lead"
                    + " (relative commutator with its Hamiltonian ").append(cr).append(" > ")
                    .append(COMMUTATOR_TOLERANCE).append(")");
        }
        if (why.length() > 0) {
            return new SpinResolvedTransmission(g.energy(), g.transmissionLR(), left, right, cl, cr, Double.NaN,
                    why.toString(), null);
        }

        ComplexMatrix[] last = {lastLeftStates};
        if (last[0] == null) {
            g.sweep(c -> {
                if (!c.hasNext()) {
                    last[0] = c.leftStates();
                }
            });
        }
        double totalLR = g.transmissionLR();
        ComplexMatrix psi = last[0];
        ComplexMatrix wl = g.leftLead().gammaFactorRef();
        ComplexMatrix wr = g.rightLead().gammaFactorRef();

        double[] nl = axisArray(left.axis());
        double[] nr = axisArray(right.axis());
        double mixing = Math.max(spinMixing(wl, nl), spinMixing(wr, nr));

        // C_s = (W_L^dagger W_L)^-1 W_L^dagger P_s W_L and the residual of P_s W_L = W_L C_s
        ComplexMatrix gram = new ComplexMatrix(wl.cols(), wl.cols());
        la.gemm(true, false, 1, 0, wl, wl, 0, 0, gram);
        double wScale = Math.max(wl.maxAbs(), Double.MIN_NORMAL);
        ComplexMatrix[] cs = new ComplexMatrix[2];
        double residual = 0;
        for (Spin s : Spin.values()) {
            ComplexMatrix pw = project(wl, nl, s.sign());
            ComplexMatrix rhs = new ComplexMatrix(wl.cols(), wl.cols());
            la.gemm(true, false, 1, 0, wl, pw, 0, 0, rhs);
            ComplexMatrix c = la.solve(gram, rhs);
            cs[s.index()] = c;
            residual = Math.max(residual, la.multiply(wl, c).maxAbsDifference(pw) / wScale);
        }
        mixing = Math.max(mixing, residual);
        if (!(mixing <= BROADENING_TOLERANCE)) {
            String msg = "the lead broadenings mix the spin projections (relative " + mixing + " > "
                    + BROADENING_TOLERANCE + ") although the lead Hamiltonians commute with the spin;"
                    + " spin-resolved transmissions are withheld";
            return new SpinResolvedTransmission(g.energy(), totalLR, left, right, cl, cr, mixing, msg, null);
        }

        double[][] tm = new double[2][2];
        for (Spin out : Spin.values()) {
            ComplexMatrix pwr = project(wr, nr, out.sign());
            // (P_R^{s'} W_R)^dagger psi_L(L): right channels x left channels
            ComplexMatrix a = new ComplexMatrix(wr.cols(), psi.cols());
            la.gemm(true, false, 1, 0, pwr, psi, 0, 0, a);
            for (Spin in : Spin.values()) {
                tm[out.index()][in.index()] = frobenius2(la.multiply(a, cs[in.index()]));
            }
        }
        return new SpinResolvedTransmission(g.energy(), totalLR, left, right, cl, cr, mixing, null, tm);
    }

    /**
     * The relative commutator of the lead's spin along the axis with the lead Hamiltonian:
     * {@code max(max|[S, H0]|, max|[S, V]|) / max(max|H0|, max|V|)}, S = 1 (x) n.sigma; 0 for a lead that
     * conserves the spin along n exactly.
     *
     * @throws IllegalArgumentException if the lead cell is not a whole number of sites
     */
    public static double commutator(Lead lead, LeadSpinAxis axis) {
        if (lead.size() % axis.statesPerSite() != 0) {
            throw new IllegalArgumentException("a lead cell of " + lead.size() + " states is not a whole number of"
                    + " sites with " + axis.statesPerSite() + " states each");
        }
        double[] n = axisArray(axis.axis());
        ComplexMatrix h0 = lead.cellRef();
        ComplexMatrix v = lead.hoppingRef();
        double scale = Math.max(Math.max(h0.maxAbs(), v.maxAbs()), Double.MIN_NORMAL);
        return Math.max(spinCommutator(h0, n), spinCommutator(v, n)) / scale;
    }

    /** Whether spin along the axis is conserved in the lead ({@link #commutator} within the tolerance). */
    public static boolean conserves(Lead lead, LeadSpinAxis axis) {
        return commutator(lead, axis) <= COMMUTATOR_TOLERANCE;
    }

    /** The energy of the calculation (after a band-edge shift, if the solver made one). */
    public double energy() {
        return energy;
    }

    /** T_LR, the total transmission from left to right (available whether or not spin is conserved). */
    public double total() {
        return total;
    }

    /** The left lead's quantization (axis normalized). */
    public LeadSpinAxis leftAxis() {
        return leftAxis;
    }

    /** The right lead's quantization (axis normalized). */
    public LeadSpinAxis rightAxis() {
        return rightAxis;
    }

    /** Whether the spin-resolved numbers are defined: spin conserved in both leads along their axes. */
    public boolean conserved() {
        return t != null;
    }

    /** Why the spin-resolved numbers are withheld; empty when {@link #conserved()}. */
    public Optional<String> reason() {
        return Optional.ofNullable(reason);
    }

    /** The left lead's relative commutator (see {@link #commutator}). */
    public double leftCommutator() {
        return leftCommutator;
    }

    /** The right lead's relative commutator (see {@link #commutator}). */
    public double rightCommutator() {
        return rightCommutator;
    }

    /**
     * The largest relative spin mixing of the lead broadenings found (NaN when the commutator check
     * already failed): a diagnostic of rounding, about 1e-15 normally.
     */
    public double broadeningMixing() {
        return broadeningMixing;
    }

    /**
     * T_{out in}: from the left lead's spin {@code in} (along n_L) into the right lead's spin {@code out}
     * (along n_R).
     *
     * @throws IllegalStateException if spin is not conserved in the leads
     */
    public double transmission(Spin out, Spin in) {
        return require()[out.index()][in.index()];
    }

    /** {@code [out][in]} (0 = UP, 1 = DOWN), a copy; throws like {@link #transmission}. */
    public double[][] matrix() {
        double[][] m = require();
        return new double[][] {m[0].clone(), m[1].clone()};
    }

    /** {@code sum_out T_{out in}}: the transmission of the left lead's spin-{@code in} channels. */
    public double incoming(Spin in) {
        double[][] m = require();
        return m[0][in.index()] + m[1][in.index()];
    }

    /** {@code sum_in T_{out in}}: the transmission into the right lead's spin-{@code out} channels. */
    public double outgoing(Spin out) {
        double[][] m = require();
        return m[out.index()][0] + m[out.index()][1];
    }

    /** The sum of the four entries (equals {@link #total()} to rounding). */
    public double spinSum() {
        double[][] m = require();
        return m[0][0] + m[0][1] + m[1][0] + m[1][1];
    }

    /** {@code T_{UP DOWN} + T_{DOWN UP}}: the spin-flip part (relative to the two axes). */
    public double spinFlip() {
        double[][] m = require();
        return m[0][1] + m[1][0];
    }

    /**
     * {@code (T_UP - T_DOWN) / (T_UP + T_DOWN)} with {@code T_s = incoming(s)}, spin along n_L; empty if
     * nothing is transmitted.
     */
    public OptionalDouble incomingPolarization() {
        return polarization(incoming(Spin.UP), incoming(Spin.DOWN));
    }

    /**
     * {@code (outgoing(UP) - outgoing(DOWN)) / (outgoing(UP) + outgoing(DOWN))}, spin along n_R; empty if
     * nothing is transmitted.
     */
    public OptionalDouble outgoingPolarization() {
        return polarization(outgoing(Spin.UP), outgoing(Spin.DOWN));
    }

    private static OptionalDouble polarization(double up, double down) {
        double sum = up + down;
        return sum > 0 ? OptionalDouble.of((up - down) / sum) : OptionalDouble.empty();
    }

    private double[][] require() {
        if (t == null) {
            throw new IllegalStateException("spin-resolved transmission is not defined: " + reason);
        }
        return t;
    }

    @Override
    public String toString() {
        if (t == null) {
            return "SpinResolvedTransmission[E=" + energy + ", T=" + total + ", not resolved: " + reason + "]";
        }
        return "SpinResolvedTransmission[E=" + energy + ", T=" + total + ", T(out,in): uu=" + t[0][0] + " ud="
                + t[0][1] + " du=" + t[1][0] + " dd=" + t[1][1] + ", n_L=" + axisText(leftAxis.axis()) + ", n_R="
                + axisText(rightAxis.axis()) + "]";
    }

    // --- spin algebra on cells: the 2 x 2 spin block acts on index pairs (2p, 2p+1) ---

    private static double[] axisArray(Vector3 n) {
        return new double[] {n.x(), n.y(), n.z()};
    }

    private static String axisText(Vector3 n) {
        return "(" + n.x() + ", " + n.y() + ", " + n.z() + ")";
    }

    /**
     * n.sigma as {re00, im00, re01, im01, re10, im10, re11, im11}: [[nz, nx - i ny], [nx + i ny, -nz]].
     */
    private static double[] spinMatrix(double[] n, double diag, double factor) {
        return new double[] {
            diag + factor * n[2], 0, factor * n[0], -factor * n[1],
            factor * n[0], factor * n[1], diag - factor * n[2], 0,
        };
    }

    /** Largest element of [1 (x) n.sigma, a] for a square matrix a of even size. */
    static double spinCommutator(ComplexMatrix a, double[] n) {
        ComplexMatrix s = applyLeft(a, spinMatrix(n, 0, 1));
        ComplexMatrix r = applyRight(a, spinMatrix(n, 0, 1));
        return s.maxAbsDifference(r);
    }

    /** P_s x = (1 + s n.sigma)/2 x on every site of the rows. */
    static ComplexMatrix project(ComplexMatrix x, double[] n, int sign) {
        return applyLeft(x, spinMatrix(n, 0.5, 0.5 * sign));
    }

    /** max|P_UP W W^dagger P_DOWN| / max|W W^dagger| for a broadening factor W. */
    private static double spinMixing(ComplexMatrix w, double[] n) {
        if (w.cols() == 0) {
            return 0;
        }
        ComplexMatrix up = project(w, n, 1);
        ComplexMatrix dn = project(w, n, -1);
        ComplexMatrix gamma = w.times(w.dagger());
        ComplexMatrix mix = up.times(dn.dagger());
        return mix.maxAbs() / Math.max(gamma.maxAbs(), Double.MIN_NORMAL);
    }

    /** (1 (x) m) a, m a 2 x 2 block given as interleaved row-major {re, im} pairs. */
    private static ComplexMatrix applyLeft(ComplexMatrix a, double[] m) {
        int rows = a.rows();
        if (rows % 2 != 0) {
            throw new IllegalArgumentException("a cell of " + rows + " states has no spin-1/2 pairs");
        }
        ComplexMatrix out = new ComplexMatrix(rows, a.cols());
        for (int j = 0; j < a.cols(); j++) {
            for (int p = 0; p < rows; p += 2) {
                double ur = a.re(p, j);
                double ui = a.im(p, j);
                double dr = a.re(p + 1, j);
                double di = a.im(p + 1, j);
                out.set(p, j, m[0] * ur - m[1] * ui + m[2] * dr - m[3] * di,
                        m[0] * ui + m[1] * ur + m[2] * di + m[3] * dr);
                out.set(p + 1, j, m[4] * ur - m[5] * ui + m[6] * dr - m[7] * di,
                        m[4] * ui + m[5] * ur + m[6] * di + m[7] * dr);
            }
        }
        return out;
    }

    /** a (1 (x) m), m as in {@link #applyLeft}. */
    private static ComplexMatrix applyRight(ComplexMatrix a, double[] m) {
        int cols = a.cols();
        if (cols % 2 != 0) {
            throw new IllegalArgumentException("a cell of " + cols + " states has no spin-1/2 pairs");
        }
        ComplexMatrix out = new ComplexMatrix(a.rows(), cols);
        for (int q = 0; q < cols; q += 2) {
            for (int i = 0; i < a.rows(); i++) {
                double ur = a.re(i, q);
                double ui = a.im(i, q);
                double dr = a.re(i, q + 1);
                double di = a.im(i, q + 1);
                // column q: a_{i,q} m_00 + a_{i,q+1} m_10 ; column q+1: a_{i,q} m_01 + a_{i,q+1} m_11
                out.set(i, q, ur * m[0] - ui * m[1] + dr * m[4] - di * m[5],
                        ur * m[1] + ui * m[0] + dr * m[5] + di * m[4]);
                out.set(i, q + 1, ur * m[2] - ui * m[3] + dr * m[6] - di * m[7],
                        ur * m[3] + ui * m[2] + dr * m[7] + di * m[6]);
            }
        }
        return out;
    }

    private static double frobenius2(ComplexMatrix a) {
        double s = 0;
        for (double v : a.data()) {
            s += v * v;
        }
        return s;
    }
}
