package org.spintorque.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.spintorque.report.HtmlReport;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code spintorque report}: one HTML page gathering the output folders of several runs. */
@Command(name = "report", mixinStandardHelpOptions = true,
        versionProvider = SpintorqueCommand.Version.class,
        description = {
            "Gathers the output folders of runs (spintorque run, with or without --sweep, and other commands)",
            "into one self-contained HTML page with the plots embedded: a table of analytic against numeric",
            "values (beta / beta_eq29, beta / beta_eq40 with error bars: the convention factor of eq. (14)",
            "against eq. (42) as a measured number), each sweep's table, ratio and line fit, each run's",
            "decomposition of the torque into -div j_s and the relaxation sources.",
            "A folder without summary.json is searched one level down.",
            ""})
public final class ReportCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "DIR", description = "output folders of runs (or their parent folder)")
    List<Path> dirs = new ArrayList<>();

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "the HTML file (default: DIR/report.html of "
            + "the first folder given)")
    Path out;

    @Option(names = "--title", paramLabel = "TEXT", description = "page title (default: \"spintorque report\")")
    String title = "spintorque report";

    @Option(names = {"-q", "--quiet"}, description = "print nothing")
    boolean quiet;

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        HtmlReport report = HtmlReport.of(title, dirs);
        Path file = out != null ? out : dirs.get(0).resolve("report.html");
        report.write(file);
        if (!quiet) {
            o.println("wrote " + file + " (" + report.entries().size() + " runs)");
        }
        return 0;
    }
}
