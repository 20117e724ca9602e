package org.spintorque.torque;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spintorque.config.ConfigReader;
import org.spintorque.config.ResolvedInput;
import org.spintorque.config.SweepSpec;
import org.spintorque.output.ProgressListener;

/**
 * Experiment 1 of the relaxation study, small: beta of a wide Neel wall in a strip 3 sites wide with spin-flip
 * impurities, against the impurity concentration at fixed v_s. The paper's claims checked with error bars:
 * beta is linear in n_imp v_s^2 S_imp^2 (straight line through the origin), and equals eq. (29) evaluated
 * with the lattice density of states (convention factor 1); the relaxation source carries the beta term and
 * -div j_s does not (experiment 2).
 */
class SpinFlipBetaExperimentTest {
    @TempDir
    static Path dir;

    static TorqueSweep sweep;

    @BeforeAll
    static void run() {
        // E = -2 t, M = 0.5 t, W = 3: 2 majority and 1 minority channels (P = 1/3), all >= 0.5 t from threshold
        ResolvedInput in = new ConfigReader(LatticeRunParameters.schema()).read(null, Arrays.asList(
                "lattice.kind=square", "lattice.length=40", "lattice.width=3", "model.exchange=0.5",
                "texture.width=5", "transport.energy=-2.0", "disorder.realizations=150", "disorder.seed=1",
                "disorder.spin_flip.concentration=0.1", "disorder.spin_flip.strength=0.4"));
        SweepSpec s = SweepSpec.parse("disorder.spin_flip.concentration=0.1:0.3:3", LatticeRunParameters.schema());
        sweep = TorqueSweep.run(in, s, dir, false, ProgressListener.NONE);
        System.out.print(sweep.table());
    }

    /** A straight line through the origin describes beta within the error bars (beta ~ n_imp v_s^2 S_imp^2). */
    @Test
    void betaIsLinearInTheImpurityConcentration() {
        double[] line = sweep.lineFit("beta");
        double[] origin = sweep.ratioTo("beta_eq29");
        System.out.printf("beta = (%.3g +- %.2g) + (%.3g +- %.2g) n_imp, chi2/dof %.2f; through the origin chi2/dof "
                + "%.2f%n", line[0], line[1], line[2], line[3], line[4], origin[3]);
        assertTrue(Math.abs(line[0]) < 3 * line[1], "intercept " + line[0] + " +- " + line[1] + " is not zero");
        assertTrue(origin[3] < 4.6, "beta is not proportional to n_imp within the error bars: chi2/dof = "
                + origin[3]); // p = 1% for 2 degrees of freedom
    }

    @Test
    void betaEqualsEquation29WithTheLatticeDensityOfStates() {
        double[] r = sweep.ratioTo("beta_eq29");
        System.out.printf("beta / beta_eq29 = %.3f +- %.3f%n", r[0], r[1]);
        assertTrue(r[1] < 0.25, "the error bar is too large to test anything: " + r[1]);
        assertEquals(1.0, r[0], 3 * r[1], "beta / beta_eq29");
    }

    @Test
    void theRelaxationSourceCarriesBetaAndTheDivergenceDoesNot() {
        for (int i = 0; i < sweep.values().length; i++) {
            Map<String, double[]> p = sweep.point(i);
            double[] div = p.get("c_n[divergence]");
            double[] src = p.get("c_n[source_spin-flip]");
            double[] all = p.get("c_n");
            System.out.printf("n_imp %.2f: c_n %.3g +- %.2g = divergence %.3g +- %.2g + source %.3g +- %.2g%n",
                    sweep.values()[i], all[0], all[1], div[0], div[1], src[0], src[1]);
            assertTrue(Math.abs(div[0]) < 3 * div[1] + 0.1 * Math.abs(all[0]), "c_n of -div j_s is not small");
            assertEquals(all[0], src[0], 3 * Math.hypot(div[1], 0) + 0.1 * Math.abs(all[0]));
        }
    }
}
