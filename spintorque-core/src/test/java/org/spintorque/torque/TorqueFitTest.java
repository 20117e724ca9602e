package org.spintorque.torque;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TorqueFitTest {
    /** A Neel wall theta(x) = 2 atan(exp((x - c)/w)) sampled on slices, with its exact derivative. */
    static double[][][] wall(int slices, double center, double width, double phi) {
        double[][] n = new double[slices][];
        double[][] dn = new double[slices][];
        for (int i = 0; i < slices; i++) {
            double th = 2 * Math.atan(Math.exp((i - center) / width));
            double dth = Math.sin(th) / width; // d theta/dx = sin(theta)/w for this profile
            n[i] = new double[] {Math.sin(th) * Math.cos(phi), Math.sin(th) * Math.sin(phi), Math.cos(th)};
            dn[i] = new double[] {Math.cos(th) * Math.cos(phi) * dth, Math.cos(th) * Math.sin(phi) * dth,
                -Math.sin(th) * dth};
        }
        return new double[][][] {n, dn};
    }

    /** A profile made of the two forms is fitted exactly, whatever the coefficients and wall. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void recoversExactCoefficients(long seed) {
        Random r = new Random(seed);
        int slices = 20 + r.nextInt(60);
        double[][][] w = wall(slices, slices / 2.0 + r.nextDouble(), 1 + 5 * r.nextDouble(), 2 * Math.PI * r.nextDouble());
        double ca = r.nextGaussian();
        double cn = 0.1 * r.nextGaussian();
        double[][] tau = new double[slices][3];
        for (int i = 0; i < slices; i++) {
            double[] c = TorqueFit.cross(w[0][i], w[1][i]);
            for (int a = 0; a < 3; a++) {
                tau[i][a] = ca * w[1][i][a] + cn * c[a];
            }
        }
        TorqueFit.Result f = TorqueFit.fit(w[0], w[1], tau, 1e-3);
        assertEquals(ca, f.ca(), 1e-12 * Math.abs(ca));
        assertEquals(cn, f.cn(), 1e-12 * Math.max(Math.abs(cn), Math.abs(ca)));
        assertEquals(cn / ca, f.beta(), 1e-10 * Math.abs(cn / ca) + 1e-12);
        assertEquals(1.0, f.rSquared(), 1e-12);
        assertTrue(f.alongN() < 1e-12);
        // adiabatic torque -P J d_x n gives back P
        assertEquals(0.37, TorqueFit.fit(w[0], w[1], scale(w[1], -0.37 * 2.5), 1e-3).polarization(2.5), 1e-12);
    }

    /** A component along n or a torque not of the two forms shows up in the fit quality. */
    @org.junit.jupiter.api.Test
    void reportsWhatTheFormsDoNotExplain() {
        double[][][] w = wall(50, 25, 4, 0);
        double[][] tau = new double[50][3];
        for (int i = 0; i < 50; i++) {
            for (int a = 0; a < 3; a++) {
                tau[i][a] = w[1][i][a] + 0.3 * w[0][i][a] * Math.exp(-Math.pow((i - 25) / 4.0, 2));
            }
        }
        TorqueFit.Result f = TorqueFit.fit(w[0], w[1], tau, 1e-3);
        assertEquals(1.0, f.ca(), 1e-12); // the n-component is orthogonal to both forms
        assertTrue(f.alongN() > 0.1 && f.relativeResidual() > 0.05, f.toString());
        assertThrows(IllegalArgumentException.class,
                () -> TorqueFit.fit(new double[][] {{0, 0, 1}}, new double[][] {{0, 0, 0}}, new double[][] {{0, 0, 0}}, 1e-3));
    }

    static double[][] scale(double[][] v, double s) {
        double[][] o = new double[v.length][3];
        for (int i = 0; i < v.length; i++) {
            for (int a = 0; a < 3; a++) {
                o[i][a] = s * v[i][a];
            }
        }
        return o;
    }
}
