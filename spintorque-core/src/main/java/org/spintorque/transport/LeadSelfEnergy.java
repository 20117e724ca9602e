package org.spintorque.transport;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.spintorque.linalg.ComplexMatrix;
import org.spintorque.linalg.LinearAlgebra;

/**
 * The exact retarded self-energy of a semi-infinite periodic lead at a real energy, by mode matching.
 *
 * <h2>What is computed</h2>
 * For the right lead (cells 0, 1, 2, ... going away from the scattering region, hopping V = H_{x+1,x}) the
 * surface Green's function g is the retarded solution of its Dyson equation
 * <pre>   g = (E - H0 - V^dagger g V)^-1 </pre>
 * and the self-energy on the neighbouring cell is {@code Sigma = V^dagger g V}. For the left lead (cells 0,
 * -1, -2, ...) the orientation is reversed: {@code g = (E - H0 - V g V^dagger)^-1}, {@code Sigma = V g
 * V^dagger}. In both cases {@code g = (E - H0 - Sigma)^-1} is the Green's function of the first lead cell
 * of the semi-infinite lead, and {@code Gamma = i (Sigma - Sigma^dagger)} is Hermitian positive
 * semidefinite with rank equal to the number of open channels.
 *
 * <h2>Method: mode matching (exact; no imaginary part added to the energy)</h2>
 * Bloch solutions {@code psi_x = lambda^x phi} of the lead satisfy the quadratic eigenproblem
 * {@code (V^dagger lambda^2 - (E - H0) lambda + V) phi = 0}, linearised as the 2n x 2n pencil
 * {@code [[0, 1], [-V, E - H0]] z = lambda [[1, 0], [0, V^dagger]] z}, {@code z = (phi, lambda phi)}.
 * It is solved by a shift-and-invert transformation with a complex shift sigma (the best conditioned of
 * eight fixed points off the unit circle; this also handles a singular V) and a complex Schur
 * decomposition. The retarded solution uses the n modes that leave the scattering region: evanescent
 * modes with {@code |lambda| < 1} and propagating modes ({@code |lambda| = 1}) whose velocity points away.
 * Velocities are the eigenvalues of the Hermitian current form {@code -i (V/lambda - lambda V^dagger)}
 * restricted to each (possibly degenerate) eigenspace, so degenerate channels (spin, symmetric cross
 * sections) are classified correctly. The chosen eigenvalues are moved to the front of the Schur form by
 * unitary swaps, and the leading Schur vectors Z = [Z1; Z2] span the subspace of the outgoing modes
 * (never individual eigenvectors of degenerate eigenvalues; only if a right- and a left-moving mode share
 * one eigenvalue are the right-moving combinations taken from the eigenspace explicitly). Then
 * {@code F = Z2 Z1^-1} is the Bloch matrix {@code psi_{x+1} = F psi_x}, {@code Sigma = V^dagger F} (right)
 * and {@code g = Z1 ((E - H0) Z1 - V^dagger Z2)^-1}. When the hopping is a multiple of the identity,
 * {@code V = c 1}, the transverse modes are the eigenvectors of H0 and each is a chain solved in closed
 * form (same result, much cheaper).
 *
 * <p>The result is checked: the Dyson residual {@code |g (E - H0 - V^dagger g V) - 1|} is computed and
 * the next shift point is tried if it exceeds 1e-8. Measured on random multi-orbital leads: median 5e-16,
 * largest 2e-12; close to band edges it grows with {@code (|g| |V|)^2}, the amplification of rounding
 * errors of g in this residual (see the tests).
 *
 * <h2>Band edges and closed leads</h2>
 * An energy where a propagating mode has (nearly) zero velocity, {@code |v| < 1e-6 |V|_1}, or an
 * evanescent mode decays by less than a factor {@code 1 - 1e-6} per cell, lies on a band edge: the
 * channel count is ambiguous there and the self-energy is not analytic. {@link #compute} then shifts the
 * energy upwards by {@link #BAND_EDGE_SHIFT} times {@link Lead#energyScale()} (doubling the shift if
 * needed), computes there, and records a warning; {@link #energy()} is the energy actually used. A lead
 * with no open channel is valid here ({@link #openChannels()} = 0, Gamma = 0); the transport solver
 * reports it with a {@link NoOpenChannelException}.
 *
 * <p>Immutable once computed; computing is thread-safe (no shared mutable state).
 */
public final class LeadSelfEnergy {
    /** Band-edge shift, relative to {@link Lead#energyScale()}. */
    public static final double BAND_EDGE_SHIFT = 1e-9;
    /** Velocity below which a propagating mode counts as a band-edge mode, relative to |V|_1. */
    static final double VELOCITY_TOLERANCE = 1e-6;
    /** | |lambda| - 1 | below which a mode counts as propagating. */
    static final double UNIMODULAR_TOLERANCE = 1e-6;
    /** |lambda_i - lambda_j| below which propagating modes are treated as one degenerate group. */
    static final double DEGENERACY_TOLERANCE = 1e-8;
    /** Largest accepted Dyson residual before another shift-invert point is tried. */
    static final double RESIDUAL_LIMIT = 1e-8;
    private static final int MAX_SHIFTS = 8;
    /** Shift-invert points tried in turn (|sigma| != 1, irrational-looking positions). */
    private static final double[][] SIGMAS = {
        {0.5137, 0.8512}, {-0.7931, 0.5274}, {0.3719, -1.2113}, {-1.1353, -0.4712}, {1.7311, 0.2297},
        {0.2113, -0.4461}, {-0.0931, 1.4417}, {0.6667, -0.3331},
    };

    private final Lead lead;
    private final LeadSide side;
    private final double requestedEnergy;
    private final double energy;
    private final double energyIm;
    private final ComplexMatrix selfEnergy;
    private final ComplexMatrix surface;
    private final ComplexMatrix gamma;
    private final ComplexMatrix gammaFactor;
    private final int openChannels;
    private final double[] velocities;
    private final String method;
    private final List<String> warnings;

    private LeadSelfEnergy(Lead lead, LeadSide side, double requestedEnergy, double energy, double energyIm,
                           ComplexMatrix selfEnergy, ComplexMatrix surface, ComplexMatrix gamma,
                           ComplexMatrix gammaFactor, int openChannels, double[] velocities, String method,
                           List<String> warnings) {
        this.lead = lead;
        this.side = side;
        this.requestedEnergy = requestedEnergy;
        this.energy = energy;
        this.energyIm = energyIm;
        this.selfEnergy = selfEnergy;
        this.surface = surface;
        this.gamma = gamma;
        this.gammaFactor = gammaFactor;
        this.openChannels = openChannels;
        this.velocities = velocities;
        this.method = method;
        this.warnings = List.copyOf(warnings);
    }

    /**
     * The self-energy of {@code lead} on {@code side} at {@code energy}, shifted off a band edge if needed
     * (see the class comment).
     */
    public static LeadSelfEnergy compute(Lead lead, LeadSide side, double energy, LinearAlgebra la) {
        double shift = BAND_EDGE_SHIFT * Math.max(lead.energyScale(), Double.MIN_NORMAL);
        double e = energy;
        double step = shift;
        for (int attempt = 0; attempt <= MAX_SHIFTS; attempt++) {
            LeadSelfEnergy r = tryAt(lead, side, e, 0, energy, la, true);
            if (r != null) {
                if (e != energy) {
                    List<String> w = new ArrayList<>(r.warnings);
                    w.add("E = " + energy + " lies on a band edge of the " + side.label()
                            + " lead (a mode with zero velocity); computed at E = " + e + " instead (shifted by "
                            + (e - energy) + " = " + BAND_EDGE_SHIFT + " x lead energy scale "
                            + lead.energyScale() + (e - energy > shift * 1.5 ? ", doubled until off the edge" : "")
                            + ")");
                    return r.withWarnings(w);
                }
                return r;
            }
            e = energy + step;
            step *= 2;
        }
        throw new IllegalStateException("E = " + energy + " stays on a band edge of the " + side.label()
                + " lead after shifting by up to " + (step / 2));
    }

    /**
     * The self-energy of a lead whose cell and hopping are block-diagonal in a known basis: {@code H0 = U
     * diag(H0_q) U^dagger}, {@code V = U diag(V_q) U^dagger} with U unitary, e.g. a lead of a transverse
     * supercell and the lead's transverse Bloch components q. Then {@code Sigma = U diag(Sigma_q) U^dagger},
     * likewise g and Gamma, and {@code W = U diag(W_q)}; each component costs a mode matching of its own
     * (small) size instead of one of the whole lead. All components must have been computed at one common
     * energy ({@link #energy()}); they are not checked against {@code lead} beyond sizes (the caller guarantees
     * the block structure, and {@link #dysonResidual()} tests it).
     */
    public static LeadSelfEnergy blockDiagonal(Lead lead, LeadSide side, List<LeadSelfEnergy> components,
                                               ComplexMatrix u, LinearAlgebra la) {
        int n = lead.size();
        if (u.rows() != n || u.cols() != n) {
            throw new IllegalArgumentException("the unitary is " + u.rows() + "x" + u.cols() + ", the lead " + n);
        }
        ComplexMatrix sigma = new ComplexMatrix(n, n);
        ComplexMatrix g = new ComplexMatrix(n, n);
        int open = 0;
        List<Double> vel = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        double energy = components.get(0).energy;
        int offset = 0;
        for (LeadSelfEnergy c : components) {
            if (c.energy != energy || c.side != side) {
                throw new IllegalArgumentException("components at different energies or sides");
            }
            sigma.setBlock(offset, offset, c.selfEnergy);
            g.setBlock(offset, offset, c.surface);
            offset += c.lead.size();
            open += c.openChannels;
            for (double v : c.velocities) {
                vel.add(v);
            }
            for (String w : c.warnings) {
                if (!warnings.contains(w)) {
                    warnings.add(w);
                }
            }
        }
        if (offset != n) {
            throw new IllegalArgumentException("components hold " + offset + " states, the lead " + n);
        }
        ComplexMatrix w = new ComplexMatrix(n, open);
        offset = 0;
        int col = 0;
        for (LeadSelfEnergy c : components) {
            w.setBlock(offset, col, c.gammaFactor);
            offset += c.lead.size();
            col += c.openChannels;
        }
        ComplexMatrix ud = u.dagger();
        ComplexMatrix s = la.multiply(la.multiply(u, sigma), ud);
        ComplexMatrix surf = la.multiply(la.multiply(u, g), ud);
        ComplexMatrix wf = la.multiply(u, w);
        ComplexMatrix gamma = s.minus(s.dagger()).scale(0, 1);
        double[] velocities = vel.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return new LeadSelfEnergy(lead, side, components.get(0).requestedEnergy, energy, components.get(0).energyIm,
                s, surf, gamma, wf, open, velocities, "transverse Bloch components (" + components.size() + ", "
                + components.get(0).method + ")", warnings);
    }

    /**
     * The self-energy at a complex energy {@code re + i im}, {@code im > 0} (no band-edge handling: there
     * are no propagating modes off the real axis). For checks against other methods.
     */
    static LeadSelfEnergy computeComplex(Lead lead, LeadSide side, double re, double im, LinearAlgebra la) {
        if (!(im > 0)) {
            throw new IllegalArgumentException("imaginary part must be positive, got " + im);
        }
        return tryAt(lead, side, re, im, re, la, true);
    }

    /**
     * The general mode-matching path even where the closed form for {@code V = c 1} applies, without
     * band-edge shift (null on a band edge); for cross-checks.
     */
    static LeadSelfEnergy byModeMatching(Lead lead, LeadSide side, double re, double im, LinearAlgebra la) {
        return tryAt(lead, side, re, im, re, la, false);
    }

    private LeadSelfEnergy withWarnings(List<String> w) {
        return new LeadSelfEnergy(lead, side, requestedEnergy, energy, energyIm, selfEnergy, surface, gamma,
                gammaFactor, openChannels, velocities, method, w);
    }

    /** The same result with the given warnings (duplicates removed) in place of its own. */
    LeadSelfEnergy withExtraWarnings(List<String> w) {
        List<String> all = new ArrayList<>();
        for (String s : w) {
            if (!all.contains(s)) {
                all.add(s);
            }
        }
        return withWarnings(all);
    }

    /** The lead. */
    public Lead lead() {
        return lead;
    }

    public LeadSide side() {
        return side;
    }

    /** The energy asked for. */
    public double requestedEnergy() {
        return requestedEnergy;
    }

    /** The energy actually used (differs from the requested one only after a band-edge shift). */
    public double energy() {
        return energy;
    }

    /** Whether the energy was shifted off a band edge. */
    public boolean shifted() {
        return energy != requestedEnergy;
    }

    /** Warnings to show the user (band-edge shifts). */
    public List<String> warnings() {
        return warnings;
    }

    /**
     * "transverse modes" (V proportional to the identity), "mode matching" (general) or "decoupled cells"
     * (V = 0).
     */
    public String method() {
        return method;
    }

    /** Sigma on the cell next to the lead (a copy). */
    public ComplexMatrix selfEnergy() {
        return selfEnergy.copy();
    }

    /** Surface Green's function g = (E - H0 - Sigma)^-1 of the semi-infinite lead (a copy). */
    public ComplexMatrix surfaceGreenFunction() {
        return surface.copy();
    }

    /** Gamma = i (Sigma - Sigma^dagger) (a copy). */
    public ComplexMatrix gamma() {
        return gamma.copy();
    }

    /** W with Gamma = W W^dagger, n x openChannels (a copy). */
    public ComplexMatrix gammaFactor() {
        return gammaFactor.copy();
    }

    /** Number of open (propagating, outgoing) channels = rank of Gamma. */
    public int openChannels() {
        return openChannels;
    }

    /**
     * Group velocities dE/dk of the outgoing propagating modes (all positive, in units of energy times
     * lattice constant; per mode normalised to one particle per cell), ascending.
     */
    public double[] velocities() {
        return velocities.clone();
    }

    ComplexMatrix selfEnergyRef() {
        return selfEnergy;
    }

    ComplexMatrix gammaFactorRef() {
        return gammaFactor;
    }

    /**
     * max |g (E - H0 - V^dagger g V) - 1| (right lead; V g V^dagger for the left), with g the surface
     * Green's function: zero for an exact solution.
     */
    public double dysonResidual() {
        ComplexMatrix v = effectiveHopping(lead, side);
        ComplexMatrix inner = v.dagger().times(surface).times(v);
        ComplexMatrix d = energyMinus(lead.cellRef(), energy, energyIm).minus(inner);
        return surface.times(d).maxAbsDifference(ComplexMatrix.identity(d.rows()));
    }

    /** The hopping towards the far end of the lead seen as a "right" lead: V (right) or V^dagger (left). */
    static ComplexMatrix effectiveHopping(Lead lead, LeadSide side) {
        return side == LeadSide.RIGHT ? lead.hoppingRef() : lead.hoppingRef().dagger();
    }

    static ComplexMatrix energyMinus(ComplexMatrix h, double re, double im) {
        ComplexMatrix d = h.scale(-1, 0);
        for (int i = 0; i < d.rows(); i++) {
            d.add(i, i, re, im);
        }
        return d;
    }

    /** null if the energy is on a band edge. */
    private static LeadSelfEnergy tryAt(Lead lead, LeadSide side, double re, double im, double requested,
                                        LinearAlgebra la, boolean allowClosedForm) {
        ComplexMatrix v = effectiveHopping(lead, side);
        ComplexMatrix h0 = lead.cellRef();
        int n = h0.rows();
        double vScale = Lead.norm1(v);
        if (vScale == 0) {
            ComplexMatrix zero = new ComplexMatrix(n, n);
            ComplexMatrix g = la.inverse(energyMinus(h0, re, im));
            return new LeadSelfEnergy(lead, side, requested, re, im, zero, g, new ComplexMatrix(n, n),
                    new ComplexMatrix(n, 0), 0, new double[0], "decoupled cells", List.of());
        }
        if (allowClosedForm && isMultipleOfIdentity(v)) {
            return transverseModes(lead, side, re, im, requested, v.re(0, 0), v.im(0, 0), la);
        }
        ArithmeticException last = null;
        double bestResidual = Double.POSITIVE_INFINITY;
        for (double[] sigma : shiftPointsByCondition(h0, v, re, im, la)) {
            ModeResult r;
            try {
                r = modeMatching(h0, v, vScale, re, im, sigma[0], sigma[1], la);
            } catch (ArithmeticException e) {
                last = e;
                continue;
            }
            if (r == null) {
                return null; // band edge
            }
            // Sigma = V^dagger Z2 Z1^-1 ; g = (E - H0 - Sigma)^-1 = Z1 ((E - H0) Z1 - V^dagger Z2)^-1
            ComplexMatrix vd = v.dagger();
            ComplexMatrix sigmaMat = la.multiply(la.multiply(vd, r.z2), la.inverse(r.z1));
            ComplexMatrix k = la.multiply(energyMinus(h0, re, im), r.z1).minus(la.multiply(vd, r.z2));
            ComplexMatrix g = la.multiply(r.z1, la.inverse(k));
            ComplexMatrix inner = la.multiply(la.multiply(vd, g), v);
            ComplexMatrix check = la.multiply(g, energyMinus(h0, re, im).minus(inner));
            double residual = check.maxAbsDifference(ComplexMatrix.identity(n));
            if (!(residual <= RESIDUAL_LIMIT)) {
                bestResidual = Math.min(bestResidual, residual);
                continue;
            }
            ComplexMatrix gam = sigmaMat.minus(sigmaMat.dagger()).scale(0, 1);
            hermitize(gam);
            ComplexMatrix w = im == 0 ? pivotedCholesky(gam, r.velocities.length)
                    : pivotedCholesky(gam, n);
            return new LeadSelfEnergy(lead, side, requested, re, im, sigmaMat, g, gam, w,
                    im == 0 ? r.velocities.length : 0, r.velocities, "mode matching", List.of());
        }
        throw new ArithmeticException("mode matching failed for the " + side.label() + " lead at E = " + re
                + (last != null ? ": " + last.getMessage() : "") + " (best Dyson residual " + bestResidual + ")");
    }

    static boolean isMultipleOfIdentity(ComplexMatrix v) {
        int n = v.rows();
        double cr = v.re(0, 0);
        double ci = v.im(0, 0);
        double tol = 1e-15 * Math.hypot(cr, ci);
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                double er = v.re(i, j) - (i == j ? cr : 0);
                double ei = v.im(i, j) - (i == j ? ci : 0);
                if (Math.hypot(er, ei) > tol) {
                    return false;
                }
            }
        }
        return true;
    }

    /** V = c 1: each eigenvector of H0 is an independent chain with on-site energy eps and hopping c. */
    private static LeadSelfEnergy transverseModes(Lead lead, LeadSide side, double re, double im, double requested,
                                                  double cr, double ci, LinearAlgebra la) {
        ComplexMatrix h0 = lead.cellRef();
        int n = h0.rows();
        HermitianEigen eig = HermitianEigen.of(h0);
        double cAbs = Math.hypot(cr, ci);
        double[] sigR = new double[n];
        double[] sigI = new double[n];
        boolean[] open = new boolean[n];
        List<Double> vel = new ArrayList<>();
        int nOpen = 0;
        for (int j = 0; j < n; j++) {
            double ar = re - eig.value(j);
            double ai = im;
            // roots of conj(c) lambda^2 - a lambda + c = 0 ; disc = a^2 - 4 |c|^2
            double dr = ar * ar - ai * ai - 4 * cAbs * cAbs;
            double di = 2 * ar * ai;
            double[] s = ComplexSchur.csqrt(dr, di);
            double lr;
            double li;
            if (im == 0) {
                double sAbs = Math.hypot(s[0], s[1]);
                if (sAbs < VELOCITY_TOLERANCE * cAbs) {
                    return null; // band edge: velocity 2|c| sin k or decay rate vanishes
                }
            }
            if (im == 0 && dr < 0) {
                // propagating: lambda = (a +- i sqrt(4|c|^2 - a^2)) / (2 conj c), both on the unit circle
                double root = Math.sqrt(-dr);
                double best = 0;
                lr = 0;
                li = 0;
                for (int sign = -1; sign <= 1; sign += 2) {
                    // (a + i sign root) / (2 conj c) = (a + i sign root) c / (2 |c|^2)
                    double nr = ar;
                    double ni = sign * root;
                    double xr = (nr * cr - ni * ci) / (2 * cAbs * cAbs);
                    double xi = (nr * ci + ni * cr) / (2 * cAbs * cAbs);
                    // velocity 2 Im(c / lambda) = 2 Im(c conj(lambda)) on the unit circle
                    double vj = 2 * (ci * xr - cr * xi);
                    if (vj > best) {
                        best = vj;
                        lr = xr;
                        li = xi;
                    }
                }
                open[j] = true;
                nOpen++;
                vel.add(best);
            } else {
                // evanescent (or complex energy): the root inside the unit circle, lambda = 2c / q with
                // q = a + s or a - s, whichever is larger in modulus
                double qr = ar + s[0];
                double qi = ai + s[1];
                double pr = ar - s[0];
                double pi = ai - s[1];
                if (Math.hypot(pr, pi) > Math.hypot(qr, qi)) {
                    qr = pr;
                    qi = pi;
                }
                double q2 = qr * qr + qi * qi;
                lr = 2 * (cr * qr + ci * qi) / q2;
                li = 2 * (ci * qr - cr * qi) / q2;
            }
            // Sigma_j = conj(c) lambda
            sigR[j] = cr * lr + ci * li;
            sigI[j] = cr * li - ci * lr;
        }
        ComplexMatrix x = eig.vectors();
        ComplexMatrix xs = new ComplexMatrix(n, n);
        ComplexMatrix xg = new ComplexMatrix(n, n);
        List<Integer> gammaCols = new ArrayList<>();
        double[] gam = new double[n];
        for (int j = 0; j < n; j++) {
            double gr = re - eig.value(j) - sigR[j];
            double gi = im - sigI[j];
            double g2 = gr * gr + gi * gi;
            double invR = gr / g2;
            double invI = -gi / g2;
            gam[j] = -2 * sigI[j];
            if ((im == 0 && open[j]) || (im > 0 && gam[j] > 0)) {
                gammaCols.add(j);
            }
            for (int i = 0; i < n; i++) {
                double xr = x.re(i, j);
                double xi = x.im(i, j);
                xs.set(i, j, xr * sigR[j] - xi * sigI[j], xr * sigI[j] + xi * sigR[j]);
                xg.set(i, j, xr * invR - xi * invI, xr * invI + xi * invR);
            }
        }
        ComplexMatrix sigma = new ComplexMatrix(n, n);
        la.gemm(false, true, 1, 0, xs, x, 0, 0, sigma);
        ComplexMatrix g = new ComplexMatrix(n, n);
        la.gemm(false, true, 1, 0, xg, x, 0, 0, g);
        ComplexMatrix w = new ComplexMatrix(n, gammaCols.size());
        for (int c = 0; c < gammaCols.size(); c++) {
            int j = gammaCols.get(c);
            double sq = Math.sqrt(Math.max(gam[j], 0));
            for (int i = 0; i < n; i++) {
                w.set(i, c, x.re(i, j) * sq, x.im(i, j) * sq);
            }
        }
        ComplexMatrix gamma = new ComplexMatrix(n, n);
        la.gemm(false, true, 1, 0, w, w, 0, 0, gamma);
        hermitize(gamma);
        double[] v = new double[vel.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = vel.get(i);
        }
        Arrays.sort(v);
        return new LeadSelfEnergy(lead, side, requested, re, im, sigma, g, gamma, w, im == 0 ? nOpen : 0, v,
                "transverse modes", List.of());
    }

    /** The invariant subspace [Z1; Z2] of the outgoing modes and their velocities. */
    private record ModeResult(ComplexMatrix z1, ComplexMatrix z2, double[] velocities) {
    }

    /**
     * The shift points, best conditioned first: {@code |Q(sigma)|_1 |Q(sigma)^-1|_1} with
     * {@code Q(sigma) = E - H0 - sigma V^dagger - V / sigma}.
     */
    private static List<double[]> shiftPointsByCondition(ComplexMatrix h0, ComplexMatrix v, double re, double im,
                                                         LinearAlgebra la) {
        List<double[]> ranked = new ArrayList<>();
        ComplexMatrix vd = v.dagger();
        ComplexMatrix ez = energyMinus(h0, re, im);
        for (double[] sigma : SIGMAS) {
            double s2 = sigma[0] * sigma[0] + sigma[1] * sigma[1];
            ComplexMatrix qs = ez.minus(vd.scale(sigma[0], sigma[1])).minus(v.scale(sigma[0] / s2, -sigma[1] / s2));
            double cond;
            try {
                cond = Lead.norm1(qs) * Lead.norm1(la.inverse(qs));
            } catch (ArithmeticException e) {
                continue;
            }
            if (Double.isFinite(cond)) {
                ranked.add(new double[] {sigma[0], sigma[1], cond});
            }
        }
        ranked.sort((a, b) -> Double.compare(a[2], b[2]));
        return ranked;
    }

    /**
     * The invariant subspace of the outgoing modes by shift-and-invert mode matching; null on a band edge.
     */
    private static ModeResult modeMatching(ComplexMatrix h0, ComplexMatrix v, double vScale, double re, double im,
                                           double sr, double si, LinearAlgebra la) {
        int n = h0.rows();
        ComplexMatrix vd = v.dagger();
        ComplexMatrix ez = energyMinus(h0, re, im);
        // Q(sigma) = E - H0 - sigma V^dagger - V / sigma
        double s2 = sr * sr + si * si;
        double isr = sr / s2;
        double isi = -si / s2;
        ComplexMatrix p = ez.minus(vd.scale(sr, si));
        ComplexMatrix qs = p.minus(v.scale(isr, isi));
        ComplexMatrix x = la.inverse(qs);
        double cond = Lead.norm1(qs) * Lead.norm1(x);
        if (!(cond < 1e10)) {
            throw new ArithmeticException("shift point too close to an eigenvalue (condition " + cond + ")");
        }
        ComplexMatrix xp = la.multiply(x, p);
        ComplexMatrix xvd = la.multiply(x, vd);
        // M = [[-(1/sigma) X P, (1/sigma) X V^dagger], [1 - X P, X V^dagger]], eigenvalues 1/(lambda - sigma)
        ComplexMatrix m = new ComplexMatrix(2 * n, 2 * n);
        m.setBlock(0, 0, xp.scale(-isr, -isi));
        m.setBlock(0, n, xvd.scale(isr, isi));
        ComplexMatrix lower = xp.scale(-1, 0);
        for (int i = 0; i < n; i++) {
            lower.add(i, i, 1, 0);
        }
        m.setBlock(n, 0, lower);
        m.setBlock(n, n, xvd);
        ComplexSchur schur = ComplexSchur.decompose(m);
        int n2 = 2 * n;
        double[] lamR = new double[n2];
        double[] lamI = new double[n2];
        double[] mod = new double[n2];
        double mScale = 0;
        for (int i = 0; i < n2; i++) {
            mScale = Math.max(mScale, Math.hypot(schur.eigenvalueRe(i), schur.eigenvalueIm(i)));
        }
        for (int i = 0; i < n2; i++) {
            double tr = schur.eigenvalueRe(i);
            double ti = schur.eigenvalueIm(i);
            double t2 = tr * tr + ti * ti;
            if (t2 <= Math.pow(1e-14 * mScale, 2)) {
                lamR[i] = Double.POSITIVE_INFINITY;
                lamI[i] = 0;
                mod[i] = Double.POSITIVE_INFINITY;
                continue;
            }
            lamR[i] = sr + tr / t2;
            lamI[i] = si - ti / t2;
            mod[i] = Math.hypot(lamR[i], lamI[i]);
        }
        double tolU = im == 0 ? UNIMODULAR_TOLERANCE : 0;
        List<Integer> decaying = new ArrayList<>();
        List<Integer> unimodular = new ArrayList<>();
        for (int i = 0; i < n2; i++) {
            if (mod[i] < 1 - tolU) {
                decaying.add(i);
            } else if (mod[i] <= 1 + tolU && tolU > 0) {
                unimodular.add(i);
            }
        }
        // group the propagating modes by eigenvalue (sorted by angle, chained within the tolerance)
        unimodular.sort((a, b) -> Double.compare(Math.atan2(lamI[a], lamR[a]), Math.atan2(lamI[b], lamR[b])));
        List<List<Integer>> groups = new ArrayList<>();
        for (int idx : unimodular) {
            if (!groups.isEmpty()) {
                List<Integer> lastGroup = groups.get(groups.size() - 1);
                int prev = lastGroup.get(lastGroup.size() - 1);
                if (Math.hypot(lamR[idx] - lamR[prev], lamI[idx] - lamI[prev]) < DEGENERACY_TOLERANCE) {
                    lastGroup.add(idx);
                    continue;
                }
            }
            List<Integer> g = new ArrayList<>();
            g.add(idx);
            groups.add(g);
        }
        if (groups.size() > 1) {
            List<Integer> first = groups.get(0);
            List<Integer> lastGroup = groups.get(groups.size() - 1);
            int a = first.get(0);
            int b = lastGroup.get(lastGroup.size() - 1);
            if (Math.hypot(lamR[a] - lamR[b], lamI[a] - lamI[b]) < DEGENERACY_TOLERANCE) {
                lastGroup.addAll(first);
                groups.remove(0);
            }
        }
        int[] order = new int[unimodular.size()];
        int pos = 0;
        for (List<Integer> g : groups) {
            for (int idx : g) {
                order[pos++] = idx;
            }
        }
        int[] label = schur.moveToFront(order);
        // classify each group by the velocities on its eigenspace
        List<Integer> selectedGroups = new ArrayList<>();
        List<ComplexMatrix> mixedOutgoing = new ArrayList<>();
        List<Double> velocities = new ArrayList<>();
        int a0 = 0;
        for (int gi = 0; gi < groups.size(); gi++) {
            List<Integer> g = groups.get(gi);
            int d = g.size();
            ComplexMatrix xg = groupBasis(schur, a0, d, la);
            // the phi part, orthonormalised: X1 = Phi R
            ComplexMatrix x1 = xg.block(0, 0, n, d);
            ComplexMatrix[] qr = gramSchmidt(x1);
            ComplexMatrix phi = qr[0];
            ComplexMatrix r = qr[1];
            double mr = 0;
            double mi = 0;
            for (int idx : g) {
                mr += lamR[idx];
                mi += lamI[idx];
            }
            double mabs = Math.hypot(mr, mi);
            double lr = mr / mabs;
            double li = mi / mabs;
            // current form restricted to the eigenspace: -i (A / lambda - lambda A^dagger), A = Phi^dagger V Phi
            ComplexMatrix amat = phi.dagger().times(v.times(phi));
            ComplexMatrix k = amat.scale(lr, -li).minus(amat.dagger().scale(lr, li)).scale(0, -1);
            hermitize(k);
            HermitianEigen ke = HermitianEigen.of(k);
            int right = 0;
            for (int j = 0; j < d; j++) {
                double vj = ke.value(j);
                if (Math.abs(vj) < VELOCITY_TOLERANCE * vScale) {
                    return null;
                }
                if (vj > 0) {
                    right++;
                    velocities.add(vj);
                }
            }
            if (right == d) {
                selectedGroups.add(gi);
            } else if (right > 0) {
                // right and left movers share one eigenvalue: take the right-moving combinations explicitly
                for (int j = 0; j < d; j++) {
                    if (ke.value(j) > 0) {
                        ComplexMatrix c = ke.vectors().block(0, j, d, 1);
                        mixedOutgoing.add(xg.times(backSubstitute(r, c)));
                    }
                }
            }
            a0 += d;
        }
        int nFront = decaying.size();
        for (int gi : selectedGroups) {
            nFront += groups.get(gi).size();
        }
        if (nFront + mixedOutgoing.size() != n) {
            throw new ArithmeticException("found " + decaying.size() + " evanescent and " + velocities.size()
                    + " outgoing propagating modes for " + n + " orbitals");
        }
        // bring the selected eigenvalues (evanescent decaying and outgoing groups) to the front: the leading
        // Schur vectors span their invariant subspace (unitary reordering, backward stable)
        int[] where = new int[n2];
        for (int p2 = 0; p2 < n2; p2++) {
            where[label[p2]] = p2;
        }
        int[] front = new int[nFront];
        int f = 0;
        for (int idx : decaying) {
            front[f++] = where[idx];
        }
        for (int gi : selectedGroups) {
            for (int idx : groups.get(gi)) {
                front[f++] = where[idx];
            }
        }
        Arrays.sort(front);
        schur.moveToFront(front);
        ComplexMatrix z = new ComplexMatrix(n2, n);
        if (nFront > 0) {
            z.setBlock(0, 0, schur.qColumns(0, nFront));
        }
        for (int i = 0; i < mixedOutgoing.size(); i++) {
            z.setBlock(0, nFront + i, mixedOutgoing.get(i));
        }
        double[] vel = new double[velocities.size()];
        for (int i = 0; i < vel.length; i++) {
            vel[i] = velocities.get(i);
        }
        Arrays.sort(vel);
        return new ModeResult(z.block(0, 0, n, n), z.block(n, 0, n, n), vel);
    }

    /**
     * A basis of the invariant subspace of the eigenvalues at Schur positions [a, a+d), given that all
     * positions before a hold other eigenvalues: X = Q[:, 0:a] Y + Q[:, a:a+d] with T11 Y - Y Tgg = -T1g.
     */
    private static ComplexMatrix groupBasis(ComplexSchur s, int a, int d, LinearAlgebra la) {
        ComplexMatrix qg = s.qColumns(a, d);
        if (a == 0) {
            return qg;
        }
        double[] y = new double[2 * a * d];
        double[] rhs = new double[2 * a];
        for (int j = 0; j < d; j++) {
            for (int i = 0; i < a; i++) {
                double rr = -s.tRe(i, a + j);
                double ri = -s.tIm(i, a + j);
                for (int l = 0; l < j; l++) {
                    double tr = s.tRe(a + l, a + j);
                    double ti = s.tIm(a + l, a + j);
                    double yr = y[2 * (i + l * a)];
                    double yi = y[2 * (i + l * a) + 1];
                    rr += yr * tr - yi * ti;
                    ri += yr * ti + yi * tr;
                }
                rhs[2 * i] = rr;
                rhs[2 * i + 1] = ri;
            }
            double lr = s.tRe(a + j, a + j);
            double li = s.tIm(a + j, a + j);
            // back substitution with (T11 - lambda_j)
            for (int i = a - 1; i >= 0; i--) {
                double sr2 = rhs[2 * i];
                double si2 = rhs[2 * i + 1];
                for (int l = i + 1; l < a; l++) {
                    double tr = s.tRe(i, l);
                    double ti = s.tIm(i, l);
                    double yr = y[2 * (l + j * a)];
                    double yi = y[2 * (l + j * a) + 1];
                    sr2 -= tr * yr - ti * yi;
                    si2 -= tr * yi + ti * yr;
                }
                double dr = s.tRe(i, i) - lr;
                double di = s.tIm(i, i) - li;
                double d2 = dr * dr + di * di;
                y[2 * (i + j * a)] = (sr2 * dr + si2 * di) / d2;
                y[2 * (i + j * a) + 1] = (si2 * dr - sr2 * di) / d2;
            }
        }
        ComplexMatrix ym = ComplexMatrix.wrap(a, d, y);
        ComplexMatrix x = la.multiply(s.qColumns(0, a), ym);
        return x.plus(qg);
    }

    /** Thin QR by twice-repeated modified Gram-Schmidt: {Q (orthonormal columns), R (upper triangular)}. */
    static ComplexMatrix[] gramSchmidt(ComplexMatrix x) {
        int rows = x.rows();
        int d = x.cols();
        ComplexMatrix q = x.copy();
        ComplexMatrix r = new ComplexMatrix(d, d);
        for (int j = 0; j < d; j++) {
            for (int pass = 0; pass < 2; pass++) {
                for (int i = 0; i < j; i++) {
                    double pr = 0;
                    double pi = 0;
                    for (int k = 0; k < rows; k++) {
                        pr += q.re(k, i) * q.re(k, j) + q.im(k, i) * q.im(k, j);
                        pi += q.re(k, i) * q.im(k, j) - q.im(k, i) * q.re(k, j);
                    }
                    r.add(i, j, pr, pi);
                    for (int k = 0; k < rows; k++) {
                        double ar = q.re(k, i);
                        double ai = q.im(k, i);
                        q.add(k, j, -(ar * pr - ai * pi), -(ar * pi + ai * pr));
                    }
                }
            }
            double norm = 0;
            for (int k = 0; k < rows; k++) {
                norm += q.re(k, j) * q.re(k, j) + q.im(k, j) * q.im(k, j);
            }
            norm = Math.sqrt(norm);
            if (norm == 0) {
                throw new ArithmeticException("mode basis is rank deficient");
            }
            r.set(j, j, norm, 0);
            for (int k = 0; k < rows; k++) {
                q.set(k, j, q.re(k, j) / norm, q.im(k, j) / norm);
            }
        }
        return new ComplexMatrix[] {q, r};
    }

    /** w with R w = c, R upper triangular. */
    private static ComplexMatrix backSubstitute(ComplexMatrix r, ComplexMatrix c) {
        int d = r.rows();
        ComplexMatrix w = new ComplexMatrix(d, 1);
        for (int i = d - 1; i >= 0; i--) {
            double sr = c.re(i, 0);
            double si = c.im(i, 0);
            for (int l = i + 1; l < d; l++) {
                sr -= r.re(i, l) * w.re(l, 0) - r.im(i, l) * w.im(l, 0);
                si -= r.re(i, l) * w.im(l, 0) + r.im(i, l) * w.re(l, 0);
            }
            double dr = r.re(i, i);
            double di = r.im(i, i);
            double d2 = dr * dr + di * di;
            w.set(i, 0, (sr * dr + si * di) / d2, (si * dr - sr * di) / d2);
        }
        return w;
    }

    /** Replaces a by (a + a^dagger)/2. */
    static void hermitize(ComplexMatrix a) {
        int n = a.rows();
        for (int j = 0; j < n; j++) {
            a.set(j, j, a.re(j, j), 0);
            for (int i = j + 1; i < n; i++) {
                double re = 0.5 * (a.re(i, j) + a.re(j, i));
                double im = 0.5 * (a.im(i, j) - a.im(j, i));
                a.set(i, j, re, im);
                a.set(j, i, re, -im);
            }
        }
    }

    /**
     * W (n x r) with A ~ W W^dagger for a Hermitian positive semidefinite A, by Cholesky with diagonal
     * pivoting, stopping after {@code maxRank} steps or when the largest remaining diagonal element falls
     * below 1e-13 times the largest diagonal element of A.
     */
    static ComplexMatrix pivotedCholesky(ComplexMatrix a, int maxRank) {
        int n = a.rows();
        ComplexMatrix work = a.copy();
        double maxDiag = 0;
        for (int i = 0; i < n; i++) {
            maxDiag = Math.max(maxDiag, work.re(i, i));
        }
        double tol = 1e-13 * maxDiag;
        List<double[]> cols = new ArrayList<>();
        boolean[] used = new boolean[n];
        for (int step = 0; step < Math.min(maxRank, n); step++) {
            int p = -1;
            double best = 0;
            for (int i = 0; i < n; i++) {
                if (!used[i] && work.re(i, i) > best) {
                    best = work.re(i, i);
                    p = i;
                }
            }
            if (p < 0 || best <= tol) {
                break;
            }
            used[p] = true;
            double sq = Math.sqrt(best);
            double[] col = new double[2 * n];
            for (int i = 0; i < n; i++) {
                col[2 * i] = work.re(i, p) / sq;
                col[2 * i + 1] = work.im(i, p) / sq;
            }
            col[2 * p + 1] = 0;
            for (int j = 0; j < n; j++) {
                double cjr = col[2 * j];
                double cji = -col[2 * j + 1];
                if (cjr == 0 && cji == 0) {
                    continue;
                }
                for (int i = 0; i < n; i++) {
                    double cir = col[2 * i];
                    double cii = col[2 * i + 1];
                    work.add(i, j, -(cir * cjr - cii * cji), -(cir * cji + cii * cjr));
                }
            }
            cols.add(col);
        }
        ComplexMatrix w = new ComplexMatrix(n, cols.size());
        for (int c = 0; c < cols.size(); c++) {
            System.arraycopy(cols.get(c), 0, w.data(), 2 * c * n, 2 * n);
        }
        return w;
    }
}
