package org.spintorque.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.spintorque.dynamics.Dw1dCalculation;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code spintorque dw1d}: the 1D (q, phi) model of a domain wall under field and current. */
@Command(name = "dw1d", mixinStandardHelpOptions = true,
        versionProvider = SpintorqueCommand.Version.class,
        description = {
            "A domain wall in the 1D collective-coordinate model (position q, angle phi) driven by a field",
            "along the easy axis and the Zhang-Li torque (u, beta), with hard-axis anisotropy K_perp and",
            "damping alpha: trajectory, time-averaged velocity, Walker breakdown and the intrinsic threshold",
            "next to their closed forms (docs/dynamics.md). P and beta may come from a 'run' summary",
            "([torque] from = \"out/summary.json\").",
            "Writes DIR/summary.json, trajectory.csv, input.toml, position.png/.svg and angle.png/.svg.",
            ""})
public final class Dw1dCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    ConfigOptions options;

    static String[] parameterFooter() {
        return ParameterHelp.render(Dw1dCalculation.schema());
    }

    @Override
    public Integer call() {
        Dw1dCalculation c = Dw1dCalculation.run(options.read(Dw1dCalculation.schema()));
        Path dir = options.outputDirectory("dw1d");
        c.write(dir);
        if (!options.quiet) {
            spec.commandLine().getOut().print(c.table());
            spec.commandLine().getOut().println("wrote " + dir.resolve("summary.json")
                    + ", trajectory.csv, position.png/.svg, angle.png/.svg");
        }
        return 0;
    }
}
