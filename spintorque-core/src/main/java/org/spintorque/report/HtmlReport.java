package org.spintorque.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.spintorque.config.InputException;
import org.spintorque.output.AtomicFiles;
import org.spintorque.output.JsonOutput;
import org.spintorque.output.ProgramInfo;

/**
 * {@code spintorque report}: one self-contained HTML page (plots embedded) gathering the output folders of
 * several runs: for a sweep, the table of beta (with standard errors) against the swept parameter next to the
 * analytic eqs. (29)/(40), the measured ratio and the straight-line fit; for a single run, beta, P and the
 * decomposition of the torque into -div j_s and the source of every term; for any other command, its scalar
 * results. A first table compares analytic and numeric values across all runs, with the convention factor of
 * physics.md section 5 (beta = c_n/c_a against the paper's beta) stated as a measured number.
 */
public final class HtmlReport {
    /** One output folder and its summary. */
    public record Entry(Path directory, Map<String, Object> summary) {
        String name() {
            Object in = summary.get("input_file");
            String s = in == null ? directory.getFileName().toString() : Path.of(in.toString()).getFileName().toString();
            return s.endsWith(".toml") ? s.substring(0, s.length() - 5) : s;
        }
    }

    private final String title;
    private final List<Entry> entries;

    private HtmlReport(String title, List<Entry> entries) {
        this.title = title;
        this.entries = entries;
    }

    /**
     * Reads the output folders. A folder without summary.json is searched one level down (so the parent of
     * several run folders can be given).
     *
     * @throws InputException if a folder does not exist or holds no summary.json at all
     */
    public static HtmlReport of(String title, List<Path> dirs) {
        List<Entry> entries = new ArrayList<>();
        for (Path d : dirs) {
            if (!Files.isDirectory(d)) {
                throw new InputException("report: " + d + " is not a directory; give the output folders of runs "
                        + "(each with a summary.json), e.g. out/1-spin-flip-strip");
            }
            if (Files.exists(d.resolve("summary.json"))) {
                entries.add(read(d));
                continue;
            }
            List<Path> subs;
            try (Stream<Path> s = Files.list(d)) {
                subs = s.filter(p -> Files.exists(p.resolve("summary.json"))).sorted().toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (subs.isEmpty()) {
                throw new InputException("report: " + d + " holds no summary.json (nor do its sub-folders); run "
                        + "the calculation first, e.g. ./spintorque run <config> --out " + d);
            }
            subs.forEach(p -> entries.add(read(p)));
        }
        if (entries.isEmpty()) {
            throw new InputException("report: no output folders given");
        }
        return new HtmlReport(title, List.copyOf(entries));
    }

    static Entry read(Path d) {
        try {
            return new Entry(d, JsonOutput.parse(Files.readString(d.resolve("summary.json"))));
        } catch (IOException | RuntimeException e) {
            throw new InputException("report: " + d.resolve("summary.json") + " cannot be read: " + e.getMessage(), e);
        }
    }

    public List<Entry> entries() {
        return entries;
    }

    /** Writes {@code file} (atomically). */
    public void write(Path file) {
        AtomicFiles.writeString(file, html());
    }

    /** The page. */
    public String html() {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(esc(title))
                .append("</title>\n<style>body{font-family:sans-serif;max-width:1100px;margin:2em auto;color:#222}"
                        + "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #bbb;padding:3px 8px;"
                        + "text-align:right}th{background:#eee}td.l,th.l{text-align:left}img{max-width:100%}"
                        + "h2{border-bottom:1px solid #999;margin-top:2em}.note{color:#555;font-size:90%}</style>"
                        + "</head><body>\n");
        h.append("<h1>").append(esc(title)).append("</h1>\n<p class=\"note\">")
                .append(esc(ProgramInfo.name() + " " + ProgramInfo.version())).append(entries.stream().allMatch(
                        e -> "material".equals(e.summary().get("command"))) ? ". Energies in eV, lengths in the "
                        + "conventional lattice constant a" : ". Lattice units (energies in t, lengths in a, hbar = e = 1)")
                .append(". beta = c_n/c_a from the fit tau(x) = c_a d_x n + c_n n x d_x n; "
                        + "errors are standard errors over the disorder ensemble.</p>\n");
        comparison(h);
        for (Entry e : entries) {
            h.append("<h2>").append(esc(e.name())).append("</h2>\n<p class=\"note\">folder ")
                    .append(esc(e.directory().toString())).append(", command ")
                    .append(esc(String.valueOf(e.summary().get("command")))).append("</p>\n");
            if (e.summary().get("sweep") instanceof Map<?, ?>) {
                sweep(h, e);
            } else if ("run".equals(e.summary().get("command"))) {
                run(h, e);
            } else if ("material".equals(e.summary().get("command"))) {
                material(h, e);
            } else {
                scalars(h, e.summary());
            }
        }
        h.append("</body></html>\n");
        return h.toString();
    }

    /** Analytic against numeric, one row per run that has a reference value. */
    private void comparison(StringBuilder h) {
        List<String[]> rows = new ArrayList<>();
        for (Entry e : entries) {
            Map<String, Object> s = e.summary();
            for (String ref : List.of("eq29", "eq40")) {
                if (s.get("beta_over_" + ref) instanceof Map<?, ?> m) {
                    rows.add(new String[] {e.name(), "sweep, " + num(m.get("points")) + " points", "beta_" + ref,
                            pm(m.get("ratio"), m.get("ratio_err")), num(m.get("chi2_per_dof"))});
                    if (s.get("beta_relaxation_over_" + ref) instanceof Map<?, ?> mr) {
                        rows.add(new String[] {e.name(), "sweep, relaxation sources only", "beta_" + ref,
                                pm(mr.get("ratio"), mr.get("ratio_err")), num(mr.get("chi2_per_dof"))});
                    }
                } else if (s.get("beta_" + ref) instanceof Number ref0 && s.get("beta") instanceof Number b) {
                    double r = b.doubleValue() / ref0.doubleValue();
                    Object err = s.get("beta_err") instanceof Number be ? be.doubleValue() / ref0.doubleValue() : null;
                    rows.add(new String[] {e.name(), "single run", "beta_" + ref, pm(r, err), "-"});
                }
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        h.append("<h2>Analytic against numeric</h2>\n<p>Measured beta = c_n/c_a divided by the paper's value "
                + "evaluated for the same lattice model (eq. (29) with the lattice density of states; eq. (40) with the "
                + "lattice lifetimes). This ratio is the convention factor of physics.md section 5 as a measured "
                + "number: 1 if the paper's beta multiplies the adiabatic term -(P/e)(j.grad)n of eq. (14), 2 if it "
                + "multiplies the -(P/2e)(j.grad)n of eq. (42). A chi^2 per degree of freedom far above 1 means beta is "
                + "not proportional to the reference over the sweep (e.g. a wall-width sweep that includes narrow "
                + "walls): read the sweep's table then.</p>\n<table><tr><th class=\"l\">run</th>"
                + "<th class=\"l\">kind</th><th class=\"l\">reference</th><th>beta / reference</th>"
                + "<th>chi^2/dof</th></tr>\n");
        for (String[] r : rows) {
            h.append("<tr><td class=\"l\">").append(esc(r[0])).append("</td><td class=\"l\">").append(esc(r[1]))
                    .append("</td><td class=\"l\">").append(esc(r[2])).append("</td><td>").append(esc(r[3]))
                    .append("</td><td>").append(esc(r[4])).append("</td></tr>\n");
        }
        h.append("</table>\n");
    }

    private void sweep(StringBuilder h, Entry e) {
        Map<?, ?> sw = (Map<?, ?>) e.summary().get("sweep");
        String p = String.valueOf(sw.get("parameter"));
        h.append("<p>Sweep of <code>").append(esc(p)).append("</code> [").append(esc(String.valueOf(sw.get("unit"))))
                .append("]</p>\n");
        List<String> cols = new ArrayList<>(List.of("beta", "beta[relaxation]", "beta[divergence]", "beta_eq29",
                "beta_eq40", "P_fit", "c_a", "c_n", "c_n[divergence]"));
        List<?> results = e.summary().get("results") instanceof List<?> l ? l : List.of();
        for (Object o : results) {
            if (o instanceof Map<?, ?> m) {
                for (Object k : m.keySet()) {
                    String key = k.toString();
                    if (key.startsWith("c_n[source_") && !key.endsWith("_err") && !cols.contains(key)) {
                        cols.add(key);
                    }
                }
            }
        }
        cols.removeIf(c -> results.stream().noneMatch(o -> o instanceof Map<?, ?> m && m.get(c) != null));
        h.append("<table><tr><th>").append(esc(p)).append("</th>");
        cols.forEach(c -> h.append("<th>").append(esc(c)).append("</th>"));
        h.append("</tr>\n");
        for (Object o : results) {
            Map<?, ?> m = (Map<?, ?>) o;
            h.append("<tr><td>").append(num(m.get(p))).append("</td>");
            cols.forEach(c -> h.append("<td>").append(esc(pm(m.get(c), m.get(c + "_err")))).append("</td>"));
            h.append("</tr>\n");
        }
        h.append("</table>\n");
        for (String ref : List.of("eq29", "eq40")) {
            if (e.summary().get("beta_relaxation_over_" + ref) instanceof Map<?, ?> m) {
                h.append("<p>beta[relaxation] / beta_").append(ref).append(" = <b>").append(esc(pm(m.get("ratio"),
                        m.get("ratio_err")))).append("</b> (the relaxation sources alone)</p>\n");
            }
            if (e.summary().get("beta_over_" + ref) instanceof Map<?, ?> m) {
                h.append("<p>beta / beta_").append(ref).append(" = <b>").append(esc(pm(m.get("ratio"),
                        m.get("ratio_err")))).append("</b> (weighted least squares through the origin over ")
                        .append(num(m.get("points"))).append(" points)</p>\n");
            }
        }
        if (e.summary().get("beta_line") instanceof Map<?, ?> m) {
            h.append("<p>Straight line beta = a + b x: a = ").append(esc(pm(m.get("intercept"), m.get("intercept_err"))))
                    .append(", b = ").append(esc(pm(m.get("slope"), m.get("slope_err")))).append(", chi^2 per degree "
                    + "of freedom ").append(num(m.get("chi2_per_dof"))).append("</p>\n");
        }
        image(h, e.directory().resolve("sweep.png"));
    }

    private void run(StringBuilder h, Entry e) {
        Map<String, Object> s = e.summary();
        h.append("<table><tr><th class=\"l\">quantity</th><th>value</th></tr>\n");
        for (String q : List.of("realizations", "transmission", "P_fit", "P_current_left", "c_a", "c_n", "beta",
                "beta_relaxation", "beta_divergence", "beta_of_mean_torque", "beta_eq29", "beta_eq40")) {
            if (s.containsKey(q) && s.get(q) != null) {
                h.append("<tr><td class=\"l\">").append(esc(q)).append("</td><td>").append(esc(pm(s.get(q),
                        s.get(q + "_err")))).append("</td></tr>\n");
            }
        }
        h.append("</table>\n");
        decomposition(h, s);
        image(h, e.directory().resolve("profile.png"));
    }

    /** c_a and c_n of every part, with errors from the ensemble when there is one. */
    private void decomposition(StringBuilder h, Map<String, Object> s) {
        Map<String, String[]> parts = new LinkedHashMap<>();
        if (s.get("ensemble") instanceof Map<?, ?> en && en.get("scalars") instanceof Map<?, ?> sc) {
            for (Object k : sc.keySet()) {
                String key = k.toString();
                if ((key.startsWith("c_a[") || key.startsWith("c_n[")) && sc.get(k) instanceof Map<?, ?> v) {
                    String part = key.substring(4, key.length() - 1);
                    String[] row = parts.computeIfAbsent(part, x -> new String[2]);
                    row[key.startsWith("c_a[") ? 0 : 1] = pm(v.get("mean"), v.get("error"));
                }
            }
        } else if (s.get("decomposition") instanceof List<?> dec) {
            for (Object o : dec) {
                if (o instanceof Map<?, ?> m) {
                    parts.put(String.valueOf(m.get("part")), new String[] {num(m.get("c_a")), num(m.get("c_n"))});
                }
            }
        }
        if (parts.isEmpty()) {
            return;
        }
        h.append("<p>Decomposition of the torque (continuity route): tau = -div j_s + the source of every "
                + "non-exchange term; each part fitted to c_a d_x n + c_n n x d_x n.</p>\n<table><tr><th class=\"l\">"
                + "part</th><th>c_a [t]</th><th>c_n [t]</th></tr>\n");
        parts.forEach((k, v) -> h.append("<tr><td class=\"l\">").append(esc(k)).append("</td><td>")
                .append(esc(v[0] == null ? "-" : v[0])).append("</td><td>").append(esc(v[1] == null ? "-" : v[1]))
                .append("</td></tr>\n"));
        h.append("</table>\n");
    }

    private void scalars(StringBuilder h, Map<String, Object> s) {
        h.append("<table><tr><th class=\"l\">quantity</th><th>value</th></tr>\n");
        s.forEach((k, v) -> {
            if (v instanceof Number && !k.endsWith("_err")) {
                h.append("<tr><td class=\"l\">").append(esc(k)).append("</td><td>").append(esc(pm(v, s.get(k + "_err"))))
                        .append("</td></tr>\n");
            }
        });
        h.append("</table>\n");
    }

    /** spintorque material: P and beta per route and disorder strength, with the plots. */
    private static void material(StringBuilder h, Entry e) {
        Map<String, Object> s = e.summary();
        if (s.get("model") instanceof Map<?, ?> m) {
            h.append("<p>Wannier model: ").append(esc(num(m.get("orbitals")))).append(" orbitals (")
                    .append(esc(String.valueOf(m.get("spin")))).append("), ").append(esc(num(m.get("cells"))))
                    .append(" cells, E_F = ").append(esc(num(m.get("fermi_energy_eV")))).append(" eV</p>\n");
        }
        h.append("<table><tr><th class=\"l\">route</th><th class=\"l\">disorder</th><th>P</th><th>beta</th>"
                + "<th class=\"l\">parts of beta</th><th>beta, eq. (29)</th><th>time [s]</th></tr>\n");
        if (s.get("k_space") instanceof Map<?, ?> k && k.get("results") instanceof List<?> rs) {
            for (Object o : rs) {
                if (o instanceof Map<?, ?> r) {
                    h.append("<tr><td class=\"l\">k space (Kubo, P only)</td><td class=\"l\">broadening ")
                            .append(esc(num(r.get("broadening_eV")))).append(" eV</td><td>")
                            .append(esc(pm(r.get("P"), r.get("P_mesh_error")))).append("</td><td>")
                            .append(esc(pm(r.get("beta"), r.get("beta_err")))).append("</td><td class=\"l\">")
                            .append(esc(r.get("beta") == null ? "P only (beta: spin-spiral rows)" : "")).append("</td><td>")
                            .append(esc(num(r.get("beta_eq29")))).append("</td><td>").append(esc(num(r.get("seconds"))))
                            .append("</td></tr>\n");
                }
            }
            if (k.get("spiral") instanceof List<?> sp) {
                for (Object o : sp) {
                    if (o instanceof Map<?, ?> r) {
                        h.append("<tr><td class=\"l\">k space (spin spiral)</td><td class=\"l\">broadening ")
                                .append(esc(num(r.get("broadening_eV")))).append(" eV, spin flip ")
                                .append(esc(num(r.get("spin_flip_broadening_eV")))).append(" eV, mesh ")
                                .append(esc(num(r.get("mesh")))).append("</td><td>")
                                .append(esc(pm(r.get("P"), r.get("P_mesh_error")))).append("</td><td>")
                                .append(esc(pm(r.get("beta"), r.get("beta_mesh_error"))))
                                .append("</td><td class=\"l\">").append(esc("direct route: " + num(r.get("beta_direct"))
                                        + "; spin-orbit dropped")).append("</td><td>")
                                .append(esc(num(r.get("beta_eq29")))).append("</td><td>")
                                .append(esc(num(r.get("seconds")))).append("</td></tr>\n");
                    }
                }
            }
            if (k.get("spin_orbit_spiral") instanceof List<?> so) {
                for (Object o : so) {
                    if (o instanceof Map<?, ?> r) {
                        h.append("<tr><td class=\"l\">k space (spin spiral, spin-orbit kept)</td><td class=\"l\">")
                                .append(esc("broadening " + num(r.get("broadening_eV")) + " eV, spin flip "
                                        + num(r.get("spin_flip_broadening_eV")) + " eV, supercell of "
                                        + num(r.get("cells_per_period")) + " planes, q = " + num(r.get("q_per_nm"))
                                        + "/nm, mesh " + num(r.get("mesh")))).append("</td><td>")
                                .append(esc(num(r.get("P")))).append("</td><td>").append(esc(num(r.get("beta"))))
                                .append("</td><td class=\"l\">").append(esc("spin-orbit source: "
                                        + num(r.get("beta_so")) + "; spin-flip impurities: " + num(r.get("beta_sf"))
                                        + "; without spin-orbit at the same q: beta " + num(r.get(
                                        "beta_without_spin_orbit")) + ", P " + num(r.get("P_without_spin_orbit"))))
                                .append("</td><td>").append(esc(num(r.get("beta_eq29")))).append("</td><td>")
                                .append(esc(num(r.get("seconds")))).append("</td></tr>\n");
                    }
                }
            }
        }
        if (s.get("real_space") instanceof Map<?, ?> r0 && r0.get("results") instanceof List<?> rs) {
            for (Object o : rs) {
                if (o instanceof Map<?, ?> r && r.get("disorder") instanceof Map<?, ?> d) {
                    StringBuilder parts = new StringBuilder();
                    if (r.get("beta_parts") instanceof Map<?, ?> bp) {
                        bp.forEach((name, v) -> {
                            if (!"total".equals(name) && v instanceof Map<?, ?> vm) {
                                parts.append(name).append(": ").append(pm(vm.get("value"), vm.get("error"))).append("; ");
                            }
                        });
                    }
                    if (r.get("P_bulk_drude") instanceof Map<?, ?> dp) {
                        parts.append("bulk P from the Drude resistances: ").append(pm(dp.get("value"), dp.get("error")))
                                .append("; ");
                    }
                    h.append("<tr><td class=\"l\">real space (wall in a slab)</td><td class=\"l\">spin flip v_s = ")
                            .append(esc(num(d.get("spin_flip_eV")))).append(" eV, c = ")
                            .append(esc(num(d.get("concentration"))))
                            .append(esc(d.get("anderson_eV") instanceof Number w && w.doubleValue() > 0
                                    ? ", Anderson W = " + num(w) + " eV" : "")).append(", ")
                            .append(esc(num(r.get("realizations"))))
                            .append(" realizations</td><td>").append(esc(pm(r.get("P"), r.get("P_err"))))
                            .append("</td><td>").append(esc(pm(r.get("beta"), r.get("beta_err"))))
                            .append("</td><td class=\"l\">").append(esc(parts.toString())).append("</td><td>")
                            .append(esc(num(r.get("beta_eq29")))).append("</td><td>").append(esc(num(r.get("seconds"))))
                            .append("</td></tr>\n");
                }
            }
        }
        h.append("</table>\n");
        if (s.get("real_space") instanceof Map<?, ?> r0 && r0.get("geometry") instanceof Map<?, ?> g) {
            h.append("<p class=\"note\">Real-space geometry: ");
            g.forEach((key, v) -> h.append(esc(key + " = " + (v instanceof Number ? num(v) : String.valueOf(v))))
                    .append("; "));
            h.append("M_eff = ").append(esc(num(r0.get("M_eff_eV")))).append(" eV, nu = ")
                    .append(esc(num(r0.get("dos_per_site_per_eV")))).append(" /eV per site.</p>\n");
        }
        image(h, e.directory().resolve("polarization.png"));
        image(h, e.directory().resolve("realspace-torque.png"));
    }

    private static void image(StringBuilder h, Path png) {
        if (!Files.exists(png)) {
            return;
        }
        try {
            h.append("<p><img alt=\"").append(esc(png.getFileName().toString())).append("\" src=\"data:image/png;base64,")
                    .append(Base64.getEncoder().encodeToString(Files.readAllBytes(png))).append("\"></p>\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String pm(Object value, Object err) {
        if (!(value instanceof Number v)) {
            return value == null ? "-" : value.toString();
        }
        if (err instanceof Number e && e.doubleValue() > 0) {
            return String.format(Locale.ROOT, "%.4g ± %.2g", v.doubleValue(), e.doubleValue());
        }
        return num(v);
    }

    static String num(Object v) {
        if (v == null) {
            return "-";
        }
        if (v instanceof Integer || v instanceof Long) {
            return v.toString();
        }
        return v instanceof Number n ? String.format(Locale.ROOT, "%.6g", n.doubleValue()) : String.valueOf(v);
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
