package org.spintorque.analytic.ksums;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.spintorque.numerics.Quadrature;

/**
 * Parabolic band {@code k^2/2m}. Reference case: m = 1, E_F = 1, M = 0.3, tau_- = tau_+/2 (both bands
 * occupied); half metal: E_F = 1, M = 1.5 (minority band empty).
 */
class ParabolicKSumsTest {

    private static final ParabolicKSums BAND = new ParabolicKSums(1.0);
    private static final KSumParameters TWO_BANDS = new KSumParameters(1.0, 0.3, 1.0, 0.5);
    private static final KSumParameters HALF_METAL = new KSumParameters(1.0, 1.5, 1.0, 0.5);

    private static List<KSumScan.Row> scan(ParabolicKSums band, KSumParameters base, double from, double to) {
        return KSumScan.scan(band, base, KSumScan.logSpaced(from, to, 9));
    }

    private static double[] column(List<KSumScan.Row> rows, ToDoubleFunction<KSumScan.Row> f) {
        return rows.stream().mapToDouble(f).toArray();
    }

    // ---- exactness of the quadrature ---------------------------------------------------------------------

    static Stream<Arguments> exactCases() {
        return Stream.of(
                Arguments.of(1.0, 1.0, 0.3, 3.0, 1.5),
                Arguments.of(1.0, 1.0, 0.3, 1e3, 5e2),
                Arguments.of(1.0, 1.0, 0.3, 1e4, 5e3),
                Arguments.of(2.5, 0.7, 0.1, 300.0, 900.0),
                Arguments.of(1.0, 1.0, 1.5, 1e4, 5e3),   // half metal
                Arguments.of(1.0, 0.2, 0.25, 1e3, 1e3)); // minority band just below its bottom (E_F - M = -0.05)
    }

    /**
     * The radial quadrature reproduces the exact contour-integral values of S1, Sb and S2 (hence a and b) to
     * better than 1e-10, up to E_F tau = 1e4.
     */
    @ParameterizedTest(name = "m={0} E_F={1} M={2} tau+={3} tau-={4}")
    @MethodSource("exactCases")
    void quadratureMatchesExactResolventSums(double m, double ef, double mx, double tu, double td) {
        KSumParameters p = new KSumParameters(ef, mx, tu, td);
        KSumResult r = new ParabolicKSums(m).evaluate(p);
        double[] exact = ParabolicResolventSums.sums(p, m);
        double a = -exact[0] * exact[2] / (2 * Math.PI);
        double b = -exact[1] * exact[2] / (2 * Math.PI);
        assertEquals(exact[2], r.sumImGa(), 1e-10 * Math.abs(exact[2]), "S2");
        assertEquals(a, r.a(), 1e-10 * Math.abs(a), "a");
        assertEquals(b, r.b(), 1e-10 * Math.abs(b), "b");
        assertTrue(r.quadratureError() < 1e-10, "error estimate " + r.quadratureError());
    }

    // ---- free-electron relations -------------------------------------------------------------------------

    /**
     * n = k_F^3/(6 pi^2), nu = m k_F/(2 pi^2) and D = n/m against k-sums of the Fermi function at
     * T = 1e-3 E (Sommerfeld corrections of relative order (T/E)^2 ~ 1e-6), and nu against dn/dE.
     */
    @ParameterizedTest
    @ValueSource(doubles = {0.5, 1.0})
    void freeElectronDensityAndDensityOfStates(double mass) {
        KSumResult r = new ParabolicKSums(mass).evaluate(TWO_BANDS);
        double e = TWO_BANDS.shellEnergy(+1);
        double kF = Math.sqrt(2 * mass * e);
        double temperature = 1e-3 * e;
        double n = fermiSum(mass, e, temperature, 0);
        double nu = fermiSum(mass, e, temperature, 1);
        double d = fermiSum(mass, e, temperature, 2);
        assertEquals(n, r.densityUp(), 1e-5 * n, "n = k_F^3/6pi^2");
        assertEquals(nu, r.nuUp(), 1e-5 * nu, "nu = m k_F/2pi^2");
        assertEquals(d, r.transportDosUp(), 1e-5 * d, "D = sum v_x^2 delta = n/m");
        double h = 1e-4 * e;
        double dndE = (fermiSum(mass, e + h, temperature, 0) - fermiSum(mass, e - h, temperature, 0)) / (2 * h);
        assertEquals(dndE, r.nuUp(), 1e-5 * dndE, "nu = dn/dE");
        assertEquals(kF * kF * kF / (6 * Math.PI * Math.PI), r.densityUp(), 1e-15);
    }

    /** kind 0: sum_k f; 1: sum_k (-f'); 2: sum_k v_x^2 (-f') with v_x^2 -> k^2/(3 m^2). */
    private static double fermiSum(double mass, double mu, double temperature, int kind) {
        double kF = Math.sqrt(2 * mass * mu);
        Quadrature q = new Quadrature(0.0, 1e-13);
        double upper = Math.sqrt(2 * mass * (mu + 60 * temperature));
        double[] breaks = {kF, Math.sqrt(2 * mass * (mu - 10 * temperature)),
            Math.sqrt(2 * mass * (mu + 10 * temperature))};
        return q.integrate(k -> {
            double x = (k * k / (2 * mass) - mu) / temperature;
            double f = 1 / (Math.exp(x) + 1);
            double w = kind == 0 ? f : f * (1 - f) / temperature;
            if (kind == 2) {
                w *= k * k / (3 * mass * mass);
            }
            return k * k / (2 * Math.PI * Math.PI) * w;
        }, 0.0, upper, breaks).value();
    }

    // ---- approach to the closed forms --------------------------------------------------------------------

    /**
     * With both bands occupied, a/a_closed - 1 and b/b_leading - 1 fall like (E_F tau)^-2, not (E_F tau)^-1:
     * the resolvent {@code sum_k g^r(E)} is, up to a real constant, i times a function that is real for E > 0,
     * so its expansion in i gamma has no real first-order term (checked here over E_F tau = 10..1000).
     * The sum rule S2 -> pi (nu_+ + nu_-) behaves the same way.
     */
    @Test
    void twoBandCorrectionsAreSecondOrder() {
        List<KSumScan.Row> rows = scan(BAND, TWO_BANDS, 10, 1000);
        double[] x = column(rows, KSumScan.Row::fermiTimesTau);
        assertSecondOrder(x, column(rows, row -> row.result().aRatio() - 1), "a");
        assertSecondOrder(x, column(rows, row -> row.result().bRatio() - 1), "b");
        assertSecondOrder(x, column(rows, row -> row.result().sumRuleRatio() - 1), "S2");
    }

    private static void assertSecondOrder(double[] x, double[] dev, String what) {
        PowerLawFit fit = PowerLawFit.of(x, dev);
        assertEquals(-2.0, fit.exponent(), 0.05, what + ": exponent");
        int last = x.length - 1;
        assertTrue(Math.abs(dev[last]) <= 3 * fit.at(x[last]), what + ": last point off the fit");
        assertTrue(Math.abs(dev[last]) < 1e-4, what + " at E_F tau = 1000: " + dev[last]);
    }

    /**
     * Half metal: the empty minority band is off-shell at the Fermi level, its real, energy-dependent resolvent
     * gives corrections of first order, C/(E_F tau).
     */
    @Test
    void halfMetalCorrectionsAreFirstOrder() {
        List<KSumScan.Row> rows = scan(BAND, HALF_METAL, 30, 3000);
        assertEquals(0.0, rows.get(0).result().nuDn());
        assertEquals(0.0, rows.get(0).result().densityDn());
        double[] x = column(rows, KSumScan.Row::fermiTimesTau);
        for (String what : new String[] {"a", "b", "S2"}) {
            double[] dev = column(rows, row -> switch (what) {
                case "a" -> row.result().aRatio() - 1;
                case "b" -> row.result().bRatio() - 1;
                default -> row.result().sumRuleRatio() - 1;
            });
            assertFirstOrder(x, dev, what);
        }
    }

    static void assertFirstOrder(double[] x, double[] dev, String what) {
        PowerLawFit fit = PowerLawFit.of(x, dev);
        assertEquals(-1.0, fit.exponent(), 0.05, what + ": exponent");
        int last = x.length - 1;
        assertTrue(Math.abs(dev[last]) <= 3 * fit.at(x[last]), what + ": last point off the fit");
        for (double d : dev) {
            assertTrue(Math.signum(d) == Math.signum(dev[last]), what + ": sign change in the fitted range");
        }
    }

    /**
     * a' carries the cutoff-dependent terms (linear in the momentum cutoff), of relative order 1/(E_F tau):
     * a'/a'_closed -> 1 like C(cutoff)/(E_F tau), for any fixed cutoff.
     */
    @ParameterizedTest
    @ValueSource(doubles = {3.0, 10.0, 40.0})
    void aPrimeTendsToClosedFormForAnyFixedCutoff(double cutoff) {
        List<KSumScan.Row> rows = scan(new ParabolicKSums(1.0, cutoff), TWO_BANDS, 300, 30000);
        double[] x = column(rows, KSumScan.Row::fermiTimesTau);
        assertFirstOrder(x, column(rows, row -> row.result().aPrimeRatio() - 1), "a' (cutoff " + cutoff + ")");
    }

    /** a and b converge without a cutoff: the cutoff parameter must not change them. */
    @ParameterizedTest
    @ValueSource(doubles = {3.0, 1e3})
    void aAndBDoNotDependOnTheCutoff(double efTau) {
        KSumParameters p = TWO_BANDS.withTaus(efTau, efTau / 2);
        KSumResult r1 = new ParabolicKSums(1.0, 1.5).evaluate(p);
        KSumResult r2 = new ParabolicKSums(1.0, 100.0).evaluate(p);
        assertEquals(r1.a(), r2.a(), 1e-11 * Math.abs(r1.a()));
        assertEquals(r1.b(), r2.b(), 1e-11 * Math.abs(r1.b()));
        assertEquals(r1.sumImGa(), r2.sumImGa(), 1e-11 * r1.sumImGa());
        assertFalse(Math.abs(r1.aPrime() - r2.aPrime()) < 1e-6 * Math.abs(r1.aPrime()), "a' must feel the cutoff");
    }

    /** The cutoff dependence of a' is itself of order 1/(E_F tau) relative to a'. */
    @Test
    void cutoffDependenceOfAPrimeIsFirstOrder() {
        double[] x = KSumScan.logSpaced(100, 10000, 7);
        double[] diff = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            KSumParameters p = TWO_BANDS.withTaus(x[i], x[i] / 2);
            KSumResult r1 = new ParabolicKSums(1.0, 5.0).evaluate(p);
            KSumResult r2 = new ParabolicKSums(1.0, 40.0).evaluate(p);
            diff[i] = (r2.aPrime() - r1.aPrime()) / r1.aPrimeClosed();
        }
        assertEquals(-1.0, PowerLawFit.of(x, diff).exponent(), 0.02);
    }

    /**
     * b/a is of order 1/(E_F tau): (b/a)(E_F tau) tends to the tau-independent constant
     * {@code -(nu_+ + nu_-) E_F tau_+/(2 (n_+ tau_+ - n_- tau_-))} given by the leading orders, with a relative
     * correction bounded by a term of order 1/(E_F tau).
     */
    @Test
    void bOverAIsOfOrderInverseFermiTimesTau() {
        List<KSumScan.Row> rows = scan(BAND, TWO_BANDS, 100, 10000);
        KSumResult any = rows.get(0).result();
        double limit = -(any.nuUp() + any.nuDn()) * 1.0
                / (2 * (any.densityUp() - any.densityDn() * 0.5));
        for (KSumScan.Row row : rows) {
            double scaled = row.result().bOverA() * row.fermiTimesTau();
            assertEquals(limit, scaled, 5 / row.fermiTimesTau() * Math.abs(limit), "E_F tau = " + row.fermiTimesTau());
            assertEquals(row.result().bLeading() / row.result().aClosed() * row.fermiTimesTau(), limit,
                    1e-12 * Math.abs(limit));
        }
    }

    /** b_leading = -pi (nu_+ + nu_-)^2/(2M): independent of tau, and the numeric b approaches it. */
    @Test
    void bApproachesItsTauIndependentLeadingOrder() {
        KSumResult r = BAND.evaluate(TWO_BANDS.withTaus(3000, 1500));
        double nu = r.nuUp() + r.nuDn();
        assertEquals(-Math.PI * nu * nu / (2 * 0.3), r.bLeading(), 1e-15);
        assertEquals(1.0, r.bRatio(), 1e-5);
    }

    // ---- exact scaling laws ------------------------------------------------------------------------------

    /**
     * Dimensional analysis, exact for the numeric sums (the cutoff scales with E_F + M): under
     * {@code (E_F, M, tau) -> (l E_F, l M, tau/l)} a and b are invariant and a' scales as l^2; under
     * {@code m -> u m} a and b scale as u^3 and a' as u^5.
     */
    @Test
    void scalingLaws() {
        KSumParameters p = new KSumParameters(1.0, 0.3, 50.0, 20.0);
        KSumResult r = BAND.evaluate(p);
        double l = 3.7;
        KSumResult rl = BAND.evaluate(new KSumParameters(l, 0.3 * l, 50.0 / l, 20.0 / l));
        assertEquals(r.a(), rl.a(), 1e-11 * Math.abs(r.a()));
        assertEquals(r.b(), rl.b(), 1e-11 * Math.abs(r.b()));
        assertEquals(r.aPrime() * l * l, rl.aPrime(), 1e-11 * Math.abs(rl.aPrime()));
        double u = 0.45;
        KSumResult ru = new ParabolicKSums(u).evaluate(p);
        assertEquals(r.a() * u * u * u, ru.a(), 1e-11 * Math.abs(ru.a()));
        assertEquals(r.b() * u * u * u, ru.b(), 1e-11 * Math.abs(ru.b()));
        assertEquals(r.aPrime() * Math.pow(u, 5), ru.aPrime(), 1e-11 * Math.abs(ru.aPrime()));
    }

    // ---- bookkeeping -------------------------------------------------------------------------------------

    @Test
    void errorEstimateStaysSmallOverTheWholeRange() {
        for (double x : KSumScan.logSpaced(1.0, 1e5, 11)) {
            KSumResult r = BAND.evaluate(TWO_BANDS.withTaus(x, x / 2));
            assertTrue(r.quadratureError() < 1e-10, "E_F tau = " + x + ": " + r.quadratureError());
            assertFalse(r.perUnitMass());
            assertTrue(r.hasAPrime());
            assertEquals(1.0, r.fermiEnergyFromBandBottom());
        }
    }

    @Test
    void rejectsEmptyMajorityBandAndBadArguments() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BAND.evaluate(new KSumParameters(-0.5, 0.3, 1.0, 1.0)));
        assertTrue(e.getMessage().contains("no carriers"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> BAND.evaluate(new KSumParameters(-0.3, 0.3, 1.0, 1.0)));
        assertThrows(IllegalArgumentException.class, () -> new ParabolicKSums(0.0));
        assertThrows(IllegalArgumentException.class, () -> new ParabolicKSums(1.0, 1.0));
        assertThrows(IllegalArgumentException.class, () -> new ParabolicKSums(Double.NaN, 10.0));
    }
}
