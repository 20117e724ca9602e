package org.spintorque.analytic.ksums;

/** Least-squares fit of {@code |y| = C x^p} on log-log axes. */
record PowerLawFit(double exponent, double prefactor) {

    static PowerLawFit of(double[] x, double[] y) {
        int n = x.length;
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < n; i++) {
            double lx = Math.log(x[i]);
            double ly = Math.log(Math.abs(y[i]));
            sx += lx;
            sy += ly;
            sxx += lx * lx;
            sxy += lx * ly;
        }
        double p = (n * sxy - sx * sy) / (n * sxx - sx * sx);
        double c = Math.exp((sy - p * sx) / n);
        return new PowerLawFit(p, c);
    }

    double at(double x) {
        return prefactor * Math.pow(x, exponent);
    }
}
