package org.spintorque.torque;

/**
 * Reads the adiabatic and non-adiabatic torques off a slice-summed torque profile (physics.md section 5):
 * least squares of {@code tau(x) = c_a d_x n + c_n (n x d_x n)} over the slices where {@code |d_x n|} is
 * not negligible, then {@code beta = c_n / c_a} and, with the particle current J, {@code P = -c_a / J}
 * (in the adiabatic limit {@code tau = -div j_s = -P J d_x n}).
 *
 * <p>For a unit vector n, {@code d_x n} is perpendicular to n and {@code |n x d_x n| = |d_x n|}, so the two
 * basis vectors of the fit are orthogonal at every slice and the normal equations decouple; the fit still
 * solves the 2 x 2 system so that a texture sampled off the unit sphere is handled correctly.
 */
public final class TorqueFit {
    /**
     * @param ca            adiabatic coefficient c_a (sigma units, per unit bias)
     * @param cn            non-adiabatic coefficient c_n
     * @param beta          c_n / c_a
     * @param rSquared      1 - SS_res / SS_tot over the fitted slices (1 for a perfect fit)
     * @param relativeResidual sqrt(SS_res / SS_tot): the part of the torque the two-term form does not explain
     * @param alongN        largest |tau . n| relative to the largest |tau| (a torque must be perpendicular to n)
     * @param slicesUsed    number of slices in the fit
     */
    public record Result(double ca, double cn, double beta, double rSquared, double relativeResidual,
                         double alongN, int slicesUsed) {
        /** P from the fit, {@code -c_a / J}, for particle current J per unit bias. */
        public double polarization(double particleCurrent) {
            return -ca / particleCurrent;
        }
    }

    private TorqueFit() { }

    /**
     * @param n         n(x) per slice, [slice][3] (the texture at the slice; unit vectors)
     * @param dn        d_x n per slice, [slice][3]
     * @param torque    slice-summed torque per slice, [slice][3]
     * @param threshold slices with |d_x n| below threshold * max|d_x n| are left out (e.g. 1e-3)
     */
    public static Result fit(double[][] n, double[][] dn, double[][] torque, double threshold) {
        int slices = n.length;
        if (dn.length != slices || torque.length != slices) {
            throw new IllegalArgumentException("n, d_x n and torque must have one row per slice");
        }
        double maxDn = 0;
        for (double[] d : dn) {
            maxDn = Math.max(maxDn, norm(d));
        }
        if (maxDn == 0) {
            throw new IllegalArgumentException("the texture is uniform (d_x n = 0 everywhere): nothing to fit");
        }
        double s11 = 0;
        double s12 = 0;
        double s22 = 0;
        double r1 = 0;
        double r2 = 0;
        int used = 0;
        double[][] cross = new double[slices][];
        for (int i = 0; i < slices; i++) {
            cross[i] = cross(n[i], dn[i]);
            if (norm(dn[i]) < threshold * maxDn) {
                continue;
            }
            used++;
            s11 += dot(dn[i], dn[i]);
            s12 += dot(dn[i], cross[i]);
            s22 += dot(cross[i], cross[i]);
            r1 += dot(torque[i], dn[i]);
            r2 += dot(torque[i], cross[i]);
        }
        double det = s11 * s22 - s12 * s12;
        if (used == 0 || !(det > 0)) {
            throw new IllegalArgumentException("no slice with a texture gradient to fit");
        }
        double ca = (r1 * s22 - r2 * s12) / det;
        double cn = (r2 * s11 - r1 * s12) / det;
        double ssRes = 0;
        double ssTot = 0;
        double maxTau = 0;
        double maxAlongN = 0;
        for (int i = 0; i < slices; i++) {
            maxTau = Math.max(maxTau, norm(torque[i]));
            maxAlongN = Math.max(maxAlongN, Math.abs(dot(torque[i], n[i])));
            if (norm(dn[i]) < threshold * maxDn) {
                continue;
            }
            for (int a = 0; a < 3; a++) {
                double model = ca * dn[i][a] + cn * cross[i][a];
                double res = torque[i][a] - model;
                ssRes += res * res;
                ssTot += torque[i][a] * torque[i][a];
            }
        }
        double rel = ssTot > 0 ? Math.sqrt(ssRes / ssTot) : 0;
        return new Result(ca, cn, cn / ca, ssTot > 0 ? 1 - ssRes / ssTot : 1, rel,
                maxTau > 0 ? maxAlongN / maxTau : 0, used);
    }

    static double dot(double[] a, double[] b) {
        return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
    }

    static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    static double[] cross(double[] a, double[] b) {
        return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }
}
