package org.spintorque.wannier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.spintorque.output.ProgressListener;

/**
 * The adaptive midpoint rule of {@link AdaptiveKMesh}: weights and positions of the nonuniform partition, and
 * the Kubo sums of the spin-split cubic band ({@link KuboConductivityTest#cubic}) refined near its Fermi surface
 * against the uniform mesh.
 */
class AdaptiveKMeshTest {
    /** A criterion that splits cells at random (a pure function of the seed and the cell centre). */
    static AdaptiveKMesh.Refinement random(long seed, double probability) {
        return (k1, k2, k3, h) -> {
            long bits = Double.doubleToLongBits(k1) * 31 + Double.doubleToLongBits(k2) * 1_000_003
                    + Double.doubleToLongBits(k3) * 998_244_353 + Double.doubleToLongBits(h);
            return new SplittableRandom(seed ^ bits).nextDouble() < probability;
        };
    }

    /**
     * Every partition is a partition of the unit cube: the weights sum to 1, and the midpoint rule integrates
     * the functions linear in each coordinate exactly (<k_a> = 1/2, <k1 k2 k3> = 1/8, <(k1 - 1/2)(k2 - 1/2)> = 0).
     */
    @ParameterizedTest
    @CsvSource({"1, 3, 2, 3, 0.5", "2, 5, 2, 2, 0.3", "3, 2, 3, 2, 0.4", "4, 4, 2, 4, 0.25", "5, 1, 3, 3, 0.6"})
    void weightsOfAnyPartitionSumToOneAndLinearFunctionsAreExact(long seed, int n0, int f, int levels, double p) {
        AdaptiveKMesh mesh = new AdaptiveKMesh(n0, f, levels);
        AdaptiveKMesh.Sum s = mesh.sum(5, random(seed, p), (k1, k2, k3, acc) -> {
            acc[0] += 1;
            acc[1] += k1;
            acc[2] += k3;
            acc[3] += k1 * k2 * k3;
            acc[4] += (k1 - 0.5) * (k2 - 0.5);
        }, ProgressListener.NONE, "");
        // weights 1/N^3 are exact binary fractions when n0 and f are powers of two: then the sum is exactly 1;
        // otherwise the bound of rounding in a sum of that many terms
        boolean binary = f == 2 && Integer.bitCount(n0) == 1;
        assertEquals(1, s.average()[0], binary ? 0 : s.leaves() * Math.ulp(1.0));
        assertEquals(0.5, s.average()[1], 1e-13);
        assertEquals(0.5, s.average()[2], 1e-13);
        assertEquals(0.125, s.average()[3], 1e-13);
        assertEquals(0, s.average()[4], 1e-13);
        // every split replaces one cell by f^3
        assertEquals((long) n0 * n0 * n0 + s.splits() * (f * f * f - 1), s.leaves());
        assertTrue(s.splits() > 0, "the random criterion split some cells");
    }

    /** The result does not depend on the number of threads (the coarse cells are added in order). */
    @Test
    void sumIsTheSameForAnyNumberOfThreads() throws Exception {
        AdaptiveKMesh mesh = new AdaptiveKMesh(6, 2, 3);
        KuboConductivity.KPointTerm term = (k1, k2, k3, acc) -> acc[0] += Math.exp(Math.sin(7 * k1) * k2) / (k3 + 0.1);
        double[] common = mesh.sum(1, random(9, 0.4), term, ProgressListener.NONE, "").average();
        ForkJoinPool one = new ForkJoinPool(1);
        try {
            double[] single = one.submit(() -> mesh.sum(1, random(9, 0.4), term, ProgressListener.NONE, "")
                    .average()).get();
            assertArrayEquals(common, single, 0.0);
        } finally {
            one.shutdown();
        }
    }

    /** Refining every cell (an energy window far wider than the band) is the uniform mesh n0 f^levels. */
    @ParameterizedTest
    @CsvSource({"3, 2, 2", "2, 3, 2", "5, 2, 1"})
    void refiningEverywhereIsTheUniformMeshOfTheSameResolution(int n0, int f, int levels) {
        double m = 0.6;
        double ef = -1.3;
        double g = 0.15;
        KuboConductivity kubo = new KuboConductivity(KuboConductivityTest.cubic(m), new double[] {1, 0, 0});
        AdaptiveKMesh mesh = new AdaptiveKMesh(n0, f, levels);
        KuboConductivity.Result a = kubo.computeAdaptive(ef, g, mesh, 1e6, false, ProgressListener.NONE);
        int n = mesh.equivalentMesh();
        double[] d = KuboConductivityTest.direct(ef, g, m, n);
        long split = 0; // every cell above the finest level was split, each at its own centre
        for (int l = 0, c = n0; l < levels; l++, c *= f) {
            split += (long) c * c * c;
        }
        assertEquals((long) n * n * n + split, a.kPoints());
        assertEquals(d[0] + d[1], a.sigma(), 1e-12 * a.sigma());
        assertEquals(d[0] - d[1], a.spinSigma(), 1e-12 * a.sigma());
        KuboConductivity.Result u = kubo.compute(ef, g, n, false, ProgressListener.NONE);
        assertEquals(u.spinZ(), a.spinZ(), 1e-12);
        assertEquals(n, a.mesh());
    }

    /**
     * Convergence near the Fermi surface: at G = 0.1 eV the uniform mesh needs about 128^3 points (P(128^3) and
     * P(256^3) differ by 7e-5). The coarse 8^3 mesh refined 3 times (equivalent 64^3) is much closer to the 128^3
     * value than the uniform 16^3 mesh, with 49 % of the points of the uniform 64^3; refined 4 times (equivalent
     * 128^3) it is closer to the 128^3 value than the uniform 64^3 mesh, with 44 % of the points of 128^3.
     */
    @Test
    void refinementNearTheFermiSurfaceConvergesToTheFineUniformMesh() {
        double m = 0.6;
        double ef = -1.3;
        double g = 0.1;
        KuboConductivity kubo = new KuboConductivity(KuboConductivityTest.cubic(m), new double[] {1, 0, 0});
        double[] fine = KuboConductivityTest.direct(ef, g, m, 128);
        double sigma = fine[0] + fine[1];
        double p = (fine[0] - fine[1]) / sigma;
        double[][] error = new double[2][];
        int[] uniform = {16, 64};
        for (int i = 0; i < 2; i++) {
            double[] u = KuboConductivityTest.direct(ef, g, m, uniform[i]);
            error[i] = new double[] {Math.abs((u[0] + u[1]) / sigma - 1), Math.abs((u[0] - u[1]) / (u[0] + u[1]) - p)};
        }
        for (int levels = 3; levels <= 4; levels++) {
            KuboConductivity.Result a = kubo.computeAdaptive(ef, g, new AdaptiveKMesh(8, 2, levels), 6, false,
                    ProgressListener.NONE);
            double es = Math.abs(a.sigma() / sigma - 1);
            double ep = Math.abs(a.polarization() - p);
            System.out.printf("adaptive 8^3 + %d levels (%d^3): %d points, |sigma/sigma(128^3) - 1| = %.2e, "
                    + "|P - P(128^3)| = %.2e; uniform 16^3: %.2e, %.2e; 64^3: %.2e, %.2e%n", levels, a.mesh(),
                    a.kPoints(), es, ep, error[0][0], error[0][1], error[1][0], error[1][1]);
            int reference = levels == 3 ? 0 : 1;
            assertTrue(es < error[reference][0] && ep < error[reference][1], "closer to 128^3 than the uniform "
                    + uniform[reference] + "^3 mesh");
            assertTrue(a.kPoints() < Math.pow(a.mesh(), 3), "fewer points than the equivalent uniform mesh");
        }
    }

    /**
     * The Born broadening (each orbital and spin broadened by its local DOS) on the refined mesh: refining every
     * cell is computeBorn on the uniform mesh of the same resolution (A_loc and the Kubo sums) to 1e-12. Refined
     * only near the Fermi surface at G = 0.1 eV, the coarse 8^3 mesh with 3 levels differs from the uniform 64^3
     * (its equivalent) by less than a tenth of what separates 64^3 from 128^3 (measured: 3e-5 of sigma and 4e-4 in P
     * against 8.6e-3 and 2.1e-2), with half the points.
     */
    @Test
    void bornBroadeningOnTheRefinedMesh() {
        double m = 0.6;
        double ef = -1.3;
        KuboConductivity kubo = new KuboConductivity(KuboConductivityTest.cubic(m), new double[] {1, 0, 0});
        AdaptiveKMesh everywhere = new AdaptiveKMesh(3, 2, 2);
        KuboConductivity.Result a = kubo.computeBornAdaptive(ef, 0.15, everywhere, 1e6, false, ProgressListener.NONE);
        KuboConductivity.Result u = kubo.computeBorn(ef, 0.15, 12, ProgressListener.NONE);
        assertEquals(u.sigma(), a.sigma(), 1e-12 * u.sigma());
        assertEquals(u.spinSigma(), a.spinSigma(), 1e-12 * u.sigma());
        assertEquals(u.spinZ(), a.spinZ(), 1e-12);

        double g = 0.1;
        KuboConductivity.Result fine = kubo.computeBorn(ef, g, 128, ProgressListener.NONE);
        KuboConductivity.Result same = kubo.computeBorn(ef, g, 64, ProgressListener.NONE);
        KuboConductivity.Result refined = kubo.computeBornAdaptive(ef, g, new AdaptiveKMesh(8, 2, 3), 6, true,
                ProgressListener.NONE);
        double meshSigma = Math.abs(same.sigma() / fine.sigma() - 1);
        double meshP = Math.abs(same.polarization() - fine.polarization());
        double refSigma = Math.abs(refined.sigma() / same.sigma() - 1);
        double refP = Math.abs(refined.polarization() - same.polarization());
        String msg = String.format("Born G = 0.1 eV: 8^3 + 3 levels, %d points, against uniform 64^3: sigma %.2e, "
                + "P %.2e; 64^3 against 128^3: sigma %.2e, P %.2e; one level less: %.2e", refined.kPoints(), refSigma,
                refP, meshSigma, meshP, refined.meshError());
        System.out.println(msg);
        assertTrue(refSigma < 0.1 * meshSigma && refP < 0.1 * meshP, msg);
        assertTrue(refined.kPoints() < 64L * 64 * 64 * 0.6, msg);
        assertTrue(Double.isFinite(refined.meshError()), msg);
    }
}
