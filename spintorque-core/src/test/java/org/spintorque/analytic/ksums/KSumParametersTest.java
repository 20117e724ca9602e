package org.spintorque.analytic.ksums;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class KSumParametersTest {

    @Test
    void derivedQuantities() {
        KSumParameters p = new KSumParameters(1.0, 0.3, 4.0, 2.0);
        assertEquals(1.3, p.shellEnergy(+1), 1e-15);
        assertEquals(0.7, p.shellEnergy(-1), 1e-15);
        assertEquals(0.125, p.gamma(+1), 0.0);
        assertEquals(0.25, p.gamma(-1), 0.0);
        assertEquals(2.0, p.tau(-1), 0.0);
        assertEquals(new KSumParameters(1.0, 0.3, 8.0, 1.0), p.withTaus(8.0, 1.0));
    }

    @Test
    void rejectsUnphysicalInput() {
        assertThrows(IllegalArgumentException.class, () -> new KSumParameters(1.0, 0.0, 1.0, 1.0));
        assertThrows(IllegalArgumentException.class, () -> new KSumParameters(1.0, -0.1, 1.0, 1.0));
        assertThrows(IllegalArgumentException.class, () -> new KSumParameters(1.0, 0.3, 0.0, 1.0));
        assertThrows(IllegalArgumentException.class, () -> new KSumParameters(1.0, 0.3, 1.0, -1.0));
        assertThrows(IllegalArgumentException.class, () -> new KSumParameters(Double.NaN, 0.3, 1.0, 1.0));
        assertThrows(IllegalArgumentException.class,
                () -> new KSumParameters(1.0, 0.3, Double.POSITIVE_INFINITY, 1.0));
    }

    @Test
    void resultRatiosAndGuards() {
        KSumResult r = new KSumResult(2.0, 4.0, -0.1, -0.2, 0.0, 0.0, false, 0.1, 0.05, 1e-13,
                0.3, 0.1, 0.2, 0.05, 1.0, Math.PI * 0.15, false);
        assertEquals(0.5, r.aRatio(), 0.0);
        assertEquals(-0.05, r.bOverA(), 0.0);
        assertEquals(0.5, r.bRatio(), 0.0);
        assertEquals(1.0, r.sumRuleRatio(), 1e-15);
        assertThrows(IllegalStateException.class, r::aPrimeRatio);
        assertThrows(IllegalArgumentException.class, () -> new KSumResult(Double.NaN, 4.0, -0.1, -0.2, 0.0, 0.0,
                false, 0.1, 0.05, 1e-13, 0.3, 0.1, 0.2, 0.05, 1.0, 0.5, false));
        assertThrows(IllegalArgumentException.class, () -> new KSumResult(2.0, 4.0, -0.1, -0.2, 1.0, 0.0,
                false, 0.1, 0.05, 1e-13, 0.3, 0.1, 0.2, 0.05, 1.0, 0.5, false));
    }
}
