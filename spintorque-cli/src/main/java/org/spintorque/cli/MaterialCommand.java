package org.spintorque.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.spintorque.config.ResolvedInput;
import org.spintorque.output.ProgressListener;
import org.spintorque.wannier.MaterialCalculation;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code spintorque material}: P of a real crystal from its Wannier model (k-space route). */
@Command(name = "material", mixinStandardHelpOptions = true,
        versionProvider = SpintorqueCommand.Version.class,
        description = {
            "The current polarization P of a crystal from its Wannier90 model (the [wannier] table of 'bands'):",
            "Kubo Fermi-surface conductivities sigma and sigma^s = sigma_maj - sigma_min with a constant",
            "broadening G of every state (one calculation per value of kspace.broadening), summed over a k-mesh",
            "in parallel; P = sigma^s/sigma with respect to the majority spin, with its k-mesh error. beta and the",
            "real-space route are not computed by this version (summary.json says so). Energies in eV.",
            "Writes DIR/summary.json (routes k_space and real_space with P, beta, beta_err), kspace.csv,",
            "polarization.png/.svg and input.toml.",
            ""})
public final class MaterialCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    ConfigOptions options;

    static String[] parameterFooter() {
        return ParameterHelp.render(MaterialCalculation.schema());
    }

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter e = spec.commandLine().getErr();
        ResolvedInput input = options.read(MaterialCalculation.schema());
        Path dir = options.outputDirectory("material");
        MaterialCalculation calc = MaterialCalculation.run(input, options.quiet ? ProgressListener.NONE
                : new ConsoleProgress(e));
        calc.write(dir);
        if (!options.quiet) {
            o.print(calc.table());
            o.println("wrote " + dir.resolve("summary.json") + ", kspace.csv and polarization.png");
        }
        return 0;
    }
}
