package org.spintorque.relaxation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.spintorque.config.InputException;
import org.spintorque.config.ParameterSchema;
import org.spintorque.config.ResolvedInput;
import org.spintorque.output.AtomicFiles;
import org.spintorque.output.CsvTable;
import org.spintorque.output.JsonOutput;
import org.spintorque.output.ProgramInfo;
import org.spintorque.output.ProgressListener;
import org.spintorque.torque.LatticeRunParameters;

/**
 * {@code spintorque lifetimes}: the golden-rule lifetimes of the lattice model of a run, the beta values of
 * eqs. (29) and (40) built from them, and optionally the spin-diffusion length measured in a disordered wire
 * ({@link SpinInjectionWire}) next to the Boltzmann and diffusive predictions ({@link SpinDiffusion}).
 * Reads the TOML of {@code spintorque run} plus a {@code [lifetimes]} table. Lattice units: energies and rates
 * in t, times in 1/t, lengths in a, hbar = 1.
 *
 * @param input   the resolved input
 * @param results one per Fermi energy
 */
public record LifetimesCalculation(ResolvedInput input, List<EnergyResult> results) {

    /**
     * The numbers of one energy.
     *
     * @param theory    lifetimes and beta values of the run's (magnetized) lead
     * @param wire      lifetimes of the non-magnetic wire of the spin-diffusion measurement (null without it)
     * @param diffusion the measured profile and decay length (null without it)
     * @param boltzmann Boltzmann spin-relaxation length of the wire [a] (NaN without it)
     * @param diffusive sqrt(D tau_sf) of the wire [a] (NaN without it)
     * @param ballistic vbar tau_sf of the wire [a] (NaN without it)
     */
    public record EnergyResult(LatticeRelaxationTheory theory, LatticeRelaxationTheory wire,
                               SpinInjectionWire diffusion, double boltzmann, double diffusive, double ballistic) { }

    /** The parameters of {@code spintorque run} and the {@code [lifetimes]} table. */
    public static ParameterSchema schema() {
        ParameterSchema.Builder b = ParameterSchema.builder();
        LatticeRunParameters.schema().all().forEach(b::add);
        return b.text("lifetimes.spin_diffusion", "off", "also measure the spin-diffusion length: a half-metallic "
                        + "lead injects a fully polarized current into a non-magnetic (M = 0) wire of length "
                        + "lattice.length holding the disorder, disorder.realizations mirror pairs are solved, and "
                        + "the decay of P(x) = j_s^z/j is fitted", "off", "on")
                .number("lifetimes.fit_start", "a", null, "first cut of the exponential fit; default: one mean free "
                        + "path of the wire (at least 1)")
                .number("lifetimes.fit_stop", "a", null, "last cut of the exponential fit; default: fit_start plus "
                        + "two Boltzmann spin-relaxation lengths, at most lattice.length minus one of them")
                .build();
    }

    /** Evaluates every energy; the wire too when {@code lifetimes.spin_diffusion = "on"} or {@code wire}. */
    public static LifetimesCalculation run(ResolvedInput input, boolean wire, ProgressListener progress) {
        LatticeRunParameters params = LatticeRunParameters.fromInput(input);
        UniformLead lead;
        try {
            lead = UniformLead.of(params);
        } catch (IllegalArgumentException e) {
            throw new InputException(e.getMessage(), e);
        }
        boolean measure = wire || input.text("lifetimes.spin_diffusion").equals("on");
        LatticeRunParameters.Disorder d = params.disorder();
        if (measure && d.spinFlip() == null && d.spinOrbit() == null) {
            throw new InputException("lifetimes.spin_diffusion = \"on\" needs spin relaxation: add a "
                    + "[disorder.spin_flip] or [disorder.spin_orbit] table");
        }
        List<ScatteringTerm> terms = ScatteringTerm.of(lead.kind(), lead.width(), lead.height(), d.spinFlip(),
                d.spinOrbit(), d.components(), d.anderson(), d.distribution());
        List<EnergyResult> out = new ArrayList<>();
        for (double e : params.energies()) {
            LatticeRelaxationTheory theory = LatticeRelaxationTheory.of(lead, e, terms, d.spinFlip(), d.spinOrbit());
            if (!measure) {
                out.add(new EnergyResult(theory, null, null, Double.NaN, Double.NaN, Double.NaN));
                continue;
            }
            UniformLead normal = new UniformLead(lead.kind(), lead.width(), lead.height(), lead.hopping(),
                    lead.onsite(), 0);
            LatticeRelaxationTheory w = LatticeRelaxationTheory.of(normal, e, terms, null, null);
            if (w.channelsUp() == 0) {
                throw new InputException("transport.energy = " + e + " t: the non-magnetic wire has no open channel");
            }
            if (w.tauSf() == null) {
                throw new InputException("the non-magnetic wire has no spin-flip scattering along z at E = " + e
                        + " t (a square-lattice spin-orbit term only has sigma^z): add [disorder.spin_flip]");
            }
            double lb = SpinDiffusion.boltzmannLength(w.rates());
            double tau = w.tauUp() == null ? Double.NaN : w.tauUp();
            double dc = SpinDiffusion.diffusionConstant(w.rates().channels(), 1, tau);
            double vbar = w.meanFreePathUp() / w.tauUp();
            int length = params.lattice().length();
            int start = (int) Math.round(input.optionalNumber("lifetimes.fit_start")
                    .orElse(Math.max(1, Math.ceil(w.meanFreePathUp()))));
            int stop = (int) Math.round(input.optionalNumber("lifetimes.fit_stop")
                    .orElse(Math.min(start + 2 * lb, length - lb)));
            if (start < 0 || stop > length || stop - start < 2) {
                throw new InputException("lifetimes.fit_start = " + start + ", fit_stop = " + stop + ": the fit "
                        + "window must lie in [0, lattice.length = " + length + "] and hold at least 3 cuts (the "
                        + "wire should be several spin-relaxation lengths, here " + String.format(Locale.ROOT,
                        "%.1f", lb) + " a, long)");
            }
            SpinInjectionWire m = SpinInjectionWire.measure(lead, e, length, d, start, stop, progress);
            out.add(new EnergyResult(theory, w, m, lb, Math.sqrt(dc * w.tauSf()), vbar * w.tauSf()));
        }
        return new LifetimesCalculation(input, out);
    }

    /** summary.json as a map. */
    public Map<String, Object> summary() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("program", ProgramInfo.name());
        doc.put("version", ProgramInfo.version());
        doc.put("command", "lifetimes");
        doc.put("units", "lattice units: energies and rates in t, times in 1/t, lengths in a, hbar = 1; nu per "
                + "site and spin");
        doc.put("input", input.asTables());
        if (input.number("transport.temperature", "") > 0) {
            doc.put("note", "transport.temperature is not used: the golden-rule rates are evaluated at each energy");
        }
        List<Map<String, Object>> es = new ArrayList<>();
        for (EnergyResult r : results) {
            Map<String, Object> m = r.theory().summary();
            if (r.diffusion() != null) {
                Map<String, Object> sd = new LinkedHashMap<>();
                sd.put("geometry", "half-metallic left lead (minority shifted by " + SpinInjectionWire.INJECTOR_SHIFT
                        + " |t|), non-magnetic disordered wire (M = 0), mirror pairs of realizations");
                sd.put("realizations", r.diffusion().realizations());
                sd.put("fit_window", List.of(r.diffusion().fitStart(), r.diffusion().fitStop()));
                sd.put("lambda_sf_measured", value(r.diffusion().lambda(), "a"));
                sd.put("lambda_sf_measured_err", value(r.diffusion().lambdaError(), "a"));
                sd.put("lambda_boltzmann", value(r.boltzmann(), "a"));
                sd.put("lambda_diffusive", value(r.diffusive(), "a"));
                sd.put("lambda_ballistic", value(r.ballistic(), "a"));
                sd.put("wire_tau", value(r.wire().tauUp(), "1/t"));
                sd.put("wire_tau_sf", value(r.wire().tauSf(), "1/t"));
                sd.put("wire_mean_free_path", value(r.wire().meanFreePathUp(), "a"));
                m.put("spin_diffusion", sd);
            }
            es.add(m);
        }
        doc.put("energies", es);
        return doc;
    }

    private static Map<String, Object> value(Double v, String unit) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("value", v == null || v.isNaN() ? null : v);
        m.put("unit", unit);
        return m;
    }

    /** channels.csv: every channel at every energy, its rates by term and by part. */
    public CsvTable channels() {
        List<String> head = new ArrayList<>(List.of("energy [t]", "qy [1]", "qz [1]", "spin [1]", "k [1/a]",
                "v [t a]", "dos [1/(t a)]"));
        GoldenRule first = results.get(0).theory().rates();
        List<String> names = first.terms().stream().map(ScatteringTerm::name).toList();
        for (String n : names) {
            for (String p : List.of("total", "conserving", "flip", "forward", "backward")) {
                head.add("rate_" + n + "_" + p + " [t]");
            }
        }
        head.add("rate_total [t]");
        head.add("mean_free_path [a]");
        CsvTable t = new CsvTable(head);
        for (EnergyResult r : results) {
            GoldenRule g = r.theory().rates();
            for (int c = 0; c < g.channels().size(); c++) {
                LeadChannel ch = g.channels().get(c);
                List<Object> row = new ArrayList<>(List.of(r.theory().energy(), ch.qy(), ch.qz(), ch.spin(), ch.k(),
                        ch.velocity(), ch.densityOfStates()));
                for (int k = 0; k < g.terms().size(); k++) {
                    for (GoldenRule.Part p : List.of(GoldenRule.Part.ALL, GoldenRule.Part.SPIN_CONSERVING,
                            GoldenRule.Part.SPIN_FLIP, GoldenRule.Part.FORWARD, GoldenRule.Part.BACKWARD)) {
                        row.add(g.rate(k, c, p));
                    }
                }
                double total = g.totalRate(c, GoldenRule.Part.ALL);
                row.add(total);
                row.add(total > 0 ? ch.velocity() / total : null);
                t.addRow(row);
            }
        }
        return t;
    }

    /** spin-diffusion.csv: the measured profiles (only with the wire). */
    public CsvTable profiles() {
        CsvTable t = new CsvTable(List.of("energy [t]", "x [a]", "P [1]", "P_err [1]"));
        for (EnergyResult r : results) {
            if (r.diffusion() == null) {
                continue;
            }
            SpinInjectionWire w = r.diffusion();
            for (int c = 0; c < w.cut().length; c++) {
                t.addRow(List.of(r.theory().energy(), w.cut()[c], w.polarization()[c], w.error()[c]));
            }
        }
        return t;
    }

    /** Writes summary.json, channels.csv, input.toml and (with the wire) spin-diffusion.csv, each atomically. */
    public void write(Path dir) {
        AtomicFiles.writeString(dir.resolve("summary.json"), JsonOutput.render(summary()));
        AtomicFiles.writeString(dir.resolve("channels.csv"), channels().render());
        if (results.stream().anyMatch(r -> r.diffusion() != null)) {
            AtomicFiles.writeString(dir.resolve("spin-diffusion.csv"), profiles().render());
        }
        AtomicFiles.writeString(dir.resolve("input.toml"), "# resolved input of spintorque lifetimes "
                + ProgramInfo.version() + "\n" + input.asToml());
    }

    /** A readable table. */
    public String table() {
        StringBuilder sb = new StringBuilder();
        for (EnergyResult r : results) {
            LatticeRelaxationTheory t = r.theory();
            sb.append(String.format(Locale.ROOT, "E = %.6g t: %d + %d open channels (majority + minority)%n",
                    t.energy(), t.channelsUp(), t.channelsDn()));
            row(sb, "nu_+, nu_-", t.nuUp(), t.nuDn(), "1/(t site)", "DOS per site and spin");
            row(sb, "tau_+, tau_-", t.tauUp(), t.tauDn(), "1/t", "momentum lifetimes (all terms, golden rule)");
            row(sb, "l_+, l_-", t.meanFreePathUp(), t.meanFreePathDn(), "a", "mean free paths vbar tau");
            row(sb, "tau_sf", t.tauSf(), t.tauSfSpinFlip(), "1/t", "all terms; spin-flip impurities only");
            row(sb, "tau_so_+, tau_so_-", t.tauSoUp(), t.tauSoDn(), "1/t", "spin-orbit impurities (golden rule)");
            row(sb, "tau_so eq. (41)", t.tauSoEq41Up(), t.tauSoEq41Dn(), "1/t", "parabolic form, lattice nu, k_F");
            row(sb, "beta_eq29", t.betaEq29GoldenRule(), t.betaEq29Dos(), "1", "golden rule; DOS formula");
            row(sb, "beta_eq40", t.betaEq40(), t.betaEq40Eq41(), "1", "lattice rates; with eq. (41) rates");
            if (r.diffusion() != null) {
                row(sb, "lambda_sf", r.diffusion().lambda(), r.diffusion().lambdaError(), "a",
                        "measured in the wire, +- its fit error");
                row(sb, "lambda_B, sqrt(D tau_sf)", r.boltzmann(), r.diffusive(), "a",
                        "Boltzmann equation; diffusive estimate (wire, M = 0)");
                row(sb, "vbar tau_sf, l", r.ballistic(), r.wire().meanFreePathUp(), "a", "ballistic estimate; "
                        + "mean free path of the wire");
                row(sb, "wire tau, tau_sf", r.wire().tauUp(), r.wire().tauSf(), "1/t", "golden rule, M = 0");
            }
            for (String n : t.notes()) {
                sb.append("note: ").append(n).append('\n');
            }
        }
        return sb.toString();
    }

    private static void row(StringBuilder sb, String name, Double a, Double b, String unit, String meaning) {
        sb.append(String.format(Locale.ROOT, "  %-26s %13s %13s  %-10s %s%n", name, num(a), num(b), unit, meaning));
    }

    private static String num(Double v) {
        return v == null || v.isNaN() ? "-" : String.format(Locale.ROOT, "%.6g", v);
    }
}
