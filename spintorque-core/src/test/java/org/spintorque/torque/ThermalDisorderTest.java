package org.spintorque.torque;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spintorque.config.ConfigReader;
import org.spintorque.ensemble.EnsembleResult;
import org.spintorque.output.ProgressListener;

/**
 * Disorder ensembles at finite temperature: each realization is averaged over its Fermi window. Stationarity
 * holds per realization, and as k_B T -> 0 the ensemble mean goes to the zero-temperature one as (k_B T)^2
 * (Sommerfeld: the window is symmetric, so the first order cancels).
 */
class ThermalDisorderTest {
    @TempDir
    Path dir;

    EnsembleResult ensemble(double kT, String name) {
        List<String> s = new ArrayList<>(Arrays.asList("lattice.kind=square", "lattice.length=24", "lattice.width=3",
                "model.exchange=0.5", "texture.width=4", "transport.energy=-2.0", "disorder.realizations=2",
                "disorder.spin_flip.concentration=0.2", "disorder.spin_flip.strength=0.3",
                "transport.temperature=" + kT));
        TorqueRun r = TorqueRun.run(new ConfigReader(LatticeRunParameters.schema()).read(null, s),
                ProgressListener.NONE, dir.resolve(name), false);
        return r.ensembles().get(0);
    }

    @Test
    void thermalEnsemblesAreStationaryAndGoToZeroTemperature() {
        double ca0 = ensemble(0, "t0").scalar("c_a").mean();
        double d1 = Math.abs(ensemble(0.02, "t1").scalar("c_a").mean() - ca0);
        EnsembleResult e2 = ensemble(0.01, "t2");
        double d2 = Math.abs(e2.scalar("c_a").mean() - ca0);
        assertTrue(e2.scalar("max_continuity_residual").mean() <= 1e-9, "stationarity");
        System.out.printf("|c_a(kT) - c_a(0)|: kT = 0.02 -> %.3e, kT = 0.01 -> %.3e, ratio %.2f%n", d1, d2, d1 / d2);
        assertTrue(d1 > 0 && d1 / d2 > 3 && d1 / d2 < 5.5, "not quadratic in k_B T: ratio " + d1 / d2);
    }
}
