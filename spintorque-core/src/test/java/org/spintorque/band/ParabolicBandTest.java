package org.spintorque.band;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.spintorque.units.PhysicalConstants;

class ParabolicBandTest {
    /** Electron mass in hbar^2/(eV nm^2). */
    static final double ME = 1 / (2 * PhysicalConstants.HBAR2_OVER_2ME_EV_NM2);

    @Test
    void fermiWavevectorOfOneElectronVoltFromSiConstants() {
        // k_F = sqrt(2 m_e E)/hbar in SI, independently of the internal units
        double kSi = Math.sqrt(2 * PhysicalConstants.ELECTRON_MASS * PhysicalConstants.ELEMENTARY_CHARGE)
                / PhysicalConstants.HBAR;
        assertEquals(kSi * 1e-9, new ParabolicBand(ME).fermiWavevector(1.0), 1e-12 * kSi * 1e-9);
    }

    /** The DOS is the derivative of the density: nu = dn/dE (central difference). */
    @ParameterizedTest
    @ValueSource(doubles = {0.05, 0.5, 2.0, 7.3})
    void densityOfStatesIsDerivativeOfDensity(double e) {
        ParabolicBand b = new ParabolicBand(0.7 * ME);
        double h = 1e-5 * e;
        double dndE = (b.density(e + h) - b.density(e - h)) / (2 * h);
        assertEquals(dndE, b.densityOfStates(e), 1e-8 * dndE);
    }

    /** n(E) = integral of nu from the band bottom (Simpson with the substitution E = x^2). */
    @Test
    void densityIsIntegralOfDensityOfStates() {
        ParabolicBand b = new ParabolicBand(ME);
        double e = 3.0;
        int n = 2000;
        double xmax = Math.sqrt(e);
        double h = xmax / n;
        double sum = 0;
        for (int i = 0; i <= n; i++) {
            double x = i * h;
            double f = b.densityOfStates(x * x) * 2 * x;
            sum += f * (i == 0 || i == n ? 1 : (i % 2 == 1 ? 4 : 2));
        }
        assertEquals(b.density(e), sum * h / 3, 1e-10 * b.density(e));
    }

    /** Free-electron gas: n = (2 m E)^{3/2} / (6 pi^2 hbar^3) per spin, compared in SI. */
    @Test
    void densityAgainstSiFormula() {
        double e = 2.0;
        double mSi = 1.3 * PhysicalConstants.ELECTRON_MASS;
        double nSi = Math.pow(2 * mSi * e * PhysicalConstants.ELEMENTARY_CHARGE, 1.5)
                / (6 * Math.PI * Math.PI * Math.pow(PhysicalConstants.HBAR, 3));
        assertEquals(nSi * 1e-27, new ParabolicBand(1.3 * ME).density(e), 1e-12 * nSi * 1e-27);
    }

    @Test
    void emptyBandBelowItsBottomAndBadMass() {
        ParabolicBand b = new ParabolicBand(ME);
        assertEquals(0, b.density(-0.1));
        assertEquals(0, b.densityOfStates(-0.1));
        assertEquals(0, b.fermiWavevector(0));
        assertThrows(IllegalArgumentException.class, () -> new ParabolicBand(0));
        assertThrows(IllegalArgumentException.class, () -> new ParabolicBand(Double.NaN));
    }
}
