package org.spintorque.linalg;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.openblas.global.openblas;

/**
 * The only class that refers to the native OpenBLAS bindings (bytedeco JavaCPP presets). It is touched only
 * inside a try block of {@link OpenBlasLinearAlgebra}, so that a missing jar or native library turns into a
 * caught error instead of a failure of the caller.
 *
 * <p>Matrices are copied into native buffers that each thread keeps and reuses (grown when needed): fresh
 * native memory for every call costs page faults that, for n = 1000, took as long as the product itself.
 */
final class OpenBlasNative {
    private OpenBlasNative() {
    }

    /**
     * Loads the native library and sets OpenBLAS to one thread (callers parallelise across calls; OpenBLAS's own
     * threads were also seen to crash zgetrf on the default 1 MB Java thread stack).
     *
     * @return a description of the loaded library
     */
    static String load() {
        Loader.load(openblas.class);
        openblas.blas_set_num_threads(1);
        int threads = openblas.blas_get_num_threads();
        if (threads != 1) {
            throw new IllegalStateException("OpenBLAS did not accept one thread (reports " + threads + ")");
        }
        return openblas.OPENBLAS_VERSION.trim() + " (" + Loader.getPlatform() + ", 1 thread)";
    }

    /** Native buffers of one thread. */
    private static final class Buffers {
        private final DoublePointer[] doubles = new DoublePointer[5];
        private IntPointer ints;

        /** Buffer {@code slot} with room for at least {@code length} doubles, positioned at 0. */
        DoublePointer doubles(int slot, long length) {
            DoublePointer p = doubles[slot];
            if (p == null || p.capacity() < length) {
                if (p != null) {
                    p.close();
                }
                long grown = p == null ? length : Math.max(length, p.capacity() + p.capacity() / 4);
                p = new DoublePointer(Math.max(1, grown));
                doubles[slot] = p;
            }
            return p.position(0);
        }

        IntPointer ints(long length) {
            if (ints == null || ints.capacity() < length) {
                if (ints != null) {
                    ints.close();
                }
                ints = new IntPointer(Math.max(1, length));
            }
            return ints.position(0);
        }
    }

    private static final ThreadLocal<Buffers> BUFFERS = ThreadLocal.withInitial(Buffers::new);

    private static DoublePointer copyIn(Buffers buffers, int slot, double[] x) {
        DoublePointer p = buffers.doubles(slot, x.length);
        p.put(x, 0, x.length);
        return p.position(0);
    }

    /** zgemm on whole column-major interleaved arrays; C is overwritten with the result. */
    static void zgemm(boolean daggerA, boolean daggerB, int m, int n, int k, double alphaRe, double alphaIm,
                      double[] a, int lda, double[] b, int ldb, double betaRe, double betaIm, double[] c, int ldc,
                      boolean readC) {
        Buffers buffers = BUFFERS.get();
        DoublePointer pa = copyIn(buffers, 0, a);
        DoublePointer pb = b == a ? pa : copyIn(buffers, 1, b);
        DoublePointer pc = readC ? copyIn(buffers, 2, c) : buffers.doubles(2, c.length);
        // separate buffers: cblas_zgemm takes alpha and beta as void*, for which a position would count bytes
        DoublePointer alpha = buffers.doubles(3, 2).put(0, alphaRe).put(1, alphaIm);
        DoublePointer beta = buffers.doubles(4, 2).put(0, betaRe).put(1, betaIm);
        openblas.cblas_zgemm(openblas.CblasColMajor, daggerA ? openblas.CblasConjTrans : openblas.CblasNoTrans,
                daggerB ? openblas.CblasConjTrans : openblas.CblasNoTrans, m, n, k, alpha, pa, lda, pb, ldb, beta, pc,
                ldc);
        pc.position(0).get(c, 0, c.length);
    }

    /**
     * LAPACKE_zgetrf then LAPACKE_zgetri on a copy of {@code a}; the inverse is written to {@code out}.
     *
     * @return the first nonzero info (0 on success)
     */
    static int inverse(double[] a, int n, double[] out) {
        Buffers buffers = BUFFERS.get();
        DoublePointer pa = copyIn(buffers, 0, a);
        IntPointer ipiv = buffers.ints(n);
        int info = openblas.LAPACKE_zgetrf_work(openblas.LAPACK_COL_MAJOR, n, n, pa, n, ipiv);
        if (info != 0) {
            return info;
        }
        // workspace query, then the inversion with a reused workspace
        DoublePointer query = buffers.doubles(1, 2);
        info = openblas.LAPACKE_zgetri_work(openblas.LAPACK_COL_MAJOR, n, pa, n, ipiv, query, -1);
        if (info != 0) {
            return info;
        }
        int lwork = Math.max(n, (int) Math.min(Integer.MAX_VALUE / 4, (long) query.get(0)));
        DoublePointer work = buffers.doubles(1, 2L * lwork);
        info = openblas.LAPACKE_zgetri_work(openblas.LAPACK_COL_MAJOR, n, pa, n, ipiv, work, lwork);
        if (info == 0) {
            pa.position(0).get(out, 0, out.length);
        }
        return info;
    }

    /**
     * LAPACKE_zgesv on copies of {@code a} (n x n) and {@code b} (n x nrhs); the solution is written to
     * {@code out}.
     *
     * @return info
     */
    static int solve(double[] a, int n, double[] b, int nrhs, double[] out) {
        Buffers buffers = BUFFERS.get();
        DoublePointer pa = copyIn(buffers, 0, a);
        DoublePointer pb = copyIn(buffers, 1, b);
        IntPointer ipiv = buffers.ints(n);
        int info = openblas.LAPACKE_zgesv_work(openblas.LAPACK_COL_MAJOR, n, nrhs, pa, n, ipiv, pb, n);
        if (info == 0) {
            pb.position(0).get(out, 0, out.length);
        }
        return info;
    }
}
