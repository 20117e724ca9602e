package org.spintorque.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.spintorque.config.ConfigReader;
import org.spintorque.linalg.ComplexMatrix;
import org.spintorque.output.JsonOutput;
import org.spintorque.output.ProgressListener;
import org.spintorque.torque.LatticeRunParameters;
import org.spintorque.torque.TorqueCalculation;
import org.spintorque.torque.TorqueRun;
import org.spintorque.transport.BlockTridiagonal;
import org.spintorque.transport.Injection;

/** The benchmark's bookkeeping on a tiny wire (no timing is asserted beyond being positive). */
class WireBenchmarkTest {
    private static WireBenchmark.Config tiny() {
        return WireBenchmark.Config.defaults().withWidths(List.of(2)).withEnergies(1).withWarmups(0)
                .withParallel(false).withReferenceSize(16);
    }

    @Test
    void tinyWireRunsOnEveryBackendAndAgreesWithTheRunCommand() {
        WireBenchmark.Config config = tiny();
        List<String> lines = new ArrayList<>();
        WireBenchmark.Result result = WireBenchmark.run(config, lines::add);
        TorqueRun run = TorqueRun.run(new ConfigReader(LatticeRunParameters.schema()).read(null,
                config.runSettings(2)), ProgressListener.NONE);
        double expected = run.reports().get(0).solution().transmissionLR();
        assertTrue(expected > 0);
        assertTrue(!result.rows().isEmpty());
        assertTrue(!lines.isEmpty());
        for (WireBenchmark.Row r : result.rows()) {
            assertEquals(2, r.width());
            assertEquals(8, r.sliceStates());
            assertEquals(42, r.cells());
            assertEquals(expected, r.transmission(), 1e-10 * expected, r.backend());
            assertEquals(expected, r.librarySolveTransmission(), 1e-10 * expected, r.backend());
            assertTrue(r.maxContinuityResidual() <= 1e-9, "continuity residual " + r.maxContinuityResidual());
            WireBenchmark.Stages s = r.stages();
            for (double t : new double[] {r.setupSeconds(), s.leads(), s.backward(), s.forward(), s.observables(),
                s.fit(), s.total(), r.bestSeconds(), r.librarySolveSeconds()}) {
                assertTrue(t > 0 && Double.isFinite(t), "time " + t + " of " + r.backend());
            }
            assertTrue(r.rgfGflops() > 0 && r.zgemmAtSize() > 0 && r.zgemmReference() > 0);
            assertTrue(r.liveHeapBytes() > 0 && r.peakHeapBytes() > 0 && r.memoryEstimateBytes() > 0);
            assertTrue(r.leftChannels() > 0 && r.rightChannels() > 0);
        }
        assertTrue(result.references().stream().allMatch(g -> g.gflops() > 0 && g.n() == 16));
        // outputs: one CSV row per width and backend, units in the headers, JSON that parses back
        String csv = result.csv();
        assertEquals(result.rows().size() + 1, csv.strip().split("\n").length);
        assertTrue(csv.startsWith("W [a],"));
        Map<String, Object> doc = JsonOutput.parse(JsonOutput.render(result.summary()));
        assertEquals("bench", doc.get("command"));
        assertTrue(((Map<?, ?>) doc.get("machine")).containsKey("cpu_model"));
        assertTrue(result.table().contains("openblas") || result.table().contains("java"));
    }

    /** The flop count of a wire of N states per cell with only the N^3 and N^2 m terms, by hand. */
    @Test
    void flopCountMatchesTheFormulaForAWire() {
        LatticeRunParameters p = LatticeRunParameters.fromInput(new ConfigReader(LatticeRunParameters.schema())
                .read(null, tiny().runSettings(3)));
        BlockTridiagonal open = TorqueCalculation.openSystem(p.system());
        int mL = 5;
        int mR = 7;
        WireBenchmark.FlopCount f = WireBenchmark.FlopCount.of(open, mL, mR, Injection.SYMMETRIC);
        double n = 18; // 2 W^2
        double cells = 42;
        double m = mL + mR;
        assertEquals(cells * 8 * n * n * n, f.inversions(), 1e-6);
        // backward: cells * N^2 mR; forward: N^2 mL + (cells - 1) N^2 m; density: (2 cells - 1) N^2 m; T: 2 mL mR N
        double dense = 8 * (cells * n * n * mR + n * n * mL + (cells - 1) * n * n * m + (2 * cells - 1) * n * n * m
                + 2 * mL * mR * n);
        assertEquals(dense, f.denseProducts(), 1e-6);
        // the x hopping is -t times the identity: N non-zeros, applied element-wise
        ComplexMatrix c = open.hoppingToNext(0);
        assertEquals(n, c.rows());
        double sparse = 8 * (cells - 1) * (n * (n + n) + n * mR) + 8 * (cells - 1) * n * m;
        assertEquals(sparse, f.sparseProducts(), 1e-6);
    }
}
