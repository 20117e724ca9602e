package org.spintorque.transport;

/** Complex Householder reflections on interleaved column-major data, shared by the eigen solvers. */
final class Householder {
    private Householder() { }

    /**
     * x <- (1 - tau v v^dagger) x for the m entries of one column starting at index {@code col} (interleaved
     * re/im), v of length m.
     */
    static void reflect(double[] a, int col, double[] v, int m, double tau) {
        double sr = 0;
        double si = 0;
        for (int i = 0; i < m; i++) {
            double vr = v[2 * i];
            double vi = v[2 * i + 1];
            double xr = a[col + 2 * i];
            double xi = a[col + 2 * i + 1];
            sr += vr * xr + vi * xi;
            si += vr * xi - vi * xr;
        }
        sr *= tau;
        si *= tau;
        for (int i = 0; i < m; i++) {
            double vr = v[2 * i];
            double vi = v[2 * i + 1];
            a[col + 2 * i] -= vr * sr - vi * si;
            a[col + 2 * i + 1] -= vr * si + vi * sr;
        }
    }
}
