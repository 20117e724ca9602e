package org.spintorque.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.spintorque.llg.LlgRun;
import org.spintorque.output.ProgressListener;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code spintorque llg}: finite-difference LLG with the Zhang-Li torque on a regular grid. */
@Command(name = "llg", mixinStandardHelpOptions = true,
        versionProvider = SpintorqueCommand.Version.class,
        description = {
            "Magnetization dynamics on a regular grid (wire, film or 3D body): the LLG equation with exchange,",
            "uniaxial and hard-axis anisotropy, Zeeman field, demagnetization (Newell tensor by FFT, open",
            "boundaries, or the thin-film approximation) and the Zhang-Li torque -(u.grad)m + beta m x (u.grad)m,",
            "adaptive Dormand-Prince 5(4) steps; the energy is minimized first unless [time] relax = \"no\".",
            "Initial states: uniform, head-to-head / tail-to-tail walls (transverse, vortex), vortex, OVF file.",
            "Writes DIR/table.csv (t, <m>, energies, wall position, max torque), m000000.ovf ... with .png",
            "pictures, averages.png/.svg, input.toml and summary.json (docs/llg.md).",
            ""})
public final class LlgCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    ConfigOptions options;

    static String[] parameterFooter() {
        return ParameterHelp.render(LlgRun.schema());
    }

    @Override
    public Integer call() {
        var input = options.read(LlgRun.schema());
        Path dir = options.outputDirectory("llg");
        LlgRun run = LlgRun.run(input, options.quiet ? ProgressListener.NONE
                : new ConsoleProgress(spec.commandLine().getErr()), dir);
        if (!options.quiet) {
            spec.commandLine().getOut().print(run.table());
            spec.commandLine().getOut().println("wrote " + dir.resolve("summary.json")
                    + ", table.csv, OVF snapshots and pictures, averages.png/.svg");
        }
        if (!run.completed()) {
            spec.commandLine().getErr().println("error: the run stopped early; table.csv and the snapshots hold "
                    + "what was computed");
            return 3;
        }
        return 0;
    }
}
