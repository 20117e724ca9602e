package org.spintorque.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The embedded Runge-Kutta pair: order, error control, failure. */
class DormandPrince45Test {
    static final DormandPrince45.Equation OSCILLATOR = (t, y, dy) -> {
        dy[0] = y[1];
        dy[1] = -y[0];
    };

    @Test
    void fixedStepsConvergeAtFifthOrder() {
        double[] errors = new double[3];
        for (int k = 0; k < 3; k++) {
            int steps = 10 << k;
            double h = 2.0 / steps;
            DormandPrince45 dp = new DormandPrince45(2, 1e-3, 1e-3);
            double[] y = {1, 0};
            double[] out = new double[2];
            for (int i = 0; i < steps; i++) {
                dp.step(OSCILLATOR, i * h, y, h, out);
                System.arraycopy(out, 0, y, 0, 2);
            }
            errors[k] = Math.hypot(y[0] - Math.cos(2), y[1] + Math.sin(2));
        }
        // halving h divides the global error by 2^5
        assertEquals(5, Math.log(errors[0] / errors[1]) / Math.log(2), 0.2);
        assertEquals(5, Math.log(errors[1] / errors[2]) / Math.log(2), 0.2);
    }

    @Test
    void adaptiveErrorFollowsTheTolerance() {
        double previous = Double.POSITIVE_INFINITY;
        for (double tol : new double[] {1e-5, 1e-8, 1e-11}) {
            DormandPrince45 dp = new DormandPrince45(2, tol, tol);
            double[] y = {1, 0};
            dp.advance(OSCILLATOR, 0, y, 20, 0.1, null);
            double err = Math.hypot(y[0] - Math.cos(20), y[1] + Math.sin(20));
            assertTrue(err < 300 * tol, "error " + err + " at tolerance " + tol);
            assertTrue(err < previous);
            previous = err;
        }
    }

    @Test
    void blowUpIsReportedWithTheTimeReached() {
        // y' = y^2, y(0) = 1 blows up at t = 1
        DormandPrince45 dp = new DormandPrince45(1, 1e-8, 1e-8);
        double[] y = {1};
        DormandPrince45.StepSizeException e = assertThrows(DormandPrince45.StepSizeException.class,
                () -> dp.advance((t, yy, dy) -> dy[0] = yy[0] * yy[0], 0, y, 2, 0.01, null));
        // the blow-up time is known to the tolerance of the steps that approach it
        assertEquals(1, e.timeReached(), 1e-6);
    }
}
