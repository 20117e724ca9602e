package org.spintorque.linalg;

import java.lang.management.ManagementFactory;

/**
 * Complex matrix product in plain Java, on interleaved column-major storage with offsets and leading
 * dimensions (the BLAS convention), single-threaded; the only state is a per-thread buffer cache.
 *
 * <h2>Method</h2>
 * With op(A) = Ar + i Ai and op(B) = Br + i Bi, column j of T = op(A) op(B) is
 * <pre>
 *   Tr(:, j) = sum_l [ Ar(:, l) Br(l, j) - Ai(:, l) Bi(l, j) ]
 *   Ti(:, j) = sum_l [ Ar(:, l) Bi(l, j) + Ai(:, l) Br(l, j) ]
 * </pre>
 * op(A) is packed into split real and imaginary parts, one {@code double[]} per column of each block of
 * {@link #MC} rows (the dagger is applied while packing), op(B) into split scalars, and T into one
 * {@code double[]} per column, part and row block. The innermost loop is then
 * <pre>
 *   t[i] += ar[i] b0 + ai[i] b1;   u[i] += ar[i] c0 + ai[i] c1;   i = 0 .. len-1
 * </pre>
 * over four distinct arrays all indexed by the same {@code i} from 0: the form that the HotSpot C2 compiler
 * turns into SIMD code (AVX2/AVX-512) without any alias check. Loops with offsets ({@code t[c + i]}), or with
 * more arrays or a longer body (which C2 will not unroll), stay scalar and run several times slower. The
 * k-loop is blocked by {@link #KC} so that a packed block of op(A) stays in the L2 cache while the columns of B
 * stream past it, and each column segment of T stays in L1. Every packed array has the same length, a
 * multiple of 64 bytes, and loops run over whole multiples of 8 elements, so that alignment is uniform and
 * the compiled loop is never specialised for a tiny trip count. Fused multiply-add ({@link Math#fma}) is used
 * when the JVM maps it to a hardware instruction. C = beta C + alpha T is applied at the end, so C may share
 * storage with A or B.
 *
 * <p>Small products (see {@link #SMALL}) use a direct loop without packing.
 */
final class JavaGemm {
    /** Rows per packed block of op(A). */
    static final int MC = intProperty("spintorque.linalg.java.mc", 256);
    /** Complex k-values per pass over a packed block. */
    static final int KC = intProperty("spintorque.linalg.java.kc", 64);
    /** Products with m*n*k at most this (or fewer than 8 rows) use the direct loop. */
    static final long SMALL = intProperty("spintorque.linalg.java.small", 6000);
    /** Whether the kernels use {@link Math#fma} (only worth it, and only fast, with hardware FMA). */
    static final boolean FMA = fmaAvailable();

    private JavaGemm() {
    }

    private static int intProperty(String name, int fallback) {
        try {
            return Math.max(1, Integer.getInteger(name, fallback));
        } catch (SecurityException e) {
            return fallback;
        }
    }

    private static boolean fmaAvailable() {
        String forced = System.getProperty("spintorque.linalg.java.fma");
        if (forced != null && !forced.isBlank()) {
            return Boolean.parseBoolean(forced.trim());
        }
        try {
            com.sun.management.HotSpotDiagnosticMXBean bean =
                    ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
            return bean != null && Boolean.parseBoolean(bean.getVMOption("UseFMA").getValue());
        } catch (Throwable e) {
            // not a HotSpot VM, or management not available: plain multiply-add is always correct
            return false;
        }
    }

    /**
     * C = alpha op(A) op(B) + beta C on sub-matrices of interleaved column-major arrays. op(A) is m x k, op(B)
     * is k x n, C is m x n; element (i, j) of A is at {@code a[aOff + 2*(i + j*lda)]}. With beta = 0, C is not
     * read (NaN in C does not propagate).
     */
    static void gemm(boolean daggerA, boolean daggerB, int m, int n, int k, double alphaRe, double alphaIm,
                     double[] a, int aOff, int lda, double[] b, int bOff, int ldb,
                     double betaRe, double betaIm, double[] c, int cOff, int ldc) {
        if (m == 0 || n == 0) {
            return;
        }
        if (k == 0 || (alphaRe == 0 && alphaIm == 0)) {
            scale(m, n, betaRe, betaIm, c, cOff, ldc);
            return;
        }
        if ((long) m * n * k <= SMALL || m < 8) {
            gemmDirect(daggerA, daggerB, m, n, k, alphaRe, alphaIm, a, aOff, lda, b, bOff, ldb, betaRe, betaIm, c,
                    cOff, ldc);
        } else {
            gemmPacked(daggerA, daggerB, m, n, k, alphaRe, alphaIm, a, aOff, lda, b, bOff, ldb, betaRe, betaIm, c,
                    cOff, ldc);
        }
    }

    /** C = beta C (C set to zero, not read, when beta = 0). */
    static void scale(int m, int n, double betaRe, double betaIm, double[] c, int cOff, int ldc) {
        for (int j = 0; j < n; j++) {
            int p = cOff + 2 * j * ldc;
            int end = p + 2 * m;
            if (betaRe == 0 && betaIm == 0) {
                java.util.Arrays.fill(c, p, end, 0.0);
            } else if (!(betaRe == 1 && betaIm == 0)) {
                for (; p < end; p += 2) {
                    double x = c[p];
                    double y = c[p + 1];
                    c[p] = betaRe * x - betaIm * y;
                    c[p + 1] = betaRe * y + betaIm * x;
                }
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------
    // direct path for small products

    private static void gemmDirect(boolean daggerA, boolean daggerB, int m, int n, int k, double alphaRe,
                                   double alphaIm, double[] a, int aOff, int lda, double[] b, int bOff, int ldb,
                                   double betaRe, double betaIm, double[] c, int cOff, int ldc) {
        // the whole product first, then C: C may share storage with A or B
        double[] t = new double[2 * m * n];
        for (int j = 0; j < n; j++) {
            int tj = 2 * j * m;
            if (!daggerA) {
                for (int l = 0; l < k; l++) {
                    int q = daggerB ? bOff + 2 * (j + l * ldb) : bOff + 2 * (l + j * ldb);
                    double br = b[q];
                    double bi = daggerB ? -b[q + 1] : b[q + 1];
                    if (br == 0 && bi == 0) {
                        continue;
                    }
                    int p = aOff + 2 * l * lda;
                    for (int i = 0; i < 2 * m; i += 2) {
                        double ar = a[p + i];
                        double ai = a[p + i + 1];
                        t[tj + i] += ar * br - ai * bi;
                        t[tj + i + 1] += ar * bi + ai * br;
                    }
                }
            } else {
                for (int i = 0; i < m; i++) {
                    int p = aOff + 2 * i * lda;
                    double sr = 0;
                    double si = 0;
                    for (int l = 0; l < k; l++) {
                        int q = daggerB ? bOff + 2 * (j + l * ldb) : bOff + 2 * (l + j * ldb);
                        double br = b[q];
                        double bi = daggerB ? -b[q + 1] : b[q + 1];
                        double ar = a[p + 2 * l];
                        double ai = -a[p + 2 * l + 1];
                        sr += ar * br - ai * bi;
                        si += ar * bi + ai * br;
                    }
                    t[tj + 2 * i] = sr;
                    t[tj + 2 * i + 1] = si;
                }
            }
        }
        boolean betaZero = betaRe == 0 && betaIm == 0;
        for (int j = 0; j < n; j++) {
            int p = cOff + 2 * j * ldc;
            int tj = 2 * j * m;
            for (int i = 0; i < 2 * m; i += 2) {
                double tr = t[tj + i];
                double ti = t[tj + i + 1];
                double vr = alphaRe * tr - alphaIm * ti;
                double vi = alphaRe * ti + alphaIm * tr;
                if (!betaZero) {
                    double x = c[p + i];
                    double y = c[p + i + 1];
                    vr += betaRe * x - betaIm * y;
                    vi += betaRe * y + betaIm * x;
                }
                c[p + i] = vr;
                c[p + i + 1] = vi;
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------
    // packed path

    /**
     * Length of every packed array: room for MC rounded up to a multiple of 8, plus 6 so that a double[]
     * (16-byte header) occupies a multiple of 64 bytes and arrays allocated one after the other share their
     * alignment.
     */
    private static final int ROW = roundUp8(MC) + 6;

    private static int roundUp8(int len) {
        return (len + 7) & ~7;
    }

    /**
     * Per-thread packing buffers, reused from call to call: fresh memory is slow to touch (page faults, more so
     * in virtual machines) and short-lived large arrays keep the garbage collector busy. Softly referenced, so
     * the memory is given back under pressure.
     */
    private static final class Workspace {
        double[][] rows = new double[0][];
        double[] b = new double[0];

        double[][] rows(int count) {
            if (rows.length < count) {
                double[][] grown = java.util.Arrays.copyOf(rows, Math.max(count, rows.length + rows.length / 2));
                for (int i = rows.length; i < grown.length; i++) {
                    grown[i] = new double[ROW];
                }
                rows = grown;
            }
            return rows;
        }

        double[] b(int length) {
            if (b.length < length) {
                b = new double[Math.max(length, b.length + b.length / 2)];
            }
            return b;
        }
    }

    private static final ThreadLocal<java.lang.ref.SoftReference<Workspace>> WORKSPACE = new ThreadLocal<>();

    private static Workspace workspace() {
        java.lang.ref.SoftReference<Workspace> ref = WORKSPACE.get();
        Workspace w = ref == null ? null : ref.get();
        if (w == null) {
            w = new Workspace();
            WORKSPACE.set(new java.lang.ref.SoftReference<>(w));
        }
        return w;
    }

    /** Tile width of the conjugate-transposing copies. */
    private static final int TILE = 32;

    private static void gemmPacked(boolean daggerA, boolean daggerB, int m, int n, int k, double alphaRe,
                                   double alphaIm, double[] a, int aOff, int lda, double[] b, int bOff, int ldb,
                                   double betaRe, double betaIm, double[] c, int cOff, int ldc) {
        int blocks = (m + MC - 1) / MC;
        Workspace ws = workspace();
        // rows[ib*2k + 2l] = Re op(A)(rows of block ib, l), rows[ib*2k + 2l + 1] = Im;
        // then Tr(:, j) of block ib at rows[t0 + 2(ib*n + j)], Ti next to it
        long count = 2L * k * blocks + 2L * n * blocks;
        if (count > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("gemm: product too large");
        }
        double[][] rows = ws.rows((int) count);
        int t0 = 2 * k * blocks;
        for (int ib = 0; ib < blocks; ib++) {
            int i0 = ib * MC;
            int len = Math.min(MC, m - i0);
            int base = ib * 2 * k;
            if (!daggerA) {
                for (int l = 0; l < k; l++) {
                    double[] re = rows[base + 2 * l];
                    double[] im = rows[base + 2 * l + 1];
                    int p = aOff + 2 * (i0 + l * lda);
                    for (int i = 0; i < len; i++) {
                        re[i] = a[p + 2 * i];
                        im[i] = a[p + 2 * i + 1];
                    }
                }
            } else {
                // op(A)(i, l) = conj(A(l, i)): tiles of TILE l-values keep the written lines in L1
                for (int l0 = 0; l0 < k; l0 += TILE) {
                    int l1 = Math.min(k, l0 + TILE);
                    for (int i = 0; i < len; i++) {
                        int p = aOff + 2 * (i0 + i) * lda;
                        for (int l = l0; l < l1; l++) {
                            rows[base + 2 * l][i] = a[p + 2 * l];
                            rows[base + 2 * l + 1][i] = -a[p + 2 * l + 1];
                        }
                    }
                }
            }
            // padding rows of the packed block: zero, so that leftovers (denormals, say) cannot slow the kernel
            int padded = roundUp8(len);
            for (int r = base; r < base + 2 * k; r++) {
                java.util.Arrays.fill(rows[r], len, padded, 0.0);
            }
            for (int j = 0; j < n; j++) {
                java.util.Arrays.fill(rows[t0 + 2 * (ib * n + j)], 0, padded, 0.0);
                java.util.Arrays.fill(rows[t0 + 2 * (ib * n + j) + 1], 0, padded, 0.0);
            }
        }
        // packed op(B), split: bs[j*k + l] = Re op(B)(l, j), bs[kn + j*k + l] = Im op(B)(l, j)
        int kn = k * n;
        double[] bs = ws.b(2 * kn);
        if (!daggerB) {
            for (int j = 0; j < n; j++) {
                int p = bOff + 2 * j * ldb;
                int q = j * k;
                for (int l = 0; l < k; l++) {
                    bs[q + l] = b[p + 2 * l];
                    bs[kn + q + l] = b[p + 2 * l + 1];
                }
            }
        } else {
            // op(B)(l, j) = conj(B(j, l)): tiles of TILE l-values keep the lines read in L1
            for (int l0 = 0; l0 < k; l0 += TILE) {
                int l1 = Math.min(k, l0 + TILE);
                for (int j = 0; j < n; j++) {
                    int q = j * k;
                    for (int l = l0; l < l1; l++) {
                        int p = bOff + 2 * (j + l * ldb);
                        bs[q + l] = b[p];
                        bs[kn + q + l] = -b[p + 1];
                    }
                }
            }
        }
        for (int pc = 0; pc < k; pc += KC) {
            int pe = Math.min(k, pc + KC);
            for (int ib = 0; ib < blocks; ib++) {
                // whole vectors: the rows past len hold leftovers that only reach T's unused rows
                int len = roundUp8(Math.min(MC, m - ib * MC));
                int base = ib * 2 * k;
                for (int j = 0; j < n; j++) {
                    double[] tr = rows[t0 + 2 * (ib * n + j)];
                    double[] ti = rows[t0 + 2 * (ib * n + j) + 1];
                    int q = j * k;
                    for (int l = pc; l < pe; l++) {
                        double xr = bs[q + l];
                        double xi = bs[kn + q + l];
                        // Tr += Ar xr - Ai xi,  Ti += Ar xi + Ai xr
                        if (FMA) {
                            fma22(tr, ti, rows[base + 2 * l], rows[base + 2 * l + 1], xr, -xi, xi, xr, len);
                        } else {
                            mulAdd22(tr, ti, rows[base + 2 * l], rows[base + 2 * l + 1], xr, -xi, xi, xr, len);
                        }
                    }
                }
            }
        }
        // C = beta C + alpha T
        boolean betaZero = betaRe == 0 && betaIm == 0;
        for (int j = 0; j < n; j++) {
            for (int ib = 0; ib < blocks; ib++) {
                double[] xr = rows[t0 + 2 * (ib * n + j)];
                double[] xi = rows[t0 + 2 * (ib * n + j) + 1];
                int len = Math.min(MC, m - ib * MC);
                int p = cOff + 2 * (ib * MC + j * ldc);
                for (int i = 0; i < len; i++, p += 2) {
                    double vr = alphaRe * xr[i] - alphaIm * xi[i];
                    double vi = alphaRe * xi[i] + alphaIm * xr[i];
                    if (!betaZero) {
                        double x = c[p];
                        double y = c[p + 1];
                        vr += betaRe * x - betaIm * y;
                        vi += betaRe * y + betaIm * x;
                    }
                    c[p] = vr;
                    c[p + 1] = vi;
                }
            }
        }
    }

    // The kernels: two stores and two loads, all indexed by the same i from 0 (see the class comment).

    private static void fma22(double[] t, double[] u, double[] a0, double[] a1, double b0, double b1, double c0,
                              double c1, int len) {
        for (int i = 0; i < len; i++) {
            double x = a0[i];
            double y = a1[i];
            t[i] = Math.fma(y, b1, Math.fma(x, b0, t[i]));
            u[i] = Math.fma(y, c1, Math.fma(x, c0, u[i]));
        }
    }

    private static void mulAdd22(double[] t, double[] u, double[] a0, double[] a1, double b0, double b1, double c0,
                                 double c1, int len) {
        for (int i = 0; i < len; i++) {
            double x = a0[i];
            double y = a1[i];
            t[i] += x * b0 + y * b1;
            u[i] += x * c0 + y * c1;
        }
    }
}
