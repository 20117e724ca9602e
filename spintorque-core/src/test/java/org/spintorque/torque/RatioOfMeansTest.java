package org.spintorque.torque;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.spintorque.config.ConfigReader;
import org.spintorque.config.ResolvedInput;
import org.spintorque.ensemble.Sample;
import org.spintorque.linalg.LinearAlgebras;
import org.spintorque.output.ProgressListener;

/**
 * The ensemble's beta is the ratio of the mean coefficients with the delta-method error, computed from the
 * streaming means of c_a, c_n and c_a c_n: it must equal the same estimate computed directly from every
 * realization regenerated on its own (a realization is a pure function of seed, index and site).
 */
class RatioOfMeansTest {
    @TempDir
    Path dir;

    @Test
    void ensembleBetaIsTheRatioOfMeansWithItsDeltaMethodError() {
        int n = 10;
        ResolvedInput in = new ConfigReader(LatticeRunParameters.schema()).read(null, Arrays.asList(
                "lattice.kind=square", "lattice.length=24", "lattice.width=3", "model.exchange=0.5",
                "texture.width=4", "transport.energy=-2.0", "disorder.realizations=" + n, "disorder.seed=5",
                "disorder.spin_flip.concentration=0.2", "disorder.spin_flip.strength=0.4"));
        Map<String, Object> summary = TorqueRun.run(in, ProgressListener.NONE, dir, false).summary();
        LatticeRunParameters p = LatticeRunParameters.fromInput(in);
        double[] ca = new double[n];
        double[] cn = new double[n];
        for (int r = 0; r < n; r++) {
            Sample s = TorqueRun.realization(p, r, false, -2.0, LinearAlgebras.best());
            ca[r] = s.scalar("c_a");
            cn[r] = s.scalar("c_n");
        }
        double mx = Arrays.stream(ca).average().orElseThrow();
        double my = Arrays.stream(cn).average().orElseThrow();
        double ratio = my / mx;
        double var = 0;
        for (int r = 0; r < n; r++) {
            double d = cn[r] - ratio * ca[r]; // residual of the linearized ratio
            var += d * d;
        }
        double err = Math.sqrt(var / (n - 1) / n) / Math.abs(mx);
        assertEquals(ratio, ((Number) summary.get("beta")).doubleValue(), 1e-12 * Math.abs(ratio));
        assertEquals(err, ((Number) summary.get("beta_err")).doubleValue(), 1e-8 * err);
    }
}
