package org.spintorque.dynamics;

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
import org.spintorque.output.LinePlot;
import org.spintorque.output.ProgramInfo;
import org.spintorque.output.ReportedValue;

/**
 * {@code spintorque dw1d}: the 1D wall model for one drive: trajectory, time-averaged velocity, Walker
 * breakdown and intrinsic threshold. Writes summary.json, trajectory.csv, input.toml, position.png/svg and
 * angle.png/svg.
 *
 * @param input      the resolved input
 * @param conditions the drive
 * @param thresholds the closed-form thresholds
 * @param motion     the integrated trajectory
 */
public record Dw1dCalculation(ResolvedInput input, DrivingConditions conditions, WallThresholds thresholds,
                              WallMotion motion) {

    /** Convention notes written into every dynamics summary. */
    public static final Map<String, String> CONVENTIONS = Map.of(
            "equation", "dm/dt = -gamma0 m x H_eff + alpha m x dm/dt - (u.grad)m + beta m x (u.grad)m",
            "u", "u = g mu_B P j/(2 e Ms) along the electron flow ([current] electron_flow); the wall moves with u",
            "field", "H along +easy_axis grows the domain at x < q (m = +e): the wall moves to +x",
            "model", "1D collective coordinates (q, phi), profile theta = 2 atan exp((x-q)/Delta), Delta = "
                    + "sqrt(A/K); docs/dynamics.md");

    /** The longest duration accepted, in units of the model's fastest time (about 1e7 Runge-Kutta steps). */
    static final double MAX_DURATION_IN_TIME_SCALES = 1e6;

    /** The parameters of {@code dw1d}: the shared tables and [time]. */
    public static ParameterSchema schema() {
        return timeTable(DynamicsInput.addTo(ParameterSchema.builder()))
                .number("time.duration", "ns", null, "time simulated (default: automatic, 40 relaxation times "
                        + "below breakdown, 6 periods above), > 0")
                .number("time.samples", "1", 1001.0, "trajectory samples, uniform in time, >= 2")
                .build();
    }

    /** The integration tolerance, shared with {@code velocity}. */
    static ParameterSchema.Builder timeTable(ParameterSchema.Builder b) {
        return b.number("time.tolerance", "1", 1e-9, "relative and absolute tolerance per Runge-Kutta step "
                + "(on q/Delta and phi), in [1e-13, 1e-3]");
    }

    static double tolerance(ResolvedInput in) {
        double tol = in.number("time.tolerance", "");
        if (!(tol >= 1e-13 && tol <= 1e-3)) {
            throw new InputException("time.tolerance = " + tol + ": must be in [1e-13, 1e-3]");
        }
        return tol;
    }

    public static Dw1dCalculation run(ResolvedInput in) {
        DrivingConditions d = DynamicsInput.resolve(in);
        WallThresholds th = WallThresholds.of(d);
        double duration = Double.NaN;
        if (in.has("time.duration")) {
            duration = in.number("time.duration", "") * 1e-9;
            if (!(duration > 0)) {
                throw new InputException("time.duration = " + in.number("time.duration", "") + " ns: must be > 0");
            }
        }
        double samples = in.number("time.samples", "");
        if (samples < 2 || samples > 1e7 || samples != Math.rint(samples)) {
            throw new InputException("time.samples = " + samples + ": must be a whole number in [2, 1e7]");
        }
        WallModel1D model = new WallModel1D(th.theory());
        if (duration * model.timeScaleRate() > MAX_DURATION_IN_TIME_SCALES) {
            throw new InputException("time.duration = " + duration * 1e9 + " ns is " + String.format(Locale.ROOT,
                    "%.3g", duration * model.timeScaleRate()) + " times the model's fastest time scale; valid: up "
                    + "to " + MAX_DURATION_IN_TIME_SCALES / model.timeScaleRate() * 1e9 + " ns (or leave it out for "
                    + "the automatic duration)");
        }
        WallMotion m = model.simulate(
                new WallModel1D.Options(duration, (int) samples, tolerance(in)));
        return new Dw1dCalculation(in, d, th, m);
    }

    /** The results with units, in table order. */
    public List<ReportedValue> values() {
        List<ReportedValue> v = new ArrayList<>();
        v.add(new ReportedValue("velocity", motion.velocity(), "m/s", "time-averaged wall velocity (simulated)"));
        v.add(new ReportedValue("velocity_theory", motion.theoryVelocity(), "m/s",
                "closed form: (beta u + gamma0 Delta H)/alpha below breakdown, eq. W2 above"));
        v.add(new ReportedValue("u", conditions.ux(), "m/s", "spin drift velocity along x"));
        if (conditions.currentDensity() != null) {
            v.add(new ReportedValue("current_density", conditions.currentDensity(), "A/m^2", "j along the electron flow"));
        }
        v.add(new ReportedValue("beta", conditions.beta(), "1", "non-adiabatic coefficient"));
        v.add(new ReportedValue("alpha", conditions.material().alpha(), "1", "Gilbert damping"));
        v.add(new ReportedValue("H", conditions.easyAxisField(), "A/m", "applied field along the easy axis"));
        v.addAll(thresholds.values());
        if (motion.periods() > 0) {
            v.add(new ReportedValue("period", motion.meanPeriod() * 1e9, "ns", "period of phi (a turn by pi)"));
        }
        if (motion.theory().belowBreakdown()) {
            v.add(new ReportedValue("steady_angle", motion.theory().steadyAngle(), "rad", "asin(A/B)/2"));
        }
        v.add(new ReportedValue("duration", motion.duration() * 1e9, "ns", "time simulated"));
        return v;
    }

    public Map<String, Object> summary() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("program", ProgramInfo.name());
        doc.put("version", ProgramInfo.version());
        doc.put("command", "dw1d");
        doc.put("input_file", input.origin());
        doc.put("input", input.asTables());
        doc.put("random_seeds", Map.of()); // deterministic
        doc.put("velocity", motion.velocity());
        doc.putAll(thresholds.summaryKeys(conditions));
        doc.put("regime", motion.regime());
        doc.put("regime_theory", motion.theory().belowBreakdown() ? "steady" : "precessing");
        doc.put("velocity_theory", motion.theoryVelocity());
        doc.put("results", results(values()));
        doc.put("drive", conditions.summary());
        doc.put("integration", Map.of("method", "Dormand-Prince 5(4), adaptive", "accepted_steps",
                motion.acceptedSteps(), "rejected_steps", motion.rejectedSteps(), "periods", motion.periods(),
                "final_dphi_dt_per_ns", motion.finalAngleRate() * 1e-9));
        doc.put("conventions", CONVENTIONS);
        List<String> notes = new ArrayList<>(conditions.notes());
        notes.addAll(thresholds.notes(conditions));
        doc.put("notes", notes);
        doc.put("warnings", motion.warnings());
        return doc;
    }

    static Map<String, Object> results(List<ReportedValue> values) {
        Map<String, Object> r = new LinkedHashMap<>();
        for (ReportedValue v : values) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("value", v.value());
            e.put("unit", v.unit());
            e.put("description", v.description());
            r.put(v.name(), e);
        }
        return r;
    }

    /** The printed table. */
    public String table() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "1D wall model: %s (closed form: %s), %d period(s) in %.4g ns%n",
                motion.regime(), motion.theory().belowBreakdown() ? "steady" : "precessing", motion.periods(),
                motion.duration() * 1e9));
        for (ReportedValue v : values()) {
            sb.append(String.format(Locale.ROOT, "  %-30s %14.6g %-7s %s%n", v.name(), v.value(), v.unit(),
                    v.description()));
        }
        for (String w : motion.warnings()) {
            sb.append("warning: ").append(w).append('\n');
        }
        return sb.toString();
    }

    /** Writes summary.json, trajectory.csv, input.toml, position.png/svg and angle.png/svg. */
    public void write(Path dir) {
        CsvTable csv = new CsvTable(List.of("t [ns]", "q [nm]", "phi [rad]", "v [m/s]"));
        double[] tNs = new double[motion.times().length];
        double[] qNm = new double[tNs.length];
        for (int i = 0; i < tNs.length; i++) {
            tNs[i] = motion.times()[i] * 1e9;
            qNm[i] = motion.position()[i] * 1e9;
            csv.addRow(List.of(tNs[i], qNm[i], motion.angle()[i], motion.speed()[i]));
        }
        AtomicFiles.writeString(dir.resolve("trajectory.csv"), csv.render());
        AtomicFiles.writeString(dir.resolve("input.toml"), DynamicsInput.reproducibleToml(input));
        double[] line = new double[tNs.length];
        for (int i = 0; i < tNs.length; i++) {
            line[i] = motion.velocity() * motion.times()[i] * 1e9;
        }
        new LinePlot("Wall position (1D model)", "t [ns]", "q [nm]")
                .add(new LinePlot.Series("q(t)", tNs, qNm))
                .add(new LinePlot.Series(String.format(Locale.ROOT, "<v> t, <v> = %.4g m/s", motion.velocity()),
                        tNs, line, true))
                .write(dir.resolve("position"));
        new LinePlot("Wall angle (1D model)", "t [ns]", "phi [rad]")
                .add(new LinePlot.Series("phi(t)", tNs, motion.angle()))
                .write(dir.resolve("angle"));
        AtomicFiles.writeString(dir.resolve("summary.json"), JsonOutput.render(summary()));
    }
}
