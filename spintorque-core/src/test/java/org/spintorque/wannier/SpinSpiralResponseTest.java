package org.spintorque.wannier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.spintorque.linalg.ComplexMatrix;
import org.spintorque.output.ProgressListener;
import org.spintorque.texture.Vector3;
import org.spintorque.torque.LatticeSpinFlipTheory;
import org.spintorque.transport.HermitianEigen;

/**
 * The spin-spiral response of {@link SpinSpiralResponse}: the local-frame Hamiltonian (generalized Bloch theorem)
 * against the texture convention and the analytic spiral bands; the exact continuity identity per cell with
 * SCBA disorder and ladder vertex corrections; and the physics of the one-orbital cubic s-d model
 * ({@link KuboConductivityTest#cubic}, t = 1 eV, a = 2.5 Angstrom): c_a = -P J with the Kubo P, no beta without
 * spin relaxation, beta of eq. (29) with spin-flip impurities.
 */
class SpinSpiralResponseTest {
    static final double M = 1.0;
    static final double EF = -4.0;

    /** A random two-orbital spinor model with charge, exchange and spin-orbit parts on a triclinic lattice. */
    static WannierModel randomSpinor(long seed) {
        Random r = new Random(seed);
        int n = 2;
        int d = 2 * n;
        double[][] lat = {{2.1, 0.2, 0.1}, {-0.3, 2.4, 0.2}, {0.1, 0.3, 2.2}};
        int[][] cells = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}, {1, -1, 0}, {1, 1, 1}};
        Map<int[], ComplexMatrix> h = new LinkedHashMap<>();
        ComplexMatrix onsite = random(r, d);
        onsite = onsite.plus(onsite.dagger());
        // a strong on-site exchange along a tilted axis
        Vector3 m0 = new Vector3(0.3, -0.5, 0.8).normalized();
        onsite = onsite.plus(SpinSpiralResponse.spinBlock(n, SpinSpiralResponse.pauli(m0)).scale(-1.5, 0));
        h.put(new int[] {0, 0, 0}, onsite);
        for (int[] c : cells) {
            ComplexMatrix b = random(r, d).scale(0.4, 0);
            h.put(c, b);
            h.put(new int[] {-c[0], -c[1], -c[2]}, b.dagger());
        }
        return WannierModel.of(lat, SpinStructure.SPINOR, n, h, null);
    }

    private static ComplexMatrix random(Random r, int d) {
        ComplexMatrix m = new ComplexMatrix(d, d);
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                m.set(i, j, r.nextGaussian(), r.nextGaussian());
            }
        }
        return m;
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void localFrameHamiltonianIsTheRotatedTextureHamiltonianAndPeriodic(long seed) {
        WannierModel model = randomSpinor(seed);
        SpinParts parts = model.spinParts();
        assertTrue(parts.sizes().get(2).frobenius() > 0.1, "the random model has a spin-orbit part to drop");
        WannierModel noSo = parts.charge().plus(parts.exchange(), SpinStructure.SPINOR);
        SpinSpiralResponse r = new SpinSpiralResponse(model, new double[] {0.6, 0.8, 0.1});
        assertEquals(parts.sizes().get(2).frobenius(), r.droppedSpinOrbit(), 1e-12);
        Random k = new Random(seed + 10);
        // q = 0: the model without its spin-orbit part
        WannierModel h0 = r.spiral(0);
        for (int t = 0; t < 5; t++) {
            double k1 = k.nextDouble();
            double k2 = k.nextDouble();
            double k3 = k.nextDouble();
            assertTrue(h0.hamiltonian(k1, k2, k3).maxAbsDifference(noSo.hamiltonian(k1, k2, k3)) < 1e-13);
        }
        double q = 0.37;
        WannierModel hq = r.spiral(q);
        assertTrue(hq.hermiticityError() < 1e-14, "H'(R) = H'(-R)^dagger");
        assertTrue(hq.hamiltonian(0.1, 0.7, 0.3).hermiticityError() < 1e-13);
        // every bond A -> B = A + R of the lab-frame texture Hamiltonian (SpinParts.hopping with n(x)), turned to
        // the local frame, u_A^dagger H_AB u_B, is H'(R) whatever A is: the local frame is lattice periodic
        SpinParts noSoParts = noSo.spinParts();
        double[][] lat = model.lattice();
        for (int[] a : new int[][] {{0, 0, 0}, {2, -1, 3}, {-1, 1, 0}}) {
            for (int[] c : model.cells()) {
                int[] b = {a[0] + c[0], a[1] + c[1], a[2] + c[2]};
                ComplexMatrix ua = SpinSpiralResponse.spinBlock(2, r.twist(q, a, lat));
                ComplexMatrix ub = SpinSpiralResponse.spinBlock(2, r.twist(q, b, lat));
                ComplexMatrix lab = noSoParts.hopping(c, direction(r, q, a, lat), direction(r, q, b, lat));
                ComplexMatrix local = ua.dagger().times(lab).times(ub);
                assertTrue(local.maxAbsDifference(hq.hopping(c[0], c[1], c[2])) < 1e-12,
                        "bond " + HoppingTable.vec(c) + " from cell " + HoppingTable.vec(a));
            }
        }
    }

    /** n(x) = cos(q x) m0 + sin(q x) e1 at cell a. */
    private static Vector3 direction(SpinSpiralResponse r, double q, int[] a, double[][] lat) {
        double x = 0;
        double[] dir = {0.6, 0.8, 0.1};
        double norm = Math.sqrt(0.6 * 0.6 + 0.8 * 0.8 + 0.1 * 0.1);
        for (int i = 0; i < 3; i++) {
            x += a[i] * (lat[i][0] * dir[0] + lat[i][1] * dir[1] + lat[i][2] * dir[2]) / norm;
        }
        return r.axis().times(Math.cos(q * x)).plus(r.e1().times(Math.sin(q * x)));
    }

    /**
     * With on-site exchange only, the spiral bands are those of two spin channels shifted by -+q/2 along x and
     * mixed by the exchange: {@code (e(k - q/2) + e(k + q/2))/2 +- sqrt(((e(k - q/2) - e(k + q/2))/2)^2 + M^2)}.
     */
    @ParameterizedTest
    @ValueSource(doubles = {0.05, 0.4, 1.3})
    void spiralBandsOfTheSdModelAreTheShiftedSpinBands(double q) {
        double[] dir = {1, 1, 0};
        SpinSpiralResponse r = new SpinSpiralResponse(KuboConductivityTest.cubic(M), dir);
        WannierModel h = r.spiral(q);
        Random k = new Random(7);
        double a = KuboConductivityTest.A;
        for (int t = 0; t < 20; t++) {
            double[] kf = {k.nextDouble(), k.nextDouble(), k.nextDouble()};
            double[] e = HermitianEigen.eigenvalues(h.hamiltonian(kf[0], kf[1], kf[2]));
            double em = band(kf, -q / 2, dir, a);
            double ep = band(kf, q / 2, dir, a);
            double root = Math.sqrt(Math.pow((em - ep) / 2, 2) + M * M);
            double[] expected = {(em + ep) / 2 - root, (em + ep) / 2 + root};
            java.util.Arrays.sort(e);
            assertEquals(expected[0], e[0], 1e-12);
            assertEquals(expected[1], e[1], 1e-12);
        }
    }

    /** Cubic band at k (fractional) shifted by s along the unit direction (Cartesian, 1/Angstrom). */
    private static double band(double[] kf, double s, double[] dir, double a) {
        double norm = Math.sqrt(dir[0] * dir[0] + dir[1] * dir[1] + dir[2] * dir[2]);
        double e = 0;
        for (int i = 0; i < 3; i++) {
            e += -2 * KuboConductivityTest.T * Math.cos(2 * Math.PI * kf[i] + s * dir[i] / norm * a);
        }
        return e;
    }

    /**
     * The exact per-cell continuity identity tau_direct = -div j_s + T_relax - D at +-q; with vertex corrections the
     * Anderson disorder is no source of spin (Ward identity of the SCBA + ladder), without them it is; the
     * divergence of the spin currents of a spiral has no e2 (n x d_x n) part; along e1 (d_x n) the two routes
     * agree without D.
     */
    @Test
    void continuityIdentityHoldsPerCellAndAndersonDisorderConservesSpinWithVertexCorrections() {
        SpinSpiralResponse r = new SpinSpiralResponse(KuboConductivityTest.cubic(M), new double[] {1, 0, 0});
        SpinSpiralResponse.Disorder dis = new SpinSpiralResponse.Disorder(1.0, 0.1);
        for (boolean vertex : new boolean[] {true, false}) {
            SpinSpiralResponse.Local p = r.response(0.02, EF, dis, 12, vertex, 1e-12, ProgressListener.NONE);
            assertTrue(p.identityResidual() < 1e-10, "residual " + p.identityResidual());
            assertTrue(p.relaxation().norm() > 1e-4, "the spin-flip disorder relaxes the spin");
            assertEquals(0, p.divergence().dot(r.e2()), 1e-12 * p.divergence().norm());
            // the drive of the Fermi-surface term has no d_x n part: there direct = continuity
            Vector3 e1 = r.e1();
            assertEquals(p.torqueDirect().dot(e1), p.torqueContinuity().dot(e1),
                    1e-10 * Math.abs(p.torqueDirect().dot(e1)));
            if (vertex) {
                assertTrue(p.andersonSource().norm() < 1e-10 * p.relaxation().norm(), "" + p.andersonSource());
            } else {
                assertTrue(p.andersonSource().norm() > 1e-2 * p.relaxation().norm(), "" + p.andersonSource());
            }
        }
    }

    /**
     * Bulk, no spin relaxation, no beta: with Anderson disorder alone c_n = 0 (to rounding) with vertex corrections;
     * without them the non-conserving Born self-energy relaxes spin and gives a spurious beta. c_a is the same by
     * both routes; c/q does not depend on q.
     */
    @Test
    void noBetaWithoutSpinRelaxationAndCoefficientsIndependentOfQ() {
        SpinSpiralResponse r = new SpinSpiralResponse(KuboConductivityTest.cubic(M), new double[] {1, 0, 0});
        SpinSpiralResponse.Disorder anderson = new SpinSpiralResponse.Disorder(1.0, 0);
        SpinSpiralResponse.Result with = r.compute(EF, 0.01, anderson, 16, true, 1e-12, ProgressListener.NONE);
        SpinSpiralResponse.Result without = r.compute(EF, 0.01, anderson, 16, false, 1e-12, ProgressListener.NONE);
        assertTrue(Math.abs(with.beta()) < 1e-10, "beta " + with.beta());
        assertTrue(Math.abs(without.beta()) > 0.01, "beta without vertex corrections " + without.beta());
        // c(q) = c + O(q^2): from q = 0.0025 to 0.005 to 0.01 per Angstrom the changes grow by 4
        SpinSpiralResponse.Result small = r.compute(EF, 0.0025, anderson, 16, true, 1e-12, ProgressListener.NONE);
        SpinSpiralResponse.Result mid = r.compute(EF, 0.005, anderson, 16, true, 1e-12, ProgressListener.NONE);
        double[][] c = {{small.cAdiabatic(), mid.cAdiabatic(), with.cAdiabatic()},
            {small.cNonAdiabaticDirect(), mid.cNonAdiabaticDirect(), with.cNonAdiabaticDirect()}};
        for (double[] x : c) {
            assertEquals(4, (x[2] - x[1]) / (x[1] - x[0]), 0.05);
        }
    }

    /**
     * c_a = -P J. The response formula with a constant broadening G (no vertex corrections) gives the particle
     * and spin currents of {@link KuboConductivity} to 1e-10. With the SCBA self-energy and vertex corrections (a
     * conserving approximation), -c_a/J equals to 1e-6 the Kubo P of the same self-energy (for this collinear model
     * Sigma = diag(Sigma_up, Sigma_dn): its real parts shift E_F and M, its imaginary parts are the broadening
     * matrix of {@link KuboConductivity#matrixSums}; the current vertex has no ladder correction in a cubic
     * crystal). With the constant broadening, which is no conserving approximation, c_a misses -P J by its
     * spurious spin relaxation.
     */
    @Test
    void adiabaticTorqueIsMinusPolarizationTimesCurrent() {
        WannierModel cubic = KuboConductivityTest.cubic(M);
        SpinSpiralResponse r = new SpinSpiralResponse(cubic, new double[] {1, 0, 0});
        double g = 0.2;
        int n = 16;
        double q = 1e-4;
        SpinSpiralResponse.SelfEnergy constant = SpinSpiralResponse.SelfEnergy.fixed(
                ComplexMatrix.identity(2).scale(0, -g));
        SpinSpiralResponse.Disorder none = new SpinSpiralResponse.Disorder(1, 0); // kernel unused without vertex
        SpinSpiralResponse.Local zero = r.response(r.spiral(0), 0, EF, constant, none, n, false,
                ProgressListener.NONE);
        KuboConductivity.Result kubo = new KuboConductivity(cubic, new double[] {1, 0, 0}).compute(EF, g, n, false,
                ProgressListener.NONE);
        double sigma = KuboConductivity.E2_OVER_HBAR * zero.particleCurrent() / Math.pow(KuboConductivityTest.A, 3)
                * 1e10;
        assertEquals(kubo.sigma(), sigma, 1e-10 * kubo.sigma());
        assertEquals(kubo.polarization(), zero.spinCurrent() / zero.particleCurrent(), 1e-10);
        SpinSpiralResponse.Result nonConserving = r.combine(
                r.response(r.spiral(q), q, EF, constant, none, n, false, ProgressListener.NONE),
                r.response(r.spiral(-q), -q, EF, constant, none, n, false, ProgressListener.NONE), EF, none, n, false);
        assertTrue(Math.abs(nonConserving.polarization() / kubo.polarization() - 1) > 0.01,
                "constant broadening: -c_a/J = " + nonConserving.polarization() + ", P = " + kubo.polarization());

        SpinSpiralResponse.Disorder dis = new SpinSpiralResponse.Disorder(1.0, 0);
        SpinSpiralResponse.Result scba = r.compute(EF, q, dis, n, true, 1e-13, ProgressListener.NONE);
        ComplexMatrix s = r.selfEnergy(0, EF, dis, n, 1e-13).total();
        double shift = (s.re(0, 0) + s.re(1, 1)) / 2;
        double split = (s.re(1, 1) - s.re(0, 0)) / 2; // onsite -M up, +M down
        ComplexMatrix gamma = new ComplexMatrix(2, 2);
        gamma.set(0, 0, -s.im(0, 0), 0);
        gamma.set(1, 1, -s.im(1, 1), 0);
        double[] sums = new KuboConductivity(KuboConductivityTest.cubic(M + split), new double[] {1, 0, 0})
                .matrixSums(EF - shift, gamma, n, ProgressListener.NONE);
        double p = sums[1] / sums[0];
        // to O(q^2) = 1e-6: the SCBA at +-q differs from q = 0 by (q a)^2
        assertEquals(p, scba.spinCurrentPolarization(), 1e-6 * Math.abs(p));
        assertEquals(p, scba.polarization(), 1e-6 * Math.abs(p));
        // with spin-flip impurities the relaxation source has a d_x n part too (the relaxation of the n x d_x n
        // spin density, O(beta^2) of c_a); what is left is -P J
        SpinSpiralResponse.Disorder flip = new SpinSpiralResponse.Disorder(1.0, 0.1);
        SpinSpiralResponse.Result sf = r.compute(EF, q, flip, n, true, 1e-13, ProgressListener.NONE);
        // the isotropic spin-flip self-energy Sigma_s = w0 g_s + (w_sf/3)(g_s + 2 g_-s) is diagonal too: J_s/J is
        // the Kubo P of the two spin channels with their own broadenings
        SpinSpiralResponse.SelfEnergy se = r.selfEnergy(0, EF, flip, n, 1e-13);
        ComplexMatrix sfs = se.total();
        for (int sp = 0; sp < 2; sp++) {
            ComplexMatrix gl = se.local();
            double re = 1.0 * gl.re(sp, sp) + 0.1 / 3 * (gl.re(sp, sp) + 2 * gl.re(1 - sp, 1 - sp));
            double im = 1.0 * gl.im(sp, sp) + 0.1 / 3 * (gl.im(sp, sp) + 2 * gl.im(1 - sp, 1 - sp));
            assertEquals(re, sfs.re(sp, sp), 1e-11);
            assertEquals(im, sfs.im(sp, sp), 1e-11);
            assertEquals(0, sfs.re(sp, 1 - sp), 1e-14);
        }
        ComplexMatrix gammaSf = new ComplexMatrix(2, 2);
        gammaSf.set(0, 0, -sfs.im(0, 0), 0);
        gammaSf.set(1, 1, -sfs.im(1, 1), 0);
        double[] sfSums = new KuboConductivity(KuboConductivityTest.cubic(M + (sfs.re(1, 1) - sfs.re(0, 0)) / 2),
                new double[] {1, 0, 0}).matrixSums(EF - (sfs.re(0, 0) + sfs.re(1, 1)) / 2, gammaSf, n,
                ProgressListener.NONE);
        assertEquals(sfSums[1] / sfSums[0], sf.spinCurrentPolarization(), 1e-6 * Math.abs(sfSums[1] / sfSums[0]));
        double pj = -sf.spinCurrentPolarization() * sf.particleCurrent();
        assertEquals(pj, sf.cAdiabatic() - sf.cAdiabaticRelaxation(), 1e-6 * Math.abs(pj));
        double beta2 = sf.beta() * sf.beta();
        assertTrue(Math.abs(sf.cAdiabaticRelaxation() / sf.cAdiabatic()) < 3 * beta2,
                sf.cAdiabaticRelaxation() / sf.cAdiabatic() + " vs beta^2 = " + beta2);
    }

    /**
     * beta with isotropic spin-flip impurities against eq. (29), beta = 1/(2 M tau_sf) with the golden-rule
     * 1/tau_sf = (4 pi/3) w_sf (nu_+ + nu_-), weak disorder (G ~ 0.2 eV = 0.2 M): with the DOS of the
     * disordered lattice agreement to a few percent (the rest is the RR part of the transverse spin density,
     * O(G/M)); beta doubles with w_sf. The clean lattice DOS (a wide hard-wall wire of
     * {@link LatticeSpinFlipTheory}) is lower than the broadened one by the broadening of the minority band edge.
     */
    @Test
    void betaOfSpinFlipImpuritiesIsEq29() {
        SpinSpiralResponse r = new SpinSpiralResponse(KuboConductivityTest.cubic(M), new double[] {1, 0, 0});
        int n = 32;
        SpinSpiralResponse.Result one = r.compute(EF, 0.01, new SpinSpiralResponse.Disorder(1.0, 0.05), n, true,
                1e-10, ProgressListener.NONE);
        SpinSpiralResponse.Result two = r.compute(EF, 0.01, new SpinSpiralResponse.Disorder(1.0, 0.1), n, true,
                1e-10, ProgressListener.NONE);
        for (SpinSpiralResponse.Result res : new SpinSpiralResponse.Result[] {one, two}) {
            double eq29 = 4 * Math.PI / 3 * res.disorder().spinFlip() * res.density() / (2 * M);
            assertEquals(eq29, res.spinFlipRate() / (2 * M), 1e-12 * eq29);
            assertEquals(M, res.transverseExchange(), 1e-9 * M);
            assertEquals(M, res.exchange(), 1e-12 * M);
            assertEquals(eq29, res.beta(), 0.06 * eq29, "beta " + res.beta() + " eq. (29) " + eq29);
            double clean = 4 * Math.PI / 3 * res.disorder().spinFlip()
                    * (LatticeSpinFlipTheory.densityOfStates(EF + M, 1, 200, 200)
                    + LatticeSpinFlipTheory.densityOfStates(EF - M, 1, 200, 200)) / (2 * M);
            assertEquals(clean, res.beta(), 0.25 * clean);
        }
        assertEquals(2, two.beta() / one.beta(), 0.1);
    }
}
