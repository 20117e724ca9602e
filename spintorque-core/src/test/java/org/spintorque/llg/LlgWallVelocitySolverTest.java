package org.spintorque.llg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.spintorque.dynamics.DrivingConditions;
import org.spintorque.dynamics.Material;
import org.spintorque.dynamics.WallVelocitySolver.WallVelocity;
import org.spintorque.texture.Vector3;

/**
 * The LLG wall-velocity solver of {@code spintorque velocity} against the 1D model: (beta/alpha) u below
 * breakdown, no motion below the intrinsic threshold at beta = 0, and sqrt(u^2 - u_c^2)/(1 + alpha^2) above it.
 */
class LlgWallVelocitySolverTest {
    private static final Material MATERIAL = Material.of(8e5, 1.3e-11, 1e5, 5e4, 0.1);
    private static final double U_C = MATERIAL.gamma0() * MATERIAL.wallWidth() * MATERIAL.hardAxis()
            / (LlgConstants.MU0 * MATERIAL.ms());

    private static WallVelocity velocity(double u, double beta) {
        DrivingConditions d = new DrivingConditions(MATERIAL, new Vector3(u, 0, 0), beta, Vector3.ZERO, null, null,
                2, "input", java.util.List.of());
        return new LlgWallVelocitySolver().velocity(d);
    }

    @Test
    void steadyVelocityBelowWalkerIsBetaOverAlphaTimesU() {
        WallVelocity v = velocity(40, 0.2);
        System.out.println("llg solver, beta = 2 alpha, u = 40 m/s: " + v);
        assertEquals(80, v.velocity(), 0.015 * 80, v.detail());
        assertEquals("steady", v.regime());
    }

    @Test
    void betaZeroBelowAndAboveTheIntrinsicThreshold() {
        WallVelocity below = velocity(0.5 * U_C, 0);
        assertTrue(Math.abs(below.velocity()) < 0.01 * U_C, below.toString());
        double u = 2 * U_C;
        WallVelocity above = velocity(u, 0);
        double expected = Math.sqrt(u * u - U_C * U_C) / (1 + 0.01);
        System.out.printf("llg solver, beta = 0: u = u_c/2: v = %.3g m/s; u = 2 u_c: v = %.4g m/s, 1D model %.4g m/s (%s)%n",
                below.velocity(), above.velocity(), expected, above.detail());
        assertEquals("precessing", above.regime());
        assertEquals(expected, above.velocity(), 0.1 * expected, above.detail());
    }
}
