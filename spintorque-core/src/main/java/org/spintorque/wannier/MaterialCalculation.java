package org.spintorque.wannier;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.spintorque.config.InputException;
import org.spintorque.config.ParameterSchema;
import org.spintorque.config.ResolvedInput;
import org.spintorque.linalg.LinearAlgebra;
import org.spintorque.output.AtomicFiles;
import org.spintorque.output.CsvTable;
import org.spintorque.output.JsonOutput;
import org.spintorque.output.LinePlot;
import org.spintorque.output.ProgramInfo;
import org.spintorque.output.ProgressListener;

/**
 * {@code spintorque material}: the current polarization P and the non-adiabatic torque beta of a real crystal
 * from its Wannier model, by the k-space route, for one or several broadenings (disorder strengths): P from the
 * Kubo Fermi-surface conductivities ({@link KuboConductivity}), beta (and P again, from c_a = -P J) from the
 * torque on a spin spiral with Anderson and spin-flip disorder in the SCBA with vertex corrections
 * ({@link SpinSpiralResponse}). Per route the summary holds {@code P}, {@code beta} and {@code beta_err}; the
 * real-space route (a crystal wire between leads) is reported as not computed, with the reason, so that no number
 * is invented.
 */
public final class MaterialCalculation {
    private final ResolvedInput input;
    private final WannierModel model;
    private final double fermiEnergy;
    private final List<KuboConductivity.Result> results;
    private final List<SpiralBeta> spiral;
    private final List<SpinOrbitSpiral> spinOrbitSpiral;
    private final List<String> notes;
    private final double seconds;
    private final RealSpaceRoute realSpace;

    /**
     * The spin-spiral result of one broadening, with the mesh errors {@code |x(n) - x(n/2)|} (NaN when not
     * computed) and the time it took.
     */
    public record SpiralBeta(double broadening, double spinFlip, SpinSpiralResponse.Result result, double betaError,
                             double polarizationError, double seconds) {
        Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("broadening_eV", broadening);
            m.put("spin_flip_broadening_eV", spinFlip);
            m.putAll(result.toMap());
            m.put("beta_mesh_error", Double.isFinite(betaError) ? betaError : null);
            m.put("P_mesh_error", Double.isFinite(polarizationError) ? polarizationError : null);
            m.put("seconds", seconds);
            return m;
        }
    }

    /**
     * The spin spiral with the spin-orbit part kept ({@link SpiralSupercell}, lab frame, N cells per period) for one
     * broadening, and the generalized Bloch spiral without it at the same q and mesh (the same numbers the supercell
     * gives without spin-orbit coupling), so that the two differ by the spin-orbit coupling alone.
     */
    public record SpinOrbitSpiral(double broadening, double spinFlip, SpiralSupercell.Result result,
                                  SpinSpiralResponse.Result withoutSpinOrbit, double seconds) {
        Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("broadening_eV", broadening);
            m.put("spin_flip_broadening_eV", spinFlip);
            m.putAll(result.toMap());
            m.put("P_without_spin_orbit", withoutSpinOrbit.polarization());
            m.put("beta_without_spin_orbit", withoutSpinOrbit.beta());
            m.put("seconds", seconds);
            return m;
        }
    }

    private MaterialCalculation(ResolvedInput input, WannierModel model, double fermiEnergy,
                                List<KuboConductivity.Result> results, List<SpiralBeta> spiral,
                                List<SpinOrbitSpiral> spinOrbitSpiral, RealSpaceRoute realSpace,
                                List<String> notes, double seconds) {
        this.realSpace = realSpace;
        this.input = input;
        this.model = model;
        this.fermiEnergy = fermiEnergy;
        this.results = results;
        this.spiral = spiral;
        this.spinOrbitSpiral = spinOrbitSpiral;
        this.notes = notes;
        this.seconds = seconds;
    }

    public static ParameterSchema schema() {
        return RealSpaceRoute.parameters(BandsCalculation.wannierParameters(ParameterSchema.builder()))
                .numbers("kspace.broadening", "eV", new double[] {0.2, 0.1}, "constant broadening G of every state "
                        + "(momentum lifetime tau = hbar/2G), one calculation per value, each > 0")
                .number("kspace.mesh", "1", 32.0, "k-mesh n x n x n (shifted by half a step), whole number >= 4; it "
                        + "must resolve G: the result reports the change against the mesh n/2")
                .numbers("kspace.direction", "1", new double[] {1, 0, 0}, "transport direction (Cartesian, 3 numbers)")
                .text("kspace.broadening_model", "constant", "constant: the same G for every state; born: the Born "
                        + "self-energy of on-site point disorder, Gamma = pi w A_loc(E_F) (each orbital and spin "
                        + "broadened by its local density of states at E_F), w such that the mean of Gamma is G",
                        "constant", "born")
                .text("kspace.check_mesh", "on", "also compute the mesh n/2 and report |P(n) - P(n/2)| (and "
                        + "|beta(n) - beta(n/2)| of the spin spiral)", "on", "off")
                .text("kspace.beta", "on", "on: beta and c_a = -P J from the torque on a spin spiral (SCBA Anderson "
                        + "disorder of mean broadening G plus spin-flip impurities, vertex corrections, spin-orbit "
                        + "part dropped); off: P from the Kubo sums only", "on", "off")
                .numbers("kspace.spin_flip", "eV", new double[] {0.02}, "mean broadening G_sf of the isotropic "
                        + "spin-flip impurities of the spin-spiral route (w_sf = G_sf/(pi nu)), one value for every "
                        + "broadening or one per broadening, each >= 0")
                .number("kspace.spiral_mesh", "1", 0.0, "k-mesh n x n x n of the spin-spiral response, whole number "
                        + ">= 2, or 0 for half of kspace.mesh (each k-point costs (2 n_orb)^2 times a Kubo point)")
                .number("kspace.spiral_q", "1/nm", 0.1, "spiral wave vector q along the transport direction, > 0 "
                        + "(c_a and c_n from the symmetric difference at +-q; their q dependence is O(q^2))")
                .number("kspace.spin_orbit_cells", "1", 0.0, "N: also compute the spin spiral with the spin-orbit "
                        + "part kept, in the lab frame on a supercell of N lattice planes per period (q = 2 pi/(N "
                        + "lambda0), lambda0 the spacing of the planes normal to kspace.direction, which must be a "
                        + "reciprocal-lattice direction); gives beta_so, the spin-orbit source's share of beta, beside "
                        + "the spiral without spin-orbit coupling at the same q. The ladder is a dense system of N d^2 "
                        + "unknowns, d = 2 x orbitals (memory about 2 (N d^2)^2 x 16 bytes per worker: 0.9 GB for bcc "
                        + "Fe at N = 16, 3.4 GB at N = 32); 0: off, else a whole number 2-32")
                .number("kspace.spin_orbit_mesh", "1", 0.0, "primitive k-mesh n x n x n of the spin-orbit "
                        + "supercell, a multiple of kspace.spin_orbit_cells; 0: the spiral mesh rounded up to one")
                .number("kspace.refine", "1", 0.0, "levels of adaptive refinement near the Fermi surface (both "
                        + "broadening models; for born G is the largest orbital broadening): a cell of the mesh is "
                        + "split into 2 x 2 x 2 where a band lies within kspace.refine_window x G of E_F or reaches "
                        + "that window inside the cell by its velocity, up to this many times (equivalent uniform "
                        + "mesh: mesh x 2^refine; the mesh check then compares with one level less); 0: the uniform "
                        + "mesh, whole number 0-6")
                .number("kspace.refine_window", "1", 6.0, "c_G, the half-width of the refinement's energy window "
                        + "in units of the broadening G, > 0")
                .build();
    }

    public static MaterialCalculation run(ResolvedInput in, ProgressListener progress) {
        long t0 = System.nanoTime();
        List<String> notes = new ArrayList<>();
        // the spin-spiral input is checked before the model is read
        double[] sf = spinFlip(in, in.numbers("kspace.broadening").length);
        int spiralMesh = spiralMesh(in, (int) in.number("kspace.mesh", ""));
        double q = in.number("kspace.spiral_q", "") * 0.1; // 1/nm -> 1/Angstrom
        int soCells = spinOrbitCells(in);
        int soMesh = soCells == 0 ? 0 : spinOrbitMesh(in, soCells, spiralMesh);
        if (!(q > 0)) {
            throw new InputException("kspace.spiral_q = " + q * 10 + " 1/nm: must be > 0");
        }
        BandsCalculation.Loaded loaded = BandsCalculation.load(in, notes);
        WannierModel model = loaded.model();
        double ef;
        if (in.optionalNumber("wannier.fermi_energy").isPresent()) {
            ef = in.number("wannier.fermi_energy", "");
        } else if (loaded.win() != null && loaded.win().fermiEnergy() != null) {
            ef = loaded.win().fermiEnergy();
        } else {
            throw in.missing("wannier.fermi_energy", "the win file has none either");
        }
        double mesh = in.number("kspace.mesh", "");
        if (mesh != Math.rint(mesh) || mesh < 4 || mesh > 400) {
            throw new InputException("kspace.mesh = " + mesh + ": must be a whole number between 4 and 400");
        }
        double[] gs = in.numbers("kspace.broadening");
        for (double g : gs) {
            if (!(g > 0)) {
                throw new InputException("kspace.broadening = " + g + " eV: every broadening must be > 0");
            }
        }
        double[] dir = in.numbers("kspace.direction");
        if (dir.length != 3 || dir[0] * dir[0] + dir[1] * dir[1] + dir[2] * dir[2] == 0) {
            throw new InputException("kspace.direction: give three numbers, not all zero");
        }
        KuboConductivity kubo = new KuboConductivity(model, dir);
        boolean check = in.text("kspace.check_mesh").equals("on");
        boolean born = in.text("kspace.broadening_model").equals("born");
        AdaptiveKMesh adaptive = adaptiveMesh(in, (int) mesh);
        if (born && check && adaptive == null) {
            notes.add("kspace.check_mesh is not evaluated with the Born broadening on a uniform mesh: compare meshes "
                    + "with --set kspace.mesh=n, or refine (kspace.refine), where it compares with one level less");
        }
        boolean beta = in.text("kspace.beta").equals("on");
        int stages = beta ? (soCells > 0 ? 3 : 2) : 1;
        double window = in.number("kspace.refine_window", "");
        List<KuboConductivity.Result> rs = new ArrayList<>();
        for (int i = 0; i < gs.length; i++) {
            final int k = i;
            ProgressListener p = (d, t, l) -> progress.progress((long) stages * k * t + d,
                    (long) stages * gs.length * t,
                    String.format(Locale.ROOT, "G = %.3g eV, %s", gs[k], l));
            if (born) {
                rs.add(adaptive != null ? kubo.computeBornAdaptive(ef, gs[i], adaptive, window, check, p)
                        : kubo.computeBorn(ef, gs[i], (int) mesh, p));
            } else {
                rs.add(adaptive != null ? kubo.computeAdaptive(ef, gs[i], adaptive, window, check, p)
                        : kubo.compute(ef, gs[i], (int) mesh, check, p));
            }
        }
        List<SpiralBeta> spiral = new ArrayList<>();
        if (beta) {
            SpinSpiralResponse response = new SpinSpiralResponse(model, dir);
            if (response.droppedSpinOrbit() > 0) {
                notes.add(String.format(Locale.ROOT, "spin-spiral route: the spin-orbit part (|.|_F = %.3g eV) is "
                        + "dropped, the local frame of a spiral is periodic only without it",
                        response.droppedSpinOrbit()));
            }
            for (int i = 0; i < gs.length; i++) {
                final int k = i;
                ProgressListener p = (d, t, l) -> progress.progress((long) stages * k * t + t + d,
                        (long) stages * gs.length * t, String.format(Locale.ROOT, "G = %.3g eV, spiral, %s", gs[k], l));
                spiral.add(spiral(response, ef, gs[i], sf[i], spiralMesh, q, check, p));
            }
        }
        List<SpinOrbitSpiral> soSpiral = new ArrayList<>();
        if (beta && soCells > 0) {
            SpiralSupercell sup;
            try {
                sup = new SpiralSupercell(model, dir, soCells, true, LinearAlgebra.best());
            } catch (IllegalArgumentException e) {
                throw new InputException("kspace.direction = " + java.util.Arrays.toString(dir) + " with "
                        + "kspace.spin_orbit_cells = " + soCells + ": " + e.getMessage());
            }
            SpinSpiralResponse response = new SpinSpiralResponse(model, dir);
            for (int i = 0; i < gs.length; i++) {
                final int k = i;
                ProgressListener p = (d, t, l) -> progress.progress((long) stages * k * t + 2 * t + d,
                        (long) stages * gs.length * t, String.format(Locale.ROOT,
                                "G = %.3g eV, spin-orbit spiral, %s", gs[k], l));
                long t1 = System.nanoTime();
                // the same disorder strengths as the spiral without spin-orbit coupling
                SpinSpiralResponse.Disorder dis = response.disorderFromBroadenings(ef, gs[i], sf[i], spiralMesh);
                SpiralSupercell.Result r = sup.compute(ef, dis, soMesh, true, SCBA_TOLERANCE, p);
                SpinSpiralResponse.Result ref = response.compute(ef, sup.q(), dis, soMesh, true, SCBA_TOLERANCE,
                        ProgressListener.NONE);
                soSpiral.add(new SpinOrbitSpiral(gs[i], sf[i], r, ref, (System.nanoTime() - t1) * 1e-9));
            }
        }
        RealSpaceRoute real = RealSpaceRoute.run(in, model, ef, LinearAlgebra.best(), progress);
        return new MaterialCalculation(in, model, ef, List.copyOf(rs), List.copyOf(spiral), List.copyOf(soSpiral),
                real, notes,
                (System.nanoTime() - t0) * 1e-9);
    }

    private static SpiralBeta spiral(SpinSpiralResponse response, double ef, double g, double gsf, int n, double q,
                                     boolean check, ProgressListener progress) {
        long t0 = System.nanoTime();
        // the disorder strengths are fixed once (on the finer mesh), so that n/2 differs by its mesh only
        SpinSpiralResponse.Disorder dis = response.disorderFromBroadenings(ef, g, gsf, n);
        SpinSpiralResponse.Result r = response.compute(ef, q, dis, n, true, SCBA_TOLERANCE, progress);
        double betaErr = Double.NaN;
        double pErr = Double.NaN;
        int half = Math.max(2, n / 2);
        if (check && half < n) {
            SpinSpiralResponse.Result h = response.compute(ef, q, dis, half, true, SCBA_TOLERANCE,
                    ProgressListener.NONE);
            betaErr = Math.abs(r.beta() - h.beta());
            pErr = Math.abs(r.polarization() - h.polarization());
        }
        return new SpiralBeta(g, gsf, r, betaErr, pErr, (System.nanoTime() - t0) * 1e-9);
    }

    /** Largest change (eV) of an element of the Born self-energy at convergence. */
    static final double SCBA_TOLERANCE = 1e-8;

    private static double[] spinFlip(ResolvedInput in, int count) {
        double[] sf = in.numbers("kspace.spin_flip");
        if (sf.length != 1 && sf.length != count) {
            throw new InputException("kspace.spin_flip has " + sf.length + " values: give one, or one per "
                    + "kspace.broadening (" + count + ")");
        }
        for (double x : sf) {
            if (!(x >= 0)) {
                throw new InputException("kspace.spin_flip = " + x + " eV: every spin-flip broadening must be >= 0");
            }
        }
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            out[i] = sf.length == 1 ? sf[0] : sf[i];
        }
        return out;
    }

    private static int spinOrbitCells(ResolvedInput in) {
        double n = in.number("kspace.spin_orbit_cells", "");
        if (n != Math.rint(n) || n < 0 || n == 1 || n > 32) {
            throw new InputException("kspace.spin_orbit_cells = " + n + ": must be 0 (off) or a whole number "
                    + "between 2 and 32");
        }
        return (int) n;
    }

    private static int spinOrbitMesh(ResolvedInput in, int cells, int spiralMesh) {
        double m = in.number("kspace.spin_orbit_mesh", "");
        if (m == 0) {
            return cells * Math.max(1, (spiralMesh + cells - 1) / cells);
        }
        if (m != Math.rint(m) || m < cells || m > 200 || ((int) m) % cells != 0) {
            throw new InputException("kspace.spin_orbit_mesh = " + m + ": must be 0 or a whole multiple of "
                    + "kspace.spin_orbit_cells = " + cells + " up to 200");
        }
        return (int) m;
    }

    /** The spin spirals with the spin-orbit part kept (empty unless kspace.spin_orbit_cells > 0). */
    public List<SpinOrbitSpiral> spinOrbitSpiral() {
        return spinOrbitSpiral;
    }

    private static int spiralMesh(ResolvedInput in, int mesh) {
        double m = in.number("kspace.spiral_mesh", "");
        if (m == 0) {
            return Math.max(2, mesh / 2);
        }
        if (m != Math.rint(m) || m < 2 || m > 200) {
            throw new InputException("kspace.spiral_mesh = " + m + ": must be 0 (half of kspace.mesh) or a whole "
                    + "number between 2 and 200");
        }
        return (int) m;
    }

    public List<SpiralBeta> spiral() {
        return spiral;
    }

    /** The real-space route (null when {@code wire.enabled = off}). */
    public RealSpaceRoute realSpace() {
        return realSpace;
    }

    /** The refined mesh of kspace.refine (null for the uniform mesh). */
    private static AdaptiveKMesh adaptiveMesh(ResolvedInput in, int mesh) {
        double levels = in.number("kspace.refine", "");
        if (levels != Math.rint(levels) || levels < 0 || levels > 6) {
            throw new InputException("kspace.refine = " + levels + ": must be a whole number between 0 and 6");
        }
        double window = in.number("kspace.refine_window", "");
        if (!(window > 0)) {
            throw new InputException("kspace.refine_window = " + window + ": must be > 0 (units of G)");
        }
        if (levels == 0) {
            return null;
        }
        return new AdaptiveKMesh(mesh, 2, (int) levels);
    }

    public List<KuboConductivity.Result> results() {
        return results;
    }

    public Map<String, Object> summary() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("program", ProgramInfo.name());
        doc.put("version", ProgramInfo.version());
        doc.put("command", "material");
        doc.put("input_file", input.origin());
        doc.put("input", input.asTables());
        doc.put("model", Map.of("spin", model.spinStructure().name().toLowerCase(Locale.ROOT), "orbitals",
                model.orbitals(), "cells", model.cells().size(), "fermi_energy_eV", fermiEnergy));
        Map<String, Object> k = new LinkedHashMap<>();
        KuboConductivity.Result first = results.get(0);
        k.put("P", first.majorityPolarization());
        k.put("P_err", Double.isFinite(first.meshError()) ? first.meshError() : null);
        if (spiral.isEmpty()) {
            k.put("beta", null);
            k.put("beta_err", null);
            k.put("beta_note", "not computed: kspace.beta = off");
        } else {
            SpiralBeta s0 = spiral.get(0);
            k.put("beta", s0.result().beta());
            k.put("beta_err", Double.isFinite(s0.betaError()) ? s0.betaError() : null);
            k.put("c_a_A2", s0.result().cAdiabatic());
            k.put("c_n_A2", s0.result().cNonAdiabatic());
            k.put("P_spiral", s0.result().polarization());
            k.put("beta_note", "beta = c_n/c_a of the torque on a spin spiral per unit field (continuity route, "
                    + "c_n = relaxation source of the spin-flip impurities / q), SCBA Anderson + spin-flip disorder "
                    + "with ladder vertex corrections, Fermi-surface term; beta_err = |beta(n) - beta(n/2)| of the "
                    + "spiral mesh, first broadening; c in Angstrom^2 (torque per cell in hbar/2 units times hbar, "
                    + "per eV/Angstrom of eE and per 1/Angstrom of q)");
            List<Map<String, Object>> sp = new ArrayList<>();
            spiral.forEach(x -> sp.add(x.toMap()));
            k.put("spiral", sp);
        }
        if (spinOrbitSpiral.isEmpty()) {
            k.put("beta_so", null);
            k.put("beta_so_note", "not computed: kspace.spin_orbit_cells = 0 (or kspace.beta = off)");
        } else {
            SpinOrbitSpiral s0 = spinOrbitSpiral.get(0);
            k.put("beta_so", s0.result().betaSpinOrbit());
            k.put("beta_so_q_per_nm", s0.result().q() * 10);
            k.put("beta_so_note", "beta_so = the spin-orbit source's share of c_n / c_a on a spin spiral with the "
                    + "spin-orbit part kept, in the lab frame on a supercell of N lattice planes per period: at the "
                    + "supercell's q, not extrapolated to q = 0 (the coefficients carry O(q^2) corrections: compare "
                    + "beta_without_spin_orbit with the spiral at small q); first broadening");
            List<Map<String, Object>> so = new ArrayList<>();
            spinOrbitSpiral.forEach(x -> so.add(x.toMap()));
            k.put("spin_orbit_spiral", so);
        }
        k.put("broadening_model", input.text("kspace.broadening_model"));
        k.put("method", "Kubo Fermi-surface conductivities with a broadening of mean G (tau = hbar/2G), velocity "
                + "dH/dk in the tight-binding approximation with Wannier centres; P = sigma^s/sigma with respect to "
                + "the majority spin; P_err = |P(mesh) - P(mesh/2)| for the first broadening");
        List<Map<String, Object>> per = new ArrayList<>();
        results.forEach(r -> per.add(r.toMap()));
        k.put("results", per);
        Map<String, Object> routes = new LinkedHashMap<>();
        routes.put("k_space", k);
        Map<String, Object> rsp = new LinkedHashMap<>();
        if (realSpace != null) {
            rsp.putAll(realSpace.summary());
        } else {
            rsp.put("P", null);
            rsp.put("beta", null);
            rsp.put("beta_err", null);
            rsp.put("note", "not requested: set wire.enabled = \"on\" (a domain wall in a crystal slab between "
                    + "leads, one disorder ensemble per wire.spin_flip value)");
        }
        routes.put("real_space", rsp);
        doc.put("routes", routes);
        doc.put("k_space", k);
        doc.put("real_space", rsp);
        doc.put("seconds", seconds);
        doc.put("notes", notes);
        return doc;
    }

    public void write(Path dir) {
        CsvTable t = new CsvTable(List.of("broadening [eV]", "tau [fs]", "mesh [1]", "sigma [S/m]",
                "resistivity [uOhm cm]", "P [1]", "P_mesh_error [1]"));
        for (KuboConductivity.Result r : results) {
            t.addRow(java.util.Arrays.asList(r.broadening(), 0.6582119569 / (2 * r.broadening()), r.mesh(), r.sigma(),
                    r.resistivityMicroOhmCm(), r.majorityPolarization(),
                    Double.isFinite(r.meshError()) ? r.meshError() : null));
        }
        AtomicFiles.writeString(dir.resolve("kspace.csv"), t.render());
        if (!spiral.isEmpty()) {
            CsvTable sp = new CsvTable(List.of("broadening [eV]", "spin_flip [eV]", "mesh [1]", "mean_broadening [eV]",
                    "c_a [A^2]", "c_n [A^2]", "beta [1]", "beta_mesh_error [1]", "beta_eq29 [1]", "P [1]",
                    "P_mesh_error [1]", "sigma [S/m]"));
            for (SpiralBeta s : spiral) {
                SpinSpiralResponse.Result r = s.result();
                sp.addRow(java.util.Arrays.asList(s.broadening(), s.spinFlip(), r.mesh(), r.meanBroadening(),
                        r.cAdiabatic(), r.cNonAdiabatic(), r.beta(), Double.isFinite(s.betaError()) ? s.betaError()
                        : null, r.betaEq29(), r.polarization(), Double.isFinite(s.polarizationError())
                        ? s.polarizationError() : null, r.sigma()));
            }
            AtomicFiles.writeString(dir.resolve("spiral.csv"), sp.render());
        }
        if (!spinOrbitSpiral.isEmpty()) {
            CsvTable so = new CsvTable(List.of("broadening [eV]", "spin_flip [eV]", "cells_per_period [1]",
                    "q [1/nm]", "mesh [1]", "P [1]", "beta [1]", "beta_so [1]", "beta_sf [1]", "beta_eq29 [1]",
                    "P_without_spin_orbit [1]", "beta_without_spin_orbit [1]", "sigma [S/m]"));
            for (SpinOrbitSpiral x : spinOrbitSpiral) {
                SpiralSupercell.Result r = x.result();
                so.addRow(java.util.Arrays.asList(x.broadening(), x.spinFlip(), r.cells(), r.q() * 10, r.mesh(),
                        r.polarization(), r.beta(), r.betaSpinOrbit(), r.betaSpinFlip(), r.betaEq29(),
                        x.withoutSpinOrbit().polarization(), x.withoutSpinOrbit().beta(), r.sigma()));
            }
            AtomicFiles.writeString(dir.resolve("spiral_spin_orbit.csv"), so.render());
        }
        if (results.size() >= 2) {
            double[] g = results.stream().mapToDouble(KuboConductivity.Result::broadening).toArray();
            double[] p = results.stream().mapToDouble(KuboConductivity.Result::majorityPolarization).toArray();
            new LinePlot("Current polarization against the broadening", "broadening G [eV]", "P [1]")
                    .add(new LinePlot.Series("P (k-space, Kubo)", g, p)).write(dir.resolve("polarization"));
        }
        if (realSpace != null) {
            realSpace.write(dir);
        }
        AtomicFiles.writeString(dir.resolve("summary.json"), JsonOutput.render(summary()));
        // the page reads what was just written, so it shows exactly the files of this folder
        org.spintorque.report.HtmlReport.of("P and beta of the crystal of " + input.origin(), List.of(dir))
                .write(dir.resolve("report.html"));
        AtomicFiles.writeString(dir.resolve("input.toml"), "# resolved input of spintorque material "
                + ProgramInfo.version() + "\n" + BandsCalculation.absolutePaths(input));
    }

    public String table() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "E_F = %.4f eV, %s model, %d orbitals%n",
                fermiEnergy, model.spinStructure().name().toLowerCase(Locale.ROOT), model.orbitals()));
        sb.append(String.format(Locale.ROOT, "%10s %8s %6s %12s %14s %9s %10s%n", "G [eV]", "tau [fs]", "mesh",
                "sigma [S/m]", "rho [uOhm cm]", "P", "|dP| mesh"));
        for (KuboConductivity.Result r : results) {
            sb.append(String.format(Locale.ROOT, "%10.4g %8.3g %6d %12.4g %14.4g %9.4f %10s%n", r.broadening(),
                    0.6582119569 / (2 * r.broadening()), r.mesh(), r.sigma(), r.resistivityMicroOhmCm(),
                    r.majorityPolarization(), Double.isFinite(r.meshError())
                            ? String.format(Locale.ROOT, "%.3f", r.meshError()) : "-"));
        }
        if (spiral.isEmpty()) {
            sb.append("beta: not computed (kspace.beta = off)\n");
        } else {
            sb.append(String.format(Locale.ROOT, "spin spiral (SCBA + vertex corrections, spin-orbit dropped):%n"));
            sb.append(String.format(Locale.ROOT, "%10s %10s %6s %10s %10s %10s %9s %10s%n", "G [eV]", "G_sf [eV]",
                    "mesh", "beta", "|dbeta|", "beta_eq29", "P", "|dP|"));
            for (SpiralBeta s : spiral) {
                SpinSpiralResponse.Result r = s.result();
                sb.append(String.format(Locale.ROOT, "%10.4g %10.4g %6d %10.4g %10s %10.4g %9.4f %10s%n",
                        s.broadening(), s.spinFlip(), r.mesh(), r.beta(), Double.isFinite(s.betaError())
                                ? String.format(Locale.ROOT, "%.3g", s.betaError()) : "-", r.betaEq29(),
                        r.polarization(), Double.isFinite(s.polarizationError())
                                ? String.format(Locale.ROOT, "%.3f", s.polarizationError()) : "-"));
            }
        }
        if (!spinOrbitSpiral.isEmpty()) {
            sb.append(String.format(Locale.ROOT, "spin spiral with spin-orbit coupling (lab-frame supercell):%n"));
            sb.append(String.format(Locale.ROOT, "%10s %10s %5s %9s %6s %9s %10s %10s %10s %10s %10s%n", "G [eV]",
                    "G_sf [eV]", "N", "q [1/nm]", "mesh", "P", "beta", "beta_so", "beta_sf", "P no SO",
                    "beta no SO"));
            for (SpinOrbitSpiral x : spinOrbitSpiral) {
                SpiralSupercell.Result r = x.result();
                sb.append(String.format(Locale.ROOT, "%10.4g %10.4g %5d %9.4g %6d %9.4f %10.4g %10.4g %10.4g %10.4f "
                        + "%10.4g%n", x.broadening(), x.spinFlip(), r.cells(), r.q() * 10, r.mesh(),
                        r.polarization(), r.beta(), r.betaSpinOrbit(), r.betaSpinFlip(),
                        x.withoutSpinOrbit().polarization(), x.withoutSpinOrbit().beta()));
            }
        }
        if (realSpace != null) {
            sb.append(realSpace.table());
        }
        return sb.toString();
    }
}
