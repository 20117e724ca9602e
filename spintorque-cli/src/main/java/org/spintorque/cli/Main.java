package org.spintorque.cli;

import java.io.PrintWriter;
import org.spintorque.config.InputException;
import picocli.CommandLine;

/** Entry point of the {@code spintorque} command. */
public final class Main {
    private Main() { }

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line with the given streams and returns the exit code (for tests and embedding). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new SpintorqueCommand());
        cl.getSubcommands().get("analytic").getCommandSpec().usageMessage()
                .footer(AnalyticCommand.parameterFooter());
        cl.getSubcommands().get("run").getCommandSpec().usageMessage().footer(RunCommand.parameterFooter());
        cl.getSubcommands().get("bands").getCommandSpec().usageMessage().footer(BandsCommand.parameterFooter());
        cl.getSubcommands().get("dw1d").getCommandSpec().usageMessage().footer(Dw1dCommand.parameterFooter());
        cl.getSubcommands().get("velocity").getCommandSpec().usageMessage().footer(VelocityCommand.parameterFooter());
        cl.getSubcommands().get("lifetimes").getCommandSpec().usageMessage()
                .footer(LifetimesCommand.parameterFooter());
        cl.getSubcommands().get("llg").getCommandSpec().usageMessage().footer(LlgCommand.parameterFooter());
        cl.getSubcommands().get("material").getCommandSpec().usageMessage()
                .footer(MaterialCommand.parameterFooter());
        cl.setUsageHelpWidth(120);
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof InputException) {
                err.println("error: " + ex.getMessage());
                return 2;
            }
            if (ex instanceof org.spintorque.ensemble.EnsembleException) {
                // a full disk, an interrupt, a failed realization: finished realizations are kept
                err.println("error: " + ex.getMessage());
                return 3;
            }
            if (ex instanceof java.io.UncheckedIOException io) {
                // a full disk, a missing permission, an output path through a file: no half-written file is left
                err.println("error: " + io.getMessage() + " (is the disk full, or the output folder not writable? "
                        + "files already written are complete; temporary files were removed)");
                return 4;
            }
            err.println("internal error: " + ex + " (please report this with the input file)");
            ex.printStackTrace(err);
            return 1;
        });
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }
}
