package org.spintorque.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.spintorque.config.ResolvedInput;
import org.spintorque.output.ProgressListener;
import org.spintorque.relaxation.LifetimesCalculation;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code spintorque lifetimes}: golden-rule lifetimes of the lattice model of a run, and beta from them. */
@Command(name = "lifetimes", mixinStandardHelpOptions = true,
        versionProvider = SpintorqueCommand.Version.class,
        description = {
            "Fermi-golden-rule scattering rates of every open channel of the clean lead of a 'spintorque run'",
            "model, for each disorder term, and from them the DOS nu_+-, the momentum lifetimes tau_+-, tau_sf",
            "(eq. 29), the spin-orbit lifetimes tau_so_+- and beta_eq29 / beta_eq40 on the lattice.",
            "With --spin-diffusion (or lifetimes.spin_diffusion = \"on\"): the spin-diffusion length measured in a",
            "disordered non-magnetic wire fed by a half-metallic lead, next to sqrt(D tau_sf) and the Boltzmann",
            "equation of the channels. Reads the TOML of 'spintorque run'. Writes DIR/summary.json,",
            "channels.csv, input.toml (and spin-diffusion.csv). Lattice units: t, a, times in 1/t, hbar = 1.",
            ""})
public final class LifetimesCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    ConfigOptions options;

    @Option(names = "--spin-diffusion", description = "also measure the spin-diffusion length in a disordered wire "
            + "of length lattice.length (disorder.realizations mirror pairs)")
    boolean spinDiffusion;

    static String[] parameterFooter() {
        return ParameterHelp.render(LifetimesCalculation.schema());
    }

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter e = spec.commandLine().getErr();
        ResolvedInput input = options.read(LifetimesCalculation.schema());
        Path dir = options.outputDirectory("lifetimes");
        LifetimesCalculation result = LifetimesCalculation.run(input, spinDiffusion,
                options.quiet ? ProgressListener.NONE : new ConsoleProgress(e));
        result.write(dir);
        if (!options.quiet) {
            o.print(result.table());
            o.println("wrote " + dir.resolve("summary.json") + ", channels.csv, input.toml");
        }
        return 0;
    }
}
