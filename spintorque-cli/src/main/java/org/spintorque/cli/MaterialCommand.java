package org.spintorque.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.spintorque.config.ResolvedInput;
import org.spintorque.output.ProgressListener;
import org.spintorque.wannier.MaterialCalculation;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code spintorque material}: P and beta of a real crystal from its Wannier model, by the k-space and real-space routes. */
@Command(name = "material", mixinStandardHelpOptions = true,
        versionProvider = SpintorqueCommand.Version.class,
        description = {
            "P and beta of a crystal from its Wannier90 model (the [wannier] table of 'bands'), by two routes.",
            "k space ([kspace]): Kubo Fermi-surface conductivities sigma and sigma^s = sigma_maj - sigma_min with",
            "a broadening G (one calculation per value of kspace.broadening), summed over a k-mesh in parallel;",
            "P = sigma^s/sigma with respect to the majority spin, with its k-mesh error.",
            "Real space ([wire], wire.enabled = on): a domain wall in a slab (periodic, transverse Bloch vectors)",
            "or wire (open) of the crystal between two leads of it, the full Wannier hopping range in principal",
            "layers, one spin-flip disorder ensemble per value of wire.spin_flip; the torque per atomic plane is",
            "fitted to c_a d_x n + c_n n x d_x n: P = -c_a/J, beta = c_n/c_a with its ensemble error, its parts",
            "(-div j_s, spin-orbit and disorder sources) and eq. (29) from the model's own DOS and exchange.",
            "Energies in eV, lengths in the conventional lattice constant a.",
            "Writes DIR/summary.json (routes k_space and real_space with P, beta, beta_err), kspace.csv,",
            "polarization.png/.svg, realspace.csv, realspace-torque-K.csv, realspace-torque.png/.svg, input.toml.",
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
            o.println("wrote " + dir.resolve("summary.json") + " and the tables and plots beside it");
        }
        return 0;
    }
}
