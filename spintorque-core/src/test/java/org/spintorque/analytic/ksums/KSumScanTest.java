package org.spintorque.analytic.ksums;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

class KSumScanTest {

    @Test
    void rescalesBothLifetimesFromTheBandBottom() {
        CubicLatticeKSums lattice = new CubicLatticeKSums(1.0);
        KSumParameters base = new KSumParameters(-4.0, 0.3, 7.0, 21.0);
        double[] x = {10, 100, 1000};
        List<KSumScan.Row> rows = KSumScan.scan(lattice, base, x);
        assertEquals(3, rows.size());
        for (int i = 0; i < x.length; i++) {
            KSumScan.Row row = rows.get(i);
            assertEquals(x[i], row.fermiTimesTau());
            // E_F from the band bottom is E_F + 6t = 2.
            assertEquals(x[i], 2.0 * row.parameters().tauUp(), 1e-12 * x[i]);
            assertEquals(3.0, row.parameters().tauDn() / row.parameters().tauUp(), 1e-14);
            assertEquals(base.fermiEnergy(), row.parameters().fermiEnergy());
            assertEquals(base.exchange(), row.parameters().exchange());
            assertEquals(lattice.evaluate(row.parameters()), row.result());
        }
        List<KSumScan.Row> parabolic = KSumScan.scan(new ParabolicKSums(1.0), new KSumParameters(2.0, 0.3, 1, 1),
                new double[] {50});
        assertEquals(25.0, parabolic.get(0).parameters().tauUp(), 1e-12);
    }

    @Test
    void logSpacing() {
        double[] x = KSumScan.logSpaced(10, 1000, 5);
        assertEquals(10, x[0], 0.0);
        assertEquals(1000, x[4], 0.0);
        assertEquals(100, x[2], 1e-12);
        assertThrows(IllegalArgumentException.class, () -> KSumScan.logSpaced(0, 10, 3));
        assertThrows(IllegalArgumentException.class, () -> KSumScan.logSpaced(1, 10, 1));
    }

    @Test
    void rejectsBadInput() {
        ParabolicKSums band = new ParabolicKSums(1.0);
        assertThrows(IllegalArgumentException.class,
                () -> KSumScan.scan(band, new KSumParameters(-0.1, 0.3, 1, 1), new double[] {10}));
        assertThrows(IllegalArgumentException.class,
                () -> KSumScan.scan(band, new KSumParameters(1, 0.3, 1, 1), new double[] {0}));
        assertThrows(IllegalArgumentException.class,
                () -> KSumScan.scan(band, new KSumParameters(1, 0.3, 1, 1), new double[] {Double.NaN}));
    }
}
