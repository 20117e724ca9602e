package org.spintorque.wannier;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.spintorque.linalg.ComplexMatrix;
import org.spintorque.output.ProgressListener;

/**
 * The Kubo sum of {@link KuboConductivity} against the same Fermi-surface formula evaluated directly from the
 * analytic bands of a one-orbital simple cubic model with spin splitting (written as a collinear Wannier model):
 * eps_s(k) = -2t (cos k_x a + cos k_y a + cos k_z a) - s M, hbar v_x = 2 t a sin k_x a.
 */
class KuboConductivityTest {
    static final double A = 2.5; // Angstrom
    static final double T = 1.0; // eV

    static WannierModel cubic(double m) {
        Map<int[], ComplexMatrix> h = new LinkedHashMap<>();
        ComplexMatrix onsite = new ComplexMatrix(2, 2);
        onsite.set(0, 0, -m, 0);
        onsite.set(1, 1, m, 0);
        h.put(new int[] {0, 0, 0}, onsite);
        for (int a = 0; a < 3; a++) {
            for (int s = -1; s <= 1; s += 2) {
                int[] c = new int[3];
                c[a] = s;
                h.put(c, ComplexMatrix.identity(2).scale(-T, 0));
            }
        }
        double[][] lattice = {{A, 0, 0}, {0, A, 0}, {0, 0, A}};
        return WannierModel.of(lattice, m == 0 ? SpinStructure.SPINLESS : SpinStructure.COLLINEAR, 1, h, null);
    }

    /** sum_k (hbar v_x)^2 delta_G(E - eps_s)^2 on the same shifted mesh, for both spins. */
    static double[] direct(double ef, double g, double m, int n) {
        double up = 0;
        double dn = 0;
        for (int i1 = 0; i1 < n; i1++) {
            for (int i2 = 0; i2 < n; i2++) {
                for (int i3 = 0; i3 < n; i3++) {
                    double kx = 2 * Math.PI * (i1 + 0.5) / n;
                    double ky = 2 * Math.PI * (i2 + 0.5) / n;
                    double kz = 2 * Math.PI * (i3 + 0.5) / n;
                    double eps = -2 * T * (Math.cos(kx) + Math.cos(ky) + Math.cos(kz));
                    double v = 2 * T * A * Math.sin(kx);
                    double du = g / Math.PI / (Math.pow(ef - eps + m, 2) + g * g);
                    double dd = g / Math.PI / (Math.pow(ef - eps - m, 2) + g * g);
                    up += v * v * du * du;
                    dn += v * v * dd * dd;
                }
            }
        }
        double scale = Math.PI * KuboConductivity.E2_OVER_HBAR / (A * A * A * (double) n * n * n) * 1e10;
        return new double[] {scale * up, scale * dn};
    }

    @ParameterizedTest
    @CsvSource({"-2.0, 0.1, 0.5, 12", "0.5, 0.2, 1.0, 10", "-4.5, 0.3, 0.8, 8"})
    void kuboSumEqualsTheDirectBandFormula(double ef, double g, double m, int n) {
        KuboConductivity.Result r = new KuboConductivity(cubic(m), new double[] {1, 0, 0})
                .compute(ef, g, n, false, ProgressListener.NONE);
        double[] d = direct(ef, g, m, n);
        assertEquals(d[0] + d[1], r.sigma(), 1e-10 * r.sigma());
        assertEquals(d[0] - d[1], r.spinSigma(), 1e-10 * r.sigma());
        assertEquals((d[0] - d[1]) / (d[0] + d[1]), r.polarization(), 1e-10);
    }

    @Test
    void cubicSymmetryAndNoPolarizationWithoutExchange() {
        WannierModel m = cubic(0.6);
        double sx = new KuboConductivity(m, new double[] {1, 0, 0}).compute(-1, 0.2, 10, false,
                ProgressListener.NONE).sigma();
        double sd = new KuboConductivity(m, new double[] {1, 1, 1}).compute(-1, 0.2, 10, false,
                ProgressListener.NONE).sigma();
        assertEquals(sx, sd, 1e-10 * sx, "sigma of a cubic crystal is isotropic");
        KuboConductivity.Result r0 = new KuboConductivity(cubic(0), new double[] {1, 0, 0}).compute(-1, 0.2, 10,
                false, ProgressListener.NONE);
        assertEquals(0, r0.polarization(), 1e-13);
    }

    /** The matrix route with Gamma = G 1 is the band route: sum Tr[VXVX] = pi^2 sum |v|^2 delta delta. */
    @Test
    void matrixRouteWithAConstantBroadeningIsTheBandRoute() {
        KuboConductivity k = new KuboConductivity(cubic(0.6), new double[] {1, 0, 0});
        double g = 0.15;
        double[] band = k.sums(-1.3, g, 8, ProgressListener.NONE);
        double[] matrix = k.matrixSums(-1.3, ComplexMatrix.identity(2).scale(g, 0), 8, ProgressListener.NONE);
        assertEquals(Math.PI * Math.PI * band[0], matrix[0], 1e-10 * matrix[0]);
        assertEquals(Math.PI * Math.PI * band[1], matrix[1], 1e-10 * matrix[0]);
    }

    /**
     * Born broadening of the spin-split cubic band: Gamma_s is proportional to the spin-s DOS at E_F (here
     * computed directly from the analytic bands), and the conductivities are the band formula with a
     * spin-dependent broadening.
     */
    @Test
    void bornBroadeningFollowsTheSpinResolvedDensityOfStates() {
        double m = 0.8;
        double ef = -2.2;
        double g = 0.2;
        int n = 10;
        double[] nu = new double[2];
        for (int i1 = 0; i1 < n; i1++) {
            for (int i2 = 0; i2 < n; i2++) {
                for (int i3 = 0; i3 < n; i3++) {
                    double eps = -2 * T * (Math.cos(2 * Math.PI * (i1 + 0.5) / n) + Math.cos(2 * Math.PI * (i2 + 0.5) / n)
                            + Math.cos(2 * Math.PI * (i3 + 0.5) / n));
                    for (int s = 0; s < 2; s++) {
                        double x = ef - eps + (s == 0 ? m : -m);
                        nu[s] += g / Math.PI / (x * x + g * g) / ((double) n * n * n);
                    }
                }
            }
        }
        double[] gs = {2 * g * nu[0] / (nu[0] + nu[1]), 2 * g * nu[1] / (nu[0] + nu[1])};
        KuboConductivity k = new KuboConductivity(cubic(m), new double[] {1, 0, 0});
        KuboConductivity.LocalSpectrum loc = k.localSpectrum(ef, g, n);
        assertEquals(nu[0], loc.spectral().re(0, 0), 1e-12);
        assertEquals(nu[1], loc.spectral().re(1, 1), 1e-12);
        KuboConductivity.Result r = k.computeBorn(ef, g, n, ProgressListener.NONE);
        double up = direct(ef, gs[0], m, n)[0];
        double dn = direct(ef, gs[1], m, n)[1];
        assertEquals(up + dn, r.sigma(), 1e-10 * r.sigma());
        assertEquals((up - dn) / (up + dn), r.polarization(), 1e-10);
    }
}
