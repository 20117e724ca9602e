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
 * {@code spintorque material}: the current polarization P of a real crystal from its Wannier model, by the
 * k-space route (Kubo Fermi-surface conductivities with a constant broadening, {@link KuboConductivity}), for
 * one or several broadenings (disorder strengths). Per route the summary holds {@code P}, {@code beta} and
 * {@code beta_err}; the k-space route gives P, while beta (spin-spiral response) and the real-space route
 * (a crystal wire between leads) are reported as not computed, with the reason, so that no number is invented.
 */
public final class MaterialCalculation {
    private final ResolvedInput input;
    private final WannierModel model;
    private final double fermiEnergy;
    private final List<KuboConductivity.Result> results;
    private final List<String> notes;
    private final double seconds;
    private final RealSpaceRoute realSpace;

    private MaterialCalculation(ResolvedInput input, WannierModel model, double fermiEnergy,
                                List<KuboConductivity.Result> results, RealSpaceRoute realSpace, List<String> notes,
                                double seconds) {
        this.realSpace = realSpace;
        this.input = input;
        this.model = model;
        this.fermiEnergy = fermiEnergy;
        this.results = results;
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
                .text("kspace.check_mesh", "on", "also compute the mesh n/2 and report |P(n) - P(n/2)|", "on", "off")
                .number("kspace.refine", "1", 0.0, "levels of adaptive refinement near the Fermi surface (constant "
                        + "broadening): a cell of the mesh is split into 2 x 2 x 2 where a band lies within "
                        + "kspace.refine_window x G of E_F or reaches that window inside the cell by its velocity, "
                        + "up to this many times (equivalent uniform mesh: mesh x 2^refine; the mesh check then "
                        + "compares with one level less); 0: the uniform mesh, whole number 0-6")
                .number("kspace.refine_window", "1", 6.0, "c_G, the half-width of the refinement's energy window "
                        + "in units of the broadening G, > 0")
                .build();
    }

    public static MaterialCalculation run(ResolvedInput in, ProgressListener progress) {
        long t0 = System.nanoTime();
        List<String> notes = new ArrayList<>();
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
        if (born && check) {
            notes.add("kspace.check_mesh is not evaluated with the Born broadening: compare meshes with --set "
                    + "kspace.mesh=n");
        }
        AdaptiveKMesh adaptive = adaptiveMesh(in, (int) mesh, born);
        double window = in.number("kspace.refine_window", "");
        List<KuboConductivity.Result> rs = new ArrayList<>();
        for (int i = 0; i < gs.length; i++) {
            final int k = i;
            ProgressListener p = (d, t, l) -> progress.progress(k * t + d, (long) gs.length * t,
                    String.format(Locale.ROOT, "G = %.3g eV, %s", gs[k], l));
            rs.add(born ? kubo.computeBorn(ef, gs[i], (int) mesh, p) : adaptive != null
                    ? kubo.computeAdaptive(ef, gs[i], adaptive, window, check, p)
                    : kubo.compute(ef, gs[i], (int) mesh, check, p));
        }
        RealSpaceRoute real = RealSpaceRoute.run(in, model, ef, LinearAlgebra.best(), progress);
        return new MaterialCalculation(in, model, ef, List.copyOf(rs), real, notes, (System.nanoTime() - t0) * 1e-9);
    }

    /** The refined mesh of kspace.refine (null for the uniform mesh). */
    private static AdaptiveKMesh adaptiveMesh(ResolvedInput in, int mesh, boolean born) {
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
        if (born) {
            throw new InputException("kspace.refine = " + (int) levels + ": the refinement works with "
                    + "kspace.broadening_model = \"constant\" only; set kspace.refine = 0 for \"born\"");
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
        k.put("beta", null);
        k.put("beta_err", null);
        k.put("beta_note", "not computed yet: beta needs the spin-spiral (or Born spin-relaxation) response, which "
                + "this version does not evaluate");
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
        sb.append("k-space beta: not computed by this version (spin-spiral response pending)\n");
        if (realSpace != null) {
            sb.append(realSpace.table());
        }
        return sb.toString();
    }
}
