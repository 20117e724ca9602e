package org.spintorque.ovf;

import org.spintorque.texture.Vector3;

/**
 * The rectangular mesh of an OVF file: {@code xnodes x ynodes x znodes} cells of size
 * {@code xstepsize x ystepsize x zstepsize}, all lengths in {@code meshunit}.
 *
 * <p>Cell (ix, iy, iz) has its center at {@code (xbase + ix * xstepsize, ybase + iy * ystepsize,
 * zbase + iz * zstepsize)}; {@code xmin .. xmax} (and y, z) is the bounding box the file declares, which for a
 * consistent file is {@code xbase - xstepsize / 2 .. xbase + (xnodes - 1/2) xstepsize}. The two descriptions
 * are kept as written: some writers put zeros into the box and the step sizes (MuMax3 does so for
 * parameter maps), so the node counts are never derived from the box.
 *
 * <p>Step sizes may be zero (as written by such files) but not negative; every number must be finite.
 */
public record OvfMesh(String meshunit,
                      int xnodes, int ynodes, int znodes,
                      double xstepsize, double ystepsize, double zstepsize,
                      double xbase, double ybase, double zbase,
                      double xmin, double ymin, double zmin,
                      double xmax, double ymax, double zmax) {

    /** The largest number of values a field can hold (cells times valuedim): the limit of a Java array. */
    public static final long MAX_VALUES = Integer.MAX_VALUE - 16L;

    public OvfMesh {
        if (meshunit == null || meshunit.isBlank() || meshunit.contains("\n") || meshunit.contains("\r")) {
            throw new IllegalArgumentException("meshunit must be a non-blank single-line string, got '"
                    + meshunit + "'");
        }
        meshunit = meshunit.strip();
        if (xnodes < 1 || ynodes < 1 || znodes < 1) {
            throw new IllegalArgumentException("xnodes, ynodes and znodes must be >= 1, got " + xnodes + ", "
                    + ynodes + ", " + znodes);
        }
        if ((long) xnodes * ynodes * znodes > MAX_VALUES) {
            throw new IllegalArgumentException("mesh of " + xnodes + " x " + ynodes + " x " + znodes
                    + " cells is too large (at most " + MAX_VALUES + " cells)");
        }
        double[] steps = {xstepsize, ystepsize, zstepsize};
        for (int a = 0; a < 3; a++) {
            if (!(steps[a] >= 0) || !Double.isFinite(steps[a])) {
                throw new IllegalArgumentException(axisName(a) + "stepsize must be finite and >= 0, got "
                        + steps[a]);
            }
        }
        double[] others = {xbase, ybase, zbase, xmin, ymin, zmin, xmax, ymax, zmax};
        String[] names = {"xbase", "ybase", "zbase", "xmin", "ymin", "zmin", "xmax", "ymax", "zmax"};
        for (int k = 0; k < others.length; k++) {
            if (!Double.isFinite(others[k])) {
                throw new IllegalArgumentException(names[k] + " must be finite, got " + others[k]);
            }
        }
    }

    /**
     * A mesh whose lower corner is (xmin, ymin, zmin): base = min + step / 2 and max = min + nodes * step.
     */
    public static OvfMesh of(String meshunit, int xnodes, int ynodes, int znodes,
                             double xstepsize, double ystepsize, double zstepsize,
                             double xmin, double ymin, double zmin) {
        return new OvfMesh(meshunit, xnodes, ynodes, znodes, xstepsize, ystepsize, zstepsize,
                xmin + xstepsize / 2, ymin + ystepsize / 2, zmin + zstepsize / 2,
                xmin, ymin, zmin,
                xmin + xnodes * xstepsize, ymin + ynodes * ystepsize, zmin + znodes * zstepsize);
    }

    /** A mesh in meters with its lower corner at the origin. */
    public static OvfMesh of(int xnodes, int ynodes, int znodes,
                             double xstepsize, double ystepsize, double zstepsize) {
        return of("m", xnodes, ynodes, znodes, xstepsize, ystepsize, zstepsize, 0, 0, 0);
    }

    /** xnodes * ynodes * znodes. */
    public int cellCount() {
        return xnodes * ynodes * znodes;
    }

    /** Nodes along axis 0 (x), 1 (y) or 2 (z). */
    public int nodes(int axis) {
        return switch (axis) {
            case 0 -> xnodes;
            case 1 -> ynodes;
            case 2 -> znodes;
            default -> throw new IndexOutOfBoundsException("axis " + axis);
        };
    }

    /** Step size along axis 0 (x), 1 (y) or 2 (z). */
    public double stepsize(int axis) {
        return switch (axis) {
            case 0 -> xstepsize;
            case 1 -> ystepsize;
            case 2 -> zstepsize;
            default -> throw new IndexOutOfBoundsException("axis " + axis);
        };
    }

    /** Center of the first cell along axis 0 (x), 1 (y) or 2 (z). */
    public double base(int axis) {
        return switch (axis) {
            case 0 -> xbase;
            case 1 -> ybase;
            case 2 -> zbase;
            default -> throw new IndexOutOfBoundsException("axis " + axis);
        };
    }

    /** Declared lower bound along axis 0 (x), 1 (y) or 2 (z). */
    public double min(int axis) {
        return switch (axis) {
            case 0 -> xmin;
            case 1 -> ymin;
            case 2 -> zmin;
            default -> throw new IndexOutOfBoundsException("axis " + axis);
        };
    }

    /** Declared upper bound along axis 0 (x), 1 (y) or 2 (z). */
    public double max(int axis) {
        return switch (axis) {
            case 0 -> xmax;
            case 1 -> ymax;
            case 2 -> zmax;
            default -> throw new IndexOutOfBoundsException("axis " + axis);
        };
    }

    /** Index of cell (ix, iy, iz) in file order (x fastest, then y, then z). */
    public int cellIndex(int ix, int iy, int iz) {
        if (ix < 0 || ix >= xnodes || iy < 0 || iy >= ynodes || iz < 0 || iz >= znodes) {
            throw new IndexOutOfBoundsException("cell (" + ix + ", " + iy + ", " + iz + ") is outside the mesh of "
                    + xnodes + " x " + ynodes + " x " + znodes + " cells");
        }
        return (iz * ynodes + iy) * xnodes + ix;
    }

    /** Center of cell (ix, iy, iz) in meshunit: base + index * stepsize on each axis. */
    public Vector3 cellCenter(int ix, int iy, int iz) {
        cellIndex(ix, iy, iz);
        return new Vector3(xbase + ix * xstepsize, ybase + iy * ystepsize, zbase + iz * zstepsize);
    }

    /** "100 x 25 x 1 cells of 2e-08 x 2e-08 x 2e-08 m". */
    @Override
    public String toString() {
        return xnodes + " x " + ynodes + " x " + znodes + " cells of " + xstepsize + " x " + ystepsize + " x "
                + zstepsize + " " + meshunit + ", first cell center (" + xbase + ", " + ybase + ", " + zbase + ")";
    }

    static String axisName(int axis) {
        return switch (axis) {
            case 0 -> "x";
            case 1 -> "y";
            case 2 -> "z";
            default -> throw new IndexOutOfBoundsException("axis " + axis);
        };
    }
}
