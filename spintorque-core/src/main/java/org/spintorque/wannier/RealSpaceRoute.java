package org.spintorque.wannier;

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
import org.spintorque.linalg.ComplexMatrix;
import org.spintorque.linalg.LinearAlgebra;
import org.spintorque.output.AtomicFiles;
import org.spintorque.output.CsvTable;
import org.spintorque.output.LinePlot;
import org.spintorque.output.ProgressListener;
import org.spintorque.texture.DomainWallTexture;
import org.spintorque.texture.Vector3;

/**
 * The real-space route of {@code spintorque material} (the {@code [wire]} table): a domain wall in a slab or
 * wire of the crystal between two leads ({@link CrystalWire}, full Wannier hopping range in principal layers),
 * one disorder ensemble per spin-flip strength ({@link CrystalWireTorque}), with P and beta per strength, the
 * per-term parts of beta, and the paper's eq. (29) evaluated with the model's own density of states and
 * exchange at E_F for comparison.
 *
 * <p>Eq. (29) for a multi-orbital model: {@link SpinFlipGoldenRule} with {@code w_sf = c v_s^2} (c the impurity
 * concentration per site, |S| = 1) and the local spectral function of the crystal at E_F (Lorentzian 0.05 eV),
 * the same evaluation as the k-space route's; it equals M and {@code (4 pi/3) w_sf (nu_+ + nu_-)} for the s-d
 * model.
 */
public final class RealSpaceRoute {
    private final CrystalWireTorque.Setup setup;
    private final CrystalWire wire;
    private final List<CrystalWireTorque.Result> results;
    private final ComplexMatrix spectral;
    private final ComplexMatrix onsiteExchange;
    private final Vector3 axis;
    private final CrystalWireTorque.Result clean;

    private RealSpaceRoute(CrystalWireTorque.Setup setup, CrystalWire wire, List<CrystalWireTorque.Result> results,
                           CrystalWireTorque.Result clean, WannierModel model) {
        this.setup = setup;
        this.wire = wire;
        this.results = results;
        this.clean = clean;
        this.spectral = localSpectral(model, setup.energy());
        SpinParts parts = model.spinParts();
        this.onsiteExchange = parts.exchange().hopping(0, 0, 0);
        this.axis = parts.axis() == null ? Vector3.Z : parts.axis();
    }

    /** The {@code [wire]} parameters. */
    public static ParameterSchema.Builder parameters(ParameterSchema.Builder b) {
        return b.text("wire.enabled", "off", "on: compute the real-space route (a crystal slab or wire with a domain "
                        + "wall between leads; minutes per realization for bcc Fe); off: k-space only", "on", "off")
                .numbers("wire.cross_section", "1", new double[] {2, 2}, "conventional cubic cells across (n_y, n_z),"
                        + " whole numbers >= 1")
                .text("wire.boundary", "periodic", "transverse boundaries: periodic (a slab, transverse Bloch vectors "
                        + "on a mesh) or open (a finite wire)", "periodic", "open")
                .number("wire.transverse_mesh", "1", 2.0, "transverse Bloch vectors per direction (periodic only): a "
                        + "shifted m x m mesh; whole number >= 1")
                .number("wire.length", "1", 4.0, "principal layers in the scattering region (each spans the Wannier "
                        + "hopping range along x: 4 conventional cells for the bcc Fe model); whole number >= 1")
                .number("wire.wall_width", "a", 3.0, "domain-wall width parameter lambda (n_z = -tanh((x - x0)/lambda)"
                        + "), in conventional lattice constants a; > 0")
                .text("wire.wall_type", "neel", "wall rotation plane: neel (x-z) or bloch (y-z)", "neel", "bloch")
                .number("wire.hopping_cutoff", "eV", 0.0, "drop hoppings whose largest element is below this (0 keeps "
                        + "the full Wannier range); >= 0")
                .numbers("wire.spin_flip", "eV", new double[] {0.1, 0.2}, "spin-flip impurity couplings v_s (|S| = 1, "
                        + "on every orbital of a site), one disorder ensemble per value; >= 0")
                .number("wire.concentration", "1", 1.0, "fraction of scattering-region sites with a spin-flip "
                        + "impurity, in (0, 1]")
                .number("wire.anderson", "eV", 0.0, "Anderson disorder: on-site energies uniform in [-W/2, W/2] on "
                        + "every site of the scattering region; >= 0. With a wire.spin_flip value of 0 the route also "
                        + "reports the bulk P from the Drude resistances (one clean run more)")
                .number("wire.realizations", "1", 6.0, "disorder realizations per spin-flip value; whole number >= 2")
                .number("wire.seed", "1", 1.0, "disorder seed: realization r is a pure function of (seed, r, site)");
    }

    /** Runs the route, or returns null when {@code wire.enabled = off}. */
    public static RealSpaceRoute run(ResolvedInput in, WannierModel model, double ef, LinearAlgebra la,
                                     ProgressListener progress) {
        if (!in.text("wire.enabled").equals("on")) {
            return null;
        }
        double[] cs = in.numbers("wire.cross_section");
        if (cs.length != 2 || !whole(cs[0], 1, 64) || !whole(cs[1], 1, 64)) {
            throw new InputException("wire.cross_section = " + Arrays.toString(cs) + ": give two whole numbers "
                    + "between 1 and 64 (conventional cells along y and z)");
        }
        int mesh = wholeNumber(in, "wire.transverse_mesh", 1, 64);
        int length = wholeNumber(in, "wire.length", 1, 1000);
        int reps = wholeNumber(in, "wire.realizations", 2, 100000);
        double width = in.number("wire.wall_width", "");
        if (!(width > 0)) {
            throw new InputException("wire.wall_width = " + width + " a: must be > 0");
        }
        double cutoff = in.number("wire.hopping_cutoff", "");
        if (!(cutoff >= 0)) {
            throw new InputException("wire.hopping_cutoff = " + cutoff + " eV: must be >= 0");
        }
        double conc = in.number("wire.concentration", "");
        if (!(conc > 0 && conc <= 1)) {
            throw new InputException("wire.concentration = " + conc + ": must be in (0, 1]");
        }
        double anderson = in.number("wire.anderson", "");
        if (!(anderson >= 0)) {
            throw new InputException("wire.anderson = " + anderson + " eV: must be >= 0");
        }
        double[] vs = in.numbers("wire.spin_flip");
        for (double v : vs) {
            if (!(v >= 0)) {
                throw new InputException("wire.spin_flip = " + v + " eV: every value must be >= 0");
            }
        }
        if (vs.length == 0) {
            throw new InputException("wire.spin_flip: give at least one value (0 for a clean wall)");
        }
        CrystalWire.Boundary boundary = in.text("wire.boundary").equals("open") ? CrystalWire.Boundary.OPEN
                : CrystalWire.Boundary.PERIODIC;
        CrystalWire wire;
        try {
            wire = new CrystalWire(model, (int) cs[0], (int) cs[1], boundary, cutoff);
        } catch (IllegalArgumentException e) {
            throw new InputException("[wire]: " + e.getMessage());
        }
        CrystalWireTorque.Setup setup = new CrystalWireTorque.Setup((int) cs[0], (int) cs[1], boundary, mesh, length,
                width, DomainWallTexture.WallType.parse(in.text("wire.wall_type")), cutoff, ef);
        long seed = (long) in.number("wire.seed", "");
        List<CrystalWireTorque.Result> rs = new ArrayList<>();
        for (int i = 0; i < vs.length; i++) {
            final int k = i;
            ProgressListener p = (d, t, l) -> progress.progress(k * t + d, (long) vs.length * t,
                    String.format(Locale.ROOT, "wire, v_s = %.3g eV, %s", vs[k], l));
            CrystalWireTorque.Disorder dis = new CrystalWireTorque.Disorder(vs[i], conc, anderson, reps, seed);
            rs.add(CrystalWireTorque.run(wire, setup, dis, la, p));
        }
        // with Anderson disorder alone the bulk P follows from the Drude resistances against the clean sample
        CrystalWireTorque.Result clean = null;
        if (anderson > 0 && Arrays.stream(vs).anyMatch(v -> v == 0)) {
            clean = CrystalWireTorque.run(wire, setup, new CrystalWireTorque.Disorder(0, conc, 0, 1, seed), la,
                    (d, t, l) -> progress.progress(d, t, "wire, clean reference, " + l));
        }
        return new RealSpaceRoute(setup, wire, List.copyOf(rs), clean, model);
    }

    private static boolean whole(double v, int lo, int hi) {
        return v == Math.rint(v) && v >= lo && v <= hi;
    }

    private static int wholeNumber(ResolvedInput in, String key, int lo, int hi) {
        double v = in.number(key, "");
        if (!whole(v, lo, hi)) {
            throw new InputException(key + " = " + v + ": must be a whole number between " + lo + " and " + hi);
        }
        return (int) v;
    }

    /**
     * The local spectral function of one site at E_F with a Lorentzian of 0.05 eV on a 24^3 mesh (the crystal
     * without disorder: the real-space route's impurities are its own).
     */
    static ComplexMatrix localSpectral(WannierModel model, double ef) {
        return new KuboConductivity(model, new double[] {1, 0, 0}).localSpectrum(ef, 0.05, 24).spectral();
    }

    /** M at E_F of eq. (29), {@link SpinFlipGoldenRule#exchange} (eV). */
    public double exchangeAtFermiLevel() {
        return SpinFlipGoldenRule.exchange(spectral, onsiteExchange, axis);
    }

    /** Eq. (29) for spin-flip coupling v_s (eV) on a fraction c of the sites: {@link SpinFlipGoldenRule#beta}. */
    public double betaEq29(double vs, double concentration) {
        return SpinFlipGoldenRule.beta(spectral, onsiteExchange, axis, concentration * vs * vs);
    }

    /** {@code hbar / tau_sf} (eV) of eq. (29) for spin-flip coupling v_s (eV) on a fraction c of the sites. */
    public double spinFlipRate(double vs, double concentration) {
        return SpinFlipGoldenRule.rate(spectral, axis, concentration * vs * vs);
    }

    public List<CrystalWireTorque.Result> results() {
        return results;
    }

    /**
     * The bulk P of an Anderson-only ensemble from its Drude resistances ({@link
     * CrystalWireTorque#drudePolarization}); null for spin-flip ensembles and without Anderson disorder.
     */
    public CrystalWireTorque.Value drudePolarization(CrystalWireTorque.Result r) {
        if (clean == null || r.disorder().spinFlip() != 0 || r.disorder().anderson() == 0) {
            return null;
        }
        return CrystalWireTorque.drudePolarization(r, clean);
    }

    /** The {@code real_space} entry of summary.json. */
    public Map<String, Object> summary() {
        Map<String, Object> r = new LinkedHashMap<>();
        CrystalWireTorque.Result first = results.get(0);
        r.put("P", first.polarization().mean());
        r.put("beta", first.beta().get("total").mean());
        r.put("beta_err", finite(first.beta().get("total").error()));
        r.put("method", "domain wall in a crystal " + (setup.boundary() == CrystalWire.Boundary.PERIODIC ? "slab"
                : "wire") + " between leads of the same crystal, recursive Green's function with principal layers "
                + "covering the hopping range; torque per atomic plane fitted to c_a d_x n + c_n n x d_x n; P = "
                + "-c_a/(J d) (d: plane spacing), beta = <c_n>/<c_a> over the disorder ensemble (delta-method error)");
        Map<String, Object> geo = new LinkedHashMap<>();
        geo.put("cross_section_conventional_cells", List.of(setup.ny(), setup.nz()));
        geo.put("boundary", setup.boundary().name().toLowerCase(Locale.ROOT));
        geo.put("transverse_kpoints", first.transverseKpoints());
        geo.put("principal_layer_conventional_cells", wire.layerCells());
        geo.put("states_per_layer", wire.layerDimension());
        geo.put("sites_per_layer", wire.sitesPerLayer());
        geo.put("scattering_region_length_a", setup.length() * wire.layerCells());
        geo.put("lattice_constant_angstrom", wire.latticeConstant());
        geo.put("wall_width_a", setup.wallWidth());
        geo.put("model_cells_kept", wire.cellCount());
        geo.put("hopping_cutoff_eV", setup.hoppingCutoff());
        geo.put("dropped_hopping_norm_eV", wire.droppedNorm());
        geo.put("energy_eV", setup.energy());
        r.put("geometry", geo);
        r.put("M_eff_eV", exchangeAtFermiLevel());
        r.put("dos_per_site_per_eV", spectral.trace()[0]);
        List<Map<String, Object>> per = new ArrayList<>();
        for (CrystalWireTorque.Result x : results) {
            Map<String, Object> m = CrystalWireTorque.toMap(x);
            m.put("hbar_over_tau_sf_eV", spinFlipRate(x.disorder().spinFlip(), x.disorder().concentration()));
            m.put("beta_eq29", betaEq29(x.disorder().spinFlip(), x.disorder().concentration()));
            CrystalWireTorque.Value drude = drudePolarization(x);
            if (drude != null) {
                Map<String, Object> dm = new LinkedHashMap<>();
                dm.put("value", finite(drude.mean()));
                dm.put("error", finite(drude.error()));
                dm.put("clean_transmission", clean.transmission().mean());
                dm.put("clean_lead_polarization", clean.leadPolarization().mean());
                dm.put("method", "bulk P from the Drude resistances: 1/T_s - 1/T_s(clean) per spin, T_s = T (1 + s P)/2 "
                        + "(spin-conserving disorder only; see docs/wannier.md)");
                m.put("P_bulk_drude", dm);
            }
            per.add(m);
        }
        r.put("results", per);
        return r;
    }

    /** The Drude bulk P or its error for a CSV cell (empty when not defined). */
    private Object drudeValue(CrystalWireTorque.Result x, boolean error) {
        CrystalWireTorque.Value d = drudePolarization(x);
        return d == null ? null : finite(error ? d.error() : d.mean());
    }

    private static Object finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    /** realspace.csv, one torque profile CSV per strength and the beta plot. */
    public void write(Path dir) {
        CsvTable t = new CsvTable(List.of("spin_flip [eV]", "realizations [1]", "P [1]", "P_err [1]",
                "P_current_left [1]", "beta [1]", "beta_err [1]", "beta_divergence [1]", "beta_spin_orbit [1]",
                "beta_disorder [1]", "beta_disorder_err [1]", "beta_eq29 [1]", "transmission [1]", "P_bulk_drude [1]",
                "P_bulk_drude_err [1]", "seconds [s]"));
        for (CrystalWireTorque.Result x : results) {
            Map<String, CrystalWireTorque.Value> b = x.beta();
            t.addRow(Arrays.asList(x.disorder().spinFlip(), x.realizations(), x.polarization().mean(),
                    finite(x.polarization().error()), x.leadPolarization().mean(), b.get("total").mean(),
                    finite(b.get("total").error()), b.get("divergence").mean(), b.get("spin-orbit").mean(),
                    b.get("disorder").mean(), finite(b.get("disorder").error()),
                    betaEq29(x.disorder().spinFlip(), x.disorder().concentration()), x.transmission().mean(),
                    drudeValue(x, false), drudeValue(x, true), x.seconds()));
        }
        AtomicFiles.writeString(dir.resolve("realspace.csv"), t.render());
        for (int i = 0; i < results.size(); i++) {
            CrystalWireTorque.Result x = results.get(i);
            List<String> head = new ArrayList<>(List.of("x [a]", "n_x [1]", "n_y [1]", "n_z [1]"));
            for (String part : CrystalWireTorque.PARTS) {
                for (String c : List.of("x", "y", "z")) {
                    head.add("torque_" + part + "_" + c + " [e/hbar per eV of bias]");
                }
            }
            CsvTable p = new CsvTable(head);
            for (int q = 0; q < x.profileX().length; q++) {
                List<Object> row = new ArrayList<>(List.of(x.profileX()[q], x.n()[q][0], x.n()[q][1], x.n()[q][2]));
                for (double[][] part : x.profile()) {
                    row.add(part[q][0]);
                    row.add(part[q][1]);
                    row.add(part[q][2]);
                }
                p.addRow(row);
            }
            AtomicFiles.writeString(dir.resolve("realspace-torque-" + (i + 1) + ".csv"), p.render());
        }
        CrystalWireTorque.Result x = results.get(results.size() - 1);
        LinePlot plot = new LinePlot(String.format(Locale.ROOT, "Torque per atomic plane (v_s = %.3g eV)",
                x.disorder().spinFlip()), "x [a]", "torque [e/hbar per eV]");
        double[] xs = x.profileX();
        for (int part = 0; part < CrystalWireTorque.PARTS.size(); part++) {
            double[] along = new double[xs.length];
            double[] beta = new double[xs.length];
            for (int q = 0; q < xs.length; q++) {
                double[] dn = x.dn()[q];
                double norm = Math.sqrt(dn[0] * dn[0] + dn[1] * dn[1] + dn[2] * dn[2]);
                double[] cr = cross(x.n()[q], dn);
                double[] tq = x.profile()[part][q];
                along[q] = norm == 0 ? 0 : (tq[0] * dn[0] + tq[1] * dn[1] + tq[2] * dn[2]) / norm;
                beta[q] = norm == 0 ? 0 : (tq[0] * cr[0] + tq[1] * cr[1] + tq[2] * cr[2]) / norm;
            }
            String name = CrystalWireTorque.PARTS.get(part);
            plot.add(new LinePlot.Series(name + " . d_x n", xs, along));
            plot.add(new LinePlot.Series(name + " . n x d_x n", xs, beta, true));
        }
        plot.write(dir.resolve("realspace-torque"));
    }

    private static double[] cross(double[] a, double[] b) {
        return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }

    /** Console table. */
    public String table() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "real space: %d x %d cells (%s), %d layers of %d states, wall width %.3g a, M_eff = %.3f eV, "
                        + "nu = %.3f /eV%n", setup.ny(), setup.nz(), setup.boundary().name().toLowerCase(Locale.ROOT),
                setup.length(), wire.layerDimension(), setup.wallWidth(), exchangeAtFermiLevel(), spectral.trace()[0]));
        sb.append(String.format(Locale.ROOT, "%10s %5s %16s %18s %18s %10s %8s%n", "v_s [eV]", "N", "P", "beta",
                "beta[disorder]", "eq. (29)", "time [s]"));
        for (CrystalWireTorque.Result x : results) {
            CrystalWireTorque.Value b = x.beta().get("total");
            CrystalWireTorque.Value bd = x.beta().get("disorder");
            sb.append(String.format(Locale.ROOT, "%10.3g %5d %8.4f+-%-7.4f %9.4f+-%-8.4f %9.4f+-%-8.4f %10.4f %8.1f%n",
                    x.disorder().spinFlip(), x.realizations(), x.polarization().mean(), nz(x.polarization().error()),
                    b.mean(), nz(b.error()), bd.mean(), nz(bd.error()),
                    betaEq29(x.disorder().spinFlip(), x.disorder().concentration()), x.seconds()));
            CrystalWireTorque.Value d = drudePolarization(x);
            if (d != null) {
                sb.append(String.format(Locale.ROOT, "%10s bulk P from the Drude resistances (clean sample removed): "
                        + "%.4f+-%.4f%n", "", d.mean(), nz(d.error())));
            }
        }
        return sb.toString();
    }

    private static double nz(double v) {
        return Double.isFinite(v) ? v : 0;
    }
}
