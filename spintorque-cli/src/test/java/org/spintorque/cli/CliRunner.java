package org.spintorque.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

/** Runs the command line in-process and captures its streams. */
final class CliRunner {
    record Run(int code, String out, String err) { }

    private CliRunner() { }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    /** The repository root (set by the build; the working directory otherwise). */
    static Path root() {
        return Path.of(System.getProperty("spintorque.root", ".")).toAbsolutePath().normalize();
    }
}
