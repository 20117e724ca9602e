package org.spintorque.llg;

/**
 * A regular finite-difference grid of {@code nx x ny x nz} cuboid cells of size {@code dx x dy x dz} (metres):
 * a wire (ny = nz = 1), a film (nz = 1) or a 3D body. Cell (ix, iy, iz) has the flat index
 * {@code ix + nx (iy + ny iz)} (x fastest, as in OVF files) and its centre at ((ix + 1/2) dx, ...).
 *
 * <p>Vector fields on the grid live in one flat array of length {@code 3 cells()}, component-major:
 * component c of cell i is element {@code c * cells() + i}.
 */
public record Grid(int nx, int ny, int nz, double dx, double dy, double dz) {
    public Grid {
        if (nx < 1 || ny < 1 || nz < 1) {
            throw new IllegalArgumentException("grid needs at least one cell along each axis, got "
                    + nx + " x " + ny + " x " + nz);
        }
        if ((long) nx * ny * nz * 3 > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("grid of " + nx + " x " + ny + " x " + nz + " cells is too large");
        }
        if (!(dx > 0 && dy > 0 && dz > 0) || !Double.isFinite(dx * dy * dz)) {
            throw new IllegalArgumentException("cell sizes must be positive and finite, got " + dx + ", " + dy
                    + ", " + dz);
        }
    }

    public int cells() {
        return nx * ny * nz;
    }

    public int index(int ix, int iy, int iz) {
        return ix + nx * (iy + ny * iz);
    }

    /**
     * Flat index of the neighbour of cell i (at ix, iy, iz) one step along {@code axis} (0, 1, 2) in direction
     * {@code dir} (+1 or -1); the cell itself where that step leaves the body (a free surface).
     */
    public int neighbour(int i, int ix, int iy, int iz, int axis, int dir) {
        int pos = axis == 0 ? ix : axis == 1 ? iy : iz;
        int len = axis == 0 ? nx : axis == 1 ? ny : nz;
        int stride = axis == 0 ? 1 : axis == 1 ? nx : nx * ny;
        int next = pos + dir;
        return next < 0 || next >= len ? i : i + dir * stride;
    }

    /** Volume of one cell [m^3]. */
    public double cellVolume() {
        return dx * dy * dz;
    }

    public double lengthX() {
        return nx * dx;
    }

    public double lengthY() {
        return ny * dy;
    }

    public double lengthZ() {
        return nz * dz;
    }

    /** A new zeroed vector field on this grid. */
    public double[] newVectorField() {
        return new double[3 * cells()];
    }

    @Override
    public String toString() {
        return nx + " x " + ny + " x " + nz + " cells of " + dx * 1e9 + " x " + dy * 1e9 + " x " + dz * 1e9 + " nm";
    }
}
