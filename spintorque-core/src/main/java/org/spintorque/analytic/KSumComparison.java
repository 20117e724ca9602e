package org.spintorque.analytic;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.spintorque.analytic.ksums.CubicLatticeKSums;
import org.spintorque.analytic.ksums.KSumParameters;
import org.spintorque.analytic.ksums.KSumResult;
import org.spintorque.analytic.ksums.ParabolicKSums;
import org.spintorque.config.InputException;
import org.spintorque.config.ResolvedInput;
import org.spintorque.output.AtomicFiles;
import org.spintorque.output.CsvTable;
import org.spintorque.output.LinePlot;
import org.spintorque.output.ProgressListener;

/**
 * The k-sums a, b of eq. (26) and a' of eq. (39) evaluated numerically with finite lifetimes, next to the
 * paper's closed forms, at the configured lifetimes and over a scan of E_F tau (both lifetimes scaled
 * together). Two bands: the parabolic band of the model, and a simple cubic tight-binding band with the
 * same effective mass at its bottom ({@code t = hbar^2/(2 m a^2)}), the same Fermi energy above the
 * spin-averaged band bottom and the same M, so that the two agree in the parabolic limit and differ by the
 * band's non-parabolicity otherwise.
 */
public final class KSumComparison {
    /** One E_F tau point: the two bands' results. */
    public record Row(double efTau, double tauUpFs, KSumResult parabolic, KSumResult lattice) { }

    private final double hopping;
    private final KSumResult parabolicAtInput;
    private final KSumResult latticeAtInput;
    private final List<Row> scan;
    private final Map<String, Row> reference; // E_F tau = 10 and 100
    private final double efTauAtInput;
    private final List<String> notes;

    private KSumComparison(double hopping, KSumResult parabolicAtInput, KSumResult latticeAtInput, List<Row> scan,
                           Map<String, Row> reference, double efTauAtInput, List<String> notes) {
        this.hopping = hopping;
        this.parabolicAtInput = parabolicAtInput;
        this.latticeAtInput = latticeAtInput;
        this.scan = scan;
        this.reference = reference;
        this.efTauAtInput = efTauAtInput;
        this.notes = notes;
    }

    public List<Row> scan() {
        return scan;
    }

    public KSumResult parabolicAtInput() {
        return parabolicAtInput;
    }

    /** The lattice result at the input lifetimes, or null when the lattice band cannot hold the Fermi sea. */
    public KSumResult latticeAtInput() {
        return latticeAtInput;
    }

    /** Evaluates the sums; the input was already validated by {@link SdModel}. */
    public static KSumComparison run(ResolvedInput input, SdModelResult model, ProgressListener progress) {
        double cutoff = input.number("ksums.cutoff", "");
        double a = input.number("ksums.lattice_constant", "");
        double lo = input.number("ksums.ef_tau_min", "");
        double hi = input.number("ksums.ef_tau_max", "");
        int points = (int) Math.round(input.number("ksums.points", ""));
        if (!(cutoff > 1)) {
            throw new InputException("ksums.cutoff = " + cutoff + ": must be > 1 (a multiple of E_F + M)");
        }
        if (!(a > 0)) {
            throw new InputException("ksums.lattice_constant = " + a + " nm: must be > 0");
        }
        if (!(lo > 0) || !(hi > lo)) {
            throw new InputException("ksums.ef_tau_min = " + lo + ", ef_tau_max = " + hi
                    + ": need 0 < ef_tau_min < ef_tau_max");
        }
        if (points < 2 || points > 10_000) {
            throw new InputException("ksums.points = " + points + ": must be between 2 and 10000");
        }
        SdModelParameters p = model.parameters();
        double m = model.mass();
        double ef = p.fermiEnergy();
        double exchange = p.exchange();
        double ratio = model.tauDn() / model.tauUp();
        ParabolicKSums parabolic = new ParabolicKSums(m, cutoff);
        double t = 1 / (2 * m * a * a); // eV: same band mass at the bottom of the cubic band
        List<String> notes = new ArrayList<>();
        CubicLatticeKSums lattice = null;
        if (ef + exchange < 6 * t) {
            lattice = new CubicLatticeKSums(t);
        } else {
            notes.add(String.format(Locale.ROOT, "the simple cubic band (t = %.4g eV, width 12t) cannot hold a "
                    + "majority Fermi energy E_F + M = %.4g eV above its bottom; lower ksums.lattice_constant",
                    t, ef + exchange));
        }
        if (ef > 0 && lattice != null && ef + exchange > 2 * t) {
            notes.add("E_F + M lies above the van Hove energy of the cubic band (-2t above the middle): "
                    + "the lattice band is far from parabolic there");
        }
        if (ef <= 0) {
            notes.add("E_F <= 0: the scan uses E_F + M (the majority Fermi energy) as its energy scale");
        }
        double scale = ef > 0 ? ef : ef + exchange;
        int total = points + 3;
        int done = 0;
        KSumResult pIn = parabolic.evaluate(new KSumParameters(ef, exchange, model.tauUp(), model.tauDn()));
        KSumResult lIn = lattice == null ? null
                : lattice.evaluate(new KSumParameters(ef - 6 * t, exchange, model.tauUp(), model.tauDn()));
        progress.progress(++done, total, "k-sums");
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < points; i++) {
            double x = lo * Math.pow(hi / lo, (double) i / (points - 1));
            rows.add(row(x, scale, ratio, ef, exchange, t, parabolic, lattice));
            progress.progress(++done, total, "k-sums");
        }
        Map<String, Row> ref = new LinkedHashMap<>();
        for (double x : new double[] {10, 100}) {
            ref.put(String.format(Locale.ROOT, "%.0f", x), row(x, scale, ratio, ef, exchange, t, parabolic, lattice));
            progress.progress(++done, total, "k-sums");
        }
        return new KSumComparison(t, pIn, lIn, List.copyOf(rows), ref, scale * model.tauUp(), List.copyOf(notes));
    }

    private static Row row(double efTau, double scale, double ratio, double ef, double exchange, double t,
                           ParabolicKSums parabolic, CubicLatticeKSums lattice) {
        double tauUp = efTau / scale;
        double tauDn = ratio * tauUp;
        KSumResult pr = parabolic.evaluate(new KSumParameters(ef, exchange, tauUp, tauDn));
        KSumResult lr = lattice == null ? null
                : lattice.evaluate(new KSumParameters(ef - 6 * t, exchange, tauUp, tauDn));
        return new Row(efTau, SdModel.femtoseconds(tauUp), pr, lr);
    }

    /**
     * Slope of log|ratio - 1| against log(E_F tau) over the last decade of the scan (the asymptotic
     * region: at smaller E_F tau the corrections of different order compete and can change sign);
     * -1 means the deviation scales like 1/(E_F tau), -2 like 1/(E_F tau)^2.
     */
    public static double deviationExponent(double[] efTau, double[] ratio) {
        double from = efTau[efTau.length - 1] / 10 * (1 - 1e-12);
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        int n = 0;
        for (int i = 0; i < efTau.length; i++) {
            double dev = Math.abs(ratio[i] - 1);
            if (efTau[i] >= from && dev > 0) {
                double x = Math.log(efTau[i]);
                double y = Math.log(dev);
                sx += x;
                sy += y;
                sxx += x * x;
                sxy += x * y;
                n++;
            }
        }
        if (n < 2) {
            return 0;
        }
        return (n * sxy - sx * sy) / (n * sxx - sx * sx);
    }

    private double[] column(java.util.function.ToDoubleFunction<Row> f) {
        return scan.stream().mapToDouble(f).toArray();
    }

    private boolean hasLattice() {
        return latticeAtInput != null;
    }

    private boolean hasLatticeAPrime() {
        return hasLattice() && latticeAtInput.hasAPrime();
    }

    /** The section "ksums" of summary.json. */
    public Map<String, Object> summary() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("description", "numeric k-sums of eqs. (26) and (39) with finite lifetimes divided by the paper's "
                + "closed forms; E_F tau means E_F tau_+ / hbar with E_F from the spin-averaged band bottom; "
                + "tau_- / tau_+ kept at its input value");
        s.put("at_input", Map.of("ef_tau", efTauAtInput, "parabolic", resultMap(parabolicAtInput),
                "cubic_lattice", hasLattice() ? resultMap(latticeAtInput) : "not computed"));
        Map<String, Object> ref = new LinkedHashMap<>();
        for (Map.Entry<String, Row> e : reference.entrySet()) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("parabolic", resultMap(e.getValue().parabolic()));
            if (e.getValue().lattice() != null) {
                r.put("cubic_lattice", resultMap(e.getValue().lattice()));
            }
            ref.put("ef_tau_" + e.getKey(), r);
        }
        s.put("reference_points", ref);
        double[] x = column(Row::efTau);
        Map<String, Object> exps = new LinkedHashMap<>();
        exps.put("parabolic_a", deviationExponent(x, column(r -> r.parabolic().aRatio())));
        exps.put("parabolic_a_prime", deviationExponent(x, column(r -> r.parabolic().aPrimeRatio())));
        if (hasLattice()) {
            exps.put("cubic_lattice_a", deviationExponent(x, column(r -> r.lattice().aRatio())));
            if (hasLatticeAPrime()) {
                exps.put("cubic_lattice_a_prime", deviationExponent(x, column(r -> r.lattice().aPrimeRatio())));
            }
        }
        s.put("deviation_exponents", exps);
        s.put("deviation_exponents_meaning", "slope of log|numeric/closed - 1| vs log(E_F tau) over the last "
                + "decade of the scan; -1: the deviation scales like 1/(E_F tau), -2: like 1/(E_F tau)^2");
        if (hasLattice()) {
            s.put("cubic_lattice_hopping_eV", hopping);
        }
        s.put("notes", notes);
        return s;
    }

    private static Map<String, Object> resultMap(KSumResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("a_numeric_over_closed", r.aRatio());
        if (r.hasAPrime()) {
            m.put("a_prime_numeric_over_closed", r.aPrimeRatio());
        }
        m.put("b_over_a", r.bOverA());
        m.put("b_over_b_leading", r.bRatio());
        m.put("quadrature_relative_error", r.quadratureError());
        return m;
    }

    /** Writes ksums.csv, ksums.png/svg (ratios) and ksums-deviation.png/svg (|ratio - 1|, log-log). */
    public void write(Path dir) {
        List<String> h = new ArrayList<>(List.of("ef_tau [1]", "tau_up [fs]", "a_ratio_parabolic [1]",
                "a_prime_ratio_parabolic [1]", "b_over_a_parabolic [1]", "b_over_b_leading_parabolic [1]"));
        if (hasLattice()) {
            h.addAll(List.of("a_ratio_cubic [1]", "b_over_a_cubic [1]"));
            if (hasLatticeAPrime()) {
                h.add("a_prime_ratio_cubic [1]");
            }
        }
        CsvTable csv = new CsvTable(h);
        for (Row r : scan) {
            List<Object> row = new ArrayList<>(List.of(r.efTau(), r.tauUpFs(), r.parabolic().aRatio(),
                    r.parabolic().aPrimeRatio(), r.parabolic().bOverA(), r.parabolic().bRatio()));
            if (hasLattice()) {
                row.add(r.lattice().aRatio());
                row.add(r.lattice().bOverA());
                if (hasLatticeAPrime()) {
                    row.add(r.lattice().aPrimeRatio());
                }
            }
            csv.addRow(row);
        }
        double[] x = column(Row::efTau);
        LinePlot ratios = new LinePlot("k-sums: numeric / closed form", "E_F tau_+ / hbar", "numeric / closed")
                .logX(true).legend(org.knowm.xchart.style.Styler.LegendPosition.InsideSE);
        LinePlot deviation = new LinePlot("k-sums: |numeric / closed - 1| and power laws",
                "E_F tau_+ / hbar", "|numeric / closed - 1|").logX(true).logY(true);
        addSeries(ratios, deviation, "a, parabolic (eq. 26)", x, column(r -> r.parabolic().aRatio()));
        addSeries(ratios, deviation, "a', parabolic (eq. 39)", x, column(r -> r.parabolic().aPrimeRatio()));
        if (hasLattice()) {
            addSeries(ratios, deviation, "a, simple cubic", x, column(r -> r.lattice().aRatio()));
            if (hasLatticeAPrime()) {
                addSeries(ratios, deviation, "a', simple cubic", x, column(r -> r.lattice().aPrimeRatio()));
            }
        }
        // guides through the last point of a' (first order) and of a (second order for the parabolic band)
        double[] dev1 = column(r -> Math.abs(r.parabolic().aPrimeRatio() - 1));
        double[] dev2 = column(r -> Math.abs(r.parabolic().aRatio() - 1));
        double last = x[x.length - 1];
        double c1 = dev1[dev1.length - 1] * last;
        double c2 = dev2[dev2.length - 1] * last * last;
        double[] guide1 = new double[x.length];
        double[] guide2 = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            guide1[i] = c1 / x[i];
            guide2[i] = c2 / (x[i] * x[i]);
        }
        deviation.add(new LinePlot.Series("C / (E_F tau)", x, guide1, true));
        deviation.add(new LinePlot.Series("C' / (E_F tau)^2", x, guide2, true));
        AtomicFiles.writeString(dir.resolve("ksums.csv"), csv.render());
        ratios.write(dir.resolve("ksums"));
        deviation.write(dir.resolve("ksums-deviation"));
    }

    private static void addSeries(LinePlot ratios, LinePlot deviation, String name, double[] x, double[] y) {
        ratios.add(new LinePlot.Series(name, x, y));
        double[] d = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            d[i] = Math.max(Math.abs(y[i] - 1), 1e-16); // a log axis cannot show an exact zero
        }
        deviation.add(new LinePlot.Series(name, x, d));
    }

    /** A readable table of the ratios at the input lifetimes and at E_F tau = 10 and 100. */
    public String table() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%nk-sums, numeric / closed form (E_F tau_+ = %.4g at the input):%n",
                efTauAtInput));
        sb.append(String.format(Locale.ROOT, "%-22s %12s %12s %12s %12s%n", "", "a", "a'", "b/a", "b/b_lead"));
        line(sb, "parabolic, input", parabolicAtInput);
        if (hasLattice()) {
            line(sb, "simple cubic, input", latticeAtInput);
        }
        for (Map.Entry<String, Row> e : reference.entrySet()) {
            line(sb, "parabolic, E_Ftau=" + e.getKey(), e.getValue().parabolic());
            if (e.getValue().lattice() != null) {
                line(sb, "cubic, E_Ftau=" + e.getKey(), e.getValue().lattice());
            }
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> exps = (Map<String, Object>) summary().get("deviation_exponents");
        sb.append("slope of log|numeric/closed - 1| against log(E_F tau), last decade of the scan:");
        exps.forEach((k, v) -> sb.append(String.format(Locale.ROOT, " %s %.3f;", k, (Double) v)));
        sb.append('\n');
        for (String n : notes) {
            sb.append("note: ").append(n).append('\n');
        }
        return sb.toString();
    }

    private static void line(StringBuilder sb, String label, KSumResult r) {
        sb.append(String.format(Locale.ROOT, "%-22s %12.8f %12s %12.4e %12.6f%n", label, r.aRatio(),
                r.hasAPrime() ? String.format(Locale.ROOT, "%.8f", r.aPrimeRatio()) : "-", r.bOverA(),
                r.bRatio()));
    }
}
