package org.spintorque.transport;

import org.spintorque.linalg.ComplexMatrix;

/**
 * Eigenvalues and orthonormal eigenvectors of a complex Hermitian matrix, {@code A = Z diag(w) Z^dagger}.
 *
 * <p>Method: Householder reduction to Hermitian tridiagonal form, a diagonal unitary that makes the
 * tridiagonal matrix real, then the implicit QL algorithm with Wilkinson-type shifts on the real symmetric
 * tridiagonal matrix, its plane rotations accumulated into the complex eigenvector matrix. Backward stable:
 * the residual {@code |A Z - Z diag(w)|} is a small multiple of machine precision times {@code |A|}.
 * Eigenvalues are returned in ascending order. Only the lower triangle of the input is read; the input is
 * not modified.
 */
public final class HermitianEigen {
    private static final int MAX_SWEEPS = 60;

    private final double[] values;
    private final ComplexMatrix vectors;

    private HermitianEigen(double[] values, ComplexMatrix vectors) {
        this.values = values;
        this.vectors = vectors;
    }

    /** Eigenvalues in ascending order (a copy). */
    public double[] values() {
        return values.clone();
    }

    public double value(int i) {
        return values[i];
    }

    /** Orthonormal eigenvectors as columns, column i belonging to {@code values()[i]} (shared, not copied). */
    public ComplexMatrix vectors() {
        return vectors;
    }

    /** Eigen-decomposition of a Hermitian matrix. */
    public static HermitianEigen of(ComplexMatrix a) {
        return decompose(a, true);
    }

    /** Eigenvalues only, ascending. */
    public static double[] eigenvalues(ComplexMatrix a) {
        return decompose(a, false).values;
    }

    private static HermitianEigen decompose(ComplexMatrix input, boolean wantVectors) {
        int n = input.rows();
        if (n != input.cols()) {
            throw new IllegalArgumentException("eigen-decomposition of a non-square " + n + "x" + input.cols()
                    + " matrix");
        }
        if (n == 0) {
            return new HermitianEigen(new double[0], new ComplexMatrix(0, 0));
        }
        double[] a = input.data().clone();
        // make the working copy exactly Hermitian from its lower triangle
        for (int j = 0; j < n; j++) {
            a[2 * (j + j * n) + 1] = 0;
            for (int i = j + 1; i < n; i++) {
                int lo = 2 * (i + j * n);
                int up = 2 * (j + i * n);
                a[up] = a[lo];
                a[up + 1] = -a[lo + 1];
            }
        }
        double[][] reflectors = new double[Math.max(0, n - 2)][];
        double[] taus = new double[Math.max(0, n - 2)];
        double[] p = new double[2 * n];
        for (int k = 0; k < n - 2; k++) {
            int m = n - k - 1;
            double norm2 = 0;
            for (int i = k + 1; i < n; i++) {
                int idx = 2 * (i + k * n);
                norm2 += a[idx] * a[idx] + a[idx + 1] * a[idx + 1];
            }
            int first = 2 * ((k + 1) + k * n);
            double x0r = a[first];
            double x0i = a[first + 1];
            double tail = norm2 - (x0r * x0r + x0i * x0i);
            if (tail == 0) {
                continue; // already tridiagonal in this column; reflector is the identity
            }
            double xnorm = Math.sqrt(norm2);
            double x0abs = Math.hypot(x0r, x0i);
            double phr = x0abs == 0 ? 1 : x0r / x0abs;
            double phi = x0abs == 0 ? 0 : x0i / x0abs;
            double alphaR = -phr * xnorm;
            double alphaI = -phi * xnorm;
            double[] v = new double[2 * m];
            for (int i = 0; i < m; i++) {
                int idx = 2 * ((k + 1 + i) + k * n);
                v[2 * i] = a[idx];
                v[2 * i + 1] = a[idx + 1];
            }
            v[0] -= alphaR;
            v[1] -= alphaI;
            double vnorm2 = 0;
            for (int i = 0; i < 2 * m; i++) {
                vnorm2 += v[i] * v[i];
            }
            double tau = 2 / vnorm2;
            reflectors[k] = v;
            taus[k] = tau;
            // p = tau * A22 v (A22 = trailing block, full storage)
            java.util.Arrays.fill(p, 0, 2 * m, 0);
            for (int j = 0; j < m; j++) {
                double vr = v[2 * j];
                double vi = v[2 * j + 1];
                int col = 2 * ((k + 1) + (k + 1 + j) * n);
                for (int i = 0; i < m; i++) {
                    double ar = a[col + 2 * i];
                    double ai = a[col + 2 * i + 1];
                    p[2 * i] += ar * vr - ai * vi;
                    p[2 * i + 1] += ar * vi + ai * vr;
                }
            }
            double vp = 0; // Re(v^dagger p), real because A22 is Hermitian
            for (int i = 0; i < m; i++) {
                p[2 * i] *= tau;
                p[2 * i + 1] *= tau;
                vp += v[2 * i] * p[2 * i] + v[2 * i + 1] * p[2 * i + 1];
            }
            double beta = 0.5 * tau * vp;
            // w = p - beta v ; A22 -= v w^dagger + w v^dagger
            double[] w = p;
            for (int i = 0; i < m; i++) {
                w[2 * i] -= beta * v[2 * i];
                w[2 * i + 1] -= beta * v[2 * i + 1];
            }
            for (int j = 0; j < m; j++) {
                double vjr = v[2 * j];
                double vji = -v[2 * j + 1]; // conj(v_j)
                double wjr = w[2 * j];
                double wji = -w[2 * j + 1]; // conj(w_j)
                int col = 2 * ((k + 1) + (k + 1 + j) * n);
                for (int i = 0; i < m; i++) {
                    double vir = v[2 * i];
                    double vii = v[2 * i + 1];
                    double wir = w[2 * i];
                    double wii = w[2 * i + 1];
                    a[col + 2 * i] -= vir * wjr - vii * wji + wir * vjr - wii * vji;
                    a[col + 2 * i + 1] -= vir * wji + vii * wjr + wir * vji + wii * vjr;
                }
            }
            a[first] = alphaR;
            a[first + 1] = alphaI;
            for (int i = k + 2; i < n; i++) {
                int idx = 2 * (i + k * n);
                a[idx] = 0;
                a[idx + 1] = 0;
            }
        }
        double[] d = new double[n];
        double[] e = new double[n];
        double[] phaseR = new double[n];
        double[] phaseI = new double[n];
        phaseR[0] = 1;
        for (int k = 0; k < n; k++) {
            d[k] = a[2 * (k + k * n)];
            if (k + 1 < n) {
                int idx = 2 * ((k + 1) + k * n);
                double er = a[idx];
                double ei = a[idx + 1];
                double abs = Math.hypot(er, ei);
                e[k] = abs;
                double ur = abs == 0 ? 1 : er / abs;
                double ui = abs == 0 ? 0 : ei / abs;
                phaseR[k + 1] = phaseR[k] * ur - phaseI[k] * ui;
                phaseI[k + 1] = phaseR[k] * ui + phaseI[k] * ur;
            }
        }
        double[] z = null;
        if (wantVectors) {
            // Q = H_0 H_1 ... H_{n-3}, accumulated backwards on the identity
            z = new double[2 * n * n];
            for (int i = 0; i < n; i++) {
                z[2 * (i + i * n)] = 1;
            }
            for (int k = n - 3; k >= 0; k--) {
                double[] v = reflectors[k];
                if (v == null) {
                    continue;
                }
                int m = n - k - 1;
                double tau = taus[k];
                for (int j = k + 1; j < n; j++) {
                    Householder.reflect(z, 2 * ((k + 1) + j * n), v, m, tau);
                }
            }
            // Z0 = Q D: column k times the phase that makes the tridiagonal real
            for (int k = 0; k < n; k++) {
                double ur = phaseR[k];
                double ui = phaseI[k];
                int col = 2 * k * n;
                for (int i = 0; i < n; i++) {
                    double qr = z[col + 2 * i];
                    double qi = z[col + 2 * i + 1];
                    z[col + 2 * i] = qr * ur - qi * ui;
                    z[col + 2 * i + 1] = qr * ui + qi * ur;
                }
            }
        }
        tridiagonalQl(d, e, z, n);
        // sort ascending
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (x, y) -> Double.compare(d[x], d[y]));
        double[] values = new double[n];
        ComplexMatrix vectors = wantVectors ? new ComplexMatrix(n, n) : null;
        for (int i = 0; i < n; i++) {
            values[i] = d[order[i]];
            if (wantVectors) {
                System.arraycopy(z, 2 * order[i] * n, vectors.data(), 2 * i * n, 2 * n);
            }
        }
        return new HermitianEigen(values, vectors);
    }

    /**
     * Implicit QL with shifts on the real symmetric tridiagonal matrix with diagonal d and off-diagonal
     * e[k] = T(k+1, k) (e[n-1] unused); rotations are applied to the columns of the complex matrix z.
     */
    private static void tridiagonalQl(double[] d, double[] e, double[] z, int n) {
        double eps = Math.ulp(1.0);
        e[n - 1] = 0;
        for (int l = 0; l < n; l++) {
            int iter = 0;
            int m;
            do {
                for (m = l; m < n - 1; m++) {
                    double dd = Math.abs(d[m]) + Math.abs(d[m + 1]);
                    if (Math.abs(e[m]) <= eps * dd) {
                        break;
                    }
                }
                if (m != l) {
                    if (iter++ == MAX_SWEEPS) {
                        throw new ArithmeticException("Hermitian eigenvalue iteration did not converge");
                    }
                    double g = (d[l + 1] - d[l]) / (2 * e[l]);
                    double r = Math.hypot(g, 1);
                    g = d[m] - d[l] + e[l] / (g + Math.copySign(r, g));
                    double s = 1;
                    double c = 1;
                    double p = 0;
                    int i;
                    boolean underflow = false;
                    for (i = m - 1; i >= l; i--) {
                        double f = s * e[i];
                        double b = c * e[i];
                        r = Math.hypot(f, g);
                        e[i + 1] = r;
                        if (r == 0) {
                            d[i + 1] -= p;
                            e[m] = 0;
                            underflow = true;
                            break;
                        }
                        s = f / r;
                        c = g / r;
                        g = d[i + 1] - p;
                        r = (d[i] - g) * s + 2 * c * b;
                        p = s * r;
                        d[i + 1] = g + p;
                        g = c * r - b;
                        if (z != null) {
                            int ci = 2 * i * n;
                            int cj = 2 * (i + 1) * n;
                            for (int k = 0; k < 2 * n; k++) {
                                double zi = z[ci + k];
                                double zj = z[cj + k];
                                z[cj + k] = s * zi + c * zj;
                                z[ci + k] = c * zi - s * zj;
                            }
                        }
                    }
                    if (underflow) {
                        continue;
                    }
                    d[l] -= p;
                    e[l] = g;
                    e[m] = 0;
                }
            } while (m != l);
        }
    }
}
