package org.spintorque.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.spintorque.config.ConfigReader;
import org.spintorque.config.InputException;
import org.spintorque.config.ParameterSchema;
import org.spintorque.config.ResolvedInput;

/** The shared [material], [current], [torque], [field] tables: units, presets, 'from', bad input. */
class DynamicsInputTest {
    @TempDir
    Path tmp;

    static final ParameterSchema SCHEMA = DynamicsInput.addTo(ParameterSchema.builder()).build();

    private DrivingConditions resolve(String toml, String... overrides) throws IOException {
        Path f = tmp.resolve("in.toml");
        Files.writeString(f, toml);
        ResolvedInput in = new ConfigReader(SCHEMA).read(f, List.of(overrides));
        return DynamicsInput.resolve(in);
    }

    @Test
    void driftVelocityOfPermalloyAtOneTerapascal() throws IOException {
        // u = g mu_B P j / (2 e Ms): with g = 2 this is mu_B j / (e Ms) for P = 1; 72.4 m/s for permalloy at 1e12
        DrivingConditions d = resolve("[material]\npreset = \"permalloy\"\n[current]\ndensity = \"1e8 A/cm^2\"\n"
                + "P = 1.0\n[torque]\nbeta = 0.02\n");
        double expected = 9.2740100783e-24 * 1e12 / (1.602176634e-19 * 8e5);
        assertEquals(expected, d.ux(), 1e-12 * expected);
        assertEquals(72.36, d.ux(), 0.01);
        assertEquals(1e12, d.currentDensity(), 1e-3);
        // the inverse conversion returns the current
        assertEquals(1e12, d.currentDensityOf(d.ux()), 1e-3);
        // u scales with P and 1/Ms, and g/2
        DrivingConditions half = resolve("[material]\npreset = \"permalloy\"\nMs = \"1.6e6 A/m\"\n[current]\n"
                + "density = 1e12\nP = 0.5\ng = 4.0\n");
        assertEquals(expected / 2, half.ux(), 1e-12 * expected);
    }

    @Test
    void fieldInTeslaOrOerstedAlongTheEasyAxis() throws IOException {
        DrivingConditions t = resolve("[material]\npreset = \"Co\"\n[field]\nmu0H = \"10 mT\"\n");
        assertEquals(0.01 / 1.25663706212e-6, t.easyAxisField(), 1e-9);
        DrivingConditions oe = resolve("[material]\npreset = \"Co\"\neasy_axis = [0, 0, 2]\nhard_axis = [1, 0, 0]\n"
                + "[field]\nH = \"100 Oe\"\n");
        assertEquals(1e5 / (4 * Math.PI), oe.field().z(), 1e-9);
        assertEquals(0, oe.field().x(), 0);
    }

    @Test
    void presetValuesYieldToTheFile() throws IOException {
        DrivingConditions d = resolve("[material]\npreset = \"Fe\"\nalpha = 0.05\n");
        assertEquals(1.71e6, d.material().ms());
        assertEquals(0.05, d.material().alpha());
        assertEquals(0.0, d.beta());
        assertTrue(d.notes().stream().anyMatch(n -> n.contains("Kittel")), d.notes().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ms = 0", "Ms = -8e5", "A = 0", "A = -1e-11", "alpha = 0", "alpha = -0.01", "K = -1",
        "gamma = 0"})
    void nonPhysicalMaterialIsRejectedByName(String line) {
        String key = line.substring(0, line.indexOf(' '));
        InputException e = assertThrows(InputException.class, () -> resolve("[material]\npreset = \"permalloy\"\n"
                + line + "\n"));
        assertTrue(e.getMessage().startsWith("material." + key + " = "), e.getMessage());
        assertTrue(e.getMessage().contains(">"), "names the valid range: " + e.getMessage());
    }

    @Test
    void takesPAndBetaFromARunSummaryRelativeToTheConfigFile() throws IOException {
        Files.createDirectories(tmp.resolve("out"));
        Files.writeString(tmp.resolve("out/summary.json"), "{\"command\": \"run\", \"P_fit\": 0.25, \"P\": 0.9, "
                + "\"beta\": 0.0125}");
        DrivingConditions d = resolve("[material]\npreset = \"permalloy\"\n[current]\ndensity = 1e12\n"
                + "[torque]\nfrom = \"out/summary.json\"\n");
        assertEquals(0.25, d.polarization());
        assertEquals(0.0125, d.beta());
        assertEquals(0.25 * 9.2740100783e-24 * 1e12 / (1.602176634e-19 * 8e5), d.ux(), 1e-9);
    }

    @Test
    void summaryWithoutBetaOrPIsAClearError() throws IOException {
        Files.writeString(tmp.resolve("nobeta.json"), "{\"command\": \"run\", \"P_fit\": 0.25, \"beta\": null}");
        Files.writeString(tmp.resolve("nop.json"), "{\"command\": \"other\", \"beta\": 0.01}");
        InputException e1 = assertThrows(InputException.class, () -> resolve("[material]\npreset = \"Ni\"\n"
                + "[torque]\nfrom = \"nobeta.json\"\n"));
        assertTrue(e1.getMessage().contains("torque.from") && e1.getMessage().contains("no beta"), e1.getMessage());
        InputException e2 = assertThrows(InputException.class, () -> resolve("[material]\npreset = \"Ni\"\n"
                + "[torque]\nfrom = \"nop.json\"\n"));
        assertTrue(e2.getMessage().contains("no P"), e2.getMessage());
        InputException e3 = assertThrows(InputException.class, () -> resolve("[material]\npreset = \"Ni\"\n"
                + "[torque]\nfrom = \"missing.json\"\n"));
        assertTrue(e3.getMessage().contains("does not exist"), e3.getMessage());
    }

    @Test
    void conflictingInputIsAnError() {
        assertThrows(InputException.class, () -> resolve("[material]\npreset = \"Ni\"\n[current]\ndensity = 1e12\n"
                + "u = 10.0\nP = 0.5\n"));
        InputException noP = assertThrows(InputException.class, () -> resolve("[material]\npreset = \"Ni\"\n"
                + "[current]\ndensity = 1e12\n"));
        assertTrue(noP.getMessage().contains("current.P"), noP.getMessage());
        assertThrows(InputException.class, () -> resolve("[material]\npreset = \"Ni\"\n[field]\nH = 1.0\n"
                + "mu0H = 0.001\n"));
        InputException noMs = assertThrows(InputException.class, () -> resolve("[material]\nA = 1e-11\nalpha = 0.1\n"
                + "K = 1e5\n"));
        assertTrue(noMs.getMessage().contains("material.Ms"), noMs.getMessage());
    }
}
