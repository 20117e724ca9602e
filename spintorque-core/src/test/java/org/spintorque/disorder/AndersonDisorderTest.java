package org.spintorque.disorder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.spintorque.disorder.Statistics.assertUniformCounts;
import static org.spintorque.disorder.Statistics.assertWithinError;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.spintorque.hamiltonian.Hopping;
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

/**
 * Anderson disorder: box values uniform in [-W/2, W/2] (chi-square, mean, variance W^2/12 with standard error
 * {@code W^2/sqrt(180 N)}), Gaussian values of mean 0 and variance W^2 (standard error {@code W^2 sqrt(2/N)}),
 * spin-independent blocks without spin source, nothing in the leads, reproducible realizations.
 */
class AndersonDisorderTest {
    static final int N = 200_000;

    static LongStream seeds() {
        return LongStream.range(900, 906);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void boxValuesAreUniformInTheBox(long seed) {
        double w = 2.5;
        AndersonDisorder d = new AndersonDisorder(w, AndersonDisorder.Distribution.BOX, seed, 4);
        long[] counts = new long[100];
        double sum = 0;
        double sum2 = 0;
        for (int i = 0; i < N; i++) {
            double v = d.potential(i);
            assertTrue(v >= -w / 2 && v < w / 2, "in the box: " + v);
            counts[Statistics.bin(v, -w / 2, w / 2, 100)]++;
            sum += v;
            sum2 += v * v;
        }
        assertUniformCounts(counts, "box histogram");
        assertWithinError(0, sum / N, w / Math.sqrt(12.0 * N), "mean");
        assertWithinError(w * w / 12, sum2 / N, w * w / Math.sqrt(180.0 * N), "variance");
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void gaussianValuesHaveStandardDeviationW(long seed) {
        double w = 0.8;
        AndersonDisorder d = new AndersonDisorder(w, AndersonDisorder.Distribution.GAUSSIAN, seed, 4);
        double sum = 0;
        double sum2 = 0;
        for (int i = 0; i < N; i++) {
            double v = d.potential(i);
            sum += v;
            sum2 += v * v;
        }
        assertWithinError(0, sum / N, w / Math.sqrt(N), "mean");
        assertWithinError(w * w, sum2 / N, w * w * Math.sqrt(2.0 / N), "variance");
    }

    /** {@code H_ii = V_i 1} on every site of the region, no spin source for a random rho, nothing in the leads. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void spinIndependentOnsitePotentialInTheRegionOnly(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        Lattice lattice = new Lattice(LatticeKind.SQUARE, 4, 3, 1, 1 + rnd.nextInt(2));
        AndersonDisorder d = new AndersonDisorder(1.5, rnd.nextBoolean() ? AndersonDisorder.Distribution.BOX
                : AndersonDisorder.Distribution.GAUSSIAN, seed, 0);
        assertFalse(d.extendsIntoLeads());
        assertFalse(d.hasHopping());
        assertEquals("anderson", d.name());
        for (int i = 0; i < lattice.siteCount(); i++) {
            ComplexMatrix m = d.onsite(lattice.site(i));
            double v = d.potential(i);
            assertEquals(0, m.maxAbsDifference(ComplexMatrix.identity(lattice.blockSize()).scale(v, 0)), 0.0);
        }
        assertNull(d.onsite(lattice.site(-1)));
        assertNull(d.onsite(lattice.site(lattice.siteCount())));
        TightBindingSystem sys = RandomModels.build(lattice, List.of(new Hopping(1), d), true);
        SiteObservables s = new SpinContinuity(sys).evaluate(DenseDensityMatrix.of(sys,
                RandomModels.randomHermitian(rnd, sys.denseDimension(true)))).sites();
        int k = sys.termIndex("anderson");
        for (int i = 0; i < lattice.siteCount(); i++) {
            assertEquals(0, s.get(SiteQuantity.SOURCE, i, k).norm(), 1e-14);
        }
        assertEquals(0, sys.onsite(-1).maxAbs(), 0.0);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void sameRealizationSamePotentialOtherRealizationOther(long seed) {
        Lattice lattice = Lattice.cubic(10, 5, 5);
        for (AndersonDisorder.Distribution dist : AndersonDisorder.Distribution.values()) {
            AndersonDisorder a = new AndersonDisorder(1, dist, seed, 0);
            AndersonDisorder b = new AndersonDisorder(1, dist, seed, 0);
            AndersonDisorder c = new AndersonDisorder(1, dist, seed, 1);
            int same = 0;
            for (int i = lattice.siteCount() - 1; i >= 0; i--) {
                Site s = lattice.site(i);
                assertEquals(0, a.onsite(s).maxAbsDifference(b.onsite(s)), 0.0);
                if (a.potential(i) == c.potential(i)) {
                    same++;
                }
            }
            assertEquals(0, same, "continuous values of independent realizations never coincide");
        }
        assertNotEquals(new AndersonDisorder(1, AndersonDisorder.Distribution.BOX, seed, 0).potential(0),
                new AndersonDisorder(1, AndersonDisorder.Distribution.BOX, seed + 1, 0).potential(0));
    }

    @Test
    void badInputIsRejected() {
        assertThrows(IllegalArgumentException.class,
                () -> new AndersonDisorder(-1, AndersonDisorder.Distribution.BOX, 0, 0));
        assertThrows(IllegalArgumentException.class,
                () -> new AndersonDisorder(Double.NaN, AndersonDisorder.Distribution.BOX, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new AndersonDisorder(1, null, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> AndersonDisorder.Distribution.parse("lorentz"));
        assertEquals(AndersonDisorder.Distribution.GAUSSIAN, AndersonDisorder.Distribution.parse("Gaussian"));
    }
}
