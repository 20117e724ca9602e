package org.spintorque.wannier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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

    /**
     * kspace.spin_orbit_cells adds the spin spiral with the spin-orbit part kept (lab-frame supercell) beside the
     * generalized Bloch spiral without it at the same q: beta_so in summary.json, the csv and the table; the physics
     * is checked in {@link SpiralSupercellTest}.
     */
    @Test
    @SuppressWarnings("unchecked")
    void spinOrbitSpiralIsReportedBesideTheSpiralWithoutIt(@TempDir Path dir) throws Exception {
        MaterialCalculation c = MaterialCalculation.run(input("kspace.mesh=4", "kspace.check_mesh=off",
                "kspace.broadening=0.3", "kspace.spin_flip=0.03", "kspace.spin_orbit_cells=4",
                "wire.enabled=off"), ProgressListener.NONE);
        MaterialCalculation.SpinOrbitSpiral so = c.spinOrbitSpiral().get(0);
        SpiralSupercell.Result r = so.result();
        assertEquals(4, r.cells());
        assertEquals(4, r.mesh(), "default: the spiral mesh (2) rounded up to a multiple of N");
        assertEquals(2 * Math.PI / (2 * 2.87), r.q(), 0.01, "q = 2 pi/(N a/2) for bcc Fe along x");
        assertEquals(r.q(), so.withoutSpinOrbit().q(), 1e-15);
        assertTrue(r.identityResidual() < 1e-7, "continuity in every cell: " + r.identityResidual());
        assertEquals(r.beta(), r.betaSpinOrbit() + r.betaSpinFlip() + r.cAnderson() / r.cAdiabatic(), 1e-12);
        Map<String, Object> k = (Map<String, Object>) c.summary().get("k_space");
        assertEquals(r.betaSpinOrbit(), ((Number) k.get("beta_so")).doubleValue());
        assertTrue(c.table().contains("beta_so"));
        c.write(dir);
        String csv = java.nio.file.Files.readString(dir.resolve("spiral_spin_orbit.csv"));
        assertTrue(csv.startsWith("broadening [eV],spin_flip [eV],cells_per_period [1],q [1/nm]"), csv);
        assertTrue(java.nio.file.Files.readString(dir.resolve("report.html")).contains("spin-orbit kept"));
        for (String bad : new String[] {"kspace.spin_orbit_cells=1", "kspace.spin_orbit_cells=2.5"}) {
            InputException e = assertThrows(InputException.class, () -> MaterialCalculation.run(
                    input("kspace.mesh=4", bad), ProgressListener.NONE));
            assertTrue(e.getMessage().contains("kspace.spin_orbit_cells"), e.getMessage());
        }
        InputException e = assertThrows(InputException.class, () -> MaterialCalculation.run(input("kspace.mesh=4",
                "kspace.spin_orbit_cells=2", "kspace.spin_orbit_mesh=3"), ProgressListener.NONE));
        assertTrue(e.getMessage().contains("kspace.spin_orbit_mesh"), e.getMessage());
        e = assertThrows(InputException.class, () -> MaterialCalculation.run(input("kspace.mesh=4",
                "kspace.check_mesh=off", "kspace.spin_orbit_cells=2", "kspace.direction=1,1.4142135623731,0",
                "wire.enabled=off"), ProgressListener.NONE));
        assertTrue(e.getMessage().contains("kspace.direction"), e.getMessage());
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

    /**
     * With Anderson disorder the real-space route adds the bulk P from the Drude resistances to the ensembles
     * without spin-flip impurities (and only to those), in summary.json, realspace.csv and the table; the
     * physics of it is checked in {@link CrossRouteTest}.
     */
    @Test
    @SuppressWarnings("unchecked")
    void realSpaceRouteReportsTheDrudePolarizationOfAndersonEnsembles(@TempDir Path dir) throws Exception {
        MaterialCalculation c = MaterialCalculation.run(input("kspace.mesh=4", "kspace.check_mesh=off",
                "kspace.broadening=0.3", "kspace.spin_flip=0.03", "wire.enabled=on", "wire.cross_section=1,1",
                "wire.transverse_mesh=1", "wire.length=2", "wire.spin_flip=0,0.1", "wire.anderson=1.0",
                "wire.realizations=2"), ProgressListener.NONE);
        RealSpaceRoute route = c.realSpace();
        List<Map<String, Object>> per = (List<Map<String, Object>>) ((Map<String, Object>) c.summary()
                .get("real_space")).get("results");
        CrystalWireTorque.Value drude = route.drudePolarization(route.results().get(0));
        assertTrue(Double.isFinite(drude.mean()) && Math.abs(drude.mean()) < 1, "P = " + drude.mean());
        assertEquals(drude.mean(), ((Number) ((Map<String, Object>) per.get(0).get("P_bulk_drude")).get("value"))
                .doubleValue());
        assertNull(route.drudePolarization(route.results().get(1)), "spin-flip impurities mix the channels");
        assertFalse(per.get(1).containsKey("P_bulk_drude"));
        c.write(dir);
        List<String> csv = java.nio.file.Files.readAllLines(dir.resolve("realspace.csv"));
        assertTrue(csv.get(0).contains("P_bulk_drude [1]"), csv.get(0));
        assertTrue(c.table().contains("Drude"));
        String html = java.nio.file.Files.readString(dir.resolve("report.html"));
        assertTrue(html.contains("bulk P from the Drude resistances") && html.contains("Anderson W = 1"), "report");
    }
}
