package org.spintorque.llg;

import java.util.List;
import java.util.Locale;
import org.spintorque.dynamics.DrivingConditions;
import org.spintorque.dynamics.Material;
import org.spintorque.dynamics.WallVelocitySolver;
import org.spintorque.texture.Vector3;

/**
 * The wall velocity of {@code spintorque velocity} with {@code [sweep] method = "llg"}: a head-to-head wall
 * in a wire along x (cells of Delta/6, a window of 160 cells), the material's easy and hard axes, the applied
 * field and the x component of u, integrated with {@link LlgEquation} (no demag: the hard axis stands for the
 * shape). The window follows the wall: whenever the wall centre is more than a cell from the middle the
 * magnetization is shifted by one cell and the shift is added to the position. The velocity is the mean over
 * the second half of 30 relaxation times {@code (1 + alpha^2)/(alpha gamma0 H)}, H the hard-axis (or, without
 * one, the easy-axis) anisotropy field, after the wall has been relaxed at rest.
 */
public final class LlgWallVelocitySolver implements WallVelocitySolver {
    private static final int CELLS = 160;
    private static final double RELAXATION_TIMES = 30;

    @Override
    public String method() {
        return "llg";
    }

    @Override
    public WallVelocity velocity(DrivingConditions d) {
        Material mat = d.material();
        double delta = mat.wallWidth();
        double dx = delta / 6;
        Grid wire = new Grid(CELLS, 1, 1, dx, dx, dx);
        double[] e = mat.easyAxis().toArray();
        double[] h = mat.hardAxisDirection().toArray();
        Vector3 p = mat.hardAxisDirection().cross(mat.easyAxis()); // the wall centre avoids the hard axis
        try (WorkerPool pool = new WorkerPool(1)) {
            List<FieldTerm> terms = new java.util.ArrayList<>(List.of(new Exchange(wire, mat.exchange(), mat.ms(), pool),
                    UniaxialAnisotropy.easyAxis(wire, mat.anisotropy(), mat.ms(), e)));
            if (mat.hardAxis() > 0) {
                terms.add(UniaxialAnisotropy.hardAxis(wire, mat.hardAxis(), mat.ms(), h));
            }
            if (d.field().norm() > 0) {
                terms.add(new Zeeman(wire, d.field().toArray()));
            }
            double[] m = wall(wire, delta, e, p.toArray());
            LlgEquation still = new LlgEquation(wire, mat.ms(), mat.alpha(), d.beta(), mat.gamma0(), new double[3],
                    terms, pool);
            LlgSolver relax = new LlgSolver(still, m, pool);
            double hK = 2 * Math.max(mat.hardAxis(), mat.anisotropy()) / (LlgConstants.MU0 * mat.ms());
            relax.minimize(1e-6 * hK, 100_000);
            m = relax.magnetization();
            LlgEquation eq = new LlgEquation(wire, mat.ms(), mat.alpha(), d.beta(), mat.gamma0(),
                    new double[] {d.ux(), 0, 0}, terms, pool);
            double tau = (1 + mat.alpha() * mat.alpha()) / (mat.alpha() * mat.gamma0() * hK);
            double duration = RELAXATION_TIMES * tau;
            DormandPrince rk = new DormandPrince(eq, 1e-6, false, pool);
            double t = 0;
            double offset = 0;
            double qHalf = Double.NaN;
            double tHalf = 0;
            double angleHalf = 0;
            double turned = 0;
            double lastAngle = angle(wire, m, e, p.toArray(), h);
            while (t < duration) {
                t += rk.step(m, duration - t);
                double q = LlgSolver.wallPosition(wire, projected(m, e), 1) - wire.lengthX() / 2;
                if (Math.abs(q) > dx) {
                    int dir = q > 0 ? 1 : -1;
                    shift(wire, m, dir, e);
                    offset += dir * dx;
                    rk.reset();
                }
                double a = angle(wire, m, e, p.toArray(), h);
                turned += remainder(a - lastAngle);
                lastAngle = a;
                if (Double.isNaN(qHalf) && t >= duration / 2) {
                    qHalf = offset + LlgSolver.wallPosition(wire, projected(m, e), 1);
                    tHalf = t;
                    angleHalf = turned;
                }
            }
            double qEnd = offset + LlgSolver.wallPosition(wire, projected(m, e), 1);
            double v = (qEnd - qHalf) / (t - tHalf);
            double precession = turned - angleHalf;
            String regime = Math.abs(precession) > 0.5 ? "precessing" : "steady";
            return new WallVelocity(v, regime, String.format(Locale.ROOT,
                    "LLG wire of %d cells of %.3g nm, mean over %.3g ns after %.3g ns, wall angle turned %.3g rad",
                    CELLS, dx * 1e9, (t - tHalf) * 1e9, tHalf * 1e9, precession));
        }
    }

    /** theta = 2 atan exp((x - L/2)/Delta) from e towards p. */
    private static double[] wall(Grid g, double delta, double[] e, double[] p) {
        double[] m = g.newVectorField();
        int n = g.cells();
        for (int i = 0; i < n; i++) {
            double theta = 2 * Math.atan(Math.exp(((i + 0.5) * g.dx() - g.lengthX() / 2) / delta));
            for (int c = 0; c < 3; c++) {
                m[c * n + i] = Math.cos(theta) * e[c] + Math.sin(theta) * p[c];
            }
        }
        return m;
    }

    /** The field m . e in the x slot (the others zero), so that the wall position formula applies. */
    private static double[] projected(double[] m, double[] e) {
        int n = m.length / 3;
        double[] out = new double[m.length];
        for (int i = 0; i < n; i++) {
            out[i] = m[i] * e[0] + m[n + i] * e[1] + m[2 * n + i] * e[2];
        }
        return out;
    }

    /** The azimuth of m at the wall centre about e, measured from p towards the hard axis h. */
    private static double angle(Grid g, double[] m, double[] e, double[] p, double[] h) {
        int n = g.cells();
        int best = 0;
        double least = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            double me = Math.abs(m[i] * e[0] + m[n + i] * e[1] + m[2 * n + i] * e[2]);
            if (me < least) {
                least = me;
                best = i;
            }
        }
        double mp = m[best] * p[0] + m[n + best] * p[1] + m[2 * n + best] * p[2];
        double mh = m[best] * h[0] + m[n + best] * h[1] + m[2 * n + best] * h[2];
        return Math.atan2(mh, mp);
    }

    private static double remainder(double a) {
        return a - 2 * Math.PI * Math.rint(a / (2 * Math.PI));
    }

    /** Moves the texture by one cell towards -x (dir = +1) or +x (dir = -1), filling with the domain. */
    private static void shift(Grid g, double[] m, int dir, double[] e) {
        int n = g.cells();
        for (int c = 0; c < 3; c++) {
            int o = c * n;
            if (dir > 0) {
                System.arraycopy(m, o + 1, m, o, n - 1);
                m[o + n - 1] = -e[c];
            } else {
                System.arraycopy(m, o, m, o + 1, n - 1);
                m[o] = e[c];
            }
        }
    }
}
