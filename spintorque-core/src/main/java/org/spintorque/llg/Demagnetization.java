package org.spintorque.llg;

/**
 * The demagnetizing (stray) field of the whole body with open boundaries,
 * {@code H_i = -Ms sum_j N(r_i - r_j) m_j}, with the exact cell-averaged tensor of {@link NewellTensor}.
 * The sum is a discrete convolution, done by zero-padded FFT (each axis padded to a power of two
 * {@code >= 2n - 1}, so the cyclic convolution equals the open one): O(N log N) per evaluation.
 *
 * <p>The tensor's spectrum is real: each component is even or odd in pairs of axes, so its transform has no
 * imaginary part, and only six real arrays are kept. All work arrays are allocated once, here.
 */
public final class Demagnetization implements FieldTerm {
    private final Grid grid;
    private final double ms;
    private final int px;
    private final int py;
    private final int pz;
    private final double[][] kernel; // xx, yy, zz, xy, xz, yz spectra, real
    private final double[][] re;
    private final double[][] im;
    private final Fft3d fft;
    private final WorkerPool pool;
    private double[] m;
    private double[] h;
    private final WorkerPool.Slab load = this::load;
    private final WorkerPool.Slab multiply = this::multiply;
    private final WorkerPool.Slab store = this::store;

    public Demagnetization(Grid grid, double ms, WorkerPool pool) {
        this.grid = grid;
        this.ms = ms;
        this.pool = pool;
        this.px = padded(grid.nx());
        this.py = padded(grid.ny());
        this.pz = padded(grid.nz());
        int size = px * py * pz;
        this.re = new double[3][size];
        this.im = new double[3][size];
        this.fft = new Fft3d(px, py, pz, grid.nx(), grid.ny(), grid.nz(), re, im, pool);
        this.kernel = spectrum(grid, px, py, pz, pool);
    }

    private static int padded(int n) {
        return n == 1 ? 1 : Fft.nextPowerOfTwo(2 * n - 1);
    }

    @Override
    public String name() {
        return "demag";
    }

    /** The padded FFT box (px, py, pz). */
    public int[] paddedSize() {
        return new int[] {px, py, pz};
    }

    /**
     * The tensor on the padded box (displacement ix dx for ix &lt; nx, (ix - px) dx above: cyclic order) and
     * its transform. Computed on the octant X, Y, Z >= 0 and mirrored with the parity of each component.
     */
    private static double[][] spectrum(Grid grid, int px, int py, int pz, WorkerPool pool) {
        int size = px * py * pz;
        double[][] kRe = new double[6][size];
        double[][] kIm = new double[6][size];
        int nx = grid.nx();
        int ny = grid.ny();
        int nz = grid.nz();
        NewellTensor tensor = new NewellTensor(grid.dx(), grid.dy(), grid.dz());
        // parity of xx, yy, zz, xy, xz, yz under x -> -x, y -> -y, z -> -z
        int[][] odd = {{0, 0, 0}, {0, 0, 0}, {0, 0, 0}, {1, 1, 0}, {1, 0, 1}, {0, 1, 1}};
        pool.run(nx * ny * nz, (from, to, w) -> {
            double[] n6 = new double[6];
            for (int t = from; t < to; t++) {
                int ix = t % nx;
                int iy = (t / nx) % ny;
                int iz = t / (nx * ny);
                tensor.components(ix * grid.dx(), iy * grid.dy(), iz * grid.dz(), n6);
                for (int sx = 0; sx < (ix == 0 ? 1 : 2); sx++) {
                    for (int sy = 0; sy < (iy == 0 ? 1 : 2); sy++) {
                        for (int sz = 0; sz < (iz == 0 ? 1 : 2); sz++) {
                            int jx = sx == 0 ? ix : px - ix;
                            int jy = sy == 0 ? iy : py - iy;
                            int jz = sz == 0 ? iz : pz - iz;
                            int j = jx + px * (jy + py * jz);
                            for (int c = 0; c < 6; c++) {
                                int flips = odd[c][0] * sx + odd[c][1] * sy + odd[c][2] * sz;
                                kRe[c][j] = (flips & 1) == 0 ? n6[c] : -n6[c];
                            }
                        }
                    }
                }
            }
        });
        // transform the six components three at a time with the same machinery as the field
        for (int half = 0; half < 2; half++) {
            double[][] r = {kRe[3 * half], kRe[3 * half + 1], kRe[3 * half + 2]};
            double[][] i = {kIm[3 * half], kIm[3 * half + 1], kIm[3 * half + 2]};
            new Fft3d(px, py, pz, px, py, pz, r, i, pool).forward();
        }
        return kRe;
    }

    @Override
    public void addField(double[] m, double[] h) {
        this.m = m;
        this.h = h;
        pool.run(re[0].length, load);
        fft.forward();
        pool.run(re[0].length, multiply);
        fft.inverse();
        pool.run(grid.cells(), store);
    }

    private void load(int from, int to, int w) {
        int nx = grid.nx();
        int ny = grid.ny();
        int nz = grid.nz();
        int n = grid.cells();
        for (int c = 0; c < 3; c++) {
            double[] r = re[c];
            double[] i = im[c];
            for (int j = from; j < to; j++) {
                int jx = j % px;
                int jy = (j / px) % py;
                int jz = j / (px * py);
                r[j] = jx < nx && jy < ny && jz < nz ? m[c * n + jx + nx * (jy + ny * jz)] : 0;
                i[j] = 0;
            }
        }
    }

    private void multiply(int from, int to, int w) {
        double[] kxx = kernel[0];
        double[] kyy = kernel[1];
        double[] kzz = kernel[2];
        double[] kxy = kernel[3];
        double[] kxz = kernel[4];
        double[] kyz = kernel[5];
        double[] xr = re[0];
        double[] yr = re[1];
        double[] zr = re[2];
        double[] xi = im[0];
        double[] yi = im[1];
        double[] zi = im[2];
        for (int j = from; j < to; j++) {
            double mxr = xr[j];
            double myr = yr[j];
            double mzr = zr[j];
            double mxi = xi[j];
            double myi = yi[j];
            double mzi = zi[j];
            xr[j] = kxx[j] * mxr + kxy[j] * myr + kxz[j] * mzr;
            xi[j] = kxx[j] * mxi + kxy[j] * myi + kxz[j] * mzi;
            yr[j] = kxy[j] * mxr + kyy[j] * myr + kyz[j] * mzr;
            yi[j] = kxy[j] * mxi + kyy[j] * myi + kyz[j] * mzi;
            zr[j] = kxz[j] * mxr + kyz[j] * myr + kzz[j] * mzr;
            zi[j] = kxz[j] * mxi + kyz[j] * myi + kzz[j] * mzi;
        }
    }

    private void store(int from, int to, int w) {
        int nx = grid.nx();
        int ny = grid.ny();
        int n = grid.cells();
        double scale = -ms / re[0].length;
        for (int c = 0; c < 3; c++) {
            double[] r = re[c];
            for (int i = from; i < to; i++) {
                int ix = i % nx;
                int iy = (i / nx) % ny;
                int iz = i / (nx * ny);
                h[c * n + i] += scale * r[ix + px * (iy + py * iz)];
            }
        }
    }
}
