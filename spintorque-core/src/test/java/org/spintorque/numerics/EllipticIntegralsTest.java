package org.spintorque.numerics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EllipticIntegralsTest {

    private static final Quadrature QUAD = new Quadrature(0.0, 1e-13);

    @Test
    void limits() {
        assertEquals(Math.PI / 2, EllipticIntegrals.completeK(0.0), 0.0);
        assertEquals(Math.PI / 2, EllipticIntegrals.completeE(0.0), 0.0);
        assertEquals(1.0, EllipticIntegrals.completeE(1.0), 0.0);
        assertEquals(Double.POSITIVE_INFINITY, EllipticIntegrals.completeK(1.0));
        assertEquals(Double.POSITIVE_INFINITY, EllipticIntegrals.completeKComplementary(0.0));
    }

    /** Against the defining integrals (smooth for k <= 0.99, so the quadrature is exact to round-off). */
    @ParameterizedTest
    @ValueSource(doubles = {1e-8, 1e-3, 0.1, 0.3, 0.5, 0.70710678118654752, 0.9, 0.99})
    void agreesWithDefiningIntegrals(double k) {
        double kk = k * k;
        double bigK = QUAD.integrate(th -> 1 / Math.sqrt(1 - kk * Math.sin(th) * Math.sin(th)), 0, Math.PI / 2)
                .value();
        double bigE = QUAD.integrate(th -> Math.sqrt(1 - kk * Math.sin(th) * Math.sin(th)), 0, Math.PI / 2)
                .value();
        // E - k'^2 K = k^2 int cos^2 / sqrt(1 - k^2 sin^2): no cancellation in the reference either.
        double diff = kk * QUAD.integrate(th -> Math.cos(th) * Math.cos(th)
                / Math.sqrt(1 - kk * Math.sin(th) * Math.sin(th)), 0, Math.PI / 2).value();
        EllipticIntegrals.Complete c = EllipticIntegrals.ofModulus(k);
        assertEquals(bigK, c.k(), 1e-15 * bigK, "K");
        assertEquals(bigE, c.e(), 1e-15 * bigE, "E");
        assertEquals(diff, c.eMinusKpSquaredK(), 1e-15 * diff, "E - k'^2 K");
    }

    /**
     * Legendre's relation {@code E K' + E' K - K K' = pi/2} ties K and E at complementary moduli together;
     * it holds to round-off also deep in the logarithmic regime.
     */
    @ParameterizedTest
    @ValueSource(doubles = {1e-12, 1e-6, 0.01, 0.2, 0.5, 0.8, 0.999})
    void legendreRelation(double kp) {
        double k = Math.sqrt((1 - kp) * (1 + kp));
        EllipticIntegrals.Complete c = EllipticIntegrals.ofComplementary(kp);
        EllipticIntegrals.Complete cc = EllipticIntegrals.ofModulus(kp); // modulus k' <-> complementary k
        double lhs = c.e() * cc.k() + cc.e() * c.k() - c.k() * cc.k();
        assertEquals(Math.PI / 2, lhs, 4e-15 * c.k() * cc.k(), "k = " + k);
    }

    /** Near k = 1: K = ln(4/k') + (k'^2/4)(ln(4/k') - 1) + O(k'^4 ln k'). */
    @ParameterizedTest
    @ValueSource(doubles = {1e-14, 1e-10, 1e-6, 1e-4})
    void logarithmicAsymptote(double kp) {
        double l = Math.log(4 / kp);
        double expected = l + kp * kp / 4 * (l - 1);
        assertEquals(expected, EllipticIntegrals.completeKComplementary(kp), 4e-16 * expected);
    }

    /**
     * Landen (Gauss) transformation {@code K(k) = K(k1)/(1 + k)} with {@code k1 = 2 sqrt(k)/(1+k)}, whose
     * complementary modulus {@code k1' = (1-k)/(1+k)} is passed exactly (k1 itself would be ill-conditioned).
     */
    @ParameterizedTest
    @ValueSource(doubles = {0.05, 0.3, 0.6, 0.9, 0.999})
    void landenTransformation(double k) {
        double k1p = (1 - k) / (1 + k);
        assertEquals(EllipticIntegrals.completeKComplementary(k1p) / (1 + k), EllipticIntegrals.completeK(k),
                2e-15 * EllipticIntegrals.completeK(k));
    }

    @Test
    void modulusAndComplementaryEntryPointsAgree() {
        for (double k = 0.05; k < 1; k += 0.05) {
            double kp = Math.sqrt(1 - k * k);
            EllipticIntegrals.Complete a = EllipticIntegrals.ofModulus(k);
            EllipticIntegrals.Complete b = EllipticIntegrals.ofComplementary(kp);
            assertEquals(a.k(), b.k(), 1e-14 * a.k());
            assertEquals(a.e(), b.e(), 1e-14 * a.e());
            assertEquals(a.eMinusKpSquaredK(), b.eMinusKpSquaredK(), 1e-13 * a.eMinusKpSquaredK());
        }
    }

    @Test
    void smallModulusDifferenceKeepsItsDigits() {
        // E - k'^2 K = (pi k^2/4)(1 + k^2/8 + ...): a naive difference would lose every digit here.
        double k = 1e-7;
        double expected = Math.PI * k * k / 4 * (1 + k * k / 8);
        assertEquals(expected, EllipticIntegrals.ofModulus(k).eMinusKpSquaredK(), 1e-15 * expected);
        assertTrue(EllipticIntegrals.ofModulus(k).eMinusKpSquaredK() > 0);
    }

    @Test
    void rejectsOutOfRange() {
        assertThrows(IllegalArgumentException.class, () -> EllipticIntegrals.completeK(1.5));
        assertThrows(IllegalArgumentException.class, () -> EllipticIntegrals.completeK(-0.1));
        assertThrows(IllegalArgumentException.class, () -> EllipticIntegrals.ofComplementary(Double.NaN));
    }
}
