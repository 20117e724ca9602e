package org.spintorque.wannier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.spintorque.hamiltonian.Pauli;
import org.spintorque.linalg.ComplexMatrix;
import org.spintorque.output.ProgressListener;
import org.spintorque.texture.Vector3;

/**
 * The charge / exchange / spin-orbit split: it adds up to H, each part has its time-reversal parity and is
 * Hermitian, rotating the exchange of a model without spin-orbit coupling is a unitary transformation, with
 * spin-orbit coupling it is not (magnetocrystalline anisotropy), and texture bonds stay Hermitian.
 */
class SpinPartsTest {
    static final double[][] LATTICE = {{2.5, 0, 0}, {0, 2.5, 0}, {0, 0, 2.5}};

    /** Theta X Theta^-1 = (1 (x) i sigma^y) X^* (1 (x) i sigma^y)^dagger, written out independently of SpinParts. */
    static ComplexMatrix timeReversed(ComplexMatrix x) {
        int n = x.rows() / 2;
        ComplexMatrix u = ComplexMatrix.identity(n).kron(Pauli.sigma(2).scale(0, 1));
        ComplexMatrix conj = x.copy();
        double[] d = conj.data();
        for (int i = 1; i < d.length; i += 2) {
            d[i] = -d[i];
        }
        return u.times(conj).times(u.dagger());
    }

    static ComplexMatrix randomMatrix(Random r, int d) {
        ComplexMatrix m = new ComplexMatrix(d, d);
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                m.set(i, j, r.nextGaussian(), r.nextGaussian());
            }
        }
        return m;
    }

    /** A random spinor model with on-site block and hoppings to +-R for three R, Hermitian as a lattice operator. */
    static WannierModel randomSpinor(long seed, int orbitals) {
        Random r = new Random(seed);
        int d = 2 * orbitals;
        Map<int[], ComplexMatrix> h = new LinkedHashMap<>();
        ComplexMatrix h0 = randomMatrix(r, d);
        h.put(new int[] {0, 0, 0}, h0.plus(h0.dagger()));
        for (int[] c : new int[][] {{1, 0, 0}, {0, 1, 1}, {1, -1, 0}}) {
            ComplexMatrix t = randomMatrix(r, d).scale(0.3, 0);
            h.put(c, t);
            h.put(new int[] {-c[0], -c[1], -c[2]}, t.dagger());
        }
        return WannierModel.of(LATTICE, SpinStructure.SPINOR, orbitals, h, null);
    }

    /** A random collinear model: h_up (x) |up><up| + h_dn (x) |dn><dn|. */
    static WannierModel randomCollinear(long seed, int orbitals) {
        WannierModel s = randomSpinor(seed, orbitals);
        return s.map(SpinStructure.COLLINEAR, x -> {
            ComplexMatrix y = x.copy();
            for (int i = 0; i < x.rows(); i++) {
                for (int j = 0; j < x.cols(); j++) {
                    if (i % 2 != j % 2) {
                        y.set(i, j, 0, 0);
                    }
                }
            }
            return y;
        });
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void partsAddUpToHAndHaveTheirTimeReversalParity(long seed) {
        WannierModel m = randomSpinor(seed, 3);
        SpinParts p = m.spinParts();
        WannierModel sum = p.sum();
        for (int[] c : m.cells()) {
            ComplexMatrix h = m.hopping(c[0], c[1], c[2]);
            assertTrue(sum.hopping(c[0], c[1], c[2]).maxAbsDifference(h) <= 1e-15 * h.maxAbs(), "sum");
            ComplexMatrix ex = p.exchange().hopping(c[0], c[1], c[2]);
            ComplexMatrix so = p.spinOrbit().hopping(c[0], c[1], c[2]);
            assertTrue(timeReversed(ex).plus(ex).maxAbs() <= 1e-14, "exchange is odd");
            assertTrue(timeReversed(so).minus(so).maxAbs() <= 1e-14, "spin-orbit is even");
            assertTrue(ex.maxAbs() > 0.1 && so.maxAbs() > 0.1, "both parts present in a random model");
            assertEquals(0, SpinParts.components(ex, 3)[0].maxAbs(), 1e-15, "no sigma^0 in the exchange");
        }
        for (WannierModel part : new WannierModel[] {p.charge(), p.exchange(), p.spinOrbit()}) {
            assertTrue(part.hermiticityError() <= 1e-15, "each part Hermitian");
        }
    }

    @Test
    void collinearExchangeIsHalfTheSplittingAlongZ() {
        WannierModel m = randomCollinear(4, 3);
        SpinParts p = m.spinParts();
        for (int[] c : m.cells()) {
            ComplexMatrix h = m.hopping(c[0], c[1], c[2]);
            ComplexMatrix ex = p.exchange().hopping(c[0], c[1], c[2]);
            for (int o = 0; o < 3; o++) {
                for (int q = 0; q < 3; q++) {
                    double re = 0.5 * (h.re(2 * o, 2 * q) - h.re(2 * o + 1, 2 * q + 1));
                    double im = 0.5 * (h.im(2 * o, 2 * q) - h.im(2 * o + 1, 2 * q + 1));
                    assertEquals(re, ex.re(2 * o, 2 * q), 1e-15);
                    assertEquals(im, ex.im(2 * o, 2 * q), 1e-15);
                    assertEquals(-re, ex.re(2 * o + 1, 2 * q + 1), 1e-15);
                }
            }
            assertEquals(0, p.spinOrbit().hopping(c[0], c[1], c[2]).maxAbs(), 0);
        }
    }

    /** Without spin-orbit coupling a rigid rotation of the exchange is 1 (x) u: the spectrum cannot change. */
    @ParameterizedTest
    @ValueSource(longs = {5, 6})
    void rotatingTheMagnetizationWithoutSpinOrbitLeavesTheSpectrum(long seed) {
        WannierModel m = randomCollinear(seed, 4);
        SpinParts p = m.spinParts();
        Random r = new Random(seed);
        for (int i = 0; i < 5; i++) {
            Vector3 n = new Vector3(r.nextGaussian(), r.nextGaussian(), r.nextGaussian()).normalized();
            WannierModel rotated = p.uniform(n);
            double[] k = {r.nextDouble(), r.nextDouble(), r.nextDouble()};
            double[] a = BandStructure.at(m, k[0], k[1], k[2]);
            double[] b = BandStructure.at(rotated, k[0], k[1], k[2]);
            for (int j = 0; j < a.length; j++) {
                assertEquals(a[j], b[j], 1e-12);
            }
        }
    }

    /** The split of the real Fe model adds up to it exactly, and each part is Hermitian. */
    @Test
    void feSplitAddsUpToTheModel() {
        WannierModel fe = WannierDataTest.fe();
        SpinParts p = fe.spinParts();
        WannierModel sum = p.sum();
        for (int[] c : fe.cells()) {
            ComplexMatrix h = fe.hopping(c[0], c[1], c[2]);
            assertTrue(sum.hopping(c[0], c[1], c[2]).maxAbsDifference(h) <= 1e-15 * Math.max(1, h.maxAbs()),
                    "R = " + java.util.Arrays.toString(c));
        }
        assertTrue(p.exchange().hermiticityError() <= 1e-15 && p.spinOrbit().hermiticityError() <= 1e-15
                && p.charge().hermiticityError() <= 1e-15);
    }

    /** The same for the Fe model with its spin-orbit part removed: bands unchanged to 1e-12 eV. */
    @Test
    void feWithoutSpinOrbitHasNoAnisotropy() {
        SpinParts p = WannierDataTest.fe().spinParts();
        WannierModel noSo = p.charge().plus(p.exchange(), SpinStructure.SPINOR);
        SpinParts q = noSo.spinParts();
        assertEquals(0, q.spinOrbit().maxAbs(), 0);
        double worst = 0;
        Random r = new Random(8);
        for (Vector3 n : new Vector3[] {Vector3.Z, new Vector3(1, 1, 1), new Vector3(1, 1, 0), Vector3.X}) {
            WannierModel rotated = q.uniform(n.normalized());
            for (int i = 0; i < 4; i++) {
                double[] k = {r.nextDouble(), r.nextDouble(), r.nextDouble()};
                double[] a = BandStructure.at(noSo, k[0], k[1], k[2]);
                double[] b = BandStructure.at(rotated, k[0], k[1], k[2]);
                for (int j = 0; j < a.length; j++) {
                    worst = Math.max(worst, Math.abs(a[j] - b[j]));
                }
            }
        }
        assertTrue(worst <= 1e-12, "largest change " + worst + " eV");
    }

    /**
     * With spin-orbit coupling the bands depend on the direction. The anisotropy energy (band free energy at 8
     * electrons) is compared between [100] and [110], both perpendicular to the model's own axis -z: the rigid
     * rotation leaves the orbital (time-reversal-odd, spinless) part along -z, which adds a term ~ cos theta that
     * cancels only between directions at the same angle (docs/wannier.md, with the convergence study). Checked:
     * the bands move by up to the spin-orbit scale, [100] and [010] (related by the four-fold axis z of the
     * Gamma-centred mesh and of the model) give the same energy, and the MAE is micro-eV, not milli-eV.
     */
    @Test
    void spinOrbitMakesTheBandsDependOnTheDirection() {
        WannierModel fe = WannierDataTest.fe();
        SpinParts p = fe.spinParts();
        assertEquals(-1, p.axis().z(), 1e-12, "moment along -z (SOURCE.md)");
        WannierModel x = p.uniform(Vector3.X);
        WannierModel y = p.uniform(Vector3.Y);
        WannierModel xy = p.uniform(new Vector3(1, 1, 0).normalized());
        double worst = 0;
        Random r = new Random(9);
        for (int i = 0; i < 10; i++) {
            double[] k = {r.nextDouble(), r.nextDouble(), r.nextDouble()};
            double[] a = BandStructure.at(x, k[0], k[1], k[2]);
            double[] b = BandStructure.at(xy, k[0], k[1], k[2]);
            for (int j = 0; j < a.length; j++) {
                worst = Math.max(worst, Math.abs(a[j] - b[j]));
            }
        }
        System.out.printf("Fe: largest band shift [100] -> [110] at 10 random k: %.4f eV%n", worst);
        assertTrue(worst > 1e-3 && worst < 0.2, "bands move by the spin-orbit scale: " + worst);
        int n = 10;
        double sigma = 0.1;
        double[] f = new double[3];
        WannierModel[] models = {x, y, xy};
        for (int i = 0; i < 3; i++) {
            MeshSpectrum s = MeshSpectrum.compute(models[i], n, n, n, false, ProgressListener.NONE);
            f[i] = s.freeEnergy(s.fermiLevel(8, sigma), sigma);
        }
        System.out.printf("Fe MAE F[110] - F[100] at 8 e, %d^3, sigma %.2f eV: %.2f micro-eV (not converged); "
                + "F[010] - F[100] = %.3f micro-eV%n", n, sigma, (f[2] - f[0]) * 1e6, (f[1] - f[0]) * 1e6);
        assertEquals(0, f[1] - f[0], 0.05e-6, "four-fold symmetry about z");
        assertTrue(Math.abs(f[2] - f[0]) < 20e-6, "micro-eV anisotropy, not " + (f[2] - f[0]));
    }

    @Test
    void reversingTheMagnetizationOfATimeReversalSymmetricModelKeepsTheEnergy() {
        // charge real, spin-orbit imaginary: the parts are exactly time-reversal even; the exchange collinear
        // (along z), so that reversing n reverses it (the smallest rotation to -n is not minus the one to n
        // for exchange components perpendicular to the axis)
        SpinParts p = randomSpinor(10, 2).spinParts();
        double[][] alongZ = {{0, 0, 0}, {0, 0, 0}, {0, 0, 1}};
        WannierModel even = p.charge().map(SpinStructure.SPINLESS, x -> {
            ComplexMatrix y = x.copy();
            double[] d = y.data();
            for (int i = 1; i < d.length; i += 2) {
                d[i] = 0;
            }
            return y;
        });
        WannierModel exchange = p.exchange().map(SpinStructure.SPINOR, x -> SpinParts.rotate(x, 2, alongZ));
        WannierModel model = even.plus(p.spinOrbit(), SpinStructure.SPINOR).plus(exchange, SpinStructure.SPINOR);
        SpinParts q = model.spinParts();
        Vector3 n = new Vector3(0.3, -0.5, 0.8).normalized();
        WannierModel plus = q.uniform(n);
        WannierModel minus = q.uniform(n.times(-1));
        Random r = new Random(1);
        for (int i = 0; i < 5; i++) {
            double[] k = {r.nextDouble(), r.nextDouble(), r.nextDouble()};
            double[] a = BandStructure.at(plus, k[0], k[1], k[2]);
            double[] b = BandStructure.at(minus, -k[0], -k[1], -k[2]);
            for (int j = 0; j < a.length; j++) {
                assertEquals(a[j], b[j], 1e-12, "eps(k, m) = eps(-k, -m)");
            }
        }
        MeshSpectrum sp = MeshSpectrum.compute(plus, 6, 6, 6, ProgressListener.NONE);
        MeshSpectrum sm = MeshSpectrum.compute(minus, 6, 6, 6, ProgressListener.NONE);
        assertEquals(sp.freeEnergy(sp.fermiLevel(1.5, 0.1), 0.1), sm.freeEnergy(sm.fermiLevel(1.5, 0.1), 0.1), 1e-9);
    }

    @Test
    void textureBondsAreHermitianAndReduceToTheRigidRotation() {
        SpinParts p = randomSpinor(12, 2).spinParts();
        Random r = new Random(12);
        for (int i = 0; i < 10; i++) {
            Vector3 ni = new Vector3(r.nextGaussian(), r.nextGaussian(), r.nextGaussian()).normalized();
            Vector3 nj = new Vector3(r.nextGaussian(), r.nextGaussian(), r.nextGaussian()).normalized();
            int[] c = {1, -1, 0};
            int[] mc = {-1, 1, 0};
            ComplexMatrix ij = p.hopping(c, ni, nj);
            ComplexMatrix ji = p.hopping(mc, nj, ni);
            assertTrue(ij.maxAbsDifference(ji.dagger()) <= 1e-14, "H_ij = H_ji^dagger");
            assertTrue(p.hopping(c, ni, ni).maxAbsDifference(p.uniform(ni).hopping(1, -1, 0)) <= 1e-14,
                    "n_i = n_j: the rigid rotation");
            ComplexMatrix onsite = p.hopping(new int[] {0, 0, 0}, ni, ni);
            assertTrue(onsite.hermiticityError() <= 1e-14, "on-site block Hermitian");
            // only the exchange moves: charge and spin-orbit parts of the textured bond are the model's
            ComplexMatrix ex = ij.minus(p.charge().hopping(1, -1, 0)).minus(p.spinOrbit().hopping(1, -1, 0));
            assertEquals(0, SpinParts.components(ex, 2)[0].maxAbs(), 1e-14, "no sigma^0 generated");
        }
        assertTrue(p.hopping(new int[] {1, 0, 0}, p.axis(), p.axis())
                .maxAbsDifference(randomSpinor(12, 2).hopping(1, 0, 0)) <= 1e-14, "the model's own axis: no change");
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4})
    void su2RepresentsTheRotation(long seed) {
        Random r = new Random(seed);
        Vector3 from = new Vector3(r.nextGaussian(), r.nextGaussian(), r.nextGaussian()).normalized();
        Vector3 to = seed == 4 ? from.times(-1) : new Vector3(r.nextGaussian(), r.nextGaussian(), r.nextGaussian())
                .normalized();
        SpinRotation rot = SpinRotation.between(from, to);
        assertTrue(rot.apply(from).maxAbsDifference(to) < 1e-14, "takes from to to");
        ComplexMatrix u = rot.su2();
        assertTrue(u.times(u.dagger()).maxAbsDifference(ComplexMatrix.identity(2)) < 1e-14, "unitary");
        for (int b = 1; b <= 3; b++) {
            ComplexMatrix lhs = u.times(Pauli.sigma(b)).times(u.dagger());
            ComplexMatrix rhs = new ComplexMatrix(2, 2);
            for (int c = 1; c <= 3; c++) {
                rhs = rhs.plus(Pauli.sigma(c).scale(rot.matrix()[c - 1][b - 1], 0));
            }
            assertTrue(lhs.maxAbsDifference(rhs) < 1e-14, "u sigma^b u^dagger = R_cb sigma^c");
        }
    }

    @Test
    void spinlessModelHasNoAxis() {
        WannierModel m = randomCollinear(3, 2).map(SpinStructure.SPINLESS, x -> {
            ComplexMatrix y = x.copy();
            for (int o = 0; o < x.rows() / 2; o++) {
                for (int q = 0; q < x.rows() / 2; q++) {
                    y.set(2 * o + 1, 2 * q + 1, x.re(2 * o, 2 * q), x.im(2 * o, 2 * q));
                }
            }
            return y;
        });
        assertNull(m.spinParts().axis());
        assertEquals(0, m.spinParts().exchange().maxAbs(), 0);
    }
}
