package org.spintorque.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spintorque.output.JsonOutput;

/** {@code analytic --ksums}: files, and numeric/closed converging to 1 as E_F tau grows. */
class KSumsCommandTest {
    @TempDir
    Path tmp;

    @Test
    void ksumsConvergeToClosedFormsAndWriteTheirFiles() throws IOException {
        Path out = tmp.resolve("out");
        CliRunner.Run r = CliRunner.run("analytic", CliRunner.root().resolve("examples/permalloy.toml").toString(),
                "--out", out.toString(), "--ksums", "--set", "ksums.points=9", "--set", "ksums.ef_tau_min=10",
                "--set", "ksums.ef_tau_max=1000");
        assertEquals(0, r.code(), r.err());
        List<String> csv = Files.readAllLines(out.resolve("ksums.csv"));
        assertEquals(10, csv.size());
        List<String> head = List.of(csv.get(0).split(","));
        for (String column : List.of("a_ratio_parabolic [1]", "a_prime_ratio_parabolic [1]", "a_ratio_cubic [1]")) {
            int c = head.indexOf(column);
            assertTrue(c >= 0, column + " in " + head);
            double first = Math.abs(Double.parseDouble(csv.get(1).split(",")[c]) - 1);
            double last = Math.abs(Double.parseDouble(csv.get(9).split(",")[c]) - 1);
            // from E_F tau = 10 to 1000 the deviation falls by well over a decade
            assertTrue(last < first / 30 && last < 0.01, column + ": " + first + " -> " + last);
        }
        for (String f : List.of("ksums.png", "ksums.svg", "ksums-deviation.png", "ksums-deviation.svg")) {
            assertTrue(Files.size(out.resolve(f)) > 1000, f);
        }
        Map<String, Object> json = JsonOutput.parse(Files.readString(out.resolve("summary.json")));
        @SuppressWarnings("unchecked")
        Map<String, Object> ksums = (Map<String, Object>) json.get("ksums");
        assertTrue(ksums.containsKey("reference_points") && ksums.containsKey("deviation_exponents"), ksums.keySet().toString());
        assertTrue(r.out().contains("k-sums, numeric / closed form"), r.out());
    }
}
