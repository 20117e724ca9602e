package org.spintorque.analytic.ksums;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Scans of the k-sums in the disorder parameter {@code E_F tau}.
 *
 * <p>"E_F" is the Fermi energy above the bottom of the spin-averaged band
 * ({@link KSumEvaluator#spinAveragedBandBottom()}: E_F for the parabolic band, E_F + 6t for the simple cubic
 * lattice) and "tau" is the majority lifetime tau_+. Both lifetimes are rescaled together, so the ratio
 * tau_-/tau_+ of the base parameters is kept; E_F and M are kept.
 */
public final class KSumScan {

    private KSumScan() {
    }

    /**
     * One point of a scan.
     *
     * @param fermiTimesTau E_F tau_+ (E_F from the spin-averaged band bottom)
     * @param parameters    the parameters evaluated
     * @param result        the k-sums
     */
    public record Row(double fermiTimesTau, KSumParameters parameters, KSumResult result) {
    }

    /**
     * @param evaluator     band
     * @param base          E_F, M and the ratio tau_-/tau_+ (the magnitude of tau_+ is replaced)
     * @param fermiTimesTau values of E_F tau_+ (each finite and > 0)
     * @return one row per value, in the given order (unmodifiable)
     * @throws IllegalArgumentException if E_F lies at or below the spin-averaged band bottom, or a value is
     *                                  not positive
     */
    public static List<Row> scan(KSumEvaluator evaluator, KSumParameters base, double[] fermiTimesTau) {
        double fermi = base.fermiEnergy() - evaluator.spinAveragedBandBottom();
        if (!(fermi > 0.0)) {
            throw new IllegalArgumentException("E_F tau scan needs E_F above the spin-averaged band bottom, got E_F - "
                    + "bottom = " + fermi);
        }
        double ratio = base.tauDn() / base.tauUp();
        List<Row> rows = new ArrayList<>(fermiTimesTau.length);
        for (double x : fermiTimesTau) {
            if (!(x > 0.0) || !Double.isFinite(x)) {
                throw new IllegalArgumentException("E_F tau must be finite and > 0, got " + x);
            }
            double tauUp = x / fermi;
            KSumParameters p = base.withTaus(tauUp, tauUp * ratio);
            rows.add(new Row(x, p, evaluator.evaluate(p)));
        }
        return Collections.unmodifiableList(rows);
    }

    /**
     * Log-spaced values {@code from, ..., to} (both included).
     *
     * @param from   first value (> 0)
     * @param to     last value (> 0)
     * @param points number of values (>= 2)
     * @return the values
     */
    public static double[] logSpaced(double from, double to, int points) {
        if (!(from > 0.0) || !(to > 0.0) || !Double.isFinite(from) || !Double.isFinite(to) || points < 2) {
            throw new IllegalArgumentException("need 0 < from, 0 < to and points >= 2, got " + from + ", " + to
                    + ", " + points);
        }
        double[] x = new double[points];
        double step = Math.log(to / from) / (points - 1);
        for (int i = 0; i < points; i++) {
            x[i] = from * Math.exp(step * i);
        }
        x[points - 1] = to;
        return x;
    }
}
