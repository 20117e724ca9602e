package org.spintorque.analytic.ksums;

import org.spintorque.numerics.Quadrature;

/**
 * The k-sums of eqs. (26) and (39) of Tatara and Entel (2008) for the parabolic band
 * {@code eps_k = k^2/(2m)}, evaluated by radial quadrature in 3D (angular parts done analytically), beside
 * the paper's leading-order closed forms. Sums are per unit volume, {@code sum_k -> int d^3k/(2 pi)^3}.
 *
 * <p>With {@code S2 = sum_k sum_s Im g^a_{ks}} the coefficients are
 * <ul>
 *   <li>{@code a = -(1/2pi) S1 S2},
 *       {@code S1 = sum_k sum_s [(k^2/3m) |g^r_{ks}|^2 2 Re g^r_{k,-s} + 2 Re(g^r_{ks} g^a_{k,-s})]} (eq. 26);
 *       leading order {@code (pi/M)(n_+ tau_+ - n_- tau_-)(nu_+ + nu_-)} (text below eq. 27, hbar = e = 1);</li>
 *   <li>{@code b = -(1/2pi) Sb S2}, {@code Sb = sum_k sum_s (i s) g^a_{ks} g^r_{k,-s}} (eq. 26); the paper only
 *       states {@code b = O(a/(E_F tau))}. Leading order: on shell s, {@code gamma_s |g_s|^2 -> pi delta} and
 *       {@code |g_{-s}|^2 -> 1/(4M^2)}, so {@code Sb -> pi (nu_+ + nu_-)/M} and
 *       {@code b -> -pi (nu_+ + nu_-)^2/(2M)}, independent of tau;</li>
 *   <li>{@code a' = -(1/2pi) S1' S2'} (eq. 39): the angular average of {@code k^2 k'^2 - (k.k')^2} over
 *       independent directions is {@code (2/3) k^2 k'^2}, so {@code S1' = sum_k (2/3) k^2 [bracket of S1]} and
 *       {@code S2' = sum_k k^2 sum_s Im g^a_{ks}}; leading order
 *       {@code pi (2m/3M)(sigma_+ k_F+^2 - sigma_- k_F-^2)(nu_+ k_F+^2 + nu_- k_F-^2)},
 *       {@code sigma_s = n_s tau_s/m}.</li>
 * </ul>
 *
 * <p>UV cutoff: for a constant gamma the radial integrands of S1' and S2' tend to constants at large k
 * (the off-shell part {@code (2/3)/eps^2} of the bracket, or the Lorentzian tail {@code gamma/eps^2}, times
 * {@code k^4} from the measure and the vertex), so both grow linearly with the momentum cutoff. They are
 * integrated up to the kinetic energy {@code cutoffFactor * (E_F + M)}. The cutoff terms are of relative
 * order {@code 1/(E_F tau)}: they change the correction to a', not its leading order. a and b converge
 * without a cutoff and are integrated to infinity (the cutoff only places an internal breakpoint).
 *
 * <p>Numerics: adaptive Gauss–Kronrod in k with breakpoints at the Fermi momenta and at
 * {@code eps = E_F + s M +- gamma_s 4^j}, so that Lorentzians of any width are resolved; the tail
 * {@code [k_cut, infinity)} by the map {@code k = k_cut + (1-u)/u}. Requested relative accuracy 1e-13;
 * checked against the exact contour-integral values of S1, Sb, S2 to 1e-10 up to E_F tau = 1e4.
 *
 * <p>Size of the corrections (measured, see the tests): with both spin bands occupied a and b differ from
 * their leading orders only at order {@code (E_F tau)^-2}; for a half metal, and for a' (through its
 * cutoff terms), at order {@code (E_F tau)^-1}.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class ParabolicKSums implements KSumEvaluator {

    /** Default kinetic-energy cutoff of the a' sums, in units of the majority Fermi energy E_F + M. */
    public static final double DEFAULT_CUTOFF_FACTOR = 10.0;

    private static final double REL_TOL = 1e-13;
    private static final int S1 = 0;
    private static final int SB = 1;
    private static final int S2 = 2;
    private static final int S1P = 3;
    private static final int S2P = 4;
    private static final double NORM = 1.0 / (2.0 * Math.PI * Math.PI);

    private final double mass;
    private final double cutoffFactor;
    private final Quadrature quadrature = new Quadrature(0.0, REL_TOL);

    /**
     * @param mass         band mass m (> 0)
     * @param cutoffFactor kinetic-energy cutoff of the a' sums in units of E_F + M (> 1, so that both Fermi
     *                     surfaces lie inside)
     */
    public ParabolicKSums(double mass, double cutoffFactor) {
        if (!(mass > 0.0) || !Double.isFinite(mass)) {
            throw new IllegalArgumentException("mass must be finite and > 0, got " + mass);
        }
        if (!(cutoffFactor > 1.0) || !Double.isFinite(cutoffFactor)) {
            throw new IllegalArgumentException("cutoff factor must be finite and > 1 (the cutoff must lie above "
                    + "the majority Fermi energy E_F + M), got " + cutoffFactor);
        }
        this.mass = mass;
        this.cutoffFactor = cutoffFactor;
    }

    /**
     * @param mass band mass m (> 0); the a' cutoff is {@link #DEFAULT_CUTOFF_FACTOR}
     */
    public ParabolicKSums(double mass) {
        this(mass, DEFAULT_CUTOFF_FACTOR);
    }

    /** @return the band mass */
    public double mass() {
        return mass;
    }

    /** @return the a' cutoff in units of E_F + M */
    public double cutoffFactor() {
        return cutoffFactor;
    }

    @Override
    public double spinAveragedBandBottom() {
        return 0.0;
    }

    @Override
    public KSumResult evaluate(KSumParameters p) {
        double eUp = p.shellEnergy(+1);
        double eDn = p.shellEnergy(-1);
        if (!(eUp > 0.0)) {
            throw new IllegalArgumentException("no carriers: the majority band is empty (E_F + M = " + eUp
                    + " <= 0 above the band bottom)");
        }
        double gUp = p.gamma(+1);
        double gDn = p.gamma(-1);
        double kUp = Math.sqrt(2.0 * mass * eUp);
        double kDn = eDn > 0.0 ? Math.sqrt(2.0 * mass * eDn) : 0.0;
        double cutoffEnergy = cutoffFactor * eUp;
        double kCut = Math.sqrt(2.0 * mass * cutoffEnergy);

        // Breakpoints placed in energy around both poles, mapped to k.
        double[] eBreaks = SpinPairKernel.lorentzianBreakpoints(
                new double[] {eUp, eDn}, new double[] {gUp, gDn}, 0.0, cutoffEnergy);
        double[] kBreaks = new double[eBreaks.length + 2];
        for (int i = 0; i < eBreaks.length; i++) {
            kBreaks[i] = Math.sqrt(2.0 * mass * eBreaks[i]);
        }
        kBreaks[eBreaks.length] = kUp;
        kBreaks[eBreaks.length + 1] = kDn;

        Quadrature.VectorIntegrand inner = (k, out) -> integrand(k, eDn, kUp, kDn, gUp, gDn, out, true);
        Quadrature.VectorIntegrand tail = (k, out) -> integrand(k, eDn, kUp, kDn, gUp, gDn, out, false);
        Quadrature.VectorResult head = quadrature.integrate(inner, 5, 0.0, kCut, kBreaks);
        Quadrature.VectorResult rest = quadrature.integrateToInfinity(tail, 3, kCut);

        double[] v = head.values();
        double[] err = head.errors();
        for (int i = 0; i < 3; i++) {
            v[i] += rest.value(i);
            err[i] += rest.error(i);
        }
        double s1 = v[S1];
        double sb = v[SB];
        double s2 = v[S2];
        double s1p = v[S1P];
        double s2p = v[S2P];
        double a = -s1 * s2 / (2.0 * Math.PI);
        double b = -sb * s2 / (2.0 * Math.PI);
        double aPrime = -s1p * s2p / (2.0 * Math.PI);
        double error = Math.max(rel(err[S1], s1) + rel(err[S2], s2),
                Math.max(rel(err[SB], sb) + rel(err[S2], s2), rel(err[S1P], s1p) + rel(err[S2P], s2p)));

        double nuUp = mass * kUp / (2.0 * Math.PI * Math.PI);
        double nuDn = mass * kDn / (2.0 * Math.PI * Math.PI);
        double nUp = kUp * kUp * kUp / (6.0 * Math.PI * Math.PI);
        double nDn = kDn * kDn * kDn / (6.0 * Math.PI * Math.PI);
        double m = p.exchange();
        double aClosed = Math.PI / m * (nUp * p.tauUp() - nDn * p.tauDn()) * (nuUp + nuDn);
        double bLeading = -Math.PI * (nuUp + nuDn) * (nuUp + nuDn) / (2.0 * m);
        double sigmaUp = nUp * p.tauUp() / mass;
        double sigmaDn = nDn * p.tauDn() / mass;
        double aPrimeClosed = Math.PI * 2.0 * mass / (3.0 * m)
                * (sigmaUp * kUp * kUp - sigmaDn * kDn * kDn) * (nuUp * kUp * kUp + nuDn * kDn * kDn);

        return new KSumResult(a, aClosed, b, bLeading, aPrime, aPrimeClosed, true, nuUp, nuDn, error,
                nUp / mass, nDn / mass, nUp, nDn, p.fermiEnergy(), s2, false);
    }

    /**
     * Radial integrand {@code k^2/(2 pi^2) F(k)} of the five sums (or of the first three beyond the cutoff).
     * {@code x_s} is formed as {@code (k_Fs - k)(k_Fs + k)/2m} on an occupied band, which keeps its relative
     * accuracy at the pole where {@code E_F + sM - k^2/2m} would cancel.
     */
    private void integrand(double k, double eDn, double kUp, double kDn, double gUp, double gDn,
            double[] out, boolean withCutoffSums) {
        double twoM = 2.0 * mass;
        double xUp = (kUp - k) * (kUp + k) / twoM;
        double xDn = kDn > 0.0 ? (kDn - k) * (kDn + k) / twoM : eDn - k * k / twoM;
        double[] f = new double[4];
        SpinPairKernel.evaluate(xUp, xDn, gUp, gDn, f);
        double measure = NORM * k * k;
        double bracket = k * k / (3.0 * mass) * f[SpinPairKernel.VELOCITY] + f[SpinPairKernel.CURVATURE];
        out[S1] = measure * bracket;
        out[SB] = measure * f[SpinPairKernel.ODD];
        out[S2] = measure * f[SpinPairKernel.IMAGINARY];
        if (withCutoffSums) {
            out[S1P] = measure * (2.0 / 3.0) * k * k * bracket;
            out[S2P] = measure * k * k * f[SpinPairKernel.IMAGINARY];
        }
    }

    private static double rel(double error, double value) {
        return value == 0.0 ? (error == 0.0 ? 0.0 : Double.MAX_VALUE) : error / Math.abs(value);
    }
}
