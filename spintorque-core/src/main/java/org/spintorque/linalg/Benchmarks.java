package org.spintorque.linalg;

import java.util.SplittableRandom;

/** Throughput measurements of {@link LinearAlgebra} backends (not run by the tests). */
public final class Benchmarks {
    private Benchmarks() {
    }

    /**
     * GFLOP/s of {@code C = A B} for random complex n x n matrices, counting 8 n^3 floating-point operations per
     * product: total operations over total time of {@code repetitions} timed products, after untimed warm-up
     * products (at least two, and at least half a second) so that the JIT compiler and caches have settled.
     */
    public static double measureGemmGflops(LinearAlgebra la, int n, int repetitions) {
        if (n < 1 || repetitions < 1) {
            throw new IllegalArgumentException("need n >= 1 and repetitions >= 1");
        }
        SplittableRandom rnd = new SplittableRandom(12345);
        ComplexMatrix a = random(rnd, n);
        ComplexMatrix b = random(rnd, n);
        ComplexMatrix c = new ComplexMatrix(n, n);
        long warmStart = System.nanoTime();
        for (int i = 0; i < 2 || System.nanoTime() - warmStart < 500_000_000L; i++) {
            la.gemm(false, false, 1, 0, a, b, 0, 0, c);
        }
        long start = System.nanoTime();
        for (int i = 0; i < repetitions; i++) {
            la.gemm(false, false, 1, 0, a, b, 0, 0, c);
        }
        double seconds = (System.nanoTime() - start) * 1e-9;
        return 8.0 * n * n * (double) n * repetitions / seconds / 1e9;
    }

    private static ComplexMatrix random(SplittableRandom rnd, int n) {
        ComplexMatrix m = new ComplexMatrix(n, n);
        double[] d = m.data();
        for (int i = 0; i < d.length; i++) {
            d[i] = rnd.nextDouble(-1, 1);
        }
        return m;
    }
}
