package org.spintorque.wannier;

import org.spintorque.linalg.ComplexMatrix;
import org.spintorque.texture.Vector3;

/**
 * A rotation of spin space: the SO(3) matrix R and its SU(2) representative
 * {@code u = exp(-i (theta/2) a.sigma) = cos(theta/2) - i sin(theta/2) a.sigma} (rotation by theta about the
 * unit axis a), related by {@code u sigma^b u^dagger = sum_c R_cb sigma^c}.
 *
 * @param matrix R as rows, {@code matrix[c][b] = R_cb}
 */
public record SpinRotation(double[][] matrix) {

    public static final SpinRotation IDENTITY = new SpinRotation(new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}});

    /** Rotation by {@code angle} (rad) about the unit {@code axis} (Rodrigues). */
    public static SpinRotation about(Vector3 axis, double angle) {
        Vector3 a = axis.normalized();
        double c = Math.cos(angle);
        double s = Math.sin(angle);
        double t = 1 - c;
        double x = a.x();
        double y = a.y();
        double z = a.z();
        return new SpinRotation(new double[][] {
            {c + x * x * t, x * y * t - z * s, x * z * t + y * s},
            {y * x * t + z * s, c + y * y * t, y * z * t - x * s},
            {z * x * t - y * s, z * y * t + x * s, c + z * z * t}});
    }

    /**
     * The smallest rotation that takes the unit vector {@code from} to {@code to}: about {@code from x to}; for
     * opposite vectors, by pi about an axis perpendicular to {@code from} (x, or y when {@code from} is along x).
     */
    public static SpinRotation between(Vector3 from, Vector3 to) {
        Vector3 f = from.normalized();
        Vector3 t = to.normalized();
        Vector3 axis = f.cross(t);
        double sin = axis.norm();
        double cos = f.dot(t);
        if (sin < 1e-14) {
            if (cos > 0) {
                return IDENTITY;
            }
            Vector3 p = Math.abs(f.x()) < 0.9 ? Vector3.X : Vector3.Y;
            return about(p.minus(f.times(f.dot(p))), Math.PI);
        }
        return about(axis, Math.atan2(sin, cos));
    }

    /** R v. */
    public Vector3 apply(Vector3 v) {
        double[] r = new double[3];
        for (int c = 0; c < 3; c++) {
            r[c] = matrix[c][0] * v.x() + matrix[c][1] * v.y() + matrix[c][2] * v.z();
        }
        return Vector3.of(r);
    }

    /** The SU(2) matrix u (2 x 2), recovered from R by its axis and angle. */
    public ComplexMatrix su2() {
        double[][] r = matrix;
        double cos = Math.max(-1, Math.min(1, (r[0][0] + r[1][1] + r[2][2] - 1) / 2));
        double angle = Math.acos(cos);
        Vector3 axis = new Vector3(r[2][1] - r[1][2], r[0][2] - r[2][0], r[1][0] - r[0][1]);
        if (axis.norm() < 1e-12) {
            if (cos > 0) {
                return ComplexMatrix.identity(2);
            }
            // angle pi: the axis is the eigenvector of R + 1 (R = 2 a a^T - 1)
            int k = r[0][0] >= r[1][1] && r[0][0] >= r[2][2] ? 0 : r[1][1] >= r[2][2] ? 1 : 2;
            double[] a = new double[3];
            for (int i = 0; i < 3; i++) {
                a[i] = (r[i][k] + (i == k ? 1 : 0));
            }
            axis = Vector3.of(a);
            angle = Math.PI;
        }
        Vector3 a = axis.normalized();
        double c = Math.cos(angle / 2);
        double s = Math.sin(angle / 2);
        ComplexMatrix u = new ComplexMatrix(2, 2);
        // cos - i sin (a_x sx + a_y sy + a_z sz)
        u.set(0, 0, c, -s * a.z());
        u.set(1, 1, c, s * a.z());
        u.set(0, 1, -s * a.y(), -s * a.x());
        u.set(1, 0, s * a.y(), -s * a.x());
        return u;
    }

    /** The average (R1 + R2)/2 used for bonds between differently magnetized sites (not itself a rotation). */
    static double[][] average(SpinRotation a, SpinRotation b) {
        double[][] m = new double[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                m[i][j] = 0.5 * (a.matrix[i][j] + b.matrix[i][j]);
            }
        }
        return m;
    }
}
