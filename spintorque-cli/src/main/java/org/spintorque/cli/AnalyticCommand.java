package org.spintorque.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.Map;
import org.spintorque.analytic.AnalyticCalculation;
import org.spintorque.analytic.KSumComparison;
import org.spintorque.analytic.SdModelParameters;
import org.spintorque.analytic.SdModelResult;
import org.spintorque.config.ConfigReader;
import org.spintorque.config.ResolvedInput;
import org.spintorque.config.SweepSpec;
import org.spintorque.output.ProgressListener;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code spintorque analytic}: the closed forms of the s-d model, sweeps of them, and their k-sums. */
@Command(name = "analytic", mixinStandardHelpOptions = true,
        versionProvider = SpintorqueCommand.Version.class,
        description = {
            "P, beta_sf (eq. 29) and beta_so (eqs. 40-41) of the s-d model with a parabolic band in the",
            "adiabatic limit (Tatara and Entel 2008, section III), to leading order in 1/(E_F tau).",
            "Writes DIR/summary.json, DIR/summary.csv and DIR/input.toml and prints a table.",
            "With --sweep: DIR/sweep.csv and DIR/sweep.png/.svg. With --ksums: the k-sums a, b (eq. 26)",
            "and a' (eq. 39) evaluated numerically against their closed forms, for the parabolic band",
            "and a simple cubic tight-binding band: DIR/ksums.csv and DIR/ksums.png/.svg.",
            ""})
public final class AnalyticCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "CONFIG",
            description = "TOML configuration file (optional if every required parameter is given with --set)")
    Path config;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR",
            description = "output directory (default: out/<config name>)")
    Path out;

    @Option(names = {"-s", "--set"}, paramLabel = "TABLE.KEY=VALUE",
            description = "set a parameter, e.g. --set model.exchange=0.5eV (repeatable; overrides the file)")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--sweep", paramLabel = "TABLE.KEY=START:STOP:POINTS[:log]",
            description = "scan one numeric parameter, e.g. --sweep model.exchange=0.1eV:1.0eV:19 or "
                    + "--sweep lifetimes.tau_sf=10fs:10ps:31:log")
    String sweep;

    @Option(names = "--plot", paramLabel = "NAMES", split = ",",
            description = "outputs drawn in the sweep plot (default: beta_sf,beta_so,P)")
    List<String> plot = new ArrayList<>(AnalyticCalculation.DEFAULT_PLOT);

    @Option(names = "--ksums", description = "evaluate the k-sums of eqs. (26) and (39) numerically, next to "
            + "their closed forms, over a range of E_F tau ([ksums] table)")
    boolean ksums;

    @Option(names = {"-q", "--quiet"}, description = "print no table and no progress")
    boolean quiet;

    static String[] parameterFooter() {
        return ParameterHelp.render(SdModelParameters.schema());
    }

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter e = spec.commandLine().getErr();
        ResolvedInput input = new ConfigReader(SdModelParameters.schema()).read(config, overrides);
        Path dir = out != null ? out : Path.of("out", config == null ? "analytic" : stem(config));
        if (sweep != null) {
            SweepSpec s = SweepSpec.parse(sweep, SdModelParameters.schema());
            AnalyticCalculation.Sweep result = AnalyticCalculation.sweep(input, s,
                    quiet ? ProgressListener.NONE : new ConsoleProgress(e));
            AnalyticCalculation.writeSweep(dir, input, result, plot);
            if (!quiet) {
                o.println("sweep of " + s + ": " + s.points() + " points");
                o.println("wrote " + dir.resolve("sweep.csv") + ", " + dir.resolve("sweep.png") + ", "
                        + dir.resolve("sweep.svg") + ", " + dir.resolve("summary.json"));
            }
            return 0;
        }
        SdModelResult result = AnalyticCalculation.evaluate(input);
        KSumComparison k = ksums ? KSumComparison.run(input, result,
                quiet ? ProgressListener.NONE : new ConsoleProgress(e)) : null;
        AnalyticCalculation.write(dir, input, result, k == null ? Map.of() : Map.of("ksums", k.summary()));
        if (k != null) {
            k.write(dir);
        }
        if (!quiet) {
            o.print(AnalyticCalculation.table(result));
            if (k != null) {
                o.print(k.table());
            }
            o.println("wrote " + dir.resolve("summary.json") + ", " + dir.resolve("summary.csv")
                    + (k != null ? ", " + dir.resolve("ksums.csv") + ", " + dir.resolve("ksums.png") : ""));
        }
        return 0;
    }

    static String stem(Path p) {
        String n = p.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(0, dot) : n;
    }
}
