package org.spintorque.llg;

/**
 * The demagnetizing (stray) field of the whole body with open boundaries,
 * {@code H_i = -Ms sum_j N(r_i - r_j) m_j}, with the exact cell-averaged tensor of {@link NewellTensor}.
 * The sum is a discrete convolution, done by zero-padded FFT (each axis padded to a power of two
 * {@code >= 2n - 1}, so the cyclic convolution equals the open one): O(N log N) per evaluation.
 *
 * <p>The tensor's spectrum is real: each component is even or odd in pairs of axes, so its transform has no
 * imaginary part, and only six real arrays are kept. The magnetization is real too, so m_x + i m_y share one
 * complex transform (their spectra are separated with {@code X(k) = (Z(k) + conj Z(-k))/2}) and H_x + i H_y
 * one inverse: four 3D FFTs per evaluation instead of six. All work arrays are allocated once, here.
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
        this.re = new double[2][size];
        this.im = new double[2][size];
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
        double[] r0 = re[0];
        double[] i0 = im[0];
        double[] r1 = re[1];
        double[] i1 = im[1];
        for (int j = from; j < to; j++) {
            int jx = j % px;
            int jy = (j / px) % py;
            int jz = j / (px * py);
            if (jx < nx && jy < ny && jz < nz) {
                int i = jx + nx * (jy + ny * jz);
                r0[j] = m[i];
                i0[j] = m[n + i];
                r1[j] = m[2 * n + i];
            } else {
                r0[j] = 0;
                i0[j] = 0;
                r1[j] = 0;
            }
            i1[j] = 0;
        }
    }

    /** Index of -k in the padded box. */
    private int negative(int j) {
        int jx = j % px;
        int jy = (j / px) % py;
        int jz = j / (px * py);
        return (px - jx) % px + px * ((py - jy) % py + py * ((pz - jz) % pz));
    }

    /**
     * H(k) = N(k) M(k) for the pair k, -k at once (the thread that owns the smaller index does both): the
     * spectra of m_x and m_y are split off Z = FFT(m_x + i m_y), and H_x + i H_y is packed the same way.
     */
    private void multiply(int from, int to, int w) {
        double[] zr = re[0];
        double[] zi = im[0];
        double[] cr = re[1];
        double[] ci = im[1];
        for (int j = from; j < to; j++) {
            int q = negative(j);
            if (q < j) {
                continue;
            }
            // X(j) = (Z(j) + conj Z(q))/2, Y(j) = (Z(j) - conj Z(q))/(2i); X(q) = conj X(j), Y(q) = conj Y(j)
            double xr = 0.5 * (zr[j] + zr[q]);
            double xi = 0.5 * (zi[j] - zi[q]);
            double yr = 0.5 * (zi[j] + zi[q]);
            double yi = -0.5 * (zr[j] - zr[q]);
            double mzr = cr[j];
            double mzi = ci[j];
            double mzrq = cr[q];
            double mziq = ci[q];
            double kxx = kernel[0][j];
            double kyy = kernel[1][j];
            double kzz = kernel[2][j];
            double kxy = kernel[3][j];
            double kxz = kernel[4][j];
            double kyz = kernel[5][j];
            // the kernel is even in k: N(q) = N(j)
            double hxr = kxx * xr + kxy * yr;
            double hxi = kxx * xi + kxy * yi;
            double hyr = kxy * xr + kyy * yr;
            double hyi = kxy * xi + kyy * yi;
            double hzr = kxz * xr + kyz * yr;
            double hzi = kxz * xi + kyz * yi;
            // H(j) = (hx + Nxz mz, hy + Nyz mz, hz + Nzz mz), H(q) from the conjugates and mz(q)
            double hxjr = hxr + kxz * mzr;
            double hxji = hxi + kxz * mzi;
            double hyjr = hyr + kyz * mzr;
            double hyji = hyi + kyz * mzi;
            double hxqr = hxr + kxz * mzrq;
            double hxqi = -hxi + kxz * mziq;
            double hyqr = hyr + kyz * mzrq;
            double hyqi = -hyi + kyz * mziq;
            zr[j] = hxjr - hyji;
            zi[j] = hxji + hyjr;
            zr[q] = hxqr - hyqi;
            zi[q] = hxqi + hyqr;
            cr[j] = hzr + kzz * mzr;
            ci[j] = hzi + kzz * mzi;
            cr[q] = hzr + kzz * mzrq;
            ci[q] = -hzi + kzz * mziq;
        }
    }

    private void store(int from, int to, int w) {
        int nx = grid.nx();
        int ny = grid.ny();
        int n = grid.cells();
        double scale = -ms / re[0].length;
        for (int i = from; i < to; i++) {
            int ix = i % nx;
            int iy = (i / nx) % ny;
            int iz = i / (nx * ny);
            int j = ix + px * (iy + py * iz);
            h[i] += scale * re[0][j];
            h[n + i] += scale * im[0][j];
            h[2 * n + i] += scale * re[1][j];
        }
    }
}
