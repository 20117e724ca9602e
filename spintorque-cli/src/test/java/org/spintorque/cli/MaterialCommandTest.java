package org.spintorque.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spintorque.output.JsonOutput;

/** {@code spintorque material}: both routes in the summary, P bounded, bad broadenings refused. */
class MaterialCommandTest {
    @TempDir
    Path tmp;

    static String example() {
        return CliRunner.root().resolve("examples/material-fe.toml").toString();
    }

    @Test
    @SuppressWarnings("unchecked")
    void summaryHasBothRoutesAndAPolarizationBetweenMinusOneAndOne() throws IOException {
        Path out = tmp.resolve("fe");
        CliRunner.Run r = CliRunner.run("material", example(), "--out", out.toString(), "--quiet", "--set",
                "kspace.mesh=8", "--set", "kspace.check_mesh=off");
        assertEquals(0, r.code(), r.err());
        Map<String, Object> json = JsonOutput.parse(Files.readString(out.resolve("summary.json")));
        Map<String, Object> k = (Map<String, Object>) json.get("k_space");
        double p = ((Number) k.get("P")).doubleValue();
        assertTrue(p > -1 && p < 1, "P = " + p);
        assertTrue(k.containsKey("beta") && k.containsKey("beta_err"));
        Map<String, Object> rs = (Map<String, Object>) json.get("real_space");
        assertNull(rs.get("P"));
        assertTrue(rs.get("note").toString().contains("not requested"), rs.get("note").toString());
        assertTrue(Files.readAllLines(out.resolve("kspace.csv")).get(0).startsWith("broadening [eV],tau [fs]"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void bornBroadeningIsAvailableFromTheCommandLine() throws IOException {
        Path out = tmp.resolve("born");
        CliRunner.Run r = CliRunner.run("material", example(), "--out", out.toString(), "--quiet", "--set",
                "kspace.mesh=6", "--set", "kspace.broadening_model=born", "--set", "kspace.broadening=0.2");
        assertEquals(0, r.code(), r.err());
        Map<String, Object> k = (Map<String, Object>) JsonOutput.parse(Files.readString(out.resolve("summary.json")))
                .get("k_space");
        assertEquals("born", k.get("broadening_model"));
        double p = ((Number) k.get("P")).doubleValue();
        assertTrue(p > -1 && p < 1, "P = " + p);
    }

    @Test
    void aBroadeningOfZeroIsRefused() {
        Path out = tmp.resolve("bad");
        CliRunner.Run r = CliRunner.run("material", example(), "--out", out.toString(), "--quiet", "--set",
                "kspace.broadening=0.1,0");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("kspace.broadening") && r.err().contains("> 0"), r.err());
        assertFalse(Files.exists(out.resolve("summary.json")));
    }

    @Test
    @SuppressWarnings("unchecked")
    void adaptiveRefinementReportsItsPointsAndIsRefusedWithTheBornBroadening() throws IOException {
        Path out = tmp.resolve("refined");
        CliRunner.Run r = CliRunner.run("material", example(), "--out", out.toString(), "--quiet", "--set",
                "kspace.mesh=4", "--set", "kspace.refine=1", "--set", "kspace.broadening=0.2", "--set",
                "kspace.check_mesh=off");
        assertEquals(0, r.code(), r.err());
        Map<String, Object> k = (Map<String, Object>) JsonOutput.parse(Files.readString(out.resolve("summary.json")))
                .get("k_space");
        Map<String, Object> first = ((java.util.List<Map<String, Object>>) k.get("results")).get(0);
        assertEquals(8, ((Number) first.get("mesh")).intValue(), "equivalent uniform mesh 4 x 2");
        long points = ((Number) first.get("k_points")).longValue();
        assertTrue(points >= 64 && points <= 64 + 512, "k-points " + points);
        Path bad = tmp.resolve("bad-refine");
        CliRunner.Run b = CliRunner.run("material", example(), "--out", bad.toString(), "--quiet", "--set",
                "kspace.refine=7", "--set", "kspace.broadening_model=born");
        assertEquals(2, b.code());
        assertTrue(b.err().contains("kspace.refine"), b.err());
        assertFalse(Files.exists(bad.resolve("summary.json")));
    }
}
