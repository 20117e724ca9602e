package org.spintorque.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.spintorque.texture.Vector3;
import org.spintorque.units.PhysicalConstants;

/** The integrated 1D wall model against its closed forms (WallTheory) and the identities behind them. */
class WallModel1DTest {
    // Delta = sqrt(1.3e-11/5e5) = 5.10 nm, H_perp = 2 K_perp/(mu0 Ms) = 1.99e5 A/m
    static final Material NARROW_STRIP = Material.of(8e5, 1.3e-11, 5e5, 1e5, 0.02);

    static DrivingConditions drive(double u, double beta, double h) {
        return new DrivingConditions(NARROW_STRIP, new Vector3(u, 0, 0), beta, new Vector3(h, 0, 0), 1.0, null,
                2.0, "input", List.of());
    }

    static WallMotion simulate(double u, double beta, double h) {
        return new WallModel1D(WallTheory.of(drive(u, beta, h))).simulate(WallModel1D.Options.DEFAULT);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.1, 0.5, 0.9, 0.99})
    void steadyVelocityBelowBreakdownIsBetaUOverAlpha(double fraction) {
        WallTheory t = WallTheory.of(drive(1, 0.04, 0));
        double u = fraction * t.walkerDriftVelocity();
        WallMotion m = simulate(u, 0.04, 0);
        assertEquals("steady", m.regime(), m.warnings().toString());
        assertEquals(0.04 * u / 0.02, m.velocity(), 1e-7 * m.velocity());
        // the wall angle settles at sin 2 phi = A/B
        double phi = m.angle()[m.angle().length - 1];
        assertEquals(t.withU(u).angleDrive() / t.angleRestoring(), Math.sin(2 * phi), 1e-7);
    }

    @Test
    void walkerCurrentSeparatesSteadyFromPrecessingMotion() {
        double beta = 0.04;
        WallTheory t = WallTheory.of(drive(1, beta, 0));
        // eq. (W3) written out: u_W = alpha gamma0 Delta K_perp/(mu0 Ms |beta - alpha|)
        double delta = Math.sqrt(1.3e-11 / 5e5);
        double uW = 0.02 * Material.DEFAULT_GAMMA0 * delta * 1e5 / (PhysicalConstants.MU_0 * 8e5 * Math.abs(beta - 0.02));
        assertEquals(uW, t.walkerDriftVelocity(), 1e-12 * uW);
        assertEquals("steady", simulate(0.995 * uW, beta, 0).regime());
        WallMotion above = simulate(1.005 * uW, beta, 0);
        assertEquals("precessing", above.regime());
        // just above breakdown the averaged velocity falls below the steady branch beta u/alpha
        assertTrue(above.velocity() < beta * 1.005 * uW / 0.02, above.velocity() + " m/s");
        // the same threshold for the opposite current
        assertEquals("steady", simulate(-0.995 * uW, beta, 0).regime());
        assertEquals("precessing", simulate(-1.005 * uW, beta, 0).regime());
    }

    @ParameterizedTest
    @ValueSource(doubles = {1.2, 2, 3, 6})
    void averagedVelocityAboveBreakdownMatchesTheClosedForm(double fraction) {
        for (double beta : new double[] {0, 0.01, 0.04}) {
            WallTheory t = WallTheory.of(drive(1, beta, 0));
            double u = fraction * (beta == 0.02 ? 1 : t.walkerDriftVelocity());
            WallMotion m = simulate(u, beta, 0);
            assertEquals("precessing", m.regime());
            assertTrue(m.periods() >= 5, "periods " + m.periods());
            assertEquals(t.withU(u).averageVelocity(), m.velocity(), 1e-7 * Math.abs(u));
            assertEquals(t.withU(u).precessionPeriod(), m.meanPeriod(), 1e-7 * m.meanPeriod());
        }
    }

    @Test
    void withoutBetaTheWallStopsBelowTheIntrinsicThresholdAndMovesAbove() {
        WallTheory t = WallTheory.of(drive(1, 0, 0));
        double uc = t.intrinsicThreshold();
        double alpha = 0.02;
        for (double f : new double[] {0.3, 0.8, 0.99}) {
            WallMotion m = simulate(f * uc, 0, 0);
            assertEquals("steady", m.regime());
            assertEquals(0, m.velocity(), 1e-9 * uc);
            // the wall is displaced once and stops: dq/dt = (Delta/alpha)(a - dphi/dt) with a = 0 gives
            // q = -(Delta/alpha) phi, and phi ends at asin(-u/u_c)/2
            double qEnd = m.position()[m.position().length - 1];
            double delta = t.wallWidth();
            assertEquals(delta / (2 * alpha) * Math.asin(f), qEnd, 1e-7 * delta / alpha);
        }
        for (double f : new double[] {1.01, 1.5, 4}) {
            WallMotion m = simulate(f * uc, 0, 0);
            assertEquals("precessing", m.regime());
            double u = f * uc;
            // the Tatara-Kohno result for beta = 0
            assertEquals(Math.sqrt(u * u - uc * uc) / (1 + alpha * alpha), m.velocity(), 1e-7 * u);
        }
    }

    @Test
    void fieldDrivenWalkerBreakdown() {
        WallTheory t = WallTheory.of(drive(0, 0.04, 1));
        double hW = t.walkerField();
        assertEquals(0.02 * 2 * 1e5 / (PhysicalConstants.MU_0 * 8e5) / 2, hW, 1e-9 * hW);
        double delta = t.wallWidth();
        double g0 = Material.DEFAULT_GAMMA0;
        WallMotion below = simulate(0, 0.04, 0.7 * hW);
        assertEquals("steady", below.regime());
        assertEquals(g0 * delta * 0.7 * hW / 0.02, below.velocity(), 1e-7 * below.velocity());
        assertEquals("steady", simulate(0, 0.04, 0.995 * hW).regime());
        assertEquals("precessing", simulate(0, 0.04, 1.005 * hW).regime());
        // above: <v> = (gamma0 Delta/alpha)(H - sqrt(H^2 - H_W^2)/(1 + alpha^2)), Schryer and Walker
        double h = 3 * hW;
        WallMotion above = simulate(0, 0.04, h);
        double expected = g0 * delta / 0.02 * (h - Math.sqrt(h * h - hW * hW) / (1 + 0.02 * 0.02));
        assertEquals(expected, above.velocity(), 1e-7 * expected);
    }

    @Test
    void betaEqualAlphaTranslatesTheWallAtU() {
        WallMotion m = simulate(500, 0.02, 0);
        assertEquals(500, m.velocity(), 1e-9 * 500);
        for (double phi : m.angle()) {
            assertEquals(0, phi, 1e-12);
        }
    }
}
