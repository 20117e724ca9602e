package org.spintorque.analytic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.spintorque.config.ConfigReader;
import org.spintorque.config.InputException;
import org.spintorque.output.ReportedValue;

/**
 * The analytic s-d model against formulas evaluated independently here, in SI units, from the paper's
 * definitions.
 */
class SdModelTest {
    static final double HBAR = 6.62607015e-34 / (2 * Math.PI);
    static final double E = 1.602176634e-19;
    static final double ME = 9.1093837015e-31;
    static final double MU_B = 9.2740100783e-24;

    static SdModelResult run(String... settings) {
        return AnalyticCalculation.evaluate(
                new ConfigReader(SdModelParameters.schema()).read(null, Arrays.asList(settings)));
    }

    static double value(SdModelResult r, String name) {
        return r.value(name).value();
    }

    /** k_F in 1/m for a kinetic energy in eV and a mass in m_e. */
    static double kF(double ekin, double mass) {
        return ekin > 0 ? Math.sqrt(2 * mass * ME * ekin * E) / HBAR : 0;
    }

    /** DOS per spin per volume at E_F, in 1/(J m^3): m k_F / (2 pi^2 hbar^2). */
    static double nu(double ekin, double mass) {
        return mass * ME * kF(ekin, mass) / (2 * Math.PI * Math.PI * HBAR * HBAR);
    }

    static double density(double ekin, double mass) {
        return Math.pow(kF(ekin, mass), 3) / (6 * Math.PI * Math.PI);
    }

    @Test
    void betaSpinFlipIsHbarOverTwoMTauSfWithTauSfFromItsDefinition() {
        double mass = 1.1;
        double ef = 2.5;
        double m = 0.4;
        double nImp = 0.3;   // nm^-3
        double vs = 0.015;   // eV nm^3
        double s = 1.5;
        SdModelResult r = run("band.mass=" + mass, "band.fermi_energy=" + ef, "model.exchange=" + m,
                "lifetimes.tau_up=12fs", "lifetimes.tau_dn=5fs", "spin_flip.n_imp=" + nImp,
                "spin_flip.v_s=" + vs, "spin_flip.s_imp=" + s);
        // 1/tau_sf = (4 pi/3) n_imp v_s^2 S^2 (nu_+ + nu_-) / hbar, all in SI
        double rate = 4 * Math.PI / 3 * (nImp * 1e27) * Math.pow(vs * E * 1e-27, 2) * s * s
                * (nu(ef + m, mass) + nu(ef - m, mass)) / HBAR;
        double tauSf = 1 / rate;
        assertEquals(tauSf * 1e15, value(r, "tau_sf"), 1e-10 * tauSf * 1e15);
        double beta = HBAR / (2 * m * E * tauSf);
        assertEquals(beta, r.betaSf(), 1e-10 * beta);
        // eq. (29) written as the paper writes it: (2 pi / 3M) n_imp v_s^2 S^2 (nu_+ + nu_-)
        double eq29 = 2 * Math.PI / (3 * m * E) * (nImp * 1e27) * Math.pow(vs * E * 1e-27, 2) * s * s
                * (nu(ef + m, mass) + nu(ef - m, mass));
        assertEquals(eq29, r.betaSf(), 1e-10 * eq29);
    }

    @Test
    void betaSpinOrbitByHandForOneParameterSet() {
        // mass 1 m_e, E_F = 3 eV, M = 0.5 eV, tau_+ = 10 fs, tau_- = 4 fs, n_so = 0.01 eV^2 nm^3,
        // lambda_so = 0.003 nm^2: eqs. (41) then (40), every step in SI.
        SdModelResult r = run("band.fermi_energy=3", "model.exchange=0.5", "lifetimes.tau_up=10fs",
                "lifetimes.tau_dn=4fs", "spin_orbit.n_so=0.01", "spin_orbit.lambda_so=0.003");
        double kp = kF(3.5, 1);
        double km = kF(2.5, 1);
        double nup = nu(3.5, 1);
        double num = nu(2.5, 1);
        double nso = 0.01 * E * E * 1e-27;      // J^2 m^3
        double lam = 0.003e-18;                 // m^2
        double sum = nup * kp * kp + num * km * km;
        double rateUp = 2 * Math.PI / 9 * nso * lam * lam * kp * kp * sum / HBAR;
        double rateDn = 2 * Math.PI / 9 * nso * lam * lam * km * km * sum / HBAR;
        assertEquals(1e15 / rateUp, value(r, "tau_so_up"), 1e-9 * 1e15 / rateUp);
        assertEquals(1e15 / rateDn, value(r, "tau_so_dn"), 1e-9 * 1e15 / rateDn);
        double np = density(3.5, 1);
        double nm = density(2.5, 1);
        double tp = 10e-15;
        double tm = 4e-15;
        double beta = HBAR / (2 * 0.5 * E) * (np * tp * rateUp - nm * tm * rateDn) / (np * tp - nm * tm);
        assertEquals(beta, r.betaSo(), 1e-9 * beta);
        assertEquals(r.betaSo(), r.beta(), 0); // no spin-flip input
        assertEquals(2 * r.beta(), value(r, "beta_ratio_eq42"), 0);
    }

    /** With equal spin-orbit lifetimes in both bands, eq. (40) collapses to hbar/(2 M tau_so). */
    @ParameterizedTest
    @CsvSource({"3.0, 0.5, 10, 4, 80", "1.0, 0.2, 3, 9, 400", "5.0, 1.5, 20, 20, 50"})
    void equalSpinOrbitLifetimesGiveHbarOverTwoMTau(double ef, double m, double tu, double td, double tso) {
        SdModelResult r = run("band.fermi_energy=" + ef, "model.exchange=" + m, "lifetimes.tau_up=" + tu,
                "lifetimes.tau_dn=" + td, "lifetimes.tau_so_up=" + tso, "lifetimes.tau_so_dn=" + tso);
        double expected = HBAR / (2 * m * E * tso * 1e-15);
        assertEquals(expected, r.betaSo(), 1e-12 * expected);
        // and a spin-flip lifetime gives the same beta through eq. (29): the two mechanisms agree
        SdModelResult sf = run("band.fermi_energy=" + ef, "model.exchange=" + m, "lifetimes.tau_up=" + tu,
                "lifetimes.tau_dn=" + td, "lifetimes.tau_sf=" + tso);
        assertEquals(expected, sf.betaSf(), 1e-12 * expected);
    }

    @Test
    void polarizationFromDrudeConductivities() {
        SdModelResult r = run("band.mass=0.8", "band.fermi_energy=2", "model.exchange=0.6",
                "lifetimes.tau_up=7", "lifetimes.tau_dn=3");
        double sUp = E * E * density(2.6, 0.8) * 7e-15 / (0.8 * ME);
        double sDn = E * E * density(1.4, 0.8) * 3e-15 / (0.8 * ME);
        assertEquals(sUp, value(r, "sigma_up"), 1e-10 * sUp);
        assertEquals(sDn, value(r, "sigma_dn"), 1e-10 * sDn);
        assertEquals((sUp - sDn) / (sUp + sDn), r.polarization(), 1e-12);
        assertEquals(1e8 / (sUp + sDn), value(r, "resistivity"), 1e-10 * 1e8 / (sUp + sDn));
        // equal lifetimes: P is the density polarization
        SdModelResult eq = run("band.fermi_energy=2", "model.exchange=0.6", "lifetimes.tau_up=5",
                "lifetimes.tau_dn=5");
        double np = density(2.6, 1);
        double nm = density(1.4, 1);
        assertEquals((np - nm) / (np + nm), eq.polarization(), 1e-12);
    }

    /** Lifetimes from a resistivity reproduce the resistivity, and reproduce given lifetimes. */
    @Test
    void resistivityRoundTrip() {
        SdModelResult direct = run("band.fermi_energy=3", "model.exchange=0.5", "lifetimes.tau_up=10",
                "lifetimes.tau_dn=4");
        double rho = value(direct, "resistivity");
        SdModelResult viaRho = run("band.fermi_energy=3", "model.exchange=0.5",
                "lifetimes.resistivity=" + rho, "lifetimes.tau_ratio=0.4");
        assertEquals(10, value(viaRho, "tau_up"), 1e-10);
        assertEquals(4, value(viaRho, "tau_dn"), 1e-10);
        assertEquals(direct.polarization(), viaRho.polarization(), 1e-12);
    }

    @Test
    void halfMetalHasFullPolarizationAndNoNaN() {
        SdModelResult r = run("band.fermi_energy=0.8", "model.exchange=1.2", "lifetimes.tau_up=15",
                "lifetimes.tau_sf=500", "spin_orbit.n_so=0.01", "spin_orbit.lambda_so=0.003",
                "magnet.Ms=3.8e5", "magnet.alpha=0.005", "magnet.current_density=5e11");
        assertEquals(1.0, r.polarization(), 0);
        assertEquals(0.0, value(r, "nu_dn"), 0);
        assertEquals(0.0, value(r, "n_dn"), 0);
        for (ReportedValue v : r.values()) {
            assertTrue(Double.isFinite(v.value()), v.name());
        }
        assertTrue(r.notes().stream().anyMatch(n -> n.contains("half-metal")), r.notes().toString());
        // only the majority band relaxes: beta_so = hbar/(2 M tau_+^so)
        double expected = 0.6582119569509066 / (2 * 1.2 * value(r, "tau_so_up"));
        assertEquals(expected, r.betaSo(), 1e-12 * expected);
    }

    @Test
    void driftVelocityAndWallVelocity() {
        SdModelResult r = run("band.fermi_energy=3", "model.exchange=0.5", "lifetimes.tau_up=10",
                "lifetimes.tau_dn=4", "lifetimes.tau_sf=100", "magnet.Ms=8e5", "magnet.alpha=0.01",
                "magnet.current_density=1e12");
        double u = 2 * MU_B * r.polarization() * 1e12 / (2 * E * 8e5);
        assertEquals(u, value(r, "u"), 1e-12 * u);
        assertEquals(r.beta() / 0.01, value(r, "beta_over_alpha"), 1e-12);
        assertEquals(r.beta() / 0.01 * u, value(r, "wall_velocity"), 1e-10 * u);
    }

    /** beta_sf is linear in n_imp and quadratic in v_s and S_imp (lowest order in v_s, eq. 18). */
    @Test
    void spinFlipScaling() {
        double b1 = run("band.fermi_energy=3", "model.exchange=0.5", "lifetimes.tau_up=10", "lifetimes.tau_dn=4",
                "spin_flip.n_imp=0.1", "spin_flip.v_s=0.02", "spin_flip.s_imp=1").betaSf();
        double b2 = run("band.fermi_energy=3", "model.exchange=0.5", "lifetimes.tau_up=10", "lifetimes.tau_dn=4",
                "spin_flip.n_imp=0.3", "spin_flip.v_s=0.04", "spin_flip.s_imp=0.5").betaSf();
        assertEquals(3 * 4 * 0.25, b2 / b1, 1e-12);
    }

    static List<String> base(String... more) {
        List<String> s = new ArrayList<>(List.of("band.fermi_energy=3", "model.exchange=0.5",
                "lifetimes.tau_up=10", "lifetimes.tau_dn=4"));
        s.addAll(List.of(more));
        return s;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "band.fermi_energy=-0.6 | below the bottom of the majority band",
        "model.exchange=0 | model.exchange = 0.0 eV: must be > 0",
        "lifetimes.tau_up=0 | lifetimes.tau_up = 0.0 fs: must be > 0",
        "lifetimes.tau_dn=-3fs | lifetimes.tau_dn = -3.0 fs: must be > 0",
        "spin_flip.n_imp=0.1 | missing parameter spin_flip.v_s",
        "spin_orbit.lambda_so=0.01 | missing parameter spin_orbit.n_so",
        "magnet.current_density=1e12 | missing parameter magnet.Ms",
        "lifetimes.resistivity=20 | not both",
        "magnet.alpha=-0.01 | magnet.alpha = -0.01 dimensionless: must be > 0",
    })
    void badPhysicalInputIsNamed(String setting, String message) {
        List<String> s = base(setting);
        InputException e = assertThrows(InputException.class,
                () -> AnalyticCalculation.evaluate(new ConfigReader(SdModelParameters.schema()).read(null, s)));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @Test
    void missingRequiredParameters() {
        InputException e = assertThrows(InputException.class, () -> run("model.exchange=0.5"));
        assertTrue(e.getMessage().contains("band.fermi_energy"), e.getMessage());
        e = assertThrows(InputException.class, () -> run("band.fermi_energy=3", "model.exchange=0.5"));
        assertTrue(e.getMessage().contains("lifetimes.tau_up"), e.getMessage());
    }

    @Test
    void spinOrbitBetaUndefinedAtZeroPolarizationIsAnError() {
        // n_+ tau_+ = n_- tau_-: choose tau_- = tau_+ n_+/n_-
        double np = density(3.5, 1);
        double nm = density(2.5, 1);
        InputException e = assertThrows(InputException.class, () -> run("band.fermi_energy=3",
                "model.exchange=0.5", "lifetimes.tau_up=10", "lifetimes.tau_dn=" + (10 * np / nm),
                "lifetimes.tau_so_up=50", "lifetimes.tau_so_dn=60"));
        assertTrue(e.getMessage().contains("P = 0"), e.getMessage());
    }
}
