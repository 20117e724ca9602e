package org.spintorque.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.spintorque.config.ResolvedInput;
import org.spintorque.output.ProgressListener;
import org.spintorque.wannier.BandsCalculation;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code spintorque bands}: bands, DOS and electron count of a Wannier90 model. */
@Command(name = "bands", mixinStandardHelpOptions = true,
        versionProvider = SpintorqueCommand.Version.class,
        description = {
            "Reads a Wannier90 model (hr or tb, wsvec, centres, win; a spinless or spinor model, or a collinear",
            "up/down pair; .gz files too), checks it (counts, R = 0, H(-R) = H(R)^dagger) and computes the bands",
            "along a k-path, the density of states (Gaussian-broadened k-mesh sum), the electron count and spin",
            "moment at the Fermi energy, the eigenvalues at Gamma and the sizes of the charge, exchange and",
            "spin-orbit parts of the Hamiltonian. Energies in eV, k in 1/Angstrom.",
            "Writes DIR/summary.json, bands.csv, dos.csv, input.toml, bands.png/.svg and dos.png/.svg.",
            ""})
public final class BandsCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    ConfigOptions options;

    static String[] parameterFooter() {
        return ParameterHelp.render(BandsCalculation.schema());
    }

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter e = spec.commandLine().getErr();
        ResolvedInput input = options.read(BandsCalculation.schema());
        Path dir = options.outputDirectory("bands");
        BandsCalculation calc = BandsCalculation.run(input, options.quiet ? ProgressListener.NONE : new ConsoleProgress(e));
        calc.write(dir);
        if (!options.quiet) {
            o.print(calc.table());
            o.println("wrote " + dir.resolve("summary.json") + ", bands.csv, dos.csv and the plots bands.png, dos.png");
        }
        return 0;
    }
}
