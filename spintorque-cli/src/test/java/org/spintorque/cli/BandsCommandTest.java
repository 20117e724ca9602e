package org.spintorque.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.spintorque.output.JsonOutput;

/** {@code spintorque bands}: a one-orbital model end to end, and bad files that must stop it with a message. */
class BandsCommandTest {
    @TempDir
    Path tmp;

    /** Simple cubic, on-site 0, hopping -1 eV to the six neighbours: the band -2 (cos + cos + cos) eV. */
    private Path model(boolean truncate) throws IOException {
        StringBuilder sb = new StringBuilder(" test model\n1\n7\n1 1 1 1 1 1 1\n0 0 0 1 1 0.0 0.0\n");
        int[][] nn = {{1, 0, 0}, {-1, 0, 0}, {0, 1, 0}, {0, -1, 0}, {0, 0, 1}, {0, 0, -1}};
        for (int i = 0; i < (truncate ? 4 : 6); i++) {
            sb.append(nn[i][0]).append(' ').append(nn[i][1]).append(' ').append(nn[i][2]).append(" 1 1 -1.0 0.0\n");
        }
        Files.writeString(tmp.resolve("m_hr.dat"), sb.toString());
        Files.writeString(tmp.resolve("m.win"), "begin unit_cell_cart\nang\n2 0 0\n0 2 0\n0 0 2\nend unit_cell_cart\n");
        Path cfg = tmp.resolve("m.toml");
        Files.writeString(cfg, "[wannier]\nhr = \"m_hr.dat\"\nwin = \"m.win\"\nfermi_energy = 0.0\n[dos]\nmesh = 8\n");
        return cfg;
    }

    @Test
    void oneOrbitalModelIsHalfFilledAtTheBandCentre() throws IOException {
        Path out = tmp.resolve("out");
        CliRunner.Run r = CliRunner.run("bands", model(false).toString(), "--out", out.toString(), "--quiet");
        assertEquals(0, r.code(), r.err());
        Map<String, Object> json = JsonOutput.parse(Files.readString(out.resolve("summary.json")));
        // particle-hole symmetric band, even mesh: one electron of two below the centre, both spins alike
        assertEquals(1.0, ((Number) json.get("electrons_at_fermi")).doubleValue(), 1e-12);
        assertEquals(0.5, ((Number) json.get("electrons_at_fermi_up")).doubleValue(), 1e-12);
        String bands = Files.readString(out.resolve("bands.csv"));
        assertTrue(bands.contains(",G,") && bands.contains(",R,"), "the sc path G-X-M-G-R-X|M-R");
        // input.toml re-runs from its own folder (file names made absolute) to the same count
        Path again = tmp.resolve("again");
        CliRunner.Run r2 = CliRunner.run("bands", out.resolve("input.toml").toString(), "--out", again.toString(),
                "--quiet");
        assertEquals(0, r2.code(), r2.err());
        Map<String, Object> json2 = JsonOutput.parse(Files.readString(again.resolve("summary.json")));
        assertEquals(json.get("electrons_at_fermi"), json2.get("electrons_at_fermi"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "wannier.hr=nothere_hr.dat | wannier.hr;does not exist",
        "dos.mesh=0 | dos.mesh;whole number",
        "dos.broadening=0 | dos.broadening;must be > 0",
        "bands.path=G-Q | bands.path;unknown point 'Q'",
        "wannier.electrons=2 | wannier.electrons;between 0 and 2",
        "dos.step=1e-7 | dos.step;too many",
    })
    void badSettingsStopWithAMessage(String setting, String words) throws IOException {
        Path out = tmp.resolve("out");
        CliRunner.Run r = CliRunner.run("bands", model(false).toString(), "--out", out.toString(), "--set", setting);
        assertEquals(2, r.code(), r.err());
        for (String w : words.split(";")) {
            assertTrue(r.err().contains(w), r.err());
        }
        assertFalse(Files.exists(out), "no output for bad input");
    }

    @Test
    void truncatedFileNamesFileAndLine() throws IOException {
        Path out = tmp.resolve("out");
        CliRunner.Run r = CliRunner.run("bands", model(true).toString(), "--out", out.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("m_hr.dat:10: the file ends early"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void helpListsTheWannierParameters() {
        CliRunner.Run r = CliRunner.run("bands", "--help");
        assertEquals(0, r.code());
        for (String key : new String[] {"hr", "wsvec", "centres", "win", "up", "down", "fermi_energy", "mesh",
            "broadening", "path"}) {
            assertTrue(r.out().contains("    " + key + " "), key + " in\n" + r.out());
        }
    }
}
