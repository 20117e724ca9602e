package org.spintorque.torque;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LatticeSpinFlipTheoryTest {
    /** The chain DOS 1/(pi sqrt(4t^2 - E^2)) integrates to one state per site (Simpson in E = 2t sin u). */
    @ParameterizedTest
    @CsvSource({"1, 1, 1", "1, 4, 1", "0.7, 3, 2"})
    void densityOfStatesIntegratesToOneStatePerSite(double t, int w, int h) {
        // substitution per transverse mode is not possible for the sum, so integrate numerically on a fine
        // grid between the band edges, avoiding the integrable 1/sqrt singularities by the midpoint rule
        double lo = -2 * t - 4 * t * (w > 1 ? 1 : 0) * 1.0 - 4 * t * (h > 1 ? 1 : 0);
        double hi = -lo;
        int n = 4_000_000;
        double de = (hi - lo) / n;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += LatticeSpinFlipTheory.densityOfStates(lo + (i + 0.5) * de, t, w, h) * de;
        }
        assertEquals(1.0, sum, 2e-3);
    }

    /** eq. (29) is linear in n_imp v_s^2 S^2 and equals 1/(2 M tau_sf) with the golden-rule rate. */
    @ParameterizedTest
    @CsvSource({"-1.5, 0.5, 4, 1", "-1.0, 1.0, 1, 1", "-3.0, 0.5, 3, 3"})
    void betaIsHbarOverTwoMTau(double e, double m, int w, int h) {
        double nu = LatticeSpinFlipTheory.densityOfStates(e + m, 1, w, h)
                + LatticeSpinFlipTheory.densityOfStates(e - m, 1, w, h);
        double rate = 4 * Math.PI / 3 * 0.1 * 0.09 * 1.0 * nu;
        assertEquals(rate / (2 * m), LatticeSpinFlipTheory.betaEq29(e, 0, 1, m, w, h, 0.1, 0.3, 1.0), 1e-15);
        assertEquals(4 * LatticeSpinFlipTheory.betaEq29(e, 0, 1, m, w, h, 0.1, 0.3, 1.0),
                LatticeSpinFlipTheory.betaEq29(e, 0, 1, m, w, h, 0.1, 0.6, 1.0), 1e-15);
    }
}
