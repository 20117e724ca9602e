package org.spintorque.jmh;

import java.util.List;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.spintorque.llg.Demagnetization;
import org.spintorque.llg.DormandPrince;
import org.spintorque.llg.Exchange;
import org.spintorque.llg.Grid;
import org.spintorque.llg.InitialState;
import org.spintorque.llg.LlgConstants;
import org.spintorque.llg.LlgEquation;
import org.spintorque.llg.WorkerPool;

/**
 * One accepted Dormand-Prince step of the LLG equation with exchange, full demagnetization (Newell tensor,
 * FFT) and the Zhang-Li torque, on permalloy films and a 3D block with 4 nm cells, using every core. Each step
 * evaluates the right-hand side six times. The secondary result {@code cellUpdates} is cells x steps per
 * second: the rate at which the grid advances in time.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class LlgStepBenchmark {
    @Param({"64x64x1", "256x256x1", "64x64x16"})
    public String grid;

    @Param({"0"})
    public int threads;

    private WorkerPool pool;
    private DormandPrince stepper;
    private double[] m;
    private int cells;

    /** Cells advanced by one step, reported by JMH as a rate. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Work {
        public double cellUpdates;

        @Setup(Level.Iteration)
        public void clear() {
            cellUpdates = 0;
        }
    }

    @Setup
    public void setUp() {
        String[] n = grid.split("x");
        Grid g = new Grid(Integer.parseInt(n[0]), Integer.parseInt(n[1]), Integer.parseInt(n[2]), 4e-9, 4e-9, 4e-9);
        cells = g.cells();
        pool = threads == 0 ? WorkerPool.allCores() : new WorkerPool(threads);
        double ms = 8e5;
        LlgEquation eq = new LlgEquation(g, ms, 0.02, 0.04, LlgConstants.GAMMA0, new double[] {50, 0, 0},
                List.of(new Exchange(g, 1.3e-11, ms, pool), new Demagnetization(g, ms, pool)), pool);
        m = InitialState.vortex(g, 1, 1, 10e-9);
        InitialState.normalize(m);
        stepper = new DormandPrince(eq, 1e-5, false, pool);
        for (int i = 0; i < 5; i++) {
            stepper.step(m, 1e-9); // let the controller find its step size
        }
    }

    @TearDown
    public void tearDown() {
        pool.close();
    }

    @Benchmark
    public double step(Work work) {
        double dt = stepper.step(m, 1e-9);
        work.cellUpdates += cells;
        return dt;
    }
}
