package org.spintorque.llg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * A head-to-head transverse wall in a thin wire (easy axis x, hard axis z, no demag: the hard axis stands
 * for the shape anisotropy), driven by the Zhang-Li torque, against the 1D (q, phi) model: wall width
 * Delta = sqrt(A/K), intrinsic current u_c = gamma0 Delta K_perp / (mu0 Ms), steady velocity
 * v = (beta/alpha) u below the Walker current alpha u_c / |beta - alpha|, and for beta = 0 a displacement
 * (Delta / (2 alpha)) asin(u/u_c) after which the wall stops.
 */
class WallDynamicsTest {
    private static final WorkerPool POOL = new WorkerPool(1); // 300 cells: threads would cost more than they save
    private static final double MS = 8e5;
    private static final double A = 1.3e-11;
    private static final double K = 1e5;
    private static final double K_PERP = 5e4;
    private static final double ALPHA = 0.1;
    private static final double DELTA = Math.sqrt(A / K);
    private static final double U_C = LlgConstants.GAMMA0 * DELTA * K_PERP / (LlgConstants.MU0 * MS);
    private static final Grid WIRE = new Grid(300, 1, 1, 2e-9, 2e-9, 2e-9);

    @AfterAll
    static void close() {
        POOL.close();
    }

    private static List<FieldTerm> terms(Grid wire) {
        return List.of(new Exchange(wire, A, MS, POOL),
                UniaxialAnisotropy.easyAxis(wire, K, MS, new double[] {1, 0, 0}),
                UniaxialAnisotropy.hardAxis(wire, K_PERP, MS, new double[] {0, 0, 1}));
    }

    /** The wall relaxed at rest, centred at x0. */
    private static double[] relaxedWall(Grid wire, double x0) {
        LlgEquation eq = new LlgEquation(wire, MS, ALPHA, 0, LlgConstants.GAMMA0, new double[3], terms(wire), POOL);
        LlgSolver s = new LlgSolver(eq, InitialState.transverseWall(wire, x0, DELTA, 1), POOL);
        LlgSolver.Outcome o = s.relax(10, 1e-7, 20e-9, null);
        assertTrue(o.completed(), o.message());
        return s.magnetization().clone();
    }

    /** Wall positions [m] at the sample times, and the largest |m_z| seen. */
    private record Trace(double[] t, double[] q, double maxMz) { }

    private static Trace drive(Grid wire, double[] m0, double beta, double u, double duration, double interval) {
        LlgEquation eq = new LlgEquation(wire, MS, ALPHA, beta, LlgConstants.GAMMA0, new double[] {u, 0, 0},
                terms(wire), POOL);
        LlgSolver s = new LlgSolver(eq, m0, POOL);
        List<double[]> rows = new ArrayList<>();
        double[] maxMz = {0};
        LlgSolver.Outcome o = s.run(duration, interval, 1e-7, (t, m) -> {
            rows.add(new double[] {t, LlgSolver.wallPosition(wire, m, 1)});
            for (int i = 0; i < wire.cells(); i++) {
                maxMz[0] = Math.max(maxMz[0], Math.abs(m[2 * wire.cells() + i]));
            }
            double norm = 0;
            for (int i = 0; i < wire.cells(); i++) {
                double l = Math.sqrt(m[i] * m[i] + m[wire.cells() + i] * m[wire.cells() + i]
                        + m[2 * wire.cells() + i] * m[2 * wire.cells() + i]);
                norm = Math.max(norm, Math.abs(l - 1));
            }
            assertTrue(norm < 1e-12, "|m| - 1 = " + norm);
        });
        assertTrue(o.completed(), o.message());
        double[] t = rows.stream().mapToDouble(r -> r[0]).toArray();
        double[] q = rows.stream().mapToDouble(r -> r[1]).toArray();
        return new Trace(t, q, maxMz[0]);
    }

    private static double velocity(Trace tr, int from, int to) {
        return (tr.q[to] - tr.q[from]) / (tr.t[to] - tr.t[from]);
    }

    /**
     * beta = alpha: the continuum equation translates an equilibrium wall rigidly at v = u. On the grid the
     * central difference of (u . grad) m and the discrete exchange make the velocity differ from u by
     * O((dx/Delta)^2): halving the cell must cut the deviation by about four, and the wall must not tilt.
     */
    @Test
    void betaEqualAlphaTranslatesTheWallRigidlyAtU() {
        double u = 60;
        double[] deviation = new double[2];
        for (int g = 0; g < 2; g++) {
            Grid wire = g == 0 ? WIRE : new Grid(600, 1, 1, 1e-9, 1e-9, 1e-9);
            Trace tr = drive(wire, relaxedWall(wire, 100e-9), ALPHA, u, 2e-9, 0.25e-9);
            for (int k = 1; k < tr.t.length; k++) {
                deviation[g] = Math.max(deviation[g], Math.abs(velocity(tr, k - 1, k) - u) / u);
            }
            assertTrue(tr.maxMz < 1e-3, "the wall tilted out of plane: max |m_z| = " + tr.maxMz);
        }
        System.out.printf("beta = alpha: |v/u - 1| = %.3g (dx = 2 nm), %.3g (dx = 1 nm)%n", deviation[0], deviation[1]);
        assertTrue(deviation[0] < 1e-2, "dx = 2 nm: |v/u - 1| = " + deviation[0]);
        assertEquals(4, deviation[0] / deviation[1], 0.6, "second-order convergence of v to u");
    }

    @Test
    void betaTwiceAlphaMovesAtTwiceUBelowWalker() {
        double u = 30;
        assertTrue(u < ALPHA * U_C / ALPHA, "below the Walker current");
        Trace tr = drive(WIRE, relaxedWall(WIRE, 100e-9), 2 * ALPHA, u, 4e-9, 0.5e-9);
        int last = tr.t.length - 1;
        double v = velocity(tr, last - 2, last);
        System.out.printf("beta = 2 alpha: u = %.2f m/s, v = %.3f m/s, 1D model %.3f m/s%n", u, v, 2 * u);
        assertEquals(2 * u, v, 0.01 * 2 * u, "steady velocity (beta/alpha) u");
    }

    @Test
    void betaZeroWallShiftsByTheOneDimensionalAmountAndStops() {
        double u = 0.5 * U_C;
        Trace tr = drive(WIRE, relaxedWall(WIRE, 100e-9), 0, u, 6e-9, 0.5e-9);
        int last = tr.t.length - 1;
        double expected = DELTA / (2 * ALPHA) * Math.asin(u / U_C);
        System.out.printf("beta = 0: u = %.2f m/s = u_c/2, shift %.3f nm, 1D model %.3f nm, final v = %.2g m/s%n", u,
                (tr.q[last] - tr.q[0]) * 1e9, expected * 1e9, velocity(tr, last - 1, last));
        assertEquals(expected, tr.q[last] - tr.q[0], 0.03 * expected, "displacement before the wall stops");
        assertTrue(Math.abs(velocity(tr, last - 1, last)) < 1e-3 * u, "the wall still moves at "
                + velocity(tr, last - 1, last) + " m/s");
    }
}
