package org.spintorque.hamiltonian;

import org.spintorque.linalg.ComplexMatrix;

/**
 * Spin matrices in the site basis {@code orbital * 2 + spin}: {@code Sigma^a = 1_orb (x) sigma^a}, with the
 * Pauli matrices sigma^x, sigma^y, sigma^z (eigenvalues +-1) and sigma^0 = 1. Every method returns a new matrix.
 */
public final class Pauli {
    private Pauli() {
    }

    /** sigma^a for a = 0 (identity), 1 (x), 2 (y), 3 (z), 2 x 2. */
    public static ComplexMatrix sigma(int a) {
        ComplexMatrix m = new ComplexMatrix(2, 2);
        switch (a) {
            case 0 -> {
                m.set(0, 0, 1, 0);
                m.set(1, 1, 1, 0);
            }
            case 1 -> {
                m.set(0, 1, 1, 0);
                m.set(1, 0, 1, 0);
            }
            case 2 -> {
                m.set(0, 1, 0, -1);
                m.set(1, 0, 0, 1);
            }
            case 3 -> {
                m.set(0, 0, 1, 0);
                m.set(1, 1, -1, 0);
            }
            default -> throw new IndexOutOfBoundsException("Pauli index " + a + " is not 0..3");
        }
        return m;
    }

    /** {@code Sigma^a = 1_orb (x) sigma^a} (a = 0..3), of size 2 * orbitals. */
    public static ComplexMatrix sigma(int a, int orbitals) {
        return ComplexMatrix.identity(orbitals).kron(sigma(a));
    }

    /**
     * {@code 1_orb (x) (c0 + cx sigma^x + cy sigma^y + cz sigma^z)} with complex coefficients given as
     * {re, im} pairs: {@code coefficients = {re0, im0, rex, imx, rey, imy, rez, imz}}.
     */
    public static ComplexMatrix spinBlock(int orbitals, double... coefficients) {
        if (coefficients.length != 8) {
            throw new IllegalArgumentException("need 8 numbers (re, im of c0, cx, cy, cz), got "
                    + coefficients.length);
        }
        double r0 = coefficients[0];
        double i0 = coefficients[1];
        double rx = coefficients[2];
        double ix = coefficients[3];
        double ry = coefficients[4];
        double iy = coefficients[5];
        double rz = coefficients[6];
        double iz = coefficients[7];
        ComplexMatrix s = new ComplexMatrix(2, 2);
        s.set(0, 0, r0 + rz, i0 + iz);
        s.set(1, 1, r0 - rz, i0 - iz);
        // sigma^x + sigma^y parts: (0,1) = cx - i cy, (1,0) = cx + i cy
        s.set(0, 1, rx + iy, ix - ry);
        s.set(1, 0, rx - iy, ix + ry);
        return orbitals == 1 ? s : ComplexMatrix.identity(orbitals).kron(s);
    }

    /** {@code 1_orb (x) (v . sigma)} for a real vector v. */
    public static ComplexMatrix dot(int orbitals, double vx, double vy, double vz) {
        return spinBlock(orbitals, 0, 0, vx, 0, vy, 0, vz, 0);
    }

    /**
     * The spin traces {@code Tr[Sigma^a X]} for a = 0..3 of a block X of size 2 * orbitals, as
     * {re0, im0, rex, imx, rey, imy, rez, imz}. Uses Tr[sigma^x Y] = Y_10 + Y_01, Tr[sigma^y Y] = i (Y_01 - Y_10),
     * Tr[sigma^z Y] = Y_00 - Y_11 on each orbital's 2 x 2 diagonal block Y.
     */
    public static double[] spinTraces(ComplexMatrix x) {
        int n = x.rows();
        double[] d = x.data();
        double[] out = new double[8];
        for (int o = 0; o < n; o += 2) {
            int k00 = 2 * (o + o * n);
            int k10 = 2 * (o + 1 + o * n);
            int k01 = 2 * (o + (o + 1) * n);
            int k11 = 2 * (o + 1 + (o + 1) * n);
            out[0] += d[k00] + d[k11];
            out[1] += d[k00 + 1] + d[k11 + 1];
            out[2] += d[k10] + d[k01];
            out[3] += d[k10 + 1] + d[k01 + 1];
            // i (Y01 - Y10)
            out[4] += -(d[k01 + 1] - d[k10 + 1]);
            out[5] += d[k01] - d[k10];
            out[6] += d[k00] - d[k11];
            out[7] += d[k00 + 1] - d[k11 + 1];
        }
        return out;
    }
    /**
     * {@code Tr[Sigma^a A B]} for a = 0..3 without forming the product (only the orbital-diagonal 2 x 2 blocks
     * of AB are needed, cost 2 n^2 instead of n^3), as {re0, im0, rex, imx, rey, imy, rez, imz}.
     */
    public static double[] spinTracesOfProduct(ComplexMatrix a, ComplexMatrix b) {
        int n = a.rows();
        if (a.cols() != n || b.rows() != n || b.cols() != n || n % 2 != 0) {
            throw new IllegalArgumentException("need two square blocks of equal even size, got " + a.rows() + "x"
                    + a.cols() + " and " + b.rows() + "x" + b.cols());
        }
        double[] ad = a.data();
        double[] bd = b.data();
        double[] out = new double[8];
        double[] y = new double[8];
        for (int o = 0; o < n; o += 2) {
            java.util.Arrays.fill(y, 0);
            // y = {Y00, Y10, Y01, Y11} (re, im) with Y_uv = sum_r A(o+u, r) B(r, o+v)
            for (int r = 0; r < n; r++) {
                int ka0 = 2 * (o + r * n);
                int ka1 = ka0 + 2;
                double a0r = ad[ka0];
                double a0i = ad[ka0 + 1];
                double a1r = ad[ka1];
                double a1i = ad[ka1 + 1];
                int kb0 = 2 * (r + o * n);
                int kb1 = 2 * (r + (o + 1) * n);
                double b0r = bd[kb0];
                double b0i = bd[kb0 + 1];
                double b1r = bd[kb1];
                double b1i = bd[kb1 + 1];
                y[0] += a0r * b0r - a0i * b0i;
                y[1] += a0r * b0i + a0i * b0r;
                y[2] += a1r * b0r - a1i * b0i;
                y[3] += a1r * b0i + a1i * b0r;
                y[4] += a0r * b1r - a0i * b1i;
                y[5] += a0r * b1i + a0i * b1r;
                y[6] += a1r * b1r - a1i * b1i;
                y[7] += a1r * b1i + a1i * b1r;
            }
            double y00r = y[0];
            double y00i = y[1];
            double y10r = y[2];
            double y10i = y[3];
            double y01r = y[4];
            double y01i = y[5];
            double y11r = y[6];
            double y11i = y[7];
            out[0] += y00r + y11r;
            out[1] += y00i + y11i;
            out[2] += y10r + y01r;
            out[3] += y10i + y01i;
            out[4] += -(y01i - y10i);
            out[5] += y01r - y10r;
            out[6] += y00r - y11r;
            out[7] += y00i - y11i;
        }
        return out;
    }
}
