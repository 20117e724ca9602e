package org.spintorque.linalg;

/**
 * The narrow interface through which large dense complex linear algebra goes: a native BLAS/LAPACK
 * backend where available and a pure-Java fallback. Implementations are stateless and thread-safe.
 */
public interface LinearAlgebra {
    /** Backend name for reports ("openblas", "java"). */
    String name();

    /** C = alpha * op(A) * op(B) + beta * C, op = identity or conjugate transpose (zgemm). */
    void gemm(boolean daggerA, boolean daggerB, double alphaRe, double alphaIm, ComplexMatrix a, ComplexMatrix b,
              double betaRe, double betaIm, ComplexMatrix c);

    /** A^-1 (zgetrf + zgetri, or an equivalent); throws ArithmeticException if A is singular. */
    ComplexMatrix inverse(ComplexMatrix a);

    /** X with A X = B, B not modified (zgesv). */
    ComplexMatrix solve(ComplexMatrix a, ComplexMatrix b);

    /**
     * The backend to use here: OpenBLAS when it loads and works, else pure Java; the system property
     * {@code spintorque.linalg=java|openblas} forces one (see {@link LinearAlgebras#best()}).
     */
    static LinearAlgebra best() {
        return LinearAlgebras.best();
    }

    /** A * B. */
    default ComplexMatrix multiply(ComplexMatrix a, ComplexMatrix b) {
        ComplexMatrix c = new ComplexMatrix(a.rows(), b.cols());
        gemm(false, false, 1, 0, a, b, 0, 0, c);
        return c;
    }
}
