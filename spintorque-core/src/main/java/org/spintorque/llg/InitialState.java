package org.spintorque.llg;

import org.spintorque.ovf.OvfField;

/**
 * Initial magnetization textures on a {@link Grid}. Lengths in metres, positions measured from the lower
 * corner of the body. Walls run along x between domains magnetized along the given easy axis.
 */
public final class InitialState {
    private InitialState() { }

    /** Uniform along {@code direction}. */
    public static double[] uniform(Grid grid, double[] direction) {
        double[] m = grid.newVectorField();
        int n = grid.cells();
        for (int i = 0; i < n; i++) {
            m[i] = direction[0];
            m[n + i] = direction[1];
            m[2 * n + i] = direction[2];
        }
        normalize(m);
        return m;
    }

    /**
     * A transverse wall at x = x0 of width w, with the angle theta(x) = 2 atan(exp((x - x0)/w)) from the
     * domain on the left: {@code m = sign cos(theta) e_x + sin(theta) e_y}, i.e. {@code m_x = -sign tanh((x -
     * x0)/w)}. sign = +1: head-to-head (+x | -x), -1: tail-to-tail (-x | +x). The wall centre points along +y.
     */
    public static double[] transverseWall(Grid grid, double x0, double width, int sign) {
        double[] m = grid.newVectorField();
        int n = grid.cells();
        for (int iz = 0; iz < grid.nz(); iz++) {
            for (int iy = 0; iy < grid.ny(); iy++) {
                for (int ix = 0; ix < grid.nx(); ix++) {
                    int i = grid.index(ix, iy, iz);
                    double x = (ix + 0.5) * grid.dx();
                    double theta = 2 * Math.atan(Math.exp((x - x0) / width));
                    m[i] = sign * Math.cos(theta);
                    m[n + i] = Math.sin(theta);
                }
            }
        }
        return m;
    }

    /**
     * A vortex wall at x = x0: the head-to-head (sign +1) or tail-to-tail (-1) domains outside a disk of
     * radius ~ the strip half-width, with a vortex of the given circulation and polarity in between. The
     * state is a starting point for relaxation, not an equilibrium.
     */
    public static double[] vortexWall(Grid grid, double x0, int sign, int circulation, int polarity) {
        double[] m = grid.newVectorField();
        int n = grid.cells();
        double yc = grid.lengthY() / 2;
        double r0 = grid.lengthY() / 2;
        double core = Math.min(10e-9, r0 / 4);
        for (int iz = 0; iz < grid.nz(); iz++) {
            for (int iy = 0; iy < grid.ny(); iy++) {
                for (int ix = 0; ix < grid.nx(); ix++) {
                    int i = grid.index(ix, iy, iz);
                    double x = (ix + 0.5) * grid.dx() - x0;
                    double y = (iy + 0.5) * grid.dy() - yc;
                    double r = Math.hypot(x, y);
                    if (r >= r0) {
                        m[i] = x < 0 ? sign : -sign;
                        continue;
                    }
                    double vx = -circulation * y / Math.max(r, 1e-30);
                    double vy = circulation * x / Math.max(r, 1e-30);
                    double mz = polarity * Math.exp(-r * r / (core * core));
                    double s = Math.sqrt(Math.max(0, 1 - mz * mz));
                    m[i] = vx * s;
                    m[n + i] = vy * s;
                    m[2 * n + i] = mz;
                }
            }
        }
        normalize(m);
        return m;
    }

    /**
     * A vortex centred in the xy plane: in-plane {@code circulation (-y, x)/r} (counterclockwise for +1),
     * core {@code m_z = polarity} within a core radius.
     */
    public static double[] vortex(Grid grid, int circulation, int polarity, double coreRadius) {
        double[] m = grid.newVectorField();
        int n = grid.cells();
        double xc = grid.lengthX() / 2;
        double yc = grid.lengthY() / 2;
        for (int iz = 0; iz < grid.nz(); iz++) {
            for (int iy = 0; iy < grid.ny(); iy++) {
                for (int ix = 0; ix < grid.nx(); ix++) {
                    int i = grid.index(ix, iy, iz);
                    double x = (ix + 0.5) * grid.dx() - xc;
                    double y = (iy + 0.5) * grid.dy() - yc;
                    double r = Math.hypot(x, y);
                    if (r < coreRadius) {
                        m[2 * n + i] = polarity;
                        continue;
                    }
                    m[i] = -circulation * y / r;
                    m[n + i] = circulation * x / r;
                }
            }
        }
        return m;
    }

    /** The magnetization of an OVF vector field, which must have exactly the grid's cells and cell size. */
    public static double[] fromOvf(Grid grid, OvfField field, String source) {
        var mesh = field.mesh();
        if (field.valuedim() != 3) {
            throw new IllegalArgumentException(source + ": a magnetization needs 3 components per cell, the file has "
                    + field.valuedim());
        }
        if (mesh.xnodes() != grid.nx() || mesh.ynodes() != grid.ny() || mesh.znodes() != grid.nz()) {
            throw new IllegalArgumentException(source + ": the file's mesh has " + mesh.xnodes() + " x "
                    + mesh.ynodes() + " x " + mesh.znodes() + " cells but the grid has " + grid.nx() + " x "
                    + grid.ny() + " x " + grid.nz() + "; make [grid] match the file");
        }
        double scale = "m".equals(mesh.meshunit()) ? 1 : "nm".equals(mesh.meshunit()) ? 1e-9 : Double.NaN;
        double[] steps = {mesh.xstepsize() * scale, mesh.ystepsize() * scale, mesh.zstepsize() * scale};
        double[] cell = {grid.dx(), grid.dy(), grid.dz()};
        for (int a = 0; a < 3; a++) {
            // files may carry zero step sizes (parameter maps); a stated size must match
            if (steps[a] != 0 && !(Math.abs(steps[a] - cell[a]) <= 1e-6 * cell[a])) {
                throw new IllegalArgumentException(source + ": the file's cells are " + mesh.xstepsize() + " x "
                        + mesh.ystepsize() + " x " + mesh.zstepsize() + " " + mesh.meshunit()
                        + " but the grid's are " + cell[0] + " x " + cell[1] + " x " + cell[2]
                        + " m; make [grid] match the file");
            }
        }
        double[] m = grid.newVectorField();
        int n = grid.cells();
        double[] v = field.values();
        for (int i = 0; i < n; i++) {
            double x = v[3 * i];
            double y = v[3 * i + 1];
            double z = v[3 * i + 2];
            if (x * x + y * y + z * z == 0) {
                throw new IllegalArgumentException(source + ": cell " + i + " has zero magnetization (empty cells "
                        + "are not supported)");
            }
            m[i] = x;
            m[n + i] = y;
            m[2 * n + i] = z;
        }
        normalize(m);
        return m;
    }

    /** Renormalizes every cell of a vector field to unit length. */
    public static void normalize(double[] m) {
        DormandPrince.normalize(m, 0, m.length / 3);
    }
}
