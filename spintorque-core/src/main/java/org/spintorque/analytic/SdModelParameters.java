package org.spintorque.analytic;

import java.util.ArrayList;
import java.util.List;
import org.spintorque.config.InputException;
import org.spintorque.config.ParameterSchema;
import org.spintorque.config.ResolvedInput;

/**
 * Input of the analytic s-d model, in the documented units (eV, fs, nm, m_e, A/m, A/m^2). Every
 * optional physics is {@code null} when absent. Built with {@link #fromInput}, which checks everything a
 * user can get wrong and says what would be valid.
 *
 * @param mass            effective mass [m_e]
 * @param fermiEnergy     Fermi energy measured from the spin-averaged band bottom (eps_k = 0) [eV]
 * @param exchange        M = J_sd S: the spin bands are eps_k - M (majority) and eps_k + M [eV]
 * @param tauUp           momentum lifetime of the majority band [fs] (null only for a half-metal)
 * @param tauDn           momentum lifetime of the minority band [fs] (null only for a half-metal)
 * @param resistivity     resistivity [uOhm cm] from which tau_+- follow, or null when they are given
 * @param tauRatio        tau_-/tau_+ used with the resistivity
 * @param tauSf           spin-flip lifetime given directly [fs], or null
 * @param spinFlip        spin-flip impurities (eq. 7), or null
 * @param tauSo           spin-orbit lifetimes given directly [fs] {up, dn}, or null
 * @param spinOrbit       spin-orbit impurities (eq. 8), or null
 * @param magnet          micromagnetic parameters for u and beta/alpha, or null
 */
public record SdModelParameters(double mass, double fermiEnergy, double exchange, Double tauUp, Double tauDn,
                                Double resistivity, double tauRatio, Double tauSf, SpinFlipImpurities spinFlip, double[] tauSo,
                                SpinOrbitImpurities spinOrbit, Magnet magnet, List<String> notes) {

    /**
     * Spin-flip impurities of eq. (7): {@code v_s S_imp . (c^dag sigma c)} at concentration n_imp.
     *
     * @param concentration n_imp [nm^-3]
     * @param coupling      v_s [eV nm^3]
     * @param spin          |S_imp| (the paper's S_imp-bar) [dimensionless]
     */
    public record SpinFlipImpurities(double concentration, double coupling, double spin) { }

    /**
     * Spin-orbit impurities of eq. (8) with the correlator of eq. (34).
     *
     * @param strength n_so = n_imp u^2, the strength of the random potential [eV^2 nm^3]
     * @param lambda   lambda_so [nm^2]
     */
    public record SpinOrbitImpurities(double strength, double lambda) { }

    /**
     * @param ms             saturation magnetization M_s [A/m], or null
     * @param alpha          Gilbert damping, or null
     * @param currentDensity j [A/m^2], or null
     * @param gFactor        g
     */
    public record Magnet(Double ms, Double alpha, Double currentDensity, double gFactor) { }

    /** The parameters of {@code spintorque analytic}, with units, defaults and meaning. */
    public static ParameterSchema schema() {
        return ParameterSchema.builder()
                .number("band.mass", "m_e", 1.0, "effective mass m of the parabolic band, > 0")
                .number("band.fermi_energy", "eV", null,
                        "Fermi energy E_F measured from the spin-averaged band bottom eps_k = 0; > -exchange")
                .number("model.exchange", "eV", null,
                        "exchange M = J_sd S; spin bands eps_k - M (majority, +) and eps_k + M (minority, -);"
                                + " splitting 2M; > 0")
                .number("lifetimes.tau_up", "fs", null, "momentum lifetime tau_+ of the majority band, > 0")
                .number("lifetimes.tau_dn", "fs", null, "momentum lifetime tau_- of the minority band, > 0")
                .number("lifetimes.resistivity", "uOhm cm", null,
                        "residual resistivity rho = 1/(sigma_+ + sigma_-); instead of tau_up and tau_dn")
                .number("lifetimes.tau_ratio", "1", null,
                        "tau_-/tau_+ used with resistivity (default 1: equal lifetimes), > 0")
                .number("lifetimes.tau_sf", "fs", null,
                        "spin-flip lifetime tau_sf; instead of the [spin_flip] table, > 0")
                .number("lifetimes.tau_so_up", "fs", null,
                        "spin-orbit lifetime tau_+^(so) of eq. (41); instead of the [spin_orbit] table, > 0")
                .number("lifetimes.tau_so_dn", "fs", null,
                        "spin-orbit lifetime tau_-^(so) of eq. (41); with tau_so_up, > 0")
                .number("spin_flip.n_imp", "nm^-3", null, "concentration n_imp of magnetic impurities, >= 0")
                .number("spin_flip.v_s", "eV nm^3", null, "spin-flip coupling v_s of eq. (7)")
                .number("spin_flip.s_imp", "1", null, "length of the impurity spin S_imp, >= 0")
                .number("spin_orbit.n_so", "eV^2 nm^3", null,
                        "strength n_so of the spin-orbit impurity potential, <V V> = n_so (eq. 34), >= 0")
                .number("spin_orbit.lambda_so", "nm^2", null, "spin-orbit coupling lambda_so of eq. (8)")
                .number("magnet.Ms", "A/m", null, "saturation magnetization M_s, > 0 (for u)")
                .number("magnet.alpha", "1", null, "Gilbert damping alpha, > 0 (for beta/alpha)")
                .number("magnet.current_density", "A/m^2", null, "charge current density j (for u)")
                .number("magnet.g", "1", 2.0, "g factor in u = g mu_B P j / (2 e M_s)")
                .number("ksums.cutoff", "1", 10.0,
                        "UV cutoff of the a' k-sum, in units of the majority Fermi kinetic energy E_F + M, > 1")
                .number("ksums.lattice_constant", "nm", 0.25,
                        "lattice constant of the simple cubic comparison band; t = hbar^2/(2 m a^2)")
                .number("ksums.ef_tau_min", "1", 3.0, "smallest E_F tau_+ of the k-sum scan, > 0")
                .number("ksums.ef_tau_max", "1", 3000.0, "largest E_F tau_+ of the k-sum scan")
                .number("ksums.points", "1", 25.0, "number of points of the k-sum scan (log spaced), >= 2")
                .build();
    }

    /** Builds and validates the parameters; every problem is an {@link InputException} with a remedy. */
    public static SdModelParameters fromInput(ResolvedInput in) {
        List<String> notes = new ArrayList<>();
        double mass = positive(in, "band.mass", in.number("band.mass", ""));
        double ef = in.number("band.fermi_energy", "the Fermi energy sets the carrier densities");
        double m = positive(in, "model.exchange", in.number("model.exchange", "beta ~ 1/M needs the exchange"));
        if (ef + m <= 0) {
            throw new InputException("band.fermi_energy = " + ef + " eV lies at or below the bottom of the "
                    + "majority band (-M = " + (-m) + " eV): there are no carriers. Valid: fermi_energy > "
                    + (-m) + " eV (it is measured from the spin-averaged band bottom, eps_k = 0)");
        }
        boolean halfMetal = ef - m <= 0;
        if (halfMetal) {
            notes.add("half-metal: the minority band is empty (E_F - M = " + (ef - m)
                    + " eV <= 0), so nu_- = n_- = sigma_- = 0 and P = 1");
        }

        Double tauUp = in.optionalNumber("lifetimes.tau_up").orElse(null);
        Double tauDn = in.optionalNumber("lifetimes.tau_dn").orElse(null);
        boolean byResistivity = in.has("lifetimes.resistivity");
        if (byResistivity) {
            if (tauUp != null || tauDn != null) {
                throw new InputException("give either lifetimes.resistivity or lifetimes.tau_up and tau_dn, "
                        + "not both (resistivity = " + in.optionalNumber("lifetimes.resistivity").get()
                        + " uOhm cm was given together with tau_" + (tauUp != null ? "up" : "dn") + ")");
            }
        } else {
            if (tauUp == null) {
                throw in.missing("lifetimes.tau_up", "or give lifetimes.resistivity");
            }
            if (tauDn == null && !halfMetal) {
                throw in.missing("lifetimes.tau_dn", "or give lifetimes.resistivity");
            }
            positive(in, "lifetimes.tau_up", tauUp);
            if (tauDn != null) {
                positive(in, "lifetimes.tau_dn", tauDn);
            }
        }
        if (in.has("lifetimes.tau_ratio")) {
            if (!byResistivity) {
                throw new InputException("lifetimes.tau_ratio is only used with lifetimes.resistivity; remove it"
                        + " or give the resistivity instead of tau_up and tau_dn");
            }
            positive(in, "lifetimes.tau_ratio", in.optionalNumber("lifetimes.tau_ratio").get());
        }
        if (byResistivity) {
            positive(in, "lifetimes.resistivity", in.optionalNumber("lifetimes.resistivity").get());
        }

        Double tauSf = in.optionalNumber("lifetimes.tau_sf").orElse(null);
        SpinFlipImpurities sf = null;
        boolean anySf = in.has("spin_flip.n_imp") || in.has("spin_flip.v_s") || in.has("spin_flip.s_imp");
        if (anySf) {
            if (tauSf != null) {
                throw new InputException("give either lifetimes.tau_sf or the [spin_flip] table, not both");
            }
            double n = nonNegative(in, "spin_flip.n_imp", in.number("spin_flip.n_imp", "the [spin_flip] table "
                    + "needs n_imp, v_s and s_imp"));
            double vs = in.number("spin_flip.v_s", "the [spin_flip] table needs n_imp, v_s and s_imp");
            double s = nonNegative(in, "spin_flip.s_imp", in.number("spin_flip.s_imp",
                    "the [spin_flip] table needs n_imp, v_s and s_imp"));
            sf = new SpinFlipImpurities(n, vs, s);
        } else if (tauSf != null) {
            positive(in, "lifetimes.tau_sf", tauSf);
        } else {
            notes.add("no spin-flip relaxation given ([spin_flip] or lifetimes.tau_sf): beta_sf = 0");
        }

        double[] tauSo = null;
        SpinOrbitImpurities so = null;
        boolean anySoTau = in.has("lifetimes.tau_so_up") || in.has("lifetimes.tau_so_dn");
        boolean anySo = in.has("spin_orbit.n_so") || in.has("spin_orbit.lambda_so");
        if (anySo && anySoTau) {
            throw new InputException("give either lifetimes.tau_so_up/tau_so_dn or the [spin_orbit] table, "
                    + "not both");
        }
        if (anySo) {
            double nso = nonNegative(in, "spin_orbit.n_so", in.number("spin_orbit.n_so",
                    "the [spin_orbit] table needs n_so and lambda_so"));
            double lam = in.number("spin_orbit.lambda_so", "the [spin_orbit] table needs n_so and lambda_so");
            so = new SpinOrbitImpurities(nso, lam);
        } else if (anySoTau) {
            double up = positive(in, "lifetimes.tau_so_up", in.number("lifetimes.tau_so_up",
                    "eq. (40) needs the spin-orbit lifetimes of both bands"));
            double dn;
            if (halfMetal && !in.has("lifetimes.tau_so_dn")) {
                dn = Double.POSITIVE_INFINITY; // irrelevant: it multiplies n_- = 0
            } else {
                dn = positive(in, "lifetimes.tau_so_dn", in.number("lifetimes.tau_so_dn",
                        "eq. (40) needs the spin-orbit lifetimes of both bands"));
            }
            tauSo = new double[] {up, dn};
        } else {
            notes.add("no spin-orbit relaxation given ([spin_orbit] or lifetimes.tau_so_up/dn): beta_so = 0");
        }

        Double ms = in.optionalNumber("magnet.Ms").orElse(null);
        Double alpha = in.optionalNumber("magnet.alpha").orElse(null);
        Double j = in.optionalNumber("magnet.current_density").orElse(null);
        if (ms != null) {
            positive(in, "magnet.Ms", ms);
        }
        if (alpha != null) {
            positive(in, "magnet.alpha", alpha);
        }
        if (j != null && ms == null) {
            throw in.missing("magnet.Ms", "magnet.current_density is converted to u = g mu_B P j/(2 e M_s)");
        }
        double g = positive(in, "magnet.g", in.number("magnet.g", ""));
        Magnet magnet = (ms == null && alpha == null) ? null : new Magnet(ms, alpha, j, g);

        return new SdModelParameters(mass, ef, m, byResistivity ? null : tauUp, byResistivity ? null : tauDn,
                in.optionalNumber("lifetimes.resistivity").orElse(null),
                in.optionalNumber("lifetimes.tau_ratio").orElse(1.0), tauSf, sf, tauSo, so, magnet, List.copyOf(notes));
    }

    static double positive(ResolvedInput in, String path, double v) {
        if (!(v > 0)) {
            throw new InputException(path + " = " + v + " " + in.schema().get(path).unitLabel()
                    + ": must be > 0 (" + in.schema().get(path).description() + ")");
        }
        return v;
    }

    static double nonNegative(ResolvedInput in, String path, double v) {
        if (v < 0) {
            throw new InputException(path + " = " + v + " " + in.schema().get(path).unitLabel()
                    + ": must be >= 0 (" + in.schema().get(path).description() + ")");
        }
        return v;
    }
}
