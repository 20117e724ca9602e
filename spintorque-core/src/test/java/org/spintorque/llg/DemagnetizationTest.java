package org.spintorque.llg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The demagnetizing field: Newell tensor identities, demag factors of bodies, FFT = direct convolution. */
class DemagnetizationTest {
    private static final WorkerPool POOL = new WorkerPool(2);
    private static final double MS = 8e5;

    @AfterAll
    static void close() {
        POOL.close();
    }

    /** Average demag factor N_aa = -<H_a>/Ms of a body uniformly magnetized along axis a. */
    private static double[] factors(Grid grid, FieldTerm demag) {
        double[] n = new double[3];
        for (int a = 0; a < 3; a++) {
            double[] dir = new double[3];
            dir[a] = 1;
            double[] m = InitialState.uniform(grid, dir);
            double[] h = grid.newVectorField();
            demag.addField(m, h);
            double s = 0;
            for (int i = 0; i < grid.cells(); i++) {
                s += h[a * grid.cells() + i];
            }
            n[a] = -s / grid.cells() / MS;
        }
        return n;
    }

    private static double[] selfFactors(double a, double b, double c) {
        double[] out = new double[6];
        new NewellTensor(a, b, c).components(0, 0, 0, out);
        return out;
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void traceOfTheSelfTensorIsOne(long seed) {
        Random r = new Random(seed);
        double a = 1e-9 * (0.2 + 10 * r.nextDouble());
        double b = 1e-9 * (0.2 + 10 * r.nextDouble());
        double c = 1e-9 * (0.2 + 10 * r.nextDouble());
        double[] n = selfFactors(a, b, c);
        assertEquals(1, n[0] + n[1] + n[2], 1e-12);
        assertEquals(0, n[3], 1e-14);
    }

    @Test
    void cubeHasOneThirdAlongEachAxis() {
        Grid grid = new Grid(6, 6, 6, 2e-9, 2e-9, 2e-9);
        double[] n = factors(grid, new Demagnetization(grid, MS, POOL));
        for (double v : n) {
            assertEquals(1.0 / 3, v, 1e-10);
        }
    }

    /**
     * Superposition: a body cut into cells has the same average demag factors as the body taken as one
     * cell (the Newell tensor is exact for cuboids), for a flat and an elongated (prolate) body, with the
     * near field from Newell's formula and the far field from the quadrature.
     */
    @ParameterizedTest
    @ValueSource(strings = {"40,40,1,5,5,1", "8,8,2,2,3,1", "2,2,24,2,2,2", "64,16,1,3,3,2"})
    void discretizedBodyHasTheFactorsOfTheWholeCuboid(String spec) {
        String[] p = spec.split(",");
        int nx = Integer.parseInt(p[0]);
        int ny = Integer.parseInt(p[1]);
        int nz = Integer.parseInt(p[2]);
        double dx = Double.parseDouble(p[3]) * 1e-9;
        double dy = Double.parseDouble(p[4]) * 1e-9;
        double dz = Double.parseDouble(p[5]) * 1e-9;
        Grid grid = new Grid(nx, ny, nz, dx, dy, dz);
        double[] n = factors(grid, new Demagnetization(grid, MS, POOL));
        double[] whole = selfFactors(nx * dx, ny * dy, nz * dz);
        for (int a = 0; a < 3; a++) {
            assertEquals(whole[a], n[a], 2e-7, "axis " + a + " of " + grid);
        }
        assertEquals(1, n[0] + n[1] + n[2], 2e-7);
    }

    @Test
    void thinFilmTendsToNzOne() {
        double previous = 0;
        for (double aspect : new double[] {10, 100, 1000}) {
            double[] n = selfFactors(aspect * 1e-9, aspect * 1e-9, 1e-9);
            assertTrue(n[2] > previous);
            previous = n[2];
            assertEquals(n[0], n[1], 1e-12);
        }
        assertTrue(1 - previous < 5e-3, "N_z of a 1000:1 plate is " + previous);
        // a prolate rod 1 x 1 x 50: N_z -> 0, N_x = N_y -> 1/2
        double[] rod = selfFactors(1e-9, 1e-9, 50e-9);
        assertTrue(rod[2] < 0.03, "N_z of a long rod is " + rod[2]);
        assertEquals(rod[0], rod[1], 1e-12);
    }

    /** Newell's f and g against the cell-averaged dipole kernel at intermediate distance, all six components. */
    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13, 14})
    void newellMatchesTheAveragedDipoleKernelAtDistance(long seed) {
        Random r = new Random(seed);
        double dx = 2e-9 * (0.5 + r.nextDouble());
        double dy = 2e-9 * (0.5 + r.nextDouble());
        double dz = 2e-9 * (0.5 + r.nextDouble());
        NewellTensor t = new NewellTensor(dx, dy, dz);
        double dmax = Math.max(dx, Math.max(dy, dz));
        double[] dir = {r.nextGaussian(), r.nextGaussian(), r.nextGaussian()};
        double len = Math.sqrt(dir[0] * dir[0] + dir[1] * dir[1] + dir[2] * dir[2]);
        double dist = 12 * dmax;
        double x = dist * dir[0] / len;
        double y = dist * dir[1] / len;
        double z = dist * dir[2] / len;
        double[] far = new double[6];
        t.farField(x, y, z, far);
        double[] exact = {NewellTensor.nxx(x, y, z, dx, dy, dz), NewellTensor.nxx(y, x, z, dy, dx, dz),
            NewellTensor.nxx(z, y, x, dz, dy, dx), NewellTensor.nxy(x, y, z, dx, dy, dz),
            NewellTensor.nxy(x, z, y, dx, dz, dy), NewellTensor.nxy(y, z, x, dy, dz, dx)};
        double scale = dx * dy * dz / (4 * Math.PI * dist * dist * dist);
        for (int c = 0; c < 6; c++) {
            assertEquals(exact[c], far[c], 1e-5 * scale, "component " + c);
        }
    }

    /** The FFT convolution equals the direct O(N^2) sum over the Newell tensor, for a random magnetization. */
    @ParameterizedTest
    @ValueSource(strings = {"5,3,2", "7,1,1", "4,6,1", "3,3,3"})
    void fftEqualsDirectConvolution(String size) {
        String[] p = size.split(",");
        Grid grid = new Grid(Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2]),
                3e-9, 2e-9, 4e-9);
        Random r = new Random(size.hashCode());
        int n = grid.cells();
        double[] m = grid.newVectorField();
        for (int i = 0; i < m.length; i++) {
            m[i] = r.nextGaussian();
        }
        InitialState.normalize(m);
        double[] h = grid.newVectorField();
        new Demagnetization(grid, MS, POOL).addField(m, h);
        NewellTensor t = new NewellTensor(grid.dx(), grid.dy(), grid.dz());
        double[] nn = new double[6];
        double max = 0;
        for (int i = 0; i < n; i++) {
            int ix = i % grid.nx();
            int iy = (i / grid.nx()) % grid.ny();
            int iz = i / (grid.nx() * grid.ny());
            double[] direct = new double[3];
            for (int j = 0; j < n; j++) {
                int jx = j % grid.nx();
                int jy = (j / grid.nx()) % grid.ny();
                int jz = j / (grid.nx() * grid.ny());
                t.components((ix - jx) * grid.dx(), (iy - jy) * grid.dy(), (iz - jz) * grid.dz(), nn);
                double mx = m[j];
                double my = m[n + j];
                double mz = m[2 * n + j];
                direct[0] -= MS * (nn[0] * mx + nn[3] * my + nn[4] * mz);
                direct[1] -= MS * (nn[3] * mx + nn[1] * my + nn[5] * mz);
                direct[2] -= MS * (nn[4] * mx + nn[5] * my + nn[2] * mz);
            }
            for (int c = 0; c < 3; c++) {
                max = Math.max(max, Math.abs(direct[c] - h[c * n + i]));
            }
        }
        assertTrue(max < 1e-9 * MS, "largest |H_fft - H_direct| = " + max + " A/m");
    }

    @Test
    void fftRoundTripAndParseval() {
        Random r = new Random(7);
        Fft fft = new Fft(64);
        double[] re = new double[64];
        double[] im = new double[64];
        double[] re0 = new double[64];
        double energy = 0;
        for (int i = 0; i < 64; i++) {
            re[i] = r.nextGaussian();
            re0[i] = re[i];
            energy += re[i] * re[i];
        }
        fft.forward(re, im);
        double spectral = 0;
        for (int i = 0; i < 64; i++) {
            spectral += re[i] * re[i] + im[i] * im[i];
        }
        assertEquals(energy, spectral / 64, 1e-10 * energy);
        // one coefficient against its definition
        double sr = 0;
        double si = 0;
        for (int j = 0; j < 64; j++) {
            sr += re0[j] * Math.cos(2 * Math.PI * 5 * j / 64);
            si -= re0[j] * Math.sin(2 * Math.PI * 5 * j / 64);
        }
        assertEquals(sr, re[5], 1e-10);
        assertEquals(si, im[5], 1e-10);
        fft.inverse(re, im);
        for (int i = 0; i < 64; i++) {
            assertEquals(re0[i], re[i] / 64, 1e-12);
        }
    }
}
