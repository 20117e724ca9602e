package org.spintorque.analytic.ksums;

/**
 * Numeric k-sums of Tatara and Entel (2008) beside their leading-order closed forms.
 *
 * <p>Normalization: for {@link ParabolicKSums} the fields are the coefficients a, b (eq. 26) and a'
 * (eq. 39) themselves ({@code perUnitMass == false}). A lattice band has no mass; there the fields hold the
 * lattice forms of a/m, b/m and a'/m, which is what enters the torques (27) and (38) through their 1/m
 * prefactor ({@code perUnitMass == true}). The ratios {@link #aRatio()}, {@link #aPrimeRatio()},
 * {@link #bOverA()} and {@link #bRatio()} do not depend on this choice. Densities are per unit volume
 * (parabolic band) or per site (lattice), per spin.
 *
 * @param a                       numeric a, eq. (26)
 * @param aClosed                 leading order {@code (pi/M)(n_+ tau_+ - n_- tau_-)(nu_+ + nu_-)} (text below eq. 27)
 * @param b                       numeric b, eq. (26)
 * @param bLeading                leading order {@code -pi (nu_+ + nu_-)^2/(2M)}, independent of tau
 * @param aPrime                  numeric a', eq. (39) (0 if {@code hasAPrime} is false)
 * @param aPrimeClosed            leading order of a' (text below eq. 39) (0 if {@code hasAPrime} is false)
 * @param hasAPrime               whether a' was computed
 * @param nuUp                    density of states nu_+ at the Fermi level
 * @param nuDn                    density of states nu_- at the Fermi level (0 for an empty minority band)
 * @param quadratureError         largest relative error estimate of the numeric coefficients
 * @param transportDosUp          {@code D_+ = sum_k v_x^2 delta(E_F - eps_{k+})} (sigma_+ = e^2 tau_+ D_+)
 * @param transportDosDn          {@code D_-}
 * @param densityUp               electron density n_+ of the majority band
 * @param densityDn               electron density n_-
 * @param fermiEnergyFromBandBottom E_F above the bottom of the spin-averaged band
 * @param sumImGa                 {@code S2 = sum_k sum_s Im g^a_{ks}}, which tends to {@code pi (nu_+ + nu_-)}
 * @param perUnitMass             whether a, b, a' (and their closed forms) are divided by a mass, see above
 */
public record KSumResult(
        double a,
        double aClosed,
        double b,
        double bLeading,
        double aPrime,
        double aPrimeClosed,
        boolean hasAPrime,
        double nuUp,
        double nuDn,
        double quadratureError,
        double transportDosUp,
        double transportDosDn,
        double densityUp,
        double densityDn,
        double fermiEnergyFromBandBottom,
        double sumImGa,
        boolean perUnitMass) {

    // Rejects non-finite numbers: results are never NaN.
    public KSumResult {
        double[] all = {a, aClosed, b, bLeading, aPrime, aPrimeClosed, nuUp, nuDn, quadratureError,
            transportDosUp, transportDosDn, densityUp, densityDn, fermiEnergyFromBandBottom, sumImGa};
        for (double x : all) {
            if (!Double.isFinite(x)) {
                throw new IllegalArgumentException("k-sum result contains a non-finite number");
            }
        }
        if (!hasAPrime && (aPrime != 0.0 || aPrimeClosed != 0.0)) {
            throw new IllegalArgumentException("a' values given although hasAPrime is false");
        }
    }

    /** @return numeric a over its closed form (tends to 1 as E_F tau grows) */
    public double aRatio() {
        return a / aClosed;
    }

    /**
     * @return numeric a' over its closed form
     * @throws IllegalStateException if a' was not computed
     */
    public double aPrimeRatio() {
        if (!hasAPrime) {
            throw new IllegalStateException("a' was not computed for this band");
        }
        return aPrime / aPrimeClosed;
    }

    /** @return b/a, of order 1/(E_F tau) */
    public double bOverA() {
        return b / a;
    }

    /** @return numeric b over its leading order */
    public double bRatio() {
        return b / bLeading;
    }

    /** @return {@code S2 / (pi (nu_+ + nu_-))}, tends to 1 as E_F tau grows */
    public double sumRuleRatio() {
        return sumImGa / (Math.PI * (nuUp + nuDn));
    }
}
