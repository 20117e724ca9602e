package org.spintorque.transport;

import org.spintorque.linalg.ComplexMatrix;
import org.spintorque.linalg.LinearAlgebra;

/**
 * An inter-slice hopping C = H_{k+1,k} prepared for the products the solver needs. Lattice hoppings are
 * very sparse (a multiple of the identity, or 2x2 spin blocks on the diagonal), so when at most one
 * element in {@link #SPARSE_FRACTION} is non-zero the products run over the non-zero elements only,
 * O(nnz x columns) instead of a dense gemm; otherwise they go through the {@link LinearAlgebra} backend.
 */
final class Coupling {
    /** A matrix with nnz * SPARSE_FRACTION <= rows * cols is treated as sparse. */
    static final int SPARSE_FRACTION = 16;

    private final ComplexMatrix dense;
    private final LinearAlgebra la;
    private final int[] rowIdx;
    private final int[] colIdx;
    private final double[] valRe;
    private final double[] valIm;

    Coupling(ComplexMatrix c, LinearAlgebra la) {
        this.dense = c;
        this.la = la;
        int nnz = 0;
        double[] d = c.data();
        for (int k = 0; k < d.length; k += 2) {
            if (d[k] != 0 || d[k + 1] != 0) {
                nnz++;
            }
        }
        if ((long) nnz * SPARSE_FRACTION <= (long) c.rows() * c.cols()) {
            rowIdx = new int[nnz];
            colIdx = new int[nnz];
            valRe = new double[nnz];
            valIm = new double[nnz];
            int p = 0;
            for (int j = 0; j < c.cols(); j++) {
                for (int i = 0; i < c.rows(); i++) {
                    double re = c.re(i, j);
                    double im = c.im(i, j);
                    if (re != 0 || im != 0) {
                        rowIdx[p] = i;
                        colIdx[p] = j;
                        valRe[p] = re;
                        valIm[p] = im;
                        p++;
                    }
                }
            }
        } else {
            rowIdx = null;
            colIdx = null;
            valRe = null;
            valIm = null;
        }
    }

    boolean sparse() {
        return rowIdx != null;
    }

    int rows() {
        return dense.rows();
    }

    int cols() {
        return dense.cols();
    }

    /** C X. */
    ComplexMatrix times(ComplexMatrix x) {
        if (rowIdx == null) {
            return la.multiply(dense, x);
        }
        int rows = dense.rows();
        int xr = x.rows();
        ComplexMatrix out = new ComplexMatrix(rows, x.cols());
        double[] o = out.data();
        double[] xd = x.data();
        for (int q = 0; q < x.cols(); q++) {
            int oc = 2 * q * rows;
            int xc = 2 * q * xr;
            for (int p = 0; p < rowIdx.length; p++) {
                double ar = valRe[p];
                double ai = valIm[p];
                double br = xd[xc + 2 * colIdx[p]];
                double bi = xd[xc + 2 * colIdx[p] + 1];
                o[oc + 2 * rowIdx[p]] += ar * br - ai * bi;
                o[oc + 2 * rowIdx[p] + 1] += ar * bi + ai * br;
            }
        }
        return out;
    }

    /** C^dagger X. */
    ComplexMatrix daggerTimes(ComplexMatrix x) {
        if (rowIdx == null) {
            ComplexMatrix out = new ComplexMatrix(dense.cols(), x.cols());
            la.gemm(true, false, 1, 0, dense, x, 0, 0, out);
            return out;
        }
        int cols = dense.cols();
        int xr = x.rows();
        ComplexMatrix out = new ComplexMatrix(cols, x.cols());
        double[] o = out.data();
        double[] xd = x.data();
        for (int q = 0; q < x.cols(); q++) {
            int oc = 2 * q * cols;
            int xc = 2 * q * xr;
            for (int p = 0; p < rowIdx.length; p++) {
                double ar = valRe[p];
                double ai = -valIm[p];
                double br = xd[xc + 2 * rowIdx[p]];
                double bi = xd[xc + 2 * rowIdx[p] + 1];
                o[oc + 2 * colIdx[p]] += ar * br - ai * bi;
                o[oc + 2 * colIdx[p] + 1] += ar * bi + ai * br;
            }
        }
        return out;
    }

    /** X C. */
    ComplexMatrix rightTimes(ComplexMatrix x) {
        if (rowIdx == null) {
            return la.multiply(x, dense);
        }
        int n = x.rows();
        ComplexMatrix out = new ComplexMatrix(n, dense.cols());
        double[] o = out.data();
        double[] xd = x.data();
        for (int p = 0; p < rowIdx.length; p++) {
            double ar = valRe[p];
            double ai = valIm[p];
            int src = 2 * rowIdx[p] * n;
            int dst = 2 * colIdx[p] * n;
            for (int i = 0; i < n; i++) {
                double br = xd[src + 2 * i];
                double bi = xd[src + 2 * i + 1];
                o[dst + 2 * i] += br * ar - bi * ai;
                o[dst + 2 * i + 1] += br * ai + bi * ar;
            }
        }
        return out;
    }

    /** X C^dagger. */
    ComplexMatrix rightTimesDagger(ComplexMatrix x) {
        if (rowIdx == null) {
            ComplexMatrix out = new ComplexMatrix(x.rows(), dense.rows());
            la.gemm(false, true, 1, 0, x, dense, 0, 0, out);
            return out;
        }
        int n = x.rows();
        ComplexMatrix out = new ComplexMatrix(n, dense.rows());
        double[] o = out.data();
        double[] xd = x.data();
        for (int p = 0; p < rowIdx.length; p++) {
            double ar = valRe[p];
            double ai = -valIm[p];
            int src = 2 * colIdx[p] * n;
            int dst = 2 * rowIdx[p] * n;
            for (int i = 0; i < n; i++) {
                double br = xd[src + 2 * i];
                double bi = xd[src + 2 * i + 1];
                o[dst + 2 * i] += br * ar - bi * ai;
                o[dst + 2 * i + 1] += br * ai + bi * ar;
            }
        }
        return out;
    }

    /** C^dagger G C (G is rows x rows; the result cols x cols). */
    ComplexMatrix sandwich(ComplexMatrix g) {
        return daggerTimes(rightTimes(g));
    }
}
