package org.spintorque.linalg;

/**
 * The pure-Java backend: always available, used where no native BLAS/LAPACK loads.
 *
 * <p>Products go through a cache-blocked kernel that the JIT compiler vectorizes ({@link JavaGemm}); inverse and
 * solve through a recursive LU decomposition with partial pivoting whose work is mostly matrix products
 * ({@link JavaLu}). Every call runs in the calling thread; the class is stateless and thread-safe.
 */
public final class JavaLinearAlgebra implements LinearAlgebra {
    public static final JavaLinearAlgebra INSTANCE = new JavaLinearAlgebra();

    @Override
    public String name() {
        return "java";
    }

    @Override
    public void gemm(boolean daggerA, boolean daggerB, double alphaRe, double alphaIm, ComplexMatrix a,
                     ComplexMatrix b, double betaRe, double betaIm, ComplexMatrix c) {
        int m = daggerA ? a.cols() : a.rows();
        int k = daggerA ? a.rows() : a.cols();
        int kb = daggerB ? b.cols() : b.rows();
        int n = daggerB ? b.rows() : b.cols();
        checkGemmShapes(m, k, kb, n, c);
        JavaGemm.gemm(daggerA, daggerB, m, n, k, alphaRe, alphaIm, a.data(), 0, Math.max(1, a.rows()), b.data(), 0,
                Math.max(1, b.rows()), betaRe, betaIm, c.data(), 0, Math.max(1, c.rows()));
    }

    static void checkGemmShapes(int m, int k, int kb, int n, ComplexMatrix c) {
        if (k != kb) {
            throw new IllegalArgumentException("gemm: op(A) is " + m + "x" + k + " but op(B) is " + kb + "x" + n);
        }
        if (c.rows() != m || c.cols() != n) {
            throw new IllegalArgumentException("gemm: result " + m + "x" + n + " into " + c.rows() + "x"
                    + c.cols());
        }
    }

    @Override
    public ComplexMatrix inverse(ComplexMatrix a) {
        int n = checkSquare(a, "inverse");
        return ComplexMatrix.wrap(n, n, JavaLu.inverse(a.data(), n));
    }

    @Override
    public ComplexMatrix solve(ComplexMatrix a, ComplexMatrix b) {
        int n = checkSquare(a, "solve");
        checkRhs(n, b);
        return ComplexMatrix.wrap(n, b.cols(), JavaLu.solve(a.data(), n, b.data(), b.cols()));
    }

    static int checkSquare(ComplexMatrix a, String what) {
        if (a.rows() != a.cols()) {
            throw new IllegalArgumentException(what + " of a non-square " + a.rows() + "x" + a.cols() + " matrix");
        }
        return a.rows();
    }

    static void checkRhs(int n, ComplexMatrix b) {
        if (b.rows() != n) {
            throw new IllegalArgumentException("solve: A is " + n + "x" + n + " but B has " + b.rows() + " rows");
        }
    }

    @Override
    public String toString() {
        return name();
    }
}
