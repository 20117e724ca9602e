package org.spintorque.dynamics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.spintorque.texture.Vector3;

/**
 * Random drives (seeded): the integrated 1D model agrees with its closed forms in every regime, and the
 * trajectory obeys the exact relation dq/dt = (Delta/alpha)(gamma0 H + beta u/Delta - dphi/dt).
 */
class WallModel1DPropertyTest {
    record Drive(long seed, Material material, double u, double beta, double h) { }

    static Stream<Drive> drives() {
        return IntStream.range(0, 24).mapToObj(i -> {
            Random r = new Random(1234L + i);
            double ms = 3e5 + 1.4e6 * r.nextDouble();
            double a = 5e-12 + 2.5e-11 * r.nextDouble();
            double k = Math.pow(10, 3 + 3 * r.nextDouble());
            double kPerp = Math.pow(10, 3 + 3 * r.nextDouble());
            double alpha = Math.pow(10, -3 + 2.5 * r.nextDouble());
            Material m = new Material(ms, a, k, kPerp, alpha, Material.DEFAULT_GAMMA0, Vector3.X, Vector3.Z);
            WallTheory unit = WallTheory.of(new DrivingConditions(m, Vector3.ZERO, 0, Vector3.ZERO, null, null, 2,
                    "input", List.of()));
            // drives from well below to well above breakdown, either sign
            double u = (r.nextDouble() * 4 - 2) * unit.intrinsicThreshold();
            double h = (r.nextDouble() * 4 - 2) * unit.walkerField() * (r.nextBoolean() ? 1 : 0);
            double beta = r.nextInt(4) == 0 ? alpha : 3 * alpha * r.nextDouble();
            return new Drive(1234L + i, m, u, beta, h);
        });
    }

    @ParameterizedTest
    @MethodSource("drives")
    void integratedVelocityMatchesTheClosedForm(Drive d) {
        DrivingConditions c = new DrivingConditions(d.material(), new Vector3(d.u(), 0, 0), d.beta(),
                new Vector3(d.h(), 0, 0), null, null, 2, "input", List.of());
        WallTheory t = WallTheory.of(c);
        double margin = Math.abs(Math.abs(t.angleDrive()) / t.angleRestoring() - 1);
        WallMotion m = new WallModel1D(t).simulate(new WallModel1D.Options(Double.NaN, 401, 1e-10));
        double scale = Math.abs(d.u()) + t.gamma0() * t.wallWidth() * Math.abs(d.h()) / d.material().alpha()
                + 1e-3;
        if (margin > 0.01) {
            assertEquals(t.belowBreakdown() ? "steady" : "precessing", m.regime(), d.toString());
            assertEquals(t.averageVelocity(), m.velocity(), 1e-6 * scale, d.toString());
        }
        // the exact relation between the two rates holds at every sample
        double a = t.gamma0() * d.h() + d.beta() * d.u() / t.wallWidth();
        double[] rates = new double[2];
        WallModel1D model = new WallModel1D(t);
        for (int i = 0; i < m.times().length; i += 40) {
            model.rates(m.angle()[i], rates);
            assertEquals(t.wallWidth() / d.material().alpha() * (a - rates[1]), m.speed()[i], 1e-9 * scale);
        }
    }
}
