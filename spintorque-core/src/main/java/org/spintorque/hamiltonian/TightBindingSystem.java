package org.spintorque.hamiltonian;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.spintorque.lattice.Bond;
import org.spintorque.lattice.Direction;
import org.spintorque.lattice.Lattice;
import org.spintorque.lattice.LeadSide;
import org.spintorque.lattice.Site;
import org.spintorque.linalg.ComplexMatrix;

/**
 * An immutable tight-binding system: a {@link Lattice} and an ordered list of named
 * {@link HamiltonianTerm}s, optionally attached to two semi-infinite leads. Built by {@link ModelBuilder}.
 *
 * <p>Blocks are evaluated from the terms on demand and never stored, so the memory is linear in the number of
 * sites (the bond list) and independent of the number of energies. Every method returns a new matrix that the
 * caller may modify.
 *
 * <p>Conventions (physics.md section 3): {@code H = sum_ij c_i^dag H_ij c_j}, blocks of size
 * {@code 2 * orbitals}, basis {@code orbital * 2 + spin}; for a bond {@code i -> j} the stored block is
 * {@code H_ji = <j|H|i>} and {@code H_ij = H_ji^dagger}. Site indices follow {@link Lattice#index}: the
 * scattering region is {@code 0 .. siteCount-1}; with leads, the lead cells at x = -1 and x = length have
 * indices {@code -sitesPerSlice .. -1} and {@code siteCount .. siteCount + sitesPerSlice - 1}.
 *
 * <p>For the recursive Green's function: {@link #sliceHamiltonian(int)} {@code H_s} for s = 0 .. length-1,
 * {@link #sliceCoupling(int)} {@code V_{s,s+1} = H_{s,s+1}} for s = -1 .. length-1 (s = -1 and s = length-1 are
 * the couplings to the lead surface cells), and {@link #lead(LeadSide)} for the lead unit cells.
 */
public final class TightBindingSystem {
    private final Lattice lattice;
    private final List<HamiltonianTerm> terms;
    private final List<String> names;
    private final Map<String, Integer> indexByName;
    private final boolean leads;
    private final List<Bond> bonds;

    TightBindingSystem(Lattice lattice, List<HamiltonianTerm> terms, boolean leads) {
        this.lattice = lattice;
        this.terms = List.copyOf(terms);
        List<String> n = new ArrayList<>();
        Map<String, Integer> idx = new HashMap<>();
        for (int k = 0; k < this.terms.size(); k++) {
            n.add(this.terms.get(k).name());
            idx.put(this.terms.get(k).name(), k);
        }
        this.names = List.copyOf(n);
        this.indexByName = Collections.unmodifiableMap(idx);
        this.leads = leads;
        List<Bond> b = new ArrayList<>(lattice.bondCount() + (leads ? 2 * lattice.sitesPerSlice() : 0));
        if (leads) {
            b.addAll(lattice.bondsBetweenSlices(-1));
        }
        for (int s = 0; s < lattice.length(); s++) {
            b.addAll(lattice.bondsInSlice(s));
            if (s + 1 < lattice.length() || leads) {
                b.addAll(lattice.bondsBetweenSlices(s));
            }
        }
        this.bonds = Collections.unmodifiableList(b);
    }

    public Lattice lattice() {
        return lattice;
    }

    public int orbitals() {
        return lattice.orbitals();
    }

    /** 2 * orbitals. */
    public int blockSize() {
        return lattice.blockSize();
    }

    /** Whether the system is attached to leads at x = -1 and x = length. */
    public boolean hasLeads() {
        return leads;
    }

    /** The terms in the order they were added (unmodifiable). */
    public List<HamiltonianTerm> terms() {
        return terms;
    }

    public HamiltonianTerm term(int k) {
        return terms.get(k);
    }

    public int termCount() {
        return terms.size();
    }

    /** Term names in order (unmodifiable). */
    public List<String> termNames() {
        return names;
    }

    /** Index of the term with this name. */
    public int termIndex(String name) {
        Integer k = indexByName.get(name);
        if (k == null) {
            throw new IllegalArgumentException("no term named '" + name + "'; terms are " + names);
        }
        return k;
    }

    /**
     * Every bond of the system once, in the order in which the observables visit them: with leads first the
     * bonds x = -1 -> 0, then slice by slice the bonds inside slice s and the bonds s -> s + 1 (ending, with
     * leads, with length - 1 -> length). Bonds touching a lead cell are included only with leads.
     */
    public List<Bond> bonds() {
        return bonds;
    }

    /** Whether the site exists in this system (scattering region, or any lead cell when there are leads). */
    public boolean contains(int i) {
        return leads || lattice.isScatteringSite(i);
    }

    private Site checkedSite(int i) {
        if (!contains(i)) {
            throw new IndexOutOfBoundsException("site " + i + " is not in the scattering region (0.."
                    + (lattice.siteCount() - 1) + ") and the system has no leads");
        }
        return lattice.site(i);
    }

    private boolean acts(HamiltonianTerm t, Site s) {
        return s.inScatteringRegion() || (leads && t.extendsIntoLeads());
    }

    private boolean acts(HamiltonianTerm t, Bond b) {
        return b.inScatteringRegion() || (leads && t.extendsIntoLeads());
    }

    private ComplexMatrix zero() {
        return new ComplexMatrix(blockSize(), blockSize());
    }

    private static void addInto(ComplexMatrix acc, ComplexMatrix b) {
        if (b == null) {
            return;
        }
        if (b.rows() != acc.rows() || b.cols() != acc.cols()) {
            throw new IllegalArgumentException("block of size " + b.rows() + "x" + b.cols() + ", expected "
                    + acc.rows() + "x" + acc.cols());
        }
        double[] a = acc.data();
        double[] d = b.data();
        for (int k = 0; k < a.length; k++) {
            a[k] += d[k];
        }
    }

    /** The raw block of term k at a site, or null if the term is absent there. */
    ComplexMatrix rawOnsite(int k, Site s) {
        HamiltonianTerm t = terms.get(k);
        return t.hasOnsite() && acts(t, s) ? t.onsite(s) : null;
    }

    /** The raw block of term k on a bond, or null if the term is absent there. */
    ComplexMatrix rawHopping(int k, Bond b) {
        HamiltonianTerm t = terms.get(k);
        return t.hasHopping() && acts(t, b) ? t.hopping(b) : null;
    }

    /**
     * {@code H_ii} of term k, or null where the term is absent (no copy-to-zero: the cheap form for loops over
     * sites and terms, used by the observables).
     */
    public ComplexMatrix onsiteOrNull(int i, int k) {
        return rawOnsite(k, checkedSite(i));
    }

    /** {@code H_ji} of term k for the bond i -> j, or null where the term is absent. */
    public ComplexMatrix hoppingOrNull(Bond b, int k) {
        checkBond(b);
        return rawHopping(k, b);
    }

    /** {@code H_ii} of term k (a zero matrix where the term is absent). */
    public ComplexMatrix onsite(int i, int k) {
        ComplexMatrix m = zero();
        addInto(m, rawOnsite(k, checkedSite(i)));
        return m;
    }

    /** Total {@code H_ii}, the sum over terms. */
    public ComplexMatrix onsite(int i) {
        Site s = checkedSite(i);
        ComplexMatrix m = zero();
        for (int k = 0; k < terms.size(); k++) {
            addInto(m, rawOnsite(k, s));
        }
        return m;
    }

    private void checkBond(Bond b) {
        if (!b.from().lattice().equals(lattice) || !contains(b.i()) || !contains(b.j())) {
            throw new IllegalArgumentException(b + " is not a bond of this system");
        }
    }

    /** {@code H_ji = <j|H|i>} of term k for the bond i -> j (zero where the term is absent). */
    public ComplexMatrix hopping(Bond b, int k) {
        checkBond(b);
        ComplexMatrix m = zero();
        addInto(m, rawHopping(k, b));
        return m;
    }

    /** Total {@code H_ji = <j|H|i>} for the bond i -> j. */
    public ComplexMatrix hopping(Bond b) {
        checkBond(b);
        ComplexMatrix m = zero();
        for (int k = 0; k < terms.size(); k++) {
            addInto(m, rawHopping(k, b));
        }
        return m;
    }

    /**
     * The block {@code H_{row,col} = <row|H|col>} between any two sites of the system: on-site for row = col,
     * the hopping block or its conjugate transpose for nearest neighbours, zero otherwise.
     *
     * @param k a term index, or -1 for the total
     */
    public ComplexMatrix block(int row, int col, int k) {
        Site r = checkedSite(row);
        Site c = checkedSite(col);
        if (row == col) {
            return k < 0 ? onsite(row) : onsite(row, k);
        }
        int dx = r.x() - c.x();
        int dy = r.y() - c.y();
        int dz = r.z() - c.z();
        for (Direction d : lattice.directions()) {
            if (dx == d.dx() && dy == d.dy() && dz == d.dz()) {
                Bond b = new Bond(c, r, d);
                return k < 0 ? hopping(b) : hopping(b, k);
            }
            if (-dx == d.dx() && -dy == d.dy() && -dz == d.dz()) {
                Bond b = new Bond(r, c, d);
                return (k < 0 ? hopping(b) : hopping(b, k)).dagger();
            }
        }
        return zero();
    }

    /** Total {@code <row|H|col>}. */
    public ComplexMatrix block(int row, int col) {
        return block(row, col, -1);
    }

    private void checkSlice(int s) {
        if (!leads && (s < 0 || s >= lattice.length())) {
            throw new IndexOutOfBoundsException("slice " + s + " is outside 0.." + (lattice.length() - 1)
                    + " and the system has no leads");
        }
    }

    /**
     * {@code H_s}: the Hamiltonian of slice s (sitesPerSlice * 2 * orbitals square, sites in the order
     * {@code z * width + y}), on-site blocks and the y, z bonds inside the slice. With leads, s = -1 and
     * s = length (and beyond) give lead cells.
     */
    public ComplexMatrix sliceHamiltonian(int s) {
        checkSlice(s);
        int bs = blockSize();
        ComplexMatrix h = new ComplexMatrix(lattice.sliceDimension(), lattice.sliceDimension());
        int first = lattice.firstIndexOfSlice(s);
        for (int k = 0; k < lattice.sitesPerSlice(); k++) {
            h.setBlock(k * bs, k * bs, onsite(first + k));
        }
        for (Bond b : lattice.bondsInSlice(s)) {
            ComplexMatrix hji = hopping(b);
            int i = b.i() - first;
            int j = b.j() - first;
            h.setBlock(j * bs, i * bs, hji);
            h.setBlock(i * bs, j * bs, hji.dagger());
        }
        return h;
    }

    /**
     * {@code V_{s,s+1} = H_{s,s+1}}: rows in slice s, columns in slice s + 1 (block diagonal in the site
     * within the slice: the x bonds); {@code H_{s+1,s} = V_{s,s+1}^dagger}. With leads, s = -1 couples the left
     * lead's surface cell to slice 0, and s = length - 1 the last slice to the right lead's surface cell.
     */
    public ComplexMatrix sliceCoupling(int s) {
        checkSlice(s);
        checkSlice(s + 1);
        int bs = blockSize();
        ComplexMatrix v = new ComplexMatrix(lattice.sliceDimension(), lattice.sliceDimension());
        int k = 0;
        for (Bond b : lattice.bondsBetweenSlices(s)) {
            // H_{i,j} = (H_ji)^dagger with i in slice s, j = i + e_x in slice s + 1
            v.setBlock(k * bs, k * bs, hopping(b).dagger());
            k++;
        }
        return v;
    }

    /** The unit cell of a lead: {@code H_0}, the inter-cell hopping and the coupling to the scattering region. */
    public LeadCell lead(LeadSide side) {
        if (!leads) {
            throw new IllegalStateException("the system has no leads");
        }
        if (side == LeadSide.LEFT) {
            return new LeadCell(side, sliceHamiltonian(-1), sliceCoupling(-2), sliceCoupling(-1));
        }
        int l = lattice.length();
        return new LeadCell(side, sliceHamiltonian(l), sliceCoupling(l), sliceCoupling(l - 1));
    }

    /**
     * Largest {@code |H_ii - H_ii^dagger|} over the sites of the scattering region and of the lead surface
     * cells (the bonds are Hermitian by construction).
     */
    public double hermiticityError() {
        double err = 0;
        int from = leads ? -lattice.sitesPerSlice() : 0;
        int to = lattice.siteCount() + (leads ? lattice.sitesPerSlice() : 0);
        for (int i = from; i < to; i++) {
            err = Math.max(err, onsite(i).hermiticityError());
        }
        return err;
    }

    /** Number of basis states of the dense matrices of {@link #denseHamiltonian(int, boolean)}. */
    public int denseDimension(boolean withLeadCells) {
        return (lattice.siteCount() + (withLeadCells ? 2 * lattice.sitesPerSlice() : 0)) * blockSize();
    }

    /**
     * Position of site i in the dense matrices: {@code i} without lead cells, {@code i + sitesPerSlice} with
     * them (the left lead cell first, then the scattering region, then the right lead cell).
     */
    public int denseSiteIndex(int i, boolean withLeadCells) {
        return withLeadCells ? i + lattice.sitesPerSlice() : i;
    }

    /**
     * The whole Hamiltonian (term k, or the total for k = -1) as a dense matrix, for tests and very small
     * systems only (the solvers never form it). With {@code withLeadCells} the lead surface cells at x = -1
     * and x = length are included (requires leads).
     *
     * @throws IllegalArgumentException above 4096 basis states
     */
    public ComplexMatrix denseHamiltonian(int k, boolean withLeadCells) {
        if (withLeadCells && !leads) {
            throw new IllegalStateException("the system has no leads");
        }
        int n = denseDimension(withLeadCells);
        if (n > 4096) {
            throw new IllegalArgumentException("dense Hamiltonian of " + n + " states refused (limit 4096)");
        }
        int bs = blockSize();
        ComplexMatrix h = new ComplexMatrix(n, n);
        int sps = lattice.sitesPerSlice();
        int first = withLeadCells ? -sps : 0;
        int last = lattice.siteCount() + (withLeadCells ? sps : 0);
        for (int i = first; i < last; i++) {
            int di = denseSiteIndex(i, withLeadCells) * bs;
            h.setBlock(di, di, k < 0 ? onsite(i) : onsite(i, k));
        }
        List<Bond> all = new ArrayList<>();
        int s0 = withLeadCells ? -1 : 0;
        int s1 = withLeadCells ? lattice.length() : lattice.length() - 1;
        for (int s = s0; s <= s1; s++) {
            all.addAll(lattice.bondsInSlice(s));
            if (s < s1) {
                all.addAll(lattice.bondsBetweenSlices(s));
            }
        }
        for (Bond b : all) {
            ComplexMatrix hji = k < 0 ? hopping(b) : hopping(b, k);
            int di = denseSiteIndex(b.i(), withLeadCells) * bs;
            int dj = denseSiteIndex(b.j(), withLeadCells) * bs;
            h.setBlock(dj, di, hji);
            h.setBlock(di, dj, hji.dagger());
        }
        return h;
    }

    /** The total dense Hamiltonian, see {@link #denseHamiltonian(int, boolean)}. */
    public ComplexMatrix denseHamiltonian(boolean withLeadCells) {
        return denseHamiltonian(-1, withLeadCells);
    }

    /** Checks done by {@link ModelBuilder#build()}. */
    void validate(double tol) {
        int bs = blockSize();
        int sps = lattice.sitesPerSlice();
        int from = leads ? -2 * sps : 0;
        int to = lattice.siteCount() + (leads ? 2 * sps : 0);
        for (int k = 0; k < terms.size(); k++) {
            String name = terms.get(k).name();
            for (int i = from; i < to; i++) {
                Site s = lattice.site(i);
                ComplexMatrix m = rawOnsite(k, s);
                if (m == null) {
                    continue;
                }
                checkBlock(m, bs, name, s.toString());
                double err = m.hermiticityError();
                if (err > tol * Math.max(1, m.maxAbs())) {
                    throw new IllegalArgumentException("term '" + name + "' is not Hermitian at " + s
                            + ": |H_ii - H_ii^dagger| = " + err);
                }
            }
            for (int s = leads ? -2 : 0; s < lattice.length() + (leads ? 2 : 0); s++) {
                List<Bond> list = new ArrayList<>(lattice.bondsInSlice(s));
                if (s + 1 < lattice.length() + (leads ? 2 : 0)) {
                    list.addAll(lattice.bondsBetweenSlices(s));
                }
                for (Bond b : list) {
                    ComplexMatrix m = rawHopping(k, b);
                    if (m != null) {
                        checkBlock(m, bs, name, b.toString());
                    }
                }
            }
        }
        if (leads) {
            int l = lattice.length();
            checkPeriodic(sliceHamiltonian(-1), sliceHamiltonian(-2), tol, "left lead: cells x = -1 and x = -2");
            checkPeriodic(sliceCoupling(-1), sliceCoupling(-2), tol,
                    "left lead: coupling x = -1 -> 0 and hopping x = -2 -> -1");
            checkPeriodic(sliceHamiltonian(l), sliceHamiltonian(l + 1), tol,
                    "right lead: cells x = " + l + " and x = " + (l + 1));
            checkPeriodic(sliceCoupling(l - 1), sliceCoupling(l), tol,
                    "right lead: coupling x = " + (l - 1) + " -> " + l + " and hopping x = " + l + " -> " + (l + 1));
        }
    }

    private static void checkBlock(ComplexMatrix m, int bs, String name, String where) {
        if (m.rows() != bs || m.cols() != bs) {
            throw new IllegalArgumentException("term '" + name + "' gives a " + m.rows() + "x" + m.cols()
                    + " block at " + where + ", expected " + bs + "x" + bs + " (2 x orbitals)");
        }
        for (double d : m.data()) {
            if (!Double.isFinite(d)) {
                throw new IllegalArgumentException("term '" + name + "' has a non-finite entry at " + where);
            }
        }
    }

    private static void checkPeriodic(ComplexMatrix a, ComplexMatrix b, double tol, String what) {
        double diff = a.maxAbsDifference(b);
        if (diff > tol * Math.max(1, Math.max(a.maxAbs(), b.maxAbs()))) {
            throw new IllegalArgumentException("the leads are not periodic along x (" + what + " differ by "
                    + diff + "): terms that extend into the leads must not depend on x there");
        }
    }

    @Override
    public String toString() {
        return lattice + ", terms " + names + (leads ? ", with leads" : ", closed");
    }
}
