package org.spintorque.linalg;

/**
 * LU decomposition with partial pivoting, triangular solves, inverse and linear solve in plain Java, on
 * interleaved column-major arrays (element (i, j) of a matrix with leading dimension {@code ld} starting at
 * {@code off} is at {@code a[off + 2*(i + j*ld)]}). Single-threaded and stateless.
 *
 * <p>The factorization is the recursive one (split the columns in halves, factor the left half, update the
 * right half with a triangular solve and a matrix product, factor the rest), and the triangular solves recurse
 * the same way, so that almost all of the arithmetic goes through {@link JavaGemm}. Row interchanges follow the
 * LAPACK convention: for d = 0, 1, ..., row d was swapped with row {@code piv[d] >= d}, and the result is
 * P A = L U with L unit lower triangular.
 */
final class JavaLu {
    /** Column count at or below which the factorization is done column by column. */
    private static final int LU_LEAF = 8;
    /** Row count at or below which a triangular solve is done by substitution. */
    private static final int TRSM_LEAF = 16;
    /** Width of the column blocks of the identity in the inverse. */
    private static final int INVERSE_BLOCK = 128;

    private JavaLu() {
    }

    /**
     * Factors the n x n matrix in place (ld = n, offset 0).
     *
     * @return the pivot rows (LAPACK convention, 0-based)
     * @throws ArithmeticException if a pivot is exactly zero or not finite
     */
    static int[] factor(double[] a, int n) {
        int[] piv = new int[n];
        getrf(a, n, 0, n, n, piv);
        return piv;
    }

    /** The inverse of the n x n interleaved matrix {@code a} (not modified). */
    static double[] inverse(double[] a, int n) {
        double[] lu = a.clone();
        int[] piv = factor(lu, n);
        // Y = L^-1, column block by column block: the rows above a block of the identity stay zero
        double[] x = new double[2 * n * n];
        for (int c0 = 0; c0 < n; c0 += INVERSE_BLOCK) {
            int w = Math.min(INVERSE_BLOCK, n - c0);
            for (int j = c0; j < c0 + w; j++) {
                x[2 * (j + j * n)] = 1;
            }
            trsmLowerUnit(n - c0, w, lu, 2 * (c0 + c0 * n), n, x, 2 * (c0 + c0 * n), n);
        }
        // Z = U^-1 Y
        trsmUpper(n, n, lu, 0, n, x, 0, n);
        // A^-1 = Z P: column interchanges in reverse order
        for (int d = n - 1; d >= 0; d--) {
            int p = piv[d];
            if (p != d) {
                int cd = 2 * d * n;
                int cp = 2 * p * n;
                for (int i = 0; i < 2 * n; i++) {
                    double t = x[cd + i];
                    x[cd + i] = x[cp + i];
                    x[cp + i] = t;
                }
            }
        }
        checkFinite(x);
        return x;
    }

    /** X with A X = B for the n x n matrix {@code a} and the n x nrhs matrix {@code b} (neither modified). */
    static double[] solve(double[] a, int n, double[] b, int nrhs) {
        double[] lu = a.clone();
        int[] piv = factor(lu, n);
        double[] x = b.clone();
        swapRows(x, n, piv, 0, n, 0, nrhs);
        trsmLowerUnit(n, nrhs, lu, 0, n, x, 0, n);
        trsmUpper(n, nrhs, lu, 0, n, x, 0, n);
        checkFinite(x);
        return x;
    }

    private static void checkFinite(double[] x) {
        for (double v : x) {
            if (!Double.isFinite(v)) {
                throw new ArithmeticException("matrix is singular to working precision (result not finite)");
            }
        }
    }

    /**
     * Recursive LU of the m x w block whose top-left corner is the diagonal element (r0, r0) of a square
     * matrix with leading dimension ld (m >= w). Interchanges are applied within the block's columns only.
     */
    private static void getrf(double[] a, int ld, int r0, int m, int w, int[] piv) {
        if (w <= LU_LEAF) {
            getf2(a, ld, r0, m, w, piv);
            return;
        }
        int w1 = w / 2;
        int w2 = w - w1;
        getrf(a, ld, r0, m, w1, piv);
        int c1 = r0 + w1;
        // interchanges of the left half applied to the right half
        swapRows(a, ld, piv, r0, c1, c1, c1 + w2);
        // A12 = L11^-1 A12
        trsmLowerUnit(w1, w2, a, 2 * (r0 + r0 * ld), ld, a, 2 * (r0 + c1 * ld), ld);
        // A22 -= A21 A12
        JavaGemm.gemm(false, false, m - w1, w2, w1, -1, 0, a, 2 * (c1 + r0 * ld), ld, a, 2 * (r0 + c1 * ld), ld,
                1, 0, a, 2 * (c1 + c1 * ld), ld);
        getrf(a, ld, c1, m - w1, w2, piv);
        // interchanges of the right half applied to the left half
        swapRows(a, ld, piv, c1, c1 + w2, r0, c1);
    }

    /** Unblocked LU of an m x w block at diagonal position r0 (columns r0 .. r0+w-1). */
    private static void getf2(double[] a, int ld, int r0, int m, int w, int[] piv) {
        int rEnd = r0 + m;
        for (int t = 0; t < w; t++) {
            int d = r0 + t;
            int col = 2 * d * ld;
            int p = d;
            double best = -1;
            for (int r = d; r < rEnd; r++) {
                double v = Math.abs(a[col + 2 * r]) + Math.abs(a[col + 2 * r + 1]);
                if (v > best) {
                    best = v;
                    p = r;
                } else if (Double.isNaN(v)) {
                    throw new ArithmeticException("matrix has non-finite entries (column " + d + ")");
                }
            }
            if (best == 0) {
                throw new ArithmeticException("matrix is singular to working precision (zero pivot in column " + d
                        + ")");
            }
            if (Double.isInfinite(best)) {
                throw new ArithmeticException("matrix has non-finite entries (column " + d + ")");
            }
            piv[d] = p;
            if (p != d) {
                for (int q = r0; q < r0 + w; q++) {
                    int i1 = 2 * (d + q * ld);
                    int i2 = 2 * (p + q * ld);
                    double x = a[i1];
                    double y = a[i1 + 1];
                    a[i1] = a[i2];
                    a[i1 + 1] = a[i2 + 1];
                    a[i2] = x;
                    a[i2 + 1] = y;
                }
            }
            // column below the pivot divided by the pivot
            double pr = a[col + 2 * d];
            double pi = a[col + 2 * d + 1];
            double[] inv = reciprocal(pr, pi);
            double ir = inv[0];
            double ii = inv[1];
            for (int r = d + 1; r < rEnd; r++) {
                int k = col + 2 * r;
                double x = a[k];
                double y = a[k + 1];
                a[k] = x * ir - y * ii;
                a[k + 1] = x * ii + y * ir;
            }
            // rank-1 update of the rest of the block
            for (int q = d + 1; q < r0 + w; q++) {
                int cq = 2 * q * ld;
                double sr = a[cq + 2 * d];
                double si = a[cq + 2 * d + 1];
                if (sr == 0 && si == 0) {
                    continue;
                }
                for (int r = d + 1; r < rEnd; r++) {
                    double lr = a[col + 2 * r];
                    double li = a[col + 2 * r + 1];
                    a[cq + 2 * r] -= lr * sr - li * si;
                    a[cq + 2 * r + 1] -= lr * si + li * sr;
                }
            }
        }
    }

    /** 1 / (re + i im), scaled to avoid overflow and underflow (Smith's method). */
    private static double[] reciprocal(double re, double im) {
        if (Math.abs(re) >= Math.abs(im)) {
            double r = im / re;
            double den = re + im * r;
            return new double[] {1 / den, -r / den};
        }
        double r = re / im;
        double den = re * r + im;
        return new double[] {r / den, -1 / den};
    }

    /**
     * Applies the interchanges piv[d0 .. d1) (in that order) to columns [c0, c1) of the matrix x with leading
     * dimension ld.
     */
    private static void swapRows(double[] x, int ld, int[] piv, int d0, int d1, int c0, int c1) {
        for (int q = c0; q < c1; q++) {
            int cq = 2 * q * ld;
            for (int d = d0; d < d1; d++) {
                int p = piv[d];
                if (p != d) {
                    int i1 = cq + 2 * d;
                    int i2 = cq + 2 * p;
                    double re = x[i1];
                    double im = x[i1 + 1];
                    x[i1] = x[i2];
                    x[i1 + 1] = x[i2 + 1];
                    x[i2] = re;
                    x[i2 + 1] = im;
                }
            }
        }
    }

    /**
     * B = L^-1 B for the m x m unit lower triangle of L (at lOff, leading dimension ldl) and the m x n matrix B
     * (at bOff, leading dimension ldb).
     */
    static void trsmLowerUnit(int m, int n, double[] l, int lOff, int ldl, double[] b, int bOff, int ldb) {
        if (m <= 0 || n <= 0) {
            return;
        }
        if (m <= TRSM_LEAF) {
            for (int j = 0; j < n; j++) {
                int cb = bOff + 2 * j * ldb;
                for (int d = 0; d < m; d++) {
                    double xr = b[cb + 2 * d];
                    double xi = b[cb + 2 * d + 1];
                    if (xr == 0 && xi == 0) {
                        continue;
                    }
                    int cl = lOff + 2 * d * ldl;
                    for (int r = d + 1; r < m; r++) {
                        double lr = l[cl + 2 * r];
                        double li = l[cl + 2 * r + 1];
                        b[cb + 2 * r] -= lr * xr - li * xi;
                        b[cb + 2 * r + 1] -= lr * xi + li * xr;
                    }
                }
            }
            return;
        }
        int m1 = m / 2;
        int m2 = m - m1;
        trsmLowerUnit(m1, n, l, lOff, ldl, b, bOff, ldb);
        // B2 -= L21 B1
        JavaGemm.gemm(false, false, m2, n, m1, -1, 0, l, lOff + 2 * m1, ldl, b, bOff, ldb, 1, 0, b, bOff + 2 * m1,
                ldb);
        trsmLowerUnit(m2, n, l, lOff + 2 * (m1 + m1 * ldl), ldl, b, bOff + 2 * m1, ldb);
    }

    /**
     * B = U^-1 B for the m x m upper triangle (with its diagonal) of U (at uOff, leading dimension ldu) and the
     * m x n matrix B.
     */
    static void trsmUpper(int m, int n, double[] u, int uOff, int ldu, double[] b, int bOff, int ldb) {
        if (m <= 0 || n <= 0) {
            return;
        }
        if (m <= TRSM_LEAF) {
            double[] invDiag = new double[2 * m];
            for (int d = 0; d < m; d++) {
                int k = uOff + 2 * (d + d * ldu);
                double[] inv = reciprocal(u[k], u[k + 1]);
                invDiag[2 * d] = inv[0];
                invDiag[2 * d + 1] = inv[1];
            }
            for (int j = 0; j < n; j++) {
                int cb = bOff + 2 * j * ldb;
                for (int d = m - 1; d >= 0; d--) {
                    double yr = b[cb + 2 * d];
                    double yi = b[cb + 2 * d + 1];
                    if (yr == 0 && yi == 0) {
                        continue;
                    }
                    double ir = invDiag[2 * d];
                    double ii = invDiag[2 * d + 1];
                    double xr = yr * ir - yi * ii;
                    double xi = yr * ii + yi * ir;
                    b[cb + 2 * d] = xr;
                    b[cb + 2 * d + 1] = xi;
                    int cu = uOff + 2 * d * ldu;
                    for (int r = 0; r < d; r++) {
                        double ur = u[cu + 2 * r];
                        double ui = u[cu + 2 * r + 1];
                        b[cb + 2 * r] -= ur * xr - ui * xi;
                        b[cb + 2 * r + 1] -= ur * xi + ui * xr;
                    }
                }
            }
            return;
        }
        int m1 = m / 2;
        int m2 = m - m1;
        trsmUpper(m2, n, u, uOff + 2 * (m1 + m1 * ldu), ldu, b, bOff + 2 * m1, ldb);
        // B1 -= U12 B2
        JavaGemm.gemm(false, false, m1, n, m2, -1, 0, u, uOff + 2 * m1 * ldu, ldu, b, bOff + 2 * m1, ldb, 1, 0, b,
                bOff, ldb);
        trsmUpper(m1, n, u, uOff, ldu, b, bOff, ldb);
    }
}
