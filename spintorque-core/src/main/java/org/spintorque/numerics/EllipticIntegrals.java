package org.spintorque.numerics;

/**
 * Complete elliptic integrals of the first and second kind by the arithmetic–geometric mean (AGM).
 *
 * <p>Convention: modulus {@code k} (not the parameter {@code m = k^2}),
 * {@code K(k) = int_0^{pi/2} dθ / sqrt(1 - k^2 sin^2 θ)},
 * {@code E(k) = int_0^{pi/2} sqrt(1 - k^2 sin^2 θ) dθ}, complementary modulus {@code k' = sqrt(1 - k^2)}.
 *
 * <p>Algorithm: with {@code a_0 = 1, b_0 = k'}, {@code a_{n+1} = (a_n + b_n)/2}, {@code b_{n+1} = sqrt(a_n b_n)},
 * {@code c_0 = k}, {@code c_{n+1} = (a_n - b_n)/2 = c_n^2 / (4 a_{n+1})}:
 * {@code K = pi / (2 AGM(1, k'))} and {@code E = K (1 - sum_{n>=0} 2^{n-1} c_n^2)}. The AGM converges
 * quadratically (at most about ten steps even for {@code k'} of order 1e-12). The {@code c_n} are computed
 * from the recursion in {@code c_n^2}, never as a difference, so nothing cancels near {@code k = 0}.
 *
 * <p>Entry points taking the complementary modulus exist because callers near the logarithmic singularity
 * {@code k -> 1} know {@code k'} exactly (for the square-lattice density of states {@code k' = |E|/4t}),
 * whereas {@code sqrt(1 - k^2)} would lose all its digits there.
 *
 * <p>Accuracy: {@code K} to a few ulp; {@code E} to about {@code ulp * K} (the bracket above is of order
 * {@code 1/K} as {@code k -> 1}).
 */
public final class EllipticIntegrals {

    private static final int MAX_STEPS = 64;

    private EllipticIntegrals() {
    }

    /**
     * {@code K}, {@code E} and {@code E - k'^2 K} of one modulus, from one AGM run.
     *
     * @param k                  first kind {@code K(k)} (+infinity for {@code k = 1})
     * @param e                  second kind {@code E(k)}
     * @param eMinusKpSquaredK   {@code E(k) - k'^2 K(k) = k^2 int_0^{pi/2} cos^2θ / sqrt(1 - k^2 sin^2θ) dθ},
     *                           computed without cancellation for small {@code k}
     */
    public record Complete(double k, double e, double eMinusKpSquaredK) {
    }

    /**
     * Complete integral of the first kind.
     *
     * @param k modulus, {@code 0 <= k <= 1}
     * @return {@code K(k)} (+infinity at {@code k = 1})
     */
    public static double completeK(double k) {
        return ofModulus(k).k();
    }

    /**
     * Complete integral of the second kind.
     *
     * @param k modulus, {@code 0 <= k <= 1}
     * @return {@code E(k)}
     */
    public static double completeE(double k) {
        return ofModulus(k).e();
    }

    /**
     * Complete integral of the first kind as a function of the complementary modulus.
     *
     * @param kp complementary modulus {@code k' = sqrt(1 - k^2)}, {@code 0 <= k' <= 1}
     * @return {@code K(k)} (+infinity at {@code k' = 0})
     */
    public static double completeKComplementary(double kp) {
        return ofComplementary(kp).k();
    }

    /**
     * All three quantities from the modulus.
     *
     * @param k modulus, {@code 0 <= k <= 1}
     * @return {@code K(k)}, {@code E(k)}, {@code E(k) - k'^2 K(k)}
     */
    public static Complete ofModulus(double k) {
        checkUnit(k, "modulus");
        double kSq = k * k;
        double kp = Math.sqrt((1.0 - k) * (1.0 + k));
        // c_1 = (1 - k')/2 written without the difference, which would cancel for small k.
        double c1 = kSq / (2.0 * (1.0 + kp));
        return agm(kp, kSq, c1);
    }

    /**
     * All three quantities from the complementary modulus.
     *
     * @param kp complementary modulus, {@code 0 <= k' <= 1}
     * @return {@code K(k)}, {@code E(k)}, {@code E(k) - k'^2 K(k)}
     */
    public static Complete ofComplementary(double kp) {
        checkUnit(kp, "complementary modulus");
        double kSq = (1.0 - kp) * (1.0 + kp);
        double c1 = 0.5 * (1.0 - kp);
        return agm(kp, kSq, c1);
    }

    private static Complete agm(double kp, double kSq, double c1) {
        if (kp == 0.0) {
            return new Complete(Double.POSITIVE_INFINITY, 1.0, 1.0);
        }
        double a = 0.5 * (1.0 + kp);
        double b = Math.sqrt(kp);
        double c = c1;
        double weight = 1.0;
        double sum = c * c;
        for (int n = 0; n < MAX_STEPS && c > 0.25 * Math.ulp(a); n++) {
            double an = 0.5 * (a + b);
            c = c * c / (4.0 * an);
            b = Math.sqrt(a * b);
            a = an;
            weight *= 2.0;
            sum += weight * c * c;
        }
        double bigK = Math.PI / (2.0 * a);
        double eMinus = bigK * (0.5 * kSq - sum);
        double e = bigK * (1.0 - 0.5 * kSq - sum);
        return new Complete(bigK, e, eMinus);
    }

    private static void checkUnit(double x, String what) {
        if (!(x >= 0.0 && x <= 1.0)) {
            throw new IllegalArgumentException(what + " must be in [0, 1], got " + x);
        }
    }
}
