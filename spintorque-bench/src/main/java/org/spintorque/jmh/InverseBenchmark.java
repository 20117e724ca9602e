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
 * The inverse of a random, diagonally dominant complex n x n matrix through each {@link LinearAlgebra} backend,
 * on one thread: the kernel of the recursive Green's function's backward pass (n = 2 W^2 for the W x W wire).
 * The secondary result {@code gflop} is the rate in GFLOP/s, counting 8 n^3 real operations per inverse
 * (LU 8/3 n^3 and the inverse from it 16/3 n^3), so that it compares directly with zgemm.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class InverseBenchmark {
    @Param({"openblas", "java"})
    public String backend;

    @Param({"288", "512", "800"})
    public int n;

    private LinearAlgebra la;
    private ComplexMatrix a;
    private double gflopPerInverse;

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
        a = ZgemmBenchmark.random(new SplittableRandom(2025), n);
        double[] d = a.data();
        for (int i = 0; i < n; i++) {
            d[2 * (i + i * n)] += n;
        }
        gflopPerInverse = 8.0 * n * n * (double) n / 1e9;
    }

    @Benchmark
    public ComplexMatrix inverse(Work work) {
        ComplexMatrix x = la.inverse(a);
        work.gflop += gflopPerInverse;
        return x;
    }
}
