package org.spintorque.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepTest {
    @TempDir
    Path tmp;

    static final String CONFIG = """
            [band]
            fermi_energy = 3.0
            [model]
            exchange = 0.5
            [lifetimes]
            tau_up = 10
            tau_dn = 4
            tau_sf = "200 fs"
            tau_so_up = "150 fs"
            tau_so_dn = "150 fs"
            """;

    /** Sweeping M with fixed lifetimes: beta_sf * M and beta_so * M stay hbar/(2 tau) at every point. */
    @Test
    void exchangeSweepKeepsBetaTimesExchangeConstant() throws IOException {
        Path cfg = tmp.resolve("c.toml");
        Files.writeString(cfg, CONFIG);
        Path out = tmp.resolve("out");
        CliRunner.Run r = CliRunner.run("analytic", cfg.toString(), "--out", out.toString(),
                "--sweep", "model.exchange=0.1eV:1.0eV:19");
        assertEquals(0, r.code(), r.err());
        List<String> lines = Files.readAllLines(out.resolve("sweep.csv"));
        assertEquals(20, lines.size());
        List<String> head = List.of(lines.get(0).split(","));
        int x = head.indexOf("model.exchange [eV]");
        int bsf = head.indexOf("beta_sf [1]");
        int bso = head.indexOf("beta_so [1]");
        assertTrue(x >= 0 && bsf >= 0 && bso >= 0, head.toString());
        double hbarEvFs = 0.6582119569509066;
        for (String line : lines.subList(1, lines.size())) {
            String[] c = line.split(",");
            double m = Double.parseDouble(c[x]);
            assertEquals(hbarEvFs / (2 * 200), Double.parseDouble(c[bsf]) * m, 1e-12);
            assertEquals(hbarEvFs / (2 * 150), Double.parseDouble(c[bso]) * m, 1e-12);
        }
        assertEquals(0.1, Double.parseDouble(lines.get(1).split(",")[x]), 1e-15);
        assertEquals(1.0, Double.parseDouble(lines.get(19).split(",")[x]), 0);
        byte[] png = Files.readAllBytes(out.resolve("sweep.png"));
        assertTrue(png.length > 1000 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G', "PNG");
        String svg = Files.readString(out.resolve("sweep.svg"));
        assertTrue(svg.contains("<svg"), "SVG");
        assertTrue(Files.readString(out.resolve("summary.json")).contains("\"sweep\""));
    }

    @Test
    void logSweepOfSpinFlipLifetime() throws IOException {
        Path cfg = tmp.resolve("c.toml");
        Files.writeString(cfg, CONFIG);
        Path out = tmp.resolve("out");
        CliRunner.Run r = CliRunner.run("analytic", cfg.toString(), "--out", out.toString(), "--quiet",
                "--sweep", "lifetimes.tau_sf=10fs:10ps:7:log", "--plot", "beta_sf,beta");
        assertEquals(0, r.code(), r.err());
        List<String> lines = Files.readAllLines(out.resolve("sweep.csv"));
        assertEquals(8, lines.size());
        // beta_sf ~ 1/tau_sf: a factor 10^(1/2) per point
        double first = Double.parseDouble(lines.get(1).split(",")[List.of(lines.get(0).split(",")).indexOf("beta_sf [1]")]);
        double last = Double.parseDouble(lines.get(7).split(",")[List.of(lines.get(0).split(",")).indexOf("beta_sf [1]")]);
        assertEquals(1000, first / last, 1e-9);
    }
}
