package org.spintorque.analytic.ksums;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.spintorque.analytic.ksums.CubicLatticeDensities.Weight;

/** Weighted densities of states of {@code -2t (cos k_x + cos k_y + cos k_z)}. */
class CubicLatticeDensitiesTest {

    private static final CubicLatticeDensities UNIT = CubicLatticeDensities.forHopping(1.0);
    private static final Weight[] HISTOGRAMMED =
        {Weight.ONE, Weight.VELOCITY_SQUARED, Weight.CURVATURE, Weight.SPIN_ORBIT};
    private static final double BIN = 0.05;
    private static double[][] histogram200;
    private static double[][] histogram100;

    @BeforeAll
    static void histograms() {
        histogram200 = histogram(200);
        histogram100 = histogram(100);
    }

    /**
     * Weighted histogram of eps_k on an n^3 k-mesh, bins of width 0.05t on [-6t, 6t], normalized to a
     * density per unit energy. The mesh is shifted by different irrational fractions of a step along x, y
     * and z: an unshifted (or equally shifted) mesh puts many k points on exactly equal energies and makes
     * the histogram needlessly noisy.
     */
    private static double[][] histogram(int n) {
        double[] shift = {0.5, 0.6180339887498949, 0.7320508075688772};
        double[][] cos = new double[3][n];
        double[][] sin2 = new double[3][n];
        for (int d = 0; d < 3; d++) {
            for (int j = 0; j < n; j++) {
                double k = 2 * Math.PI * (j + shift[d]) / n;
                cos[d][j] = Math.cos(k);
                sin2[d][j] = Math.sin(k) * Math.sin(k);
            }
        }
        int bins = (int) Math.round(12 / BIN);
        double[][] h = new double[HISTOGRAMMED.length][bins];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double cij = cos[0][i] + cos[1][j];
                double sij = sin2[0][i] + sin2[1][j];
                for (int l = 0; l < n; l++) {
                    double e = -2 * (cij + cos[2][l]);
                    int b = Math.min(bins - 1, Math.max(0, (int) Math.floor((e + 6) / BIN)));
                    h[0][b] += 1;
                    h[1][b] += 4 * sin2[0][i];
                    h[2][b] += 2 * cos[0][i];
                    h[3][b] += sij + sin2[2][l];
                }
            }
        }
        double norm = 1.0 / ((double) n * n * n * BIN);
        for (double[] row : h) {
            for (int b = 0; b < bins; b++) {
                row[b] *= norm;
            }
        }
        return h;
    }

    /** Bin averages {@code (I(E + dE) - I(E))/dE} of the weighted densities, I the integrated density. */
    private static double[] binAverages(Weight w) {
        int bins = (int) Math.round(12 / BIN);
        double[] avg = new double[bins];
        double prev = UNIT.integral(w, -6.0);
        for (int b = 0; b < bins; b++) {
            double next = UNIT.integral(w, -6.0 + (b + 1) * BIN);
            avg[b] = (next - prev) / BIN;
            prev = next;
        }
        return avg;
    }

    /**
     * Against a 200^3-point histogram (bins 0.05t). The histogram itself is only accurate to about 1% of the
     * peak value per bin (measured: its deviation halves or better from 100^3 to 200^3 points, so it is mesh
     * noise, not a difference of the functions): tolerance 2% of the maximum for single bins, 0.5% rms.
     */
    @Test
    void binAveragesMatchHistogramOfAFineMesh() {
        for (int w = 0; w < HISTOGRAMMED.length; w++) {
            double[] exact = binAverages(HISTOGRAMMED[w]);
            double max = 0;
            double maxDev200 = 0;
            double rms200 = 0;
            double rms100 = 0;
            for (int b = 0; b < exact.length; b++) {
                max = Math.max(max, Math.abs(exact[b]));
                double d200 = histogram200[w][b] - exact[b];
                double d100 = histogram100[w][b] - exact[b];
                maxDev200 = Math.max(maxDev200, Math.abs(d200));
                rms200 += d200 * d200;
                rms100 += d100 * d100;
            }
            rms200 = Math.sqrt(rms200 / exact.length);
            rms100 = Math.sqrt(rms100 / exact.length);
            String name = HISTOGRAMMED[w].name();
            assertTrue(maxDev200 < 0.02 * max, name + ": max deviation " + maxDev200 / max);
            assertTrue(rms200 < 0.005 * max, name + ": rms deviation " + rms200 / max);
            assertTrue(rms200 < 0.5 * rms100, name + ": histogram does not converge to the density");
        }
    }

    /** Sum rules over the whole band: {@code int W_w = sum_k w(k)}. */
    @Test
    void integralsOverTheBand() {
        assertEquals(1.0, UNIT.density(6.0), 1e-13, "states per site per spin");
        assertEquals(2.0, UNIT.integral(Weight.VELOCITY_SQUARED, 6.0), 1e-13, "<4 sin^2 k_x> = 2");
        assertEquals(0.0, UNIT.integral(Weight.CURVATURE, 6.0), 1e-13, "<2 cos k_x> = 0");
        assertEquals(1.5, UNIT.integral(Weight.SPIN_ORBIT, 6.0), 1e-13, "<sum sin^2> = 3/2");
        assertEquals(3.5, UNIT.integral(Weight.SPIN_ORBIT_VELOCITY_SQUARED, 6.0), 1e-13,
                "<4 sin^2 k_x (sin^2 k_x + sin^2 k_y + sin^2 k_z)> = 4 (3/8 + 1/2)");
        assertEquals(0.0, UNIT.integral(Weight.SPIN_ORBIT_CURVATURE, 6.0), 1e-13);
        assertEquals(0.0, UNIT.density(-6.0), 0.0);
        assertEquals(0.5, UNIT.density(0.0), 1e-13, "half filling at E = 0");
    }

    /**
     * Lattice form of {@code k_F^2 nu/(3m) = n/m}:
     * {@code sum_k theta(E - eps) d^2eps/dk_x^2 = sum_k delta(E - eps) v_x^2},
     * i.e. {@code int_{-6t}^E C = D(E)} (partial integration over k_x).
     */
    @ParameterizedTest
    @ValueSource(doubles = {-5.9, -4.0, -2.5, -1.0, 0.0, 0.7, 2.0, 3.3, 5.5})
    void partialIntegrationIdentity(double e) {
        assertEquals(UNIT.transportDos(e), UNIT.integral(Weight.CURVATURE, e), 1e-12);
    }

    /**
     * Cubic symmetry: {@code sum_k (sin^2 k_x + sin^2 k_y + sin^2 k_z) delta = 3 D/(4t^2)}. The two sides are
     * computed by different routes (the k_y, k_z part uses the elliptic-E closed form of the square-lattice
     * sin^2-weighted density), so this checks that formula.
     */
    @Test
    void cubicSymmetryOfTheSpinOrbitWeight() {
        Random rnd = new Random(7);
        for (int i = 0; i < 50; i++) {
            double e = -6 + 12 * rnd.nextDouble();
            double[] w = UNIT.direct(e);
            assertEquals(0.75 * w[Weight.VELOCITY_SQUARED.ordinal()], w[Weight.SPIN_ORBIT.ordinal()], 1e-13,
                    "E = " + e);
        }
    }

    @Test
    void particleHoleSymmetry() {
        for (double e = 0.05; e < 6; e += 0.37) {
            double[] p = new double[CubicLatticeDensities.COUNT];
            double[] m = new double[CubicLatticeDensities.COUNT];
            UNIT.values(e, p);
            UNIT.values(-e, m);
            assertEquals(p[0], m[0], 1e-13, "nu even");
            assertEquals(p[1], m[1], 1e-13, "D even");
            assertEquals(p[2], -m[2], 1e-13, "curvature density odd");
        }
    }

    /** The Chebyshev series reproduces the k_x quadrature everywhere in the band, across the piece edges. */
    @Test
    void seriesMatchesDirectQuadrature() {
        Random rnd = new Random(11);
        double[] scale = new double[CubicLatticeDensities.COUNT];
        double[] v = new double[CubicLatticeDensities.COUNT];
        for (double e = -5.95; e < 6; e += 0.1) {
            UNIT.values(e, v);
            for (int w = 0; w < v.length; w++) {
                scale[w] = Math.max(scale[w], Math.abs(v[w]));
            }
        }
        double[] probes = new double[200];
        for (int i = 0; i < probes.length; i++) {
            probes[i] = -6 + 12 * rnd.nextDouble();
        }
        probes[0] = -2.0;
        probes[1] = 2.0;
        probes[2] = -2.0 + 1e-12;
        probes[3] = 5.999999;
        for (double e : probes) {
            double[] direct = UNIT.direct(e);
            UNIT.values(e, v);
            for (int w = 0; w < v.length; w++) {
                assertEquals(direct[w], v[w], 1e-12 * scale[w], "weight " + w + ", E = " + e);
            }
        }
        assertTrue(CubicLatticeDensities.seriesError() < 1e-12);
    }

    /**
     * Near the band bottom the band is parabolic with m = 1/(2t): nu -> m k/(2 pi^2), k = sqrt(2m(E + 6t)).
     * First correction: {@code 2(1 - cos k) = k^2 - k^4/12}, angular average of {@code sum k_i^4} = (3/5) k^4, so
     * {@code E + 6t = t (k^2 - k^4/20)} and {@code nu = nu_parabolic (1 + (E + 6t)/(8t))}.
     */
    @Test
    void parabolicNearTheBandBottom() {
        for (double f = 0.4; f > 0.01; f /= 2) {
            double m = 0.5;
            double k = Math.sqrt(2 * m * f);
            double nu = m * k / (2 * Math.PI * Math.PI);
            double dev = UNIT.dos(-6 + f) / nu - 1;
            assertEquals(1.0, dev / (f / 8), 0.2 * f, "filling " + f);
        }
    }

    @Test
    void scalesWithTheHopping() {
        CubicLatticeDensities two = CubicLatticeDensities.forHopping(2.0);
        for (double e = -5.5; e < 6; e += 1.1) {
            assertEquals(UNIT.dos(e) / 2, two.dos(2 * e), 1e-15);
            assertEquals(UNIT.transportDos(e) * 2, two.transportDos(2 * e), 1e-14);
            assertEquals(UNIT.value(Weight.CURVATURE, e), two.value(Weight.CURVATURE, 2 * e), 1e-15);
            assertEquals(UNIT.density(e), two.density(2 * e), 1e-14);
        }
        assertEquals(0.0, two.dos(12.5), 0.0);
        assertThrows(IllegalArgumentException.class, () -> CubicLatticeDensities.forHopping(0.0));
    }
}
