package org.spintorque.torque;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.LongAdder;
import org.spintorque.config.InputException;
import org.spintorque.config.ResolvedInput;
import org.spintorque.ensemble.Ensemble;
import org.spintorque.ensemble.EnsembleResult;
import org.spintorque.ensemble.EnsembleRunner;
import org.spintorque.ensemble.Sample;
import org.spintorque.hamiltonian.TightBindingSystem;
import org.spintorque.linalg.LinearAlgebra;
import org.spintorque.linalg.LinearAlgebras;
import org.spintorque.observables.SpinContinuity;
import org.spintorque.output.AtomicFiles;
import org.spintorque.output.CsvTable;
import org.spintorque.output.JsonOutput;
import org.spintorque.output.ProgramInfo;
import org.spintorque.output.ProgressListener;
import org.spintorque.relaxation.LatticeRelaxationTheory;
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
    private final List<EnsembleResult> ensembles;

    private TorqueRun(ResolvedInput input, LatticeRunParameters params, List<TorqueReport> reports,
                      Map<String, Object> timings, String backend, List<EnsembleResult> ensembles) {
        this.input = input;
        this.params = params;
        this.reports = reports;
        this.timings = timings;
        this.backend = backend;
        this.ensembles = ensembles;
    }

    /** The disorder ensemble of each energy (empty without disorder). */
    public List<EnsembleResult> ensembles() {
        return ensembles;
    }

    public List<TorqueReport> reports() {
        return reports;
    }

    public LatticeRunParameters parameters() {
        return params;
    }

    /** A clean (disorder-free) run; with disorder use {@link #run(ResolvedInput, ProgressListener, Path, boolean)}. */
    public static TorqueRun run(ResolvedInput input, ProgressListener progress) {
        return run(input, progress, null, false);
    }

    /**
     * @param dir    output directory, where a disorder ensemble keeps its checkpoint (needed with disorder)
     * @param resume continue an interrupted ensemble from its checkpoint
     */
    public static TorqueRun run(ResolvedInput input, ProgressListener progress, Path dir, boolean resume) {
        long t0 = System.nanoTime();
        LatticeRunParameters params = LatticeRunParameters.fromInput(input);
        TightBindingSystem system = params.system();
        BlockTridiagonal open = TorqueCalculation.openSystem(system);
        long need = RecursiveGreenFunction.memoryEstimateBytes(open);
        long heap = Runtime.getRuntime().maxMemory();
        int workers = params.temperature() > 0 || params.disorder().any()
                ? Math.max(1, Runtime.getRuntime().availableProcessors()) : 1;
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
        List<EnsembleResult> ensembles = new ArrayList<>();
        ExecutorService pool = TorqueCalculation.pool();
        RealizationClock clock = new RealizationClock();
        try {
            final double[] es = params.energies();
            final boolean disordered = params.disorder().any();
            if (disordered) {
                if (dir == null) {
                    throw new IllegalArgumentException("a disorder ensemble needs an output directory");
                }
                for (int k = 0; k < es.length; k++) {
                    Path edir = es.length == 1 ? dir : dir.resolve("energy-" + (k + 1));
                    final int index = k;
                    ensembles.add(ensemble(input, params, es[k], la, edir, resume,
                            (d, t, l) -> progress.progress(index * t + d, (long) es.length * t, l), clock));
                    // realization 0 stands for the site, bond and slice files
                    TightBindingSystem s0 = params.system(0);
                    reports.add(new TorqueReport(params, TorqueCalculation.solveThermal(s0,
                            TorqueCalculation.openSystem(s0), new SpinContinuity(s0), es[k], params.temperature(),
                            params.injection(), la, pool, ProgressListener.NONE)));
                }
            }
            for (int k = 0; k < (disordered ? 0 : es.length); k++) {
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
        if (clock.count().sum() > 0) {
            // one worker thread's time per realization (both solves of a mirror pair), averaged
            timings.put("per_realization_s", clock.meanSeconds());
            timings.put("realizations_computed", clock.count().sum());
        }
        return new TorqueRun(input, params, List.copyOf(reports), timings, la.name(), List.copyOf(ensembles));
    }

    /** One realization's numbers: what the ensemble averages. */
    static Sample sample(TorqueReport r) {
        Sample.Builder b = Sample.builder()
                .scalar("transmission", r.solution().transmissionLR())
                .scalar("particle_current", r.current())
                .scalar("P_current_left", r.polarizationLeft())
                .scalar("P_current_right", r.polarizationRight())
                .scalar("max_continuity_residual", r.continuityResidual());
        TorqueFit.Result f = r.fit();
        if (f != null) {
            b.scalar("c_a", f.ca()).scalar("c_n", f.cn()).scalar("P_fit", f.polarization(r.current()));
            if (r.betaDefined()) {
                b.scalar("beta", f.beta());
            }
            double relaxation = 0;
            boolean sources = false;
            for (TorqueReport.Part p : r.parts()) {
                String key = p.name().replace("-div j_s", "divergence").replace("source ", "source_")
                        .replace(' ', '_');
                b.scalar("c_a[" + key + "]", p.fit().ca()).scalar("c_n[" + key + "]", p.fit().cn());
                if (key.startsWith("source_")) {
                    relaxation += p.fit().cn();
                    sources = true;
                }
                if (key.equals("divergence") && r.betaDefined()) {
                    b.scalar("beta[divergence]", p.fit().cn() / f.ca());
                }
            }
            if (sources && r.betaDefined()) {
                // the beta the relaxation sources alone give: the paper's mechanism, eqs. (28)-(29), (40)
                b.scalar("beta[relaxation]", relaxation / f.ca());
                b.scalar("c_n[relaxation]", relaxation);
                b.scalar("c_a*c_n[relaxation]", f.ca() * relaxation);
            }
            // products for the covariance of the ratio-of-means estimate of beta (see ratioOfMeans)
            b.scalar("c_a*c_n", f.ca() * f.cn());
            for (TorqueReport.Part p : r.parts()) {
                if (p.name().equals("-div j_s")) {
                    b.scalar("c_a*c_n[divergence]", f.ca() * p.fit().cn());
                }
            }
        }
        double[][] t = r.torqueProfile();
        double[] flat = new double[3 * t.length];
        for (int x = 0; x < t.length; x++) {
            System.arraycopy(t[x], 0, flat, 3 * x, 3);
        }
        return b.array("torque_profile", flat).build();
    }

    /** Time spent in the realizations computed by this run (not those restored from a checkpoint). */
    record RealizationClock(LongAdder nanos, LongAdder count) {
        RealizationClock() {
            this(new LongAdder(), new LongAdder());
        }

        double meanSeconds() {
            return count.sum() == 0 ? Double.NaN : nanos.sum() * 1e-9 / count.sum();
        }
    }

    static EnsembleResult ensemble(ResolvedInput input, LatticeRunParameters params, double energy, LinearAlgebra la,
                                   Path dir, boolean resume, ProgressListener progress, RealizationClock clock) {
        // the fingerprint names everything that changes a realization, but not the ensemble size
        String fingerprint = Integer.toHexString(input.with("disorder.realizations", 1,
                ResolvedInput.Source.DEFAULT).asToml().replaceAll("   # [a-z ]+", "").hashCode())
                + " E=" + energy;
        Ensemble e = Ensemble.of(fingerprint, params.disorder().seed(), params.disorder().realizations(), r -> {
            long start = System.nanoTime();
            try {
                return pairedRealization(params, (int) r.index(), energy, la);
            } finally {
                clock.nanos().add(System.nanoTime() - start);
                clock.count().increment();
            }
        });
        EnsembleRunner runner = new EnsembleRunner(EnsembleRunner.Options.defaults().resume(resume).progress(progress));
        return runner.run(e, dir);
    }

    /** Realization r at one energy, averaged with its mirror image when the input asks for pairs. */
    static Sample pairedRealization(LatticeRunParameters params, int index, double energy, LinearAlgebra la) {
        {
            Sample s = realization(params, index, false, energy, la);
            if (!params.disorder().mirror()) {
                return s;
            }
            Sample mirror = realization(params, index, true, energy, la);
            Sample pair = Sample.pairMean(s, mirror);
            if (!pair.hasScalar("beta") || !pair.hasScalar("c_a")) {
                return pair;
            }
            // beta of the pair is the ratio of its mean coefficients, not the mean of two ratios; products are
            // products of the pair's means
            Sample.Builder b = Sample.builder();
            pair.scalarNames().forEach(n -> {
                double v = pair.scalar(n);
                if (n.equals("beta")) {
                    v = pair.scalar("c_n") / pair.scalar("c_a");
                } else if (n.startsWith("beta[") && pair.hasScalar("c_n" + n.substring(4))) {
                    v = pair.scalar("c_n" + n.substring(4)) / pair.scalar("c_a");
                } else if (n.startsWith("c_a*")) {
                    v = pair.scalar("c_a") * pair.scalar(n.substring(4));
                }
                b.scalar(n, v);
            });
            pair.arrayNames().forEach(n -> b.array(n, pair.array(n)));
            return b.build();
        }
    }

    /** One solve of realization r (or of its mirror image) at one energy. */
    static Sample realization(LatticeRunParameters params, int r, boolean mirrored, double energy, LinearAlgebra la) {
        TightBindingSystem sys = params.system(r, mirrored);
        BlockTridiagonal open = TorqueCalculation.openSystem(sys);
        // at k_B T > 0 the Fermi window of this realization, one energy after the other in this worker
        EnergySolution s = TorqueCalculation.solveThermal(sys, open, new SpinContinuity(sys), energy,
                params.temperature(), params.injection(), la, null, ProgressListener.NONE);
        return sample(new TorqueReport(params, s));
    }

    /**
     * The headline numbers of the first energy as {mean, standard error}: the ensemble's estimates with disorder,
     * the clean fit (error 0) without. Names: transmission, P_fit, P_current_left, c_a, c_n, beta, and
     * c_a[part], c_n[part] for part = torque, divergence, source_&lt;term&gt;; beta_eq29 (error 0) when the
     * model has spin-flip impurities and the formula applies.
     */
    public Map<String, double[]> headline() {
        Map<String, double[]> h = new LinkedHashMap<>();
        TorqueReport r = reports.get(0);
        if (!ensembles.isEmpty()) {
            EnsembleResult en = ensembles.get(0);
            for (String q : en.scalarNames()) {
                if (!q.startsWith("c_a*")) {
                    h.put(q, new double[] {en.scalar(q).mean(), en.scalar(q).standardError()});
                }
            }
            for (String q : List.of("", "[relaxation]", "[divergence]")) {
                double[] b = ratioOfMeans(en, q);
                if (b != null) {
                    h.put("beta" + q, b);
                }
            }
        } else {
            Sample s = sample(r);
            for (String q : s.scalarNames()) {
                h.put(q, new double[] {s.scalar(q), 0});
            }
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        theory(doc);
        for (String k : List.of("beta_eq29", "beta_eq40")) {
            if (doc.get(k) instanceof Double d) {
                h.put(k, new double[] {d, 0});
            }
        }
        return h;
    }

    /**
     * beta of an ensemble as the ratio of the mean coefficients, {@code <c_n>/<c_a>}, with the delta-method
     * standard error {@code sqrt(var(c_n) - 2 R cov(c_a, c_n) + R^2 var(c_a)) / (|<c_a>| sqrt(N))}: the mean of
     * per-realization ratios is heavy-tailed when c_a of a strongly disordered sample comes near zero, the ratio
     * of means is not. {mean, standard error}, or null when the ensemble lacks the numbers.
     *
     * @param part "" for the whole torque, or "[relaxation]", "[divergence]"
     */
    static double[] ratioOfMeans(EnsembleResult en, String part) {
        String num = "c_n" + part;
        String prod = "c_a*c_n" + part;
        if (!en.hasScalar("c_a") || !en.hasScalar(num) || !en.hasScalar(prod)) {
            return null;
        }
        double n = en.scalar("c_a").count();
        double x = en.scalar("c_a").mean();
        double y = en.scalar(num).mean();
        double vx = Math.pow(en.scalar("c_a").standardDeviation(), 2);
        double vy = Math.pow(en.scalar(num).standardDeviation(), 2);
        // unbiased covariance from the mean of the products
        double cov = n > 1 ? (en.scalar(prod).mean() - x * y) * n / (n - 1) : Double.NaN;
        double r = y / x;
        double var = vy - 2 * r * cov + r * r * vx;
        return new double[] {r, n > 1 ? Math.sqrt(Math.max(var, 0) / n) / Math.abs(x) : Double.NaN};
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
        if (!ensembles.isEmpty()) {
            EnsembleResult en = ensembles.get(0);
            doc.put("realizations", en.realizations());
            doc.put("random_seeds", Map.of("disorder.seed", params.disorder().seed(),
                    "rule", "realization r is a pure function of (seed, r, site)" + (params.disorder().mirror()
                            ? "; each realization is averaged with its mirror image (random values negated)" : "")));
            for (String q : List.of("transmission", "P_fit", "P_current_left", "c_a", "c_n")) {
                if (en.hasScalar(q)) {
                    doc.put(q, finite(en.scalar(q).mean()));
                    doc.put(q + "_err", finite(en.scalar(q).standardError()));
                }
            }
            for (String q : List.of("", "[relaxation]", "[divergence]")) {
                double[] b = ratioOfMeans(en, q);
                if (b != null) {
                    String key = q.isEmpty() ? "beta" : "beta_" + q.substring(1, q.length() - 1);
                    doc.put(key, finite(b[0]));
                    doc.put(key + "_err", finite(b[1]));
                }
            }
            if (en.hasScalar("beta")) {
                doc.put("beta_mean_of_ratios", finite(en.scalar("beta").mean()));
                doc.put("beta_mean_of_ratios_err", finite(en.scalar("beta").standardError()));
            }
            doc.put("beta_estimator", "beta = <c_n>/<c_a> over the ensemble (ratio of means, delta-method error); "
                    + "beta_mean_of_ratios is the mean of the per-realization c_n/c_a");
            theory(doc);
            doc.put("ensemble", en.toMap());
            doc.put("files_show", "sites.csv, bonds.csv, slices.csv and the OVF files show realization 0");
            if (ensembles.size() > 1) {
                List<Map<String, Object>> per = new ArrayList<>();
                for (EnsembleResult r : ensembles) {
                    per.add(r.toMap());
                }
                doc.put("ensembles", per);
            }
        }
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

    /**
     * The paper's beta values for the lattice model next to the measured beta, when the model has spin-flip or
     * spin-orbit impurities: beta_eq29 (eq. (29) with the lattice DOS of the clean leads), beta_eq29_golden_rule
     * (1/(2 M tau_sf) with the golden-rule tau_sf), beta_eq40 (eq. (40) with the golden-rule spin-orbit rates and
     * the ballistic channel weights), and the lifetimes behind them ({@link LatticeRelaxationTheory}). Models
     * outside its class (Rashba, several orbitals) get a note instead.
     */
    private void theory(Map<String, Object> doc) {
        LatticeRunParameters.Disorder d = params.disorder();
        if (d.spinFlip() == null && d.spinOrbit() == null) {
            return;
        }
        double e = params.energies()[0];
        LatticeRelaxationTheory th;
        try {
            th = LatticeRelaxationTheory.of(params, e);
        } catch (IllegalArgumentException ex) {
            doc.put("beta_eq29", null);
            doc.put("beta_eq40", null);
            doc.put("beta_theory_note", "eqs. (29) and (40) are evaluated for one-orbital models of hopping, exchange "
                    + "and scalar potentials only: " + ex.getMessage());
            return;
        }
        if (d.spinFlip() != null) {
            doc.put("beta_eq29", th.betaEq29Dos());
            doc.put("beta_eq29_golden_rule", th.betaEq29GoldenRule());
            doc.put("nu_up", th.nuUp());
            doc.put("nu_dn", th.nuDn());
        }
        if (d.spinOrbit() != null) {
            doc.put("beta_eq40", th.betaEq40());
        }
        Map<String, Object> lt = new LinkedHashMap<>();
        lt.put("tau_up", th.tauUp());
        lt.put("tau_dn", th.tauDn());
        lt.put("tau_sf", th.tauSf());
        lt.put("tau_so_up", th.tauSoUp());
        lt.put("tau_so_dn", th.tauSoDn());
        lt.put("unit", "1/t (hbar = 1)");
        lt.put("notes", th.notes());
        doc.put("lifetimes", lt);
        doc.put("beta_theory_note", "for the first energy: beta_eq29 = (2 pi/3M) n_imp v_s^2 S_imp^2 (nu_+ + nu_-) with "
                + "the DOS per site and spin of the clean leads; beta_eq29_golden_rule = 1/(2 M tau_sf) with the "
                + "golden-rule tau_sf of the lead channels; beta_eq40 = (1/2M)(sum_+ Gamma_so - sum_- Gamma_so)/(N_+ "
                + "- N_-), eq. (40) with ballistic channel weights (docs/relaxation.md); beta above is c_n/c_a measured");
    }

    private static String est(EnsembleResult en, String q) {
        if (q.equals("beta")) {
            double[] b = ratioOfMeans(en, "");
            return b == null ? "-" : String.format("%.5g +- %.2g", b[0], b[1]);
        }
        return en.hasScalar(q) ? String.format("%.5g +- %.2g", en.scalar(q).mean(), en.scalar(q).standardError())
                : "-";
    }

    private static Object finite(double v) {
        return Double.isFinite(v) ? v : null;
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
            int k = reports.indexOf(r);
            if (k < ensembles.size()) {
                EnsembleResult en = ensembles.get(k);
                sb.append(String.format("  ensemble of %d realizations: P_fit %s, beta %s, c_a %s, c_n %s%n",
                        en.realizations(), est(en, "P_fit"), est(en, "beta"), est(en, "c_a"), est(en, "c_n")));
            }
            for (String w : r.solution().warnings()) {
                sb.append("warning: ").append(w).append('\n');
            }
        }
        return sb.toString();
    }
}
