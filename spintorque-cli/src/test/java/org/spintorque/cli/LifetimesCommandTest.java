package org.spintorque.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spintorque.output.JsonOutput;
import org.spintorque.torque.LatticeSpinFlipTheory;

/** {@code spintorque lifetimes} on its example: files, units, and numbers consistent with each other. */
class LifetimesCommandTest {
    @TempDir
    Path tmp;

    private static final Path EXAMPLE = CliRunner.root().resolve("examples/relaxation/lifetimes.toml");

    @Test
    @SuppressWarnings("unchecked")
    void exampleWritesSummaryAndChannels() throws IOException {
        assertTrue(Files.readString(EXAMPLE).contains("# Run: ./spintorque lifetimes examples/relaxation/lifetimes.toml"));
        Path out = tmp.resolve("out");
        CliRunner.Run r = CliRunner.run("lifetimes", EXAMPLE.toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("beta_eq29") && r.out().contains("tau_sf"), r.out());
        Map<String, Object> json = JsonOutput.parse(Files.readString(out.resolve("summary.json")));
        assertTrue(json.containsKey("version") && json.containsKey("input"), json.keySet().toString());
        Map<String, Object> e = ((List<Map<String, Object>>) json.get("energies")).get(0);
        for (String key : List.of("nu_up", "nu_dn", "N_up", "N_dn", "tau_up", "tau_dn", "tau_sf", "tau_so_up",
                "tau_so_dn", "mean_free_path_up", "mean_free_path_dn", "beta_eq29_dos", "beta_eq29_golden_rule",
                "beta_eq40")) {
            assertTrue(e.containsKey(key), key + " missing in " + e.keySet());
        }
        double nuUp = number(e, "nu_up");
        assertEquals(LatticeSpinFlipTheory.densityOfStates(-2.5 + 0.5, 1.0, 4, 1), nuUp, 1e-15);
        assertEquals("1/t", ((Map<String, Object>) e.get("tau_sf")).get("unit"));
        // beta_eq29 from the golden rule is 1/(2 M tau_sf) of the spin-flip impurities
        assertEquals(1 / (2 * 0.5 * number(e, "tau_sf_spin_flip_impurities")), number(e, "beta_eq29_golden_rule"),
                1e-15);
        // channels.csv: one row per channel, units in the header, 1/tau_+ the DOS average of rate_total
        List<String> csv = Files.readAllLines(out.resolve("channels.csv"));
        List<String> head = List.of(csv.get(0).split(","));
        assertEquals(1 + 3, csv.size(), "2 majority + 1 minority channels");
        int v = head.indexOf("v [t a]");
        int total = head.indexOf("rate_total [t]");
        int spin = head.indexOf("spin [1]");
        assertTrue(v >= 0 && total >= 0 && head.contains("rate_spin-flip_flip [t]"), head.toString());
        double num = 0;
        double den = 0;
        for (String line : csv.subList(1, csv.size())) {
            String[] c = line.split(",");
            if (Integer.parseInt(c[spin]) == 1) {
                num += Double.parseDouble(c[total]) / Double.parseDouble(c[v]);
                den += 1 / Double.parseDouble(c[v]);
            }
        }
        assertEquals(num / den, 1 / number(e, "tau_up"), 1e-12 / number(e, "tau_up"));
        try (Stream<Path> files = Files.list(out)) {
            assertFalse(files.anyMatch(f -> f.getFileName().toString().endsWith(".tmp")), "temporary files left");
        }
    }

    /** --spin-diffusion on a short chain: the profile file, P(0) = 1 from the half-metallic lead, the lengths. */
    @Test
    @SuppressWarnings("unchecked")
    void spinDiffusionWritesTheProfileAndTheLengths() throws IOException {
        Path out = tmp.resolve("sd");
        CliRunner.Run r = CliRunner.run("lifetimes", EXAMPLE.toString(), "--out", out.toString(), "--spin-diffusion",
                "--set", "lattice.kind=chain", "--set", "lattice.width=1", "--set", "lattice.length=40", "--set",
                "transport.energy=-1.0", "--set", "disorder.realizations=4", "--set", "lifetimes.fit_start=2",
                "--set", "lifetimes.fit_stop=30", "--quiet");
        assertEquals(0, r.code(), r.err());
        List<String> csv = Files.readAllLines(out.resolve("spin-diffusion.csv"));
        assertEquals("energy [t],x [a],P [1],P_err [1]", csv.get(0));
        assertEquals(1 + 41, csv.size());
        assertEquals(1.0, Double.parseDouble(csv.get(1).split(",")[2]), 1e-12);
        Map<String, Object> json = JsonOutput.parse(Files.readString(out.resolve("summary.json")));
        Map<String, Object> sd = (Map<String, Object>) ((List<Map<String, Object>>) json.get("energies")).get(0)
                .get("spin_diffusion");
        for (String key : List.of("lambda_sf_measured", "lambda_sf_measured_err", "lambda_boltzmann",
                "lambda_diffusive", "wire_tau_sf")) {
            assertTrue(number(sd, key) > 0, key + " in " + sd);
        }
        // a chain with isotropic scattering: the Boltzmann length is sqrt(D tau_sf)
        assertEquals(number(sd, "lambda_diffusive"), number(sd, "lambda_boltzmann"),
                1e-9 * number(sd, "lambda_boltzmann"));
    }

    @Test
    void modelsOutsideTheLatticeLifetimesAreInputErrors() {
        Path out = tmp.resolve("bad");
        CliRunner.Run r = CliRunner.run("lifetimes", EXAMPLE.toString(), "--out", out.toString(), "--set",
                "model.rashba=0.2", "--quiet");
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("Rashba"), r.err());
        assertFalse(Files.exists(out.resolve("summary.json")));
    }

    @SuppressWarnings("unchecked")
    private static double number(Map<String, Object> e, String key) {
        return ((Number) ((Map<String, Object>) e.get(key)).get("value")).doubleValue();
    }
}
