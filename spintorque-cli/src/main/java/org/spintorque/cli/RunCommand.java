package org.spintorque.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.spintorque.config.ResolvedInput;
import org.spintorque.config.SweepSpec;
import org.spintorque.output.ProgressListener;
import org.spintorque.torque.LatticeRunParameters;
import org.spintorque.torque.TorqueRun;
import org.spintorque.torque.TorqueSweep;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code spintorque run}: current-induced torques on a lattice with a texture between two leads. */
@Command(name = "run", mixinStandardHelpOptions = true,
        versionProvider = SpintorqueCommand.Version.class,
        description = {
            "Current-induced spin density, spin currents, spin sources and torques on every site of a",
            "tight-binding model with a magnetization texture between two leads (recursive Green's",
            "function, linear response per unit bias), read off as P and beta (Tatara and Entel 2008, eqs. (2)-(6)).",
            "Writes DIR/summary.json, sites.csv, bonds.csv, slices.csv, spin.ovf, torque.ovf, input.toml,",
            "profile.png/.svg and texture.png/.svg (per energy in DIR/energy-N/ when several are given).",
            "Lattice units: energies in t, lengths in a, hbar = e = 1.",
            ""})
public final class RunCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    ConfigOptions options;

    @Option(names = "--resume", description = "continue an interrupted disorder ensemble from the checkpoint in DIR "
            + "(finished realizations are kept; the result equals an uninterrupted run)")
    boolean resume;

    @Option(names = "--sweep", paramLabel = "TABLE.KEY=START:STOP:POINTS[:log]",
            description = "run once per value of one parameter, e.g. --sweep disorder.spin_flip.strength=0.1:0.4:4 "
                    + "(each point a complete run in DIR/point-k; DIR/sweep.csv, sweep.png, summary.json with "
                    + "beta against eqs. (29)/(40)); overrides sweep.scan of the file")
    String sweep;

    static String[] parameterFooter() {
        return ParameterHelp.render(LatticeRunParameters.schema());
    }

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter e = spec.commandLine().getErr();
        ResolvedInput input = options.read(LatticeRunParameters.schema());
        Path dir = options.outputDirectory("run");
        String scan = sweep != null ? sweep : input.text("sweep.scan");
        if (!scan.isBlank()) {
            SweepSpec s = SweepSpec.parse(scan, LatticeRunParameters.schema());
            TorqueSweep result = TorqueSweep.run(input, s, dir, resume,
                    options.quiet ? ProgressListener.NONE : new ConsoleProgress(e));
            result.write(dir);
            if (!options.quiet) {
                o.print(result.table());
                o.println("wrote " + dir.resolve("summary.json") + ", sweep.csv, sweep.png/.svg and one folder per point");
            }
            return 0;
        }
        TorqueRun run = TorqueRun.run(input, options.quiet ? ProgressListener.NONE : new ConsoleProgress(e), dir, resume);
        run.write(dir);
        if (!options.quiet) {
            o.print(run.table());
            o.println("wrote " + dir.resolve("summary.json") + " and the site, bond and slice tables, OVF files and plots");
        }
        return 0;
    }
}
