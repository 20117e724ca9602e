package org.spintorque.llg;

import java.util.List;

/**
 * The Landau-Lifshitz-Gilbert equation with the Zhang-Li spin-transfer torque,
 * <pre>
 *   dm/dt = -gamma0 m x H + alpha m x dm/dt - (u . grad) m + beta m x (u . grad) m,        (1)
 * </pre>
 * brought to explicit (Landau-Lifshitz) form. Write (1) as {@code dm/dt = T + alpha m x dm/dt} with
 * {@code T = -gamma0 m x H - D + beta m x D}, {@code D = (u . grad) m}. Since m . dm/dt = 0,
 * {@code m x (m x dm/dt) = -dm/dt}, so {@code m x dm/dt = m x T - alpha dm/dt} and
 * {@code (1 + alpha^2) dm/dt = T + alpha m x T}. With {@code m x (m x D) = -D_perp}
 * ({@code D_perp = D - (m . D) m}, the part of D that can change a unit vector):
 * <pre>
 *   (1 + alpha^2) dm/dt = -gamma0 [m x H + alpha m x (m x H)] - (1 + alpha beta) D_perp + (beta - alpha) m x D.   (2)
 * </pre>
 * For beta = alpha, (2) is the field-driven LLG plus {@code -D_perp}: a texture in equilibrium
 * (m x H = 0) moves rigidly, {@code m(r - u t)}, at v = u. u points along the electron flow, the direction in
 * which the adiabatic torque moves a wall.
 *
 * <p>D is discretized by central differences, one-sided half-steps at free surfaces (the mirror cell).
 * Relaxation mode drops precession and current: {@code dm/dt = -(gamma0/2) m x (m x H)}, the steepest
 * descent of the energy at the rate of alpha = 1.
 */
public final class LlgEquation {
    private final Grid grid;
    private final double ms;
    private final double alpha;
    private final double beta;
    private final double gamma0;
    private final double[] u;
    private final List<FieldTerm> terms;
    private final FieldTerm[] termArray; // iterated in the time step: a List iterator would allocate
    private final WorkerPool pool;
    private final double[] h;
    private final double[] scratch;
    private final boolean current;
    private double[] m;
    private double[] out;
    private boolean relax;
    private final WorkerPool.Slab torque = this::torque;

    /**
     * @param ms     saturation magnetization [A/m]
     * @param alpha  Gilbert damping
     * @param beta   non-adiabatic coefficient
     * @param gamma0 gyromagnetic ratio times mu0 [m/(A s)]
     * @param u      spin-drift velocity [m/s], along the electron flow
     * @param terms  the effective-field terms
     */
    public LlgEquation(Grid grid, double ms, double alpha, double beta, double gamma0, double[] u,
                       List<FieldTerm> terms, WorkerPool pool) {
        this.grid = grid;
        this.ms = ms;
        this.alpha = alpha;
        this.beta = beta;
        this.gamma0 = gamma0;
        this.u = u.clone();
        this.terms = List.copyOf(terms);
        this.termArray = terms.toArray(new FieldTerm[0]);
        this.pool = pool;
        this.h = grid.newVectorField();
        this.scratch = grid.newVectorField();
        this.current = u[0] != 0 || u[1] != 0 || u[2] != 0;
    }

    public Grid grid() {
        return grid;
    }

    public List<FieldTerm> terms() {
        return terms;
    }

    public double ms() {
        return ms;
    }

    public double alpha() {
        return alpha;
    }

    public double beta() {
        return beta;
    }

    public double gamma0() {
        return gamma0;
    }

    public double[] u() {
        return u.clone();
    }

    /** The effective field [A/m] of the last {@link #rate} or {@link #effectiveField} call (not a copy). */
    public double[] field() {
        return h;
    }

    /** Computes H_eff(m) into {@link #field()}. */
    public void effectiveField(double[] m) {
        java.util.Arrays.fill(h, 0);
        for (FieldTerm t : termArray) {
            t.addField(m, h);
        }
    }

    /** dm/dt of eq. (2) (or of relaxation) at m, into {@code dmdt}. Allocation-free. */
    public void rate(double[] m, double[] dmdt, boolean relaxation) {
        effectiveField(m);
        this.m = m;
        this.out = dmdt;
        this.relax = relaxation;
        pool.run(grid.cells(), torque);
    }

    private void torque(int from, int to, int w) {
        int n = grid.cells();
        int nx = grid.nx();
        int ny = grid.ny();
        int nz = grid.nz();
        double pre = gamma0 / (1 + alpha * alpha);
        double ux = u[0] / (2 * grid.dx());
        double uy = u[1] / (2 * grid.dy());
        double uz = u[2] / (2 * grid.dz());
        boolean stt = current && !relax;
        for (int i = from; i < to; i++) {
            double mx = m[i];
            double my = m[n + i];
            double mz = m[2 * n + i];
            double hx = h[i];
            double hy = h[n + i];
            double hz = h[2 * n + i];
            double cx = my * hz - mz * hy;
            double cy = mz * hx - mx * hz;
            double cz = mx * hy - my * hx;
            double ccx = my * cz - mz * cy;
            double ccy = mz * cx - mx * cz;
            double ccz = mx * cy - my * cx;
            if (relax) {
                out[i] = -0.5 * gamma0 * ccx;
                out[n + i] = -0.5 * gamma0 * ccy;
                out[2 * n + i] = -0.5 * gamma0 * ccz;
                continue;
            }
            double dx = -pre * (cx + alpha * ccx);
            double dy = -pre * (cy + alpha * ccy);
            double dz = -pre * (cz + alpha * ccz);
            if (stt) {
                int ix = i % nx;
                int iy = (i / nx) % ny;
                int iz = i / (nx * ny);
                // (u . grad) m by central differences; at a free surface the missing neighbour is the cell itself
                int xm = grid.neighbour(i, ix, iy, iz, 0, -1);
                int xp = grid.neighbour(i, ix, iy, iz, 0, 1);
                int ym = grid.neighbour(i, ix, iy, iz, 1, -1);
                int yp = grid.neighbour(i, ix, iy, iz, 1, 1);
                int zm = grid.neighbour(i, ix, iy, iz, 2, -1);
                int zp = grid.neighbour(i, ix, iy, iz, 2, 1);
                double gx = ux * (m[xp] - m[xm]) + uy * (m[yp] - m[ym]) + uz * (m[zp] - m[zm]);
                double gy = ux * (m[n + xp] - m[n + xm]) + uy * (m[n + yp] - m[n + ym])
                        + uz * (m[n + zp] - m[n + zm]);
                double gz = ux * (m[2 * n + xp] - m[2 * n + xm]) + uy * (m[2 * n + yp] - m[2 * n + ym])
                        + uz * (m[2 * n + zp] - m[2 * n + zm]);
                double md = mx * gx + my * gy + mz * gz;
                double px = gx - md * mx;
                double py = gy - md * my;
                double pz = gz - md * mz;
                double a = (1 + alpha * beta) / (1 + alpha * alpha);
                double b = (beta - alpha) / (1 + alpha * alpha);
                dx += -a * px + b * (my * gz - mz * gy);
                dy += -a * py + b * (mz * gx - mx * gz);
                dz += -a * pz + b * (mx * gy - my * gx);
            }
            out[i] = dx;
            out[n + i] = dy;
            out[2 * n + i] = dz;
        }
    }

    /** max over cells of |m x H_eff| [A/m] for the field last computed at m. */
    public double maxTorqueField(double[] m) {
        int n = grid.cells();
        double max = 0;
        for (int i = 0; i < n; i++) {
            double cx = m[n + i] * h[2 * n + i] - m[2 * n + i] * h[n + i];
            double cy = m[2 * n + i] * h[i] - m[i] * h[2 * n + i];
            double cz = m[i] * h[n + i] - m[n + i] * h[i];
            max = Math.max(max, cx * cx + cy * cy + cz * cz);
        }
        return Math.sqrt(max);
    }

    /** Energy of one term [J] at m (uses a preallocated scratch field). */
    public double energy(FieldTerm term, double[] m) {
        java.util.Arrays.fill(scratch, 0);
        term.addField(m, scratch);
        double s = 0;
        for (int i = 0; i < scratch.length; i++) {
            s += m[i] * scratch[i];
        }
        return -term.energyFactor() * LlgConstants.MU0 * ms * grid.cellVolume() * s;
    }

    /** Total energy [J] at m. */
    public double energy(double[] m) {
        double e = 0;
        for (FieldTerm t : terms) {
            e += energy(t, m);
        }
        return e;
    }
}
