package org.spintorque.analytic;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.spintorque.config.InputException;
import org.spintorque.config.ResolvedInput;
import org.spintorque.config.SweepSpec;
import org.spintorque.output.AtomicFiles;
import org.spintorque.output.CsvTable;
import org.spintorque.output.JsonOutput;
import org.spintorque.output.LinePlot;
import org.spintorque.output.ProgramInfo;
import org.spintorque.output.ProgressListener;
import org.spintorque.output.ReportedValue;

/**
 * The {@code analytic} calculation as a library call: evaluate the s-d model for a resolved input (and
 * optionally a sweep), then write {@code summary.json}, {@code summary.csv}, {@code input.toml} and, for a
 * sweep, {@code sweep.csv} and {@code sweep.png/svg}. All evaluation happens before the first file is
 * written, so bad input leaves no output behind.
 */
public final class AnalyticCalculation {
    /** Outputs plotted by a sweep when the user names none. */
    public static final List<String> DEFAULT_PLOT = List.of("beta_sf", "beta_so", "P");

    static final Map<String, String> CONVENTIONS = conventions();

    private AnalyticCalculation() { }

    private static Map<String, String> conventions() {
        Map<String, String> c = new LinkedHashMap<>();
        c.put("beta", "beta = c_n/c_a, the ratio of the non-adiabatic to the adiabatic torque, "
                + "tau = c_a d_x n + c_n n x d_x n; the beta (xi in MuMax3) of the Zhang-Li/LLG equation.");
        c.put("paper", "Tatara and Entel write the beta torque as -beta (P/e) n x (j.grad)n (eqs. 28, 42). With "
                + "the adiabatic torque of their eq. (14), -(P/e)(j.grad)n, beta above equals their beta of "
                + "eqs. (29) and (40). Their eq. (42) writes the adiabatic term as -(P/2e)(j.grad)n; taken "
                + "literally the ratio c_n/c_a would be 2 beta (reported as beta_ratio_eq42). The lattice "
                + "calculations measure c_n/c_a directly and settle the factor.");
        c.put("exchange", "M = J_sd S is half the exchange splitting: the spin bands are eps_k - M and eps_k + M.");
        c.put("P", "P = (sigma_+ - sigma_-)/(sigma_+ + sigma_-), sigma_s = e^2 n_s tau_s/m (Drude).");
        c.put("u", "u = g mu_B P j/(2 e M_s), along the electron flow for P > 0.");
        return c;
    }

    public static SdModelResult evaluate(ResolvedInput input) {
        return SdModel.evaluate(SdModelParameters.fromInput(input));
    }

    /** The JSON summary document of one evaluation. */
    public static Map<String, Object> summary(ResolvedInput input, SdModelResult result) {
        Map<String, Object> doc = header(input);
        doc.put("P", result.polarization());
        doc.put("beta_sf", result.betaSf());
        doc.put("beta_so", result.betaSo());
        doc.put("beta", result.beta());
        Map<String, Object> values = new LinkedHashMap<>();
        for (ReportedValue v : result.values()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("value", v.value());
            e.put("unit", v.unit());
            e.put("description", v.description());
            values.put(v.name(), e);
        }
        doc.put("results", values);
        doc.put("conventions", CONVENTIONS);
        doc.put("notes", result.notes());
        return doc;
    }

    static Map<String, Object> header(ResolvedInput input) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("program", ProgramInfo.name());
        doc.put("version", ProgramInfo.version());
        doc.put("command", "analytic");
        doc.put("model", "s-d model, parabolic band, adiabatic limit, leading order in 1/(E_F tau) "
                + "(Tatara and Entel 2008, section III)");
        doc.put("input_file", input.origin());
        doc.put("input", input.asTables());
        doc.put("random_seeds", Map.of()); // the analytic model uses no random numbers
        return doc;
    }

    /**
     * Writes summary.json, summary.csv and input.toml for one evaluation.
     *
     * @param extra further sections of summary.json (e.g. the k-sums), keyed by section name
     */
    public static void write(Path dir, ResolvedInput input, SdModelResult result, Map<String, Object> extra) {
        CsvTable csv = CsvTable.of(result.values());
        csv.addValues(result.values());
        Map<String, Object> doc = summary(input, result);
        doc.putAll(extra);
        AtomicFiles.writeString(dir.resolve("summary.json"), JsonOutput.render(doc));
        AtomicFiles.writeString(dir.resolve("summary.csv"), csv.render());
        AtomicFiles.writeString(dir.resolve("input.toml"), "# resolved input of spintorque analytic "
                + ProgramInfo.version() + "\n" + input.asToml());
    }

    /** A readable table of the outputs, with notes. */
    public static String table(SdModelResult result) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-16s %14s  %-12s %s%n", "quantity", "value", "unit", "meaning"));
        for (ReportedValue v : result.values()) {
            sb.append(String.format(Locale.ROOT, "%-16s %14.6g  %-12s %s%n", v.name(), v.value(),
                    "1".equals(v.unit()) ? "" : v.unit(), v.description()));
        }
        sb.append(String.format(Locale.ROOT, "%nbeta is c_n/c_a (LLG beta, MuMax3 xi); it equals the paper's beta "
                + "with the adiabatic torque of eq. (14).%nTaking eq. (42)'s -(P/2e)(j.grad)n literally would "
                + "make the ratio 2 beta = %.6g.%n", 2 * result.beta()));
        for (String n : result.notes()) {
            sb.append("note: ").append(n).append('\n');
        }
        return sb.toString();
    }

    /** One sweep: the scanned values and the result at each. */
    public record Sweep(SweepSpec spec, double[] values, List<SdModelResult> results) { }

    /** Evaluates every point of a sweep; a point with bad input is an error naming that point. */
    public static Sweep sweep(ResolvedInput input, SweepSpec spec, ProgressListener progress) {
        double[] xs = new double[spec.points()];
        List<SdModelResult> results = new ArrayList<>();
        for (int i = 0; i < spec.points(); i++) {
            xs[i] = spec.value(i);
            ResolvedInput point = input.with(spec.parameter().path(), xs[i], ResolvedInput.Source.COMMAND_LINE);
            try {
                results.add(evaluate(point));
            } catch (InputException e) {
                throw new InputException("sweep point " + (i + 1) + " of " + spec.points() + " ("
                        + spec.parameter().path() + " = " + xs[i] + " " + spec.parameter().unitLabel() + "): "
                        + e.getMessage(), e);
            }
            progress.progress(i + 1, spec.points(), spec.parameter().path());
        }
        return new Sweep(spec, xs, results);
    }

    /** Writes sweep.csv, sweep.png, sweep.svg and summary.json (the base input, the sweep, every point). */
    public static void writeSweep(Path dir, ResolvedInput input, Sweep sweep, List<String> plotted) {
        String xName = sweep.spec().parameter().path();
        String xUnit = sweep.spec().parameter().unitLabel();
        // every column that exists at every point (e.g. u only with M_s and j)
        List<String> names = new ArrayList<>();
        for (ReportedValue v : sweep.results().get(0).values()) {
            boolean everywhere = sweep.results().stream()
                    .allMatch(r -> r.values().stream().anyMatch(w -> w.name().equals(v.name())));
            if (everywhere) {
                names.add(v.name());
            }
        }
        for (String p : plotted) {
            if (!names.contains(p)) {
                throw new InputException("--plot " + p + ": not an output of this sweep; valid: "
                        + String.join(", ", names));
            }
        }
        List<String> headers = new ArrayList<>();
        headers.add(xName + " [" + xUnit + "]");
        for (String n : names) {
            headers.add(sweep.results().get(0).value(n).header());
        }
        CsvTable csv = new CsvTable(headers);
        List<Map<String, Object>> points = new ArrayList<>();
        for (int i = 0; i < sweep.values().length; i++) {
            List<Object> row = new ArrayList<>();
            row.add(sweep.values()[i]);
            Map<String, Object> point = new LinkedHashMap<>();
            point.put(xName, sweep.values()[i]);
            for (String n : names) {
                double v = sweep.results().get(i).value(n).value();
                row.add(v);
                point.put(n, v);
            }
            csv.addRow(row);
            points.add(point);
        }
        LinePlot plot = new LinePlot("spintorque analytic: sweep of " + xName, xName + " [" + xUnit + "]",
                "value").logX(sweep.spec().logarithmic());
        boolean positive = true;
        for (String p : plotted) {
            double[] y = new double[sweep.values().length];
            for (int i = 0; i < y.length; i++) {
                y[i] = sweep.results().get(i).value(p).value();
                positive &= y[i] > 0;
            }
            String unit = sweep.results().get(0).value(p).unit();
            plot.add(new LinePlot.Series(p + ("1".equals(unit) ? "" : " [" + unit + "]"), sweep.values(), y));
        }
        // betas span decades in a log sweep; a log y axis shows them, but only if every value is > 0
        plot.logY(sweep.spec().logarithmic() && positive);

        Map<String, Object> doc = header(input);
        Map<String, Object> sw = new LinkedHashMap<>();
        sw.put("parameter", xName);
        sw.put("unit", xUnit);
        sw.put("start", sweep.spec().start());
        sw.put("stop", sweep.spec().stop());
        sw.put("points", sweep.spec().points());
        sw.put("scale", sweep.spec().logarithmic() ? "log" : "linear");
        doc.put("sweep", sw);
        doc.put("units", headers);
        doc.put("points", points);
        doc.put("conventions", CONVENTIONS);

        AtomicFiles.writeString(dir.resolve("sweep.csv"), csv.render());
        plot.write(dir.resolve("sweep"));
        AtomicFiles.writeString(dir.resolve("summary.json"), JsonOutput.render(doc));
        AtomicFiles.writeString(dir.resolve("input.toml"), "# resolved input of spintorque analytic "
                + ProgramInfo.version() + " (base point of the sweep " + sweep.spec() + ")\n" + input.asToml());
    }
}
