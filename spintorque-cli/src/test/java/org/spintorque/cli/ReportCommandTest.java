package org.spintorque.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code spintorque report} gathers runs and sweeps into one page; bad folders are clear errors. */
class ReportCommandTest {
    @TempDir
    Path tmp;

    @Test
    void gathersASweepAndARunIntoOnePage() throws IOException {
        String[] model = {"--set", "lattice.kind=square", "--set", "lattice.length=24", "--set", "lattice.width=3",
            "--set", "model.exchange=0.5", "--set", "transport.energy=-2.0", "--set", "disorder.realizations=3",
            "--set", "disorder.spin_flip.concentration=0.2", "--set", "disorder.spin_flip.strength=0.3", "-q"};
        Path sweep = tmp.resolve("runs/a-sweep");
        Path single = tmp.resolve("runs/b-single");
        assertEquals(0, CliRunner.run(concat(new String[] {"run", "--out", sweep.toString(), "--sweep",
            "disorder.spin_flip.concentration=0.1:0.2:2"}, model)).code());
        assertEquals(0, CliRunner.run(concat(new String[] {"run", "--out", single.toString()}, model)).code());
        Path html = tmp.resolve("report/page.html");
        CliRunner.Run r = CliRunner.run("report", tmp.resolve("runs").toString(), "--out", html.toString(),
                "--title", "two runs");
        assertEquals(0, r.code(), r.err());
        String page = Files.readString(html);
        assertTrue(page.contains("<title>two runs</title>"));
        assertTrue(page.contains("Analytic against numeric") && page.contains("beta_eq29"), "comparison table");
        assertTrue(page.contains("Sweep of <code>disorder.spin_flip.concentration</code>"), "sweep table");
        assertTrue(page.contains("source_spin-flip") && page.contains("divergence"), "decomposition");
        assertTrue(page.contains("data:image/png;base64,"), "embedded plots");
        assertFalse(page.contains("NaN"), "no NaN on the page");
    }

    @Test
    void aFolderWithoutResultsIsAClearError() {
        CliRunner.Run r = CliRunner.run("report", tmp.resolve("nothing-here").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("nothing-here") && r.err().contains("not a directory"), r.err());
    }

    static String[] concat(String[] a, String[] b) {
        String[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
