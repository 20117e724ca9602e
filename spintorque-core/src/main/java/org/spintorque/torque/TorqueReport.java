package org.spintorque.torque;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.spintorque.lattice.Bond;
import org.spintorque.lattice.Lattice;
import org.spintorque.lattice.LeadSide;
import org.spintorque.observables.BondObservables;
import org.spintorque.observables.SiteObservables;
import org.spintorque.observables.SiteQuantity;
import org.spintorque.output.AtomicFiles;
import org.spintorque.output.CsvTable;
import org.spintorque.output.LinePlot;
import org.spintorque.ovf.OvfEncoding;
import org.spintorque.ovf.OvfField;
import org.spintorque.ovf.OvfMesh;
import org.spintorque.ovf.OvfWriter;
import org.spintorque.texture.Texture;
import org.spintorque.texture.Vector3;
import org.spintorque.transport.SpinResolvedTransmission;

/**
 * Reads one current-driven state (physics.md section 5): slice-summed torque profile, the fit to
 * {@code c_a d_x n + c_n n x d_x n}, P from the fit and from the spin current in the uniform leads,
 * beta = c_n/c_a, the decomposition by term, the continuity residual and current conservation; and
 * writes the files of {@code spintorque run}.
 */
public final class TorqueReport {
    /** A fit of one part of the torque (total, -div, or the source of one term). */
    public record Part(String name, TorqueFit.Result fit) { }

    private final LatticeRunParameters params;
    private final EnergySolution solution;
    private final double[][] n;
    private final double[][] dn;
    private final double[][] torque;
    private final TorqueFit.Result fit;
    private final List<Part> parts;
    private final double current;
    private final double[] sliceCurrents;
    private final double polarizationLeft;
    private final double polarizationRight;
    private final double residual;
    private final Vector3 spinCurrentLeft;
    private final Vector3 spinCurrentRight;
    private final double directMinusContinuity;

    public TorqueReport(LatticeRunParameters params, EnergySolution solution) {
        this.params = params;
        this.solution = solution;
        Lattice lat = params.lattice();
        Texture tex = params.texture();
        int length = lat.length();
        double yc = (lat.width() - 1) / 2.0;
        double zc = (lat.height() - 1) / 2.0;
        n = new double[length][];
        dn = new double[length][];
        for (int x = 0; x < length; x++) {
            n[x] = tex.n(x, yc, zc).toArray();
            dn[x] = tex.dxN(x, yc, zc).toArray();
        }
        SiteObservables sites = solution.field().sites();
        torque = toArrays(sites.sliceSum(SiteQuantity.TORQUE_CONTINUITY));

        // particle current through every cross-section (bond x -> x+1, x = -1 .. length-1)
        BondObservables bonds = solution.field().bonds();
        sliceCurrents = new double[length + 1];
        double[][] spinLeft = new double[1][3];
        double[][] spinRight = new double[1][3];
        for (int b = 0; b < bonds.count(); b++) {
            Bond bond = bonds.bond(b);
            if (bond.from().x() == bond.to().x()) {
                continue;
            }
            int cut = bond.from().x() + 1;
            sliceCurrents[cut] += bonds.chargeCurrent(b);
            if (bond.from().x() == -1) {
                add(spinLeft[0], bonds.spinCurrent(b));
            } else if (bond.to().x() == length) {
                add(spinRight[0], bonds.spinCurrent(b));
            }
        }
        double sum = 0;
        for (double c : sliceCurrents) {
            sum += c;
        }
        current = sum / sliceCurrents.length;
        Vector3 nl = limitOrEdge(tex, LeadSide.LEFT, 0, yc, zc);
        Vector3 nr = limitOrEdge(tex, LeadSide.RIGHT, length - 1, yc, zc);
        spinCurrentLeft = Vector3.of(spinLeft[0]);
        spinCurrentRight = Vector3.of(spinRight[0]);
        polarizationLeft = Vector3.of(spinLeft[0]).dot(nl) / current;
        polarizationRight = Vector3.of(spinRight[0]).dot(nr) / current;
        residual = sites.maxAbs(SiteQuantity.SPIN_RATE) / Math.max(sites.continuityScale(), Double.MIN_NORMAL);
        double diff = 0;
        for (int i = 0; i < sites.siteCount(); i++) {
            diff = Math.max(diff, sites.torqueDirect(i).maxAbsDifference(sites.torqueContinuity(i)));
        }
        directMinusContinuity = diff / Math.max(sites.continuityScale(), Double.MIN_NORMAL);

        double maxDn = 0;
        for (double[] d : dn) {
            maxDn = Math.max(maxDn, TorqueFit.norm(d));
        }
        List<Part> ps = new ArrayList<>();
        TorqueFit.Result f = null;
        if (maxDn > 0) {
            f = TorqueFit.fit(n, dn, torque, params.fitThreshold());
            ps.add(new Part("torque", f));
            ps.add(new Part("-div j_s", TorqueFit.fit(n, dn, negate(toArrays(sites.sliceSum(SiteQuantity.DIVERGENCE))),
                    params.fitThreshold())));
            List<String> terms = sites.termNames();
            for (int k = 0; k < terms.size(); k++) {
                if (sites.relaxationTerms().contains(terms.get(k))) {
                    double[][] src = toArrays(sites.sliceSum(SiteQuantity.SOURCE, k));
                    if (maxAbs(src) > 0) {
                        ps.add(new Part("source " + terms.get(k), TorqueFit.fit(n, dn, src, params.fitThreshold())));
                    }
                }
            }
        }
        fit = f;
        parts = List.copyOf(ps);
    }

    private static Vector3 limitOrEdge(Texture tex, LeadSide side, int edge, double y, double z) {
        Vector3 v = tex.limit(side, y, z);
        return v != null ? v : tex.n(edge, y, z);
    }

    private static void add(double[] acc, Vector3 v) {
        acc[0] += v.x();
        acc[1] += v.y();
        acc[2] += v.z();
    }

    private static double[][] toArrays(Vector3[] v) {
        double[][] out = new double[v.length][];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i].toArray();
        }
        return out;
    }

    private static double[][] negate(double[][] v) {
        double[][] out = new double[v.length][3];
        for (int i = 0; i < v.length; i++) {
            for (int a = 0; a < 3; a++) {
                out[i][a] = -v[i][a];
            }
        }
        return out;
    }

    private static double maxAbs(double[][] v) {
        double m = 0;
        for (double[] r : v) {
            for (double x : r) {
                m = Math.max(m, Math.abs(x));
            }
        }
        return m;
    }

    public EnergySolution solution() {
        return solution;
    }

    /** The fit of the total torque, or null for a uniform texture. */
    public TorqueFit.Result fit() {
        return fit;
    }

    /** Whether beta = c_n/c_a means something: an adiabatic torque (P != 0) to divide by. */
    public boolean betaDefined() {
        return fit != null && Math.abs(fit.polarization(current)) >= 1e-6;
    }

    public List<Part> parts() {
        return parts;
    }

    /** Particle current per unit bias, averaged over the cross-sections. */
    public double current() {
        return current;
    }

    /** Particle current through each cross-section x -> x+1, x = -1 .. length-1. */
    public double[] sliceCurrents() {
        return sliceCurrents.clone();
    }

    /** Largest relative deviation of the current through a cross-section from the mean. */
    public double currentNonConservation() {
        double m = 0;
        for (double c : sliceCurrents) {
            m = Math.max(m, Math.abs(c - current));
        }
        return m / Math.max(Math.abs(current), Double.MIN_NORMAL);
    }

    /** P = (spin current along n) / (particle current) on the bonds into the left lead cell. */
    public double polarizationLeft() {
        return polarizationLeft;
    }

    /** Spin current through the bonds from the left lead cell into slice 0, summed over the cross-section. */
    public Vector3 spinCurrentLeft() {
        return spinCurrentLeft;
    }

    /** Spin current through the bonds from slice length-1 into the right lead cell. */
    public Vector3 spinCurrentRight() {
        return spinCurrentRight;
    }

    public double polarizationRight() {
        return polarizationRight;
    }

    /** max |ds/dt| over sites relative to the largest single term of the continuity equation. */
    public double continuityResidual() {
        return residual;
    }

    /** max |tau_direct - tau_continuity| relative to the same scale. */
    public double routeDifference() {
        return directMinusContinuity;
    }

    /** Slice-summed torque (continuity route), [slice][3]. */
    public double[][] torqueProfile() {
        return torque.clone();
    }

    /** The summary numbers of this state, for summary.json. */
    public Map<String, Object> summary() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("energy", solution.energy());
        m.put("transmission", solution.transmissionLR());
        m.put("transmission_rl", solution.transmissionRL());
        m.put("conductance_e2_over_h", solution.transmissionLR());
        m.put("particle_current", current);
        m.put("particle_current_from_transmission", solution.transmissionLR() / (2 * Math.PI));
        m.put("current_nonconservation", currentNonConservation());
        SpinResolvedTransmission sr = solution.spinResolved();
        if (sr != null && sr.conserved()) {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("up_to_up", sr.transmission(SpinResolvedTransmission.Spin.UP, SpinResolvedTransmission.Spin.UP));
            t.put("up_to_down", sr.transmission(SpinResolvedTransmission.Spin.DOWN, SpinResolvedTransmission.Spin.UP));
            t.put("down_to_up", sr.transmission(SpinResolvedTransmission.Spin.UP, SpinResolvedTransmission.Spin.DOWN));
            t.put("down_to_down", sr.transmission(SpinResolvedTransmission.Spin.DOWN,
                    SpinResolvedTransmission.Spin.DOWN));
            t.put("meaning", "T from spin s along the left lead's magnetization to spin s' along the right lead's "
                    + "(up = majority)");
            m.put("transmission_spin_resolved", t);
            sr.incomingPolarization().ifPresent(p -> m.put("P_transmission", p));
        } else if (sr != null) {
            m.put("transmission_spin_resolved", "not available: " + sr.reason().orElse("spin not conserved in a lead"));
        }
        m.put("P_current_left", polarizationLeft);
        m.put("P_current_right", polarizationRight);
        if (fit != null) {
            m.put("P_fit", fit.polarization(current));
            m.put("c_a", fit.ca());
            m.put("c_n", fit.cn());
            m.put("beta", betaDefined() ? fit.beta() : null);
            if (!betaDefined()) {
                m.put("beta_undefined", "the adiabatic torque vanishes (|P_fit| < 1e-6): beta = c_n/c_a is undefined;"
                        + " c_n is reported");
            }
            Map<String, Object> q = new LinkedHashMap<>();
            q.put("r_squared", fit.rSquared());
            q.put("relative_residual", fit.relativeResidual());
            q.put("torque_along_n", fit.alongN());
            q.put("slices_used", fit.slicesUsed());
            m.put("fit_quality", q);
            List<Map<String, Object>> dec = new ArrayList<>();
            for (Part p : parts) {
                Map<String, Object> d = new LinkedHashMap<>();
                d.put("part", p.name());
                d.put("c_a", p.fit().ca());
                d.put("c_n", p.fit().cn());
                d.put("relative_residual", p.fit().relativeResidual());
                dec.add(d);
            }
            m.put("decomposition", dec);
        }
        m.put("max_continuity_residual", residual);
        m.put("max_direct_minus_continuity", directMinusContinuity);
        m.put("warnings", solution.warnings());
        return m;
    }

    /** Writes sites.csv, bonds.csv, slices.csv, torque.ovf, spin.ovf, profile.png/svg and texture.png/svg. */
    public void write(Path dir) {
        Lattice lat = params.lattice();
        SiteObservables sites = solution.field().sites();
        List<String> terms = sites.termNames();
        List<String> h = new ArrayList<>(List.of("x", "y", "z", "n_x", "n_y", "n_z", "rho", "s_x", "s_y", "s_z",
                "src_x", "src_y", "src_z", "src_hop_x", "src_hop_y", "src_hop_z", "div_x", "div_y", "div_z",
                "torque_x", "torque_y", "torque_z", "torque_direct_x", "torque_direct_y", "torque_direct_z"));
        for (String t : terms) {
            for (String q : List.of("src", "src_hop", "div")) {
                for (String c : List.of("x", "y", "z")) {
                    h.add(q + "_" + t + "_" + c);
                }
            }
        }
        CsvTable sitesCsv = new CsvTable(h);
        int count = sites.siteCount();
        double[] spinOvf = new double[3 * count];
        double[] torqueOvf = new double[3 * count];
        for (int i = 0; i < count; i++) {
            int x = lat.x(i);
            int y = lat.y(i);
            int z = lat.z(i);
            List<Object> row = new ArrayList<>(List.of(x, y, z));
            addAll(row, params.texture().n(x, y, z));
            row.add(sites.density(i));
            addAll(row, sites.spin(i));
            addAll(row, sites.onsiteSource(i));
            addAll(row, sites.hoppingSource(i));
            addAll(row, sites.divergence(i));
            addAll(row, sites.torqueContinuity(i));
            addAll(row, sites.torqueDirect(i));
            for (int k = 0; k < terms.size(); k++) {
                addAll(row, sites.get(SiteQuantity.ONSITE_SOURCE, i, k));
                addAll(row, sites.get(SiteQuantity.HOPPING_SOURCE, i, k));
                addAll(row, sites.get(SiteQuantity.DIVERGENCE, i, k));
            }
            sitesCsv.addRow(row);
            // OVF order: x fastest, then y, then z
            int cell = x + lat.length() * (y + lat.width() * z);
            Vector3 s = sites.spin(i);
            Vector3 tq = sites.torqueContinuity(i);
            for (int a = 0; a < 3; a++) {
                spinOvf[3 * cell + a] = s.component(a);
                torqueOvf[3 * cell + a] = tq.component(a);
            }
        }
        BondObservables bonds = solution.field().bonds();
        CsvTable bondsCsv = new CsvTable(List.of("x1", "y1", "z1", "x2", "y2", "z2", "j_x", "j_y", "j_z", "j_charge"));
        for (int b = 0; b < bonds.count(); b++) {
            Bond bond = bonds.bond(b);
            List<Object> row = new ArrayList<>(List.of(bond.from().x(), bond.from().y(), bond.from().z(),
                    bond.to().x(), bond.to().y(), bond.to().z()));
            addAll(row, bonds.spinCurrent(b));
            row.add(bonds.chargeCurrent(b));
            bondsCsv.addRow(row);
        }
        List<String> sh = new ArrayList<>(List.of("x", "n_x", "n_y", "n_z", "dn_x", "dn_y", "dn_z", "torque_x",
                "torque_y", "torque_z", "torque_along_dn", "torque_along_n_x_dn", "fit_along_dn",
                "fit_along_n_x_dn", "current_in"));
        CsvTable slicesCsv = new CsvTable(sh);
        int length = lat.length();
        double[] xs = new double[length];
        double[] ta = new double[length];
        double[] tn = new double[length];
        double[] fa = new double[length];
        double[] fn = new double[length];
        double[] nx = new double[length];
        double[] ny = new double[length];
        double[] nz = new double[length];
        for (int x = 0; x < length; x++) {
            double[] c = TorqueFit.cross(n[x], dn[x]);
            double norm = TorqueFit.norm(dn[x]);
            xs[x] = x;
            ta[x] = norm > 0 ? TorqueFit.dot(torque[x], dn[x]) / norm : 0;
            tn[x] = norm > 0 ? TorqueFit.dot(torque[x], c) / norm : 0;
            fa[x] = fit == null ? 0 : fit.ca() * norm;
            fn[x] = fit == null ? 0 : fit.cn() * norm;
            nx[x] = n[x][0];
            ny[x] = n[x][1];
            nz[x] = n[x][2];
            List<Object> row = new ArrayList<>();
            row.add(x);
            for (double v : n[x]) {
                row.add(v);
            }
            for (double v : dn[x]) {
                row.add(v);
            }
            for (double v : torque[x]) {
                row.add(v);
            }
            row.addAll(List.of(ta[x], tn[x], fa[x], fn[x], sliceCurrents[x]));
            slicesCsv.addRow(row);
        }
        AtomicFiles.writeString(dir.resolve("sites.csv"), sitesCsv.render());
        AtomicFiles.writeString(dir.resolve("bonds.csv"), bondsCsv.render());
        AtomicFiles.writeString(dir.resolve("slices.csv"), slicesCsv.render());
        OvfMesh mesh = OvfMesh.of("a", length, lat.width(), lat.height(), 1, 1, 1, -0.5, -0.5, -0.5);
        OvfWriter.write(dir.resolve("spin.ovf"), new OvfField(mesh, 3, spinOvf, "spin density s per unit bias",
                List.of("spintorque run: delta rho spin density, sigma units, per unit bias, lattice units"),
                List.of("s_x", "s_y", "s_z"), List.of("1", "1", "1")), OvfEncoding.TEXT);
        OvfWriter.write(dir.resolve("torque.ovf"), new OvfField(mesh, 3, torqueOvf, "torque per unit bias",
                List.of("spintorque run: torque on the magnetization, -div j_s + T_sr, per unit bias"),
                List.of("torque_x", "torque_y", "torque_z"), List.of("t", "t", "t")), OvfEncoding.TEXT);
        LinePlot profile = new LinePlot("torque profile per unit bias (slice sums)", "x [a]", "torque [t per unit bias]")
                .legend(org.knowm.xchart.style.Styler.LegendPosition.OutsideS)
                .add(new LinePlot.Series("along d_x n (adiabatic)", xs, ta))
                .add(new LinePlot.Series("along n x d_x n (non-adiabatic)", xs, tn));
        if (fit != null) {
            profile.add(new LinePlot.Series("fit c_a |d_x n|", xs, fa, true))
                    .add(new LinePlot.Series("fit c_n |d_x n|", xs, fn, true));
        }
        profile.write(dir.resolve("profile"));
        new LinePlot("texture n(x)", "x [a]", "n").add(new LinePlot.Series("n_x", xs, nx))
                .add(new LinePlot.Series("n_y", xs, ny)).add(new LinePlot.Series("n_z", xs, nz))
                .write(dir.resolve("texture"));
    }

    private static void addAll(List<Object> row, Vector3 v) {
        row.add(v.x());
        row.add(v.y());
        row.add(v.z());
    }
}
