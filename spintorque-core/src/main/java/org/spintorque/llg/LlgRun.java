package org.spintorque.llg;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.spintorque.config.InputException;
import org.spintorque.config.ParameterSchema;
import org.spintorque.config.ResolvedInput;
import org.spintorque.dynamics.DrivingConditions;
import org.spintorque.dynamics.DynamicsInput;
import org.spintorque.dynamics.Material;
import org.spintorque.output.AtomicFiles;
import org.spintorque.output.CsvTable;
import org.spintorque.output.JsonOutput;
import org.spintorque.output.LinePlot;
import org.spintorque.output.ProgramInfo;
import org.spintorque.output.ProgressListener;
import org.spintorque.ovf.OvfEncoding;
import org.spintorque.ovf.OvfField;
import org.spintorque.ovf.OvfMesh;
import org.spintorque.ovf.OvfReader;
import org.spintorque.ovf.OvfWriter;

/**
 * {@code spintorque llg}: a magnetization on a finite-difference grid under the LLG equation with the Zhang-Li
 * torque ({@link LlgEquation}), optionally relaxed first, sampled at fixed intervals. Writes as it goes, so that
 * a run stopped by the step controller keeps its table and snapshots: {@code table.csv} (t, averages, energies
 * per term, wall position, max torque), OVF 2.0 snapshots {@code m000000.ovf ...} with PNG pictures, and at the
 * end {@code summary.json}, {@code input.toml} and the plot {@code averages.png/svg}.
 */
public final class LlgRun {
    /** The initial states {@code [initial] type} accepts. */
    public static final List<String> INITIAL = List.of("uniform", "head-to-head", "tail-to-tail", "vortex", "ovf");

    private final ResolvedInput input;
    private final DrivingConditions drive;
    private final Grid grid;
    private final String demagMode;
    private final Map<String, Object> results = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();
    private LlgSolver.Outcome relaxation;
    private LlgSolver.Outcome outcome;
    private final List<double[]> rows = new ArrayList<>();
    private final List<String> headers = new ArrayList<>();
    private int wallSign;
    private double minStep = 1e-22;

    private LlgRun(ResolvedInput input, DrivingConditions drive, Grid grid, String demagMode) {
        this.input = input;
        this.drive = drive;
        this.grid = grid;
        this.demagMode = demagMode;
    }

    /** The parameters of {@code llg}: [grid], [initial], [time], [output] and the shared dynamics tables. */
    public static ParameterSchema schema() {
        return DynamicsInput.addTo(ParameterSchema.builder())
                .numbers("grid.size", "1", new double[] {64, 16, 1}, "cells [nx, ny, nz], each >= 1")
                .numbers("grid.cell", "nm", new double[] {4, 4, 4}, "cell size [dx, dy, dz], each > 0")
                .text("grid.demag", "full", "demagnetizing field: full (Newell tensor, FFT, open boundaries), "
                        + "thin_film (local -Ms m_z), or none", "full", "thin_film", "none")
                .number("grid.threads", "1", 0.0, "threads for the field evaluation (0: all cores above 4096 cells)")
                .text("initial.type", "uniform", "initial state (ovf: initial.file)", INITIAL.toArray(new String[0]))
                .text("initial.wall", "transverse", "wall structure of head-to-head / tail-to-tail states",
                        "transverse", "vortex")
                .numbers("initial.direction", "1", new double[] {1, 0, 0}, "direction of the uniform state")
                .number("initial.position", "nm", null, "wall centre along x (default: the middle)")
                .number("initial.width", "nm", null, "width of a transverse wall (default sqrt(A/K), or 10 nm "
                        + "at K = 0)")
                .number("initial.circulation", "1", 1.0, "vortex circulation: +1 counterclockwise, -1 clockwise")
                .number("initial.polarity", "1", 1.0, "vortex core polarity: +1 (m_z > 0) or -1")
                .number("initial.core_radius", "nm", 10.0, "radius of the initial vortex core (relaxation sets "
                        + "the real one)")
                .text("initial.file", null, "OVF file with the initial magnetization (its mesh must equal the "
                        + "grid); relative to the configuration file's folder")
                .number("time.duration", "ns", 1.0, "time simulated after relaxation, >= 0")
                .number("time.interval", "ns", 0.01, "interval between rows of table.csv, > 0")
                .number("time.tolerance", "1", 1e-5, "largest error of a step in the direction of any m "
                        + "(Dormand-Prince 5(4)), in [1e-12, 1e-2]")
                .text("time.relax", "yes", "minimize the energy before the run (no current)", "yes", "no")
                .number("time.relax_torque", "A/m", 1.0, "relaxation stops when max |m x H_eff| is below this")
                .text("time.relax_method", "minimize", "minimize: Barzilai-Borwein steepest descent (fast); damping: "
                        + "the damped flow without precession, energy decreasing at every step", "minimize", "damping")
                .number("time.relax_time", "ns", 50.0, "longest damped relaxation (relax_method = damping), > 0")
                .number("output.snapshot_interval", "ns", 0.0, "interval between OVF snapshots and images "
                        + "(0: only the initial and the final state)")
                .text("output.format", "binary 4", "OVF 2.0 data encoding", "text", "binary 4", "binary 8")
                .text("output.images", "yes", "write a PNG picture with every snapshot", "yes", "no")
                .build();
    }

    /** Reads the input, runs, and writes everything into {@code dir}. */
    public static LlgRun run(ResolvedInput in, ProgressListener progress, Path dir) {
        return run(in, progress, dir, 1e-22);
    }

    /** As {@link #run(ResolvedInput, ProgressListener, Path)} with the smallest time step [s] allowed. */
    public static LlgRun run(ResolvedInput in, ProgressListener progress, Path dir, double minStep) {
        DrivingConditions d = DynamicsInput.resolve(in);
        Grid grid = grid(in);
        LlgRun run = new LlgRun(in, d, grid, in.text("grid.demag"));
        run.minStep = minStep;
        double[] m0 = run.initialState();
        int threads = (int) in.number("grid.threads", "");
        if (threads < 0 || threads > 1024) {
            throw new InputException("grid.threads = " + threads + ": must be 0 (automatic) or 1 .. 1024");
        }
        if (threads == 0) {
            threads = grid.cells() >= 4096 ? Runtime.getRuntime().availableProcessors() : 1;
        }
        double duration = positive(in, "time.duration", true) * 1e-9;
        double interval = positive(in, "time.interval", false) * 1e-9;
        double tol = in.number("time.tolerance", "");
        if (!(tol >= 1e-12 && tol <= 1e-2)) {
            throw new InputException("time.tolerance = " + tol + ": must be in [1e-12, 1e-2]");
        }
        double snapshotInterval = in.number("output.snapshot_interval", "") * 1e-9;
        if (!(snapshotInterval >= 0)) {
            throw new InputException("output.snapshot_interval = " + snapshotInterval * 1e9 + " ns: must be >= 0");
        }
        if (duration / interval > 1e7) {
            throw new InputException("time.duration / time.interval = " + duration / interval
                    + " rows: at most 1e7");
        }
        try (WorkerPool pool = new WorkerPool(threads)) {
            run.execute(m0, pool, duration, interval, tol, snapshotInterval, progress, dir);
        }
        return run;
    }

    private static double positive(ResolvedInput in, String key, boolean zeroAllowed) {
        double v = in.number(key, "");
        if (!(zeroAllowed ? v >= 0 : v > 0) || !Double.isFinite(v)) {
            throw new InputException(key + " = " + v + ": must be " + (zeroAllowed ? ">= 0" : "> 0"));
        }
        return v;
    }

    static Grid grid(ResolvedInput in) {
        double[] size = in.numbers("grid.size");
        double[] cell = in.numbers("grid.cell");
        if (size.length != 3 || cell.length != 3) {
            throw new InputException("grid.size and grid.cell need three values each, got " + size.length + " and "
                    + cell.length);
        }
        for (double s : size) {
            if (s < 1 || s != Math.rint(s) || s > 1 << 20) {
                throw new InputException("grid.size = " + java.util.Arrays.toString(size)
                        + ": each must be a whole number >= 1");
            }
        }
        for (double c : cell) {
            if (!(c > 0) || !Double.isFinite(c)) {
                throw new InputException("grid.cell = " + java.util.Arrays.toString(cell) + " nm: each must be > 0");
            }
        }
        if (size[0] * size[1] * size[2] > 1 << 26) {
            throw new InputException("grid.size = " + java.util.Arrays.toString(size) + ": at most 2^26 cells");
        }
        return new Grid((int) size[0], (int) size[1], (int) size[2], cell[0] * 1e-9, cell[1] * 1e-9, cell[2] * 1e-9);
    }

    /** The field terms of the material, the field and the demag choice. */
    List<FieldTerm> terms(WorkerPool pool) {
        Material mat = drive.material();
        List<FieldTerm> t = new ArrayList<>();
        t.add(new Exchange(grid, mat.exchange(), mat.ms(), pool));
        if (mat.anisotropy() > 0) {
            t.add(UniaxialAnisotropy.easyAxis(grid, mat.anisotropy(), mat.ms(), mat.easyAxis().toArray()));
        }
        if (mat.hardAxis() > 0) {
            t.add(UniaxialAnisotropy.hardAxis(grid, mat.hardAxis(), mat.ms(), mat.hardAxisDirection().toArray()));
        }
        if (drive.field().norm() > 0) {
            t.add(new Zeeman(grid, drive.field().toArray()));
        }
        switch (demagMode) {
            case "full" -> t.add(new Demagnetization(grid, mat.ms(), pool));
            case "thin_film" -> t.add(new ThinFilmDemag(grid, mat.ms()));
            default -> { }
        }
        return t;
    }

    private double[] initialState() {
        String type = input.text("initial.type");
        Material mat = drive.material();
        double x0 = input.optionalNumber("initial.position").map(v -> v * 1e-9).orElse(grid.lengthX() / 2);
        switch (type) {
            case "uniform" -> {
                double[] dir = input.numbers("initial.direction");
                if (dir.length != 3 || dir[0] * dir[0] + dir[1] * dir[1] + dir[2] * dir[2] == 0) {
                    throw new InputException("initial.direction = " + java.util.Arrays.toString(dir)
                            + ": needs three numbers, not all zero");
                }
                return InitialState.uniform(grid, dir);
            }
            case "head-to-head", "tail-to-tail" -> {
                wallSign = type.equals("head-to-head") ? 1 : -1;
                if ("vortex".equals(input.text("initial.wall"))) {
                    return InitialState.vortexWall(grid, x0, wallSign, sign("initial.circulation"),
                            sign("initial.polarity"));
                }
                double width = input.optionalNumber("initial.width").map(v -> v * 1e-9)
                        .orElse(mat.anisotropy() > 0 ? Math.sqrt(mat.exchange() / mat.anisotropy()) : 10e-9);
                if (!(width > 0)) {
                    throw new InputException("initial.width = " + width * 1e9 + " nm: must be > 0");
                }
                return InitialState.transverseWall(grid, x0, width, wallSign);
            }
            case "vortex" -> {
                return InitialState.vortex(grid, sign("initial.circulation"), sign("initial.polarity"),
                        input.number("initial.core_radius", "") * 1e-9);
            }
            default -> {
                if (!input.has("initial.file")) {
                    throw input.missing("initial.file", "initial.type = \"ovf\" needs the OVF file to start from");
                }
                Path file = DynamicsInput.resolvePath(input, "initial.file");
                OvfField f = OvfReader.read(file);
                try {
                    return InitialState.fromOvf(grid, f, file.toString());
                } catch (IllegalArgumentException e) {
                    throw new InputException("initial.file = \"" + input.text("initial.file") + "\": "
                            + e.getMessage());
                }
            }
        }
    }

    private int sign(String key) {
        double v = input.number(key, "");
        if (v != 1 && v != -1) {
            throw new InputException(key + " = " + v + ": must be +1 or -1");
        }
        return (int) v;
    }

    private void execute(double[] m0, WorkerPool pool, double duration, double interval, double tol,
                         double snapshotInterval, ProgressListener progress, Path dir) {
        Material mat = drive.material();
        List<FieldTerm> terms = terms(pool);
        long started = System.nanoTime();
        double[] m = m0;
        if ("yes".equals(input.text("time.relax"))) {
            LlgEquation still = new LlgEquation(grid, mat.ms(), mat.alpha(), drive.beta(), mat.gamma0(),
                    new double[3], terms, pool);
            LlgSolver relaxer = new LlgSolver(still, m, pool);
            double torque = input.number("time.relax_torque", "");
            if (!(torque > 0)) {
                throw new InputException("time.relax_torque = " + torque + " A/m: must be > 0");
            }
            relaxation = "damping".equals(input.text("time.relax_method"))
                    ? relaxer.relax(torque, tol, positive(input, "time.relax_time", false) * 1e-9, null)
                    : relaxer.minimize(torque, 200_000);
            if (!relaxation.completed()) {
                notes.add(relaxation.message());
            }
            m = relaxer.magnetization().clone();
        }
        double relaxSeconds = (System.nanoTime() - started) * 1e-9;
        LlgEquation eq = new LlgEquation(grid, mat.ms(), mat.alpha(), drive.beta(), mat.gamma0(),
                drive.u().toArray(), terms, pool);
        LlgSolver solver = new LlgSolver(eq, m, pool);
        solver.setMinStep(minStep);
        headers.addAll(List.of("t [ns]", "mx [1]", "my [1]", "mz [1]", "E_total [J]"));
        for (FieldTerm t : terms) {
            headers.add("E_" + t.name() + " [J]");
        }
        if (wallSign != 0) {
            headers.add("wall_position [nm]");
        }
        headers.add("max_torque [A/m]");
        OvfEncoding encoding = OvfEncoding.parse(input.text("output.format"));
        boolean images = "yes".equals(input.text("output.images"));
        long total = Math.max(1, Math.round(duration / interval));
        int[] snapshot = {0};
        double[] nextSnapshot = {0};
        long[] lastWrite = {System.nanoTime()};
        long runStart = System.nanoTime();
        LlgSolver.Observer observer = (t, state) -> {
            rows.add(row(eq, t, state));
            boolean last = t >= duration * (1 - 1e-12);
            if (t >= nextSnapshot[0] * (1 - 1e-9) && (snapshotInterval > 0 || t == 0) || last) {
                snapshot(dir, state, t, snapshot[0]++, encoding, images);
                nextSnapshot[0] = snapshotInterval > 0 ? nextSnapshot[0] + snapshotInterval : Double.POSITIVE_INFINITY;
            }
            if (System.nanoTime() - lastWrite[0] > 2_000_000_000L || last) {
                writeTable(dir);
                lastWrite[0] = System.nanoTime();
            }
            progress.progress(Math.round(t / interval), total, "samples");
        };
        outcome = duration > 0 ? solver.run(duration, interval, tol, observer)
                : new LlgSolver.Outcome(0, 0, 0, solver.torque(), true, "");
        if (duration == 0) {
            observer.sample(0, solver.magnetization());
        }
        double runSeconds = (System.nanoTime() - runStart) * 1e-9;
        if (!outcome.completed()) {
            snapshot(dir, solver.magnetization(), outcome.time(), snapshot[0]++, encoding, images);
            notes.add(outcome.message());
        }
        writeTable(dir);
        double[] avg = LlgSolver.average(solver.magnetization());
        results.put("m_final", avg);
        results.put("t_final_ns", outcome.time() * 1e9);
        results.put("completed", outcome.completed());
        results.put("accepted_steps", outcome.steps());
        results.put("rejected_steps", outcome.rejected());
        results.put("max_torque_final", Map.of("value", outcome.maxTorque(), "unit", "A/m"));
        results.put("relax_seconds", relaxSeconds);
        results.put("run_seconds", runSeconds);
        // each accepted step evaluates the right-hand side six times (first-same-as-last), each rejected seven
        double cellUpdates = (double) grid.cells() * outcome.steps();
        results.put("cell_steps_per_second", runSeconds > 0 ? cellUpdates / runSeconds : 0);
        if (wallSign != 0 && rows.size() >= 3) {
            int wallCol = headers.indexOf("wall_position [nm]");
            int from = rows.size() / 2;
            int to = rows.size() - 1;
            double v = (rows.get(to)[wallCol] - rows.get(from)[wallCol]) * 1e-9
                    / ((rows.get(to)[0] - rows.get(from)[0]) * 1e-9);
            results.put("velocity", v);
            results.put("velocity_note", "mean wall velocity [m/s] over the second half of the run, from <m_x>");
        }
        finish(dir);
    }

    private double[] row(LlgEquation eq, double t, double[] state) {
        double[] r = new double[headers.size()];
        double[] avg = LlgSolver.average(state);
        r[0] = t * 1e9;
        r[1] = avg[0];
        r[2] = avg[1];
        r[3] = avg[2];
        double total = 0;
        int k = 5;
        for (FieldTerm term : eq.terms()) {
            double e = eq.energy(term, state);
            r[k++] = e;
            total += e;
        }
        r[4] = total;
        if (wallSign != 0) {
            r[k++] = LlgSolver.wallPosition(grid, state, wallSign) * 1e9;
        }
        eq.effectiveField(state);
        r[k] = eq.maxTorqueField(state);
        return r;
    }

    private void snapshot(Path dir, double[] m, double t, int index, OvfEncoding encoding, boolean images) {
        int n = grid.cells();
        double[] values = new double[3 * n];
        for (int i = 0; i < n; i++) {
            values[3 * i] = m[i];
            values[3 * i + 1] = m[n + i];
            values[3 * i + 2] = m[2 * n + i];
        }
        OvfMesh mesh = OvfMesh.of(grid.nx(), grid.ny(), grid.nz(), grid.dx(), grid.dy(), grid.dz());
        OvfField f = new OvfField(mesh, 3, values, "m",
                List.of(String.format(Locale.ROOT, "Total simulation time: %.10g s", t),
                        "spintorque llg " + ProgramInfo.version()),
                List.of("m_x", "m_y", "m_z"), List.of("1", "1", "1"));
        String name = String.format(Locale.ROOT, "m%06d", index);
        OvfWriter.write(dir.resolve(name + ".ovf"), f, encoding);
        if (images) {
            MagnetizationImage.write(dir.resolve(name + ".png"), grid, m, grid.nz() / 2);
        }
    }

    private void writeTable(Path dir) {
        CsvTable csv = new CsvTable(headers);
        for (double[] r : rows) {
            List<Double> cells = new ArrayList<>(r.length);
            for (double v : r) {
                cells.add(v);
            }
            csv.addRow(cells);
        }
        AtomicFiles.writeString(dir.resolve("table.csv"), csv.render());
    }

    private void finish(Path dir) {
        double[] t = rows.stream().mapToDouble(r -> r[0]).toArray();
        LinePlot plot = new LinePlot("Average magnetization", "t [ns]", "<m>");
        String[] names = {"<mx>", "<my>", "<mz>"};
        for (int c = 0; c < 3; c++) {
            int col = c + 1;
            plot.add(new LinePlot.Series(names[c], t, rows.stream().mapToDouble(r -> r[col]).toArray()));
        }
        if (t.length > 0) {
            plot.write(dir.resolve("averages"));
        }
        AtomicFiles.writeString(dir.resolve("input.toml"), input.asToml());
        AtomicFiles.writeString(dir.resolve("summary.json"), JsonOutput.render(summary()));
    }

    public Map<String, Object> summary() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("program", ProgramInfo.name());
        doc.put("version", ProgramInfo.version());
        doc.put("command", "llg");
        doc.put("input_file", input.origin());
        doc.put("input", input.asTables());
        doc.put("random_seeds", Map.of()); // deterministic
        Map<String, Object> g = new LinkedHashMap<>();
        g.put("cells", new int[] {grid.nx(), grid.ny(), grid.nz()});
        g.put("cell_size", Map.of("value", new double[] {grid.dx() * 1e9, grid.dy() * 1e9, grid.dz() * 1e9},
                "unit", "nm"));
        g.put("demag", demagMode);
        doc.put("grid", g);
        doc.put("drive", drive.summary());
        if (relaxation != null) {
            doc.put("relaxation", Map.of("method", "damping".equals(input.text("time.relax_method"))
                    ? "damped flow without precession (Dormand-Prince)" : "Barzilai-Borwein steepest descent",
                    "iterations_or_steps",
                    relaxation.steps(), "max_torque", Map.of("value", relaxation.maxTorque(), "unit", "A/m"),
                    "converged", relaxation.completed()));
        }
        doc.put("results", results);
        doc.put("integration", Map.of("method", "Dormand-Prince 5(4), adaptive, |m| renormalized each step",
                "tolerance", input.number("time.tolerance", "")));
        doc.put("conventions", Map.of(
                "equation", "dm/dt = -gamma0 m x H_eff + alpha m x dm/dt - (u.grad)m + beta m x (u.grad)m",
                "u", "u = g mu_B P j/(2 e Ms) along [current] electron_flow; textures move along u",
                "mumax3", "MuMax3 J = (Jx, 0, 0), Pol = P, xi = beta is electron_flow = [-1, 0, 0] with "
                        + "u = mu_B P |Jx| / (e Ms (1 + xi^2)) (docs/llg.md)",
                "table", "averages over the cells; energies per term; wall position from <m_x>"));
        doc.put("notes", notes);
        return doc;
    }

    /** The printed summary. */
    public String table() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "grid %s, demag %s, u = %s m/s, beta = %g, alpha = %g%n", grid,
                demagMode, java.util.Arrays.toString(drive.u().toArray()), drive.beta(), drive.material().alpha()));
        if (relaxation != null) {
            sb.append(String.format(Locale.ROOT, "relaxed in %d iterations or steps to max |m x H| = %.3g A/m%n",
                    relaxation.steps(), relaxation.maxTorque()));
        }
        double[] avg = (double[]) results.get("m_final");
        sb.append(String.format(Locale.ROOT, "t = %.6g ns: <m> = (%.6f, %.6f, %.6f), %d steps (%d rejected), "
                        + "%.3g cell steps/s%n", outcome.time() * 1e9, avg[0], avg[1], avg[2], outcome.steps(),
                outcome.rejected(), (double) results.get("cell_steps_per_second")));
        if (results.containsKey("velocity")) {
            sb.append(String.format(Locale.ROOT, "wall velocity %.6g m/s%n", (double) results.get("velocity")));
        }
        for (String note : notes) {
            sb.append("note: ").append(note).append('\n');
        }
        return sb.toString();
    }

    public boolean completed() {
        return outcome.completed();
    }

    public Map<String, Object> results() {
        return results;
    }
}
