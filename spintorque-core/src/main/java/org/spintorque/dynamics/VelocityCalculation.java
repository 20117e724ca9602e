package org.spintorque.dynamics;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.spintorque.config.InputException;
import org.spintorque.config.ParameterSchema;
import org.spintorque.config.ResolvedInput;
import org.spintorque.output.AtomicFiles;
import org.spintorque.output.CsvTable;
import org.spintorque.output.JsonOutput;
import org.spintorque.output.LinePlot;
import org.spintorque.output.ProgramInfo;
import org.spintorque.output.ProgressListener;
import org.spintorque.output.ReportedValue;

/**
 * {@code spintorque velocity}: the wall velocity against current density, computed point by point in
 * parallel by a {@link WallVelocitySolver} ({@code [sweep] method}), next to the closed-form 1D-model curve
 * (eqs. W1, W2 of {@link WallTheory}). Writes summary.json, velocity.csv, input.toml and
 * velocity.png/svg.
 *
 * @param input      the resolved input
 * @param conditions the drive at the configured current
 * @param thresholds closed-form thresholds
 * @param method     the solver's name
 * @param atConfigured the velocity at the configured current
 * @param currents   the swept current densities [A/m^2]
 * @param points     the solver's velocity at each current
 */
public record VelocityCalculation(ResolvedInput input, DrivingConditions conditions, WallThresholds thresholds,
                                  String method, WallVelocitySolver.WallVelocity atConfigured, double[] currents,
                                  List<WallVelocitySolver.WallVelocity> points) {

    /** The methods {@code [sweep] method} accepts. */
    public static final List<String> METHODS = List.of("1d", "llg");

    /** The parameters of {@code velocity}: the shared tables, [sweep] and [time] tolerance. */
    public static ParameterSchema schema() {
        return Dw1dCalculation.timeTable(DynamicsInput.addTo(ParameterSchema.builder()))
                .text("sweep.method", "1d", "how each velocity is computed: the 1D (q, phi) model, or the "
                        + "finite-difference LLG", METHODS.toArray(new String[0]))
                .number("sweep.density_min", "A/m^2", 0.0, "first current density of the sweep")
                .number("sweep.density_max", "A/m^2", null, "last current density of the sweep (default: 2.5 "
                        + "times the largest of the Walker current, the intrinsic threshold and [current] density)")
                .number("sweep.points", "1", 41.0, "number of currents, >= 2")
                .build();
    }

    /** The solver of a method name. */
    public static WallVelocitySolver solver(ResolvedInput in) {
        String method = in.text("sweep.method");
        return switch (method) {
            case "1d" -> new OneDimensionalModelSolver(Dw1dCalculation.tolerance(in));
            case "llg" -> new org.spintorque.llg.LlgWallVelocitySolver();
            default -> throw new InputException("sweep.method = \"" + method + "\" is not available in this build; "
                    + "valid: \"1d\"");
        };
    }

    public static VelocityCalculation run(ResolvedInput in, ProgressListener progress) {
        DrivingConditions d = DynamicsInput.resolve(in);
        if (!d.hasPolarization()) {
            throw new InputException("a sweep over current density needs P: give [current] P or [torque] from = "
                    + "\"summary.json\" (u alone does not fix the current)");
        }
        WallThresholds th = WallThresholds.of(d);
        WallVelocitySolver solver = solver(in);
        double jMin = in.number("sweep.density_min", "");
        double jMax = in.optionalNumber("sweep.density_max").orElseGet(() -> defaultMaximum(d, th));
        double pointsValue = in.number("sweep.points", "");
        if (pointsValue < 2 || pointsValue > 100_000 || pointsValue != Math.rint(pointsValue)) {
            throw new InputException("sweep.points = " + pointsValue + ": must be a whole number in [2, 100000]");
        }
        if (!(jMax != jMin)) {
            throw new InputException("sweep.density_min = sweep.density_max = " + jMin + " A/m^2: give a range");
        }
        int n = (int) pointsValue;
        double[] currents = new double[n];
        for (int i = 0; i < n; i++) {
            currents[i] = jMin + (jMax - jMin) * i / (n - 1);
        }
        AtomicLong done = new AtomicLong();
        List<WallVelocitySolver.WallVelocity> points = IntStream.range(0, n).parallel()
                .mapToObj(i -> {
                    WallVelocitySolver.WallVelocity v = solver.velocity(d.withCurrentDensity(currents[i]));
                    progress.progress(done.incrementAndGet(), n, "currents");
                    return v;
                }).toList();
        WallVelocitySolver.WallVelocity at = solver.velocity(d);
        return new VelocityCalculation(in, d, th, solver.method(), at, currents, points);
    }

    private static double defaultMaximum(DrivingConditions d, WallThresholds th) {
        double m = Math.abs(d.currentDensity() == null ? 0 : d.currentDensity());
        if (th.walkerCurrent() != null) {
            m = Math.max(m, Math.abs(th.walkerCurrent()));
        }
        if (th.thresholdCurrent() != null) {
            m = Math.max(m, Math.abs(th.thresholdCurrent()));
        }
        return m > 0 ? 2.5 * m : 1e12;
    }

    /** The closed-form 1D-model velocity at current density j [m/s]. */
    double theoryVelocity(double j) {
        return thresholds.theory().withU(conditions.driftVelocity(j)).averageVelocity();
    }

    public Map<String, Object> summary() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("program", ProgramInfo.name());
        doc.put("version", ProgramInfo.version());
        doc.put("command", "velocity");
        doc.put("input_file", input.origin());
        doc.put("input", input.asTables());
        doc.put("random_seeds", Map.of());
        doc.put("method", method);
        doc.put("velocity", atConfigured.velocity());
        doc.putAll(thresholds.summaryKeys(conditions));
        doc.put("current_density", conditions.currentDensity());
        doc.put("regime", atConfigured.regime());
        doc.put("velocity_theory", theoryVelocity(conditions.currentDensity()));
        List<ReportedValue> values = new ArrayList<>();
        values.add(new ReportedValue("velocity", atConfigured.velocity(), "m/s",
                "time-averaged wall velocity at [current] density (" + method + ")"));
        values.addAll(thresholds.values());
        doc.put("results", Dw1dCalculation.results(values));
        doc.put("drive", conditions.summary());
        List<Map<String, Object>> sweep = new ArrayList<>();
        for (int i = 0; i < currents.length; i++) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("current_density", currents[i]);
            p.put("u", conditions.driftVelocity(currents[i]));
            p.put("velocity", points.get(i).velocity());
            p.put("velocity_1d_theory", theoryVelocity(currents[i]));
            p.put("regime", points.get(i).regime());
            sweep.add(p);
        }
        doc.put("sweep_units", Map.of("current_density", "A/m^2", "u", "m/s", "velocity", "m/s"));
        doc.put("sweep", sweep);
        doc.put("conventions", Dw1dCalculation.CONVENTIONS);
        List<String> notes = new ArrayList<>(conditions.notes());
        notes.addAll(thresholds.notes(conditions));
        doc.put("notes", notes);
        return doc;
    }

    public String table() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%14s %12s %14s %14s  %s%n", "j [A/m^2]", "u [m/s]", "v [m/s]",
                "v_1d [m/s]", "regime"));
        for (int i = 0; i < currents.length; i++) {
            sb.append(String.format(Locale.ROOT, "%14.5e %12.5g %14.6g %14.6g  %s%n", currents[i],
                    conditions.driftVelocity(currents[i]), points.get(i).velocity(), theoryVelocity(currents[i]),
                    points.get(i).regime()));
        }
        sb.append(String.format(Locale.ROOT, "at j = %.5e A/m^2 (%s): v = %.6g m/s (%s)%n",
                conditions.currentDensity(), method, atConfigured.velocity(), atConfigured.regime()));
        for (ReportedValue v : thresholds.values()) {
            sb.append(String.format(Locale.ROOT, "  %-30s %14.6g %-7s %s%n", v.name(), v.value(), v.unit(),
                    v.description()));
        }
        return sb.toString();
    }

    /** Writes summary.json, velocity.csv, input.toml and velocity.png/svg. */
    public void write(Path dir) {
        CsvTable csv = new CsvTable(List.of("j [A/m^2]", "u [m/s]", "v [m/s]", "v_1d_theory [m/s]", "regime"));
        double[] v = new double[currents.length];
        for (int i = 0; i < currents.length; i++) {
            v[i] = points.get(i).velocity();
            csv.addRow(List.of(currents[i], conditions.driftVelocity(currents[i]), v[i], theoryVelocity(currents[i]),
                    points.get(i).regime()));
        }
        AtomicFiles.writeString(dir.resolve("velocity.csv"), csv.render());
        AtomicFiles.writeString(dir.resolve("input.toml"), DynamicsInput.reproducibleToml(input));
        int dense = 400;
        double[] jd = new double[dense];
        double[] vd = new double[dense];
        for (int i = 0; i < dense; i++) {
            jd[i] = currents[0] + (currents[currents.length - 1] - currents[0]) * i / (dense - 1);
            vd[i] = theoryVelocity(jd[i]);
        }
        double[] jPlot = currents.clone();
        for (int i = 0; i < jPlot.length; i++) {
            jPlot[i] *= 1e-12;
        }
        for (int i = 0; i < dense; i++) {
            jd[i] *= 1e-12;
        }
        new LinePlot(String.format(Locale.ROOT, "Wall velocity (beta = %.4g, alpha = %.4g)", conditions.beta(),
                conditions.material().alpha()), "j [10^12 A/m^2]", "v [m/s]")
                .add(new LinePlot.Series("1D model, closed form", jd, vd, true))
                .add(new LinePlot.Series(method.equals("1d") ? "1D model, integrated" : method, jPlot, v))
                .write(dir.resolve("velocity"));
        AtomicFiles.writeString(dir.resolve("summary.json"), JsonOutput.render(summary()));
    }
}
