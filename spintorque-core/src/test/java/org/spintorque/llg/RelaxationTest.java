package org.spintorque.llg;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Energy decreases without current, |m| = 1 is kept, and the time step allocates nothing. */
class RelaxationTest {
    private static final double MS = 8e5;
    private static final Grid FILM = new Grid(16, 16, 2, 4e-9, 4e-9, 3e-9);

    /** A smooth random texture: a few long-wavelength Fourier modes with seeded amplitudes. */
    private static double[] smoothRandom(Grid g, long seed) {
        Random r = new Random(seed);
        double[][] amp = new double[3][8];
        for (double[] a : amp) {
            for (int k = 0; k < a.length; k++) {
                a[k] = r.nextGaussian();
            }
        }
        double[] m = g.newVectorField();
        int n = g.cells();
        for (int i = 0; i < n; i++) {
            double x = (i % g.nx() + 0.5) / g.nx();
            double y = ((i / g.nx()) % g.ny() + 0.5) / g.ny();
            for (int c = 0; c < 3; c++) {
                double[] a = amp[c];
                m[c * n + i] = a[0] + a[1] * Math.cos(Math.PI * x) + a[2] * Math.cos(Math.PI * y)
                        + a[3] * Math.sin(2 * Math.PI * x) + a[4] * Math.sin(2 * Math.PI * y)
                        + a[5] * Math.cos(Math.PI * (x + y)) + a[6] * Math.sin(3 * Math.PI * x * y) + 0.3 * a[7];
            }
        }
        InitialState.normalize(m);
        return m;
    }

    private static LlgEquation film(WorkerPool pool, double alpha) {
        List<FieldTerm> terms = List.of(new Exchange(FILM, 1.3e-11, MS, pool), new Demagnetization(FILM, MS, pool),
                UniaxialAnisotropy.easyAxis(FILM, 2e4, MS, new double[] {1, 1, 0}),
                new Zeeman(FILM, new double[] {1e4, 0, 0}));
        return new LlgEquation(FILM, MS, alpha, 0, LlgConstants.GAMMA0, new double[3], terms, pool);
    }

    private static double maxNormError(double[] m) {
        int n = m.length / 3;
        double e = 0;
        for (int i = 0; i < n; i++) {
            e = Math.max(e, Math.abs(Math.sqrt(m[i] * m[i] + m[n + i] * m[n + i] + m[2 * n + i] * m[2 * n + i]) - 1));
        }
        return e;
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2})
    void energyDecreasesMonotonicallyDuringRelaxation(long seed) {
        try (WorkerPool pool = new WorkerPool(1)) {
            LlgEquation eq = film(pool, 0.1);
            LlgSolver s = new LlgSolver(eq, smoothRandom(FILM, seed), pool);
            double[] last = {eq.energy(s.magnetization())};
            double first = last[0];
            int[] steps = {0};
            LlgSolver.Outcome o = s.relax(100, 1e-6, 0.3e-9, (t, m) -> {
                double e = eq.energy(m);
                assertTrue(e <= last[0] + 1e-12 * Math.abs(last[0]), "energy rose from " + last[0] + " to " + e
                        + " J at t = " + t + " s");
                assertTrue(maxNormError(m) < 1e-13, "|m| != 1");
                last[0] = e;
                steps[0]++;
            });
            assertTrue(steps[0] > 10 && last[0] < first, "relaxation did something: " + o);
        }
    }

    /** With precession and alpha > 0 but no current the LLG energy is non-increasing between samples too. */
    @Test
    void energyDecreasesUnderDampedPrecession() {
        try (WorkerPool pool = new WorkerPool(1)) {
            LlgEquation eq = film(pool, 0.05);
            LlgSolver s = new LlgSolver(eq, smoothRandom(FILM, 9), pool);
            double[] last = {Double.POSITIVE_INFINITY};
            LlgSolver.Outcome o = s.run(0.1e-9, 5e-12, 1e-7, (t, m) -> {
                double e = eq.energy(m);
                assertTrue(e <= last[0] + 1e-10 * Math.abs(e), "energy rose to " + e + " J at t = " + t);
                assertTrue(maxNormError(m) < 1e-13, "|m| != 1");
                last[0] = e;
            });
            assertTrue(o.completed(), o.message());
        }
    }

    @Test
    void timeStepAllocatesNothing() {
        var bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        try (WorkerPool pool = new WorkerPool(2)) {
            LlgEquation eq = new LlgEquation(FILM, MS, 0.1, 0.2, LlgConstants.GAMMA0, new double[] {50, 20, 0},
                    List.of(new Exchange(FILM, 1.3e-11, MS, pool), new Demagnetization(FILM, MS, pool)), pool);
            double[] m = smoothRandom(FILM, 4);
            DormandPrince rk = new DormandPrince(eq, 1e-6, false, pool);
            for (int i = 0; i < 200; i++) {
                rk.step(m, 1e-9); // warm up: class loading, JIT
            }
            long before = bean.getThreadAllocatedBytes(Thread.currentThread().getId());
            for (int i = 0; i < 100; i++) {
                rk.step(m, 1e-9);
            }
            long allocated = bean.getThreadAllocatedBytes(Thread.currentThread().getId()) - before;
            assertTrue(allocated < 2048, "100 steps allocated " + allocated + " bytes");
        }
    }
}
