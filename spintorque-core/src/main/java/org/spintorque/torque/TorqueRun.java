package org.spintorque.torque;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import org.spintorque.config.InputException;
import org.spintorque.config.ResolvedInput;
import org.spintorque.hamiltonian.TightBindingSystem;
import org.spintorque.linalg.LinearAlgebra;
import org.spintorque.linalg.LinearAlgebras;
import org.spintorque.observables.SpinContinuity;
import org.spintorque.output.AtomicFiles;
import org.spintorque.output.CsvTable;
import org.spintorque.output.JsonOutput;
import org.spintorque.output.ProgramInfo;
import org.spintorque.output.ProgressListener;
import org.spintorque.transport.BlockTridiagonal;
import org.spintorque.transport.RecursiveGreenFunction;

/**
 * {@code spintorque run} as a library call: build the model, solve every requested Fermi energy (thermal
 * average when k_B T > 0), read the torque, and write the output folder. Every energy is solved before the
 * first file is written.
 */
public final class TorqueRun {
    private final ResolvedInput input;
    private final LatticeRunParameters params;
    private final List<TorqueReport> reports;
    private final Map<String, Object> timings;
    private final String backend;

    private TorqueRun(ResolvedInput input, LatticeRunParameters params, List<TorqueReport> reports,
                      Map<String, Object> timings, String backend) {
        this.input = input;
        this.params = params;
        this.reports = reports;
        this.timings = timings;
        this.backend = backend;
    }

    public List<TorqueReport> reports() {
        return reports;
    }

    public LatticeRunParameters parameters() {
        return params;
    }

    public static TorqueRun run(ResolvedInput input, ProgressListener progress) {
        long t0 = System.nanoTime();
        LatticeRunParameters params = LatticeRunParameters.fromInput(input);
        TightBindingSystem system = params.system();
        BlockTridiagonal open = TorqueCalculation.openSystem(system);
        long need = RecursiveGreenFunction.memoryEstimateBytes(open);
        long heap = Runtime.getRuntime().maxMemory();
        int workers = params.temperature() > 0 ? Math.max(1, Runtime.getRuntime().availableProcessors()) : 1;
        if (need * workers > 0.8 * heap) {
            throw new InputException(String.format("the system needs about %.1f GB for the recursive Green's "
                    + "function (%d slices of %d states, %d energies at once) but the Java heap is %.1f GB; "
                    + "reduce lattice.width/height or run with SPINTORQUE_JAVA_OPTS=-Xmx<size>",
                    need * workers / 1e9, params.lattice().length(), params.lattice().sliceDimension(), workers,
                    heap / 1e9));
        }
        LinearAlgebra la = LinearAlgebras.best();
        SpinContinuity continuity = new SpinContinuity(system);
        long t1 = System.nanoTime();
        List<TorqueReport> reports = new ArrayList<>();
        ExecutorService pool = TorqueCalculation.pool();
        try {
            double[] es = params.energies();
            for (int k = 0; k < es.length; k++) {
                final int index = k;
                EnergySolution s = TorqueCalculation.solveThermal(system, open, continuity, es[k],
                        params.temperature(), params.injection(), la, pool,
                        (d, t, l) -> progress.progress(index * t + d, (long) es.length * t, l));
                reports.add(new TorqueReport(params, s));
            }
        } finally {
            pool.shutdownNow();
        }
        long t2 = System.nanoTime();
        Map<String, Object> timings = new LinkedHashMap<>();
        timings.put("setup_s", (t1 - t0) * 1e-9);
        timings.put("solve_s", (t2 - t1) * 1e-9);
        timings.put("per_energy_s", (t2 - t1) * 1e-9 / params.energies().length);
        return new TorqueRun(input, params, List.copyOf(reports), timings, la.name());
    }

    /** summary.json as a map. */
    public Map<String, Object> summary() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("program", ProgramInfo.name());
        doc.put("version", ProgramInfo.version());
        doc.put("command", "run");
        doc.put("input_file", input.origin());
        doc.put("input", input.asTables());
        doc.put("random_seeds", Map.of()); // no disorder terms yet
        doc.put("units", "lattice units: energies in t, lengths in a, hbar = e = 1; every density, current and "
                + "torque is per unit bias (eV = 1), sigma units (hbar/2 = 1) for spin");
        doc.put("injection", params.injection().configName());
        doc.put("terms", params.system().termNames());
        TorqueReport first = reports.get(0);
        doc.putAll(first.summary());
        if (reports.size() > 1) {
            List<Map<String, Object>> per = new ArrayList<>();
            for (TorqueReport r : reports) {
                per.add(r.summary());
            }
            doc.put("energies", per);
        }
        doc.put("linear_algebra", backend);
        doc.put("timings", timings);
        doc.put("notes", params.notes());
        return doc;
    }

    /** Writes the output folder (per-energy subfolders energy-1, ... when several energies were asked). */
    public void write(Path dir) {
        if (reports.size() == 1) {
            reports.get(0).write(dir);
        } else {
            for (int k = 0; k < reports.size(); k++) {
                reports.get(k).write(dir.resolve("energy-" + (k + 1)));
            }
            CsvTable t = new CsvTable(List.of("energy [t]", "transmission [1]", "P_fit [1]", "P_current_left [1]",
                    "c_a [t]", "c_n [t]", "beta [1]", "max_continuity_residual [1]"));
            for (TorqueReport r : reports) {
                TorqueFit.Result f = r.fit();
                t.addRow(java.util.Arrays.asList(r.solution().energy(), r.solution().transmissionLR(),
                        f == null ? null : f.polarization(r.current()), r.polarizationLeft(),
                        f == null ? null : f.ca(), f == null ? null : f.cn(), r.betaDefined() ? f.beta() : null,
                        r.continuityResidual()));
            }
            AtomicFiles.writeString(dir.resolve("energies.csv"), t.render());
        }
        AtomicFiles.writeString(dir.resolve("summary.json"), JsonOutput.render(summary()));
        AtomicFiles.writeString(dir.resolve("input.toml"), "# resolved input of spintorque run "
                + ProgramInfo.version() + "\n" + input.asToml());
    }

    /** A readable summary for the terminal. */
    public String table() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("%s, %d x %d x %d sites, %d orbital(s), terms %s, injection %s, linear algebra %s%n",
                params.lattice().kind().name().toLowerCase(java.util.Locale.ROOT), params.lattice().length(),
                params.lattice().width(), params.lattice().height(), params.lattice().orbitals(),
                params.system().termNames(), params.injection().configName(), backend));
        sb.append(String.format("%10s %12s %10s %10s %10s %12s %12s %12s %10s%n", "E [t]", "T", "P_fit",
                "P_left", "P_right", "c_a", "c_n", "beta", "residual"));
        for (TorqueReport r : reports) {
            TorqueFit.Result f = r.fit();
            sb.append(String.format("%10.4f %12.6f %10s %10.6f %10.6f %12s %12s %12s %10.2e%n", r.solution().energy(),
                    r.solution().transmissionLR(), f == null ? "-" : String.format("%.6f", f.polarization(r.current())),
                    r.polarizationLeft(), r.polarizationRight(), f == null ? "-" : String.format("%.5e", f.ca()),
                    f == null ? "-" : String.format("%.5e", f.cn()), r.betaDefined() ? String.format("%.5e", f.beta()) : "-",
                    r.continuityResidual()));
            for (String w : r.solution().warnings()) {
                sb.append("warning: ").append(w).append('\n');
            }
        }
        return sb.toString();
    }
}
