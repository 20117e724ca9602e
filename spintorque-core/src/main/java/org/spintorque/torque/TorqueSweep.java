package org.spintorque.torque;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.spintorque.config.ResolvedInput;
import org.spintorque.config.SweepSpec;
import org.spintorque.output.AtomicFiles;
import org.spintorque.output.CsvTable;
import org.spintorque.output.JsonOutput;
import org.spintorque.output.LinePlot;
import org.spintorque.output.ProgramInfo;
import org.spintorque.output.ProgressListener;

/**
 * {@code spintorque run --sweep}: one complete run (with its disorder ensemble, checkpoint and output folder
 * {@code point-k}) per value of one parameter, then {@code sweep.csv} (every headline number with its standard
 * error), {@code sweep.png/svg} (beta with its error band next to the analytic values) and {@code summary.json}
 * with the comparison with eqs. (29) and (40): the weighted least-squares ratio beta/beta_eq through the origin
 * with its error, and a straight-line fit of beta against the swept parameter (intercept, slope, chi^2 per
 * degree of freedom: the linearity check of the relaxation experiments).
 */
public final class TorqueSweep {
    private final ResolvedInput input;
    private final SweepSpec spec;
    private final List<Map<String, double[]>> points;
    private final double[] values;

    private TorqueSweep(ResolvedInput input, SweepSpec spec, double[] values, List<Map<String, double[]>> points) {
        this.input = input;
        this.spec = spec;
        this.values = values;
        this.points = points;
    }

    /**
     * Runs every point, writing each point's full output into {@code dir/point-k} as soon as it is done (so an
     * interrupted sweep resumes point by point with {@code resume}).
     */
    public static TorqueSweep run(ResolvedInput input, SweepSpec spec, Path dir, boolean resume,
                                  ProgressListener progress) {
        int n = spec.points();
        double[] values = new double[n];
        List<ResolvedInput> inputs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            values[i] = spec.value(i);
            // a point is a plain run: its input.toml re-runs that point alone
            ResolvedInput in = input.with(spec.parameter().path(), values[i], ResolvedInput.Source.COMMAND_LINE)
                    .withText("sweep.scan", "", ResolvedInput.Source.DEFAULT);
            LatticeRunParameters.fromInput(in); // every point is checked before the first is computed
            inputs.add(in);
        }
        List<Map<String, double[]>> points = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            final int k = i;
            String label = String.format(Locale.ROOT, "%s = %.6g (%d/%d)", spec.parameter().path(), values[i], i + 1, n);
            TorqueRun r = TorqueRun.run(inputs.get(i), (d, t, l) -> progress.progress(k * t + d, (long) n * t,
                    label + (l == null || l.isEmpty() ? "" : ": " + l)), pointDirectory(dir, i, n), resume);
            r.write(pointDirectory(dir, i, n));
            points.add(r.headline());
        }
        return new TorqueSweep(input, spec, values, List.copyOf(points));
    }

    static Path pointDirectory(Path dir, int i, int n) {
        return dir.resolve(String.format(Locale.ROOT, "point-%0" + String.valueOf(n - 1).length() + "d", i));
    }

    public double[] values() {
        return values.clone();
    }

    /** The headline numbers of point i, each {mean, standard error}. */
    public Map<String, double[]> point(int i) {
        return points.get(i);
    }

    /** Every quantity some point holds, in a stable order. */
    public List<String> quantities() {
        Set<String> names = new LinkedHashSet<>();
        points.forEach(p -> names.addAll(p.keySet()));
        return List.copyOf(names);
    }

    private double[] column(String q, int which) {
        double[] c = new double[points.size()];
        for (int i = 0; i < c.length; i++) {
            double[] v = points.get(i).get(q);
            c[i] = v == null ? Double.NaN : v[which];
        }
        return c;
    }

    /**
     * beta / reference by weighted least squares through the origin, with weights 1/err^2 (or equal weights
     * when every error is zero): {ratio, standard error of the ratio, points used, chi^2 per degree of freedom
     * of beta = ratio x reference}; null if the reference is absent.
     */
    public double[] ratioTo(String reference) {
        return ratio("beta", reference);
    }

    /** {@link #ratioTo} for any quantity with error bars (e.g. "beta[relaxation]", the sources' share). */
    public double[] ratio(String quantity, String reference) {
        double[] b = column(quantity, 0);
        double[] e = column(quantity, 1);
        double[] ref = column(reference, 0);
        double sxy = 0;
        double sxx = 0;
        int used = 0;
        boolean weighted = true;
        for (double x : e) {
            weighted &= x > 0;
        }
        for (int i = 0; i < b.length; i++) {
            if (!Double.isFinite(b[i]) || !Double.isFinite(ref[i]) || ref[i] == 0) {
                continue;
            }
            double w = weighted ? 1 / (e[i] * e[i]) : 1;
            sxy += w * b[i] * ref[i];
            sxx += w * ref[i] * ref[i];
            used++;
        }
        if (used == 0) {
            return null;
        }
        double ratio = sxy / sxx;
        double chi2 = 0;
        for (int i = 0; i < b.length; i++) {
            if (weighted && Double.isFinite(b[i]) && Double.isFinite(ref[i]) && ref[i] != 0) {
                double r = (b[i] - ratio * ref[i]) / e[i];
                chi2 += r * r;
            }
        }
        return new double[] {ratio, weighted ? 1 / Math.sqrt(sxx) : Double.NaN, used,
            weighted && used > 1 ? chi2 / (used - 1) : Double.NaN};
    }

    /**
     * Weighted straight line beta = intercept + slope x over the swept values x: {intercept, its error, slope,
     * its error, chi^2 per degree of freedom}; null with fewer than three usable points or no error bars.
     */
    public double[] lineFit(String quantity) {
        double[] y = column(quantity, 0);
        double[] e = column(quantity, 1);
        double s = 0;
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        int used = 0;
        for (int i = 0; i < y.length; i++) {
            if (!Double.isFinite(y[i]) || !(e[i] > 0)) {
                continue;
            }
            double w = 1 / (e[i] * e[i]);
            s += w;
            sx += w * values[i];
            sy += w * y[i];
            sxx += w * values[i] * values[i];
            sxy += w * values[i] * y[i];
            used++;
        }
        if (used < 3) {
            return null;
        }
        double d = s * sxx - sx * sx;
        double a = (sxx * sy - sx * sxy) / d;
        double b = (s * sxy - sx * sy) / d;
        double chi2 = 0;
        for (int i = 0; i < y.length; i++) {
            if (Double.isFinite(y[i]) && e[i] > 0) {
                double r = (y[i] - a - b * values[i]) / e[i];
                chi2 += r * r;
            }
        }
        return new double[] {a, Math.sqrt(sxx / d), b, Math.sqrt(s / d), chi2 / (used - 2)};
    }

    /** summary.json of the sweep. */
    public Map<String, Object> summary() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("program", ProgramInfo.name());
        doc.put("version", ProgramInfo.version());
        doc.put("command", "run --sweep");
        doc.put("input_file", input.origin());
        doc.put("input", input.asTables());
        Map<String, Object> sw = new LinkedHashMap<>();
        sw.put("parameter", spec.parameter().path());
        sw.put("unit", spec.parameter().unitLabel());
        sw.put("values", values);
        sw.put("points", spec.points());
        sw.put("logarithmic", spec.logarithmic());
        sw.put("directories", "point-k holds the complete output of the k-th value (summary.json, tables, plots)");
        doc.put("sweep", sw);
        List<Map<String, Object>> ps = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put(spec.parameter().path(), values[i]);
            points.get(i).forEach((k, v) -> {
                m.put(k, finite(v[0]));
                m.put(k + "_err", finite(v[1]));
            });
            ps.add(m);
        }
        doc.put("results", ps);
        for (String ref : List.of("beta_eq29", "beta_eq40")) {
            double[] rr = ratio("beta[relaxation]", ref);
            if (rr != null && Double.isFinite(rr[0])) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("ratio", rr[0]);
                m.put("ratio_err", finite(rr[1]));
                m.put("points", (int) rr[2]);
                m.put("chi2_per_dof", finite(rr[3]));
                m.put("meaning", "as beta_over_" + ref.substring(5) + " for beta[relaxation] = (sum of c_n of the "
                        + "relaxation sources)/c_a: the part of beta the paper attributes to spin relaxation, without "
                        + "the non-adiabatic part -div j_s may carry");
                doc.put("beta_relaxation_over_" + ref.substring(5), m);
            }
            double[] r = ratioTo(ref);
            if (r != null) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("ratio", r[0]);
                m.put("ratio_err", finite(r[1]));
                m.put("points", (int) r[2]);
                m.put("chi2_per_dof", finite(r[3]));
                m.put("meaning", "weighted least squares of beta = ratio x " + ref + " through the origin over the "
                        + "points, weights 1/beta_err^2; ratio 1 means beta = c_n/c_a equals the paper's value, 2 "
                        + "would mean the paper's beta multiplies an adiabatic term half as large (eq. 42 vs 14)");
                doc.put("beta_over_" + ref.substring(5), m);
            }
        }
        double[] line = lineFit("beta");
        if (line != null) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("intercept", line[0]);
            m.put("intercept_err", line[1]);
            m.put("slope", line[2]);
            m.put("slope_err", line[3]);
            m.put("chi2_per_dof", line[4]);
            m.put("meaning", "weighted straight line beta = intercept + slope x " + spec.parameter().path()
                    + "; chi2_per_dof near 1 means linear within the error bars");
            doc.put("beta_line", m);
        }
        return doc;
    }

    /** sweep.csv, sweep.png/svg and summary.json. */
    public void write(Path dir) {
        String x = spec.parameter().path() + " [" + spec.parameter().unitLabel() + "]";
        List<String> qs = quantities();
        List<String> header = new ArrayList<>(List.of(x));
        for (String q : qs) {
            String unit = q.startsWith("c_") ? " [t]" : " [1]";
            header.add(q + unit);
            header.add(q + "_err" + unit);
        }
        CsvTable t = new CsvTable(header);
        for (int i = 0; i < points.size(); i++) {
            List<Object> row = new ArrayList<>();
            row.add(values[i]);
            for (String q : qs) {
                double[] v = points.get(i).get(q);
                row.add(v == null ? null : finite(v[0]));
                row.add(v == null ? null : finite(v[1]));
            }
            t.addRow(row);
        }
        AtomicFiles.writeString(dir.resolve("sweep.csv"), t.render());
        LinePlot plot = new LinePlot("beta against " + spec.parameter().path(), x, "beta = c_n / c_a")
                .logX(spec.logarithmic());
        double[] b = column("beta", 0);
        double[] e = column("beta", 1);
        if (finiteCount(b) > 0) {
            plot.add(new LinePlot.Series("beta (measured)", values, zeroNaN(b)));
            if (finiteCount(e) > 0 && max(e) > 0) {
                double[] lo = new double[b.length];
                double[] hi = new double[b.length];
                for (int i = 0; i < b.length; i++) {
                    lo[i] = zeroNaN(b)[i] - zeroNaN(e)[i];
                    hi[i] = zeroNaN(b)[i] + zeroNaN(e)[i];
                }
                plot.add(new LinePlot.Series("beta - standard error", values, lo, true));
                plot.add(new LinePlot.Series("beta + standard error", values, hi, true));
            }
            double[] relax = column("beta[relaxation]", 0);
            if (finiteCount(relax) == relax.length) {
                plot.add(new LinePlot.Series("beta[relaxation] (sources only)", values, relax));
            }
            for (String ref : List.of("beta_eq29", "beta_eq40")) {
                double[] r = column(ref, 0);
                if (finiteCount(r) == r.length) {
                    plot.add(new LinePlot.Series(ref.replace("beta_eq", "eq. (") + ")", values, r, true));
                }
            }
            plot.write(dir.resolve("sweep"));
        }
        AtomicFiles.writeString(dir.resolve("summary.json"), JsonOutput.render(summary()));
        AtomicFiles.writeString(dir.resolve("input.toml"), "# resolved input of spintorque run " + ProgramInfo.version()
                + " (swept: --sweep " + spec + ")\n" + input.asToml());
    }

    /** A table for the terminal. */
    public String table() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%16s %24s %24s %12s %12s%n", spec.parameter().path(), "beta", "P_fit",
                "beta_eq29", "beta_eq40"));
        for (int i = 0; i < points.size(); i++) {
            Map<String, double[]> p = points.get(i);
            sb.append(String.format(Locale.ROOT, "%16.6g %24s %24s %12s %12s%n", values[i], pm(p.get("beta")),
                    pm(p.get("P_fit")), plain(p.get("beta_eq29")), plain(p.get("beta_eq40"))));
        }
        for (String ref : List.of("beta_eq29", "beta_eq40")) {
            double[] r = ratioTo(ref);
            if (r != null) {
                sb.append(String.format(Locale.ROOT, "beta / %s = %.4g +- %.2g (weighted over %d points)%n", ref, r[0],
                        r[1], (int) r[2]));
            }
        }
        return sb.toString();
    }

    private static String pm(double[] v) {
        if (v == null) {
            return "-";
        }
        return v[1] > 0 ? String.format(Locale.ROOT, "%.5g +- %.2g", v[0], v[1]) : String.format(Locale.ROOT, "%.6g", v[0]);
    }

    private static String plain(double[] v) {
        return v == null ? "-" : String.format(Locale.ROOT, "%.5g", v[0]);
    }

    private static Object finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static int finiteCount(double[] v) {
        int n = 0;
        for (double x : v) {
            n += Double.isFinite(x) ? 1 : 0;
        }
        return n;
    }

    private static double max(double[] v) {
        double m = 0;
        for (double x : v) {
            if (Double.isFinite(x)) {
                m = Math.max(m, x);
            }
        }
        return m;
    }

    private static double[] zeroNaN(double[] v) {
        double[] r = v.clone();
        for (int i = 0; i < r.length; i++) {
            r[i] = Double.isFinite(r[i]) ? r[i] : 0;
        }
        return r;
    }
}
