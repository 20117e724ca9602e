package org.spintorque.relaxation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntToDoubleFunction;
import org.spintorque.torque.LatticeRunParameters;
import org.spintorque.torque.LatticeSpinFlipTheory;

/**
 * Lifetimes of the lattice model of a run and the paper's beta values built from them (lattice units:
 * energies and rates in t, times in 1/t, lengths in a; hbar = 1).
 *
 * <h2>Lifetimes</h2>
 * From the golden-rule rates {@code Gamma_c} of the open channels c of the clean lead ({@link GoldenRule}),
 * averaged over the Fermi surface of one spin band with the density-of-states weights {@code 1/|v_c|}:
 * {@code <X>_s = sum_{c in s} X_c/v_c / sum_{c in s} 1/v_c}.
 * <ul>
 *   <li>{@code nu_s = (1/(W H)) sum_{c in s} 1/(pi v_c)}: DOS per site and spin (equals
 *       {@link LatticeSpinFlipTheory#densityOfStates}).</li>
 *   <li>{@code 1/tau_s = <Gamma_c(all terms, all final states)>_s}: the momentum (quasi-particle) lifetime of
 *       the Green's function {@code 1/(E - eps + i/(2 tau_s))}; forward scattering included.</li>
 *   <li>{@code 1/tau_sf = <Gamma_c^{s -> -s}>_+ + <Gamma_c^{s -> -s}>_-}, the definition under eq. (29); also
 *       given from the spin-flip impurities alone, which is what eq. (29) is about.</li>
 *   <li>{@code 1/tau_s^(so) = <Gamma_c^{so}>_s}: the whole rate of the spin-orbit impurities in band s
 *       (spin-conserving and spin-flip), the lifetime of eq. (40)-(41).</li>
 *   <li>mean free paths {@code l_s = vbar_s tau_s} with the DOS-averaged velocity
 *       {@code vbar_s = <v>_s = N_s / sum_{c in s} 1/v_c}.</li>
 * </ul>
 *
 * <h2>beta</h2>
 * <ul>
 *   <li>{@code beta_eq29 = 1/(2 M tau_sf)} with the golden-rule tau_sf of the spin-flip impurities, next to the
 *       closed form (29) with the lattice DOS, {@code (2 pi/3M) n v_s^2 S^2 (nu_+ + nu_-)}. They are equal for a
 *       chain; in a strip or wire they differ by the transverse overlaps of the modes (see the tests and
 *       docs/relaxation.md).</li>
 *   <li>{@code beta_eq40}: eq. (40) with the Drude weights {@code n_s tau_s} (the conductivities sigma_s)
 *       replaced by the ballistic conductance weights of the lattice: every open channel carries the same
 *       current, so {@code sigma_s -> N_s} and {@code sigma_s / tau_s^(so) -> sum_{c in s} Gamma_c^so},
 *       <pre>  beta_eq40 = (1/2M) (sum_{c in +} Gamma_c^so - sum_{c in -} Gamma_c^so) / (N_+ - N_-).</pre>
 *       Undefined when {@code N_+ = N_-}: the current is then unpolarized (P = 0), c_a = -P J vanishes and the
 *       ratio beta = c_n/c_a has no finite value (eq. (40) has the same pole at {@code n_+ tau_+ = n_- tau_-}).
 *       </li>
 *   <li>For comparison, eq. (41) evaluated with the lattice DOS and {@code k_Fs^2 = <|k|^2>_s} (|k|^2 =
 *       k_x^2 + transverse wave numbers squared): {@code 1/tau_s^(41) = (2 pi/9) n_so lambda^2 k_Fs^2 (nu_+
 *       k_F+^2 + nu_- k_F-^2)} and {@code beta_eq40_eq41}, the same lattice form of eq. (40) with these rates
 *       ({@code Gamma_c^so -> 1/tau_s^(41)}). Eq. (41) assumes an isotropic 3D parabolic band: it is a
 *       reference for wide cubic wires near the band bottom, not for strips, where the lattice spin-orbit term
 *       has only its sigma^z part.</li>
 * </ul>
 * Undefined values are null, each with a reason in {@link #notes()}.
 */
public record LatticeRelaxationTheory(double energy, UniformLead lead, GoldenRule rates, double nuUp, double nuDn,
                                      int channelsUp, int channelsDn, Double tauUp, Double tauDn, Double tauSf,
                                      Double tauSfSpinFlip, Double tauSoUp, Double tauSoDn, Double meanFreePathUp,
                                      Double meanFreePathDn, Double betaEq29Dos, Double betaEq29GoldenRule,
                                      Double betaEq40, Double tauSoEq41Up, Double tauSoEq41Dn,
                                      Double betaEq40Eq41, List<String> notes) {

    public LatticeRelaxationTheory {
        notes = List.copyOf(notes);
    }

    /**
     * The lifetimes and beta values of a run model at a Fermi energy: its clean lead ({@link UniformLead#of})
     * and its disorder terms. A model outside the implemented class (Rashba, several orbitals) throws
     * {@link IllegalArgumentException} with the reason.
     */
    public static LatticeRelaxationTheory of(LatticeRunParameters params, double energy) {
        UniformLead lead = UniformLead.of(params);
        LatticeRunParameters.Disorder d = params.disorder();
        List<ScatteringTerm> terms = ScatteringTerm.of(lead.kind(), lead.width(), lead.height(), d.spinFlip(),
                d.spinOrbit(), d.components(), d.anderson(), d.distribution());
        return of(lead, energy, terms, d.spinFlip(), d.spinOrbit());
    }

    /**
     * @param spinFlip  {n_imp, v_s, S_imp} of the spin-flip term (for eq. (29)'s closed form), or null
     * @param spinOrbit {n_so, lambda_so} (for eq. (41)), or null
     */
    public static LatticeRelaxationTheory of(UniformLead lead, double energy, List<ScatteringTerm> terms,
            double[] spinFlip, double[] spinOrbit) {
        List<String> notes = new ArrayList<>();
        List<LeadChannel> ch = lead.channels(energy);
        GoldenRule g = GoldenRule.compute(ch, terms);
        int cross = lead.width() * lead.height();
        int nUp = count(ch, +1);
        int nDn = count(ch, -1);
        double nuUp = sum(ch, +1, c -> 1 / (Math.PI * ch.get(c).velocity())) / cross;
        double nuDn = sum(ch, -1, c -> 1 / (Math.PI * ch.get(c).velocity())) / cross;
        if (nUp + nDn == 0) {
            notes.add("no open channel at E = " + energy + " t: every lifetime is undefined");
        }
        Double rateUp = average(ch, +1, c -> g.totalRate(c, GoldenRule.Part.ALL));
        Double rateDn = average(ch, -1, c -> g.totalRate(c, GoldenRule.Part.ALL));
        Double tauUp = inverse(rateUp, "tau_+", notes);
        Double tauDn = inverse(rateDn, "tau_-", notes);
        Double tauSf = inverse(flipRate(g, ch, -1, notes), "tau_sf", notes);
        int sfTerm = indexOf(g, ScatteringTerm.Kind.SPIN_FLIP);
        Double tauSfImp = sfTerm < 0 ? null : inverse(flipRate(g, ch, sfTerm, new ArrayList<>()),
                "tau_sf of the spin-flip impurities", notes);
        int soTerm = indexOf(g, ScatteringTerm.Kind.SPIN_ORBIT);
        Double tauSoUp = null;
        Double tauSoDn = null;
        Double beta40 = null;
        if (soTerm < 0) {
            notes.add("no spin-orbit impurities: tau_so and beta_eq40 are undefined");
        } else {
            tauSoUp = inverse(average(ch, +1, c -> g.rate(soTerm, c, GoldenRule.Part.ALL)), "tau_so_+", notes);
            tauSoDn = inverse(average(ch, -1, c -> g.rate(soTerm, c, GoldenRule.Part.ALL)), "tau_so_-", notes);
            beta40 = betaEq40(lead.exchange(), nUp, nDn, sum(ch, +1, c -> g.rate(soTerm, c, GoldenRule.Part.ALL)),
                    sum(ch, -1, c -> g.rate(soTerm, c, GoldenRule.Part.ALL)), notes);
        }
        Double beta29Dos = null;
        Double beta29Gr = null;
        if (spinFlip == null) {
            notes.add("no spin-flip impurities: beta_eq29 is undefined");
        } else {
            beta29Dos = LatticeSpinFlipTheory.betaEq29(energy, lead.onsite(), lead.hopping(), lead.exchange(),
                    lead.width(), lead.height(), spinFlip[0], spinFlip[1], spinFlip[2]);
            beta29Gr = tauSfImp == null ? null : 1 / (2 * lead.exchange() * tauSfImp);
        }
        Double tau41Up = null;
        Double tau41Dn = null;
        Double beta4041 = null;
        if (spinOrbit != null && nUp + nDn > 0) {
            double kUp = nUp == 0 ? 0 : average(ch, +1, c -> k2(ch.get(c)));
            double kDn = nDn == 0 ? 0 : average(ch, -1, c -> k2(ch.get(c)));
            double common = 2 * Math.PI / 9 * spinOrbit[0] * spinOrbit[1] * spinOrbit[1]
                    * (nuUp * kUp + nuDn * kDn);
            double rUp = common * kUp;
            double rDn = common * kDn;
            tau41Up = nUp == 0 ? null : inverse(rUp, "tau_so_+ of eq. (41)", notes);
            tau41Dn = nDn == 0 ? null : inverse(rDn, "tau_so_- of eq. (41)", notes);
            beta4041 = betaEq40(lead.exchange(), nUp, nDn, nUp * rUp, nDn * rDn, new ArrayList<>());
        }
        Double lUp = tauUp == null ? null : nUp / sum(ch, +1, c -> 1 / ch.get(c).velocity()) * tauUp;
        Double lDn = tauDn == null ? null : nDn / sum(ch, -1, c -> 1 / ch.get(c).velocity()) * tauDn;
        return new LatticeRelaxationTheory(energy, lead, g, nuUp, nuDn, nUp, nDn, tauUp, tauDn, tauSf, tauSfImp,
                tauSoUp, tauSoDn, lUp, lDn, beta29Dos, beta29Gr, beta40, tau41Up, tau41Dn, beta4041, notes);
    }

    /** The lattice form of eq. (40); null (with a note) when N_+ = N_-. */
    static Double betaEq40(double m, int nUp, int nDn, double soUp, double soDn, List<String> notes) {
        if (nUp == nDn) {
            notes.add("beta_eq40 is undefined: N_+ = N_- = " + nUp + " open channels per spin, so the current "
                    + "is unpolarized (P = 0) and eq. (40)'s denominator sigma_+ - sigma_- vanishes");
            return null;
        }
        return (soUp - soDn) / (2 * m * (nUp - nDn));
    }

    private static double k2(LeadChannel c) {
        double ky = c.width() == 1 ? 0 : Math.PI * c.qy() / (c.width() + 1);
        double kz = c.height() == 1 ? 0 : Math.PI * c.qz() / (c.height() + 1);
        return c.k() * c.k() + ky * ky + kz * kz;
    }

    /** {@code <Gamma^{s -> -s}>_+ + <Gamma^{s -> -s}>_-} of one term (k >= 0) or of all (k < 0). */
    private static Double flipRate(GoldenRule g, List<LeadChannel> ch, int k, List<String> notes) {
        IntToDoubleFunction flip = c -> k < 0 ? g.totalRate(c, GoldenRule.Part.SPIN_FLIP)
                : g.rate(k, c, GoldenRule.Part.SPIN_FLIP);
        Double up = average(ch, +1, flip);
        Double dn = average(ch, -1, flip);
        if (up == null && dn == null) {
            return null;
        }
        if (up == null || dn == null) {
            notes.add("only one spin band is open (half metal): tau_sf counts the flips out of that band only");
        }
        return (up == null ? 0 : up) + (dn == null ? 0 : dn);
    }

    private static int indexOf(GoldenRule g, ScatteringTerm.Kind kind) {
        for (int k = 0; k < g.terms().size(); k++) {
            if (g.terms().get(k).kind() == kind) {
                return k;
            }
        }
        return -1;
    }

    private static Double inverse(Double rate, String what, List<String> notes) {
        if (rate == null) {
            notes.add(what + " is undefined: no open channel of that spin");
            return null;
        }
        if (!(rate > 0)) {
            notes.add(what + " is infinite: the rate vanishes (no such scattering in this model)");
            return null;
        }
        return 1 / rate;
    }

    private static int count(List<LeadChannel> ch, int spin) {
        return (int) ch.stream().filter(c -> c.spin() == spin).count();
    }

    private static double sum(List<LeadChannel> ch, int spin, IntToDoubleFunction f) {
        double s = 0;
        for (int c = 0; c < ch.size(); c++) {
            if (ch.get(c).spin() == spin) {
                s += f.applyAsDouble(c);
            }
        }
        return s;
    }

    /** The DOS-weighted Fermi-surface average over the channels of one spin, or null when there are none. */
    private static Double average(List<LeadChannel> ch, int spin, IntToDoubleFunction f) {
        double w = sum(ch, spin, c -> 1 / ch.get(c).velocity());
        if (w == 0) {
            return null;
        }
        return sum(ch, spin, c -> f.applyAsDouble(c) / ch.get(c).velocity()) / w;
    }

    /** The numbers as a flat map with units (null where undefined), for summary.json. */
    public Map<String, Object> summary() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("energy", value(energy, "t"));
        m.put("nu_up", value(nuUp, "1/(t site)"));
        m.put("nu_dn", value(nuDn, "1/(t site)"));
        m.put("N_up", channelsUp);
        m.put("N_dn", channelsDn);
        m.put("tau_up", value(tauUp, "1/t"));
        m.put("tau_dn", value(tauDn, "1/t"));
        m.put("tau_sf", value(tauSf, "1/t"));
        m.put("tau_sf_spin_flip_impurities", value(tauSfSpinFlip, "1/t"));
        m.put("tau_so_up", value(tauSoUp, "1/t"));
        m.put("tau_so_dn", value(tauSoDn, "1/t"));
        m.put("mean_free_path_up", value(meanFreePathUp, "a"));
        m.put("mean_free_path_dn", value(meanFreePathDn, "a"));
        m.put("beta_eq29_dos", value(betaEq29Dos, "1"));
        m.put("beta_eq29_golden_rule", value(betaEq29GoldenRule, "1"));
        m.put("beta_eq40", value(betaEq40, "1"));
        m.put("tau_so_eq41_up", value(tauSoEq41Up, "1/t"));
        m.put("tau_so_eq41_dn", value(tauSoEq41Dn, "1/t"));
        m.put("beta_eq40_eq41", value(betaEq40Eq41, "1"));
        m.put("direction_asymmetry", rates.directionAsymmetry());
        m.put("notes", notes);
        return m;
    }

    private static Map<String, Object> value(Double v, String unit) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("value", v);
        m.put("unit", unit);
        return m;
    }
}
