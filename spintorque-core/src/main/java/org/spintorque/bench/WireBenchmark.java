package org.spintorque.bench;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.ref.Reference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.spintorque.config.ConfigReader;
import org.spintorque.config.ResolvedInput;
import org.spintorque.lattice.Lattice;
import org.spintorque.linalg.Benchmarks;
import org.spintorque.linalg.ComplexMatrix;
import org.spintorque.linalg.LinearAlgebra;
import org.spintorque.linalg.LinearAlgebras;
import org.spintorque.observables.DensityMatrix;
import org.spintorque.observables.ObservableField;
import org.spintorque.observables.SpinContinuity;
import org.spintorque.output.CsvTable;
import org.spintorque.output.ProgramInfo;
import org.spintorque.torque.EnergySolution;
import org.spintorque.torque.LatticeRunParameters;
import org.spintorque.torque.TorqueCalculation;
import org.spintorque.torque.TorqueReport;
import org.spintorque.transport.BlockTridiagonal;
import org.spintorque.transport.CellStates;
import org.spintorque.transport.Injection;
import org.spintorque.transport.RecursiveGreenFunction;

/**
 * The benchmark of the torque engine on the three-dimensional wire wall: a simple cubic wire of W x W sites
 * across and {@code length} slices between two leads, exchange M, a Bloch domain wall of width w in the
 * middle, one Fermi energy E (by default length 40, M = 0.5 t, w = 4 a, E = -3 t, the system of the
 * performance section of the torque-engine issue).
 *
 * <h2>What is timed</h2>
 * For each W the system is built once untimed and once timed ({@code setup}: the model from the same input
 * keys as {@code spintorque run}, its block-tridiagonal form and the continuity evaluator). Then, for each
 * backend in turn (side by side in one process), after {@code warmups} untimed energies, each of
 * {@code energies} timed energies is split into wall-clock stages:
 * <ol>
 *   <li>{@code leads}: both lead self-energies (constructing {@link RecursiveGreenFunction});
 *   <li>{@code backward}: the right-to-left recursion (one inversion per cell and the right-lead columns),
 *       triggered by {@link RecursiveGreenFunction#transmissionRL()};
 *   <li>{@code forward}: the left-to-right sweep with the density blocks {@code rho_xx} and
 *       {@code rho_{x+1,x}} of every cell, kept as site and bond blocks;
 *   <li>{@code observables}: {@link SpinContinuity#evaluate} on those blocks;
 *   <li>{@code fit}: the torque fit and profiles of {@link TorqueReport}.
 * </ol>
 * These are the steps {@link TorqueCalculation#solve} and {@code TorqueRun} take per energy; one more energy is
 * then timed through those library calls as a whole ({@code library solve}), so that any step they add shows
 * up as a difference. With more than one core, {@code cores} energies are also solved at once (one per thread,
 * as the thermal average does) and the wall time divided by their number is reported as the throughput per
 * energy.
 *
 * <h2>Floating-point operations counted for the recursive Green's function</h2>
 * Real operations (a complex multiply-add is 8), with N_k the size of cell k, m_L and m_R the open channels of
 * the leads, m = m_L + m_R: an N x N inversion by LU (zgetrf + zgetri) is 8 N^3 (8/3 N^3 for the factorization,
 * 16/3 N^3 for the inverse); a dense product of an a x b and a b x c matrix is 8 a b c; a product with a sparse
 * inter-slice hopping (nnz non-zeros, applied element-wise by the solver when nnz * 16 <= rows * cols) is
 * 8 nnz per column. Per energy: one inversion per cell; backward, g_k (C_k^dagger psi_R(k+1)) with m_R columns
 * and the sandwich C_k^dagger g_{k+1} C_k; forward, g_k (C_{k-1} psi(k-1)) with m columns; the density blocks
 * rho_xx = psi psi^dagger and rho_{x+1,x}, each 8 N^2 m (m_L for left injection); and the two transmissions.
 * Additions of diagonal blocks (O(N^2)) and the lead self-energies are not counted. The achieved rate is these
 * operations over the time of the backward and forward stages, compared with the zgemm rate of the same backend
 * on one thread ({@link Benchmarks#measureGemmGflops}) at n = N (the size the recursion works at) and at the
 * reference size; one energy runs on one thread.
 *
 * <h2>Memory</h2>
 * {@code peak heap} is the sum of the peak usages of the heap memory pools during the timed energies (an upper
 * bound that includes garbage not yet collected); {@code live heap} is the heap in use after a full collection
 * while the last energy's solver tables, density blocks and observables are still referenced; {@code estimate}
 * is {@link RecursiveGreenFunction#memoryEstimateBytes}.
 *
 * <h2>Interference</h2>
 * Each row also reports the garbage-collection pauses per timed energy and the CPU seconds that other processes
 * used on the machine while its energies were timed (from /proc/stat, where readable), so that a loaded machine
 * shows in the numbers instead of silently slowing them.
 */
public final class WireBenchmark {
    /** A hopping with nnz * SPARSE_FRACTION <= rows * cols is applied element-wise by the solver. */
    static final int SPARSE_FRACTION = 16;
    /** Floating-point work aimed at per zgemm measurement (about a second at 10 GFLOP/s). */
    private static final double GEMM_FLOPS_TARGET = 1e10;

    private WireBenchmark() {
    }

    /**
     * What to measure.
     *
     * @param widths        cross-sections W (W x W sites)
     * @param length        slices of the scattering region
     * @param exchange      M [t]
     * @param energy        Fermi energy E [t]
     * @param wallWidth     domain-wall width w [a]
     * @param wallType      "bloch" or "neel"
     * @param energies      timed energies per width and backend (E repeated; nothing is cached between energies)
     * @param warmups       untimed energies before them
     * @param backends      backend names, empty for every available backend
     * @param parallel      whether to also solve one energy per core at once
     * @param referenceSize n of the reference zgemm measurement
     */
    public record Config(List<Integer> widths, int length, double exchange, double energy, double wallWidth,
                         String wallType, int energies, int warmups, List<String> backends, boolean parallel,
                         int referenceSize) {
        public Config {
            widths = List.copyOf(widths);
            backends = List.copyOf(backends);
            if (widths.isEmpty()) {
                throw new IllegalArgumentException("give at least one width");
            }
            for (int w : widths) {
                if (w < 1) {
                    throw new IllegalArgumentException("width " + w + ": must be >= 1");
                }
            }
            if (length < 1 || energies < 1 || warmups < 0 || referenceSize < 1) {
                throw new IllegalArgumentException("need length >= 1, energies >= 1, warmups >= 0, reference size"
                        + " >= 1 (got " + length + ", " + energies + ", " + warmups + ", " + referenceSize + ")");
            }
        }

        /** W = 4, 8, ..., 24, length 40, M = 0.5, E = -3, Bloch wall of width 4, one timed energy after one
         *  warm-up, every backend, parallel throughput, reference zgemm at n = 576. */
        public static Config defaults() {
            return new Config(List.of(4, 8, 12, 16, 20, 24), 40, 0.5, -3.0, 4.0, "bloch", 1, 1, List.of(), true,
                    576);
        }

        public Config withWidths(List<Integer> w) {
            return new Config(w, length, exchange, energy, wallWidth, wallType, energies, warmups, backends, parallel,
                    referenceSize);
        }

        public Config withLength(int slices) {
            return new Config(widths, slices, exchange, energy, wallWidth, wallType, energies, warmups, backends,
                    parallel, referenceSize);
        }

        public Config withEnergies(int n) {
            return new Config(widths, length, exchange, energy, wallWidth, wallType, n, warmups, backends, parallel,
                    referenceSize);
        }

        public Config withWarmups(int n) {
            return new Config(widths, length, exchange, energy, wallWidth, wallType, energies, n, backends, parallel,
                    referenceSize);
        }

        public Config withBackends(List<String> names) {
            return new Config(widths, length, exchange, energy, wallWidth, wallType, energies, warmups, names,
                    parallel, referenceSize);
        }

        public Config withParallel(boolean p) {
            return new Config(widths, length, exchange, energy, wallWidth, wallType, energies, warmups, backends, p,
                    referenceSize);
        }

        public Config withReferenceSize(int n) {
            return new Config(widths, length, exchange, energy, wallWidth, wallType, energies, warmups, backends,
                    parallel, n);
        }

        /** The {@code spintorque run} parameters ({@code --set} strings) of the wire of width w. */
        public List<String> runSettings(int w) {
            return List.of("lattice.kind=cubic", "lattice.length=" + length, "lattice.width=" + w,
                    "lattice.height=" + w, "model.exchange=" + exchange, "texture.kind=domain-wall",
                    "texture.width=" + wallWidth, "texture.type=" + wallType, "transport.energy=" + energy);
        }
    }

    /** Wall-clock seconds of the stages of one energy (or their mean). */
    public record Stages(double leads, double backward, double forward, double observables, double fit) {
        static final Stages ZERO = new Stages(0, 0, 0, 0, 0);

        /** The recursive Green's function: backward + forward. */
        public double rgf() {
            return backward + forward;
        }

        /** Everything of one energy. */
        public double total() {
            return leads + backward + forward + observables + fit;
        }

        Stages plus(Stages o) {
            return new Stages(leads + o.leads, backward + o.backward, forward + o.forward,
                    observables + o.observables, fit + o.fit);
        }

        Stages scaled(double f) {
            return new Stages(leads * f, backward * f, forward * f, observables * f, fit * f);
        }
    }

    /** Real floating-point operations of one energy of the recursive Green's function (see the class comment). */
    public record FlopCount(double inversions, double denseProducts, double sparseProducts) {
        public double total() {
            return inversions + denseProducts + sparseProducts;
        }

        /** The count for this system, open channel numbers and injection. */
        public static FlopCount of(BlockTridiagonal system, int leftChannels, int rightChannels, Injection injection) {
            int n = system.length() + 1;
            double[] size = new double[n + 1];
            for (int k = 0; k <= n; k++) {
                size[k] = system.cellSize(k - 1);
            }
            double[] nnz = new double[n];
            boolean[] sparse = new boolean[n];
            for (int k = 0; k < n; k++) {
                ComplexMatrix c = system.hoppingToNext(k - 1);
                long count = 0;
                double[] d = c.data();
                for (int q = 0; q < d.length; q += 2) {
                    if (d[q] != 0 || d[q + 1] != 0) {
                        count++;
                    }
                }
                nnz[k] = count;
                sparse[k] = count * SPARSE_FRACTION <= (long) c.rows() * c.cols();
            }
            double mL = leftChannels;
            double mR = rightChannels;
            double m = mL + mR;
            double mRho = injection == Injection.LEFT ? mL : m;
            double inv = 0;
            double dense = 0;
            double sp = 0;
            for (int k = 0; k <= n; k++) {
                inv += 8 * size[k] * size[k] * size[k];
            }
            // backward: g_n W_R, then per cell the sandwich, C^dagger psi_R and g_k times it
            dense += 8 * size[n] * size[n] * mR;
            for (int k = n - 1; k >= 0; k--) {
                if (sparse[k]) {
                    sp += 8 * nnz[k] * (size[k + 1] + size[k]) + 8 * nnz[k] * mR;
                } else {
                    dense += 8 * size[k + 1] * size[k + 1] * size[k] + 8 * size[k] * size[k + 1] * size[k]
                            + 8 * size[k] * size[k + 1] * mR;
                }
                dense += 8 * size[k] * size[k] * mR;
            }
            // forward: g_0 W_L, then per cell C psi and g_k times it
            dense += 8 * size[0] * size[0] * mL;
            for (int k = 1; k <= n; k++) {
                if (sparse[k - 1]) {
                    sp += 8 * nnz[k - 1] * m;
                } else {
                    dense += 8 * size[k] * size[k - 1] * m;
                }
                dense += 8 * size[k] * size[k] * m;
            }
            // density blocks rho_xx and rho_{x+1,x}
            for (int k = 0; k <= n; k++) {
                dense += 8 * size[k] * size[k] * mRho;
                if (k < n) {
                    dense += 8 * size[k + 1] * size[k] * mRho;
                }
            }
            // T_LR and T_RL
            dense += 8 * mR * size[n] * mL + 8 * mL * size[0] * mR;
            return new FlopCount(inv, dense, sp);
        }
    }

    /** A measured zgemm rate: {@code threads} threads each multiplying their own n x n matrices at once. */
    public record GemmRate(String backend, int n, int threads, double gflops) { }

    /**
     * The machine the numbers were taken on.
     *
     * @param cores               processors available to the JVM
     * @param cpuModel            "model name" of /proc/cpuinfo (or os.arch when unreadable)
     * @param memoryBytes         MemTotal of /proc/meminfo, 0 when unreadable
     * @param jvm                 runtime name, vendor and version
     * @param os                  operating system name, version and architecture
     * @param maxHeapBytes        the JVM's maximum heap
     * @param backends            the linear-algebra backends and whether they work here
     * @param openblasEnvironment the OPENBLAS_* environment variables (OPENBLAS_CORETYPE selects the kernels of
     *                            the native backend; unset, OpenBLAS detects the processor)
     * @param loadAverage         the one-minute load average when the measurement started (-1 if unknown)
     */
    public record Machine(int cores, String cpuModel, long memoryBytes, String jvm, String os, long maxHeapBytes,
                          List<String> backends, Map<String, String> openblasEnvironment, double loadAverage) {
        public Machine {
            backends = List.copyOf(backends);
            openblasEnvironment = Collections.unmodifiableMap(new TreeMap<>(openblasEnvironment));
        }

        /** Reads this machine, with the current load average. */
        public static Machine detect() {
            return detect(systemLoad());
        }

        static Machine detect(double loadAverage) {
            String cpu = procField(Path.of("/proc/cpuinfo"), "model name");
            String mem = procField(Path.of("/proc/meminfo"), "MemTotal");
            long memBytes = 0;
            if (mem != null) {
                String[] parts = mem.trim().split("\\s+");
                try {
                    memBytes = Long.parseLong(parts[0]) * (parts.length > 1 && parts[1].equalsIgnoreCase("kB")
                            ? 1024L : 1L);
                } catch (NumberFormatException e) {
                    memBytes = 0;
                }
            }
            String jvm = System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version",
                    System.getProperty("java.version")) + " (" + System.getProperty("java.vendor") + ")";
            String os = System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                    + System.getProperty("os.arch");
            return new Machine(Runtime.getRuntime().availableProcessors(),
                    cpu == null ? System.getProperty("os.arch") : cpu, memBytes, jvm, os,
                    Runtime.getRuntime().maxMemory(), LinearAlgebras.describe(), readOpenblasEnvironment(),
                    loadAverage);
        }

        private static Map<String, String> readOpenblasEnvironment() {
            Map<String, String> env = new TreeMap<>();
            System.getenv().forEach((k, v) -> {
                if (k.startsWith("OPENBLAS_")) {
                    env.put(k, v);
                }
            });
            return env;
        }

        private static String procField(Path file, String key) {
            try {
                for (String line : Files.readAllLines(file)) {
                    int colon = line.indexOf(':');
                    if (colon > 0 && line.substring(0, colon).trim().equals(key)) {
                        return line.substring(colon + 1).trim();
                    }
                }
            } catch (IOException | RuntimeException e) {
                return null;
            }
            return null;
        }

        /** As a JSON-ready map. */
        public Map<String, Object> asMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("cores", cores);
            m.put("cpu_model", cpuModel);
            m.put("memory_GB", memoryBytes / 1e9);
            m.put("jvm", jvm);
            m.put("os", os);
            m.put("max_heap_GB", maxHeapBytes / 1e9);
            m.put("backends", backends);
            m.put("OPENBLAS_CORETYPE", openblasEnvironment.getOrDefault("OPENBLAS_CORETYPE",
                    "(unset: OpenBLAS detects the processor)"));
            m.put("openblas_environment", openblasEnvironment);
            m.put("load_average_1min_at_start", loadAverage);
            return m;
        }
    }

    /**
     * One width and one backend.
     *
     * @param width                 W
     * @param sliceStates           N = 2 W^2 states per slice
     * @param cells                 cells of the recursion (length + 2: the two lead surface cells included)
     * @param backend               backend name
     * @param leftChannels          open channels of the left lead
     * @param rightChannels         open channels of the right lead
     * @param timedEnergies         number of timed energies
     * @param setupSeconds          building the system (same for every backend)
     * @param stages                mean wall-clock seconds per energy, by stage
     * @param bestSeconds           the fastest timed energy, all stages
     * @param librarySolveSeconds   one more energy through {@link TorqueCalculation#solve} and
     *                              {@link TorqueReport}, the calls of {@code spintorque run}, timed as a whole
     * @param librarySolveTransmission its T_LR (equal to {@code transmission})
     * @param flops                 operations of the recursive Green's function per energy
     * @param zgemmAtSize           zgemm GFLOP/s of this backend, one thread, n = N
     * @param zgemmReference        zgemm GFLOP/s of this backend, one thread, n = the reference size
     * @param parallelThreads       energies solved at once for the throughput (0 if not measured)
     * @param parallelPerEnergy     wall time of those energies divided by their number (NaN if not measured)
     * @param gcSeconds             garbage-collection pauses per timed energy (mean)
     * @param otherCpuSeconds       CPU seconds used by other processes on the machine during the timed energies
     *                              (from /proc/stat; NaN where unavailable): a measure of interference
     * @param memoryEstimateBytes   the solver's own memory estimate
     * @param liveHeapBytes         heap in use after a full collection with one energy's state referenced
     * @param peakHeapBytes         sum of the heap pools' peak usages during the timed energies
     * @param transmission          T_LR
     * @param maxContinuityResidual largest |direct - continuity torque| component
     */
    public record Row(int width, int sliceStates, int cells, String backend, int leftChannels, int rightChannels,
                      int timedEnergies, double setupSeconds, Stages stages, double bestSeconds,
                      double librarySolveSeconds, double librarySolveTransmission, FlopCount flops,
                      double zgemmAtSize, double zgemmReference, int parallelThreads, double parallelPerEnergy,
                      double gcSeconds, double otherCpuSeconds, long memoryEstimateBytes, long liveHeapBytes,
                      long peakHeapBytes, double transmission, double maxContinuityResidual) {
        /** GFLOP/s of the recursive Green's function (backward + forward stages). */
        public double rgfGflops() {
            return flops.total() / stages.rgf() / 1e9;
        }

        /** The same operations over the whole energy (all stages). */
        public double energyGflops() {
            return flops.total() / stages.total() / 1e9;
        }

        /** rgfGflops / zgemm at n = N. */
        public double fractionOfZgemmAtSize() {
            return rgfGflops() / zgemmAtSize;
        }

        /** rgfGflops / zgemm at the reference size. */
        public double fractionOfReference() {
            return rgfGflops() / zgemmReference;
        }
    }

    /**
     * Everything measured in one run.
     *
     * @param config                what was measured
     * @param machine               where
     * @param backendProbeSeconds   loading and self-checking the backends (first use in the process)
     * @param coldSetupSeconds      the first system built in the process (class loading and JIT included)
     * @param references            zgemm at the reference size per backend, one thread and every core
     * @param rows                  per width and backend
     * @param loadAverageAfter      the one-minute load average at the end
     * @param wallSeconds           the whole measurement
     */
    public record Result(Config config, Machine machine, double backendProbeSeconds, double coldSetupSeconds,
                         List<GemmRate> references, List<Row> rows, double loadAverageAfter, double wallSeconds) {
        public Result {
            references = List.copyOf(references);
            rows = List.copyOf(rows);
        }

        /** The headers of {@link #csv()}, with units. */
        public static List<String> csvHeaders() {
            return List.of("W [a]", "slice_states [1]", "cells [1]", "backend", "channels_left [1]",
                    "channels_right [1]", "timed_energies [1]", "setup [s]", "leads [s]", "rgf_backward [s]",
                    "rgf_forward_density [s]", "observables [s]", "fit [s]", "per_energy [s]", "per_energy_best [s]",
                    "library_solve [s]",
                    "rgf_flops [GFLOP]", "inversion_flops [GFLOP]", "dense_product_flops [GFLOP]",
                    "sparse_product_flops [GFLOP]", "rgf_rate [GFLOP/s]", "energy_rate [GFLOP/s]",
                    "zgemm_at_N [GFLOP/s]", "rgf_fraction_of_zgemm_at_N [1]", "zgemm_reference [GFLOP/s]",
                    "rgf_fraction_of_zgemm_reference [1]", "parallel_energies [1]", "parallel_per_energy [s]",
                    "gc_pauses_per_energy [s]", "other_processes_cpu [s]",
                    "memory_estimate [MB]", "live_heap [MB]", "peak_heap [MB]", "transmission [1]",
                    "max_continuity_residual [1]");
        }

        /** One row per width and backend. */
        public String csv() {
            CsvTable t = new CsvTable(csvHeaders());
            for (Row r : rows) {
                Stages s = r.stages();
                t.addRow(Arrays.asList(r.width(), r.sliceStates(), r.cells(), r.backend(), r.leftChannels(),
                        r.rightChannels(), r.timedEnergies(), r.setupSeconds(), s.leads(), s.backward(), s.forward(),
                        s.observables(), s.fit(), s.total(), r.bestSeconds(), r.librarySolveSeconds(),
                        r.flops().total() / 1e9,
                        r.flops().inversions() / 1e9, r.flops().denseProducts() / 1e9,
                        r.flops().sparseProducts() / 1e9, r.rgfGflops(), r.energyGflops(), r.zgemmAtSize(),
                        r.fractionOfZgemmAtSize(), r.zgemmReference(), r.fractionOfReference(),
                        r.parallelThreads(), finiteOrNull(r.parallelPerEnergy()), r.gcSeconds(),
                        finiteOrNull(r.otherCpuSeconds()), r.memoryEstimateBytes() / 1e6,
                        r.liveHeapBytes() / 1e6, r.peakHeapBytes() / 1e6, r.transmission(),
                        r.maxContinuityResidual()));
            }
            return t.render();
        }

        /** summary.json as a map: program, machine, configuration, flop-count rules, references and rows. */
        public Map<String, Object> summary() {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("program", ProgramInfo.name());
            doc.put("version", ProgramInfo.version());
            doc.put("command", "bench");
            doc.put("machine", machine.asMap());
            Map<String, Object> cfg = new LinkedHashMap<>();
            cfg.put("system", "simple cubic wire, W x W sites across, hopping t = 1, Bloch domain wall, symmetric "
                    + "injection, exact lead self-energies (mode matching)");
            cfg.put("widths", config.widths());
            cfg.put("length", config.length());
            cfg.put("exchange_t", config.exchange());
            cfg.put("energy_t", config.energy());
            cfg.put("wall_width_a", config.wallWidth());
            cfg.put("wall_type", config.wallType());
            cfg.put("timed_energies", config.energies());
            cfg.put("warmup_energies", config.warmups());
            cfg.put("parallel", config.parallel());
            cfg.put("reference_zgemm_size", config.referenceSize());
            doc.put("configuration", cfg);
            doc.put("flop_count", "real operations: 8 N^3 per N x N inversion (LU), 8 a b c per dense a x b times"
                    + " b x c product, 8 nnz per column for products with sparse hoppings; rgf_rate = rgf_flops /"
                    + " (rgf_backward + rgf_forward_density); one energy runs on one thread, so the rate is compared"
                    + " with one-thread zgemm");
            doc.put("backend_probe_s", backendProbeSeconds);
            doc.put("cold_setup_s", coldSetupSeconds);
            List<Map<String, Object>> refs = new ArrayList<>();
            for (GemmRate g : references) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("backend", g.backend());
                m.put("n", g.n());
                m.put("threads", g.threads());
                m.put("GFLOP_per_s", g.gflops());
                refs.add(m);
            }
            doc.put("zgemm_reference", refs);
            List<Map<String, Object>> out = new ArrayList<>();
            for (Row r : rows) {
                Map<String, Object> m = new LinkedHashMap<>();
                Stages s = r.stages();
                m.put("W", r.width());
                m.put("slice_states", r.sliceStates());
                m.put("cells", r.cells());
                m.put("backend", r.backend());
                m.put("channels_left", r.leftChannels());
                m.put("channels_right", r.rightChannels());
                m.put("timed_energies", r.timedEnergies());
                m.put("setup_s", r.setupSeconds());
                m.put("leads_s", s.leads());
                m.put("rgf_backward_s", s.backward());
                m.put("rgf_forward_density_s", s.forward());
                m.put("observables_s", s.observables());
                m.put("fit_s", s.fit());
                m.put("per_energy_s", s.total());
                m.put("per_energy_best_s", r.bestSeconds());
                m.put("library_solve_s", r.librarySolveSeconds());
                m.put("rgf_GFLOP", r.flops().total() / 1e9);
                m.put("rgf_GFLOP_per_s", r.rgfGflops());
                m.put("energy_GFLOP_per_s", r.energyGflops());
                m.put("zgemm_at_N_GFLOP_per_s", r.zgemmAtSize());
                m.put("rgf_fraction_of_zgemm_at_N", r.fractionOfZgemmAtSize());
                m.put("zgemm_reference_GFLOP_per_s", r.zgemmReference());
                m.put("rgf_fraction_of_zgemm_reference", r.fractionOfReference());
                m.put("parallel_energies", r.parallelThreads());
                m.put("parallel_per_energy_s", finiteOrNull(r.parallelPerEnergy()));
                m.put("gc_pauses_per_energy_s", r.gcSeconds());
                m.put("other_processes_cpu_s", finiteOrNull(r.otherCpuSeconds()));
                m.put("memory_estimate_MB", r.memoryEstimateBytes() / 1e6);
                m.put("live_heap_MB", r.liveHeapBytes() / 1e6);
                m.put("peak_heap_MB", r.peakHeapBytes() / 1e6);
                m.put("transmission", r.transmission());
                m.put("max_continuity_residual", r.maxContinuityResidual());
                out.add(m);
            }
            doc.put("rows", out);
            doc.put("load_average_1min_at_end", loadAverageAfter);
            doc.put("wall_s", wallSeconds);
            return doc;
        }

        /** A table for the terminal. */
        public String table() {
            StringBuilder sb = new StringBuilder();
            sb.append(String.format(Locale.ROOT, "machine: %d cores, %s, %s, %s; load %.2f at start, %.2f at end%n",
                    machine.cores(), machine.cpuModel(), machine.jvm(), machine.os(), machine.loadAverage(),
                    loadAverageAfter));
            sb.append("OPENBLAS_* environment: ").append(machine.openblasEnvironment().isEmpty() ? "(none)"
                    : machine.openblasEnvironment().toString()).append('\n');
            for (GemmRate g : references) {
                sb.append(String.format(Locale.ROOT, "zgemm %-8s n = %4d, %d thread(s): %7.1f GFLOP/s%n", g.backend(),
                        g.n(), g.threads(), g.gflops()));
            }
            sb.append(String.format(Locale.ROOT, "wire: length %d, M = %s, E = %s, %s wall of width %s; seconds per "
                    + "energy (mean of %d after %d warm-up)%n", config.length(), config.exchange(), config.energy(),
                    config.wallType(), config.wallWidth(), config.energies(), config.warmups()));
            sb.append(String.format(Locale.ROOT, "%4s %5s %-8s %9s %7s %7s %8s %8s %7s %7s %8s %8s %8s %8s %8s %6s %8s"
                    + " %6s %6s %7s %7s %11s%n", "W", "N", "backend", "channels", "setup", "leads", "backward",
                    "forward", "obs", "fit", "energy", "library", "GFLOP", "RGF GF/s", "zgemm(N)", "frac", "2-core/E",
                    "gc", "other", "live MB", "peak MB", "T"));
            for (Row r : rows) {
                Stages s = r.stages();
                sb.append(String.format(Locale.ROOT, "%4d %5d %-8s %9s %7.3f %7.3f %8.3f %8.3f %7.3f %7.3f %8.3f "
                        + "%8.3f %8.2f %8.2f %8.2f %6.2f %8s %6.3f %6.2f %7.0f %7.0f %11.5f%n", r.width(),
                        r.sliceStates(), r.backend(), r.leftChannels() + "/" + r.rightChannels(), r.setupSeconds(),
                        s.leads(), s.backward(), s.forward(), s.observables(), s.fit(), s.total(),
                        r.librarySolveSeconds(), r.flops().total() / 1e9, r.rgfGflops(), r.zgemmAtSize(),
                        r.fractionOfZgemmAtSize(), Double.isFinite(r.parallelPerEnergy())
                                ? String.format(Locale.ROOT, "%.3f", r.parallelPerEnergy()) : "-",
                        r.gcSeconds(), r.otherCpuSeconds(), r.liveHeapBytes() / 1e6, r.peakHeapBytes() / 1e6,
                        r.transmission()));
            }
            return sb.toString();
        }
    }

    private static Object finiteOrNull(double v) {
        return Double.isFinite(v) ? v : null;
    }

    /** The wire of one width, built. */
    private record Wire(int width, LatticeRunParameters params, BlockTridiagonal open, SpinContinuity continuity) {
        static Wire build(Config c, int w) {
            ResolvedInput in = new ConfigReader(LatticeRunParameters.schema()).read(null, c.runSettings(w));
            LatticeRunParameters p = LatticeRunParameters.fromInput(in);
            BlockTridiagonal open = TorqueCalculation.openSystem(p.system());
            return new Wire(w, p, open, new SpinContinuity(p.system()));
        }
    }

    /** One solved energy: its stage times and, to measure the live heap, its state. */
    private record Solved(Stages stages, RecursiveGreenFunction rgf, CompactDensity rho, ObservableField field,
                          TorqueReport report, double transmission) { }

    /**
     * Runs the benchmark.
     *
     * @param config what to measure
     * @param log    receives a line after each measurement
     * @throws IllegalArgumentException for an unknown backend name
     * @throws IllegalStateException if a named backend does not work here
     */
    public static Result run(Config config, Consumer<String> log) {
        long start = System.nanoTime();
        double loadBefore = systemLoad();
        long t0 = System.nanoTime();
        List<LinearAlgebra> backends = new ArrayList<>();
        if (config.backends().isEmpty()) {
            backends.addAll(LinearAlgebras.available());
        } else {
            for (String name : config.backends()) {
                backends.add(LinearAlgebras.byName(name));
            }
        }
        double probe = (System.nanoTime() - t0) * 1e-9;
        Machine machine = Machine.detect(loadBefore);
        log.accept(String.format(Locale.ROOT, "backends %s (loaded and checked in %.3f s)",
                backends.stream().map(LinearAlgebra::name).toList(), probe));
        long t1 = System.nanoTime();
        Wire.build(config, config.widths().get(0));
        double cold = (System.nanoTime() - t1) * 1e-9;
        log.accept(String.format(Locale.ROOT, "first system (W = %d) built in %.3f s in a cold JVM",
                config.widths().get(0), cold));

        int cores = Runtime.getRuntime().availableProcessors();
        List<GemmRate> references = new ArrayList<>();
        Map<String, Double> referenceRate = new LinkedHashMap<>();
        for (LinearAlgebra la : backends) {
            int n = config.referenceSize();
            double one = gemmRate(la, n, 1);
            references.add(new GemmRate(la.name(), n, 1, one));
            referenceRate.put(la.name(), one);
            log.accept(String.format(Locale.ROOT, "zgemm %s n = %d, 1 thread: %.1f GFLOP/s", la.name(), n, one));
            if (cores > 1) {
                double all = gemmRate(la, n, cores);
                references.add(new GemmRate(la.name(), n, cores, all));
                log.accept(String.format(Locale.ROOT, "zgemm %s n = %d, %d threads: %.1f GFLOP/s", la.name(), n,
                        cores, all));
            }
        }

        List<Row> rows = new ArrayList<>();
        for (int w : config.widths()) {
            Wire.build(config, w); // untimed: classes and code of this size warmed up
            long b0 = System.nanoTime();
            Wire wire = Wire.build(config, w);
            double setup = (System.nanoTime() - b0) * 1e-9;
            for (LinearAlgebra la : backends) {
                Row row = measure(config, wire, setup, la, referenceRate.get(la.name()), cores, log);
                rows.add(row);
                log.accept(String.format(Locale.ROOT, "W = %d, %s: %.3f s per energy (RGF %.3f s, %.2f GFLOP/s ="
                        + " %.0f%% of zgemm at N = %d)", w, la.name(), row.stages().total(), row.stages().rgf(),
                        row.rgfGflops(), 100 * row.fractionOfZgemmAtSize(), row.sliceStates()));
            }
        }
        double loadAfter = systemLoad();
        return new Result(config, machine, probe, cold, references, rows, loadAfter,
                (System.nanoTime() - start) * 1e-9);
    }

    private static Row measure(Config config, Wire wire, double setup, LinearAlgebra la, double reference, int cores,
                               Consumer<String> log) {
        int size = wire.open().cellSize(0);
        double zgemm = gemmRate(la, size, 1);
        log.accept(String.format(Locale.ROOT, "W = %d, %s: zgemm n = %d, 1 thread: %.1f GFLOP/s", wire.width(),
                la.name(), size, zgemm));
        for (int i = 0; i < config.warmups(); i++) {
            solve(wire, la);
        }
        resetHeapPeaks();
        double gc0 = gcSeconds();
        CpuMeter meter = CpuMeter.start();
        Stages sum = Stages.ZERO;
        double best = Double.POSITIVE_INFINITY;
        Solved last = null;
        for (int i = 0; i < config.energies(); i++) {
            last = null;
            Solved s = solve(wire, la);
            sum = sum.plus(s.stages());
            best = Math.min(best, s.stages().total());
            last = s;
        }
        double other = meter.otherSeconds();
        double gc = (gcSeconds() - gc0) / config.energies();
        long peak = heapPeaks();
        long live = liveHeap();
        Reference.reachabilityFence(last);
        Stages mean = sum.scaled(1.0 / config.energies());
        int mL = last.rgf().leftLead().openChannels();
        int mR = last.rgf().rightLead().openChannels();
        FlopCount flops = FlopCount.of(wire.open(), mL, mR, wire.params().injection());
        double transmission = last.transmission();
        double residual = last.field().maxContinuityResidual();
        long estimate = RecursiveGreenFunction.memoryEstimateBytes(wire.open());
        last = null;

        // the same energy through the library call spintorque run makes, for comparison with the stages
        long p0 = System.nanoTime();
        EnergySolution solution = TorqueCalculation.solve(wire.params().system(), wire.open(), wire.continuity(),
                wire.params().energies()[0], wire.params().injection(), la);
        new TorqueReport(wire.params(), solution);
        double production = (System.nanoTime() - p0) * 1e-9;

        int threads = 0;
        double parallel = Double.NaN;
        long heap = Runtime.getRuntime().maxMemory();
        if (config.parallel() && cores > 1) {
            if (cores * (double) estimate <= 0.6 * heap) {
                threads = cores;
                parallel = parallelPerEnergy(wire, la, cores);
            } else {
                log.accept(String.format(Locale.ROOT, "W = %d, %s: %d energies at once would need about %.1f GB of"
                        + " the %.1f GB heap; not measured", wire.width(), la.name(), cores, cores * estimate / 1e9,
                        heap / 1e9));
            }
        }
        return new Row(wire.width(), size, wire.open().cellCount(), la.name(), mL, mR, config.energies(), setup,
                mean, best, production, solution.transmissionLR(), flops, zgemm, reference, threads, parallel, gc,
                other, estimate, live, peak, transmission, residual);
    }

    /** One energy, stage by stage. */
    private static Solved solve(Wire wire, LinearAlgebra la) {
        double e = wire.params().energies()[0];
        Injection injection = wire.params().injection();
        long t0 = System.nanoTime();
        RecursiveGreenFunction rgf = new RecursiveGreenFunction(wire.open(), e, la);
        long t1 = System.nanoTime();
        double trl = rgf.transmissionRL();
        long t2 = System.nanoTime();
        CompactDensity rho = new CompactDensity(wire.params().lattice());
        rgf.sweep(cell -> rho.accept(cell, injection));
        long t3 = System.nanoTime();
        ObservableField field = wire.continuity().evaluate(rho);
        long t4 = System.nanoTime();
        double tlr = rgf.transmissionLR();
        TorqueReport report = new TorqueReport(wire.params(),
                new EnergySolution(rgf.energy(), tlr, trl, field, List.copyOf(rgf.warnings())));
        long t5 = System.nanoTime();
        Stages s = new Stages((t1 - t0) * 1e-9, (t2 - t1) * 1e-9, (t3 - t2) * 1e-9, (t4 - t3) * 1e-9,
                (t5 - t4) * 1e-9);
        return new Solved(s, rgf, rho, field, report, tlr);
    }

    /** Wall time of {@code threads} energies solved at once, one per thread, divided by their number. */
    private static double parallelPerEnergy(Wire wire, LinearAlgebra la, int threads) {
        ExecutorService pool = TorqueCalculation.pool();
        try {
            // start the threads (and their native buffers) before timing
            List<Future<?>> ready = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                ready.add(pool.submit(() -> { }));
            }
            waitAll(ready);
            long t0 = System.nanoTime();
            List<Future<?>> parts = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                parts.add(pool.submit(() -> solve(wire, la).transmission()));
            }
            waitAll(parts);
            return (System.nanoTime() - t0) * 1e-9 / threads;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void waitAll(List<Future<?>> futures) {
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }

    /**
     * zgemm GFLOP/s of {@code threads} threads at once, each multiplying its own n x n matrices (summed), with
     * about {@link #GEMM_FLOPS_TARGET} operations per thread (at most 10000 products) after the warm-up of
     * {@link Benchmarks#measureGemmGflops}.
     */
    public static double gemmRate(LinearAlgebra la, int n, int threads) {
        double perProduct = 8.0 * n * n * (double) n;
        int reps = (int) Math.max(3, Math.min(10_000, Math.ceil(GEMM_FLOPS_TARGET / perProduct)));
        if (threads <= 1) {
            return Benchmarks.measureGemmGflops(la, n, reps);
        }
        ExecutorService pool = TorqueCalculation.pool();
        try {
            List<Future<Double>> parts = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                parts.add(pool.submit(() -> Benchmarks.measureGemmGflops(la, n, reps)));
            }
            double sum = 0;
            for (Future<Double> f : parts) {
                try {
                    sum += f.get();
                } catch (ExecutionException e) {
                    throw new IllegalStateException(e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
            }
            return sum;
        } finally {
            pool.shutdownNow();
        }
    }

    private static double systemLoad() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static void resetHeapPeaks() {
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP && p.isValid()) {
                p.resetPeakUsage();
            }
        }
    }

    private static long heapPeaks() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP && p.isValid() && p.getPeakUsage() != null) {
                sum += p.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    private static double gcSeconds() {
        long ms = 0;
        for (GarbageCollectorMXBean b : ManagementFactory.getGarbageCollectorMXBeans()) {
            ms += Math.max(0, b.getCollectionTime());
        }
        return ms * 1e-3;
    }

    /**
     * CPU time of the rest of the machine: busy time of all processors from /proc/stat (in USER_HZ = 100 ticks
     * per second) minus this process's CPU time.
     */
    private record CpuMeter(double busy0, double own0) {
        static CpuMeter start() {
            return new CpuMeter(machineBusySeconds(), ownCpuSeconds());
        }

        double otherSeconds() {
            double busy = machineBusySeconds() - busy0;
            double own = ownCpuSeconds() - own0;
            return Double.isFinite(busy) && Double.isFinite(own) ? Math.max(0, busy - own) : Double.NaN;
        }

        private static double machineBusySeconds() {
            try {
                for (String line : Files.readAllLines(Path.of("/proc/stat"))) {
                    if (line.startsWith("cpu ")) {
                        String[] f = line.trim().split("\\s+");
                        // user nice system idle iowait irq softirq steal ...
                        long busy = 0;
                        for (int k = 1; k < f.length && k <= 8; k++) {
                            if (k != 4 && k != 5) {
                                busy += Long.parseLong(f[k]);
                            }
                        }
                        return busy / 100.0;
                    }
                }
            } catch (IOException | RuntimeException e) {
                return Double.NaN;
            }
            return Double.NaN;
        }

        private static double ownCpuSeconds() {
            java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
            if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
                long ns = sun.getProcessCpuTime();
                return ns < 0 ? Double.NaN : ns * 1e-9;
            }
            return Double.NaN;
        }
    }

    private static long liveHeap() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /**
     * The density blocks the observables ask for, cut out of each cell's streamed rho_xx and rho_{x+1,x} as
     * soon as the sweep delivers them: site blocks and the y, z and x bonds starting at each site (memory
     * linear in the number of sites).
     */
    static final class CompactDensity implements DensityMatrix {
        private final Lattice lattice;
        private final int block;
        private final int sps;
        private final ComplexMatrix[] sites;
        private final ComplexMatrix[] yBonds;
        private final ComplexMatrix[] zBonds;
        private final ComplexMatrix[] xBonds;

        CompactDensity(Lattice lattice) {
            this.lattice = lattice;
            this.block = lattice.blockSize();
            this.sps = lattice.sitesPerSlice();
            int n = (lattice.length() + 2) * sps;
            sites = new ComplexMatrix[n];
            yBonds = new ComplexMatrix[n];
            zBonds = new ComplexMatrix[n];
            xBonds = new ComplexMatrix[n];
        }

        /** Slot of site i: cells x = -1 .. length in order. */
        private int slot(int i) {
            return (lattice.x(i) + 1) * sps + Math.floorMod(i, sps);
        }

        void accept(CellStates cell, Injection injection) {
            int base = (cell.x() + 1) * sps;
            int w = lattice.width();
            int h = lattice.height();
            ComplexMatrix rho = cell.density(injection);
            for (int z = 0; z < h; z++) {
                for (int y = 0; y < w; y++) {
                    int l = z * w + y;
                    sites[base + l] = rho.block(l * block, l * block, block, block);
                    if (y + 1 < w) {
                        yBonds[base + l] = rho.block(l * block, (l + 1) * block, block, block);
                    }
                    if (z + 1 < h) {
                        zBonds[base + l] = rho.block(l * block, (l + w) * block, block, block);
                    }
                }
            }
            if (cell.hasNext()) {
                // the (l, l) block of rho_{x+1,x} is rho_ji for j = i + e_x; rho_ij is its conjugate transpose
                ComplexMatrix next = cell.bondDensity(injection);
                for (int l = 0; l < sps; l++) {
                    xBonds[base + l] = next.block(l * block, l * block, block, block).dagger();
                }
            }
        }

        @Override
        public ComplexMatrix site(int i) {
            return require(sites[slot(i)], "site " + i);
        }

        @Override
        public ComplexMatrix bond(int i, int j) {
            if (j < i) {
                return bond(j, i).dagger();
            }
            int d = j - i;
            int xi = lattice.x(i);
            int xj = lattice.x(j);
            ComplexMatrix m = null;
            if (xj == xi + 1 && d == sps) {
                m = xBonds[slot(i)];
            } else if (xj == xi && d == 1 && lattice.width() > 1) {
                m = yBonds[slot(i)];
            } else if (xj == xi && d == lattice.width()) {
                m = zBonds[slot(i)];
            }
            return require(m, "bond " + i + " -> " + j);
        }

        private static ComplexMatrix require(ComplexMatrix m, String what) {
            if (m == null) {
                throw new IllegalStateException("no density block for " + what);
            }
            return m;
        }
    }
}
