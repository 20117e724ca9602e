package org.spintorque.wannier;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
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
import org.spintorque.output.ProgressListener;

/**
 * {@code spintorque bands}: the first check of a Wannier model. Bands along a k-path, the density of states
 * from a Gaussian-broadened sum over a Gamma-centred k-mesh, the Fermi energy, the electron count at it (per
 * spin along z, and the spin moment), the eigenvalues at Gamma and the sizes of the charge, exchange and
 * spin-orbit parts. Everything is computed before the first file is written, so bad input leaves nothing.
 */
public final class BandsCalculation {
    private final ResolvedInput input;
    private final WannierModel model;
    private final double fermiEnergy;
    private final String fermiSource;
    private final BandStructure bands;
    private final MeshSpectrum mesh;
    private final double sigma;
    private final double[] grid;
    private final double[][] dos;
    private final double[] countsAtFermi;
    private final double stepCount;
    private final Double electrons;
    private final Double fermiForElectrons;
    private final double[] countsForElectrons;
    private final double[] gamma;
    private final SpinParts parts;
    private final List<String> notes;
    private final double seconds;

    private BandsCalculation(ResolvedInput input, WannierModel model, double fermiEnergy, String fermiSource,
                             BandStructure bands, MeshSpectrum mesh, double sigma, double[] grid, double[][] dos,
                             Double electrons, List<String> notes, double seconds) {
        this.input = input;
        this.model = model;
        this.fermiEnergy = fermiEnergy;
        this.fermiSource = fermiSource;
        this.bands = bands;
        this.mesh = mesh;
        this.sigma = sigma;
        this.grid = grid;
        this.dos = dos;
        this.countsAtFermi = mesh.counts(fermiEnergy, sigma);
        this.stepCount = mesh.electrons(fermiEnergy, 0);
        this.electrons = electrons;
        this.fermiForElectrons = electrons == null ? null : mesh.fermiLevel(electrons, sigma);
        this.countsForElectrons = electrons == null ? null : mesh.counts(fermiForElectrons, sigma);
        this.gamma = BandStructure.at(model, 0, 0, 0);
        this.parts = model.spinParts();
        this.notes = notes;
        this.seconds = seconds;
    }

    /** The parameters of {@code spintorque bands}, with units, defaults and meaning. */
    public static ParameterSchema schema() {
        return wannierParameters(ParameterSchema.builder())
                .text("bands.path", "auto", "k-path: auto (the win kpoint_path, else the standard path of a cubic "
                        + "lattice) or labels like G-H-N-G-P-H|P-N (bcc: G H N P; fcc: G X W K L U; sc: G X M R)")
                .number("bands.points", "1", 300.0, "points along the whole path, >= 2")
                .number("bands.emin", "eV", -10.0, "lower end of the plotted energies, relative to the Fermi energy")
                .number("bands.emax", "eV", 8.0, "upper end of the plotted energies, relative to the Fermi energy")
                .numbers("dos.mesh", "1", new double[] {16}, "k-mesh n (n x n x n) or n1, n2, n3; Gamma-centred")
                .number("dos.broadening", "eV", 0.1, "Gaussian broadening sigma of the DOS and of the occupations, > 0")
                .number("dos.step", "eV", 0.01, "energy step of dos.csv, > 0")
                .build();
    }

    /** The [wannier] table shared by the commands that read a Wannier model (bands, material). */
    public static ParameterSchema.Builder wannierParameters(ParameterSchema.Builder b) {
        return b
                .text("wannier.hr", "", "Wannier90 _hr.dat (or _tb.dat) of a spinless or spinor model; .gz read "
                        + "as is; relative paths from the config file")
                .text("wannier.tb", "", "Wannier90 _tb.dat instead of hr (carries the lattice, so win is optional)")
                .text("wannier.wsvec", "", "Wannier90 _wsvec.dat of hr/tb (minimal-distance replica corrections); "
                        + "empty: plain 1/deg weights")
                .text("wannier.up", "", "spin-up Hamiltonian (_hr.dat or _tb.dat) of a collinear model")
                .text("wannier.down", "", "spin-down Hamiltonian of a collinear model")
                .text("wannier.up_wsvec", "", "_wsvec.dat of the up Hamiltonian")
                .text("wannier.down_wsvec", "", "_wsvec.dat of the down Hamiltonian")
                .text("wannier.centres", "", "Wannier90 _centres.xyz (Angstrom), kept with the model")
                .text("wannier.win", "", "Wannier90 .win: lattice (unit_cell_cart), fermi_energy, spinors, "
                        + "kpoint_path")
                .number("wannier.fermi_energy", "eV", null, "Fermi energy; default: fermi_energy of the win file")
                .number("wannier.electrons", "1", null, "valence electrons per cell in the model; when given, the "
                        + "Fermi level that holds them is reported too")
                .text("wannier.spinors", "auto", "whether hr is a spinor model (auto: the win file's spinors flag)",
                        "auto", "true", "false")
                .text("wannier.spin_order", "interleaved", "order of spinor Wannier functions: interleaved (up, down "
                        + "per orbital, Wannier90 3.x) or blocked (all up, then all down)", "interleaved", "blocked")
                .number("wannier.hermiticity_tolerance", "eV", HoppingTable.HERMITICITY_TOLERANCE,
                        "largest accepted |H_mn(R) - conj(H_nm(-R))|");
    }

    /** A Wannier model as read from the [wannier] table, with its win file (or null). */
    public record Loaded(WannierModel model, WinFile win, WannierReader.Files files) { }

    /** Reads the model of the [wannier] table; every problem is an {@link InputException} naming the key. */
    public static Loaded load(ResolvedInput in, List<String> notes) {
        Path hr = file(in, "wannier.hr");
        Path tb = file(in, "wannier.tb");
        if (hr != null && tb != null) {
            throw new InputException("wannier.hr and wannier.tb are both given: give one Hamiltonian");
        }
        Path single = hr != null ? hr : tb;
        Path up = file(in, "wannier.up");
        Path down = file(in, "wannier.down");
        if (single == null && (up == null || down == null)) {
            throw new InputException("no Hamiltonian: give wannier.hr (or wannier.tb) for a spinless or spinor model,"
                    + " or wannier.up and wannier.down for a collinear pair");
        }
        if (single != null && (up != null || down != null)) {
            throw new InputException("wannier." + (hr != null ? "hr" : "tb") + " and wannier.up/down are both given:"
                    + " give one Hamiltonian or a collinear pair");
        }
        String sp = in.text("wannier.spinors");
        Boolean spinors = sp.equals("auto") ? null : Boolean.valueOf(sp.equals("true"));
        double tol = positive(in, "wannier.hermiticity_tolerance");
        WannierReader.Files files = new WannierReader.Files(single, file(in, "wannier.wsvec"), up,
                file(in, "wannier.up_wsvec"), down, file(in, "wannier.down_wsvec"), file(in, "wannier.centres"),
                file(in, "wannier.win"), spinors, WannierReader.SpinOrder.parse(in.text("wannier.spin_order")), tol);
        WannierModel model;
        WinFile win;
        try {
            model = WannierReader.read(files);
            win = files.win() == null ? null : WinFile.read(files.win());
        } catch (WannierFormatException e) {
            throw new InputException("cannot use the Wannier model: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new InputException(e.getMessage(), e);
        }
        if (model.spinStructure() == SpinStructure.COLLINEAR && files.upWsvec() == null) {
            notes.add("collinear pair read without wsvec files: plain 1/deg weights (exact when all centres sit on "
                    + "the atoms)");
        }
        return new Loaded(model, win, files);
    }

    /** Reads the model, computes bands, DOS and counts. */
    public static BandsCalculation run(ResolvedInput in, ProgressListener progress) {
        long t0 = System.nanoTime();
        List<String> notes = new ArrayList<>();
        Loaded loaded = load(in, notes);
        WannierModel model = loaded.model();
        WinFile win = loaded.win();
        WannierReader.Files files = loaded.files();
        Double electrons = in.optionalNumber("wannier.electrons").orElse(null);
        if (electrons != null && !(electrons > 0 && electrons < model.dimension())) {
            throw new InputException("wannier.electrons = " + electrons + ": must lie between 0 and "
                    + model.dimension() + " (the number of bands, spin included)");
        }
        double sigma = positive(in, "dos.broadening");
        int[] n = mesh(in);
        int points = (int) Math.round(in.number("bands.points", ""));
        if (points < 2) {
            throw new InputException("bands.points = " + points + ": need at least 2");
        }
        KPath path = path(in.text("bands.path"), model, win, points);
        BandStructure bands = BandStructure.compute(model, path);
        MeshSpectrum spectrum = MeshSpectrum.compute(model, n[0], n[1], n[2], progress);
        double ef;
        String source;
        if (in.optionalNumber("wannier.fermi_energy").isPresent()) {
            ef = in.number("wannier.fermi_energy", "");
            source = "input";
        } else if (win != null && win.fermiEnergy() != null) {
            ef = win.fermiEnergy();
            source = "fermi_energy of " + files.win().getFileName();
        } else if (electrons != null) {
            ef = spectrum.fermiLevel(electrons, sigma);
            source = "filling " + electrons + " electrons on the mesh";
        } else {
            throw in.missing("wannier.fermi_energy", "the win file has none either; or give wannier.electrons");
        }
        double step = positive(in, "dos.step");
        double lo = spectrum.minEnergy() - 6 * sigma;
        double hi = spectrum.maxEnergy() + 6 * sigma;
        double gridPoints = Math.ceil((hi - lo) / step) + 1;
        if (gridPoints > 2e6) {
            throw new InputException("dos.step = " + step + " eV: " + (long) gridPoints + " energies from " + lo + " to "
                    + hi + " eV are too many; use a step of at least " + (hi - lo) / 2e6 + " eV");
        }
        int ng = (int) gridPoints;
        double[] grid = new double[ng];
        for (int g = 0; g < ng; g++) {
            grid[g] = lo + g * step;
        }
        double[][] dos = spectrum.dos(grid, sigma);
        return new BandsCalculation(in, model, ef, source, bands, spectrum, sigma, grid, dos, electrons, notes,
                (System.nanoTime() - t0) * 1e-9);
    }

    static KPath path(String spec, WannierModel model, WinFile win, int points) {
        double[][] b = model.reciprocal();
        KPath.Cubic kind = KPath.cubic(model.lattice());
        try {
            if (spec.equals("auto")) {
                if (win != null && !win.path().isEmpty()) {
                    return KPath.through(win.path(), b, points);
                }
                if (kind == KPath.Cubic.OTHER) {
                    throw new InputException("bands.path = \"auto\": the win file has no kpoint_path and the lattice "
                            + "is not sc, bcc or fcc; give the path, e.g. bands.path = \"G-X|Y-G\" with points "
                            + "from the win file's kpoint_path");
                }
                spec = KPath.standardPath(kind);
            }
            Map<String, double[]> pts = new LinkedHashMap<>();
            if (kind != KPath.Cubic.OTHER) {
                pts.putAll(KPath.fractional(KPath.cubicPoints(kind), model.lattice(),
                        KPath.cubicConstant(model.lattice(), kind)));
            }
            if (win != null) {
                for (WinFile.PathSegment s : win.path()) {
                    pts.putIfAbsent(s.fromLabel(), s.from());
                    pts.putIfAbsent(s.toLabel(), s.to());
                }
            }
            return KPath.through(spec, pts, b, points);
        } catch (IllegalArgumentException e) {
            throw new InputException("bands.path = \"" + spec + "\": " + e.getMessage(), e);
        }
    }

    private static int[] mesh(ResolvedInput in) {
        double[] m = in.numbers("dos.mesh");
        if (m.length != 1 && m.length != 3) {
            throw new InputException("dos.mesh = " + Arrays.toString(m) + ": give one number n (n x n x n) or three");
        }
        int[] n = new int[3];
        for (int a = 0; a < 3; a++) {
            double v = m[m.length == 1 ? 0 : a];
            if (v < 1 || v != Math.rint(v) || v > 1000) {
                throw new InputException("dos.mesh = " + Arrays.toString(m) + ": each entry must be a whole number "
                        + "from 1 to 1000");
            }
            n[a] = (int) v;
        }
        return n;
    }

    private static double positive(ResolvedInput in, String path) {
        double v = in.number(path, "");
        if (!(v > 0)) {
            throw new InputException(path + " = " + v + " " + in.schema().get(path).unitLabel() + ": must be > 0");
        }
        return v;
    }

    /** The input as TOML with every file name replaced by its absolute path, so that it re-runs from anywhere. */
    static String absolutePaths(ResolvedInput in) {
        StringBuilder out = new StringBuilder();
        for (String line : in.asToml().split("\n", -1)) {
            String key = line.contains(" = ") ? line.substring(0, line.indexOf(" = ")) : "";
            String path = "wannier." + key;
            if (in.schema().find(path).isPresent() && !in.schema().get(path).isNumeric() && FILE_KEYS.contains(key)) {
                Path p = file(in, path);
                if (p != null) {
                    line = key + " = \"" + p.toAbsolutePath().toString().replace("\\", "/") + "\""
                            + line.substring(line.indexOf('"', line.indexOf('"') + 1) + 1);
                }
            }
            out.append(line).append('\n');
        }
        return out.substring(0, out.length() - 1);
    }

    private static final List<String> FILE_KEYS = List.of("hr", "tb", "wsvec", "up", "down", "up_wsvec",
            "down_wsvec", "centres", "win");

    /**
     * A file parameter, or null when empty. A relative path given in the config file is taken relative to the
     * file's folder; one given with --set, relative to the working directory.
     */
    static Path file(ResolvedInput in, String key) {
        String s = in.text(key);
        if (s.isBlank()) {
            return null;
        }
        Path p = Path.of(s);
        ResolvedInput.Value v = in.values().get(key);
        if (!p.isAbsolute() && v.source() == ResolvedInput.Source.FILE) {
            Path base = Path.of(in.origin()).toAbsolutePath().getParent();
            if (base != null) {
                p = base.resolve(s).normalize();
            }
        }
        if (!Files.isRegularFile(p)) {
            throw new InputException(key + " = \"" + s + "\": the file " + p + " does not exist");
        }
        return p;
    }

    public WannierModel model() {
        return model;
    }

    public double fermiEnergy() {
        return fermiEnergy;
    }

    /** {N, N_up, N_down, m_x, m_y, m_z} at the Fermi energy, see {@link MeshSpectrum#counts}. */
    public double[] countsAtFermi() {
        return countsAtFermi.clone();
    }

    public BandStructure bands() {
        return bands;
    }

    public MeshSpectrum spectrum() {
        return mesh;
    }

    /** DOS at the Fermi energy {total, up, down} (states per eV per cell), interpolated on the grid. */
    public double[] dosAtFermi() {
        double step = grid[1] - grid[0];
        double t = (fermiEnergy - grid[0]) / step;
        int g = Math.max(0, Math.min(grid.length - 2, (int) Math.floor(t)));
        double w = t - g;
        return new double[] {dos[0][g] * (1 - w) + dos[0][g + 1] * w, dos[1][g] * (1 - w) + dos[1][g + 1] * w,
            dos[2][g] * (1 - w) + dos[2][g + 1] * w};
    }

    /** The JSON summary. */
    public Map<String, Object> summary() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("program", ProgramInfo.name());
        doc.put("version", ProgramInfo.version());
        doc.put("command", "bands");
        doc.put("input_file", input.origin());
        doc.put("input", input.asTables());
        doc.put("random_seeds", Map.of());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("spin_structure", model.spinStructure().name().toLowerCase(Locale.ROOT));
        m.put("orbitals_per_spin", model.orbitals());
        m.put("dimension", model.dimension());
        m.put("lattice_angstrom", model.lattice());
        KPath.Cubic kind = KPath.cubic(model.lattice());
        m.put("bravais", kind.name().toLowerCase(Locale.ROOT));
        if (kind != KPath.Cubic.OTHER) {
            m.put("cubic_constant_angstrom", KPath.cubicConstant(model.lattice(), kind));
        }
        m.put("cells", model.cells().size());
        m.put("basis", "orbital o, spin s (up, down along z): index 2 o + s");
        m.put("fourier_convention", "H(k) = sum_R exp(2 pi i k.R) H(R), k fractional, phases from the cell vector"
                + " R only (not the Wannier centres)");
        m.put("files", model.info());
        doc.put("model", m);
        doc.put("fermi_energy", value(fermiEnergy, "eV", "Fermi energy (" + fermiSource + ")"));
        doc.put("electrons_at_fermi", countsAtFermi[0]);
        doc.put("electrons_at_fermi_up", countsAtFermi[1]);
        doc.put("electrons_at_fermi_down", countsAtFermi[2]);
        double[] mom = {countsAtFermi[3], countsAtFermi[4], countsAtFermi[5]};
        doc.put("magnetic_moment", mom);
        doc.put("magnetic_moment_abs", Math.sqrt(mom[0] * mom[0] + mom[1] * mom[1] + mom[2] * mom[2]));
        double[] df = dosAtFermi();
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("electrons_at_fermi", value(countsAtFermi[0], "1", "electrons per cell below E_F: integrated "
                + "DOS, Gaussian occupations erfc((eps - E_F)/sigma)/2"));
        results.put("electrons_at_fermi_up", value(countsAtFermi[1], "1", "spin-up (along z) electrons per cell, "
                + "sum f (1 + <sigma_z>)/2"));
        results.put("electrons_at_fermi_down", value(countsAtFermi[2], "1", "spin-down electrons per cell"));
        results.put("electrons_at_fermi_step", value(stepCount, "1", "electrons per cell below E_F with step "
                + "occupations on the same mesh (sigma -> 0)"));
        results.put("magnetic_moment_x", value(mom[0], "mu_B", "spin moment per cell sum f <sigma_x> (g = 2, "
                + "spin-density sign: along the majority spin)"));
        results.put("magnetic_moment_y", value(mom[1], "mu_B", "spin moment per cell, y"));
        results.put("magnetic_moment_z", value(mom[2], "mu_B", "spin moment per cell, z"));
        results.put("dos_at_fermi", value(df[0], "1/(eV cell)", "density of states at E_F, both spins"));
        results.put("dos_at_fermi_up", value(df[1], "1/(eV cell)", "spin-up density of states at E_F"));
        results.put("dos_at_fermi_down", value(df[2], "1/(eV cell)", "spin-down density of states at E_F"));
        if (electrons != null) {
            results.put("fermi_energy_for_electrons", value(fermiForElectrons, "eV", "the Fermi level holding "
                    + electrons + " electrons per cell on this mesh and broadening"));
            results.put("magnetic_moment_z_for_electrons", value(countsForElectrons[5], "mu_B",
                    "spin moment along z at that Fermi level"));
        }
        doc.put("results", results);
        doc.put("gamma_eigenvalues_eV", gamma);
        List<Map<String, Object>> sizes = new ArrayList<>();
        for (SpinParts.Size s : parts.sizes()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("part", s.part());
            e.put("frobenius_eV", s.frobenius());
            e.put("onsite_frobenius_eV", s.onsiteFrobenius());
            e.put("max_abs_element_eV", s.maxAbs());
            e.put("max_at_R", s.cell());
            e.put("max_at_row_col", new int[] {s.row() + 1, s.col() + 1});
            sizes.add(e);
        }
        Map<String, Object> sp = new LinkedHashMap<>();
        sp.put("definition", "H(R) = sum_a h_a(R) (x) sigma^a; charge h_0 (x) 1; exchange (time-reversal odd) "
                + "sum_a Re h_a (x) sigma^a (collinear: (h_up - h_dn)/2 (x) sigma^z); spin-orbit (time-reversal "
                + "even) sum_a i Im h_a (x) sigma^a; charge_odd: Im h_0, kept in the charge part");
        sp.put("magnetization_axis", parts.axis() == null ? null : parts.axis().toArray());
        sp.put("sizes", sizes);
        doc.put("spin_parts", sp);
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("method", "Gaussian-broadened sum over a Gamma-centred k-mesh");
        d.put("mesh", mesh.mesh());
        d.put("k_points", mesh.kPoints());
        d.put("broadening_eV", sigma);
        doc.put("dos", d);
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("path", bands.path().describe());
        double[] ticks = new double[bands.path().ticks().length];
        for (int i = 0; i < ticks.length; i++) {
            ticks[i] = bands.path().distance()[bands.path().ticks()[i]];
        }
        p.put("tick_distances_inverse_angstrom", ticks);
        p.put("points", bands.path().fractional().length);
        doc.put("bands", p);
        doc.put("notes", notes);
        doc.put("seconds", seconds);
        return doc;
    }

    private static Map<String, Object> value(double v, String unit, String description) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("value", v);
        e.put("unit", unit);
        e.put("description", description);
        return e;
    }

    /** Writes summary.json, bands.csv, dos.csv, input.toml, bands.png/svg and dos.png/svg. */
    public void write(Path dir) {
        KPath path = bands.path();
        int nb = model.dimension();
        List<String> head = new ArrayList<>(List.of("k_distance [1/Angstrom]", "k1 [rlu]", "k2 [rlu]", "k3 [rlu]",
                "label"));
        for (int b = 0; b < nb; b++) {
            head.add("E_" + (b + 1) + " [eV]");
        }
        for (int b = 0; b < nb; b++) {
            head.add("sz_" + (b + 1) + " [1]");
        }
        CsvTable bc = new CsvTable(head);
        Map<Integer, String> labelAt = new LinkedHashMap<>();
        for (int i = 0; i < path.ticks().length; i++) {
            labelAt.put(path.ticks()[i], path.labels()[i]);
        }
        for (int i = 0; i < path.fractional().length; i++) {
            List<Object> row = new ArrayList<>(List.of(path.distance()[i], path.fractional()[i][0],
                    path.fractional()[i][1], path.fractional()[i][2], labelAt.getOrDefault(i, "")));
            for (double e : bands.energies()[i]) {
                row.add(e);
            }
            for (double s : bands.spinZ()[i]) {
                row.add(s);
            }
            bc.addRow(row);
        }
        CsvTable dc = new CsvTable(List.of("E [eV]", "E_minus_EF [eV]", "dos [1/(eV cell)]", "dos_up [1/(eV cell)]",
                "dos_down [1/(eV cell)]", "integrated_dos [1/cell]"));
        double integrated = 0;
        double step = grid[1] - grid[0];
        for (int g = 0; g < grid.length; g++) {
            integrated += g == 0 ? 0 : 0.5 * step * (dos[0][g] + dos[0][g - 1]);
            dc.addRow(List.of(grid[g], grid[g] - fermiEnergy, dos[0][g], dos[1][g], dos[2][g], integrated));
        }
        AtomicFiles.writeString(dir.resolve("bands.csv"), bc.render());
        AtomicFiles.writeString(dir.resolve("dos.csv"), dc.render());
        AtomicFiles.writeString(dir.resolve("input.toml"), "# resolved input of spintorque bands "
                + ProgramInfo.version() + " (file names made absolute)\n" + absolutePaths(input));
        bandsPlot().write(dir.resolve("bands"));
        dosPlot().write(dir.resolve("dos"));
        AtomicFiles.writeString(dir.resolve("summary.json"), JsonOutput.render(summary()));
    }

    private LinePlot bandsPlot() {
        KPath path = bands.path();
        double emin = input.number("bands.emin", "");
        double emax = input.number("bands.emax", "");
        int np = path.fractional().length;
        int nb = model.dimension();
        double[] x = new double[nb * (np + 1)];
        double[] y = new double[nb * (np + 1)];
        int k = 0;
        for (int b = 0; b < nb; b++) {
            for (int i = 0; i < np; i++) {
                double e = bands.energies()[i][b] - fermiEnergy;
                boolean jump = i > 0 && path.distance()[i] == path.distance()[i - 1];
                x[k] = path.distance()[i];
                y[k++] = jump || e < emin - 2 || e > emax + 2 ? Double.NaN : e;
            }
            x[k] = path.distance()[np - 1];
            y[k++] = Double.NaN;
        }
        double xEnd = path.distance()[np - 1];
        List<double[]> verticals = new ArrayList<>();
        for (int i = 0; i < path.ticks().length; i++) {
            double d = path.distance()[path.ticks()[i]];
            verticals.add(new double[] {d, emin, d, emax});
        }
        LinePlot plot = new LinePlot("Bands of the Wannier model (" + model.spinStructure().name().toLowerCase(Locale.ROOT)
                + ")", "k along " + path.describe() + " [1/Angstrom]", "E - E_F [eV]");
        plot.add(new LinePlot.Series("bands", x, y));
        plot.add(lines("E_F = " + String.format(Locale.ROOT, "%.4f eV", fermiEnergy),
                List.of(new double[] {0, 0, xEnd, 0})));
        if (!verticals.isEmpty()) {
            plot.add(lines(path.describe(), verticals));
        }
        return plot;
    }

    private LinePlot dosPlot() {
        double emin = input.number("bands.emin", "");
        double emax = input.number("bands.emax", "");
        List<Double> xs = new ArrayList<>();
        List<double[]> ys = new ArrayList<>();
        double top = 0;
        for (int g = 0; g < grid.length; g++) {
            double e = grid[g] - fermiEnergy;
            if (e >= emin && e <= emax) {
                xs.add(e);
                ys.add(new double[] {dos[0][g], dos[1][g], dos[2][g]});
                top = Math.max(top, dos[0][g]);
            }
        }
        double[] x = xs.stream().mapToDouble(Double::doubleValue).toArray();
        if (x.length < 2) {
            x = new double[] {emin, emax};
            ys = List.of(new double[3], new double[3]);
        }
        LinePlot plot = new LinePlot("Density of states (Gaussian sigma = " + sigma + " eV, mesh "
                + mesh.mesh()[0] + "x" + mesh.mesh()[1] + "x" + mesh.mesh()[2] + ")", "E - E_F [eV]",
                "DOS [1/(eV cell)]");
        plot.add(new LinePlot.Series("total", x, column(ys, 0)));
        if (model.spinStructure() != SpinStructure.SPINLESS) {
            plot.add(new LinePlot.Series("spin up (z)", x, column(ys, 1)));
            plot.add(new LinePlot.Series("spin down (z)", x, column(ys, 2)));
        }
        plot.add(lines("E_F", List.of(new double[] {0, 0, 0, top})));
        return plot;
    }

    /**
     * Dashed straight lines {x0, y0, x1, y1} as one series, separated by gaps; drawn with enough points that
     * the plot shows them as lines, not as markers.
     */
    private static LinePlot.Series lines(String name, List<double[]> segments) {
        int per = 64;
        double[] x = new double[segments.size() * (per + 1)];
        double[] y = new double[x.length];
        int k = 0;
        for (double[] s : segments) {
            for (int i = 0; i < per; i++) {
                double t = i / (per - 1.0);
                x[k] = s[0] + t * (s[2] - s[0]);
                y[k++] = s[1] + t * (s[3] - s[1]);
            }
            x[k] = s[2];
            y[k++] = Double.NaN;
        }
        return new LinePlot.Series(name, x, y, true);
    }

    private static double[] column(List<double[]> rows, int c) {
        double[] r = new double[rows.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = rows.get(i)[c];
        }
        return r;
    }

    /** A readable summary for the terminal. */
    public String table() {
        StringBuilder sb = new StringBuilder();
        double[] c = countsAtFermi;
        double[] df = dosAtFermi();
        sb.append(String.format(Locale.ROOT, "%s model, %d orbitals per spin, %d cells, %s lattice%n",
                model.spinStructure().name().toLowerCase(Locale.ROOT), model.orbitals(), model.cells().size(),
                KPath.cubic(model.lattice()).name().toLowerCase(Locale.ROOT)));
        sb.append(String.format(Locale.ROOT, "E_F = %.4f eV (%s)%n", fermiEnergy, fermiSource));
        sb.append(String.format(Locale.ROOT, "electrons at E_F: %.4f (up %.4f, down %.4f; step occupations %.4f), "
                + "mesh %dx%dx%d, Gaussian sigma %.3g eV%n", c[0], c[1], c[2], stepCount, mesh.mesh()[0],
                mesh.mesh()[1], mesh.mesh()[2], sigma));
        sb.append(String.format(Locale.ROOT, "spin moment (%.4f, %.4f, %.4f) mu_B, |m| = %.4f mu_B%n", c[3], c[4],
                c[5], Math.sqrt(c[3] * c[3] + c[4] * c[4] + c[5] * c[5])));
        sb.append(String.format(Locale.ROOT, "DOS at E_F: %.4f /eV (up %.4f, down %.4f)%n", df[0], df[1], df[2]));
        if (electrons != null) {
            sb.append(String.format(Locale.ROOT, "%.4g electrons fill the model up to %.4f eV (m_z = %.4f mu_B)%n",
                    electrons, fermiForElectrons, countsForElectrons[5]));
        }
        StringBuilder g = new StringBuilder();
        for (double e : gamma) {
            g.append(String.format(Locale.ROOT, " %.4f", e));
        }
        sb.append("Gamma eigenvalues [eV]:").append(g).append('\n');
        for (SpinParts.Size s : parts.sizes()) {
            sb.append(s).append('\n');
        }
        for (String n : notes) {
            sb.append("note: ").append(n).append('\n');
        }
        return sb.toString();
    }
}
