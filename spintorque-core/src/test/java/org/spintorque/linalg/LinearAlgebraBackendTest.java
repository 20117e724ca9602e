package org.spintorque.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.spintorque.linalg.LinalgTestSupport.backend;
import static org.spintorque.linalg.LinalgTestSupport.naiveGemm;
import static org.spintorque.linalg.LinalgTestSupport.random;
import static org.spintorque.linalg.LinalgTestSupport.relativeError;
import static org.spintorque.linalg.LinalgTestSupport.wellConditioned;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every backend against reference loops and identities; OpenBLAS cases are skipped where it does not load. */
class LinearAlgebraBackendTest {
    private static final double GEMM_TOL = 1e-13;
    private static final double INVERSE_TOL = 1e-12;

    static Stream<String> backends() {
        return LinalgTestSupport.backends();
    }

    static Stream<Arguments> backendsAndDaggers() {
        List<Arguments> list = new ArrayList<>();
        for (String name : List.of("java", "openblas")) {
            for (boolean da : new boolean[] {false, true}) {
                for (boolean db : new boolean[] {false, true}) {
                    list.add(Arguments.of(name, da, db));
                }
            }
        }
        return list.stream();
    }

    /** Shapes {m, n, k}: tiny, odd, around the small-product threshold, over a row block, odd k over a k block. */
    private static final int[][] SHAPES = {
        {1, 1, 1}, {1, 1, 7}, {2, 3, 1}, {3, 2, 5}, {1, 9, 4}, {7, 1, 3}, {5, 5, 5}, {16, 16, 16}, {17, 15, 19},
        {31, 33, 32}, {13, 70, 9}, {70, 13, 11}, {40, 41, 69}, {64, 64, 64}, {65, 63, 67}, {70, 70, 70},
        {3, 4, 129}, {300, 5, 7}, {257, 3, 66}, {8, 300, 2},
    };

    @ParameterizedTest(name = "{0} daggerA={1} daggerB={2}")
    @MethodSource("backendsAndDaggers")
    void gemmMatchesTripleLoop(String name, boolean daggerA, boolean daggerB) {
        LinearAlgebra la = backend(name);
        SplittableRandom rnd = new SplittableRandom(17 + (daggerA ? 2 : 0) + (daggerB ? 1 : 0));
        double[][] scalars = {{1, 0, 0, 0}, {0.7, -1.3, 0, 0}, {-0.4, 0.9, 1.1, -0.6}, {1, 0, 1, 0}, {0, 2, 0, -1}};
        int s = 0;
        for (int[] shape : SHAPES) {
            int m = shape[0];
            int n = shape[1];
            int k = shape[2];
            ComplexMatrix a = daggerA ? random(rnd, k, m) : random(rnd, m, k);
            ComplexMatrix b = daggerB ? random(rnd, n, k) : random(rnd, k, n);
            ComplexMatrix c = random(rnd, m, n);
            double[] ab = scalars[s++ % scalars.length];
            ComplexMatrix expected = naiveGemm(daggerA, daggerB, ab[0], ab[1], a, b, ab[2], ab[3], c);
            ComplexMatrix aCopy = a.copy();
            ComplexMatrix bCopy = b.copy();
            la.gemm(daggerA, daggerB, ab[0], ab[1], a, b, ab[2], ab[3], c);
            double err = relativeError(c, expected);
            assertTrue(err < GEMM_TOL * Math.max(1, k / 8.0),
                    () -> name + " gemm " + m + "x" + n + "x" + k + " error " + err);
            assertEquals(aCopy, a, "A modified");
            assertEquals(bCopy, b, "B modified");
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void gemmWithZeroBetaIgnoresGarbageInC(String name) {
        LinearAlgebra la = backend(name);
        SplittableRandom rnd = new SplittableRandom(3);
        for (int n : new int[] {3, 40}) {
            ComplexMatrix a = random(rnd, n, n);
            ComplexMatrix b = random(rnd, n, n);
            ComplexMatrix c = new ComplexMatrix(n, n);
            java.util.Arrays.fill(c.data(), Double.NaN);
            la.gemm(false, false, 1, 0, a, b, 0, 0, c);
            assertTrue(relativeError(c, naiveGemm(false, false, 1, 0, a, b, 0, 0, c)) < GEMM_TOL);
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void gemmResultMayShareStorageWithAnOperand(String name) {
        LinearAlgebra la = backend(name);
        SplittableRandom rnd = new SplittableRandom(4);
        for (int n : new int[] {4, 50}) {
            ComplexMatrix a = random(rnd, n, n);
            ComplexMatrix b = random(rnd, n, n);
            ComplexMatrix expected = naiveGemm(true, false, 1, 0.5, a, b, 2, 0, a);
            la.gemm(true, false, 1, 0.5, a, b, 2, 0, a);
            assertTrue(relativeError(a, expected) < GEMM_TOL);
            ComplexMatrix square = naiveGemm(false, true, 1, 0, b, b, 0, 0, b);
            la.gemm(false, true, 1, 0, b, b, 0, 0, b);
            assertTrue(relativeError(b, square) < GEMM_TOL);
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void gemmEdgeCases(String name) {
        LinearAlgebra la = backend(name);
        SplittableRandom rnd = new SplittableRandom(5);
        // k = 0: C = beta C
        ComplexMatrix c = random(rnd, 3, 2);
        ComplexMatrix expected = c.scale(0.5, 1);
        la.gemm(false, false, 1, 0, new ComplexMatrix(3, 0), new ComplexMatrix(0, 2), 0.5, 1, c);
        assertTrue(relativeError(c, expected) < 1e-15);
        // alpha = 0
        ComplexMatrix d = random(rnd, 4, 4);
        ComplexMatrix dExpected = d.scale(-1, 0);
        la.gemm(false, false, 0, 0, random(rnd, 4, 4), random(rnd, 4, 4), -1, 0, d);
        assertTrue(relativeError(d, dExpected) < 1e-15);
        // empty result
        la.gemm(false, false, 1, 0, new ComplexMatrix(0, 3), random(rnd, 3, 2), 0, 0, new ComplexMatrix(0, 2));
        // shape mismatches
        assertThrows(IllegalArgumentException.class,
                () -> la.gemm(false, false, 1, 0, random(rnd, 2, 3), random(rnd, 2, 3), 0, 0, new ComplexMatrix(2, 3)));
        assertThrows(IllegalArgumentException.class,
                () -> la.gemm(true, false, 1, 0, random(rnd, 2, 3), random(rnd, 2, 3), 0, 0, new ComplexMatrix(2, 3)));
        // multiply default
        ComplexMatrix a = random(rnd, 6, 4);
        ComplexMatrix b = random(rnd, 4, 5);
        assertTrue(relativeError(la.multiply(a, b), naiveGemm(false, false, 1, 0, a, b, 0, 0,
                new ComplexMatrix(6, 5))) < GEMM_TOL);
    }

    @ParameterizedTest
    @MethodSource("backends")
    void inverseTimesMatrixIsIdentity(String name) {
        LinearAlgebra la = backend(name);
        SplittableRandom rnd = new SplittableRandom(6);
        for (int n : new int[] {1, 2, 3, 5, 8, 9, 16, 17, 24, 33, 47, 64, 65, 70, 130, 200}) {
            ComplexMatrix a = wellConditioned(rnd, n);
            ComplexMatrix copy = a.copy();
            ComplexMatrix inv = la.inverse(a);
            assertEquals(copy, a, "A modified");
            ComplexMatrix id = ComplexMatrix.identity(n);
            double left = naiveGemm(false, false, 1, 0, inv, a, 0, 0, id).maxAbsDifference(id);
            double right = naiveGemm(false, false, 1, 0, a, inv, 0, 0, id).maxAbsDifference(id);
            assertTrue(left < INVERSE_TOL && right < INVERSE_TOL,
                    () -> name + " n=" + n + ": |inv A - 1| = " + left + ", |A inv - 1| = " + right);
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void inverseNeedsPivoting(String name) {
        LinearAlgebra la = backend(name);
        // zero diagonal: fails without row interchanges
        ComplexMatrix a = ComplexMatrix.of(new double[][] {{0, 2, 0}, {0, 0, 3}, {1, 0, 0}},
                new double[][] {{0, 0, 0}, {0, 0, 1}, {0, 0, 0}});
        ComplexMatrix inv = la.inverse(a);
        assertTrue(la.multiply(inv, a).maxAbsDifference(ComplexMatrix.identity(3)) < 1e-15);
        assertEquals(0.5, inv.re(1, 0), 1e-15);
    }

    @ParameterizedTest
    @MethodSource("backends")
    void solveAgreesWithInverse(String name) {
        LinearAlgebra la = backend(name);
        SplittableRandom rnd = new SplittableRandom(7);
        int[][] cases = {{1, 1}, {2, 3}, {7, 1}, {17, 5}, {33, 40}, {70, 3}, {150, 20}};
        for (int[] nc : cases) {
            int n = nc[0];
            ComplexMatrix a = wellConditioned(rnd, n);
            ComplexMatrix b = random(rnd, n, nc[1]);
            ComplexMatrix aCopy = a.copy();
            ComplexMatrix bCopy = b.copy();
            ComplexMatrix x = la.solve(a, b);
            assertEquals(aCopy, a, "A modified");
            assertEquals(bCopy, b, "B modified");
            ComplexMatrix viaInverse = naiveGemm(false, false, 1, 0, la.inverse(a), b, 0, 0, x);
            assertTrue(relativeError(x, viaInverse) < INVERSE_TOL, () -> name + " n=" + n);
            ComplexMatrix residual = naiveGemm(false, false, 1, 0, a, x, 0, 0, b);
            assertTrue(relativeError(residual, b) < INVERSE_TOL, () -> name + " residual n=" + n);
        }
        assertThrows(IllegalArgumentException.class, () -> la.solve(random(rnd, 3, 3), random(rnd, 4, 1)));
        assertThrows(IllegalArgumentException.class, () -> la.solve(random(rnd, 3, 4), random(rnd, 3, 1)));
        assertThrows(IllegalArgumentException.class, () -> la.inverse(random(rnd, 3, 4)));
    }

    @ParameterizedTest
    @MethodSource("backends")
    void singularMatrixThrows(String name) {
        LinearAlgebra la = backend(name);
        SplittableRandom rnd = new SplittableRandom(8);
        // singular in floating point too: elimination produces an exactly zero pivot
        List<ComplexMatrix> singular = new ArrayList<>();
        singular.add(new ComplexMatrix(1, 1));
        singular.add(new ComplexMatrix(4, 4));
        singular.add(ComplexMatrix.of(new double[][] {{1, 2}, {2, 4}}, new double[][] {{1, 0}, {2, 0}}));
        singular.add(ComplexMatrix.of(new double[][] {{1, 2, 3}, {2, 4, 6}, {1, 0, 1}}, null));
        for (int n : new int[] {5, 40, 140}) {
            ComplexMatrix zeroColumn = random(rnd, n, n);
            ComplexMatrix zeroRow = random(rnd, n, n);
            for (int i = 0; i < n; i++) {
                zeroColumn.set(i, n / 2, 0, 0);
                zeroRow.set(n / 3, i, 0, 0);
            }
            singular.add(zeroColumn);
            singular.add(zeroRow);
        }
        for (ComplexMatrix a : singular) {
            assertThrows(ArithmeticException.class, () -> la.inverse(a), () -> name + " inverse " + a.rows());
            assertThrows(ArithmeticException.class, () -> la.solve(a, random(rnd, a.rows(), 2)),
                    () -> name + " solve " + a.rows());
        }
    }

    @Test
    void backendsAgree() {
        LinearAlgebra java = backend("java");
        LinearAlgebra openblas = backend("openblas");
        SplittableRandom rnd = new SplittableRandom(9);
        for (int n : new int[] {3, 31, 96, 161}) {
            ComplexMatrix a = random(rnd, n, n + 3);
            ComplexMatrix b = random(rnd, n, n + 3);
            ComplexMatrix c1 = random(rnd, n, n);
            ComplexMatrix c2 = c1.copy();
            java.gemm(false, true, 0.3, 0.2, a, b, -1, 0.5, c1);
            openblas.gemm(false, true, 0.3, 0.2, a, b, -1, 0.5, c2);
            assertTrue(relativeError(c1, c2) < GEMM_TOL, "gemm n=" + n);
            ComplexMatrix m = wellConditioned(rnd, n);
            assertTrue(relativeError(java.inverse(m), openblas.inverse(m)) < INVERSE_TOL, "inverse n=" + n);
            ComplexMatrix rhs = random(rnd, n, 4);
            assertTrue(relativeError(java.solve(m, rhs), openblas.solve(m, rhs)) < INVERSE_TOL, "solve n=" + n);
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void concurrentCallsGiveTheSameResults(String name) throws Exception {
        LinearAlgebra la = backend(name);
        SplittableRandom rnd = new SplittableRandom(10);
        int n = 90;
        List<ComplexMatrix> inputs = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            inputs.add(wellConditioned(rnd, n));
        }
        List<ComplexMatrix> expected = new ArrayList<>();
        for (ComplexMatrix a : inputs) {
            expected.add(la.multiply(la.inverse(a), a));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<ComplexMatrix>> futures = new ArrayList<>();
            for (int rep = 0; rep < 3; rep++) {
                for (ComplexMatrix a : inputs) {
                    futures.add(pool.submit(() -> la.multiply(la.inverse(a), a)));
                }
            }
            for (int i = 0; i < futures.size(); i++) {
                assertEquals(expected.get(i % inputs.size()), futures.get(i).get(), name + " task " + i);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
