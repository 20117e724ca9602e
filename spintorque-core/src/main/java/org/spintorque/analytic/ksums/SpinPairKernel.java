package org.spintorque.analytic.ksums;

import java.util.Arrays;

/**
 * The energy-dependent factors of the k-sums of eq. (26) for one k point, with
 * {@code x_s = E_F + s M - eps_k} (so that {@code g^r_{ks} = 1/(x_s + i gamma_s)}) and
 * {@code P = |g_+|^2 |g_-|^2}. Written in real arithmetic so that nothing cancels:
 * <ul>
 *   <li>{@code velocity = sum_s |g_s|^2 2 Re g_{-s} = 2 (x_+ + x_-) P} (multiplies {@code k^2/3m} or
 *       {@code v_x^2});</li>
 *   <li>{@code curvature = sum_s 2 Re(g_s g^a_{-s}) = 4 (x_+ x_- + gamma_+ gamma_-) P} (multiplies {@code 1/m} or
 *       {@code d^2 eps/dk_x^2});</li>
 *   <li>{@code odd = sum_s (i s) g^a_s g^r_{-s} = -2 Im(g^a_+ g^r_-) = 2 (x_+ gamma_- - x_- gamma_+) P}
 *       (the b sum);</li>
 *   <li>{@code imaginary = sum_s Im g^a_s = sum_s gamma_s |g_s|^2}.</li>
 * </ul>
 */
final class SpinPairKernel {

    private SpinPairKernel() {
    }

    /** Index of {@code sum_s |g_s|^2 2 Re g_{-s}} in the output of {@link #evaluate}. */
    static final int VELOCITY = 0;
    /** Index of {@code sum_s 2 Re(g_s g^a_{-s})}. */
    static final int CURVATURE = 1;
    /** Index of {@code -2 Im(g^a_+ g^r_-)}. */
    static final int ODD = 2;
    /** Index of {@code sum_s Im g^a_s}. */
    static final int IMAGINARY = 3;

    /**
     * @param xUp    {@code E_F + M - eps_k}
     * @param xDn    {@code E_F - M - eps_k}
     * @param gUp    gamma_+
     * @param gDn    gamma_-
     * @param out    length >= 4, receives the four factors at the indices above
     */
    static void evaluate(double xUp, double xDn, double gUp, double gDn, double[] out) {
        double lUp = 1.0 / (xUp * xUp + gUp * gUp);
        double lDn = 1.0 / (xDn * xDn + gDn * gDn);
        double p = lUp * lDn;
        out[VELOCITY] = 2.0 * (xUp + xDn) * p;
        out[CURVATURE] = 4.0 * (xUp * xDn + gUp * gDn) * p;
        out[ODD] = 2.0 * (xUp * gDn - xDn * gUp) * p;
        out[IMAGINARY] = gUp * lUp + gDn * lDn;
    }

    /**
     * Breakpoints that resolve Lorentzians of width {@code width_i} centred at {@code center_i}: the centre
     * and {@code center +- width 4^j}. A narrow peak at the end of a long interval is invisible to the
     * Kronrod nodes, so every scale between the width and the interval length gets its own interval.
     *
     * @param centers peak positions
     * @param widths  peak half-widths (> 0)
     * @param lo      lower end of the integration range
     * @param hi      upper end
     * @return sorted distinct points strictly inside {@code (lo, hi)}
     */
    static double[] lorentzianBreakpoints(double[] centers, double[] widths, double lo, double hi) {
        double span = hi - lo;
        double[] buf = new double[centers.length * 2 * 64 + centers.length];
        int n = 0;
        for (int i = 0; i < centers.length; i++) {
            double c = centers[i];
            buf[n++] = c;
            for (double d = widths[i]; d < span && n + 2 <= buf.length; d *= 4.0) {
                buf[n++] = c - d;
                buf[n++] = c + d;
            }
        }
        return Arrays.stream(buf, 0, n).filter(x -> x > lo && x < hi).sorted().distinct().toArray();
    }
}
