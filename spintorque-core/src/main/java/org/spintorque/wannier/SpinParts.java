package org.spintorque.wannier;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.spintorque.linalg.ComplexMatrix;
import org.spintorque.texture.Vector3;

/**
 * Every block of a Wannier model written as {@code H(R) = sum_a h_a(R) (x) sigma^a} (a = 0, x, y, z;
 * {@code h_a = (1/2) Tr_spin[(1 (x) sigma^a) H]}) and split into three parts whose sum is H exactly:
 * <ul>
 * <li>charge: {@code h_0 (x) 1};</li>
 * <li>exchange, odd under time reversal {@code Theta = (1 (x) i sigma^y) K}: {@code sum_a Re h_a (x) sigma^a};</li>
 * <li>spin-orbit, even under time reversal: {@code sum_a i Im h_a (x) sigma^a}.</li>
 * </ul>
 * Since {@code Theta (h (x) sigma^a) Theta^-1 = -h^* (x) sigma^a}, the real part of h_a flips sign and the
 * imaginary part does not. This classification assumes Wannier orbitals that are real functions times a spinor
 * (atomic-like functions; the spin operator of the project's spinor data is {@code sigma (x) 1} to 0.004).
 * For a collinear model the exchange is {@code (h_up - h_dn)/2 (x) sigma^z} whole (whatever the gauge of the
 * two channels) and there is no spin-orbit part; a spinless model is all charge. Each part is Hermitian as a
 * lattice operator because {@code h_a(-R) = h_a(R)^dagger} for every a separately.
 *
 * <p>The imaginary part of h_0 (orbital currents; zero for real orbitals) is kept in the charge part and reported
 * in {@link #sizes()} as {@code charge_odd}.
 *
 * <p>A magnetization texture rotates only the exchange part. Site by site the frame rotation is the SU(2) matrix
 * u_i of the smallest rotation R_i taking the model's own magnetization axis m0 to n_i. An on-site block becomes
 * {@code (1 (x) u_i) X (1 (x) u_i^dagger)}, i.e. {@code X = sum_b e_b (x) sigma^b -> sum_bc (R_i)_cb e_b (x) sigma^c}.
 * A bond between sites i and j (home cell to cell R) gets the average of the two site rotations,
 * <pre>    X_ij -> (1/2) [ (1 (x) u_i) X_ij (1 (x) u_i^dagger) + (1 (x) u_j) X_ij (1 (x) u_j^dagger) ],</pre>
 * which stays a pure spin operator (no sigma^0 part is generated, unlike {@code u_i X u_j^dagger}), equals the
 * rigid rotation when n_i = n_j, is linear in X, and keeps the lattice operator Hermitian: the (j, i) block is
 * built from {@code X_ji = X_ij^dagger} with the same two rotations, so it is the adjoint of the (i, j) block.
 * Its spin vector has length |(R_i + R_j) e / 2| <= |e|: a bond across a sharp twist carries less exchange.
 *
 * @param charge    the sigma^0 part
 * @param exchange  the time-reversal-odd spin part
 * @param spinOrbit the time-reversal-even spin part
 * @param axis      the model's magnetization direction m0 (spin-density convention: along the majority spin),
 *                  {@code -sum_a Tr Re h_a(0) e_a} normalized; null when the model has no exchange
 */
public record SpinParts(WannierModel charge, WannierModel exchange, WannierModel spinOrbit, Vector3 axis) {

    /** The size of one part: Frobenius norms (eV) and the largest element. */
    public record Size(String part, double frobenius, double onsiteFrobenius, double maxAbs, int[] cell, int row,
                       int col) {
        @Override
        public String toString() {
            if (maxAbs == 0) {
                return String.format(Locale.ROOT, "%-10s zero", part);
            }
            return String.format(Locale.ROOT, "%-10s |.|_F = %.6g eV (on-site %.6g eV), largest |element| %.6g eV "
                    + "at R = %s, m = %d, n = %d", part, frobenius, onsiteFrobenius, maxAbs, HoppingTable.vec(cell),
                    row + 1, col + 1);
        }
    }

    static SpinParts of(WannierModel model) {
        int n = model.orbitals();
        SpinStructure s = model.spinStructure();
        WannierModel charge = model.map(SpinStructure.SPINLESS, x -> {
            ComplexMatrix[] h = components(x, n);
            return assemble(n, h[0], null, null, null);
        });
        WannierModel exchange = model.map(s, x -> {
            ComplexMatrix[] h = components(x, n);
            if (s == SpinStructure.SPINLESS) {
                return new ComplexMatrix(2 * n, 2 * n);
            }
            if (s == SpinStructure.COLLINEAR) {
                return assemble(n, null, null, null, h[3]);
            }
            return assemble(n, null, realPart(h[1]), realPart(h[2]), realPart(h[3]));
        });
        WannierModel so = model.map(s, x -> {
            ComplexMatrix[] h = components(x, n);
            if (s != SpinStructure.SPINOR) {
                return new ComplexMatrix(2 * n, 2 * n);
            }
            return assemble(n, null, imaginaryPart(h[1]), imaginaryPart(h[2]), imaginaryPart(h[3]));
        });
        ComplexMatrix[] e0 = components(exchange.hopping(0, 0, 0), n);
        double[] t = new double[3];
        for (int a = 0; a < 3; a++) {
            for (int o = 0; o < n; o++) {
                t[a] -= e0[a + 1].re(o, o);
            }
        }
        Vector3 axis = Vector3.of(t);
        return new SpinParts(charge, exchange, so, axis.norm() > 0 ? axis.normalized() : null);
    }

    /** h_0, h_x, h_y, h_z (each n x n) of a block in the interleaved basis. */
    static ComplexMatrix[] components(ComplexMatrix x, int n) {
        ComplexMatrix[] h = {new ComplexMatrix(n, n), new ComplexMatrix(n, n), new ComplexMatrix(n, n),
            new ComplexMatrix(n, n)};
        for (int o = 0; o < n; o++) {
            for (int p = 0; p < n; p++) {
                double uuR = x.re(2 * o, 2 * p);
                double uuI = x.im(2 * o, 2 * p);
                double ddR = x.re(2 * o + 1, 2 * p + 1);
                double ddI = x.im(2 * o + 1, 2 * p + 1);
                double udR = x.re(2 * o, 2 * p + 1);
                double udI = x.im(2 * o, 2 * p + 1);
                double duR = x.re(2 * o + 1, 2 * p);
                double duI = x.im(2 * o + 1, 2 * p);
                h[0].set(o, p, 0.5 * (uuR + ddR), 0.5 * (uuI + ddI));
                h[1].set(o, p, 0.5 * (udR + duR), 0.5 * (udI + duI));
                // h_y = (i X_ud - i X_du)/2
                h[2].set(o, p, 0.5 * (-udI + duI), 0.5 * (udR - duR));
                h[3].set(o, p, 0.5 * (uuR - ddR), 0.5 * (uuI - ddI));
            }
        }
        return h;
    }

    /** {@code sum_a h_a (x) sigma^a} in the interleaved basis (null components are zero). */
    static ComplexMatrix assemble(int n, ComplexMatrix h0, ComplexMatrix hx, ComplexMatrix hy, ComplexMatrix hz) {
        ComplexMatrix x = new ComplexMatrix(2 * n, 2 * n);
        for (int o = 0; o < n; o++) {
            for (int p = 0; p < n; p++) {
                double r0 = h0 == null ? 0 : h0.re(o, p);
                double i0 = h0 == null ? 0 : h0.im(o, p);
                double rx = hx == null ? 0 : hx.re(o, p);
                double ix = hx == null ? 0 : hx.im(o, p);
                double ry = hy == null ? 0 : hy.re(o, p);
                double iy = hy == null ? 0 : hy.im(o, p);
                double rz = hz == null ? 0 : hz.re(o, p);
                double iz = hz == null ? 0 : hz.im(o, p);
                x.set(2 * o, 2 * p, r0 + rz, i0 + iz);
                x.set(2 * o + 1, 2 * p + 1, r0 - rz, i0 - iz);
                // up-down: hx - i hy ; down-up: hx + i hy
                x.set(2 * o, 2 * p + 1, rx + iy, ix - ry);
                x.set(2 * o + 1, 2 * p, rx - iy, ix + ry);
            }
        }
        return x;
    }

    private static ComplexMatrix realPart(ComplexMatrix h) {
        return keep(h, 0);
    }

    private static ComplexMatrix imaginaryPart(ComplexMatrix h) {
        return keep(h, 1);
    }

    /** A copy with only the real (part = 0) or only the imaginary (part = 1) parts of the elements. */
    private static ComplexMatrix keep(ComplexMatrix h, int part) {
        ComplexMatrix r = h.copy();
        double[] d = r.data();
        for (int i = 1 - part; i < d.length; i += 2) {
            d[i] = 0;
        }
        return r;
    }

    /** The spin block {@code sum_b e_b (x) sigma^b} with the vector index mixed by M: e'_c = sum_b M_cb e_b. */
    static ComplexMatrix rotate(ComplexMatrix exchangeBlock, int n, double[][] m) {
        ComplexMatrix[] h = components(exchangeBlock, n);
        ComplexMatrix[] r = new ComplexMatrix[3];
        for (int c = 0; c < 3; c++) {
            r[c] = new ComplexMatrix(n, n);
            double[] out = r[c].data();
            for (int b = 0; b < 3; b++) {
                double f = m[c][b];
                if (f == 0) {
                    continue;
                }
                double[] in = h[b + 1].data();
                for (int i = 0; i < out.length; i++) {
                    out[i] += f * in[i];
                }
            }
        }
        return assemble(n, h[0], r[0], r[1], r[2]);
    }

    /** Charge + exchange + spin-orbit: the original model, rebuilt (for checks). */
    public WannierModel sum() {
        return charge.plus(exchange, exchange.spinStructure()).plus(spinOrbit, exchange.spinStructure());
    }

    /** The rotation taking this model's magnetization axis to {@code n}. */
    public SpinRotation rotationTo(Vector3 n) {
        if (axis == null) {
            return SpinRotation.IDENTITY;
        }
        return SpinRotation.between(axis, n);
    }

    /**
     * The bulk model with its magnetization turned rigidly to the unit vector {@code n}: exchange blocks
     * {@code (1 (x) u) X (1 (x) u^dagger)} with u the smallest rotation from {@link #axis()} to n; charge and
     * spin-orbit parts unchanged. Without spin-orbit coupling this is a unitary transformation of H(k)
     * (the spectrum does not change); with it, the spectrum depends on n (magnetocrystalline anisotropy).
     * Caution: the time-reversal-odd orbital part {@code Im h_0} of the self-consistent model (its orbital moment)
     * does not turn with the spin; for bcc Fe this adds about 97 micro-eV (1 - cos theta), theta the angle from
     * {@link #axis()}, to the band energy. Compare directions at the same angle from the axis (docs/wannier.md).
     */
    public WannierModel uniform(Vector3 n) {
        double[][] r = rotationTo(n).matrix();
        int no = exchange.orbitals();
        WannierModel rotated = exchange.map(SpinStructure.SPINOR, x -> rotate(x, no, r));
        return charge.plus(spinOrbit, SpinStructure.SPINOR).plus(rotated, SpinStructure.SPINOR);
    }

    /**
     * The hopping block from the home-cell site (magnetization n_i) to the site in cell R (magnetization n_j)
     * with the texture applied to the exchange part as described in the class comment:
     * {@code H_ij = charge(R) + spinOrbit(R) + (1/2)[u_i X(R) u_i^dagger + u_j X(R) u_j^dagger]}.
     * For R = 0 pass n_j = n_i.
     */
    public ComplexMatrix hopping(int[] cell, Vector3 ni, Vector3 nj) {
        double[][] m = SpinRotation.average(rotationTo(ni), rotationTo(nj));
        ComplexMatrix x = rotate(exchange.hopping(cell[0], cell[1], cell[2]), exchange.orbitals(), m);
        return charge.hopping(cell[0], cell[1], cell[2]).plus(spinOrbit.hopping(cell[0], cell[1], cell[2])).plus(x);
    }

    /** Sizes of the charge, exchange and spin-orbit parts, and of the time-reversal-odd Im h_0. */
    public List<Size> sizes() {
        List<Size> l = new ArrayList<>();
        l.add(size("charge", charge, false));
        l.add(size("exchange", exchange, false));
        l.add(size("spin-orbit", spinOrbit, false));
        l.add(size("charge_odd", charge, true));
        return l;
    }

    private static Size size(String name, WannierModel m, boolean imaginaryOnly) {
        double sum = 0;
        double onsite = 0;
        double max = -1;
        int[] where = {0, 0, 0};
        int row = 0;
        int col = 0;
        int d = m.dimension();
        for (int[] c : m.cells()) {
            ComplexMatrix b = m.hopping(c[0], c[1], c[2]);
            for (int j = 0; j < d; j++) {
                for (int i = 0; i < d; i++) {
                    double v = imaginaryOnly ? Math.abs(b.im(i, j)) : Math.hypot(b.re(i, j), b.im(i, j));
                    sum += v * v;
                    if (c[0] == 0 && c[1] == 0 && c[2] == 0) {
                        onsite += v * v;
                    }
                    if (v > max) {
                        max = v;
                        where = c;
                        row = i;
                        col = j;
                    }
                }
            }
        }
        return new Size(name, Math.sqrt(sum), Math.sqrt(onsite), max, where, row, col);
    }
}
