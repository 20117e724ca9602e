package org.spintorque.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.spintorque.bench.WireBenchmark;
import org.spintorque.config.InputException;
import org.spintorque.linalg.LinearAlgebras;
import org.spintorque.output.AtomicFiles;
import org.spintorque.output.JsonOutput;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code spintorque bench}: time per energy of the 3D wire wall and the achieved GFLOP/s against zgemm. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        versionProvider = SpintorqueCommand.Version.class,
        description = {
            "Benchmark of the torque engine on the three-dimensional wire wall (simple cubic, W x W sites",
            "across, length 40, M = 0.5 t, E = -3 t, Bloch wall of width 4 a): for each W and each available",
            "linear-algebra backend, side by side, the wall-clock time per energy split into lead self-energies,",
            "the recursive Green's function (backward pass; forward pass with the density blocks), the",
            "spin-continuity observables and the torque fit; the floating-point rate of the recursive Green's",
            "function against this machine's own zgemm rate; and the heap used.",
            "Writes DIR/benchmarks.csv (units in the headers) and DIR/summary.json (machine, configuration,",
            "zgemm reference rates, every row). Timings depend on the load of the machine: run it alone.",
            ""})
public final class BenchCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--widths", split = ",", paramLabel = "W[,W...]",
            description = "cross-sections W (W x W sites), default: ${DEFAULT-VALUE}")
    List<Integer> widths = new ArrayList<>(List.of(4, 8, 12, 16, 20, 24));

    @Option(names = "--energies", paramLabel = "N", description = "timed energies per width and backend "
            + "(E repeated), default: ${DEFAULT-VALUE}")
    int energies = 1;

    @Option(names = "--warmup", paramLabel = "N", description = "untimed energies before them, default: "
            + "${DEFAULT-VALUE}")
    int warmup = 1;

    @Option(names = "--backends", split = ",", paramLabel = "NAME[,NAME...]",
            description = "linear-algebra backends (openblas, java), default: every available one")
    List<String> backends = new ArrayList<>();

    @Option(names = "--length", paramLabel = "L", description = "slices of the scattering region, default: "
            + "${DEFAULT-VALUE}")
    int length = 40;

    @Option(names = "--no-parallel", description = "skip the throughput of one energy per core solved at once")
    boolean noParallel;

    @Option(names = "--zgemm-size", paramLabel = "n", description = "n of the reference zgemm, default: "
            + "${DEFAULT-VALUE}")
    int zgemmSize = 576;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", description = "output directory, default: ${DEFAULT-VALUE}")
    Path out = Path.of("out", "bench");

    @Option(names = {"-q", "--quiet"}, description = "no progress lines")
    boolean quiet;

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter e = spec.commandLine().getErr();
        WireBenchmark.Config config;
        try {
            config = WireBenchmark.Config.defaults().withWidths(widths).withLength(length).withEnergies(energies)
                    .withWarmups(warmup).withBackends(backends).withParallel(!noParallel)
                    .withReferenceSize(zgemmSize);
        } catch (IllegalArgumentException ex) {
            throw new InputException("bench: " + ex.getMessage(), ex);
        }
        for (String name : config.backends()) {
            try {
                LinearAlgebras.byName(name);
            } catch (IllegalArgumentException | IllegalStateException ex) {
                throw new InputException("--backends: " + ex.getMessage(), ex);
            }
        }
        WireBenchmark.Result result = WireBenchmark.run(config, line -> {
            if (!quiet) {
                e.println(line);
                e.flush();
            }
        });
        AtomicFiles.writeString(out.resolve("benchmarks.csv"), result.csv());
        AtomicFiles.writeString(out.resolve("summary.json"), JsonOutput.render(result.summary()));
        o.print(result.table());
        o.println("wrote " + out.resolve("benchmarks.csv") + " and " + out.resolve("summary.json"));
        return 0;
    }
}
