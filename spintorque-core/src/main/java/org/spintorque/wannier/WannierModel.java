package org.spintorque.wannier;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.spintorque.linalg.ComplexMatrix;

/**
 * An immutable tight-binding model from Wannier functions: the hoppings {@code H(R) = <0 m|H|R n>} (eV) between
 * the home cell and the cell at lattice vector R, with Wannier90's degeneracy weights 1/deg(R) and, when a
 * wsvec file was given, the minimal-distance replica corrections already folded in (each hopping shared equally
 * among its ndeg equivalent vectors R + T). So {@link #hopping} returns exactly what a real-space Hamiltonian
 * needs between two cells.
 *
 * <p>Basis: spatial orbital o (0..orbitals-1) and spin s (0 = up, 1 = down along z), index {@code 2 o + s}
 * (spin fastest, {@code Sigma^a = 1_orb (x) sigma^a} as in the rest of the code). Spinless and collinear models
 * are embedded in this basis: {@code H = h (x) 1} and {@code H = h_up (x) |up><up| + h_dn (x) |dn><dn|}.
 *
 * <p>Fourier convention (the one Wannier90 uses for its band interpolation): with k in fractional
 * coordinates of the reciprocal primitive vectors,
 * <pre>    H(k) = sum_R exp(2 pi i k.R) H(R),</pre>
 * phases from the cell vector R only, not from the Wannier centres. Eigenvalues do not depend on this choice;
 * eigenvectors differ from the "centres" convention by the diagonal phase {@code exp(i k.tau_n)}, and H(k)
 * is periodic in k with the reciprocal lattice.
 */
public final class WannierModel {
    private final double[][] lattice;
    private final SpinStructure spin;
    private final int orbitals;
    private final int[][] cells;
    private final ComplexMatrix[] blocks;
    private final Map<Long, Integer> index;
    private final double[][] centres;
    private final Map<String, Object> info;
    // the hoppings compiled for fast Fourier sums: non-zero entries of every block
    private final int[] start;
    private final int[] position;
    private final double[] re;
    private final double[] im;
    private final int[] min = new int[3];
    private final int[] max = new int[3];

    private WannierModel(double[][] lattice, SpinStructure spin, int orbitals, Map<Long, ComplexMatrix> hoppings,
                         double[][] centres, Map<String, Object> info) {
        this.lattice = copy(lattice);
        this.spin = spin;
        this.orbitals = orbitals;
        int d = 2 * orbitals;
        List<Long> keys = new ArrayList<>(hoppings.keySet());
        Collections.sort(keys, Comparator.comparing(WannierModel::cellOfKey, Arrays::compare));
        this.cells = new int[keys.size()][];
        this.blocks = new ComplexMatrix[keys.size()];
        this.index = new HashMap<>();
        int nnz = 0;
        for (int b = 0; b < keys.size(); b++) {
            cells[b] = cellOfKey(keys.get(b));
            ComplexMatrix h = hoppings.get(keys.get(b));
            if (h.rows() != d || h.cols() != d) {
                throw new IllegalArgumentException("block " + HoppingTable.vec(cells[b]) + " is " + h.rows() + "x"
                        + h.cols() + ", expected " + d + "x" + d);
            }
            blocks[b] = h.copy();
            index.put(keys.get(b), b);
            for (double v : h.data()) {
                nnz += v != 0 ? 1 : 0;
            }
        }
        if (!index.containsKey(HoppingTable.key(0, 0, 0))) {
            throw new IllegalArgumentException("a model needs the on-site block R = (0, 0, 0)");
        }
        this.centres = centres == null ? null : copy(centres);
        this.info = Collections.unmodifiableMap(new LinkedHashMap<>(info));
        this.start = new int[blocks.length + 1];
        this.position = new int[nnz];
        this.re = new double[nnz];
        this.im = new double[nnz];
        int e = 0;
        for (int b = 0; b < blocks.length; b++) {
            double[] data = blocks[b].data();
            for (int p = 0; p < data.length; p += 2) {
                if (data[p] != 0 || data[p + 1] != 0) {
                    position[e] = p;
                    re[e] = data[p];
                    im[e] = data[p + 1];
                    e++;
                }
            }
            start[b + 1] = e;
            for (int a = 0; a < 3; a++) {
                min[a] = Math.min(min[a], cells[b][a]);
                max[a] = Math.max(max[a], cells[b][a]);
            }
        }
    }

    /**
     * A model from its blocks. {@code hoppings} maps R = {R1, R2, R3} to H(R) (size {@code 2 orbitals}, basis as
     * described above; weights already applied). It must hold R = 0 and be Hermitian as a lattice operator.
     *
     * @param lattice primitive vectors as rows, Angstrom
     * @param centres positions of the basis states (Angstrom, one row per basis state), or null
     */
    public static WannierModel of(double[][] lattice, SpinStructure spin, int orbitals, Map<int[], ComplexMatrix> hoppings,
                                  double[][] centres) {
        Map<Long, ComplexMatrix> byKey = new LinkedHashMap<>();
        for (Map.Entry<int[], ComplexMatrix> e : hoppings.entrySet()) {
            int[] c = e.getKey();
            byKey.merge(HoppingTable.key(c[0], c[1], c[2]), e.getValue().copy(), ComplexMatrix::plus);
        }
        return new WannierModel(lattice, spin, orbitals, byKey, centres, Map.of());
    }

    static WannierModel build(double[][] lattice, SpinStructure spin, int orbitals, Map<Long, ComplexMatrix> hoppings,
                              double[][] centres, Map<String, Object> info) {
        return new WannierModel(lattice, spin, orbitals, hoppings, centres, info);
    }

    static int[] cellOfKey(long key) {
        return new int[] {(int) ((key >>> 42) & 0x1fffff) - 0x100000, (int) ((key >>> 21) & 0x1fffff) - 0x100000,
            (int) (key & 0x1fffff) - 0x100000};
    }

    /** Primitive vectors a1, a2, a3 as rows (Angstrom); a copy. */
    public double[][] lattice() {
        return copy(lattice);
    }

    /** Reciprocal primitive vectors b_i as rows (1/Angstrom), with a_i . b_j = 2 pi delta_ij. */
    public double[][] reciprocal() {
        double[][] a = lattice;
        double vol = volume();
        double[][] b = new double[3][];
        for (int i = 0; i < 3; i++) {
            double[] u = a[(i + 1) % 3];
            double[] v = a[(i + 2) % 3];
            b[i] = new double[] {2 * Math.PI * (u[1] * v[2] - u[2] * v[1]) / vol,
                2 * Math.PI * (u[2] * v[0] - u[0] * v[2]) / vol, 2 * Math.PI * (u[0] * v[1] - u[1] * v[0]) / vol};
        }
        return b;
    }

    /** Cell volume a1 . (a2 x a3) in Angstrom^3 (signed as the vectors are given). */
    public double volume() {
        double[][] a = lattice;
        return a[0][0] * (a[1][1] * a[2][2] - a[1][2] * a[2][1]) - a[0][1] * (a[1][0] * a[2][2] - a[1][2] * a[2][0])
                + a[0][2] * (a[1][0] * a[2][1] - a[1][1] * a[2][0]);
    }

    public SpinStructure spinStructure() {
        return spin;
    }

    /** Spatial orbitals per spin. */
    public int orbitals() {
        return orbitals;
    }

    /** Size of H(k) and H(R): {@code 2 orbitals}. */
    public int dimension() {
        return 2 * orbitals;
    }

    /** The lattice vectors R with a block, in lexicographic order (copies). */
    public List<int[]> cells() {
        List<int[]> l = new ArrayList<>();
        for (int[] c : cells) {
            l.add(c.clone());
        }
        return l;
    }

    /** The hopping block H(R) between the home cell and cell R (eV; a copy; zero when R is out of range). */
    public ComplexMatrix hopping(int r1, int r2, int r3) {
        Integer b = index.get(HoppingTable.key(r1, r2, r3));
        return b == null ? new ComplexMatrix(dimension(), dimension()) : blocks[b].copy();
    }

    /** Positions of the basis states (Angstrom, a row per basis state) or null when unknown. */
    public double[][] centres() {
        return centres == null ? null : copy(centres);
    }

    /** Where the model came from and what was checked while reading (for the summary). */
    public Map<String, Object> info() {
        return info;
    }

    /** Largest |element| of any block (eV). */
    public double maxAbs() {
        double m = 0;
        for (ComplexMatrix b : blocks) {
            m = Math.max(m, b.maxAbs());
        }
        return m;
    }

    /** {@code H(k) = sum_R exp(2 pi i k.R) H(R)}, k in fractional coordinates of the reciprocal vectors. */
    public ComplexMatrix hamiltonian(double k1, double k2, double k3) {
        int d = dimension();
        double[] data = new double[2 * d * d];
        double[][] ph = new double[3][];
        double[] k = {k1, k2, k3};
        for (int a = 0; a < 3; a++) {
            int n = max[a] - min[a] + 1;
            ph[a] = new double[2 * n];
            for (int r = min[a]; r <= max[a]; r++) {
                double x = 2 * Math.PI * k[a] * r;
                ph[a][2 * (r - min[a])] = Math.cos(x);
                ph[a][2 * (r - min[a]) + 1] = Math.sin(x);
            }
        }
        for (int b = 0; b < cells.length; b++) {
            int[] c = cells[b];
            int i1 = 2 * (c[0] - min[0]);
            int i2 = 2 * (c[1] - min[1]);
            int i3 = 2 * (c[2] - min[2]);
            double ar = ph[0][i1] * ph[1][i2] - ph[0][i1 + 1] * ph[1][i2 + 1];
            double ai = ph[0][i1] * ph[1][i2 + 1] + ph[0][i1 + 1] * ph[1][i2];
            double cr = ar * ph[2][i3] - ai * ph[2][i3 + 1];
            double ci = ar * ph[2][i3 + 1] + ai * ph[2][i3];
            for (int e = start[b]; e < start[b + 1]; e++) {
                int p = position[e];
                data[p] += re[e] * cr - im[e] * ci;
                data[p + 1] += re[e] * ci + im[e] * cr;
            }
        }
        return ComplexMatrix.wrap(d, d, data);
    }

    /** The same lattice and centres with every block replaced by {@code f(H(R))}. */
    public WannierModel map(SpinStructure newSpin, UnaryOperator<ComplexMatrix> f) {
        Map<Long, ComplexMatrix> m = new LinkedHashMap<>();
        for (int b = 0; b < cells.length; b++) {
            m.put(HoppingTable.key(cells[b][0], cells[b][1], cells[b][2]), f.apply(blocks[b].copy()));
        }
        return new WannierModel(lattice, newSpin, orbitals, m, centres, info);
    }

    /** The sum of two models on the same lattice and basis (blocks added cell by cell). */
    public WannierModel plus(WannierModel other, SpinStructure newSpin) {
        if (other.orbitals != orbitals) {
            throw new IllegalArgumentException("cannot add models with " + orbitals + " and " + other.orbitals
                    + " orbitals");
        }
        Map<Long, ComplexMatrix> m = new LinkedHashMap<>();
        for (int b = 0; b < cells.length; b++) {
            m.put(HoppingTable.key(cells[b][0], cells[b][1], cells[b][2]), blocks[b].copy());
        }
        for (int b = 0; b < other.cells.length; b++) {
            m.merge(HoppingTable.key(other.cells[b][0], other.cells[b][1], other.cells[b][2]), other.blocks[b].copy(),
                    ComplexMatrix::plus);
        }
        return new WannierModel(lattice, newSpin, orbitals, m, centres, info);
    }

    /**
     * Largest {@code |H_mn(R) - conj(H_nm(-R))|} over the model (eV): zero for a Hermitian lattice operator,
     * which every model read from files is checked to be.
     */
    public double hermiticityError() {
        double worst = 0;
        for (int b = 0; b < cells.length; b++) {
            int[] c = cells[b];
            ComplexMatrix partner = hopping(-c[0], -c[1], -c[2]).dagger();
            worst = Math.max(worst, blocks[b].maxAbsDifference(partner));
        }
        return worst;
    }

    /** Splits every block into charge, exchange and spin-orbit parts, see {@link SpinParts}. */
    public SpinParts spinParts() {
        return SpinParts.of(this);
    }

    static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }
}
