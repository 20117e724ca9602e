package org.spintorque.wannier;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.spintorque.linalg.ComplexMatrix;
import org.spintorque.texture.Vector3;

/**
 * Eq. (29) for several orbitals: only the overlap of the two spins' local states flips spin, and the result does
 * not depend on the direction of the magnetization (the spectral function and the exchange turned together).
 */
class SpinFlipGoldenRuleTest {
    /**
     * Two orbitals with diagonal local spectral weights a_{o,s}: the rate is {@code (4 pi/3) w (sum_o a_o+ a_o-)
     * (1/sum_o a_o+ + 1/sum_o a_o-)}; with the majority weight in one orbital and the minority in the other there
     * is no spin flip at all, though the density of states of both spins is finite. Turned to a random axis, the
     * rate and M stay.
     */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4})
    void overlapOfTheTwoSpinsAndRotationInvariance(long seed) {
        Random rnd = new Random(seed);
        double[][] w = {{rnd.nextDouble(), rnd.nextDouble()}, {rnd.nextDouble(), rnd.nextDouble()}}; // [orbital][s]
        double[] split = {0.5 + rnd.nextDouble(), 0.5 + rnd.nextDouble()}; // M_o of X_0 = -M_o sigma_z per orbital
        ComplexMatrix a = new ComplexMatrix(4, 4);
        ComplexMatrix x0 = new ComplexMatrix(4, 4);
        for (int o = 0; o < 2; o++) {
            for (int s = 0; s < 2; s++) {
                a.set(2 * o + s, 2 * o + s, w[o][s], 0);
                x0.set(2 * o + s, 2 * o + s, s == 0 ? -split[o] : split[o], 0);
            }
        }
        double wsf = 0.04;
        double up = w[0][0] + w[1][0];
        double dn = w[0][1] + w[1][1];
        double overlap = w[0][0] * w[0][1] + w[1][0] * w[1][1];
        double rate = 4 * Math.PI / 3 * wsf * overlap * (1 / up + 1 / dn);
        double m = (split[0] * (w[0][0] + w[0][1]) + split[1] * (w[1][0] + w[1][1])) / (up + dn);
        assertEquals(rate, SpinFlipGoldenRule.rate(a, Vector3.Z, wsf), 1e-14);
        assertEquals(m, SpinFlipGoldenRule.exchange(a, x0, Vector3.Z), 1e-14);
        assertEquals(rate / (2 * m), SpinFlipGoldenRule.beta(a, x0, Vector3.Z, wsf), 1e-14);

        Vector3 axis = new Vector3(rnd.nextGaussian(), rnd.nextGaussian(), rnd.nextGaussian()).normalized();
        ComplexMatrix u = SpinSpiralResponse.spinBlock(2, SpinRotation.between(Vector3.Z, axis).su2());
        ComplexMatrix aTurned = u.times(a).times(u.dagger());
        ComplexMatrix xTurned = u.times(x0).times(u.dagger());
        assertEquals(rate, SpinFlipGoldenRule.rate(aTurned, axis, wsf), 1e-13);
        assertEquals(m, SpinFlipGoldenRule.exchange(aTurned, xTurned, axis), 1e-13);

        ComplexMatrix apart = new ComplexMatrix(4, 4);
        apart.set(0, 0, w[0][0], 0); // majority only in orbital 0
        apart.set(3, 3, w[1][1], 0); // minority only in orbital 1
        assertEquals(0, SpinFlipGoldenRule.rate(apart, Vector3.Z, wsf), 1e-15);
    }
}
