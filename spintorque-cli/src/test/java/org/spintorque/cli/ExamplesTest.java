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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.spintorque.output.JsonOutput;

/** Every file in examples/ runs end to end, and its outputs are consistent with each other. */
class ExamplesTest {
    @TempDir
    Path tmp;

    /** The examples: every TOML file in examples/ and its topic folders (examples/dynamics/, ...). */
    static Stream<Path> examples() throws IOException {
        try (Stream<Path> s = Files.walk(CliRunner.root().resolve("examples"))) {
            List<Path> l = s.filter(p -> p.toString().endsWith(".toml")).sorted().toList();
            if (l.isEmpty()) {
                throw new AssertionError("no examples found in " + CliRunner.root());
            }
            return l.stream();
        }
    }

    /** The command an example is written for, from its "# Run: ./spintorque <command> ..." line. */
    static String command(Path example) throws IOException {
        for (String line : Files.readAllLines(example)) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("^# Run: \\./spintorque (\\w+) ").matcher(line);
            if (m.find()) {
                return m.group(1);
            }
        }
        throw new AssertionError(example + " has no '# Run: ./spintorque <command> ...' line");
    }

    /**
     * Extra arguments for the test run from an optional "# Test: ..." line (smaller ensembles or sweeps, so that
     * the whole set of examples runs in CI in minutes; the example itself is what a user runs).
     */
    static List<String> testArguments(Path example) throws IOException {
        for (String line : Files.readAllLines(example)) {
            if (line.startsWith("# Test:")) {
                return List.of(line.substring("# Test:".length()).trim().split("\\s+"));
            }
        }
        return List.of();
    }

    @ParameterizedTest
    @MethodSource("examples")
    void exampleRunsAndWritesConsistentOutputs(Path example) throws IOException {
        String command = command(example);
        if (command.equals("run")) {
            runExample(example);
            return;
        }
        if (command.equals("bands")) {
            bandsExample(example);
            return;
        }
        if (command.equals("dw1d") || command.equals("velocity")) {
            wallExample(example, command);
            return;
        }
        if (command.equals("llg")) {
            llgExample(example);
            return;
        }
        if (!command.equals("analytic")) {
            otherExample(command, example);
            return;
        }
        Path out = tmp.resolve("out");
        CliRunner.Run r = CliRunner.run("analytic", example.toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("beta_sf"), r.out());
        Map<String, Object> json = JsonOutput.parse(Files.readString(out.resolve("summary.json")));
        double p = ((Number) json.get("P")).doubleValue();
        double bsf = ((Number) json.get("beta_sf")).doubleValue();
        double bso = ((Number) json.get("beta_so")).doubleValue();
        double beta = ((Number) json.get("beta")).doubleValue();
        assertTrue(p > -1 && p <= 1, "P = " + p);
        assertEquals(bsf + bso, beta, 1e-15 * Math.abs(beta));
        assertTrue(json.containsKey("version") && json.containsKey("input"), json.keySet().toString());
        // CSV: one header with units, one row, the same numbers as the JSON
        List<String> csv = Files.readAllLines(out.resolve("summary.csv"));
        assertEquals(2, csv.size());
        List<String> head = List.of(csv.get(0).split(","));
        List<String> row = List.of(csv.get(1).split(","));
        assertEquals(Double.parseDouble(row.get(head.indexOf("P [1]"))), p, 0);
        assertTrue(head.contains("n_up [nm^-3]") && head.contains("tau_up [fs]"), head.toString());
        // the resolved input re-runs to the same result
        Path again = tmp.resolve("again");
        CliRunner.Run r2 = CliRunner.run("analytic", out.resolve("input.toml").toString(), "--out", again.toString(),
                "--quiet");
        assertEquals(0, r2.code(), r2.err());
        Map<String, Object> json2 = JsonOutput.parse(Files.readString(again.resolve("summary.json")));
        assertEquals(beta, ((Number) json2.get("beta")).doubleValue(), 1e-13 * Math.abs(beta));
        assertEquals(p, ((Number) json2.get("P")).doubleValue(), 1e-13);
        try (Stream<Path> files = Files.list(out)) {
            assertFalse(files.anyMatch(f -> f.getFileName().toString().endsWith(".tmp")), "temporary files left");
        }
    }

    /** Any other command: exit code 0, a summary.json with the program version and the resolved input. */
    private void otherExample(String command, Path example) throws IOException {
        Path out = tmp.resolve("out");
        List<String> args = new java.util.ArrayList<>(List.of(command, example.toString(), "--out", out.toString(),
                "--quiet"));
        args.addAll(testArguments(example));
        CliRunner.Run r = CliRunner.run(args.toArray(new String[0]));
        assertEquals(0, r.code(), r.err());
        Map<String, Object> json = JsonOutput.parse(Files.readString(out.resolve("summary.json")));
        assertTrue(json.containsKey("version") && json.containsKey("input"), json.keySet().toString());
    }

    private void runExample(Path example) throws IOException {
        Path out = tmp.resolve("out");
        List<String> args = new java.util.ArrayList<>(List.of("run", example.toString(), "--out", out.toString(),
                "--quiet"));
        args.addAll(testArguments(example));
        CliRunner.Run r = CliRunner.run(args.toArray(new String[0]));
        assertEquals(0, r.code(), r.err());
        Map<String, Object> top = JsonOutput.parse(Files.readString(out.resolve("summary.json")));
        if (top.containsKey("sweep")) {
            // a sweep: its table and plot, and every point a complete run checked like a single one
            assertTrue(Files.size(out.resolve("sweep.csv")) > 0 && Files.size(out.resolve("sweep.png")) > 0);
            List<?> results = (List<?>) top.get("results");
            assertTrue(results.size() >= 2, "points: " + results.size());
            try (Stream<Path> points = Files.list(out)) {
                for (Path p : points.filter(f -> f.getFileName().toString().startsWith("point-")).toList()) {
                    checkRun(p);
                }
            }
            return;
        }
        checkRun(out);
    }

    private static void checkRun(Path out) throws IOException {
        Map<String, Object> json = JsonOutput.parse(Files.readString(out.resolve("summary.json")));
        for (String key : List.of("transmission", "P_fit", "P_current_left", "c_a", "c_n", "beta", "fit_quality",
                "max_continuity_residual", "timings", "version", "input")) {
            assertTrue(json.containsKey(key), key + " missing in " + json.keySet());
        }
        assertTrue(((Number) json.get("max_continuity_residual")).doubleValue() <= 1e-9, "stationarity");
        assertTrue(((Number) json.get("max_direct_minus_continuity")).doubleValue() <= 1e-9, "two routes");
        assertTrue(((Number) json.get("current_nonconservation")).doubleValue() <= 1e-9, "current");
        Path first = Files.exists(out.resolve("sites.csv")) ? out : out.resolve("energy-1");
        for (String f : List.of("sites.csv", "bonds.csv", "slices.csv", "spin.ovf", "torque.ovf", "profile.png",
                "profile.svg", "texture.png")) {
            assertTrue(Files.size(first.resolve(f)) > 0, f);
        }
        String header = Files.readAllLines(first.resolve("sites.csv")).get(0);
        assertTrue(header.startsWith("x,y,z,n_x,n_y,n_z,rho,s_x,s_y,s_z,src_x,src_y,src_z,src_hop_x,src_hop_y,"
                + "src_hop_z,div_x,div_y,div_z,torque_x,torque_y,torque_z"), header);
        assertEquals("x1,y1,z1,x2,y2,z2,j_x,j_y,j_z,j_charge", Files.readAllLines(first.resolve("bonds.csv")).get(0));
        org.spintorque.ovf.OvfField torque = org.spintorque.ovf.OvfReader.read(first.resolve("torque.ovf"));
        assertEquals(3, torque.valuedim());
    }

    private void bandsExample(Path example) throws IOException {
        Path out = tmp.resolve("out");
        CliRunner.Run r = CliRunner.run("bands", example.toString(), "--out", out.toString(), "--quiet");
        assertEquals(0, r.code(), r.err());
        Map<String, Object> json = JsonOutput.parse(Files.readString(out.resolve("summary.json")));
        double n = ((Number) json.get("electrons_at_fermi")).doubleValue();
        double up = ((Number) json.get("electrons_at_fermi_up")).doubleValue();
        double dn = ((Number) json.get("electrons_at_fermi_down")).doubleValue();
        assertEquals(n, up + dn, 1e-9 * n, "N = N_up + N_down");
        assertTrue(json.containsKey("magnetic_moment") && json.containsKey("version") && json.containsKey("input"));
        for (String f : List.of("bands.csv", "dos.csv", "bands.png", "bands.svg", "dos.png", "dos.svg", "input.toml")) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
        assertTrue(Files.readAllLines(out.resolve("dos.csv")).get(0).startsWith("E [eV],"));
        assertTrue(Files.readAllLines(out.resolve("bands.csv")).get(0).startsWith("k_distance [1/Angstrom],"));
    }

    /**
     * The example's prerequisite, from a line "# Needs: ./spintorque <command> examples/<file>.toml": an
     * example that reads another one's output through a relative path ([torque] from) names it there.
     */
    static List<String> needs(Path example) throws IOException {
        for (String line : Files.readAllLines(example)) {
            if (line.startsWith("# Needs: ./spintorque ")) {
                return List.of(line.substring("# Needs: ./spintorque ".length()).trim().split("\\s+"));
            }
        }
        return List.of();
    }

    /**
     * dw1d and velocity examples: the summary carries the keys users rely on, the integrated velocity agrees
     * with the closed form of the 1D model, and the tables and plots exist. An example that needs another
     * one's summary gets it from a run of that example into the temporary folder, passed with --set.
     */
    /**
     * An llg example, cut by its '# Test:' line to 0.01 ns in two rows (the full runs are in the core tests and
     * docs/llg.md): the table has the documented columns, the last OVF snapshot reads back and its average is
     * the table's last row.
     */
    private void llgExample(Path example) throws IOException {
        Path out = tmp.resolve("out");
        List<String> args = new java.util.ArrayList<>(List.of("llg", example.toString(), "--out", out.toString(),
                "--quiet"));
        args.addAll(testArguments(example));
        CliRunner.Run r = CliRunner.run(args.toArray(new String[0]));
        assertEquals(0, r.code(), r.err());
        List<String> table = Files.readAllLines(out.resolve("table.csv"));
        List<String> head = List.of(table.get(0).split(","));
        assertEquals(List.of("t [ns]", "mx [1]", "my [1]", "mz [1]"), head.subList(0, 4));
        assertEquals(4, table.size(), "header and rows at 0, 0.005 and 0.01 ns");
        String[] last = table.get(3).split(",");
        org.spintorque.ovf.OvfField f = org.spintorque.ovf.OvfReader.read(out.resolve("m000001.ovf"));
        for (int c = 0; c < 3; c++) {
            double s = 0;
            int cells = f.mesh().cellCount();
            for (int i = 0; i < cells; i++) {
                s += f.value(3 * i + c);
            }
            assertEquals(Double.parseDouble(last[1 + c]), s / cells, 1e-6);
        }
        Map<String, Object> json = JsonOutput.parse(Files.readString(out.resolve("summary.json")));
        assertTrue(json.containsKey("results") && json.containsKey("input") && json.containsKey("version"));
        assertTrue(Files.exists(out.resolve("m000000.png")) && Files.exists(out.resolve("input.toml")));
    }

    private void wallExample(Path example, String command) throws IOException {
        Path out = tmp.resolve("out");
        List<String> args = new java.util.ArrayList<>(List.of(command, example.toString(), "--out", out.toString(),
                "--quiet"));
        args.addAll(testArguments(example));
        List<String> needs = needs(example);
        if (!needs.isEmpty()) {
            Path first = tmp.resolve("needs");
            CliRunner.Run pre = CliRunner.run(needs.get(0), CliRunner.root().resolve(needs.get(1)).toString(),
                    "--out", first.toString(), "--quiet");
            assertEquals(0, pre.code(), pre.err());
            args.add("--set");
            args.add("torque.from=" + first.resolve("summary.json"));
        }
        CliRunner.Run r = CliRunner.run(args.toArray(new String[0]));
        assertEquals(0, r.code(), r.err());
        Map<String, Object> json = JsonOutput.parse(Files.readString(out.resolve("summary.json")));
        for (String key : List.of("velocity", "walker_current", "threshold_current", "u", "Delta", "walker_field",
                "regime", "version", "input", "drive")) {
            assertTrue(json.containsKey(key), key + " missing in " + json.keySet());
        }
        double v = ((Number) json.get("velocity")).doubleValue();
        double theory = ((Number) json.get("velocity_theory")).doubleValue();
        assertEquals(theory, v, 1e-6 * Math.max(1, Math.abs(theory)), "integrated vs closed-form velocity");
        List<String> files = command.equals("dw1d")
                ? List.of("trajectory.csv", "position.png", "position.svg", "angle.png", "angle.svg", "input.toml")
                : List.of("velocity.csv", "velocity.png", "velocity.svg", "input.toml");
        for (String f : files) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
        List<String> csv = Files.readAllLines(out.resolve(files.get(0)));
        assertTrue(csv.get(0).startsWith(command.equals("dw1d") ? "t [ns],q [nm],phi [rad]" : "j [A/m^2],u [m/s],v [m/s]"),
                csv.get(0));
        if (!needs.isEmpty()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> drive = (Map<String, Object>) json.get("drive");
            assertTrue(drive.get("P_and_beta_from").toString().endsWith("summary.json"), drive.toString());
        }
    }

    @Test
    void readmeCommandsNameExistingExamples() throws IOException {
        String readme = Files.readString(CliRunner.root().resolve("README.md"));
        assertTrue(readme.contains("./spintorque analytic examples/permalloy.toml"), "README run command");
        assertTrue(readme.contains("mvn -B verify"), "README test command");
        assertTrue(Files.exists(CliRunner.root().resolve("examples/permalloy.toml")));
    }
}
