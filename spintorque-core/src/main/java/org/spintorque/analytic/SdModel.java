package org.spintorque.analytic;

import java.util.ArrayList;
import java.util.List;
import org.spintorque.band.ParabolicBand;
import org.spintorque.config.InputException;
import org.spintorque.units.PhysicalConstants;

/**
 * The s-d model of section III of Tatara and Entel (2008) in the adiabatic limit, to leading order in
 * 1/(E_F tau): densities, densities of states and conductivities of the two spin bands, the current
 * polarization P, and the non-adiabatic coefficients beta_sf (eq. 29) and beta_so (eqs. 40-41).
 *
 * <p>Internal units: energies in eV, lengths in nm, hbar = 1 (so times are in hbar/eV and masses in
 * hbar^2/(eV nm^2)). Conversion happens here, once, from the documented input units and back to the output
 * units; nothing else in the computation knows about units.
 *
 * <p>Convention for beta: the reported {@code beta} is the ratio {@code c_n / c_a} of the non-adiabatic to
 * the adiabatic torque, {@code tau = c_a d_x n + c_n n x d_x n}, which is the beta (MuMax3's xi) of the
 * Zhang-Li/LLG equation. It equals the paper's beta of eqs. (28)-(29) and (40) when the adiabatic torque
 * is eq. (14)'s {@code -(P/e)(j.grad)n}; the paper's eq. (42) writes that term as {@code -(P/2e)(j.grad)n},
 * with which the ratio would be twice the paper's beta. {@link SdModelResult} reports both.
 */
public final class SdModel {
    /** Electron mass in hbar^2/(eV nm^2). */
    static final double ELECTRON_MASS = 1 / (2 * PhysicalConstants.HBAR2_OVER_2ME_EV_NM2);

    private SdModel() { }

    /** fs to hbar/eV. */
    static double time(double fs) {
        return fs / PhysicalConstants.HBAR_EV_FS;
    }

    /** hbar/eV to fs. */
    static double femtoseconds(double internal) {
        return internal * PhysicalConstants.HBAR_EV_FS;
    }

    public static SdModelResult evaluate(SdModelParameters p) {
        List<String> notes = new ArrayList<>(p.notes());
        double m = p.mass() * ELECTRON_MASS;
        ParabolicBand band = new ParabolicBand(m);
        double ekUp = p.fermiEnergy() + p.exchange(); // kinetic Fermi energy of the majority band
        double ekDn = p.fermiEnergy() - p.exchange();
        double kUp = band.fermiWavevector(ekUp);
        double kDn = band.fermiWavevector(ekDn);
        double nUp = band.density(ekUp);
        double nDn = band.density(ekDn);
        double nuUp = band.densityOfStates(ekUp);
        double nuDn = band.densityOfStates(ekDn);

        // momentum lifetimes, internal units
        double tauUp;
        double tauDn;
        if (p.resistivity() != null) {
            // rho = 1/(sigma_+ + sigma_-), sigma_s = e^2 n_s tau_s / m, tau_- = r tau_+
            double rhoSi = p.resistivity() * 1e-8; // uOhm cm -> Ohm m
            double e = PhysicalConstants.ELEMENTARY_CHARGE;
            double mSi = p.mass() * PhysicalConstants.ELECTRON_MASS;
            double nEffSi = (nUp + p.tauRatio() * nDn) * 1e27;
            double tauUpSi = mSi / (e * e * rhoSi * nEffSi);
            tauUp = time(tauUpSi * 1e15);
            tauDn = p.tauRatio() * tauUp;
        } else {
            tauUp = time(p.tauUp());
            tauDn = p.tauDn() == null ? tauUp : time(p.tauDn()); // only null for an empty minority band
        }

        // conductivities per e^2 (internal): sigma_s / e^2 = n_s tau_s / m
        double sUp = nUp * tauUp / m;
        double sDn = nDn * tauDn / m;
        double polarization = (sUp - sDn) / (sUp + sDn);

        // spin flip, eq. (29): 1/tau_sf = (4 pi/3) n_imp v_s^2 S^2 (nu_+ + nu_-), beta_sf = 1/(2 M tau_sf)
        Double rateSf = null;
        if (p.spinFlip() != null) {
            SdModelParameters.SpinFlipImpurities sf = p.spinFlip();
            rateSf = 4 * Math.PI / 3 * sf.concentration() * sf.coupling() * sf.coupling() * sf.spin() * sf.spin()
                    * (nuUp + nuDn);
        } else if (p.tauSf() != null) {
            rateSf = 1 / time(p.tauSf());
        }
        double betaSf = rateSf == null ? 0 : rateSf / (2 * p.exchange());

        // spin-orbit, eq. (41): 1/tau_s^so = (2 pi/9) n_so lambda^2 k_Fs^2 (nu_+ k_F+^2 + nu_- k_F-^2)
        Double rateSoUp = null;
        Double rateSoDn = null;
        if (p.spinOrbit() != null) {
            SdModelParameters.SpinOrbitImpurities so = p.spinOrbit();
            double common = 2 * Math.PI / 9 * so.strength() * so.lambda() * so.lambda()
                    * (nuUp * kUp * kUp + nuDn * kDn * kDn);
            rateSoUp = common * kUp * kUp;
            rateSoDn = common * kDn * kDn;
        } else if (p.tauSo() != null) {
            rateSoUp = 1 / time(p.tauSo()[0]);
            rateSoDn = Double.isInfinite(p.tauSo()[1]) ? 0.0 : 1 / time(p.tauSo()[1]);
        }
        double betaSo = 0;
        if (rateSoUp != null) {
            // eq. (40)
            double denominator = nUp * tauUp - nDn * tauDn;
            if (Math.abs(denominator) <= 1e-12 * (nUp * tauUp + nDn * tauDn)) {
                throw new InputException("beta_so of eq. (40) is undefined at P = 0 (n_+ tau_+ = n_- tau_-: the "
                        + "adiabatic torque vanishes while the spin-orbit torque does not); change "
                        + "lifetimes.tau_up / tau_dn or remove the spin-orbit input");
            }
            betaSo = (nUp * tauUp * rateSoUp - nDn * tauDn * rateSoDn) / (2 * p.exchange() * denominator);
        }

        double efTauUp = ekUp * tauUp;
        double efTauDn = ekDn > 0 ? ekDn * tauDn : 0;
        double minEfTau = ekDn > 0 ? Math.min(efTauUp, efTauDn) : efTauUp;
        if (minEfTau < 10) {
            notes.add(String.format("E_F tau = %.3g is not large: the closed forms are leading order in "
                    + "1/(E_F tau); run with --ksums to see the size of the corrections", minEfTau));
        }
        if (rateSf != null && 2 * p.exchange() / rateSf < 10) {
            notes.add("M tau_sf is not large: eq. (29) is lowest order in the spin-flip scattering");
        }

        return new SdModelResult(p, m, kUp, kDn, nUp, nDn, nuUp, nuDn, tauUp, tauDn, efTauUp, efTauDn,
                polarization, rateSf, betaSf, rateSoUp, rateSoDn, betaSo, List.copyOf(notes));
    }
}
