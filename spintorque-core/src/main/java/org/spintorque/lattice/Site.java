package org.spintorque.lattice;

/**
 * A lattice site: its index in the slice-major ordering of its {@link Lattice} and its integer position
 * (x, y, z). Sites with {@code 0 <= x < length} belong to the scattering region; sites with {@code x < 0} or {@code x >= length} are
 * cells of the left or right lead (their indices are negative or >= siteCount, see {@link Lattice#index}).
 * Immutable; two sites are equal when they have the same lattice and index.
 */
public final class Site {
    private final Lattice lattice;
    private final int index;
    private final int x;
    private final int y;
    private final int z;

    Site(Lattice lattice, int index, int x, int y, int z) {
        this.lattice = lattice;
        this.index = index;
        this.x = x;
        this.y = y;
        this.z = z;
    }

    public Lattice lattice() {
        return lattice;
    }

    public int index() {
        return index;
    }

    public int x() {
        return x;
    }

    public int y() {
        return y;
    }

    public int z() {
        return z;
    }

    /** The slice (= x). */
    public int slice() {
        return x;
    }

    /** Index of this site inside its slice, z * width + y. */
    public int indexInSlice() {
        return z * lattice.width() + y;
    }

    /** Whether {@code 0 <= x < length}. */
    public boolean inScatteringRegion() {
        return x >= 0 && x < lattice.length();
    }

    /** The lead this site belongs to, or null inside the scattering region. */
    public LeadSide leadSide() {
        if (x < 0) {
            return LeadSide.LEFT;
        }
        return x >= lattice.length() ? LeadSide.RIGHT : null;
    }

    /** The neighbour at this site + e_d (possibly in a lead cell), or null beyond a hard wall in y or z. */
    public Site neighbour(Direction d) {
        int ny = y + d.dy();
        int nz = z + d.dz();
        if (ny >= lattice.width() || nz >= lattice.height()) {
            return null;
        }
        return lattice.site(x + d.dx(), ny, nz);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Site s && s.index == index && s.lattice.equals(lattice);
    }

    @Override
    public int hashCode() {
        return index;
    }

    @Override
    public String toString() {
        return "site " + index + " (" + x + ", " + y + ", " + z + ")";
    }
}
