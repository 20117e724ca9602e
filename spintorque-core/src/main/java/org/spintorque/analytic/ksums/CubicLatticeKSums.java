package org.spintorque.analytic.ksums;

import java.util.Arrays;

import org.spintorque.numerics.Quadrature;

/**
 * The k-sums of eqs. (26) and (39) of Tatara and Entel (2008) for the simple cubic tight-binding band
 * {@code eps_k = -2t (cos k_x + cos k_y + cos k_z)} (lattice constant 1), per site and per spin.
 *
 * <p>Lattice form. The paper's partial integration over k ({@code (k_mu/m) g^2 = d g/d k_mu}, text above
 * eq. 21) holds on a lattice with {@code k_mu/m -> v_mu = d eps/d k_mu}; the diamagnetic {@code delta_mu_nu/m}
 * becomes {@code d^2 eps/dk_mu dk_nu}. The coefficients are therefore reported per unit mass
 * ({@link KSumResult#perUnitMass()} is true), which is how they enter the torques (27) and (38):
 * <ul>
 *   <li>{@code a/m = -(1/2pi) S1 S2},
 *       {@code S1 = sum_k sum_s [v_x^2 |g_s|^2 2 Re g_{-s} + (d^2 eps/dk_x^2) 2 Re(g_s g^a_{-s})]},
 *       {@code v_x = 2t sin k_x}, {@code d^2 eps/dk_x^2 = 2t cos k_x}; leading order
 *       {@code (pi/M)(tau_+ D_+ - tau_- D_-)(nu_+ + nu_-)} with the transport density
 *       {@code D_s = sum_k v_x^2 delta(E_F - eps_{ks})} ({@code sigma_s = e^2 tau_s D_s});</li>
 *   <li>{@code b/m = -(1/2pi) Sb S2}, {@code Sb = sum_k (d^2 eps/dk_x^2) sum_s (i s) g^a_s g^r_{-s}}. In eq. (26) b
 *       comes from the diamagnetic ({@code delta_mu_nu}) vertex, so it carries the same 1/m as that vertex; on
 *       the lattice that is the curvature weight. Leading order
 *       {@code -pi (C_+ + C_-)(nu_+ + nu_-)/(2M)}, {@code C_s = sum_k (d^2 eps/dk_x^2) delta(E_F - eps_{ks})}
 *       (for a parabolic band {@code C = nu/m}, giving {@code b/m}). Thus b/a is dimensionless as it must be;</li>
 *   <li>{@code a'/m = -(1/2pi) S1' S2'} (eq. 39) with the spin-orbit vertex discretized as
 *       {@code k -> (sin k_x, sin k_y, sin k_z)}: {@code k^2 -> s(k) = sum_i sin^2 k_i}, with the average of
 *       {@code k^2 k'^2 - (k.k')^2} over independent k, k' taken in the same factorized form as for the
 *       continuum, {@code (2/3) s(k) s(k')} (exact for the shell averages by cubic symmetry), i.e.
 *       {@code S1' = sum_k (2/3) s(k) [bracket of S1]}, {@code S2' = sum_k s(k) sum_s Im g^a_{ks}}. This is a
 *       choice of discretization, not part of the paper; it reproduces the parabolic form at small filling,
 *       where {@code sin k -> k}. Leading
 *       order {@code (2 pi/3M)(tau_+ T_+ - tau_- T_-)(R_+ + R_-)},
 *       {@code T_s = sum_k s(k) v_x^2 delta}, {@code R_s = sum_k s(k) delta}.</li>
 * </ul>
 * with {@code S2 = sum_k sum_s Im g^a_{ks} -> pi (nu_+ + nu_-)}.
 *
 * <p>Numerics: every sum is {@code int dE W_w(E) F(E)} with a weighted density of states from
 * {@link CubicLatticeDensities} and F rational in E. The energy integral runs over the three analytic pieces
 * of the band in the angle variable of each piece (no endpoint singularities), with breakpoints at
 * {@code E_F + s M +- gamma_s 4^j}; requested accuracy 1e-12 of {@code int |integrand|}. No cutoff is needed:
 * the Brillouin zone is finite.
 *
 * <p>The majority band must be partly filled, {@code -6t < E_F + M < 6t}; the minority band may be empty
 * (half metal).
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class CubicLatticeKSums implements KSumEvaluator {

    private static final double REL_TOL = 1e-12;
    private static final int S1 = 0;
    private static final int SB = 1;
    private static final int S2 = 2;
    private static final int S1P = 3;
    private static final int S2P = 4;
    private static final Quadrature QUADRATURE =
            new Quadrature(0.0, REL_TOL, Quadrature.DEFAULT_MAX_INTERVALS, Quadrature.RelativeTo.INTEGRAL_OF_ABS);

    private final double hopping;
    private final CubicLatticeDensities densities;

    /**
     * @param hopping nearest-neighbour hopping t (> 0)
     */
    public CubicLatticeKSums(double hopping) {
        this.densities = CubicLatticeDensities.forHopping(hopping);
        this.hopping = hopping;
    }

    /** @return the hopping t */
    public double hopping() {
        return hopping;
    }

    /** @return the weighted densities of states used by this evaluator */
    public CubicLatticeDensities densities() {
        return densities;
    }

    @Override
    public double spinAveragedBandBottom() {
        return -6.0 * hopping;
    }

    @Override
    public KSumResult evaluate(KSumParameters p) {
        double t = hopping;
        double eUp = p.shellEnergy(+1);
        double eDn = p.shellEnergy(-1);
        if (!(eUp > -6.0 * t)) {
            throw new IllegalArgumentException("no carriers: the majority band is empty (E_F + M = " + eUp
                    + " <= -6t = " + (-6.0 * t) + ")");
        }
        if (!(eUp < 6.0 * t)) {
            throw new IllegalArgumentException("no carriers: the majority band is full (E_F + M = " + eUp
                    + " >= 6t = " + (6.0 * t) + ")");
        }
        double gUp = p.gamma(+1);
        double gDn = p.gamma(-1);
        double[] eBreaks = SpinPairKernel.lorentzianBreakpoints(
                new double[] {eUp, eDn}, new double[] {gUp, gDn}, -6.0 * t, 6.0 * t);

        double[] sums = new double[5];
        double[] errors = new double[5];
        for (int piece = 0; piece < 3; piece++) {
            double lo = CubicLatticeDensities.pieceEdge(piece) * t;
            double hi = CubicLatticeDensities.pieceEdge(piece + 1) * t;
            double mid = 0.5 * (lo + hi);
            double half = 0.5 * (hi - lo);
            double[] thetaBreaks = Arrays.stream(eBreaks).filter(e -> e > lo && e < hi)
                    .map(e -> Math.acos(Math.max(-1.0, Math.min(1.0, (mid - e) / half)))).toArray();
            int pc = piece;
            Quadrature.VectorIntegrand f = (theta, out) -> {
                double[] w = new double[CubicLatticeDensities.COUNT];
                double[] k = new double[4];
                densities.valuesOnPiece(pc, theta, w);
                double e = mid - half * Math.cos(theta);
                double jac = half * Math.sin(theta);
                SpinPairKernel.evaluate(eUp - e, eDn - e, gUp, gDn, k);
                double vel = k[SpinPairKernel.VELOCITY];
                double curv = k[SpinPairKernel.CURVATURE];
                double im = k[SpinPairKernel.IMAGINARY];
                out[S1] = jac * (w[1] * vel + w[2] * curv);
                out[SB] = jac * w[2] * k[SpinPairKernel.ODD];
                out[S2] = jac * w[0] * im;
                out[S1P] = jac * (2.0 / 3.0) * (w[4] * vel + w[5] * curv);
                out[S2P] = jac * w[3] * im;
            };
            Quadrature.VectorResult r = QUADRATURE.integrate(f, 5, 0.0, Math.PI, thetaBreaks);
            for (int i = 0; i < 5; i++) {
                sums[i] += r.value(i);
                errors[i] += r.error(i);
            }
        }
        double a = -sums[S1] * sums[S2] / (2.0 * Math.PI);
        double b = -sums[SB] * sums[S2] / (2.0 * Math.PI);
        double aPrime = -sums[S1P] * sums[S2P] / (2.0 * Math.PI);
        double quadError = Math.max(rel(errors[S1], sums[S1]) + rel(errors[S2], sums[S2]),
                Math.max(rel(errors[SB], sums[SB]) + rel(errors[S2], sums[S2]),
                        rel(errors[S1P], sums[S1P]) + rel(errors[S2P], sums[S2P])));
        // The interpolated densities carry their own (relative) truncation error.
        quadError += CubicLatticeDensities.seriesError();

        double[] wUp = new double[CubicLatticeDensities.COUNT];
        double[] wDn = new double[CubicLatticeDensities.COUNT];
        densities.values(eUp, wUp);
        densities.values(eDn, wDn);
        double m = p.exchange();
        double nuUp = wUp[0];
        double nuDn = wDn[0];
        double aClosed = Math.PI / m * (p.tauUp() * wUp[1] - p.tauDn() * wDn[1]) * (nuUp + nuDn);
        double bLeading = -Math.PI * (wUp[2] + wDn[2]) * (nuUp + nuDn) / (2.0 * m);
        double aPrimeClosed = 2.0 * Math.PI / (3.0 * m) * (p.tauUp() * wUp[4] - p.tauDn() * wDn[4])
                * (wUp[3] + wDn[3]);

        return new KSumResult(a, aClosed, b, bLeading, aPrime, aPrimeClosed, true, nuUp, nuDn, quadError,
                wUp[1], wDn[1], densities.density(eUp), densities.density(eDn), p.fermiEnergy() + 6.0 * t,
                sums[S2], true);
    }

    private static double rel(double error, double value) {
        return value == 0.0 ? (error == 0.0 ? 0.0 : Double.MAX_VALUE) : error / Math.abs(value);
    }
}
