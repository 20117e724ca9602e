package org.spintorque.wannier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.spintorque.config.ConfigReader;
import org.spintorque.config.InputException;
import org.spintorque.config.ResolvedInput;
import org.spintorque.output.ProgressListener;

/** The spin-spiral part of {@code spintorque material}: beta in the k-space route, its input checked. */
class MaterialCalculationTest {
    static final Path EXAMPLE = Path.of("..", "examples", "material-fe.toml");

    static ResolvedInput input(String... overrides) {
        return new ConfigReader(MaterialCalculation.schema()).read(EXAMPLE, List.of(overrides));
    }

    @Test
    @SuppressWarnings("unchecked")
    void kSpaceRouteReportsBetaFromTheSpinSpiral() {
        MaterialCalculation c = MaterialCalculation.run(input("kspace.mesh=4", "kspace.check_mesh=off",
                "kspace.broadening=0.3", "kspace.spin_flip=0.03"), ProgressListener.NONE);
        Map<String, Object> k = (Map<String, Object>) c.summary().get("k_space");
        SpinSpiralResponse.Result r = c.spiral().get(0).result();
        assertEquals(2, r.mesh(), "default spiral mesh: half of kspace.mesh");
        assertEquals(r.beta(), ((Number) k.get("beta")).doubleValue());
        assertEquals(r.cNonAdiabatic() / r.cAdiabatic(), r.beta());
        assertTrue(Double.isFinite(r.beta()) && Math.abs(r.beta()) < 1, "beta = " + r.beta());
        assertTrue(r.identityResidual() < 1e-10);
        assertTrue(c.table().contains("beta_eq29"));
        assertTrue(String.join("\n", (List<String>) c.summary().get("notes")).contains("spin-orbit part"));
    }

    @Test
    void spinFlipListsAndSpiralParametersAreChecked() {
        InputException e = assertThrows(InputException.class, () -> MaterialCalculation.run(
                input("kspace.mesh=4", "kspace.spin_flip=0.01,0.02,0.03"), ProgressListener.NONE));
        assertTrue(e.getMessage().contains("kspace.spin_flip"), e.getMessage());
        e = assertThrows(InputException.class, () -> MaterialCalculation.run(
                input("kspace.mesh=4", "kspace.spiral_q=0"), ProgressListener.NONE));
        assertTrue(e.getMessage().contains("kspace.spiral_q"), e.getMessage());
        e = assertThrows(InputException.class, () -> MaterialCalculation.run(
                input("kspace.mesh=4", "kspace.spiral_mesh=2.5"), ProgressListener.NONE));
        assertTrue(e.getMessage().contains("kspace.spiral_mesh"), e.getMessage());
    }
}
