package org.spintorque.linalg;

import java.util.Optional;

/**
 * The native backend: OpenBLAS ({@code cblas_zgemm}, {@code LAPACKE_zgetrf}/{@code zgetri},
 * {@code LAPACKE_zgesv}) through the bytedeco JavaCPP presets, set to one OpenBLAS thread so that each call runs
 * in the calling thread (the solvers parallelise over energies in Java).
 *
 * <p>The library is loaded on first use of {@link #isAvailable()} or {@link #instance()}. Loading never throws:
 * if the jars or the native library for this platform are missing, or loading fails in any other way,
 * {@link #isAvailable()} is false and {@link #unavailableReason()} says why. Matrices are copied to and from
 * native buffers on every call (O(n^2) against the O(n^3) work); each thread keeps its buffers for reuse, as
 * large as its largest call so far (three n x n complex matrices for n = 1200 are about 70 MB). Thread-safe.
 */
public final class OpenBlasLinearAlgebra implements LinearAlgebra {
    private static final OpenBlasLinearAlgebra INSTANCE = new OpenBlasLinearAlgebra();

    private OpenBlasLinearAlgebra() {
    }

    /** Loads once, on first access. */
    private static final class Holder {
        static final String DESCRIPTION;
        static final String FAILURE;

        static {
            String description = null;
            String failure = null;
            try {
                description = OpenBlasNative.load();
            } catch (Throwable e) {
                // LinkageError (missing jar or native library), SecurityException, IllegalStateException, ...
                failure = e.getClass().getSimpleName() + ": " + e.getMessage();
            }
            DESCRIPTION = description;
            FAILURE = failure;
        }
    }

    /** Whether the native library loaded (without running any computation). */
    public static boolean isAvailable() {
        return Holder.FAILURE == null;
    }

    /** Why the native library did not load, or null if it did. */
    public static String unavailableReason() {
        return Holder.FAILURE;
    }

    /** A description of the loaded library ("OpenBLAS 0.3.31 (linux-x86_64, 1 thread)"), or empty. */
    public static Optional<String> description() {
        return Optional.ofNullable(Holder.DESCRIPTION);
    }

    /**
     * The backend.
     *
     * @throws IllegalStateException if the native library did not load
     */
    public static OpenBlasLinearAlgebra instance() {
        if (!isAvailable()) {
            throw new IllegalStateException("OpenBLAS is not available: " + unavailableReason());
        }
        return INSTANCE;
    }

    /** The backend if the native library loaded. */
    public static Optional<LinearAlgebra> ifAvailable() {
        return isAvailable() ? Optional.of(INSTANCE) : Optional.empty();
    }

    @Override
    public String name() {
        return "openblas";
    }

    @Override
    public void gemm(boolean daggerA, boolean daggerB, double alphaRe, double alphaIm, ComplexMatrix a,
                     ComplexMatrix b, double betaRe, double betaIm, ComplexMatrix c) {
        int m = daggerA ? a.cols() : a.rows();
        int k = daggerA ? a.rows() : a.cols();
        int kb = daggerB ? b.cols() : b.rows();
        int n = daggerB ? b.rows() : b.cols();
        JavaLinearAlgebra.checkGemmShapes(m, k, kb, n, c);
        if (m == 0 || n == 0) {
            return;
        }
        if (k == 0 || (alphaRe == 0 && alphaIm == 0)) {
            JavaGemm.scale(m, n, betaRe, betaIm, c.data(), 0, c.rows());
            return;
        }
        boolean readC = betaRe != 0 || betaIm != 0;
        OpenBlasNative.zgemm(daggerA, daggerB, m, n, k, alphaRe, alphaIm, a.data(), a.rows(), b.data(), b.rows(),
                betaRe, betaIm, c.data(), c.rows(), readC);
    }

    @Override
    public ComplexMatrix inverse(ComplexMatrix a) {
        int n = JavaLinearAlgebra.checkSquare(a, "inverse");
        if (n == 0) {
            return new ComplexMatrix(0, 0);
        }
        double[] x = new double[2 * n * n];
        int info = OpenBlasNative.inverse(a.data(), n, x);
        check(info, "zgetrf/zgetri");
        checkFinite(x);
        return ComplexMatrix.wrap(n, n, x);
    }

    @Override
    public ComplexMatrix solve(ComplexMatrix a, ComplexMatrix b) {
        int n = JavaLinearAlgebra.checkSquare(a, "solve");
        JavaLinearAlgebra.checkRhs(n, b);
        if (n == 0 || b.cols() == 0) {
            return new ComplexMatrix(n, b.cols());
        }
        double[] x = new double[b.data().length];
        int info = OpenBlasNative.solve(a.data(), n, b.data(), b.cols(), x);
        check(info, "zgesv");
        checkFinite(x);
        return ComplexMatrix.wrap(n, b.cols(), x);
    }

    private static void check(int info, String routine) {
        if (info > 0) {
            throw new ArithmeticException("matrix is singular to working precision (" + routine + ": U(" + info
                    + "," + info + ") is exactly zero)");
        }
        if (info < 0) {
            throw new IllegalArgumentException(routine + ": argument " + (-info) + " is invalid");
        }
    }

    private static void checkFinite(double[] x) {
        for (double v : x) {
            if (!Double.isFinite(v)) {
                throw new ArithmeticException("matrix is singular to working precision (result not finite)");
            }
        }
    }

    @Override
    public String toString() {
        return name();
    }
}
