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

    static Stream<Path> examples() throws IOException {
        try (Stream<Path> s = Files.list(CliRunner.root().resolve("examples"))) {
            List<Path> l = s.filter(p -> p.toString().endsWith(".toml")).sorted().toList();
            if (l.isEmpty()) {
                throw new AssertionError("no examples found in " + CliRunner.root());
            }
            return l.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("examples")
    void exampleRunsAndWritesConsistentOutputs(Path example) throws IOException {
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

    @Test
    void readmeCommandsNameExistingExamples() throws IOException {
        String readme = Files.readString(CliRunner.root().resolve("README.md"));
        assertTrue(readme.contains("./spintorque analytic examples/permalloy.toml"), "README run command");
        assertTrue(readme.contains("mvn -B verify"), "README test command");
        assertTrue(Files.exists(CliRunner.root().resolve("examples/permalloy.toml")));
    }
}
