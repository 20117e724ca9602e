package org.spintorque.transport;

import org.spintorque.linalg.ComplexMatrix;

/**
 * Complex Schur decomposition {@code A = Q T Q^dagger} of a general square complex matrix: Q unitary, T
 * upper triangular with the eigenvalues on its diagonal; plus reordering of the diagonal by unitary
 * adjacent swaps, so that the leading columns of Q span the invariant subspace of a chosen set of
 * eigenvalues.
 *
 * <p>Method: Householder reduction to upper Hessenberg form, then the implicit single-shift QR algorithm
 * (Wilkinson shift from the trailing 2x2 block, an exceptional shift every tenth iteration without
 * deflation) with complex Givens rotations, deflating when a subdiagonal element falls below machine
 * precision times its two diagonal neighbours. A swap of adjacent diagonal entries a, b uses the rotation
 * whose first column is the eigenvector (T(k,k+1), b - a) of the 2x2 block. All steps are unitary, so
 * the computed decomposition is exact for a matrix within a small multiple of machine precision of A.
 *
 * <p>Mutable working object, confined to one thread.
 */
final class ComplexSchur {
    private static final double EPS = Math.ulp(1.0);

    private final int n;
    /** T, column-major interleaved. */
    private final double[] t;
    /** Q, column-major interleaved. */
    private final double[] q;

    private ComplexSchur(int n, double[] t, double[] q) {
        this.n = n;
        this.t = t;
        this.q = q;
    }

    int size() {
        return n;
    }

    /** Diagonal entry i of T as {re, im}. */
    double[] eigenvalue(int i) {
        int k = 2 * (i + i * n);
        return new double[] {t[k], t[k + 1]};
    }

    double eigenvalueRe(int i) {
        return t[2 * (i + i * n)];
    }

    double eigenvalueIm(int i) {
        return t[2 * (i + i * n) + 1];
    }

    /** T(i, j) real part. */
    double tRe(int i, int j) {
        return t[2 * (i + j * n)];
    }

    /** T(i, j) imaginary part. */
    double tIm(int i, int j) {
        return t[2 * (i + j * n) + 1];
    }

    /** A copy of T. */
    ComplexMatrix t() {
        return ComplexMatrix.wrap(n, n, t.clone());
    }

    /** A copy of Q. */
    ComplexMatrix q() {
        return ComplexMatrix.wrap(n, n, q.clone());
    }

    /** Columns [c0, c0 + count) of Q, copied. */
    ComplexMatrix qColumns(int c0, int count) {
        double[] d = new double[2 * n * count];
        System.arraycopy(q, 2 * c0 * n, d, 0, 2 * n * count);
        return ComplexMatrix.wrap(n, count, d);
    }

    /**
     * The Schur decomposition of {@code a} (not modified).
     *
     * @throws ArithmeticException if the QR iteration does not converge (not observed in practice)
     */
    static ComplexSchur decompose(ComplexMatrix a) {
        int n = a.rows();
        if (n != a.cols()) {
            throw new IllegalArgumentException("Schur decomposition of a non-square " + n + "x" + a.cols()
                    + " matrix");
        }
        double[] h = a.data().clone();
        double[] q = new double[2 * n * n];
        for (int i = 0; i < n; i++) {
            q[2 * (i + i * n)] = 1;
        }
        hessenberg(h, q, n);
        qrIterate(h, q, n);
        return new ComplexSchur(n, h, q);
    }

    private static void hessenberg(double[] h, double[] q, int n) {
        double[] v = new double[2 * n];
        double[] w = new double[2 * n];
        for (int k = 0; k < n - 2; k++) {
            int m = n - k - 1;
            double norm2 = 0;
            for (int i = k + 1; i < n; i++) {
                int idx = 2 * (i + k * n);
                norm2 += h[idx] * h[idx] + h[idx + 1] * h[idx + 1];
            }
            int first = 2 * ((k + 1) + k * n);
            double x0r = h[first];
            double x0i = h[first + 1];
            if (norm2 - (x0r * x0r + x0i * x0i) == 0) {
                continue;
            }
            double xnorm = Math.sqrt(norm2);
            double x0abs = Math.hypot(x0r, x0i);
            double phr = x0abs == 0 ? 1 : x0r / x0abs;
            double phi = x0abs == 0 ? 0 : x0i / x0abs;
            double alphaR = -phr * xnorm;
            double alphaI = -phi * xnorm;
            for (int i = 0; i < m; i++) {
                int idx = 2 * ((k + 1 + i) + k * n);
                v[2 * i] = h[idx];
                v[2 * i + 1] = h[idx + 1];
            }
            v[0] -= alphaR;
            v[1] -= alphaI;
            double vnorm2 = 0;
            for (int i = 0; i < 2 * m; i++) {
                vnorm2 += v[i] * v[i];
            }
            double tau = 2 / vnorm2;
            // left: rows k+1.., columns k+1..n-1 (column k is set explicitly)
            for (int j = k + 1; j < n; j++) {
                Householder.reflect(h, 2 * ((k + 1) + j * n), v, m, tau);
            }
            h[first] = alphaR;
            h[first + 1] = alphaI;
            for (int i = k + 2; i < n; i++) {
                int idx = 2 * (i + k * n);
                h[idx] = 0;
                h[idx + 1] = 0;
            }
            // right: all rows, columns k+1..n-1; and Q likewise
            applyRight(h, n, k + 1, m, v, tau, w);
            applyRight(q, n, k + 1, m, v, tau, w);
        }
    }

    /** X[:, c0:c0+m] <- X[:, c0:c0+m] (I - tau v v^dagger). */
    private static void applyRight(double[] x, int n, int c0, int m, double[] v, double tau, double[] w) {
        java.util.Arrays.fill(w, 0, 2 * n, 0);
        for (int j = 0; j < m; j++) {
            double vr = v[2 * j];
            double vi = v[2 * j + 1];
            int col = 2 * (c0 + j) * n;
            for (int i = 0; i < n; i++) {
                double xr = x[col + 2 * i];
                double xi = x[col + 2 * i + 1];
                w[2 * i] += xr * vr - xi * vi;
                w[2 * i + 1] += xr * vi + xi * vr;
            }
        }
        for (int j = 0; j < m; j++) {
            // x[:, j] -= tau w conj(v_j)
            double cr = tau * v[2 * j];
            double ci = -tau * v[2 * j + 1];
            int col = 2 * (c0 + j) * n;
            for (int i = 0; i < n; i++) {
                double wr = w[2 * i];
                double wi = w[2 * i + 1];
                x[col + 2 * i] -= wr * cr - wi * ci;
                x[col + 2 * i + 1] -= wr * ci + wi * cr;
            }
        }
    }

    private static double abs1(double re, double im) {
        return Math.abs(re) + Math.abs(im);
    }

    private static void qrIterate(double[] h, double[] q, int n) {
        int ihi = n - 1;
        int its = 0;
        int maxIts = 30 * Math.max(10, n);
        int totalIts = 0;
        while (ihi >= 0) {
            // find the start l of the active unreduced block [l, ihi]
            int l = ihi;
            while (l > 0) {
                int sub = 2 * (l + (l - 1) * n);
                double s = abs1(h[2 * ((l - 1) + (l - 1) * n)], h[2 * ((l - 1) + (l - 1) * n) + 1])
                        + abs1(h[2 * (l + l * n)], h[2 * (l + l * n) + 1]);
                if (s == 0) {
                    s = activeNorm(h, n, l - 1, ihi);
                }
                if (abs1(h[sub], h[sub + 1]) <= EPS * s) {
                    h[sub] = 0;
                    h[sub + 1] = 0;
                    break;
                }
                l--;
            }
            if (l == ihi) {
                ihi--;
                its = 0;
                continue;
            }
            its++;
            totalIts++;
            if (totalIts > maxIts) {
                throw new ArithmeticException("complex QR iteration did not converge");
            }
            // shift
            double mur;
            double mui;
            if (its % 10 == 0) {
                int sub = 2 * (ihi + (ihi - 1) * n);
                double d = 0.75 * Math.abs(h[sub]) + Math.abs(h[sub + 1]);
                mur = h[2 * (ihi + ihi * n)] + d;
                mui = h[2 * (ihi + ihi * n) + 1];
            } else {
                int i1 = ihi - 1;
                double ar = h[2 * (i1 + i1 * n)];
                double ai = h[2 * (i1 + i1 * n) + 1];
                double br = h[2 * (i1 + ihi * n)];
                double bi = h[2 * (i1 + ihi * n) + 1];
                double cr = h[2 * (ihi + i1 * n)];
                double ci = h[2 * (ihi + i1 * n) + 1];
                double dr = h[2 * (ihi + ihi * n)];
                double di = h[2 * (ihi + ihi * n) + 1];
                // eigenvalues (a+d)/2 +- sqrt(((a-d)/2)^2 + b c); take the one closer to d
                double hr = 0.5 * (ar - dr);
                double hi = 0.5 * (ai - di);
                double radr = hr * hr - hi * hi + (br * cr - bi * ci);
                double radi = 2 * hr * hi + (br * ci + bi * cr);
                double[] s = csqrt(radr, radi);
                double mr = 0.5 * (ar + dr);
                double mi = 0.5 * (ai + di);
                double e1r = mr + s[0];
                double e1i = mi + s[1];
                double e2r = mr - s[0];
                double e2i = mi - s[1];
                if (abs1(e1r - dr, e1i - di) <= abs1(e2r - dr, e2i - di)) {
                    mur = e1r;
                    mui = e1i;
                } else {
                    mur = e2r;
                    mui = e2i;
                }
            }
            // implicit single-shift bulge chase on [l, ihi]
            double xr = h[2 * (l + l * n)] - mur;
            double xi = h[2 * (l + l * n) + 1] - mui;
            double yr = h[2 * ((l + 1) + l * n)];
            double yi = h[2 * ((l + 1) + l * n) + 1];
            for (int k = l; k < ihi; k++) {
                if (k > l) {
                    xr = h[2 * (k + (k - 1) * n)];
                    xi = h[2 * (k + (k - 1) * n) + 1];
                    yr = h[2 * ((k + 1) + (k - 1) * n)];
                    yi = h[2 * ((k + 1) + (k - 1) * n) + 1];
                }
                double r = Math.hypot(Math.hypot(xr, xi), Math.hypot(yr, yi));
                if (r == 0) {
                    continue;
                }
                double csr = xr / r;
                double csi = xi / r;
                double snr = yr / r;
                double sni = yi / r;
                // rows k, k+1 <- U rows, U = [[conj cs, conj sn], [-sn, cs]]
                int c0 = k > l ? k - 1 : l;
                for (int j = c0; j < n; j++) {
                    int ik = 2 * (k + j * n);
                    int ik1 = ik + 2;
                    double ur = h[ik];
                    double ui = h[ik + 1];
                    double wr = h[ik1];
                    double wi = h[ik1 + 1];
                    h[ik] = csr * ur + csi * ui + snr * wr + sni * wi;
                    h[ik + 1] = csr * ui - csi * ur + snr * wi - sni * wr;
                    h[ik1] = -(snr * ur - sni * ui) + (csr * wr - csi * wi);
                    h[ik1 + 1] = -(snr * ui + sni * ur) + (csr * wi + csi * wr);
                }
                if (k > l) {
                    h[2 * ((k + 1) + (k - 1) * n)] = 0;
                    h[2 * ((k + 1) + (k - 1) * n) + 1] = 0;
                }
                // columns k, k+1 <- columns U^dagger, rows 0..min(k+2, ihi)
                int rmax = Math.min(k + 2, ihi);
                rotateColumns(h, n, k, rmax + 1, csr, csi, snr, sni);
                rotateColumns(q, n, k, n, csr, csi, snr, sni);
            }
        }
    }

    /**
     * [col_k, col_{k+1}] <- [col_k, col_{k+1}] U^dagger for rows [0, rows), U = [[conj cs, conj sn], [-sn,
     * cs]], U^dagger = [[cs, -conj sn], [sn, conj cs]].
     */
    private static void rotateColumns(double[] x, int n, int k, int rows, double csr, double csi, double snr,
                                      double sni) {
        int ck = 2 * k * n;
        int ck1 = 2 * (k + 1) * n;
        for (int i = 0; i < rows; i++) {
            double ur = x[ck + 2 * i];
            double ui = x[ck + 2 * i + 1];
            double wr = x[ck1 + 2 * i];
            double wi = x[ck1 + 2 * i + 1];
            // new_k = u cs + w sn ; new_k1 = -u conj(sn) + w conj(cs)
            x[ck + 2 * i] = ur * csr - ui * csi + wr * snr - wi * sni;
            x[ck + 2 * i + 1] = ur * csi + ui * csr + wr * sni + wi * snr;
            x[ck1 + 2 * i] = -(ur * snr + ui * sni) + (wr * csr + wi * csi);
            x[ck1 + 2 * i + 1] = -(ui * snr - ur * sni) + (wi * csr - wr * csi);
        }
    }

    private static double activeNorm(double[] h, int n, int lo, int hi) {
        double s = 0;
        for (int j = lo; j <= hi; j++) {
            for (int i = lo; i <= Math.min(j + 1, hi); i++) {
                s += abs1(h[2 * (i + j * n)], h[2 * (i + j * n) + 1]);
            }
        }
        return s;
    }

    static double[] csqrt(double re, double im) {
        double r = Math.hypot(re, im);
        if (r == 0) {
            return new double[] {0, 0};
        }
        double sr = Math.sqrt(0.5 * (r + Math.abs(re)));
        double si = 0.5 * im / sr;
        if (re >= 0) {
            return new double[] {sr, si};
        }
        return new double[] {Math.abs(si), Math.copySign(sr, im)};
    }

    /**
     * Exchanges the diagonal entries k and k+1 of T by a unitary rotation, updating T and Q so that
     * {@code A = Q T Q^dagger} still holds.
     */
    void swap(int k) {
        double ar = t[2 * (k + k * n)];
        double ai = t[2 * (k + k * n) + 1];
        double br = t[2 * ((k + 1) + (k + 1) * n)];
        double bi = t[2 * ((k + 1) + (k + 1) * n) + 1];
        double cr = t[2 * (k + (k + 1) * n)];
        double ci = t[2 * (k + (k + 1) * n) + 1];
        // eigenvector of [[a, c], [0, b]] for b: (c, b - a)
        double xr = cr;
        double xi = ci;
        double yr = br - ar;
        double yi = bi - ai;
        double r = Math.hypot(Math.hypot(xr, xi), Math.hypot(yr, yi));
        if (r == 0) {
            return; // equal eigenvalues and no coupling: already swapped
        }
        // Z = [[z1, -conj z2], [z2, conj z1]] with (z1, z2) = (x, y)/r; T <- Z^dagger T Z, Q <- Q Z
        double z1r = xr / r;
        double z1i = xi / r;
        double z2r = yr / r;
        double z2i = yi / r;
        // columns k, k+1 (rows 0..k+1) <- [col_k, col_k1] Z
        int ck = 2 * k * n;
        int ck1 = 2 * (k + 1) * n;
        rotateByZ(t, ck, ck1, k + 2, z1r, z1i, z2r, z2i);
        rotateByZ(q, ck, ck1, n, z1r, z1i, z2r, z2i);
        // rows k, k+1 (columns k..n-1) <- Z^dagger [row_k; row_k1]
        for (int j = k; j < n; j++) {
            int ik = 2 * (k + j * n);
            int ik1 = ik + 2;
            double ur = t[ik];
            double ui = t[ik + 1];
            double wr = t[ik1];
            double wi = t[ik1 + 1];
            // Z^dagger = [[conj z1, conj z2], [-z2, z1]]
            t[ik] = z1r * ur + z1i * ui + z2r * wr + z2i * wi;
            t[ik + 1] = z1r * ui - z1i * ur + z2r * wi - z2i * wr;
            t[ik1] = -(z2r * ur - z2i * ui) + (z1r * wr - z1i * wi);
            t[ik1 + 1] = -(z2r * ui + z2i * ur) + (z1r * wi + z1i * wr);
        }
        t[2 * ((k + 1) + k * n)] = 0;
        t[2 * ((k + 1) + k * n) + 1] = 0;
        // exact diagonal values (the rotation reproduces them to rounding)
        t[2 * (k + k * n)] = br;
        t[2 * (k + k * n) + 1] = bi;
        t[2 * ((k + 1) + (k + 1) * n)] = ar;
        t[2 * ((k + 1) + (k + 1) * n) + 1] = ai;
    }

    /** [u, w] <- [u, w] Z, Z = [[z1, -conj z2], [z2, conj z1]]. */
    private static void rotateByZ(double[] x, int ck, int ck1, int rows, double z1r, double z1i, double z2r,
                                  double z2i) {
        for (int i = 0; i < rows; i++) {
            double ur = x[ck + 2 * i];
            double ui = x[ck + 2 * i + 1];
            double wr = x[ck1 + 2 * i];
            double wi = x[ck1 + 2 * i + 1];
            // new_u = u z1 + w z2 ; new_w = -u conj(z2) + w conj(z1)
            x[ck + 2 * i] = ur * z1r - ui * z1i + wr * z2r - wi * z2i;
            x[ck + 2 * i + 1] = ur * z1i + ui * z1r + wr * z2i + wi * z2r;
            x[ck1 + 2 * i] = -(ur * z2r + ui * z2i) + (wr * z1r + wi * z1i);
            x[ck1 + 2 * i + 1] = -(ui * z2r - ur * z2i) + (wi * z1r - wr * z1i);
        }
    }

    /**
     * Reorders T so that the entries currently at the given positions (in any order) come first, in the
     * order given; returns the permutation: {@code result[p]} = the original position of the entry now
     * at position p.
     */
    int[] moveToFront(int[] positions) {
        int[] label = new int[n];
        for (int i = 0; i < n; i++) {
            label[i] = i;
        }
        int[] where = new int[n];
        for (int i = 0; i < n; i++) {
            where[i] = i;
        }
        for (int target = 0; target < positions.length; target++) {
            int orig = positions[target];
            int pos = where[orig];
            while (pos > target) {
                swap(pos - 1);
                int a = label[pos - 1];
                int b = label[pos];
                label[pos - 1] = b;
                label[pos] = a;
                where[b] = pos - 1;
                where[a] = pos;
                pos--;
            }
        }
        return label;
    }
}
