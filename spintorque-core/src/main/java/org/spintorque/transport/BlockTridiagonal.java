package org.spintorque.transport;

import java.util.ArrayList;
import java.util.List;
import org.spintorque.linalg.ComplexMatrix;

/**
 * An open system in block-tridiagonal form: a scattering region of L slices between two semi-infinite
 * periodic leads.
 *
 * <h2>Conventions</h2>
 * <ul>
 *   <li>Slices s = 0 .. L-1 along x. {@code slice(s)} = H_{s,s}, Hermitian, n_s x n_s (sizes may differ).
 *   <li>{@code coupling(s)} = V_s = H_{s+1,s} = {@code <s+1|H|s>}, an n_{s+1} x n_s matrix, s = 0 .. L-2:
 *       the hopping from slice s to slice s+1. The block above the diagonal is H_{s,s+1} = V_s^dagger.
 *   <li>The left lead occupies cells x = -1, -2, ..., the right lead x = L, L+1, ...; each lead is given
 *       by its unit cell and its hopping {@code <x+1|H|x>} (see {@link Lead}: the same +x orientation).
 *   <li>The interface hoppings H_{0,-1} (left lead cell to slice 0, n_0 x n_left) and H_{L,L-1} (slice L-1
 *       to the right lead cell, n_right x n_{L-1}) default to the leads' own hoppings and may be given
 *       explicitly.
 * </ul>
 *
 * <h2>Cells reported with the scattering region</h2>
 * The first cell of each lead (x = -1 and x = L) is part of what the program reports, so that the
 * continuity equation closes on every reported site. The extended view {@link #cellHamiltonian(int)} and
 * {@link #hoppingToNext(int)} covers cells x = -1 .. L and the bonds x -> x+1 for x = -1 .. L-1 (including
 * the two interface bonds); the solver delivers density-matrix blocks on exactly these cells and bonds.
 *
 * <p>Immutable and thread-safe: every matrix is copied on the way in and out.
 */
public final class BlockTridiagonal {
    /** Largest allowed |H - H^dagger| element relative to the largest |H| element (with a floor of 1). */
    public static final double HERMITICITY_TOLERANCE = 1e-12;

    private final ComplexMatrix[] slices;
    private final ComplexMatrix[] couplings;
    private final Lead left;
    private final Lead right;
    private final ComplexMatrix leftInterface;
    private final ComplexMatrix rightInterface;

    /**
     * A system whose interface hoppings equal the leads' own hoppings.
     *
     * @param slices    H_{s,s}, s = 0 .. L-1 (L >= 1)
     * @param couplings V_s = H_{s+1,s}, s = 0 .. L-2
     * @param left      the left lead (cells x <= -1)
     * @param right     the right lead (cells x >= L)
     */
    public BlockTridiagonal(List<ComplexMatrix> slices, List<ComplexMatrix> couplings, Lead left, Lead right) {
        this(slices, couplings, left, right, null, null);
    }

    /**
     * @param leftInterface  H_{0,-1}, n_0 x n_left; null for the left lead's hopping
     * @param rightInterface H_{L,L-1}, n_right x n_{L-1}; null for the right lead's hopping
     * @throws IllegalArgumentException on inconsistent sizes or a non-Hermitian block, naming it
     */
    public BlockTridiagonal(List<ComplexMatrix> slices, List<ComplexMatrix> couplings, Lead left, Lead right,
                            ComplexMatrix leftInterface, ComplexMatrix rightInterface) {
        int l = slices.size();
        if (l < 1) {
            throw new IllegalArgumentException("the scattering region needs at least one slice");
        }
        if (couplings.size() != l - 1) {
            throw new IllegalArgumentException(l + " slices need " + (l - 1) + " couplings, got " + couplings.size());
        }
        this.slices = new ComplexMatrix[l];
        this.couplings = new ComplexMatrix[l - 1];
        for (int s = 0; s < l; s++) {
            ComplexMatrix h = slices.get(s);
            if (h.rows() != h.cols() || h.rows() == 0) {
                throw new IllegalArgumentException("slice " + s + " Hamiltonian is " + h.rows() + "x" + h.cols()
                        + "; it must be square and non-empty");
            }
            requireHermitian(h, "slice " + s + " Hamiltonian");
            this.slices[s] = h.copy();
        }
        for (int s = 0; s < l - 1; s++) {
            ComplexMatrix v = couplings.get(s);
            if (v.rows() != this.slices[s + 1].rows() || v.cols() != this.slices[s].rows()) {
                throw new IllegalArgumentException("coupling " + s + " (H_{" + (s + 1) + "," + s + "}) is " + v.rows()
                        + "x" + v.cols() + "; expected " + this.slices[s + 1].rows() + "x" + this.slices[s].rows());
            }
            this.couplings[s] = v.copy();
        }
        this.left = left;
        this.right = right;
        ComplexMatrix li = leftInterface == null ? left.hoppingRef() : leftInterface;
        ComplexMatrix ri = rightInterface == null ? right.hoppingRef() : rightInterface;
        if (li.rows() != this.slices[0].rows() || li.cols() != left.size()) {
            throw new IllegalArgumentException("left interface hopping H_{0,-1} is " + li.rows() + "x" + li.cols()
                    + "; expected " + this.slices[0].rows() + "x" + left.size());
        }
        if (ri.rows() != right.size() || ri.cols() != this.slices[l - 1].rows()) {
            throw new IllegalArgumentException("right interface hopping H_{L,L-1} is " + ri.rows() + "x" + ri.cols()
                    + "; expected " + right.size() + "x" + this.slices[l - 1].rows());
        }
        this.leftInterface = li.copy();
        this.rightInterface = ri.copy();
    }

    /**
     * A uniform-coupling convenience: all slices coupled by the same V, leads given separately.
     */
    public static BlockTridiagonal of(List<ComplexMatrix> slices, ComplexMatrix coupling, Lead left, Lead right) {
        List<ComplexMatrix> c = new ArrayList<>();
        for (int s = 0; s + 1 < slices.size(); s++) {
            c.add(coupling);
        }
        return new BlockTridiagonal(slices, c, left, right);
    }

    static void requireHermitian(ComplexMatrix h, String what) {
        double scale = Math.max(1, h.maxAbs());
        double err = h.hermiticityError();
        if (!(err <= HERMITICITY_TOLERANCE * scale)) {
            throw new IllegalArgumentException("the " + what + " is not Hermitian: largest |H - H^dagger| element is "
                    + err + " (largest |H| element " + h.maxAbs() + ")");
        }
    }

    /** Number of slices L of the scattering region. */
    public int length() {
        return slices.length;
    }

    /** Orbitals in slice s (0 <= s < L). */
    public int sliceSize(int s) {
        return slices[s].rows();
    }

    /** H_{s,s} (a copy). */
    public ComplexMatrix slice(int s) {
        return slices[s].copy();
    }

    /** V_s = H_{s+1,s} (a copy), 0 <= s < L-1. */
    public ComplexMatrix coupling(int s) {
        return couplings[s].copy();
    }

    public Lead leftLead() {
        return left;
    }

    public Lead rightLead() {
        return right;
    }

    /** H_{0,-1} (a copy). */
    public ComplexMatrix leftInterface() {
        return leftInterface.copy();
    }

    /** H_{L,L-1} (a copy). */
    public ComplexMatrix rightInterface() {
        return rightInterface.copy();
    }

    /** Number of reported cells, L + 2 (x = -1 .. L). */
    public int cellCount() {
        return slices.length + 2;
    }

    /** Orbitals in cell x, -1 <= x <= L. */
    public int cellSize(int x) {
        return cellRef(x).rows();
    }

    /** H_{x,x} for -1 <= x <= L: the lead unit cells at x = -1 and x = L (a copy). */
    public ComplexMatrix cellHamiltonian(int x) {
        return cellRef(x).copy();
    }

    /**
     * H_{x+1,x} for -1 <= x <= L-1 (the interface hoppings at x = -1 and x = L-1), and the leads' own
     * hoppings beyond: x <= -2 gives the left lead's V, x >= L the right lead's V (a copy).
     */
    public ComplexMatrix hoppingToNext(int x) {
        return hoppingRef(x).copy();
    }

    ComplexMatrix cellRef(int x) {
        int l = slices.length;
        if (x < -1 || x > l) {
            throw new IndexOutOfBoundsException("cell " + x + " outside -1.." + l);
        }
        if (x == -1) {
            return left.cellRef();
        }
        if (x == l) {
            return right.cellRef();
        }
        return slices[x];
    }

    ComplexMatrix hoppingRef(int x) {
        int l = slices.length;
        if (x <= -2) {
            return left.hoppingRef();
        }
        if (x == -1) {
            return leftInterface;
        }
        if (x == l - 1) {
            return rightInterface;
        }
        if (x >= l) {
            return right.hoppingRef();
        }
        return couplings[x];
    }
}
