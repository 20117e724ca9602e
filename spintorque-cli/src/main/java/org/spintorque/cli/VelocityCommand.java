package org.spintorque.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.spintorque.dynamics.VelocityCalculation;
import org.spintorque.output.ProgressListener;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code spintorque velocity}: wall velocity against current density. */
@Command(name = "velocity", mixinStandardHelpOptions = true,
        versionProvider = SpintorqueCommand.Version.class,
        description = {
            "Domain-wall velocity against current density, one solver run per current, in parallel",
            "([sweep] method), with the closed-form 1D-model curve on the same plot. P and beta may come",
            "from a 'run' summary ([torque] from = \"out/summary.json\").",
            "Writes DIR/summary.json, velocity.csv, input.toml and velocity.png/.svg.",
            ""})
public final class VelocityCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    ConfigOptions options;

    static String[] parameterFooter() {
        return ParameterHelp.render(VelocityCalculation.schema());
    }

    @Override
    public Integer call() {
        ProgressListener progress = options.quiet ? ProgressListener.NONE
                : new ConsoleProgress(spec.commandLine().getErr());
        VelocityCalculation c = VelocityCalculation.run(options.read(VelocityCalculation.schema()), progress);
        Path dir = options.outputDirectory("velocity");
        c.write(dir);
        if (!options.quiet) {
            spec.commandLine().getOut().print(c.table());
            spec.commandLine().getOut().println("wrote " + dir.resolve("summary.json")
                    + ", velocity.csv, velocity.png/.svg");
        }
        return 0;
    }
}
