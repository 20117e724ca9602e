package org.spintorque.wannier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.spintorque.linalg.ComplexMatrix;
import org.spintorque.linalg.LinearAlgebra;
import org.spintorque.output.ProgressListener;
import org.spintorque.texture.Vector3;

/**
 * The lab-frame spiral supercell of {@link SpiralSupercell}: without spin-orbit coupling it is the generalized
 * Bloch theorem of {@link SpinSpiralResponse} cell by cell (an exact check of both); with it, the continuity
 * identity holds in every cell, the divergences add up to zero over a period, and the Anderson disorder is no
 * source of spin with vertex corrections.
 */
class SpiralSupercellTest {
    private static final LinearAlgebra LA = LinearAlgebra.best();
    private static final double EF = 0.3;

    /** The direction of h1 b1 + h2 b2 + h3 b3 (Cartesian), b the reciprocal vectors of the model. */
    static double[] planeNormal(WannierModel m, int[] h) {
        double[][] b = m.reciprocal();
        double[] x = new double[3];
        for (int i = 0; i < 3; i++) {
            for (int c = 0; c < 3; c++) {
                x[c] += h[i] * b[i][c];
            }
        }
        return x;
    }

    /**
     * A random two-orbital spinor model with inversion symmetry (H(-R) = H(R), both orbitals even) on a monoclinic
     * lattice: charge, exchange (strong, along a tilted axis) and spin-orbit parts. With inversion the local
     * velocity vertex has no charge part on any mesh, so the ladder's diffusion pole is consistent exactly.
     */
    static WannierModel symmetricSpinor(long seed) {
        java.util.Random r = new java.util.Random(seed);
        double[][] lat = {{2.3, 0, 0}, {0.4, 2.1, 0}, {0, 0, 2.5}};
        java.util.Map<int[], ComplexMatrix> h = new java.util.LinkedHashMap<>();
        Vector3 m0 = new Vector3(0.3, -0.5, 0.8).normalized();
        h.put(new int[] {0, 0, 0}, hermitian(r, 1.0).plus(SpinSpiralResponse.spinBlock(2,
                SpinSpiralResponse.pauli(m0)).scale(-1.5, 0)));
        for (int[] c : new int[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}, {1, -1, 0}, {1, 1, 1}}) {
            ComplexMatrix b = hermitian(r, 0.4);
            h.put(c, b);
            h.put(new int[] {-c[0], -c[1], -c[2]}, b);
        }
        return WannierModel.of(lat, SpinStructure.SPINOR, 2, h, null);
    }

    private static ComplexMatrix hermitian(java.util.Random r, double scale) {
        ComplexMatrix m = new ComplexMatrix(4, 4);
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                m.set(i, j, r.nextGaussian(), r.nextGaussian());
            }
        }
        return m.plus(m.dagger()).scale(scale / 2, 0);
    }

    @Test
    void geometryOfTheSupercell() {
        int[][] m = SpiralSupercell.unimodular(new int[] {2, -3, 5});
        int[] h = {2, -3, 5};
        assertEquals(1, h[0] * m[0][0] + h[1] * m[0][1] + h[2] * m[0][2]);
        for (int c = 1; c < 3; c++) {
            assertEquals(0, h[0] * m[c][0] + h[1] * m[c][1] + h[2] * m[c][2]);
        }
        int det = m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1]) - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
                + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
        assertEquals(1, Math.abs(det));
        // bcc along x: planes a/2 apart, one atom each
        double a = 2.87;
        double[][] bcc = {{-a / 2, a / 2, a / 2}, {a / 2, -a / 2, a / 2}, {a / 2, a / 2, -a / 2}};
        assertArrayEquals(new int[] {-1, 1, 1}, SpiralSupercell.millerIndices(new double[] {-a / 2, a / 2, a / 2}));
        WannierModel fe = WannierModel.of(bcc, SpinStructure.SPINOR, 1, java.util.Map.of(new int[] {0, 0, 0},
                SpinSpiralResponse.spinBlock(1, SpinSpiralResponse.pauli(Vector3.Z))), null);
        SpiralSupercell s = new SpiralSupercell(fe, new double[] {1, 0, 0}, 8, true, LA);
        assertEquals(a / 2, s.spacing(), 1e-12);
        assertEquals(2 * Math.PI / (8 * a / 2), s.q(), 1e-12);
        assertEquals(8 * 0.5 * a * a * a, Math.abs(s.model(s.q()).volume()), 1e-9);
        assertThrows(IllegalArgumentException.class,
                () -> new SpiralSupercell(fe, new double[] {1, Math.sqrt(2), 0}, 8, true, LA));
    }

    /**
     * Without spin-orbit coupling every cell of the supercell, turned back by its spiral angle, is the origin cell
     * of the generalized Bloch theorem at the same q and mesh: self-energy, spin density, torques, divergence,
     * relaxation and drive, to rounding.
     */
    @ParameterizedTest
    @CsvSource({"1, 1, 0, 0, 3, 6", "2, 1, 1, 0, 4, 8", "3, 0, 1, -1, 2, 6"})
    void withoutSpinOrbitTheSupercellIsTheGeneralizedBlochSpiral(long seed, int h1, int h2, int h3, int cells,
                                                                int n) {
        WannierModel model = SpinSpiralResponseTest.randomSpinor(seed);
        double[] dir = planeNormal(model, new int[] {h1, h2, h3});
        SpiralSupercell sup = new SpiralSupercell(model, dir, cells, false, LA);
        SpinSpiralResponse ref = new SpinSpiralResponse(model, dir);
        SpinSpiralResponse.Disorder dis = new SpinSpiralResponse.Disorder(0.6, 0.15);
        for (double q : new double[] {sup.q(), -sup.q()}) {
            SpinSpiralResponse.Local p = ref.response(q, EF, dis, n, true, 1e-13, ProgressListener.NONE);
            SpiralSupercell.Cells c = sup.response(q, EF, dis, n, true, 1e-13, ProgressListener.NONE);
            double scale = p.torqueDirect().norm() + p.divergence().norm();
            assertTrue(scale > 1e-3, "a torque to compare: " + scale);
            assertEquals(p.particleCurrent(), c.particleCurrent(), 1e-10 * Math.abs(p.particleCurrent()));
            for (int j = 0; j < cells; j++) {
                double phi = c.phi()[j];
                Vector3 m = ref.axis().times(Math.cos(phi)).plus(ref.e1().times(Math.sin(phi)));
                Vector3 e1 = ref.axis().times(-Math.sin(phi)).plus(ref.e1().times(Math.cos(phi)));
                Vector3[][] pairs = {{p.spin(), c.spin()[j]}, {p.torqueDirect(), c.torqueDirect()[j]},
                    {p.divergence(), c.divergence()[j]}, {p.relaxation(), c.relaxation()[j]},
                    {p.andersonSource(), c.andersonSource()[j]}, {p.drive(), c.drive()[j]}};
                for (Vector3[] v : pairs) {
                    Vector3 local = new Vector3(v[1].dot(m), v[1].dot(e1), v[1].dot(ref.e2()));
                    Vector3 expected = new Vector3(v[0].dot(ref.axis()), v[0].dot(ref.e1()), v[0].dot(ref.e2()));
                    assertTrue(local.minus(expected).norm() < 1e-9 * Math.max(scale, v[0].norm()),
                            "cell " + j + ", q = " + q + ": " + local + " vs " + expected);
                }
                assertEquals(0, c.spinOrbitSource()[j].norm(), 1e-14);
            }
        }
    }

    /**
     * With spin-orbit coupling: the continuity identity in every cell, the divergences summing to zero over a
     * period, no spin source from Anderson disorder with vertex corrections, and a spin-orbit source that gives an
     * n x d_x n torque (beta_so) even without spin-flip impurities.
     */
    @ParameterizedTest
    @ValueSource(longs = {4, 5})
    void withSpinOrbitContinuityHoldsInEveryCell(long seed) {
        WannierModel model = symmetricSpinor(seed);
        assertTrue(model.spinParts().sizes().get(2).frobenius() > 0.1, "a spin-orbit part");
        double[] dir = planeNormal(model, new int[] {0, 0, 1});
        SpiralSupercell sup = new SpiralSupercell(model, dir, 4, true, LA);
        SpinSpiralResponse.Disorder dis = new SpinSpiralResponse.Disorder(0.6, 0);
        // n = 24: the Anderson source is a mesh error of the Ward identity (the left null vector of the RA ladder
        // meets the bare vertex in sum_k Tr[V A(k)], a k-derivative summed over the mesh): 1e-2 of the torque at
        // n = 8, 2e-3 at 16, 2e-4 at 24
        SpiralSupercell.Cells c = sup.response(sup.q(), EF, dis, 24, true, 1e-13, ProgressListener.NONE);
        assertTrue(c.identityResidual() < 1e-10, "residual " + c.identityResidual());
        Vector3 divSum = Vector3.ZERO;
        double divMax = 0;
        double soMax = 0;
        for (int j = 0; j < 4; j++) {
            divSum = divSum.plus(c.divergence()[j]);
            divMax = Math.max(divMax, c.divergence()[j].norm());
            soMax = Math.max(soMax, c.spinOrbitSource()[j].norm());
            assertTrue(c.andersonSource()[j].norm() < 1e-3 * c.torqueDirect()[j].norm(),
                    "Anderson source " + c.andersonSource()[j]);
            assertEquals(0, c.relaxation()[j].norm(), 1e-14);
        }
        assertTrue(divSum.norm() < 1e-11 * divMax, "sum of divergences " + divSum);
        assertTrue(soMax > 1e-3 * divMax, "a spin-orbit source: " + soMax + " against " + divMax);
    }

    /**
     * beta_so is second order in the spin-orbit coupling (relaxation by spin-orbit mixing, Elliott-Yafet-like):
     * scaling the spin-orbit part by lambda = 0.02 and 0.04 multiplies beta_so by 4 (a first-order term would give
     * 2; the O(lambda^4) correction, measured from lambda = 0.05 to 0.4, moves the ratio by 0.03). Without spin-flip
     * impurities beta is beta_so plus the Anderson share, which vanishes with vertex corrections up to the mesh
     * error; P is that of the model without spin-orbit coupling to O(lambda^2).
     */
    @Test
    void betaSoIsSecondOrderInTheSpinOrbitCoupling() {
        SpinParts parts = symmetricSpinor(4).spinParts();
        SpinSpiralResponse.Disorder anderson = new SpinSpiralResponse.Disorder(2.0, 0);
        double[] betaSo = new double[3];
        double[] lambdas = {0, 0.02, 0.04};
        double p0 = 0;
        for (int i = 0; i < 3; i++) {
            double lambda = lambdas[i];
            WannierModel m = parts.charge().plus(parts.exchange(), SpinStructure.SPINOR).plus(parts.spinOrbit()
                    .map(SpinStructure.SPINOR, b -> b.scale(lambda, 0)), SpinStructure.SPINOR);
            SpiralSupercell sup = new SpiralSupercell(m, planeNormal(m, new int[] {0, 0, 1}), 4, true, LA);
            SpiralSupercell.Result r = sup.compute(EF, anderson, 24, true, 1e-12, ProgressListener.NONE);
            assertTrue(Math.abs(r.cAnderson()) < 1e-4 * Math.abs(r.cAdiabatic()), "Anderson share " + r.cAnderson());
            assertTrue(Math.abs(r.divergenceResidual()) < 1e-12 * Math.abs(r.cAdiabatic()));
            assertEquals(0, r.betaSpinFlip(), 1e-15);
            betaSo[i] = r.betaSpinOrbit();
            if (i == 0) {
                p0 = r.polarization();
                assertEquals(0, betaSo[0], 1e-15, "no spin-orbit part, no spin-orbit source");
            } else {
                assertEquals(p0, r.polarization(), 0.01 * Math.abs(p0));
            }
        }
        double ratio = betaSo[2] / betaSo[1];
        assertEquals(4, ratio, 0.1, "beta_so(0.04)/beta_so(0.02) = " + ratio + " (beta_so " + betaSo[1] + ", "
                + betaSo[2] + ")");
    }
}
