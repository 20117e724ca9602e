package org.spintorque.analytic.ksums;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Simple cubic band, t = 1. "E_F" in E_F tau is the Fermi energy above the bottom of the spin-averaged band,
 * E_F + 6t. Reference case: E_F + 6t = 1, M = 0.3 (so E_F + M + 6t = 1.3), tau_- = tau_+/2.
 */
class CubicLatticeKSumsTest {

    private static final CubicLatticeKSums LATTICE = new CubicLatticeKSums(1.0);
    private static final KSumParameters REFERENCE = new KSumParameters(-5.0, 0.3, 1.0, 0.5);

    private static double[] column(List<KSumScan.Row> rows, ToDoubleFunction<KSumScan.Row> f) {
        return rows.stream().mapToDouble(f).toArray();
    }

    // ---- independent check of the whole pipeline ---------------------------------------------------------

    static Stream<Arguments> meshCases() {
        return Stream.of(
                Arguments.of(-5.0, 0.3, 0.5, 0.25, 192, 1e-11),
                Arguments.of(-0.4, 0.6, 0.5, 0.5, 192, 1e-11),
                Arguments.of(1.5, 1.0, 0.5, 0.4, 192, 1e-11),
                Arguments.of(-5.4, 1.0, 0.5, 0.25, 192, 1e-11),   // half metal: E_F - M = -6.4 < -6t
                Arguments.of(-3.0, 0.4, 0.3, 0.25, 192, 1e-11));
    }

    /**
     * For a broad Lorentzian (gamma >= 0.25t) every summand is a smooth periodic function of k, so the plain
     * average over an n^3 mesh converges geometrically in n (for these cases it has settled to ~1e-12 at
     * n = 192; at n = 96 it is still off by up to 5e-8); it must agree with the density-of-states route for
     * all five sums (through a, b, a' and S2).
     */
    @ParameterizedTest(name = "E_F={0} M={1} gamma+={2} gamma-={3} n={4}")
    @MethodSource("meshCases")
    void agreesWithBruteForceMeshSums(double ef, double mx, double gUp, double gDn, int n, double tol) {
        KSumParameters p = new KSumParameters(ef, mx, 0.5 / gUp, 0.5 / gDn);
        KSumResult r = LATTICE.evaluate(p);
        double[] mesh = meshSums(n, p);
        assertEquals(mesh[0], r.a(), tol * Math.abs(r.a()), "a");
        assertEquals(mesh[1], r.b(), tol * Math.max(Math.abs(r.b()), 1e-3 * Math.abs(r.a())), "b");
        assertEquals(mesh[2], r.aPrime(), tol * Math.abs(r.aPrime()), "a'");
        assertEquals(mesh[3], r.sumImGa(), tol * r.sumImGa(), "S2");
    }

    /** {a/m, b/m, a'/m, S2} on an n^3 mesh at the midpoints {@code k = 2 pi (j + 1/2)/n}. */
    private static double[] meshSums(int n, KSumParameters p) {
        double[] c = new double[n];
        double[] s2 = new double[n];
        for (int j = 0; j < n; j++) {
            double k = 2 * Math.PI * (j + 0.5) / n;
            c[j] = Math.cos(k);
            s2[j] = Math.sin(k) * Math.sin(k);
        }
        double eUp = p.shellEnergy(+1);
        double eDn = p.shellEnergy(-1);
        double gUp = p.gamma(+1);
        double gDn = p.gamma(-1);
        double[] acc = new double[5];
        for (int i = 0; i < n; i++) {
            double v2 = 4 * s2[i];
            double d2 = 2 * c[i];
            for (int j = 0; j < n; j++) {
                for (int l = 0; l < n; l++) {
                    double e = -2 * (c[i] + c[j] + c[l]);
                    double xu = eUp - e;
                    double xd = eDn - e;
                    double lu = 1 / (xu * xu + gUp * gUp);
                    double ld = 1 / (xd * xd + gDn * gDn);
                    double pp = lu * ld;
                    double vel = 2 * (xu + xd) * pp;
                    double curv = 4 * (xu * xd + gUp * gDn) * pp;
                    double odd = 2 * (xu * gDn - xd * gUp) * pp;
                    double im = gUp * lu + gDn * ld;
                    double so = s2[i] + s2[j] + s2[l];
                    double bracket = v2 * vel + d2 * curv;
                    acc[0] += bracket;
                    acc[1] += d2 * odd;
                    acc[2] += im;
                    acc[3] += 2.0 / 3.0 * so * bracket;
                    acc[4] += so * im;
                }
            }
        }
        double norm = 1.0 / ((double) n * n * n);
        for (int i = 0; i < 5; i++) {
            acc[i] *= norm;
        }
        double f = -1 / (2 * Math.PI);
        return new double[] {f * acc[0] * acc[2], f * acc[1] * acc[2], f * acc[3] * acc[4], acc[2]};
    }

    // ---- approach to the closed forms --------------------------------------------------------------------

    /**
     * numeric/closed - 1 ~ C/(E_F tau) for a, b and a', and S2 -> pi (nu_+ + nu_-). The fit window 300..30000
     * is where the 1/(E_F tau) term dominates: near the band bottom the lattice is almost parabolic, whose
     * corrections start at (E_F tau)^-2 with a coefficient about 35 times larger (measured), so the
     * first-order term takes over only beyond E_F tau ~ 100.
     */
    @Test
    void corrections() {
        List<KSumScan.Row> rows = KSumScan.scan(LATTICE, REFERENCE, KSumScan.logSpaced(300, 30000, 9));
        double[] x = column(rows, KSumScan.Row::fermiTimesTau);
        ParabolicKSumsTest.assertFirstOrder(x, column(rows, r -> r.result().aRatio() - 1), "a");
        ParabolicKSumsTest.assertFirstOrder(x, column(rows, r -> r.result().bRatio() - 1), "b");
        ParabolicKSumsTest.assertFirstOrder(x, column(rows, r -> r.result().aPrimeRatio() - 1), "a'");
        ParabolicKSumsTest.assertFirstOrder(x, column(rows, r -> r.result().sumRuleRatio() - 1), "S2");
        for (KSumScan.Row row : rows) {
            assertTrue(row.result().quadratureError() < 1e-9, "error estimate " + row.result().quadratureError());
            double scaled = row.result().bOverA() * row.fermiTimesTau();
            double limit = row.result().bLeading() / row.result().aClosed() * row.fermiTimesTau();
            assertEquals(limit, scaled, 5 / row.fermiTimesTau() * Math.abs(limit), "(b/a) E_F tau");
        }
    }

    /** Half metal (E_F - M < -6t): no minority Fermi surface, and the closed forms are still approached. */
    @Test
    void halfMetal() {
        KSumParameters base = new KSumParameters(-5.4, 1.0, 1.0, 0.5);
        List<KSumScan.Row> rows = KSumScan.scan(LATTICE, base, KSumScan.logSpaced(300, 30000, 5));
        assertEquals(0.0, rows.get(0).result().nuDn());
        assertEquals(0.0, rows.get(0).result().transportDosDn());
        double[] x = column(rows, KSumScan.Row::fermiTimesTau);
        ParabolicKSumsTest.assertFirstOrder(x, column(rows, r -> r.result().aRatio() - 1), "a");
        ParabolicKSumsTest.assertFirstOrder(x, column(rows, r -> r.result().sumRuleRatio() - 1), "S2");
    }

    /**
     * Parabolic limit: with E_F + M + 6t = f -> 0 (M = 0.3 (E_F + 6t)) the lattice band is parabolic with
     * m = 1/(2t). The closed-form ingredients (nu, D, n, the a' closed form) and the numeric a, b and S2 at the
     * same E_F tau = 100 approach those of {@link ParabolicKSums}; the deviation is proportional to f
     * (it halves when f halves). The numeric a' is left out: its O(1/(E_F tau)) part depends on the UV
     * cutoff, which is the Brillouin zone here and an arbitrary energy for the parabolic band.
     */
    @Test
    void parabolicLimitNearTheBandBottom() {
        double m = 0.5;
        ParabolicKSums parabolic = new ParabolicKSums(m);
        double[] fillings = {0.2, 0.1, 0.05};
        double[][] dev = new double[fillings.length][];
        for (int i = 0; i < fillings.length; i++) {
            double ef = fillings[i] / 1.3;
            double tau = 100 / ef;
            KSumResult lat = LATTICE.evaluate(new KSumParameters(ef - 6, 0.3 * ef, tau, tau / 2));
            KSumResult par = parabolic.evaluate(new KSumParameters(ef, 0.3 * ef, tau, tau / 2));
            dev[i] = new double[] {
                lat.nuUp() / par.nuUp() - 1,
                lat.nuDn() / par.nuDn() - 1,
                lat.transportDosUp() / par.transportDosUp() - 1,
                lat.densityUp() / par.densityUp() - 1,
                lat.aPrimeClosed() * m / par.aPrimeClosed() - 1,
                lat.aClosed() * m / par.aClosed() - 1,
                lat.a() * m / par.a() - 1,
                lat.b() * m / par.b() - 1,
                lat.sumImGa() / par.sumImGa() - 1,
            };
        }
        String[] names = {"nu+", "nu-", "D+", "n+", "a'closed", "aClosed", "a", "b", "S2"};
        for (int q = 0; q < names.length; q++) {
            for (int i = 1; i < fillings.length; i++) {
                double ratio = dev[i][q] / dev[i - 1][q];
                assertTrue(ratio > 0.4 && ratio < 0.6, names[q] + ": deviation ratio " + ratio + " at f = "
                        + fillings[i]);
            }
            assertTrue(Math.abs(dev[fillings.length - 1][q]) < 0.02, names[q] + " at f = 0.05: "
                    + dev[fillings.length - 1][q]);
        }
    }

    // ---- bookkeeping -------------------------------------------------------------------------------------

    @Test
    void perUnitMassAndFermiEnergyReference() {
        KSumResult r = LATTICE.evaluate(REFERENCE.withTaus(100, 50));
        assertTrue(r.perUnitMass());
        assertTrue(r.hasAPrime());
        assertEquals(1.0, r.fermiEnergyFromBandBottom(), 1e-15);
        assertEquals(-6.0, LATTICE.spinAveragedBandBottom());
    }

    /** Accuracy holds down to gamma ~ 1e-5 t. */
    @Test
    void errorEstimateForNarrowLorentzians() {
        for (double tau : new double[] {1e2, 1e3, 1e4, 5e4}) {
            KSumResult r = LATTICE.evaluate(new KSumParameters(-3.0, 0.5, tau, tau / 3));
            assertTrue(r.quadratureError() < 1e-9, "tau = " + tau + ": " + r.quadratureError());
        }
    }

    @Test
    void rejectsEmptyOrFullMajorityBand() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LATTICE.evaluate(new KSumParameters(-6.5, 0.3, 1.0, 1.0)));
        assertTrue(e.getMessage().contains("no carriers"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LATTICE.evaluate(new KSumParameters(5.8, 0.3, 1, 1)));
        assertThrows(IllegalArgumentException.class, () -> new CubicLatticeKSums(-1.0));
    }
}
