package org.spintorque.wannier;

/**
 * The complementary error function: the Taylor series of erf below x = 2 (absolute error ~1e-15, what occupations
 * need), the continued fraction of erfc above, where it converges in a few dozen terms.
 */
final class Erf {
    private Erf() { }

    static double erfc(double x) {
        if (x < 0) {
            return 2 - erfc(-x);
        }
        if (x < 2) {
            return 1 - erfSeries(x);
        }
        if (x > 27) {
            return 0;
        }
        return Math.exp(-x * x) * erfcxLarge(x);
    }

    /** erf(x) for |x| < 2 by its Taylor series. */
    private static double erfSeries(double x) {
        double x2 = x * x;
        double term = x;
        double sum = x;
        for (int n = 1; n < 100; n++) {
            term *= -x2 / n;
            double add = term / (2 * n + 1);
            sum += add;
            if (Math.abs(add) < 1e-17 * Math.abs(sum)) {
                break;
            }
        }
        return 2 / Math.sqrt(Math.PI) * sum;
    }

    /** exp(x^2) erfc(x) for x >= 2 by the continued fraction (modified Lentz). */
    private static double erfcxLarge(double x) {
        // erfc(x) = exp(-x^2)/sqrt(pi) * 1/(x + 1/2/(x + 1/(x + 3/2/(x + 2/(x + ...)))))
        double tiny = 1e-300;
        double f = x;
        double c = x;
        double d = 0;
        for (int n = 1; n < 5000; n++) {
            double a = n * 0.5;
            d = x + a * d;
            d = Math.abs(d) < tiny ? tiny : d;
            c = x + a / c;
            c = Math.abs(c) < tiny ? tiny : c;
            d = 1 / d;
            double delta = c * d;
            f *= delta;
            if (Math.abs(delta - 1) < 1e-16) {
                break;
            }
        }
        return 1 / (Math.sqrt(Math.PI) * f);
    }
}
