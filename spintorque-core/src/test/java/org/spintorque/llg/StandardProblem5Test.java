package org.spintorque.llg;

import java.util.List;
import org.junit.jupiter.api.Test;

class StandardProblem5Test {
    @Test
    void explore() {
        Grid g = new Grid(32, 32, 4, 100e-9 / 32, 100e-9 / 32, 10e-9 / 4);
        double ms = 8e5;
        try (WorkerPool pool = new WorkerPool(2)) {
            List<FieldTerm> terms = List.of(new Exchange(g, 1.3e-11, ms, pool), new Demagnetization(g, ms, pool));
            LlgEquation relaxEq = new LlgEquation(g, ms, 0.1, 0.05, LlgConstants.GAMMA0, new double[3], terms, pool);
            LlgSolver relax = new LlgSolver(relaxEq, InitialState.vortex(g, 1, 1, 10e-9), pool);
            long t0 = System.nanoTime();
            LlgSolver.Outcome o = relax.minimize(Double.parseDouble(System.getProperty("relaxtol", "1")), 100000);
            System.out.println("relax " + o + " in " + (System.nanoTime() - t0) * 1e-9 + " s, <m> = "
                    + java.util.Arrays.toString(LlgSolver.average(relax.magnetization())));
            double u = 9.2740100783e-24 * 1e12 / (1.602176634e-19 * ms) / (1 + 0.05 * 0.05);
            double sign = Double.parseDouble(System.getProperty("usign", "1"));
            LlgEquation eq = new LlgEquation(g, ms, 0.1, 0.05, LlgConstants.GAMMA0, new double[] {-sign * u, 0, 0}, terms, pool);
            LlgSolver s = new LlgSolver(eq, relax.magnetization(), pool);
            t0 = System.nanoTime();
            o = s.run(1e-9, 0.1e-9, Double.parseDouble(System.getProperty("tol", "1e-5")), (t, m) -> System.out.println(t + " " + java.util.Arrays.toString(LlgSolver.average(m))));
            System.out.println("run " + o + " in " + (System.nanoTime() - t0) * 1e-9 + " s");
        }
    }
}
