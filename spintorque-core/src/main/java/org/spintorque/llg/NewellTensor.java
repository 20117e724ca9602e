package org.spintorque.llg;

/**
 * The demagnetization tensor between two uniformly magnetized cuboid cells of size {@code dx x dy x dz}
 * whose centres are displaced by (X, Y, Z): the field averaged over the target cell is
 * {@code H_a = -sum_b N_ab M_b}. Exact cell-averaged form of Newell, Williams and Dunlop, J. Geophys. Res. 98,
 * 9551 (1993), eqs. (27)-(32): a 27-point second difference in each direction of the functions
 * {@link #f} (diagonal) and {@link #g} (off-diagonal),
 * {@code N_xx = -(1/(4 pi dx dy dz)) sum_{ijk in {-1,0,1}} c_i c_j c_k f(X + i dx, Y + j dy, Z + k dz)}
 * with {@code c = (1, -2, 1)}; the other components follow by permuting the axes.
 *
 * <p>The difference formula cancels terms of size R^3 down to a result of size V^2/R^3, so it loses about
 * {@code 6 log10(R/d)} digits. Beyond {@link #FAR} cell sizes the tensor is instead the point-dipole kernel
 * averaged over the pair of cells by Gauss-Legendre quadrature of the tent-shaped overlap distribution
 * (3 nodes on each half of each axis, exact for polynomials of degree 4 in the displacement, so the
 * truncation error is of relative order (d/R)^6 &lt; 1e-7 there), which keeps full precision at any distance.
 */
public final class NewellTensor {
    /** Distance (in units of the largest cell size) beyond which the far-field quadrature is used. */
    public static final double FAR = 16;

    private static final double[] GAUSS_X = {-Math.sqrt(3.0 / 5.0), 0, Math.sqrt(3.0 / 5.0)};
    private static final double[] GAUSS_W = {5.0 / 9.0, 8.0 / 9.0, 5.0 / 9.0};

    private final double dx;
    private final double dy;
    private final double dz;
    private final double far2;
    // nodes and weights of the tent distribution of the displacement between two points of two cells, per axis
    private final double[][] nodes = new double[3][6];
    private final double[][] weights = new double[3][6];

    public NewellTensor(double dx, double dy, double dz) {
        this.dx = dx;
        this.dy = dy;
        this.dz = dz;
        double dmax = Math.max(dx, Math.max(dy, dz));
        this.far2 = FAR * FAR * dmax * dmax;
        double[] d = {dx, dy, dz};
        for (int a = 0; a < 3; a++) {
            for (int k = 0; k < 3; k++) {
                // half [0, d]: s = d (1 + x) / 2, weight (1 - s/d)/d ds; mirrored on [-d, 0]
                double s = d[a] * (1 + GAUSS_X[k]) / 2;
                double w = GAUSS_W[k] / 2 * (1 - s / d[a]);
                nodes[a][k] = s;
                weights[a][k] = w;
                nodes[a][k + 3] = -s;
                weights[a][k + 3] = w;
            }
        }
    }

    /** The six components {xx, yy, zz, xy, xz, yz} for the displacement (X, Y, Z) [m], into {@code out}. */
    public void components(double x, double y, double z, double[] out) {
        if (x * x + y * y + z * z > far2) {
            farField(x, y, z, out);
            return;
        }
        out[0] = nxx(x, y, z, dx, dy, dz);
        out[1] = nxx(y, x, z, dy, dx, dz);
        out[2] = nxx(z, y, x, dz, dy, dx);
        out[3] = nxy(x, y, z, dx, dy, dz);
        out[4] = nxy(x, z, y, dx, dz, dy);
        out[5] = nxy(y, z, x, dy, dz, dx);
    }

    /** Newell's exact N_xx for cells a x b x c displaced by (x, y, z). */
    static double nxx(double x, double y, double z, double a, double b, double c) {
        return -stencil(x, y, z, a, b, c, true) / (4 * Math.PI * a * b * c);
    }

    /** Newell's exact N_xy for cells a x b x c displaced by (x, y, z). */
    static double nxy(double x, double y, double z, double a, double b, double c) {
        return -stencil(x, y, z, a, b, c, false) / (4 * Math.PI * a * b * c);
    }

    private static double stencil(double x, double y, double z, double a, double b, double c, boolean diagonal) {
        double sum = 0;
        for (int i = -1; i <= 1; i++) {
            double ci = i == 0 ? -2 : 1;
            for (int j = -1; j <= 1; j++) {
                double cj = j == 0 ? -2 : 1;
                for (int k = -1; k <= 1; k++) {
                    double ck = k == 0 ? -2 : 1;
                    double xi = x + i * a;
                    double yj = y + j * b;
                    double zk = z + k * c;
                    sum += ci * cj * ck * (diagonal ? f(xi, yj, zk) : g(xi, yj, zk));
                }
            }
        }
        return sum;
    }

    /** Newell's f(x, y, z), eq. (27): even in every argument; terms whose prefactor vanishes are dropped. */
    static double f(double x, double y, double z) {
        double x2 = x * x;
        double y2 = y * y;
        double z2 = z * z;
        double r = Math.sqrt(x2 + y2 + z2);
        double v = (2 * x2 - y2 - z2) * r / 6;
        if (y != 0 && x2 + z2 > 0) {
            v += y / 2 * (z2 - x2) * asinh(y / Math.sqrt(x2 + z2));
        }
        if (z != 0 && x2 + y2 > 0) {
            v += z / 2 * (y2 - x2) * asinh(z / Math.sqrt(x2 + y2));
        }
        if (x != 0 && y != 0 && z != 0) {
            v -= x * y * z * Math.atan(y * z / (x * r));
        }
        return v;
    }

    /** Newell's g(x, y, z), eq. (30): odd in x and y, even in z. */
    static double g(double x, double y, double z) {
        double x2 = x * x;
        double y2 = y * y;
        double z2 = z * z;
        double r = Math.sqrt(x2 + y2 + z2);
        double v = -x * y * r / 3;
        if (z != 0 && x2 + y2 > 0) {
            v += x * y * z * asinh(z / Math.sqrt(x2 + y2));
        }
        if (x != 0 && y2 + z2 > 0) {
            v += y / 6 * (3 * z2 - y2) * asinh(x / Math.sqrt(y2 + z2));
        }
        if (y != 0 && x2 + z2 > 0) {
            v += x / 6 * (3 * z2 - x2) * asinh(y / Math.sqrt(x2 + z2));
        }
        if (z != 0) {
            if (x != 0 && y != 0) {
                v -= z2 * z / 6 * Math.atan(x * y / (z * r));
            }
            if (y != 0 && x != 0) {
                v -= z * y2 / 2 * Math.atan(x * z / (y * r));
                v -= z * x2 / 2 * Math.atan(y * z / (x * r));
            }
        }
        return v;
    }

    /** asinh without cancellation for small arguments. */
    static double asinh(double t) {
        double a = Math.abs(t);
        double v = Math.log1p(a + a * a / (1 + Math.sqrt(1 + a * a)));
        return t < 0 ? -v : v;
    }

    /**
     * The point-dipole kernel {@code N_ab(r) = -(V / 4 pi) (3 r_a r_b - delta_ab r^2) / r^5} averaged over the
     * displacements between the points of two cells (a tent distribution of half-width d on each axis).
     */
    void farField(double x, double y, double z, double[] out) {
        double xx = 0;
        double yy = 0;
        double zz = 0;
        double xy = 0;
        double xz = 0;
        double yz = 0;
        for (int i = 0; i < 6; i++) {
            double rx = x + nodes[0][i];
            double wi = weights[0][i];
            for (int j = 0; j < 6; j++) {
                double ry = y + nodes[1][j];
                double wij = wi * weights[1][j];
                for (int k = 0; k < 6; k++) {
                    double rz = z + nodes[2][k];
                    double w = wij * weights[2][k];
                    double r2 = rx * rx + ry * ry + rz * rz;
                    double inv5 = w / (r2 * r2 * Math.sqrt(r2));
                    xx += (3 * rx * rx - r2) * inv5;
                    yy += (3 * ry * ry - r2) * inv5;
                    zz += (3 * rz * rz - r2) * inv5;
                    xy += 3 * rx * ry * inv5;
                    xz += 3 * rx * rz * inv5;
                    yz += 3 * ry * rz * inv5;
                }
            }
        }
        double pre = -dx * dy * dz / (4 * Math.PI);
        out[0] = pre * xx;
        out[1] = pre * yy;
        out[2] = pre * zz;
        out[3] = pre * xy;
        out[4] = pre * xz;
        out[5] = pre * yz;
    }
}
