package org.spintorque.linalg;

import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/** Random matrices, reference implementations and backend lookup for the linalg tests. */
final class LinalgTestSupport {
    private LinalgTestSupport() {
    }

    /** Backend names for parameterized tests. */
    static Stream<String> backends() {
        return Stream.of("java", "openblas");
    }

    /**
     * The backend, or a skipped test (with the reason) when the OpenBLAS native library does not load here. A
     * library that loads is tested directly, whether or not it passes the self-check of {@link LinearAlgebras}.
     */
    static LinearAlgebra backend(String name) {
        if (name.equals("openblas")) {
            Assumptions.assumeTrue(OpenBlasLinearAlgebra.isAvailable(),
                    () -> "OpenBLAS does not load here, skipped: " + OpenBlasLinearAlgebra.unavailableReason());
            return OpenBlasLinearAlgebra.instance();
        }
        return JavaLinearAlgebra.INSTANCE;
    }

    /** Entries with real and imaginary parts uniform in [-1, 1). */
    static ComplexMatrix random(SplittableRandom rnd, int rows, int cols) {
        ComplexMatrix m = new ComplexMatrix(rows, cols);
        double[] d = m.data();
        for (int i = 0; i < d.length; i++) {
            d[i] = rnd.nextDouble(-1, 1);
        }
        return m;
    }

    /**
     * A well-conditioned n x n matrix (2 + random of norm about 1 on the diagonal plus random off-diagonal,
     * condition number of order 10), with its rows shuffled so that partial pivoting has work to do.
     */
    static ComplexMatrix wellConditioned(SplittableRandom rnd, int n) {
        ComplexMatrix r = random(rnd, n, n).scale(1 / Math.sqrt(2.0 * n), 0);
        for (int i = 0; i < n; i++) {
            r.add(i, i, 2 * (rnd.nextBoolean() ? 1 : -1), rnd.nextDouble(-1, 1));
        }
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        ComplexMatrix p = new ComplexMatrix(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                p.set(perm[i], j, r.re(i, j), r.im(i, j));
            }
        }
        return p;
    }

    /** op(M)(i, j): M(i, j) or conj(M(j, i)). */
    static double[] op(ComplexMatrix m, boolean dagger, int i, int j) {
        return dagger ? new double[] {m.re(j, i), -m.im(j, i)} : new double[] {m.re(i, j), m.im(i, j)};
    }

    /** alpha op(A) op(B) + beta C by the textbook triple loop (C not modified). */
    static ComplexMatrix naiveGemm(boolean daggerA, boolean daggerB, double alphaRe, double alphaIm, ComplexMatrix a,
                                   ComplexMatrix b, double betaRe, double betaIm, ComplexMatrix c) {
        int m = c.rows();
        int n = c.cols();
        int k = daggerA ? a.rows() : a.cols();
        ComplexMatrix out = new ComplexMatrix(m, n);
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double sr = 0;
                double si = 0;
                for (int l = 0; l < k; l++) {
                    double[] x = op(a, daggerA, i, l);
                    double[] y = op(b, daggerB, l, j);
                    sr += x[0] * y[0] - x[1] * y[1];
                    si += x[0] * y[1] + x[1] * y[0];
                }
                double vr = alphaRe * sr - alphaIm * si;
                double vi = alphaRe * si + alphaIm * sr;
                if (betaRe != 0 || betaIm != 0) {
                    vr += betaRe * c.re(i, j) - betaIm * c.im(i, j);
                    vi += betaRe * c.im(i, j) + betaIm * c.re(i, j);
                }
                out.set(i, j, vr, vi);
            }
        }
        return out;
    }

    /** Largest |x - y| divided by the larger of 1 and the largest |y|. */
    static double relativeError(ComplexMatrix x, ComplexMatrix y) {
        return x.maxAbsDifference(y) / Math.max(1e-300, Math.max(1, y.maxAbs()));
    }
}
