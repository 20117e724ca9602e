package org.spintorque.wannier;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.spintorque.linalg.ComplexMatrix;
import org.spintorque.output.ProgressListener;
import org.spintorque.transport.HermitianEigen;

/**
 * A Brillouin-zone average {@code <f> = sum_c (vol_c / vol_BZ) f(k_c)} on a nonuniform partition of the
 * fractional cube: the midpoint rule on cells that are refined only where the integrand varies. It starts from
 * the coarse n0 x n0 x n0 cells of the mesh shifted by half a step; a cell whose {@link Refinement} says that the
 * integrand varies within it is split into f x f x f subcells, recursively, up to {@code levels} times. A cell
 * of depth d has the side {@code 1/N_d}, {@code N_d = n0 f^d}, its centre at {@code (i + 1/2)/N_d} and the
 * weight {@code 1/N_d^3}: the weights of the leaves sum to 1, and refining every cell gives exactly the
 * uniform shifted mesh of {@link #equivalentMesh()} points per direction.
 *
 * <p>For Fermi-surface sums with a Lorentzian broadening G the criterion is {@link #fermiWindow}: split when a
 * band at the centre lies within {@code c_G G} of E_F, or could reach that window inside the cell by its band
 * velocity. Only cells near the Fermi surface are refined, so the number of points grows with the area of the
 * Fermi surface (about f^2 per level) instead of the volume (f^3).
 *
 * <p>The sum streams (no storage per k-point beyond the recursion) and runs in parallel over the coarse cells,
 * each accumulating into its own array; the arrays are added in the order of the cells, so the result does not
 * depend on the number of threads.
 */
public final class AdaptiveKMesh {
    private final int coarse;
    private final int factor;
    private final int levels;

    /** Whether the integrand varies within the cell of centre k and half side h (fractional coordinates). */
    @FunctionalInterface
    interface Refinement {
        boolean varies(double k1, double k2, double k3, double halfSide);
    }

    /**
     * @param average the weighted sums {@code sum_c w_c f(k_c)} (sum of w_c = 1)
     * @param leaves the number of cells at whose centre f was evaluated
     * @param splits the number of cells that were split (the criterion was evaluated at their centres)
     */
    record Sum(double[] average, long leaves, long splits) {
        /** The distinct k-points at which the model was evaluated. */
        long points() {
            return leaves + splits;
        }
    }

    /**
     * @param coarse n0, the coarse mesh per direction (>= 1)
     * @param factor f, the split of a cell per direction (2 or 3)
     * @param levels the maximum depth of refinement (0: the uniform n0 mesh)
     */
    public AdaptiveKMesh(int coarse, int factor, int levels) {
        if (coarse < 1) {
            throw new IllegalArgumentException("the coarse mesh must have at least 1 point per direction, got "
                    + coarse);
        }
        if (factor != 2 && factor != 3) {
            throw new IllegalArgumentException("a cell is split into 2 or 3 per direction, got " + factor);
        }
        if (levels < 0 || (double) coarse * Math.pow(factor, levels) > 1 << 20) {
            throw new IllegalArgumentException("levels must be >= 0 with n0 f^levels <= 2^20, got n0 = " + coarse
                    + ", f = " + factor + ", levels = " + levels);
        }
        this.coarse = coarse;
        this.factor = factor;
        this.levels = levels;
    }

    public int coarse() {
        return coarse;
    }

    public int factor() {
        return factor;
    }

    public int levels() {
        return levels;
    }

    /** n0 f^levels: the uniform mesh with the resolution of the finest cells. */
    public int equivalentMesh() {
        int n = coarse;
        for (int l = 0; l < levels; l++) {
            n *= factor;
        }
        return n;
    }

    /** The same coarse mesh and factor with one level less (for an error estimate); levels must be >= 1. */
    public AdaptiveKMesh coarser() {
        return new AdaptiveKMesh(coarse, factor, levels - 1);
    }

    /** Description for results: coarse mesh, factor, levels and equivalent mesh. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("coarse_mesh", coarse);
        m.put("split_factor", factor);
        m.put("levels", levels);
        m.put("equivalent_mesh", equivalentMesh());
        return m;
    }

    /** The average of {@code term} (an array of {@code size} values) over the zone, refined where {@code refine} says. */
    Sum sum(int size, Refinement refine, KuboConductivity.KPointTerm term, ProgressListener progress, String label) {
        int cells = coarse * coarse * coarse;
        AtomicLong done = new AtomicLong();
        List<double[]> parts = IntStream.range(0, cells).parallel().mapToObj(c -> {
            // size values, then the counts of leaves and splits
            double[] acc = new double[size + 2];
            double[] scratch = new double[size];
            cell(c / (coarse * coarse), (c / coarse) % coarse, c % coarse, 0, coarse, size, refine, term, acc, scratch);
            progress.progress(done.incrementAndGet(), cells, label);
            return acc;
        }).toList();
        double[] total = new double[size + 2];
        for (double[] p : parts) {
            for (int i = 0; i < total.length; i++) {
                total[i] += p[i];
            }
        }
        return new Sum(Arrays.copyOf(total, size), (long) total[size], (long) total[size + 1]);
    }

    /** The cell (i1, i2, i3) of the mesh n = n0 f^depth: refined, or its centre's value with weight 1/n^3. */
    private void cell(int i1, int i2, int i3, int depth, int n, int size, Refinement refine,
                      KuboConductivity.KPointTerm term, double[] acc, double[] scratch) {
        double k1 = (i1 + 0.5) / n;
        double k2 = (i2 + 0.5) / n;
        double k3 = (i3 + 0.5) / n;
        if (depth < levels && refine.varies(k1, k2, k3, 0.5 / n)) {
            acc[size + 1]++;
            int f = factor;
            for (int j1 = 0; j1 < f; j1++) {
                for (int j2 = 0; j2 < f; j2++) {
                    for (int j3 = 0; j3 < f; j3++) {
                        cell(f * i1 + j1, f * i2 + j2, f * i3 + j3, depth + 1, f * n, size, refine, term, acc,
                                scratch);
                    }
                }
            }
            return;
        }
        Arrays.fill(scratch, 0);
        term.add(k1, k2, k3, scratch);
        double w = 1.0 / ((double) n * n * n);
        for (int i = 0; i < size; i++) {
            acc[i] += w * scratch[i];
        }
        acc[size]++;
    }

    /**
     * The criterion for Fermi-surface sums with a broadening G: at the cell centre, split if any band has
     * {@code |e_n - E_F| < c_G G + sum_a |de_n/dk_a| h} (k_a fractional, h the half side of the cell, so that the
     * last term is the largest linear change of e_n from the centre to a corner). The band gradients are the
     * diagonal of dH/dk_a in the eigenbasis (Hellmann-Feynman), {@code dH/dk_a = sum_R 2 pi i R_a exp(2 pi i k.R)
     * H(R)}: exact derivatives of the eigenvalues of {@link WannierModel#hamiltonian}.
     *
     * @param window c_G, the half-width of the energy window in units of G (e.g. 6-8: delta_G^2 has dropped
     *               by c_G^4 there)
     */
    static Refinement fermiWindow(WannierModel model, double fermiEnergy, double broadening, double window) {
        if (!(window > 0)) {
            throw new IllegalArgumentException("the refinement window c_G must be > 0, got " + window);
        }
        WannierModel[] grad = new WannierModel[3];
        for (int a = 0; a < 3; a++) {
            Map<int[], ComplexMatrix> d = new LinkedHashMap<>();
            for (int[] c : model.cells()) {
                d.put(c, model.hopping(c[0], c[1], c[2]).scale(0, 2 * Math.PI * c[a]));
            }
            grad[a] = WannierModel.of(model.lattice(), model.spinStructure(), model.orbitals(), d, null);
        }
        double width = window * broadening;
        int dim = model.dimension();
        return (k1, k2, k3, h) -> {
            HermitianEigen eig = HermitianEigen.of(model.hamiltonian(k1, k2, k3));
            double[] reach = new double[dim];
            boolean far = true;
            for (int n = 0; n < dim; n++) {
                reach[n] = Math.abs(eig.value(n) - fermiEnergy) - width;
                far &= reach[n] >= 0;
            }
            if (!far) {
                return true; // a band inside the window at the centre: no gradients needed
            }
            ComplexMatrix u = eig.vectors();
            double[] slope = new double[dim];
            for (WannierModel g : grad) {
                ComplexMatrix dh = g.hamiltonian(k1, k2, k3);
                for (int n = 0; n < dim; n++) {
                    slope[n] += Math.abs(diagonal(u, dh, n));
                }
            }
            for (int n = 0; n < dim; n++) {
                if (reach[n] < slope[n] * h) {
                    return true;
                }
            }
            return false;
        };
    }

    /** Re (U^dagger A U)_nn for a Hermitian A. */
    private static double diagonal(ComplexMatrix u, ComplexMatrix a, int n) {
        int d = u.rows();
        double s = 0;
        for (int p = 0; p < d; p++) {
            // (A u_n)_p
            double r = 0;
            double i = 0;
            for (int q = 0; q < d; q++) {
                r += a.re(p, q) * u.re(q, n) - a.im(p, q) * u.im(q, n);
                i += a.re(p, q) * u.im(q, n) + a.im(p, q) * u.re(q, n);
            }
            s += u.re(p, n) * r + u.im(p, n) * i;
        }
        return s;
    }
}
