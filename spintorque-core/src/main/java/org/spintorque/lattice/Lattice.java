package org.spintorque.lattice;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A finite scattering region of a chain, square or simple-cubic lattice (lattice constant 1): {@code length}
 * slices along x (the transport direction), {@code width} sites along y and {@code height} along z, hard walls
 * in y and z, nearest-neighbour bonds, {@code orbitals} orbitals per site (spin is always explicit, so a site
 * carries a block of {@code 2 * orbitals} basis states, ordered orbital * 2 + spin).
 *
 * <p>Site ordering is slice-major, {@code index = x * sitesPerSlice + (z * width + y)}, so that each slice is
 * one contiguous block for the recursive Green's function. The same formula, applied to x = -1 and
 * x = length, indexes the first cell of the left lead (indices -sitesPerSlice .. -1) and of the right lead
 * (indices siteCount .. siteCount + sitesPerSlice - 1); cells further out follow the same rule.
 *
 * <p>Immutable; memory is O(1) (sites and bonds are produced on demand).
 */
public final class Lattice {
    private final LatticeKind kind;
    private final int length;
    private final int width;
    private final int height;
    private final int orbitals;

    /**
     * @param kind     chain (width = height = 1), square (height = 1) or cubic
     * @param length   number of slices along x (>= 1)
     * @param width    sites along y (>= 1; 1 for a chain)
     * @param height   sites along z (>= 1; 1 for a chain or a square lattice)
     * @param orbitals orbitals per site (>= 1)
     */
    public Lattice(LatticeKind kind, int length, int width, int height, int orbitals) {
        if (length < 1 || width < 1 || height < 1 || orbitals < 1) {
            throw new IllegalArgumentException("lattice length, width, height and orbitals must be >= 1, got "
                    + length + ", " + width + ", " + height + ", " + orbitals);
        }
        if (kind.dimension() < 2 && width != 1) {
            throw new IllegalArgumentException("a chain has width 1, got width " + width);
        }
        if (kind.dimension() < 3 && height != 1) {
            throw new IllegalArgumentException("a " + kind + " lattice has height 1, got height " + height);
        }
        long n = (long) length * width * height;
        if (n * 2 * orbitals > Integer.MAX_VALUE / 2) {
            throw new IllegalArgumentException("lattice of " + n + " sites is too large");
        }
        this.kind = kind;
        this.length = length;
        this.width = width;
        this.height = height;
        this.orbitals = orbitals;
    }

    public static Lattice chain(int length) {
        return new Lattice(LatticeKind.CHAIN, length, 1, 1, 1);
    }

    public static Lattice square(int length, int width) {
        return new Lattice(LatticeKind.SQUARE, length, width, 1, 1);
    }

    public static Lattice cubic(int length, int width, int height) {
        return new Lattice(LatticeKind.CUBIC, length, width, height, 1);
    }

    /** The same geometry with another number of orbitals per site. */
    public Lattice withOrbitals(int orbitals) {
        return new Lattice(kind, length, width, height, orbitals);
    }

    public LatticeKind kind() {
        return kind;
    }

    /** Number of slices of the scattering region. */
    public int length() {
        return length;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public int orbitals() {
        return orbitals;
    }

    /** Basis states per site, 2 * orbitals. */
    public int blockSize() {
        return 2 * orbitals;
    }

    /** width * height. */
    public int sitesPerSlice() {
        return width * height;
    }

    /** Basis states per slice, sitesPerSlice * 2 * orbitals. */
    public int sliceDimension() {
        return sitesPerSlice() * blockSize();
    }

    /** Number of sites of the scattering region, length * width * height. */
    public int siteCount() {
        return length * width * height;
    }

    /** The directions of the bonds: x; x, y; or x, y, z. */
    public List<Direction> directions() {
        return List.of(Direction.values()).subList(0, kind.dimension());
    }

    /** Whether (y, z) is inside the cross-section. */
    public boolean inCrossSection(int y, int z) {
        return y >= 0 && y < width && z >= 0 && z < height;
    }

    /** Whether (x, y, z) is a site of the scattering region. */
    public boolean contains(int x, int y, int z) {
        return x >= 0 && x < length && inCrossSection(y, z);
    }

    /** Whether index i is a site of the scattering region ({@code 0 <= i < siteCount}). */
    public boolean isScatteringSite(int i) {
        return i >= 0 && i < siteCount();
    }

    /** {@code x * sitesPerSlice + z * width + y}; any x (lead cells included), (y, z) in the cross-section. */
    public int index(int x, int y, int z) {
        if (!inCrossSection(y, z)) {
            throw new IndexOutOfBoundsException("(y, z) = (" + y + ", " + z + ") outside the " + width + " x "
                    + height + " cross-section");
        }
        return x * sitesPerSlice() + z * width + y;
    }

    /** The slice (x coordinate) of site index i. */
    public int x(int i) {
        return Math.floorDiv(i, sitesPerSlice());
    }

    public int y(int i) {
        return Math.floorMod(i, sitesPerSlice()) % width;
    }

    public int z(int i) {
        return Math.floorMod(i, sitesPerSlice()) / width;
    }

    /** The site of index i (lead cells included). */
    public Site site(int i) {
        return new Site(this, i, x(i), y(i), z(i));
    }

    public Site site(int x, int y, int z) {
        return new Site(this, index(x, y, z), x, y, z);
    }

    /** First site index of slice s (s may be a lead cell). */
    public int firstIndexOfSlice(int s) {
        return s * sitesPerSlice();
    }

    /** The sites of slice s in index order (s may be a lead cell, -1 or length). */
    public List<Site> sitesOfSlice(int s) {
        List<Site> out = new ArrayList<>(sitesPerSlice());
        int first = firstIndexOfSlice(s);
        for (int k = 0; k < sitesPerSlice(); k++) {
            out.add(site(first + k));
        }
        return Collections.unmodifiableList(out);
    }

    /** The bond from site i in direction d, or null if it would cross a hard wall (any x allowed). */
    public Bond bond(int i, Direction d) {
        Site from = site(i);
        Site to = from.neighbour(d);
        return to == null ? null : new Bond(from, to, d);
    }

    /** Bonds inside slice s (along y and z), ordered by start site then direction; s may be a lead cell. */
    public List<Bond> bondsInSlice(int s) {
        List<Bond> out = new ArrayList<>();
        int first = firstIndexOfSlice(s);
        for (int k = 0; k < sitesPerSlice(); k++) {
            for (Direction d : directions()) {
                if (d == Direction.X) {
                    continue;
                }
                Bond b = bond(first + k, d);
                if (b != null) {
                    out.add(b);
                }
            }
        }
        return Collections.unmodifiableList(out);
    }

    /** The x bonds from slice s to slice s + 1, ordered by start site; s = -1 or s = length - 1 touch leads. */
    public List<Bond> bondsBetweenSlices(int s) {
        List<Bond> out = new ArrayList<>(sitesPerSlice());
        int first = firstIndexOfSlice(s);
        for (int k = 0; k < sitesPerSlice(); k++) {
            out.add(bond(first + k, Direction.X));
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * Every bond of the scattering region once (both ends inside), slice by slice: bonds inside slice s, then
     * the bonds s -> s + 1.
     */
    public List<Bond> bonds() {
        List<Bond> out = new ArrayList<>(bondCount());
        for (int s = 0; s < length; s++) {
            out.addAll(bondsInSlice(s));
            if (s + 1 < length) {
                out.addAll(bondsBetweenSlices(s));
            }
        }
        return Collections.unmodifiableList(out);
    }

    /** The bonds between the scattering region and the first cell of a lead (x = -1 -> 0, length-1 -> length). */
    public List<Bond> leadBonds(LeadSide side) {
        return bondsBetweenSlices(side == LeadSide.LEFT ? -1 : length - 1);
    }

    /** Number of bonds with both ends in the scattering region. */
    public int bondCount() {
        int n = (length - 1) * sitesPerSlice();
        if (kind.dimension() >= 2) {
            n += length * (width - 1) * height;
        }
        if (kind.dimension() >= 3) {
            n += length * width * (height - 1);
        }
        return n;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Lattice l && l.kind == kind && l.length == length && l.width == width
                && l.height == height && l.orbitals == orbitals;
    }

    @Override
    public int hashCode() {
        return ((kind.hashCode() * 31 + length) * 31 + width) * 31 + height * 7 + orbitals;
    }

    @Override
    public String toString() {
        return kind + " lattice " + length + " x " + width + " x " + height + ", " + orbitals + " orbital(s)";
    }
}
