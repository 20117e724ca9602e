package org.spintorque.cli;

import org.spintorque.output.ProgramInfo;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level command: lists the subcommands. */
@Command(name = "spintorque", mixinStandardHelpOptions = true,
        versionProvider = SpintorqueCommand.Version.class,
        description = {
            "Current-induced spin torques from the spin continuity equation (Tatara and Entel 2008).",
            "Each command reads a TOML file; any parameter can be set on the command line with",
            "--set table.key=value (command line > file > default). Numbers take their documented",
            "unit, or a unit in a string: \"0.5 eV\", \"20 fs\", \"1e12 A/m^2\".",
            ""},
        subcommands = {AnalyticCommand.class, RunCommand.class, LifetimesCommand.class, ReportCommand.class,
            Dw1dCommand.class, VelocityCommand.class, LlgCommand.class, BandsCommand.class, MaterialCommand.class,
            BenchCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Run 'spintorque <command> --help' for the parameters of a command, with units and defaults."})
public final class SpintorqueCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Version from the build. */
    public static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {ProgramInfo.name() + " " + ProgramInfo.version(),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
        }
    }
}
