package org.spintorque.jmh;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.spintorque.bench.WireBenchmark;
import org.spintorque.config.ConfigReader;
import org.spintorque.linalg.LinearAlgebra;
import org.spintorque.linalg.LinearAlgebras;
import org.spintorque.observables.SpinContinuity;
import org.spintorque.torque.EnergySolution;
import org.spintorque.torque.LatticeRunParameters;
import org.spintorque.torque.TorqueCalculation;
import org.spintorque.transport.BlockTridiagonal;
import org.spintorque.transport.Injection;
import org.spintorque.transport.RecursiveGreenFunction;

/**
 * One energy of the wire wall of {@code spintorque bench} (W x W cross-section, length 40, M = 0.5, E = -3,
 * Bloch wall of width 4), on one thread:
 * {@code rgf} is the recursive Green's function with its density blocks (lead self-energies, backward pass,
 * forward sweep forming rho_xx and rho_{x+1,x} of every cell); {@code energy} is the whole library call of
 * {@code spintorque run} for one energy ({@link TorqueCalculation#solve}: the same plus the observables).
 *
 * <p>The forked JVM gets a fixed, pre-touched heap: on the virtual machine these numbers were first taken on,
 * a growing heap made single iterations up to five times slower (page faults on freshly committed memory),
 * which is the cost of the environment, not of the kernel measured here.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class RgfBenchmark {
    @Param({"8", "12"})
    public int width;

    @Param({"openblas", "java"})
    public String backend;

    private LinearAlgebra la;
    private LatticeRunParameters params;
    private BlockTridiagonal open;
    private SpinContinuity continuity;
    private double energy;
    private Injection injection;

    @Setup
    public void setUp() {
        la = LinearAlgebras.byName(backend);
        List<String> settings = WireBenchmark.Config.defaults().runSettings(width);
        params = LatticeRunParameters.fromInput(new ConfigReader(LatticeRunParameters.schema()).read(null, settings));
        open = TorqueCalculation.openSystem(params.system());
        continuity = new SpinContinuity(params.system());
        energy = params.energies()[0];
        injection = params.injection();
    }

    @Benchmark
    public double rgf(Blackhole bh) {
        RecursiveGreenFunction g = new RecursiveGreenFunction(open, energy, la);
        g.sweep(cell -> {
            bh.consume(cell.density(injection));
            bh.consume(cell.bondDensity(injection));
        });
        return g.transmissionLR();
    }

    @Benchmark
    public EnergySolution energy() {
        return TorqueCalculation.solve(params.system(), open, continuity, energy, injection, la);
    }
}
