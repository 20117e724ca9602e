package org.spintorque.linalg;

import java.util.Arrays;

/**
 * A dense complex matrix stored column-major with interleaved real and imaginary parts, the layout of
 * BLAS/LAPACK {@code zgemm}/{@code zgetrf}: element (i, j) is at {@code data[2*(i + j*rows)]} (real) and
 * {@code data[2*(i + j*rows) + 1]} (imaginary).
 *
 * <p>Mutable by design (the solvers work in place), but every operation that returns a matrix returns a new
 * one unless its name says "InPlace" or "into". Small-block arithmetic (multiply, dagger, trace, inverse) is
 * here in plain Java; large products and factorizations go through {@link LinearAlgebra}.
 */
public final class ComplexMatrix {
    private final int rows;
    private final int cols;
    private final double[] data;

    public ComplexMatrix(int rows, int cols) {
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException("negative size " + rows + "x" + cols);
        }
        this.rows = rows;
        this.cols = cols;
        this.data = new double[2 * rows * cols];
    }

    private ComplexMatrix(int rows, int cols, double[] data) {
        this.rows = rows;
        this.cols = cols;
        this.data = data;
    }

    /** Wraps interleaved column-major data without copying. */
    public static ComplexMatrix wrap(int rows, int cols, double[] data) {
        if (data.length != 2 * rows * cols) {
            throw new IllegalArgumentException("data length " + data.length + " is not 2*" + rows + "*" + cols);
        }
        return new ComplexMatrix(rows, cols, data);
    }

    public static ComplexMatrix identity(int n) {
        ComplexMatrix m = new ComplexMatrix(n, n);
        for (int i = 0; i < n; i++) {
            m.set(i, i, 1, 0);
        }
        return m;
    }

    /** A matrix from rows of real parts and rows of imaginary parts (imag may be null). */
    public static ComplexMatrix of(double[][] re, double[][] im) {
        int r = re.length;
        int c = r == 0 ? 0 : re[0].length;
        ComplexMatrix m = new ComplexMatrix(r, c);
        for (int i = 0; i < r; i++) {
            for (int j = 0; j < c; j++) {
                m.set(i, j, re[i][j], im == null ? 0 : im[i][j]);
            }
        }
        return m;
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    /** The backing array (interleaved, column-major); shared, not copied. */
    public double[] data() {
        return data;
    }

    private int index(int i, int j) {
        return 2 * (i + j * rows);
    }

    public double re(int i, int j) {
        return data[index(i, j)];
    }

    public double im(int i, int j) {
        return data[index(i, j) + 1];
    }

    public void set(int i, int j, double re, double im) {
        int k = index(i, j);
        data[k] = re;
        data[k + 1] = im;
    }

    public void add(int i, int j, double re, double im) {
        int k = index(i, j);
        data[k] += re;
        data[k + 1] += im;
    }

    public ComplexMatrix copy() {
        return new ComplexMatrix(rows, cols, data.clone());
    }

    /** this + other. */
    public ComplexMatrix plus(ComplexMatrix other) {
        checkSameShape(other);
        double[] d = data.clone();
        for (int k = 0; k < d.length; k++) {
            d[k] += other.data[k];
        }
        return new ComplexMatrix(rows, cols, d);
    }

    /** this - other. */
    public ComplexMatrix minus(ComplexMatrix other) {
        checkSameShape(other);
        double[] d = data.clone();
        for (int k = 0; k < d.length; k++) {
            d[k] -= other.data[k];
        }
        return new ComplexMatrix(rows, cols, d);
    }

    /** (re + i im) * this. */
    public ComplexMatrix scale(double re, double im) {
        double[] d = new double[data.length];
        for (int k = 0; k < d.length; k += 2) {
            d[k] = re * data[k] - im * data[k + 1];
            d[k + 1] = re * data[k + 1] + im * data[k];
        }
        return new ComplexMatrix(rows, cols, d);
    }

    /** The conjugate transpose. */
    public ComplexMatrix dagger() {
        ComplexMatrix t = new ComplexMatrix(cols, rows);
        for (int j = 0; j < cols; j++) {
            for (int i = 0; i < rows; i++) {
                t.set(j, i, re(i, j), -im(i, j));
            }
        }
        return t;
    }

    /** this * other, plain Java (the pure-Java kernel of {@link JavaLinearAlgebra}). */
    public ComplexMatrix times(ComplexMatrix other) {
        if (cols != other.rows) {
            throw new IllegalArgumentException("cannot multiply " + rows + "x" + cols + " by " + other.rows + "x"
                    + other.cols);
        }
        ComplexMatrix c = new ComplexMatrix(rows, other.cols);
        JavaGemm.gemm(false, false, rows, other.cols, cols, 1, 0, data, 0, Math.max(1, rows), other.data, 0,
                Math.max(1, other.rows), 0, 0, c.data, 0, Math.max(1, rows));
        return c;
    }

    /** The trace, as {re, im}. */
    public double[] trace() {
        if (rows != cols) {
            throw new IllegalArgumentException("trace of a non-square " + rows + "x" + cols + " matrix");
        }
        double re = 0;
        double im = 0;
        for (int i = 0; i < rows; i++) {
            re += re(i, i);
            im += im(i, i);
        }
        return new double[] {re, im};
    }

    /** Real part of Tr[this * other] without forming the product. */
    public double traceOfProductRe(ComplexMatrix other) {
        return traceOfProduct(other)[0];
    }

    /** Tr[this * other] without forming the product, as {re, im}. */
    public double[] traceOfProduct(ComplexMatrix other) {
        if (cols != other.rows || rows != other.cols) {
            throw new IllegalArgumentException("Tr[AB] needs A " + rows + "x" + cols + " and B " + cols + "x" + rows);
        }
        double re = 0;
        double im = 0;
        for (int i = 0; i < rows; i++) {
            for (int k = 0; k < cols; k++) {
                double ar = re(i, k);
                double ai = im(i, k);
                double br = other.re(k, i);
                double bi = other.im(k, i);
                re += ar * br - ai * bi;
                im += ar * bi + ai * br;
            }
        }
        return new double[] {re, im};
    }

    /** Largest |element|, for tolerances. */
    public double maxAbs() {
        double m = 0;
        for (int k = 0; k < data.length; k += 2) {
            m = Math.max(m, Math.hypot(data[k], data[k + 1]));
        }
        return m;
    }

    /** Largest |this - other| element-wise. */
    public double maxAbsDifference(ComplexMatrix other) {
        checkSameShape(other);
        double m = 0;
        for (int k = 0; k < data.length; k += 2) {
            m = Math.max(m, Math.hypot(data[k] - other.data[k], data[k + 1] - other.data[k + 1]));
        }
        return m;
    }

    /** Largest |A - A^dagger| element, 0 for a Hermitian matrix. */
    public double hermiticityError() {
        if (rows != cols) {
            return Double.POSITIVE_INFINITY;
        }
        double m = 0;
        for (int i = 0; i < rows; i++) {
            for (int j = i; j < cols; j++) {
                m = Math.max(m, Math.hypot(re(i, j) - re(j, i), im(i, j) + im(j, i)));
            }
        }
        return m;
    }

    /** The sub-matrix of rows [r0, r0+nr) and columns [c0, c0+nc), copied. */
    public ComplexMatrix block(int r0, int c0, int nr, int nc) {
        ComplexMatrix b = new ComplexMatrix(nr, nc);
        for (int j = 0; j < nc; j++) {
            System.arraycopy(data, index(r0, c0 + j), b.data, 2 * j * nr, 2 * nr);
        }
        return b;
    }

    /** Writes {@code b} into this matrix with its top-left corner at (r0, c0). */
    public void setBlock(int r0, int c0, ComplexMatrix b) {
        for (int j = 0; j < b.cols; j++) {
            System.arraycopy(b.data, 2 * j * b.rows, data, index(r0, c0 + j), 2 * b.rows);
        }
    }

    /** Kronecker product this (x) other. */
    public ComplexMatrix kron(ComplexMatrix other) {
        ComplexMatrix k = new ComplexMatrix(rows * other.rows, cols * other.cols);
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                double ar = re(i, j);
                double ai = im(i, j);
                for (int p = 0; p < other.rows; p++) {
                    for (int q = 0; q < other.cols; q++) {
                        double br = other.re(p, q);
                        double bi = other.im(p, q);
                        k.set(i * other.rows + p, j * other.cols + q, ar * br - ai * bi, ar * bi + ai * br);
                    }
                }
            }
        }
        return k;
    }

    /**
     * The inverse by LU decomposition with partial pivoting, plain Java (the algorithm of
     * {@link JavaLinearAlgebra#inverse}).
     *
     * @throws ArithmeticException if the matrix is singular to working precision
     */
    public ComplexMatrix inverse() {
        if (rows != cols) {
            throw new IllegalArgumentException("inverse of a non-square " + rows + "x" + cols + " matrix");
        }
        return new ComplexMatrix(rows, rows, JavaLu.inverse(data, rows));
    }

    private void checkSameShape(ComplexMatrix o) {
        if (rows != o.rows || cols != o.cols) {
            throw new IllegalArgumentException("shape " + rows + "x" + cols + " vs " + o.rows + "x" + o.cols);
        }
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                sb.append(String.format("(%.4g%+.4gi) ", re(i, j), im(i, j)));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ComplexMatrix m && m.rows == rows && m.cols == cols && Arrays.equals(m.data, data);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(data) * 31 + rows;
    }
}
