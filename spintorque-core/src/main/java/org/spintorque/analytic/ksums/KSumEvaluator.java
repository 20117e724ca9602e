package org.spintorque.analytic.ksums;

/** Evaluates the k-sums of eqs. (26) and (39) of Tatara and Entel (2008) for one band structure. */
public interface KSumEvaluator {

    /**
     * @param parameters Fermi energy, exchange splitting and lifetimes
     * @return the numeric coefficients beside their leading-order closed forms
     * @throws IllegalArgumentException if the majority band holds no carriers
     */
    KSumResult evaluate(KSumParameters parameters);

    /**
     * Bottom of the spin-averaged band {@code eps_k} (0 for the parabolic band, -6t for the simple cubic
     * lattice): "E_F tau" in scans and in the 1/(E_F tau) expansion counts E_F from here.
     *
     * @return the band bottom on the {@code eps_k} axis
     */
    double spinAveragedBandBottom();
}
