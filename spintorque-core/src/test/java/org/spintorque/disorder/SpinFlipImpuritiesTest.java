package org.spintorque.disorder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.spintorque.disorder.Statistics.assertWithinError;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.spintorque.hamiltonian.Exchange;
import org.spintorque.hamiltonian.Hopping;
import org.spintorque.hamiltonian.ModelBuilder;
import org.spintorque.hamiltonian.Rashba;
import org.spintorque.hamiltonian.TightBindingSystem;
import org.spintorque.lattice.Lattice;
import org.spintorque.lattice.LatticeKind;
import org.spintorque.lattice.Site;
import org.spintorque.linalg.ComplexMatrix;
import org.spintorque.observables.DenseDensityMatrix;
import org.spintorque.observables.RandomModels;
import org.spintorque.observables.SiteObservables;
import org.spintorque.observables.SiteQuantity;
import org.spintorque.observables.SpinContinuity;
import org.spintorque.texture.Texture;
import org.spintorque.texture.UniformTexture;
import org.spintorque.texture.Vector3;

/**
 * Spin-flip impurities, eq. (7): the on-site source is eq. (9) for any density matrix, the impurity fraction
 * converges to n_imp within the binomial error, realizations are reproducible and distinct, and
 * texture-following impurity spins are {@code R(n) S~} with the rotation of eq. (15).
 */
class SpinFlipImpuritiesTest {
    static LongStream seeds() {
        return LongStream.range(300, 308);
    }

    /**
     * {@code T_on(i) = 2 v_s (S_imp,i x s_i)} (eq. 9) on every site, for a random Hermitian rho, any number of
     * orbitals, lab-frame or texture-following spins; zero on sites without impurity; no hopping source.
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void onsiteSourceIsEquationNine(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int orbitals = 1 + rnd.nextInt(2);
        Lattice lattice = new Lattice(LatticeKind.SQUARE, 5, 3, 1, orbitals);
        double vs = rnd.nextDouble(0.1, 2);
        double spin = rnd.nextDouble(0.5, 2.5);
        Texture texture = RandomModels.randomTexture(rnd, lattice);
        SpinFlipImpurities imp = rnd.nextBoolean()
                ? new SpinFlipImpurities(0.5, vs, spin, seed, 2)
                : SpinFlipImpurities.followingTexture(0.5, vs, spin, texture, seed, 2);
        TightBindingSystem sys = new ModelBuilder(lattice).leads(rnd.nextBoolean()).add(new Hopping(1))
                .add(new Exchange(0.7, texture)).add(imp).add(new Rashba(0.2)).build();
        var rho = DenseDensityMatrix.of(sys, RandomModels.randomHermitian(rnd,
                sys.denseDimension(sys.hasLeads())));
        SiteObservables s = new SpinContinuity(sys).evaluate(rho).sites();
        int k = sys.termIndex("spin-flip");
        int impurities = 0;
        double worst = 0;
        for (int i = 0; i < lattice.siteCount(); i++) {
            Vector3 si = s.spin(i);
            Vector3 simp = imp.spin(lattice.site(i));
            if (imp.isImpurity(i)) {
                impurities++;
                assertEquals(spin, simp.norm(), 1e-12 * spin);
            } else {
                assertEquals(Vector3.ZERO, simp);
            }
            Vector3 expected = simp.cross(si).times(2 * vs);
            Vector3 got = s.get(SiteQuantity.ONSITE_SOURCE, i, k);
            double err = got.maxAbsDifference(expected);
            worst = Math.max(worst, err);
            assertEquals(0, err, 1e-13 * (1 + 2 * vs * spin * si.norm()), "site " + i);
            assertEquals(0, s.get(SiteQuantity.HOPPING_SOURCE, i, k).norm(), 0.0);
            assertEquals(0, s.get(SiteQuantity.DIVERGENCE, i, k).norm(), 0.0, "an on-site term carries no current");
        }
        assertTrue(impurities > 0 && impurities < lattice.siteCount(), "non-trivial: " + impurities);
        assertTrue(s.maxAbs(SiteQuantity.SPIN) > 0.1, "non-trivial spin density");
        System.out.printf("spin-flip seed %d: largest |T_on - 2 v_s S x s| = %.2e%n", seed, worst);
    }

    /**
     * The impurity fraction over N = 10^5 sites is n_imp within 5 binomial standard errors
     * {@code sqrt(n (1 - n)/N)}; the mean over 40 realizations of 2500 sites likewise; n = 0 and n = 1 exact.
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void impurityFractionConvergesToTheConcentration(long seed) {
        int n = 100_000;
        for (double c : new double[] {0.01, 0.1, 0.5, 0.9}) {
            SpinFlipImpurities imp = new SpinFlipImpurities(c, 1, 1, seed, 0);
            long count = 0;
            for (int i = 0; i < n; i++) {
                if (imp.isImpurity(i)) {
                    count++;
                }
            }
            assertWithinError(c, (double) count / n, Math.sqrt(c * (1 - c) / n), "fraction at n_imp = " + c);
        }
        Lattice lattice = Lattice.square(50, 50);
        double c = 0.2;
        long total = 0;
        int realizations = 40;
        for (int r = 0; r < realizations; r++) {
            SpinFlipImpurities imp = new SpinFlipImpurities(c, 1, 1.5, seed, r);
            int count = imp.impurityCount(lattice);
            assertEquals(count, imp.spins(lattice).size());
            total += count;
        }
        long sites = (long) realizations * lattice.siteCount();
        assertWithinError(c, (double) total / sites, Math.sqrt(c * (1 - c) / sites), "ensemble fraction");
        assertEquals(0, new SpinFlipImpurities(0, 1, 1, seed, 0).impurityCount(lattice));
        assertEquals(lattice.siteCount(), new SpinFlipImpurities(1, 1, 1, seed, 0).impurityCount(lattice));
    }

    /**
     * Same (seed, realization): identical blocks, whatever the evaluation order. Another realization or seed:
     * different impurity sets, the fraction of sites whose occupation differs being {@code 2 n (1 - n)} within
     * its binomial error.
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void realizationsAreReproducibleAndDistinct(long seed) {
        Lattice lattice = new Lattice(LatticeKind.CUBIC, 20, 10, 10, 2);
        double c = 0.3;
        SpinFlipImpurities a = new SpinFlipImpurities(c, 0.8, 1.2, seed, 5);
        SpinFlipImpurities b = new SpinFlipImpurities(c, 0.8, 1.2, seed, 5);
        SpinFlipImpurities other = new SpinFlipImpurities(c, 0.8, 1.2, seed, 6);
        SpinFlipImpurities otherSeed = new SpinFlipImpurities(c, 0.8, 1.2, seed + 1, 5);
        int n = lattice.siteCount();
        long differ = 0;
        long differSeed = 0;
        boolean blockDiffers = false;
        for (int i = 0; i < n; i++) {
            Site s = lattice.site(i);
            Site back = lattice.site(n - 1 - i);
            assertBlocksEqual(a.onsite(s), b.onsite(s));
            assertBlocksEqual(a.onsite(back), b.onsite(back));
            if (a.isImpurity(i) != other.isImpurity(i)) {
                differ++;
            }
            if (a.isImpurity(i) != otherSeed.isImpurity(i)) {
                differSeed++;
            }
            if (a.isImpurity(i) && other.isImpurity(i)
                    && a.onsite(s).maxAbsDifference(other.onsite(s)) > 1e-3) {
                blockDiffers = true;
            }
        }
        double p = 2 * c * (1 - c);
        assertWithinError(p, (double) differ / n, Math.sqrt(p * (1 - p) / n), "occupation differs, realization");
        assertWithinError(p, (double) differSeed / n, Math.sqrt(p * (1 - p) / n), "occupation differs, seed");
        assertTrue(blockDiffers, "impurity spins differ between realizations");
        assertEquals(a.spins(lattice), b.spins(lattice));
    }

    static void assertBlocksEqual(ComplexMatrix x, ComplexMatrix y) {
        if (x == null || y == null) {
            assertTrue(x == null && y == null);
            return;
        }
        assertEquals(0, x.maxAbsDifference(y), 0.0);
    }

    /**
     * Texture-following spins: {@code S_imp = R(n) S~} with {@code |S_imp| = S_imp}, where S~ is the lab-frame
     * spin of the same seed and realization; R is orthogonal, symmetric, of determinant +1, maps z to n, and
     * {@code S_imp . n = S~_z}.
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void textureFollowingSpinsAreRotatedLocalSpins(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        Lattice lattice = Lattice.cubic(12, 6, 4);
        Texture texture = RandomModels.randomTexture(rnd, lattice);
        double spin = rnd.nextDouble(0.5, 3);
        SpinFlipImpurities lab = new SpinFlipImpurities(0.4, 1, spin, seed, 1);
        SpinFlipImpurities follow = SpinFlipImpurities.followingTexture(0.4, 1, spin, texture, seed, 1);
        assertTrue(follow.followsTexture());
        assertFalse(lab.followsTexture());
        int count = 0;
        for (int i = 0; i < lattice.siteCount(); i++) {
            Site site = lattice.site(i);
            Vector3 local = lab.spin(site);
            assertEquals(local, follow.localSpin(i));
            Vector3 s = follow.spin(site);
            if (!lab.isImpurity(i)) {
                assertEquals(Vector3.ZERO, s);
                assertNull(follow.onsite(site));
                continue;
            }
            count++;
            Vector3 n = texture.n(site.x(), site.y(), site.z());
            double[][] r = SpinFlipImpurities.frameRotation(n);
            assertRotationTakingZTo(r, n);
            assertEquals(0, s.maxAbsDifference(SpinFlipImpurities.rotate(r, local)), 0.0);
            assertEquals(spin, s.norm(), 1e-12 * spin);
            assertEquals(local.z(), s.dot(n), 1e-12 * spin);
            assertEquals(0, follow.onsite(site).maxAbsDifference(
                    org.spintorque.hamiltonian.Pauli.dot(1, s.x(), s.y(), s.z())), 1e-15);
        }
        assertTrue(count > 0);
        // n = z: eq. (15) is the rotation by pi about z (m = z), not the identity
        SpinFlipImpurities up = SpinFlipImpurities.followingTexture(0.4, 1, spin, new UniformTexture(Vector3.Z),
                seed, 1);
        for (Map.Entry<Integer, Vector3> e : up.spins(lattice).entrySet()) {
            Vector3 l = lab.localSpin(e.getKey());
            assertEquals(new Vector3(-l.x(), -l.y(), l.z()), e.getValue());
        }
    }

    /** R(n) for random n, at the poles, and within 1e-9 of the south pole (where 1 + n_z loses all digits). */
    @Test
    void frameRotationIsAccurateEverywhere() {
        SplittableRandom rnd = new SplittableRandom(5);
        for (int t = 0; t < 2000; t++) {
            Vector3 n = RandomModels.randomUnitVector(rnd);
            assertRotationTakingZTo(SpinFlipImpurities.frameRotation(n), n);
        }
        assertRotationTakingZTo(SpinFlipImpurities.frameRotation(Vector3.Z), Vector3.Z);
        Vector3 south = new Vector3(0, 0, -1);
        assertRotationTakingZTo(SpinFlipImpurities.frameRotation(south), south);
        for (double eps : new double[] {1e-5, 1e-9, 1e-12}) {
            Vector3 n = new Vector3(eps * 0.6, -eps * 0.8, -Math.sqrt(1 - eps * eps));
            assertRotationTakingZTo(SpinFlipImpurities.frameRotation(n), n);
        }
        // the paper's eq. (15) with m = (sin(theta/2) cos phi, sin(theta/2) sin phi, cos(theta/2))
        for (int t = 0; t < 200; t++) {
            double theta = rnd.nextDouble(0, 3);
            double phi = rnd.nextDouble(0, 2 * Math.PI);
            double[] m = {Math.sin(theta / 2) * Math.cos(phi), Math.sin(theta / 2) * Math.sin(phi),
                Math.cos(theta / 2)};
            Vector3 n = new Vector3(Math.sin(theta) * Math.cos(phi), Math.sin(theta) * Math.sin(phi),
                    Math.cos(theta));
            double[][] r = SpinFlipImpurities.frameRotation(n);
            for (int a = 0; a < 3; a++) {
                for (int b = 0; b < 3; b++) {
                    assertEquals(2 * m[a] * m[b] - (a == b ? 1 : 0), r[a][b], 1e-14);
                }
            }
        }
    }

    static void assertRotationTakingZTo(double[][] r, Vector3 n) {
        Vector3 rz = SpinFlipImpurities.rotate(r, Vector3.Z);
        assertEquals(0, rz.maxAbsDifference(n), 5e-16, "R z = n for " + n);
        double det = r[0][0] * (r[1][1] * r[2][2] - r[1][2] * r[2][1])
                - r[0][1] * (r[1][0] * r[2][2] - r[1][2] * r[2][0])
                + r[0][2] * (r[1][0] * r[2][1] - r[1][1] * r[2][0]);
        assertEquals(1, det, 1e-14, "det R");
        for (int a = 0; a < 3; a++) {
            for (int b = 0; b < 3; b++) {
                double dot = 0;
                for (int c = 0; c < 3; c++) {
                    dot += r[c][a] * r[c][b];
                }
                assertEquals(a == b ? 1 : 0, dot, 1e-14, "R^T R = 1");
                assertEquals(r[a][b], r[b][a], 1e-15, "R symmetric");
            }
        }
    }

    @Test
    void actsInTheScatteringRegionOnly() {
        Lattice lattice = Lattice.square(4, 2);
        SpinFlipImpurities imp = new SpinFlipImpurities(1, 1, 1, 9, 0);
        assertFalse(imp.extendsIntoLeads());
        assertFalse(imp.hasHopping());
        assertEquals("spin-flip", imp.name());
        assertNotNull(imp.onsite(lattice.site(0)));
        assertNull(imp.onsite(lattice.site(-1)));
        assertNull(imp.onsite(lattice.site(lattice.siteCount())));
        assertEquals(Vector3.ZERO, imp.spin(lattice.site(-2)));
        TightBindingSystem sys = new ModelBuilder(lattice).add(new Hopping(1)).add(imp).build();
        assertEquals(0, sys.onsite(-1).maxAbs(), 0.0, "nothing in the left lead cell");
        Map<Integer, Vector3> spins = imp.spins(lattice);
        assertEquals(lattice.siteCount(), spins.size());
    }

    @Test
    void badInputIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> new SpinFlipImpurities(-0.1, 1, 1, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new SpinFlipImpurities(1.1, 1, 1, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new SpinFlipImpurities(Double.NaN, 1, 1, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new SpinFlipImpurities(0.5, -1, 1, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new SpinFlipImpurities(0.5, Double.POSITIVE_INFINITY,
                1, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new SpinFlipImpurities(0.5, 1, -1, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new SpinFlipImpurities(" ", 0.5, 1, 1, null, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> SpinFlipImpurities.followingTexture(0.5, 1, 1, null,
                0, 0));
    }
}
