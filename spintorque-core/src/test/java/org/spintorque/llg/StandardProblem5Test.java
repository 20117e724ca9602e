package org.spintorque.llg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.spintorque.units.PhysicalConstants;

/**
 * muMAG standard problem 5 (Najafi et al., J. Appl. Phys. 105, 113914 (2009)) on the 32 x 32 x 4 grid of the
 * MuMax3 paper (Vansteenkiste et al., AIP Advances 4, 107133 (2014)): a relaxed counterclockwise, core-up
 * vortex in a permalloy square 100 x 100 x 10 nm, driven by the Zhang-Li torque with xi = beta = 0.05.
 * MuMax3's J = (1e12, 0, 0) A/m^2 with Pol = 1 is a flow of electrons along -x with
 * u = mu_B P |J| / (e Ms (1 + xi^2)). Its published average magnetization at 1 ns is
 * (-0.2348, -0.0945, 0.0230).
 */
class StandardProblem5Test {
    @Test
    void averageMagnetizationAtOneNanosecondMatchesMuMax3() {
        Grid g = new Grid(32, 32, 4, 100e-9 / 32, 100e-9 / 32, 10e-9 / 4);
        double ms = 8e5;
        double xi = 0.05;
        double u = PhysicalConstants.BOHR_MAGNETON * 1e12
                / (PhysicalConstants.ELEMENTARY_CHARGE * ms) / (1 + xi * xi);
        try (WorkerPool pool = WorkerPool.allCores()) {
            List<FieldTerm> terms = List.of(new Exchange(g, 1.3e-11, ms, pool), new Demagnetization(g, ms, pool));
            LlgEquation still = new LlgEquation(g, ms, 0.1, xi, LlgConstants.GAMMA0, new double[3], terms, pool);
            LlgSolver relax = new LlgSolver(still, InitialState.vortex(g, 1, 1, 10e-9), pool);
            LlgSolver.Outcome r = relax.minimize(0.1, 100_000);
            assertTrue(r.completed(), r.message());
            LlgEquation eq = new LlgEquation(g, ms, 0.1, xi, LlgConstants.GAMMA0, new double[] {-u, 0, 0}, terms, pool);
            LlgSolver s = new LlgSolver(eq, relax.magnetization(), pool);
            double[][] last = new double[1][];
            LlgSolver.Outcome o = s.run(1e-9, 1e-9, 1e-5, (t, m) -> last[0] = LlgSolver.average(m));
            assertTrue(o.completed(), o.message());
            double[] mumax3 = {-0.2348, -0.0945, 0.0230};
            System.out.printf("standard problem 5: <m>(1 ns) = (%.4f, %.4f, %.4f), MuMax3 (%.4f, %.4f, %.4f)%n",
                    last[0][0], last[0][1], last[0][2], mumax3[0], mumax3[1], mumax3[2]);
            for (int c = 0; c < 3; c++) {
                assertEquals(mumax3[c], last[0][c], 0.03 * Math.abs(mumax3[c]), "component " + c);
            }
        }
    }
}
