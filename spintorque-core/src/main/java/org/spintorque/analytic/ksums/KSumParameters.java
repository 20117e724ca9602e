package org.spintorque.analytic.ksums;

/**
 * Input of the k-sums of section III of Tatara and Entel (2008), in pure numbers (hbar = 1; the caller
 * converts units). Spin bands {@code eps_{k,s} = eps_k - s M} with {@code s = +1} (majority, lower) and
 * {@code s = -1}; the retarded Green's function is {@code g^r_{ks} = 1/(E_F - eps_{ks} + i gamma_s)} with
 * {@code gamma_s = 1/(2 tau_s)}.
 *
 * <p>Only the band-independent checks happen here; whether the majority band is occupied depends on the
 * band and is checked by the evaluator.
 *
 * @param fermiEnergy Fermi energy E_F, on the same energy axis as {@code eps_k}
 * @param exchange    exchange splitting M (> 0): the bands are {@code eps_k -+ M}
 * @param tauUp       majority lifetime tau_+ (> 0)
 * @param tauDn       minority lifetime tau_- (> 0)
 */
public record KSumParameters(double fermiEnergy, double exchange, double tauUp, double tauDn) {

    // Validates the parameters.
    public KSumParameters {
        if (!Double.isFinite(fermiEnergy)) {
            throw new IllegalArgumentException("Fermi energy must be finite, got " + fermiEnergy);
        }
        if (!(exchange > 0.0) || !Double.isFinite(exchange)) {
            throw new IllegalArgumentException("exchange splitting M must be finite and > 0, got " + exchange);
        }
        if (!(tauUp > 0.0) || !Double.isFinite(tauUp)) {
            throw new IllegalArgumentException("majority lifetime tau_+ must be finite and > 0, got " + tauUp);
        }
        if (!(tauDn > 0.0) || !Double.isFinite(tauDn)) {
            throw new IllegalArgumentException("minority lifetime tau_- must be finite and > 0, got " + tauDn);
        }
    }

    /**
     * @param spin +1 (majority) or -1 (minority)
     * @return tau_s
     */
    public double tau(int spin) {
        return spin > 0 ? tauUp : tauDn;
    }

    /**
     * @param spin +1 (majority) or -1 (minority)
     * @return the damping {@code gamma_s = 1/(2 tau_s)}
     */
    public double gamma(int spin) {
        return 0.5 / tau(spin);
    }

    /**
     * Energy of the Fermi level above the bottom of band s, counted on the {@code eps_k} axis: the pole of
     * {@code g^r_{ks}} sits at {@code eps_k = E_F + s M}.
     *
     * @param spin +1 (majority) or -1 (minority)
     * @return {@code E_F + s M}
     */
    public double shellEnergy(int spin) {
        return spin > 0 ? fermiEnergy + exchange : fermiEnergy - exchange;
    }

    /**
     * @param up new tau_+
     * @param dn new tau_-
     * @return a copy with other lifetimes
     */
    public KSumParameters withTaus(double up, double dn) {
        return new KSumParameters(fermiEnergy, exchange, up, dn);
    }
}
