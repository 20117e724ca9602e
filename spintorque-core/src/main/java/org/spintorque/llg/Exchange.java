package org.spintorque.llg;

/**
 * Heisenberg exchange {@code E = A int |grad m|^2}, field {@code H = (2A/(mu0 Ms)) laplacian m} with the
 * 6-neighbour discrete Laplacian. Free boundaries (dm/dn = 0): a missing neighbour is replaced by the cell
 * itself, i.e. it contributes nothing.
 */
public final class Exchange implements FieldTerm {
    private final Grid grid;
    private final double cx;
    private final double cy;
    private final double cz;
    private final WorkerPool pool;
    private double[] m;
    private double[] h;
    private final WorkerPool.Slab slab = this::slab;

    /**
     * @param a  exchange stiffness A [J/m]
     * @param ms saturation magnetization Ms [A/m]
     */
    public Exchange(Grid grid, double a, double ms, WorkerPool pool) {
        this.grid = grid;
        double pre = 2 * a / (LlgConstants.MU0 * ms);
        this.cx = pre / (grid.dx() * grid.dx());
        this.cy = pre / (grid.dy() * grid.dy());
        this.cz = pre / (grid.dz() * grid.dz());
        this.pool = pool;
    }

    @Override
    public String name() {
        return "exchange";
    }

    @Override
    public void addField(double[] m, double[] h) {
        this.m = m;
        this.h = h;
        pool.run(grid.ny() * grid.nz(), slab);
    }

    private void slab(int from, int to, int worker) {
        int nx = grid.nx();
        int ny = grid.ny();
        int nz = grid.nz();
        int n = grid.cells();
        for (int row = from; row < to; row++) {
            int iy = row % ny;
            int iz = row / ny;
            for (int ix = 0; ix < nx; ix++) {
                int i = ix + nx * (iy + ny * iz);
                int xm = grid.neighbour(i, ix, iy, iz, 0, -1);
                int xp = grid.neighbour(i, ix, iy, iz, 0, 1);
                int ym = grid.neighbour(i, ix, iy, iz, 1, -1);
                int yp = grid.neighbour(i, ix, iy, iz, 1, 1);
                int zm = grid.neighbour(i, ix, iy, iz, 2, -1);
                int zp = grid.neighbour(i, ix, iy, iz, 2, 1);
                for (int c = 0, o = 0; c < 3; c++, o += n) {
                    double mi = m[o + i];
                    h[o + i] += cx * (m[o + xm] + m[o + xp] - 2 * mi) + cy * (m[o + ym] + m[o + yp] - 2 * mi)
                            + cz * (m[o + zm] + m[o + zp] - 2 * mi);
                }
            }
        }
    }
}
