package org.spintorque.analytic.ksums;

/**
 * Exact values of the convergent k-sums for the parabolic band, independent of any quadrature.
 *
 * <p>The resolvent {@code G(z) = sum_k 1/(z - k^2/2m)} (3D, per volume) equals
 * {@code -m Lambda/pi^2 - (i m/2pi) sqrt(2mz)} for {@code Im z > 0} (contour integral over k; Lambda is a
 * momentum cutoff), and {@code G(conj z) = conj G(z)}. Any product of two or more Green's functions is split
 * into partial fractions {@code prod_j 1/(z_j - eps) = sum_i c_i/(z_i - eps)},
 * {@code c_i = 1/prod_{j != i}(z_j - z_i)}; the cutoff constant drops out because {@code sum_i c_i = 0}
 * (and {@code sum_i c_i z_i = 0} for three factors, which is needed when the sum carries a factor eps).
 */
final class ParabolicResolventSums {

    private ParabolicResolventSums() {
    }

    /** Minimal complex number. */
    record C(double re, double im) {
        C plus(C o) {
            return new C(re + o.re, im + o.im);
        }

        C minus(C o) {
            return new C(re - o.re, im - o.im);
        }

        C times(C o) {
            return new C(re * o.re - im * o.im, re * o.im + im * o.re);
        }

        C inverse() {
            double d = re * re + im * im;
            return new C(re / d, -im / d);
        }

        C conj() {
            return new C(re, -im);
        }

        C scale(double s) {
            return new C(re * s, im * s);
        }

        /** Principal square root. */
        C sqrt() {
            double r = Math.hypot(re, im);
            double a = Math.sqrt(0.5 * (r + Math.abs(re)));
            if (a == 0.0) {
                return new C(0, 0);
            }
            double b = im / (2 * a);
            return re >= 0 ? new C(a, b) : new C(Math.abs(b), Math.copySign(a, im));
        }
    }

    /** Finite part of the resolvent, {@code -(i m/2pi) sqrt(2mz)} continued to both half planes. */
    static C resolvent(C z, double m) {
        if (z.im() < 0) {
            return resolvent(z.conj(), m).conj();
        }
        C q = z.scale(2 * m).sqrt();
        return new C(0, -m / (2 * Math.PI)).times(q);
    }

    /** {@code sum_k (eps_k)^power prod_j 1/(z_j - eps_k)} (power 0 or 1). */
    static C product(double m, int power, C... z) {
        C sum = new C(0, 0);
        for (int i = 0; i < z.length; i++) {
            C denom = new C(1, 0);
            for (int j = 0; j < z.length; j++) {
                if (j != i) {
                    denom = denom.times(z[j].minus(z[i]));
                }
            }
            C term = denom.inverse().times(resolvent(z[i], m));
            sum = sum.plus(power == 1 ? term.times(z[i]) : term);
        }
        return sum;
    }

    /**
     * @return {S1, Sb, S2} of eq. (26) for the parabolic band
     */
    static double[] sums(KSumParameters p, double m) {
        C zUp = new C(p.shellEnergy(+1), p.gamma(+1));
        C zDn = new C(p.shellEnergy(-1), p.gamma(-1));
        double s2 = -resolvent(zUp, m).im() - resolvent(zDn, m).im();
        double s1 = 0;
        for (int s = +1; s >= -1; s -= 2) {
            C zs = s > 0 ? zUp : zDn;
            C zo = s > 0 ? zDn : zUp;
            // (k^2/3m) |g_s|^2 2 Re g_{-s} = 2 Re[(2/3) eps g^r_s g^a_s g^r_{-s}]
            s1 += 2 * product(m, 1, zs, zs.conj(), zo).re() * 2.0 / 3.0;
            // 2 Re(g^r_s g^a_{-s})
            s1 += 2 * product(m, 0, zs, zo.conj()).re();
        }
        // sum_s (i s) g^a_s g^r_{-s} = -2 Im(g^a_+ g^r_-)
        double sb = -2 * product(m, 0, zUp.conj(), zDn).im();
        return new double[] {s1, sb, s2};
    }
}
