package org.spintorque.texture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.spintorque.lattice.LeadSide;
import org.spintorque.texture.DomainWallTexture.WallType;

/** Unit length, limits, gradients and the analytic profiles of the textures. */
class TextureTest {
    static LongStream seeds() {
        return LongStream.range(1, 11);
    }

    static Vector3 unit(SplittableRandom rnd) {
        double cz = rnd.nextDouble(-1, 1);
        double ph = rnd.nextDouble(0, 2 * Math.PI);
        double s = Math.sqrt(1 - cz * cz);
        return new Vector3(s * Math.cos(ph), s * Math.sin(ph), cz);
    }

    static List<Texture> randomTextures(SplittableRandom rnd) {
        double c = rnd.nextDouble(-5, 5);
        return List.of(new UniformTexture(unit(rnd).times(rnd.nextDouble(0.1, 3))),
                new DomainWallTexture(c, rnd.nextDouble(0.3, 5), WallType.NEEL, rnd.nextDouble(0, 7)),
                new DomainWallTexture(c, rnd.nextDouble(0.3, 5), WallType.BLOCH, rnd.nextDouble(0, 7)),
                new SpiralTexture(rnd.nextDouble(-2, 2), c, unit(rnd), unit(rnd)),
                new VortexTexture(c, rnd.nextDouble(-3, 3), rnd.nextDouble(0.5, 3), rnd.nextBoolean() ? 1 : -1,
                        rnd.nextBoolean() ? 1 : -1),
                new SkyrmionTexture(c, rnd.nextDouble(-3, 3), rnd.nextDouble(0.5, 4), rnd.nextDouble(0.3, 2),
                        rnd.nextBoolean() ? 1 : -1, rnd.nextDouble(-4, 4)));
    }

    /** Fourth-order centered difference of n along x. */
    static Vector3 fd4(Texture t, double x, double y, double z, double h) {
        Vector3 a = t.n(x + h, y, z).minus(t.n(x - h, y, z)).times(8);
        Vector3 b = t.n(x + 2 * h, y, z).minus(t.n(x - 2 * h, y, z));
        return a.minus(b).times(1 / (12 * h));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void unitLengthAndGradientAgainstFiniteDifference(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        for (Texture t : randomTextures(rnd)) {
            for (int p = 0; p < 200; p++) {
                double x = rnd.nextDouble(-15, 15);
                double y = rnd.nextDouble(-6, 6);
                double z = rnd.nextDouble(-2, 2);
                Vector3 n = t.n(x, y, z);
                assertEquals(1, n.norm(), 1e-14, t + " at " + x + "," + y);
                Vector3 d = t.dxN(x, y, z);
                Vector3 ref = fd4(t, x, y, z, 1e-3);
                double scale = 1 + ref.norm();
                assertEquals(0, d.maxAbsDifference(ref), 2e-7 * scale, t + " d_x n at " + x + "," + y);
                // n . d_x n = 0 for a unit vector field
                assertEquals(0, n.dot(d), 2e-7 * scale);
                assertEquals(0, t.nCrossDxN(x, y, z).maxAbsDifference(n.cross(d)), 1e-15);
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void domainWallLimitsProfileAndWidth(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double c = rnd.nextDouble(-10, 10);
        double w = rnd.nextDouble(0.2, 6);
        double phi = rnd.nextDouble(0, 2 * Math.PI);
        for (WallType type : WallType.values()) {
            DomainWallTexture dw = new DomainWallTexture(c, w, type, phi);
            // +z on the left, -z on the right: exactly in the limits, to exp(-40) far away
            assertEquals(Vector3.Z, dw.limit(LeadSide.LEFT, 0, 0));
            assertEquals(new Vector3(0, 0, -1), dw.limit(LeadSide.RIGHT, 0, 0));
            assertEquals(0, dw.n(c - 20 * w, 0, 0).maxAbsDifference(Vector3.Z), 1e-8);
            assertEquals(0, dw.n(c + 20 * w, 0, 0).maxAbsDifference(new Vector3(0, 0, -1)), 1e-8);
            assertEquals(0, dw.n(-1e300, 0, 0).maxAbsDifference(Vector3.Z), 0.0);
            assertEquals(0, dw.n(1e300, 0, 0).maxAbsDifference(new Vector3(0, 0, -1)), 0.0);
            // profile: theta = 2 atan(exp((x-c)/w)), so cos theta = -tanh((x-c)/w), theta(c) = pi/2
            for (int p = 0; p < 50; p++) {
                double x = rnd.nextDouble(c - 8 * w, c + 8 * w);
                assertEquals(Math.cos(dw.theta(x)), dw.n(x, 0, 0).z(), 1e-14);
                assertEquals(-Math.tanh((x - c) / w), dw.n(x, 0, 0).z(), 1e-14);
                assertEquals(Math.sin(dw.theta(x)), Math.hypot(dw.n(x, 0, 0).x(), dw.n(x, 0, 0).y()), 1e-14);
            }
            assertEquals(Math.PI / 2, dw.theta(c), 1e-15);
            // slope at the center: d_x n_z = -1/w, and the in-plane part rotates by pi over the wall
            assertEquals(-1 / w, dw.dxN(c, 0, 0).z(), 1e-14 / w);
            // analytic width: integral of |d_x n|^2 dx = integral of sin^2 theta / w^2 = 2 / w,
            // integral of (1 - n_z^2) dx = 2 w (Simpson over +-30 w)
            int steps = 6000;
            double h = 60 * w / steps;
            double sumGrad = 0;
            double sumPerp = 0;
            for (int k = 0; k <= steps; k++) {
                double x = c - 30 * w + k * h;
                double f = k == 0 || k == steps ? 1 : (k % 2 == 1 ? 4 : 2);
                Vector3 d = dw.dxN(x, 0, 0);
                double nz = dw.n(x, 0, 0).z();
                sumGrad += f * d.dot(d);
                sumPerp += f * (1 - nz * nz);
            }
            assertEquals(2 / w, sumGrad * h / 3, 1e-9 / w);
            assertEquals(2 * w, sumPerp * h / 3, 1e-9 * w);
            // the plane of rotation: Neel (phi = 0) in x-z, Bloch (phi = 0) in y-z; phi rotates it about z
            Vector3 mid = dw.n(c, 0, 0);
            double az = type == WallType.NEEL ? phi : phi + Math.PI / 2;
            assertEquals(0, mid.maxAbsDifference(new Vector3(Math.cos(az), Math.sin(az), 0)), 1e-15);
        }
        assertEquals(0, new DomainWallTexture(0, 1, WallType.NEEL).n(0.3, 0, 0).y(), 0.0);
        assertEquals(0, new DomainWallTexture(0, 1, WallType.BLOCH).n(0.3, 0, 0).x(), 1e-16);
        assertEquals(WallType.NEEL, WallType.parse("Neel"));
        assertEquals(WallType.BLOCH, WallType.parse("bloch"));
        assertThrows(IllegalArgumentException.class, () -> WallType.parse("helical"));
        assertThrows(IllegalArgumentException.class, () -> new DomainWallTexture(0, 0, WallType.NEEL));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void spiralPeriodAndPlane(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double q = rnd.nextDouble(0.05, 2);
        SpiralTexture s = new SpiralTexture(q, rnd.nextDouble(-3, 3), unit(rnd), unit(rnd));
        Vector3 normal = s.e1().cross(s.e2());
        for (int p = 0; p < 50; p++) {
            double x = rnd.nextDouble(-20, 20);
            assertEquals(0, s.n(x, 0, 0).maxAbsDifference(s.n(x + 2 * Math.PI / q, 3, 1)), 1e-12);
            assertEquals(0, s.n(x, 0, 0).dot(normal), 1e-15);
            assertEquals(q, s.dxN(x, 0, 0).norm(), 1e-14);
            // n x d_x n = q (e1 x e2): constant, the rotation sense
            assertEquals(0, s.nCrossDxN(x, 0, 0).maxAbsDifference(normal.times(q)), 1e-14);
        }
        assertEquals(null, s.limit(LeadSide.LEFT, 0, 0));
        assertEquals(0, SpiralTexture.cycloid(0.3).n(1, 0, 0).y(), 0.0);
        assertEquals(0, SpiralTexture.helix(0.3).n(1, 0, 0).x(), 0.0);
    }

    /** Skyrmion number Q = (1/4 pi) integral n . (d_x n x d_y n) dx dy on a grid with fourth-order differences. */
    static double skyrmionNumber(Texture t, double x0, double y0, double half, int cells) {
        double h = 2 * half / cells;
        double sum = 0;
        for (int a = 0; a < cells; a++) {
            for (int b = 0; b < cells; b++) {
                double x = x0 - half + (a + 0.5) * h;
                double y = y0 - half + (b + 0.5) * h;
                double e = 1e-3;
                Vector3 dx = t.n(x + e, y, 0).minus(t.n(x - e, y, 0)).times(1 / (2 * e));
                Vector3 dy = t.n(x, y + e, 0).minus(t.n(x, y - e, 0)).times(1 / (2 * e));
                sum += t.n(x, y, 0).dot(dx.cross(dy));
            }
        }
        return sum * h * h / (4 * Math.PI);
    }

    @Test
    void skyrmionAndVortexProfilesAndTopologicalCharge() {
        for (int p : new int[] {1, -1}) {
            for (double gamma : new double[] {0, Math.PI / 2, -Math.PI / 2, 1.0}) {
                SkyrmionTexture sk = new SkyrmionTexture(1.5, -0.5, 3, 1, p, gamma);
                assertEquals(0, sk.n(1.5, -0.5, 0).maxAbsDifference(new Vector3(0, 0, p)), 1e-15);
                assertEquals(0, sk.n(4.5, -0.5, 0).z(), 1e-14); // n_z = 0 at r = R
                assertEquals(-p, sk.n(60, 20, 0).z(), 1e-12);
                assertEquals(new Vector3(0, 0, -p), sk.limit(LeadSide.RIGHT, 0, 0));
                // helicity: in-plane part at angle phi + gamma
                Vector3 wall = sk.n(1.5 + 3 * Math.cos(0.4), -0.5 + 3 * Math.sin(0.4), 0);
                assertEquals(Math.atan2(Math.sin(0.4 + gamma), Math.cos(0.4 + gamma)),
                        Math.atan2(wall.y(), wall.x()), 1e-12);
                // vorticity +1: the skyrmion number equals the polarity
                assertEquals(p, skyrmionNumber(sk, 1.5, -0.5, 14, 280), 2e-3);
            }
            for (int c : new int[] {1, -1}) {
                VortexTexture v = new VortexTexture(0.2, 0.7, 2, p, c);
                assertEquals(0, v.n(0.2, 0.7, 5).maxAbsDifference(new Vector3(0, 0, p)), 0.0);
                // far from the core: in plane, circulating with the sense c (n . e_phi = c)
                Vector3 far = v.n(0.2 + 30 * Math.cos(1.1), 0.7 + 30 * Math.sin(1.1), 0);
                assertEquals(0, far.z(), 1e-15);
                assertEquals(c, far.dot(new Vector3(-Math.sin(1.1), Math.cos(1.1), 0)), 1e-12);
                assertEquals(new Vector3(0, -c, 0), v.limit(LeadSide.LEFT, 0, 0));
                assertEquals(0, v.n(-1e6, 3, 0).maxAbsDifference(v.limit(LeadSide.LEFT, 3, 0)), 1e-5);
                assertEquals(0, v.n(1e6, 3, 0).maxAbsDifference(v.limit(LeadSide.RIGHT, 3, 0)), 1e-5);
                // a vortex is half a skyrmion (a meron): Q = p / 2
                assertEquals(p / 2.0, skyrmionNumber(v, 0.2, 0.7, 10, 200), 2e-3);
            }
        }
        assertThrows(IllegalArgumentException.class, () -> new VortexTexture(0, 0, 1, 2, 1));
        assertThrows(IllegalArgumentException.class, () -> new SkyrmionTexture(0, 0, -1, 1, 0));
    }

    @Test
    void uniformTextureIsNormalized() {
        UniformTexture u = new UniformTexture(0, 3, 4);
        assertEquals(0, u.n(1, 2, 3).maxAbsDifference(new Vector3(0, 0.6, 0.8)), 1e-15);
        assertEquals(Vector3.ZERO, u.dxN(1, 2, 3));
        assertEquals(u.direction(), u.limit(LeadSide.LEFT, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new UniformTexture(0, 0, 0));
        assertTrue(u.toString().contains("uniform"));
    }
}
