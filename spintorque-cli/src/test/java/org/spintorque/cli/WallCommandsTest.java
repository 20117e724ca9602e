package org.spintorque.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.spintorque.config.ParameterSpec;
import org.spintorque.dynamics.Dw1dCalculation;
import org.spintorque.dynamics.VelocityCalculation;
import org.spintorque.output.JsonOutput;

/** dw1d and velocity on the command line: help, bad input (exit 2, nothing written), the velocity sweep. */
class WallCommandsTest {
    @TempDir
    Path tmp;

    static final String GOOD = """
            [material]
            Ms = "8e5 A/m"
            A = "1.3e-11 J/m"
            K = 5e5
            K_perp = 1e5
            alpha = 0.02
            [current]
            density = 1e12
            P = 0.6
            [torque]
            beta = 0.04
            """;

    @Test
    void helpListsEveryParameterWithUnit() {
        for (String command : List.of("dw1d", "velocity")) {
            CliRunner.Run r = CliRunner.run(command, "--help");
            assertEquals(0, r.code());
            for (ParameterSpec p : (command.equals("dw1d") ? Dw1dCalculation.schema() : VelocityCalculation.schema())
                    .all()) {
                assertTrue(r.out().lines().anyMatch(l -> l.trim().startsWith(p.key() + " ")
                        && l.contains("[" + p.unitLabel() + "]")), command + ": no help line for " + p.path());
            }
        }
        assertTrue(CliRunner.run("--help").out().contains("velocity"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "dw1d | material.Ms=0 | material.Ms = 0.0 A/m;> 0",
        "dw1d | material.Ms=-8e5 | material.Ms = -800000.0 A/m;> 0",
        "dw1d | material.A=0 | material.A = 0.0 J/m;> 0",
        "dw1d | material.alpha=-0.1 | material.alpha = -0.1;> 0",
        "dw1d | material.K=0 | material.K = 0.0 J/m^3;K > 0",
        "velocity | material.alpha=0 | material.alpha = 0.0;> 0",
        "velocity | torque.from=nowhere.json | torque.from;does not exist",
        "dw1d | field.H=1 mT | field.H;does not fit",
        "velocity | sweep.method=magic | sweep.method;expected one of",
        "dw1d | time.duration=1 s | time.duration;fastest time scale",
        "dw1d | time.duration=-1 ns | time.duration;> 0",
        "dw1d | time.tolerance=0.5 | time.tolerance;[1e-13, 1e-3]",
    })
    void badInputNamesTheParameterAndWritesNothing(String command, String setting, String words) throws IOException {
        Path cfg = tmp.resolve("c.toml");
        Files.writeString(cfg, GOOD);
        Path out = tmp.resolve("out");
        CliRunner.Run r = CliRunner.run(command, cfg.toString(), "--out", out.toString(), "--set", setting);
        assertEquals(2, r.code(), r.out() + r.err());
        for (String w : words.split(";")) {
            assertTrue(r.err().contains(w.trim()), "'" + w + "' not in: " + r.err());
        }
        assertFalse(r.err().contains("Exception"), r.err());
        assertFalse(Files.exists(out), "output written despite bad input");
    }

    @Test
    void summaryWithoutBetaIsRefused() throws IOException {
        Path run = tmp.resolve("run-summary.json");
        Files.writeString(run, "{\"command\": \"run\", \"P_fit\": 0.3, \"beta\": null, \"beta_undefined\": "
                + "\"the adiabatic torque vanishes\"}");
        Path cfg = tmp.resolve("c.toml");
        Files.writeString(cfg, GOOD.replace("P = 0.6\n", "").replace("beta = 0.04", "from = \"run-summary.json\""));
        Path out = tmp.resolve("out");
        CliRunner.Run r = CliRunner.run("velocity", cfg.toString(), "--out", out.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("has no beta") && r.err().contains("adiabatic torque vanishes"), r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void resolvedInputWithARelativeFromReproducesTheRun() throws IOException {
        Files.createDirectories(tmp.resolve("runs"));
        Files.writeString(tmp.resolve("runs/summary.json"), "{\"command\": \"run\", \"P_fit\": 0.4, \"beta\": 0.03}");
        Path cfg = tmp.resolve("c.toml");
        Files.writeString(cfg, GOOD.replace("P = 0.6\n", "").replace("beta = 0.04", "from = \"runs/summary.json\""));
        Path out = tmp.resolve("out");
        CliRunner.Run r = CliRunner.run("dw1d", cfg.toString(), "--out", out.toString(), "--quiet");
        assertEquals(0, r.code(), r.err());
        Path again = tmp.resolve("again");
        CliRunner.Run r2 = CliRunner.run("dw1d", out.resolve("input.toml").toString(), "--out", again.toString(),
                "--quiet");
        assertEquals(0, r2.code(), r2.err());
        Map<String, Object> first = JsonOutput.parse(Files.readString(out.resolve("summary.json")));
        Map<String, Object> second = JsonOutput.parse(Files.readString(again.resolve("summary.json")));
        // v = beta u/alpha with u from P = 0.4 of the summary
        double u = 2 * 9.2740100783e-24 * 0.4 * 1e12 / (2 * 1.602176634e-19 * 8e5);
        assertEquals(0.03 * u / 0.02, ((Number) first.get("velocity")).doubleValue(), 1e-6 * u);
        assertEquals(first.get("velocity"), second.get("velocity"));
    }

    @Test
    void velocitySweepFollowsTheOneDimensionalModel() throws IOException {
        Path cfg = tmp.resolve("c.toml");
        Files.writeString(cfg, GOOD);
        Path out = tmp.resolve("out");
        CliRunner.Run r = CliRunner.run("velocity", cfg.toString(), "--out", out.toString(), "--quiet",
                "--set", "sweep.points=11");
        assertEquals(0, r.code(), r.err());
        Map<String, Object> json = JsonOutput.parse(Files.readString(out.resolve("summary.json")));
        double jW = ((Number) json.get("walker_current")).doubleValue();
        double u = ((Number) json.get("u")).doubleValue();
        // below breakdown v = beta u/alpha
        assertEquals(0.04 * u / 0.02, ((Number) json.get("velocity")).doubleValue(), 1e-6 * u);
        List<String> rows = Files.readAllLines(out.resolve("velocity.csv"));
        assertEquals(12, rows.size());
        for (String row : rows.subList(1, rows.size())) {
            String[] c = row.split(",");
            double j = Double.parseDouble(c[0]);
            double v = Double.parseDouble(c[2]);
            double theory = Double.parseDouble(c[3]);
            // (the default range puts one point on the Walker current itself, where either regime is right)
            if (Math.abs(Math.abs(j) / jW - 1) > 0.01) {
                assertEquals(Math.abs(j) < jW ? "steady" : "precessing", c[4], row);
                assertEquals(theory, v, 1e-6 * Math.max(1, Math.abs(theory)), row);
            }
        }
    }
}
