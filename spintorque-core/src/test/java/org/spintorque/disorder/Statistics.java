package org.spintorque.disorder;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sampling-error bounds for the statistical tests of this package. Every test draws a fixed, seeded sample,
 * so it is deterministic; the bounds are set at {@link #SIGMAS} standard errors of the statistic (or the
 * corresponding chi-square quantile), which a correct generator exceeds with probability below 1e-6 per check.
 */
final class Statistics {
    /** Tolerance in standard errors: two-sided normal tail probability 5.7e-7. */
    static final double SIGMAS = 5.0;

    private Statistics() {
    }

    /**
     * Pearson's chi-square of observed counts against expected probabilities (summing to 1 over the bins).
     */
    static double chiSquare(long[] counts, double[] probabilities) {
        long n = 0;
        for (long c : counts) {
            n += c;
        }
        double chi2 = 0;
        for (int b = 0; b < counts.length; b++) {
            double e = n * probabilities[b];
            chi2 += (counts[b] - e) * (counts[b] - e) / e;
        }
        return chi2;
    }

    /**
     * Upper bound for a chi-square statistic with {@code dof} degrees of freedom at {@link #SIGMAS} standard
     * deviations by the Wilson-Hilferty normal approximation ({@code (chi2/dof)^(1/3)} is nearly normal with
     * mean {@code 1 - 2/(9 dof)} and variance {@code 2/(9 dof)}).
     */
    static double chiSquareBound(int dof) {
        double v = 2.0 / (9 * dof);
        double q = 1 - v + SIGMAS * Math.sqrt(v);
        return dof * q * q * q;
    }

    /** Asserts that equiprobable binned counts of a sample pass the chi-square test. */
    static void assertUniformCounts(long[] counts, String what) {
        double[] p = new double[counts.length];
        java.util.Arrays.fill(p, 1.0 / counts.length);
        assertChiSquare(counts, p, what);
    }

    static void assertChiSquare(long[] counts, double[] probabilities, String what) {
        double chi2 = chiSquare(counts, probabilities);
        double bound = chiSquareBound(counts.length - 1);
        assertTrue(chi2 < bound, what + ": chi-square " + chi2 + " with " + (counts.length - 1)
                + " degrees of freedom exceeds " + bound);
    }

    /** Asserts {@code |estimate - expected| <= SIGMAS * standardError}. */
    static void assertWithinError(double expected, double estimate, double standardError, String what) {
        assertTrue(Math.abs(estimate - expected) <= SIGMAS * standardError, what + ": " + estimate + " vs "
                + expected + ", " + Math.abs(estimate - expected) / standardError + " standard errors (bound "
                + SIGMAS + ")");
    }

    /** Bin index of x in [lo, hi) with {@code bins} equal bins (x is clamped into range). */
    static int bin(double x, double lo, double hi, int bins) {
        int b = (int) Math.floor((x - lo) / (hi - lo) * bins);
        return Math.max(0, Math.min(bins - 1, b));
    }

    /**
     * The standard normal distribution function, {@code Phi(x) = (1 + erf(x/sqrt 2))/2}, with erf from
     * Abramowitz and Stegun 7.1.26 (absolute error below 1.5e-7, far below the sampling error of any bin
     * probability used here).
     */
    static double normalCdf(double x) {
        double z = Math.abs(x) / Math.sqrt(2);
        double t = 1 / (1 + 0.3275911 * z);
        double poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027
                + t * 1.061405429))));
        double erf = 1 - poly * Math.exp(-z * z);
        return x >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
    }
}
