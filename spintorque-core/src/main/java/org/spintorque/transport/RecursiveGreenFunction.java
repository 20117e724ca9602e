package org.spintorque.transport;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.spintorque.linalg.ComplexMatrix;
import org.spintorque.linalg.LinearAlgebra;

/**
 * Retarded Green's function, transmission and non-equilibrium density matrix of a {@link BlockTridiagonal}
 * open system at one energy, by the recursive Green's function method.
 *
 * <h2>Method</h2>
 * The solver works on the cells x = -1 .. L (the two first lead cells included, so that they and the
 * interface bonds are reported), with the exact lead self-energies ({@link LeadSelfEnergy}) on the cells
 * -1 and L. With k = x + 1 = 0 .. n (n = L + 1), D_k = E - H_kk (- Sigma on the end cells) and the hopping
 * C_k = H_{k+1,k}:
 * <ol>
 *   <li>Right-to-left: right-connected Green's functions {@code gR_n = D_n^-1},
 *       {@code gR_k = (D_k - C_k^dagger gR_{k+1} C_k)^-1} (so gR_0 = G_{0,0} of the whole system), and the
 *       columns of the right lead's scattering states {@code psi_R(k) = G_{k,n} W_R} by
 *       {@code psi_R(n) = gR_n W_R}, {@code psi_R(k) = gR_k C_k^dagger psi_R(k+1)}.
 *   <li>Left-to-right: {@code psi_L(0) = gR_0 W_L}, {@code psi_L(k) = gR_k C_{k-1} psi_L(k-1)} and
 *       {@code psi_R(k) += gR_k C_{k-1} psi_R(k-1)} (block Thomas algorithm), delivering each cell to the
 *       caller as soon as its neighbour is known.
 * </ol>
 * Here {@code Gamma_p = W_p W_p^dagger} (W_p has one column per open channel), so
 * {@code A_p = G^r Gamma_p G^a = psi_p psi_p^dagger} and only the columns connected to the leads are
 * ever formed: never a dense inverse of the whole system. Memory: the n+1 blocks gR_k and psi_R(k), i.e.
 * O(L N^2); time per cell: one N x N inversion plus products with N x (open channels) matrices. Sparse
 * inter-slice hoppings (lattice hoppings) are applied element-wise.
 *
 * <h2>Outputs (hbar = e = 1, per unit bias)</h2>
 * <ul>
 *   <li>{@code T_LR = Tr[Gamma_R G_{L,-1} Gamma_L G_{L,-1}^dagger]}, {@code T_RL} likewise; equal by
 *       unitarity.
 *   <li>{@code delta rho / (eV)}: {@link Injection#SYMMETRIC} {@code (A_L - A_R)/(4 pi)},
 *       {@link Injection#LEFT} {@code A_L/(2 pi)}; blocks rho_{x,x} and rho_{x+1,x} streamed by
 *       {@link #density} or {@link #sweep}.
 *   <li>The spectral function {@code (A_L + A_R)/(2 pi)} (equilibrium-like: its bond currents vanish).
 * </ul>
 *
 * <h2>Threads</h2>
 * One instance per energy. The system and the backend are shared read-only, so different energies can be
 * solved in parallel; an instance's lazily built tables are guarded, so even one instance may be swept
 * from several threads.
 */
public final class RecursiveGreenFunction {
    private final BlockTridiagonal system;
    private final LinearAlgebra la;
    private final LeadSelfEnergy left;
    private final LeadSelfEnergy right;
    private final double energy;
    private final double requestedEnergy;
    private final List<String> warnings;
    private final int n;
    private final Coupling[] couplings;

    private ComplexMatrix[] gR;
    private ComplexMatrix[] psiR;
    private double transmissionLR = Double.NaN;

    /**
     * Prepares the solver at {@code energy}: computes both lead self-energies (shifting both, and the
     * scattering region, to the same energy if it lies on a band edge of either lead).
     *
     * @throws NoOpenChannelException if a lead has no open channel at that energy
     */
    public RecursiveGreenFunction(BlockTridiagonal system, double energy, LinearAlgebra la) {
        this(system, leads(system, energy, la), energy, la);
    }

    /**
     * With lead self-energies computed beforehand (they must be for this system's leads and at one common
     * energy, which is then the energy of the calculation).
     *
     * @throws NoOpenChannelException if a lead has no open channel
     */
    public RecursiveGreenFunction(BlockTridiagonal system, LeadSelfEnergy left, LeadSelfEnergy right,
                                  LinearAlgebra la) {
        this(system, new LeadSelfEnergy[] {left, right}, left.requestedEnergy(), la);
    }

    private RecursiveGreenFunction(BlockTridiagonal system, LeadSelfEnergy[] leads, double requested,
                                   LinearAlgebra la) {
        this.system = system;
        this.la = la;
        this.left = leads[0];
        this.right = leads[1];
        if (left.side() != LeadSide.LEFT || right.side() != LeadSide.RIGHT) {
            throw new IllegalArgumentException("lead self-energies given for the wrong sides");
        }
        if (left.energy() != right.energy()) {
            throw new IllegalArgumentException("lead self-energies at different energies: " + left.energy()
                    + " and " + right.energy());
        }
        if (left.lead().size() != system.leftLead().size() || right.lead().size() != system.rightLead().size()) {
            throw new IllegalArgumentException("lead self-energies do not match the system's leads");
        }
        this.energy = left.energy();
        this.requestedEnergy = requested;
        List<String> w = new ArrayList<>(left.warnings());
        for (String s : right.warnings()) {
            if (!w.contains(s)) {
                w.add(s);
            }
        }
        this.warnings = List.copyOf(w);
        if (left.openChannels() == 0) {
            throw new NoOpenChannelException(LeadSide.LEFT, energy);
        }
        if (right.openChannels() == 0) {
            throw new NoOpenChannelException(LeadSide.RIGHT, energy);
        }
        this.n = system.length() + 1;
        this.couplings = new Coupling[n];
        for (int k = 0; k < n; k++) {
            couplings[k] = new Coupling(system.hoppingRef(k - 1), la);
        }
    }

    /** Both leads at a common energy (band-edge shifts applied consistently). */
    private static LeadSelfEnergy[] leads(BlockTridiagonal system, double energy, LinearAlgebra la) {
        LeadSelfEnergy l = LeadSelfEnergy.compute(system.leftLead(), LeadSide.LEFT, energy, la);
        LeadSelfEnergy r = LeadSelfEnergy.compute(system.rightLead(), LeadSide.RIGHT, l.energy(), la);
        for (int i = 0; i < 8 && r.energy() != l.energy(); i++) {
            l = LeadSelfEnergy.compute(system.leftLead(), LeadSide.LEFT, r.energy(), la);
            if (l.energy() != r.energy()) {
                r = LeadSelfEnergy.compute(system.rightLead(), LeadSide.RIGHT, l.energy(), la);
            }
        }
        if (r.energy() != l.energy()) {
            throw new IllegalStateException("no common energy off the band edges of both leads near E = " + energy);
        }
        // report the originally requested energy in the warnings
        if (l.energy() != energy) {
            String msg = "E = " + energy + " lies on a band edge of a lead; the calculation uses E = " + l.energy()
                    + " (shift " + (l.energy() - energy) + ")";
            List<String> w = new ArrayList<>();
            w.add(msg);
            w.addAll(l.warnings());
            w.addAll(r.warnings());
            return new LeadSelfEnergy[] {withNote(l, w), r};
        }
        return new LeadSelfEnergy[] {l, r};
    }

    private static LeadSelfEnergy withNote(LeadSelfEnergy l, List<String> w) {
        return l.withExtraWarnings(w);
    }

    /**
     * An upper bound of the memory one solver at one energy needs, in bytes, so that a caller can refuse a
     * system before allocating: the stored right-connected blocks {@code 16 n_x^2} and right-lead states
     * {@code 16 n_x n_R} for every cell x = -1 .. L, the states of two cells in the sweep, transients of a
     * few {@code n^2} blocks, and the lead computation ({@code 4 (2 n_lead)^2} complex numbers for the
     * mode-matching eigenproblem).
     */
    public static long memoryEstimateBytes(BlockTridiagonal system) {
        long bytes = 0;
        long nMax = 0;
        int nl = system.leftLead().size();
        int nr = system.rightLead().size();
        for (int x = -1; x <= system.length(); x++) {
            long nx = system.cellSize(x);
            nMax = Math.max(nMax, nx);
            bytes += 16 * (nx * nx + nx * nr);
        }
        bytes += 16 * 2 * nMax * (nl + nr);
        bytes += 16 * 6 * nMax * nMax;
        long lead = Math.max(nl, nr);
        bytes += 16 * 4 * (2 * lead) * (2 * lead);
        return bytes;
    }

    /** The system. */
    public BlockTridiagonal system() {
        return system;
    }

    /** The energy used (the requested one unless shifted off a band edge). */
    public double energy() {
        return energy;
    }

    /** The energy asked for. */
    public double requestedEnergy() {
        return requestedEnergy;
    }

    /** Warnings for the user (band-edge shifts); empty normally. */
    public List<String> warnings() {
        return warnings;
    }

    public LeadSelfEnergy leftLead() {
        return left;
    }

    public LeadSelfEnergy rightLead() {
        return right;
    }

    /** Diagonal block D_k = E - H_kk (- Sigma on the end cells), k = x + 1. */
    private ComplexMatrix diagonal(int k) {
        ComplexMatrix d = LeadSelfEnergy.energyMinus(system.cellRef(k - 1), energy, 0);
        if (k == 0) {
            d = d.minus(left.selfEnergyRef());
        }
        if (k == n) {
            d = d.minus(right.selfEnergyRef());
        }
        return d;
    }

    private synchronized void prepare() {
        if (gR != null) {
            return;
        }
        ComplexMatrix[] g = new ComplexMatrix[n + 1];
        ComplexMatrix[] pr = new ComplexMatrix[n + 1];
        g[n] = la.inverse(diagonal(n));
        pr[n] = la.multiply(g[n], right.gammaFactorRef());
        for (int k = n - 1; k >= 0; k--) {
            ComplexMatrix d = diagonal(k).minus(couplings[k].sandwich(g[k + 1]));
            g[k] = la.inverse(d);
            pr[k] = la.multiply(g[k], couplings[k].daggerTimes(pr[k + 1]));
        }
        psiR = pr;
        gR = g;
    }

    /** {@code T_LR = Tr[Gamma_R G^r_{L,-1} Gamma_L G^a_{-1,L}]}: transmission from the left lead to the right. */
    public double transmissionLR() {
        double t;
        synchronized (this) {
            t = transmissionLR;
        }
        if (Double.isNaN(t)) {
            sweep(c -> { });
            synchronized (this) {
                t = transmissionLR;
            }
        }
        return t;
    }

    /** {@code T_RL = Tr[Gamma_L G^r_{-1,L} Gamma_R G^a_{L,-1}]}: transmission from the right lead to the left. */
    public double transmissionRL() {
        prepare();
        // psi_R(-1) = G_{-1,L} W_R ; T_RL = |W_L^dagger psi_R(-1)|_F^2
        ComplexMatrix p = new ComplexMatrix(left.openChannels(), right.openChannels());
        la.gemm(true, false, 1, 0, left.gammaFactorRef(), psiR[0], 0, 0, p);
        return frobenius2(p);
    }

    private static double frobenius2(ComplexMatrix a) {
        double s = 0;
        for (double v : a.data()) {
            s += v * v;
        }
        return s;
    }

    /**
     * Streams the scattering states cell by cell, x = -1, 0, ..., L in increasing order; each
     * {@link CellStates} also holds cell x+1, so bond blocks rho_{x+1,x} are available. Storage of the
     * results is up to the consumer.
     */
    public void sweep(Consumer<CellStates> consumer) {
        prepare();
        int mL = left.openChannels();
        int mR = right.openChannels();
        ComplexMatrix x0 = new ComplexMatrix(system.cellSize(-1), mL + mR);
        x0.setBlock(0, 0, la.multiply(gR[0], left.gammaFactorRef()));
        x0.setBlock(0, mL, psiR[0]);
        ComplexMatrix prev = x0;
        for (int k = 1; k <= n; k++) {
            ComplexMatrix cx = couplings[k - 1].times(prev);
            ComplexMatrix cur = la.multiply(gR[k], cx);
            // add the right lead's own column part
            double[] c = cur.data();
            double[] p = psiR[k].data();
            int off = 2 * mL * cur.rows();
            for (int i = 0; i < p.length; i++) {
                c[off + i] += p[i];
            }
            consumer.accept(new CellStates(k - 2, prev, cur, mL, la));
            prev = cur;
        }
        consumer.accept(new CellStates(n - 1, prev, null, mL, la));
        // T_LR = |W_R^dagger psi_L(L)|^2
        ComplexMatrix psiL = prev.block(0, 0, prev.rows(), mL);
        ComplexMatrix p = new ComplexMatrix(mR, mL);
        la.gemm(true, false, 1, 0, right.gammaFactorRef(), psiL, 0, 0, p);
        double t = frobenius2(p);
        synchronized (this) {
            transmissionLR = t;
        }
    }

    /** A block consumer: {@code accept(x, rho_{x,x}, rho_{x+1,x})}, the bond block null for x = L. */
    @FunctionalInterface
    public interface BlockConsumer {
        void accept(int x, ComplexMatrix onSite, ComplexMatrix bondToNext);
    }

    /** Streams delta rho per unit bias, cells x = -1 .. L in increasing order. */
    public void density(Injection injection, BlockConsumer consumer) {
        sweep(c -> consumer.accept(c.x(), c.density(injection), c.bondDensity(injection)));
    }

    /** Streams the spectral function (A_L + A_R)/(2 pi), cells x = -1 .. L in increasing order. */
    public void spectralFunction(BlockConsumer consumer) {
        sweep(c -> consumer.accept(c.x(), c.spectralFunction(), c.spectralFunctionBond()));
    }

    /**
     * Blocks of G^r on cell x: the diagonal G_{x,x}, the neighbours G_{x+1,x} and G_{x,x+1} (null for
     * x = L), and the lead-connected columns G_{x,-1} and G_{x,L}.
     */
    public record GreenBlocks(int x, ComplexMatrix diagonal, ComplexMatrix nextFromThis, ComplexMatrix thisFromNext,
                              ComplexMatrix fromLeftCell, ComplexMatrix fromRightCell) {
    }

    /**
     * Streams blocks of the full retarded Green's function, x = -1 .. L, for checks and diagnostics. Costs
     * a few N^3 products per cell more than {@link #sweep} and stores the column G_{x,L} for all cells.
     */
    public void greenFunctionBlocks(Consumer<GreenBlocks> consumer) {
        prepare();
        // right-lead column by the block Thomas algorithm: y_n = gR_n, y_k = gR_k C_k^dagger y_{k+1};
        // then G_{0,n} = y_0 and G_{k,n} = y_k + gR_k C_{k-1} G_{k-1,n}
        ComplexMatrix[] y = new ComplexMatrix[n + 1];
        y[n] = gR[n];
        for (int k = n - 1; k >= 0; k--) {
            y[k] = la.multiply(gR[k], couplings[k].daggerTimes(y[k + 1]));
        }
        ComplexMatrix gPrev = gR[0];
        ComplexMatrix colLPrev = gR[0];
        ComplexMatrix colRPrev = y[0];
        for (int k = 1; k <= n; k++) {
            Coupling c = couplings[k - 1];
            // G_{k,k-1} = gR_k C_{k-1} G_{k-1,k-1}; G_{k-1,k} = G_{k-1,k-1} C_{k-1}^dagger gR_k
            ComplexMatrix lower = la.multiply(gR[k], c.times(gPrev));
            ComplexMatrix upper = la.multiply(c.rightTimesDagger(gPrev), gR[k]);
            // G_{k,k} = gR_k + G_{k,k-1} C_{k-1}^dagger gR_k
            ComplexMatrix diag = gR[k].plus(la.multiply(c.rightTimesDagger(lower), gR[k]));
            ComplexMatrix colL = la.multiply(gR[k], c.times(colLPrev));
            ComplexMatrix colR = y[k].plus(la.multiply(gR[k], c.times(colRPrev)));
            y[k - 1] = null;
            consumer.accept(new GreenBlocks(k - 2, gPrev, lower, upper, colLPrev, colRPrev));
            gPrev = diag;
            colLPrev = colL;
            colRPrev = colR;
        }
        consumer.accept(new GreenBlocks(n - 1, gPrev, null, null, colLPrev, colRPrev));
    }
}
