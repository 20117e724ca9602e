package org.spintorque.analytic;

import java.util.ArrayList;
import java.util.List;
import org.spintorque.output.ReportedValue;
import org.spintorque.units.PhysicalConstants;

/**
 * Everything the analytic s-d model computes, in internal units (eV, nm, hbar = 1), with
 * {@link #values()} giving the outputs in user units.
 */
public record SdModelResult(SdModelParameters parameters, double mass, double kFermiUp, double kFermiDn,
                            double densityUp, double densityDn, double dosUp, double dosDn,
                            double tauUp, double tauDn, double efTauUp, double efTauDn, double polarization,
                            Double spinFlipRate, double betaSf, Double spinOrbitRateUp, Double spinOrbitRateDn,
                            double betaSo, List<String> notes) {

    /** beta = beta_sf + beta_so, the ratio c_n/c_a (physics.md section 5). */
    public double beta() {
        return betaSf + betaSo;
    }

    /** Conductivity of band s in S/m: sigma_s = e^2 n_s tau_s / m. */
    public double conductivity(boolean up) {
        double e = PhysicalConstants.ELEMENTARY_CHARGE;
        double n = (up ? densityUp : densityDn) * 1e27;
        double tau = SdModel.femtoseconds(up ? tauUp : tauDn) * 1e-15;
        double mSi = parameters.mass() * PhysicalConstants.ELECTRON_MASS;
        return e * e * n * tau / mSi;
    }

    /** Drift velocity u = g mu_B P j / (2 e M_s) in m/s, or null without M_s and j. */
    public Double driftVelocity() {
        SdModelParameters.Magnet mg = parameters.magnet();
        if (mg == null || mg.ms() == null || mg.currentDensity() == null) {
            return null;
        }
        return mg.gFactor() * PhysicalConstants.BOHR_MAGNETON * polarization * mg.currentDensity()
                / (2 * PhysicalConstants.ELEMENTARY_CHARGE * mg.ms());
    }

    /** The outputs, in the order printed, with units. */
    public List<ReportedValue> values() {
        List<ReportedValue> v = new ArrayList<>();
        v.add(new ReportedValue("k_F_up", kFermiUp, "nm^-1", "Fermi wave vector k_F+ of the majority band"));
        v.add(new ReportedValue("k_F_dn", kFermiDn, "nm^-1", "Fermi wave vector k_F- of the minority band"));
        v.add(new ReportedValue("n_up", densityUp, "nm^-3", "electron density n_+ = k_F+^3/(6 pi^2)"));
        v.add(new ReportedValue("n_dn", densityDn, "nm^-3", "electron density n_- = k_F-^3/(6 pi^2)"));
        v.add(new ReportedValue("nu_up", dosUp, "eV^-1 nm^-3", "density of states nu_+ at E_F, per spin"));
        v.add(new ReportedValue("nu_dn", dosDn, "eV^-1 nm^-3", "density of states nu_- at E_F, per spin"));
        v.add(new ReportedValue("tau_up", SdModel.femtoseconds(tauUp), "fs", "momentum lifetime tau_+"));
        v.add(new ReportedValue("tau_dn", SdModel.femtoseconds(tauDn), "fs", "momentum lifetime tau_-"));
        v.add(new ReportedValue("ef_tau_up", efTauUp, "1", "(E_F + M) tau_+ / hbar, the small parameter's inverse"));
        v.add(new ReportedValue("ef_tau_dn", efTauDn, "1", "(E_F - M) tau_- / hbar"));
        double sUp = conductivity(true);
        double sDn = conductivity(false);
        v.add(new ReportedValue("sigma_up", sUp, "S/m", "conductivity sigma_+ = e^2 n_+ tau_+ / m"));
        v.add(new ReportedValue("sigma_dn", sDn, "S/m", "conductivity sigma_- = e^2 n_- tau_- / m"));
        v.add(new ReportedValue("resistivity", 1e8 / (sUp + sDn), "uOhm cm", "rho = 1/(sigma_+ + sigma_-)"));
        v.add(new ReportedValue("P", polarization, "1", "current polarization (sigma_+ - sigma_-)/(sigma_+ + sigma_-)"));
        if (spinFlipRate != null) {
            v.add(new ReportedValue("tau_sf", SdModel.femtoseconds(1 / spinFlipRate), "fs",
                    "spin-flip lifetime, 1/tau_sf = (4 pi/3) n_imp v_s^2 S_imp^2 (nu_+ + nu_-)"));
        }
        v.add(new ReportedValue("beta_sf", betaSf, "1", "hbar/(2 M tau_sf), eq. (29)"));
        if (spinOrbitRateUp != null) {
            v.add(new ReportedValue("tau_so_up", SdModel.femtoseconds(1 / spinOrbitRateUp), "fs",
                    "spin-orbit lifetime tau_+^(so), eq. (41)"));
            if (spinOrbitRateDn > 0) {
                v.add(new ReportedValue("tau_so_dn", SdModel.femtoseconds(1 / spinOrbitRateDn), "fs",
                        "spin-orbit lifetime tau_-^(so), eq. (41)"));
            }
        }
        v.add(new ReportedValue("beta_so", betaSo, "1", "spin-orbit beta, eq. (40)"));
        v.add(new ReportedValue("beta", beta(), "1", "beta_sf + beta_so = c_n/c_a (LLG beta, MuMax3 xi)"));
        v.add(new ReportedValue("beta_ratio_eq42", 2 * beta(), "1",
                "c_n/c_a if the adiabatic torque is taken as eq. (42)'s -(P/2e)(j.grad)n"));
        Double u = driftVelocity();
        if (u != null) {
            v.add(new ReportedValue("u", u, "m/s", "drift velocity u = g mu_B P j / (2 e M_s)"));
        }
        SdModelParameters.Magnet mg = parameters.magnet();
        if (mg != null && mg.alpha() != null) {
            v.add(new ReportedValue("beta_over_alpha", beta() / mg.alpha(), "1", "beta / alpha"));
            if (u != null) {
                v.add(new ReportedValue("wall_velocity", beta() / mg.alpha() * u, "m/s",
                        "steady domain-wall velocity (beta/alpha) u below Walker breakdown"));
            }
        }
        return v;
    }

    /** One output by name. */
    public ReportedValue value(String name) {
        return values().stream().filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no output " + name));
    }
}
