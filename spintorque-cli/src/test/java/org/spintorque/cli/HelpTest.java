package org.spintorque.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.spintorque.analytic.SdModelParameters;
import org.spintorque.config.ParameterSpec;

class HelpTest {
    @Test
    void topLevelHelpListsTheCommands() {
        CliRunner.Run r = CliRunner.run("--help");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("analytic"), r.out());
        assertTrue(r.out().contains("--set"), r.out());
    }

    @Test
    void analyticHelpListsEveryParameterWithUnitAndDefault() {
        CliRunner.Run r = CliRunner.run("analytic", "--help");
        assertEquals(0, r.code());
        for (ParameterSpec p : SdModelParameters.schema().all()) {
            assertTrue(r.out().contains("[" + p.table() + "]"), "table " + p.table());
            String line = r.out().lines().filter(l -> l.trim().startsWith(p.key() + " ")).findFirst()
                    .orElseThrow(() -> new AssertionError("no help line for " + p.path() + "\n" + r.out()));
            assertTrue(line.contains("[" + p.unitLabel() + "]"), line);
            assertTrue(line.contains(p.defaultValue() == null ? "no default" : "default"), line);
        }
        for (String option : new String[] {"--out", "--set", "--sweep", "--ksums", "--plot"}) {
            assertTrue(r.out().contains(option), option);
        }
    }

    @Test
    void runHelpListsEveryParameter() {
        CliRunner.Run r = CliRunner.run("run", "--help");
        assertEquals(0, r.code());
        for (ParameterSpec p : org.spintorque.torque.LatticeRunParameters.schema().all()) {
            assertTrue(r.out().lines().anyMatch(l -> l.trim().startsWith(p.key() + " ") && l.contains("[" + p.unitLabel() + "]")),
                    "no help line for " + p.path());
        }
    }

    @Test
    void versionIsPrinted() {
        CliRunner.Run r = CliRunner.run("--version");
        assertEquals(0, r.code());
        assertTrue(r.out().startsWith("spintorque "), r.out());
    }
}
