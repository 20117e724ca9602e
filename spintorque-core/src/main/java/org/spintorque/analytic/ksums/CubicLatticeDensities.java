package org.spintorque.analytic.ksums;

import java.util.Arrays;

import org.spintorque.numerics.EllipticIntegrals;
import org.spintorque.numerics.Quadrature;

/**
 * Weighted densities of states of the simple cubic tight-binding band
 * {@code eps_k = -2t (cos k_x + cos k_y + cos k_z)} (lattice constant 1), per site and per spin:
 * {@code W_w(E) = sum_k w(k) delta(E - eps_k)} with {@code sum_k -> int_BZ d^3k/(2 pi)^3}, for the weights
 * {@link Weight}. Every k-sum of the form {@code sum_k w(k) F(eps_k)} becomes {@code int dE W_w(E) F(E)}.
 *
 * <p>Method. Splitting {@code eps_k = -2t cos k_x + eps^(2D)(k_y, k_z)} gives
 * {@code W_w(E) = (1/pi) int_0^pi dk_x w(k_x) rho2(E + 2t cos k_x)} for weights that depend on k_x only,
 * with the square-lattice density of states
 * {@code rho2(E) = K(k)/(2 pi^2 t)}, {@code k = sqrt(1 - (E/4t)^2)}, for {@code |E| < 4t} (k' = |E|/4t is
 * passed to the AGM directly; rho2 has a logarithmic singularity at E = 0 and jumps to 0 at |E| = 4t).
 * The spin-orbit weight contains {@code sin^2 k_y + sin^2 k_z}; its square-lattice density is
 * {@code sum_(k_y,k_z) sin^2 k_y delta(E - eps^(2D)) = (E(k) - k'^2 K(k))/(pi^2 t)} (from the partial
 * integration {@code sum theta(E - eps) d^2eps/dk_y^2 = sum delta(E - eps) (d eps/dk_y)^2}, which gives
 * {@code -(1/8t^2) int_{-4t}^E E' rho2(E') dE'}, and {@code d(E - k'^2 K)/dk = k K}).
 * The k_x integral runs over the k_x range where {@code |E + 2t cos k_x| < 4t} (so the jumps of rho2 sit at
 * its ends), by adaptive Gauss–Kronrod; on both sides of the logarithmic point k_log the substitution
 * {@code k_x = k_log +- L s^3} turns {@code log|k_x - k_log|} into the harmless {@code s^2 log s}, and the
 * argument of rho2 is formed there as {@code -4t sin(k_log + dk/2) sin(dk/2)}, free of cancellation.
 *
 * <p>Interpolation. W is analytic on each of (-6t, -2t), (-2t, 2t), (2t, 6t); at the critical energies
 * +-6t (band edges) and +-2t (saddle points) it has square-root terms. With
 * {@code E = E_mid - E_half cos(theta)} on each piece, {@code sqrt(E - E_lo)} and {@code sqrt(E_hi - E)}
 * become {@code sin(theta/2)} and {@code cos(theta/2)}, so W is analytic in theta on [0, pi] and a
 * Chebyshev series in theta converges geometrically. The series (built once, for t = 1, with the degree
 * doubled until the trailing coefficients fall below {@value #SERIES_TOLERANCE} of the largest value) is
 * what the k-sum evaluator integrates against; {@link #direct(double)} evaluates the k_x integral itself.
 *
 * <p>Dependence on t: {@code W_w(E; t) = t^(p-1) W_w(E/t; 1)} where p is the power of t in the weight.
 *
 * <p>Instances are immutable and thread-safe; the t = 1 tables are shared.
 */
public final class CubicLatticeDensities {

    /** The weights w(k). */
    public enum Weight {
        /** 1: the density of states nu(E). */
        ONE(-1),
        /** {@code v_x^2 = (d eps/dk_x)^2 = 4t^2 sin^2 k_x}: the transport density D(E), sigma = e^2 tau D. */
        VELOCITY_SQUARED(1),
        /** {@code d^2 eps/dk_x^2 = 2t cos k_x}: the lattice form of the diamagnetic 1/m. */
        CURVATURE(0),
        /** {@code s(k) = sin^2 k_x + sin^2 k_y + sin^2 k_z}: lattice form of k^2 in the spin-orbit vertex. */
        SPIN_ORBIT(-1),
        /** {@code s(k) v_x^2}. */
        SPIN_ORBIT_VELOCITY_SQUARED(1),
        /** {@code s(k) d^2 eps/dk_x^2}. */
        SPIN_ORBIT_CURVATURE(0);

        private final int hoppingPower;

        Weight(int hoppingPower) {
            this.hoppingPower = hoppingPower;
        }
    }

    /** Number of weights. */
    public static final int COUNT = Weight.values().length;

    /** Relative size of the Chebyshev coefficients at which a series is truncated. */
    static final double SERIES_TOLERANCE = 1e-13;

    private static final double[] PIECE_EDGES = {-6.0, -2.0, 2.0, 6.0};
    /** Tolerance relative to int |f|: the curvature weight changes sign along k_x and its integral can vanish. */
    private static final Quadrature INNER =
            new Quadrature(0.0, 1e-13, Quadrature.DEFAULT_MAX_INTERVALS, Quadrature.RelativeTo.INTEGRAL_OF_ABS);

    private final double hopping;
    /** t^p of each weight. */
    private final double[] factors = new double[COUNT];

    private CubicLatticeDensities(double hopping) {
        this.hopping = hopping;
        Weight[] ws = Weight.values();
        for (int i = 0; i < COUNT; i++) {
            factors[i] = Math.pow(hopping, ws[i].hoppingPower);
        }
    }

    /**
     * @param t nearest-neighbour hopping (> 0)
     * @return the densities of the band {@code -2t (cos k_x + cos k_y + cos k_z)}
     */
    public static CubicLatticeDensities forHopping(double t) {
        if (!(t > 0.0) || !Double.isFinite(t)) {
            throw new IllegalArgumentException("hopping t must be finite and > 0, got " + t);
        }
        return new CubicLatticeDensities(t);
    }

    /** @return the hopping t */
    public double hopping() {
        return hopping;
    }

    /** @return the band bottom -6t */
    public double bandBottom() {
        return -6.0 * hopping;
    }

    /** @return the band top 6t */
    public double bandTop() {
        return 6.0 * hopping;
    }

    /**
     * @param weight the weight w
     * @param energy E
     * @return {@code W_w(E)} from the Chebyshev series (0 outside the band)
     */
    public double value(Weight weight, double energy) {
        double[] out = new double[COUNT];
        values(energy, out);
        return out[weight.ordinal()];
    }

    /**
     * All weighted densities at one energy, from the Chebyshev series.
     *
     * @param energy E
     * @param out    length >= {@link #COUNT}; receives W_w(E) in {@link Weight} order
     */
    public void values(double energy, double[] out) {
        Tables.INSTANCE.evaluate(energy / hopping, out);
        scale(out);
    }

    /** Edges of the three analytic pieces, in units of t. */
    static double pieceEdge(int i) {
        return PIECE_EDGES[i];
    }

    /**
     * All weighted densities on piece {@code piece} at angle theta, {@code E = t (E_mid - E_half cos theta)}.
     *
     * @param piece 0, 1, 2 for (-6t, -2t), (-2t, 2t), (2t, 6t)
     * @param theta angle in [0, pi]
     * @param out   receives W_w in {@link Weight} order
     */
    void valuesOnPiece(int piece, double theta, double[] out) {
        Tables.INSTANCE.evaluatePiece(piece, theta, out);
        scale(out);
    }

    /**
     * All weighted densities at one energy, by the k_x quadrature itself (slow; for verification).
     *
     * @param energy E
     * @return W_w(E) in {@link Weight} order
     */
    public double[] direct(double energy) {
        double[] out = directUnitHopping(energy / hopping);
        scale(out);
        return out;
    }

    /**
     * @param energy E
     * @return the density of states nu(E) per site per spin
     */
    public double dos(double energy) {
        return value(Weight.ONE, energy);
    }

    /**
     * @param energy E
     * @return the transport density {@code D(E) = sum_k v_x^2 delta(E - eps_k)}
     */
    public double transportDos(double energy) {
        return value(Weight.VELOCITY_SQUARED, energy);
    }

    /**
     * Electrons per site per spin in a band filled up to E: {@code int_{-6t}^E nu}.
     *
     * @param energy E
     * @return the filling (0 below the band, 1 above it)
     */
    public double density(double energy) {
        return integral(Weight.ONE, energy);
    }

    /**
     * {@code int_{-6t}^E W_w(E') dE'}, by quadrature of the series in the angle variable of each piece.
     *
     * @param weight w
     * @param energy E
     * @return {@code sum_k w(k) theta(E - eps_k)}
     */
    public double integral(Weight weight, double energy) {
        double e = energy / hopping;
        double sum = 0.0;
        for (int piece = 0; piece < 3; piece++) {
            double lo = PIECE_EDGES[piece];
            double hi = PIECE_EDGES[piece + 1];
            if (e <= lo) {
                break;
            }
            double mid = 0.5 * (lo + hi);
            double half = 0.5 * (hi - lo);
            double thetaMax = e >= hi ? Math.PI : Math.acos(Math.max(-1.0, Math.min(1.0, (mid - e) / half)));
            int idx = weight.ordinal();
            int pc = piece;
            double[] buf = new double[COUNT];
            sum += INNER.integrate(theta -> {
                Tables.INSTANCE.evaluatePiece(pc, theta, buf);
                return buf[idx] * half * Math.sin(theta);
            }, 0.0, thetaMax).value();
        }
        return sum * Math.pow(hopping, weight.hoppingPower + 1);
    }

    /**
     * Largest trailing Chebyshev coefficient relative to the largest value of its weight: an estimate of the
     * relative interpolation error.
     *
     * @return the relative truncation level of the series
     */
    public static double seriesError() {
        return Tables.INSTANCE.truncationError;
    }

    /** @return the number of Chebyshev coefficients per piece and weight (for diagnostics) */
    public static int seriesLength() {
        return Tables.INSTANCE.length;
    }

    private void scale(double[] out) {
        for (int i = 0; i < COUNT; i++) {
            out[i] *= factors[i];
        }
    }

    // ---- t = 1 --------------------------------------------------------------------------------------------

    /** Direct k_x quadrature for t = 1. */
    static double[] directUnitHopping(double e) {
        if (!(e > -6.0 && e < 6.0)) {
            return new double[COUNT];
        }
        // Range of k_x in which the square-lattice argument E = e + 2 cos k_x lies inside (-4, 4).
        double lo = e > 2.0 ? Math.acos((4.0 - e) / 2.0) : 0.0;
        double hi = e < -2.0 ? Math.acos((-4.0 - e) / 2.0) : Math.PI;
        double[] v = new double[COUNT];
        if (Math.abs(e) <= 2.0) {
            // rho2 diverges logarithmically where e + 2 cos k_x = 0. On both sides of that point substitute
            // k_x = k_log -+ L s^3: the integrand becomes s^2 log s, which the rule handles without deep bisection.
            // At e = +-2 the point sits at k_x = 0 or pi, the end of the range, and one side is empty.
            double kLog = Math.acos(-e / 2.0);
            addCubic(e, kLog, lo, v);
            addCubic(e, kLog, hi, v);
        } else {
            Quadrature.VectorResult r = INNER.integrate(
                    (kx, out) -> kxIntegrand(e + 2.0 * Math.cos(kx), kx, out), COUNT, lo, hi);
            for (int i = 0; i < COUNT; i++) {
                v[i] = r.value(i);
            }
        }
        for (int i = 0; i < COUNT; i++) {
            v[i] /= Math.PI;
        }
        return v;
    }

    /**
     * Adds {@code int dk_x} between the logarithmic point and {@code end}, with
     * {@code k_x = k_log + (end - k_log) s^3}.
     */
    private static void addCubic(double e, double kLog, double end, double[] acc) {
        double len = end - kLog;
        if (len == 0.0) {
            return;
        }
        Quadrature.VectorResult r = INNER.integrate((s, out) -> {
            double s2 = s * s;
            double dk = len * s2 * s;
            double kx = kLog + dk;
            // e + 2 cos k_x = 2 (cos k_x - cos k_log) in product form: no cancellation near the log point.
            double arg = -4.0 * Math.sin(kLog + 0.5 * dk) * Math.sin(0.5 * dk);
            kxIntegrand(arg, kx, out);
            double jac = 3.0 * Math.abs(len) * s2;
            for (int i = 0; i < COUNT; i++) {
                out[i] *= jac;
            }
        }, COUNT, 0.0, 1.0);
        for (int i = 0; i < COUNT; i++) {
            acc[i] += r.value(i);
        }
    }

    /** Integrand of the k_x quadrature; {@code arg = e + 2 cos k_x} is the square-lattice energy. */
    private static void kxIntegrand(double arg, double kx, double[] out) {
        double c = Math.cos(kx);
        double s2 = Math.sin(kx);
        s2 *= s2;
        double kp = Math.abs(arg) / 4.0;
        if (!(kp < 1.0) || kp == 0.0) {
            // Outside the square band, or exactly on the (integrable) logarithmic point.
            Arrays.fill(out, 0.0);
            return;
        }
        EllipticIntegrals.Complete ell = EllipticIntegrals.ofComplementary(kp);
        double rho2 = ell.k() / (2.0 * Math.PI * Math.PI);
        double rho2Sin = ell.eMinusKpSquaredK() / (Math.PI * Math.PI);
        double so = s2 * rho2 + 2.0 * rho2Sin;
        out[0] = rho2;
        out[1] = 4.0 * s2 * rho2;
        out[2] = 2.0 * c * rho2;
        out[3] = so;
        out[4] = 4.0 * s2 * so;
        out[5] = 2.0 * c * so;
    }

    /** Chebyshev series of the t = 1 densities on the three pieces, built on first use. */
    private static final class Tables {
        static final Tables INSTANCE = new Tables();

        /** coefficients[piece][weight][n]. */
        private final double[][][] coefficients = new double[3][][];
        private final double truncationError;
        private final int length;

        private Tables() {
            double worst = 0.0;
            int maxLen = 0;
            for (int piece = 0; piece < 3; piece++) {
                Series s = buildPiece(PIECE_EDGES[piece], PIECE_EDGES[piece + 1]);
                coefficients[piece] = s.coefficients;
                worst = Math.max(worst, s.error);
                maxLen = Math.max(maxLen, s.coefficients[0].length);
            }
            truncationError = worst;
            length = maxLen;
        }

        void evaluate(double e, double[] out) {
            if (!(e > -6.0 && e < 6.0)) {
                Arrays.fill(out, 0, COUNT, 0.0);
                return;
            }
            int piece = e < -2.0 ? 0 : (e < 2.0 ? 1 : 2);
            double lo = PIECE_EDGES[piece];
            double hi = PIECE_EDGES[piece + 1];
            double mid = 0.5 * (lo + hi);
            double half = 0.5 * (hi - lo);
            double theta = Math.acos(Math.max(-1.0, Math.min(1.0, (mid - e) / half)));
            evaluatePiece(piece, theta, out);
        }

        void evaluatePiece(int piece, double theta, double[] out) {
            double y = 2.0 * theta / Math.PI - 1.0;
            double[][] c = coefficients[piece];
            for (int w = 0; w < COUNT; w++) {
                out[w] = clenshaw(c[w], y);
            }
        }
    }

    private record Series(double[][] coefficients, double error) {
    }

    private static final int MIN_DEGREE = 16;
    private static final int MAX_DEGREE = 1024;

    /**
     * Chebyshev interpolation at the Chebyshev–Lobatto points {@code y_j = cos(j pi/N)} in
     * {@code y = 2 theta/pi - 1}; N is doubled (re-using the old nodes) until the last eighth of the
     * coefficients is below {@link #SERIES_TOLERANCE} times the largest value.
     */
    private static Series buildPiece(double lo, double hi) {
        double mid = 0.5 * (lo + hi);
        double half = 0.5 * (hi - lo);
        int n = MIN_DEGREE;
        double[][] samples = sample(null, n, mid, half);
        while (true) {
            double[][] coeff = new double[COUNT][];
            double worst = 0.0;
            for (int w = 0; w < COUNT; w++) {
                double[] f = new double[n + 1];
                double scale = 0.0;
                for (int j = 0; j <= n; j++) {
                    f[j] = samples[j][w];
                    scale = Math.max(scale, Math.abs(f[j]));
                }
                coeff[w] = chebyshevCoefficients(f);
                double tail = 0.0;
                for (int k = n - n / 8; k <= n; k++) {
                    tail = Math.max(tail, Math.abs(coeff[w][k]));
                }
                worst = Math.max(worst, scale == 0.0 ? 0.0 : tail / scale);
            }
            if (worst <= SERIES_TOLERANCE || n >= MAX_DEGREE) {
                for (int w = 0; w < COUNT; w++) {
                    coeff[w] = trim(coeff[w], worst);
                }
                return new Series(coeff, worst);
            }
            n *= 2;
            samples = sample(samples, n, mid, half);
        }
    }

    /** Samples at the N+1 Lobatto nodes, re-using the previous N/2+1 (the even-indexed ones). */
    private static double[][] sample(double[][] previous, int n, double mid, double half) {
        double[][] s = new double[n + 1][];
        for (int j = 0; j <= n; j++) {
            if (previous != null && j % 2 == 0) {
                s[j] = previous[j / 2];
                continue;
            }
            double y = Math.cos(j * Math.PI / n);
            double theta = 0.5 * Math.PI * (y + 1.0);
            s[j] = directUnitHopping(mid - half * Math.cos(theta));
        }
        return s;
    }

    /** Discrete cosine transform of Lobatto samples; the series is {@code sum' c_k T_k} (c_0 and c_N halved). */
    private static double[] chebyshevCoefficients(double[] f) {
        int n = f.length - 1;
        double[] c = new double[n + 1];
        for (int k = 0; k <= n; k++) {
            double sum = 0.0;
            for (int j = 0; j <= n; j++) {
                double term = f[j] * Math.cos(Math.PI * ((long) j * k % (2L * n)) / n);
                sum += (j == 0 || j == n) ? 0.5 * term : term;
            }
            c[k] = 2.0 * sum / n;
        }
        c[0] *= 0.5;
        c[n] *= 0.5;
        return c;
    }

    /** Drops trailing coefficients below the truncation level reached. */
    private static double[] trim(double[] c, double level) {
        double max = 0.0;
        for (double x : c) {
            max = Math.max(max, Math.abs(x));
        }
        int last = c.length - 1;
        while (last > 0 && Math.abs(c[last]) <= 0.01 * level * max) {
            last--;
        }
        return Arrays.copyOf(c, last + 1);
    }

    private static double clenshaw(double[] c, double y) {
        double b1 = 0.0;
        double b2 = 0.0;
        double y2 = 2.0 * y;
        for (int k = c.length - 1; k >= 1; k--) {
            double b0 = c[k] + y2 * b1 - b2;
            b2 = b1;
            b1 = b0;
        }
        return c[0] + y * b1 - b2;
    }
}
