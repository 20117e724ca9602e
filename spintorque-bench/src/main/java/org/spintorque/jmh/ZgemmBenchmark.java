package org.spintorque.jmh;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.spintorque.linalg.ComplexMatrix;
import org.spintorque.linalg.LinearAlgebra;
import org.spintorque.linalg.LinearAlgebras;

/**
 * {@code C = A B} for random complex n x n matrices through each {@link LinearAlgebra} backend, on one thread.
 * Besides products per second, the secondary result {@code gflop} is the rate in GFLOP/s, counting 8 n^3 real
 * operations per product (as {@code org.spintorque.linalg.Benchmarks} does).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ZgemmBenchmark {
    @Param({"openblas", "java"})
    public String backend;

    @Param({"128", "288", "576"})
    public int n;

    private LinearAlgebra la;
    private ComplexMatrix a;
    private ComplexMatrix b;
    private ComplexMatrix c;
    private double gflopPerProduct;

    /** Floating-point work done, reported by JMH as a rate. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Work {
        public double gflop;

        @Setup(Level.Iteration)
        public void clear() {
            gflop = 0;
        }
    }

    @Setup
    public void setUp() {
        la = LinearAlgebras.byName(backend);
        SplittableRandom rnd = new SplittableRandom(2024);
        a = random(rnd, n);
        b = random(rnd, n);
        c = new ComplexMatrix(n, n);
        gflopPerProduct = 8.0 * n * n * (double) n / 1e9;
    }

    static ComplexMatrix random(SplittableRandom rnd, int n) {
        ComplexMatrix m = new ComplexMatrix(n, n);
        double[] d = m.data();
        for (int i = 0; i < d.length; i++) {
            d[i] = rnd.nextDouble(-1, 1);
        }
        return m;
    }

    @Benchmark
    public ComplexMatrix zgemm(Work work) {
        la.gemm(false, false, 1, 0, a, b, 0, 0, c);
        work.gflop += gflopPerProduct;
        return c;
    }
}
