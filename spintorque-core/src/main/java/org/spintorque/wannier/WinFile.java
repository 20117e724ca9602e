package org.spintorque.wannier;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the model needs from a Wannier90 input file {@code seedname.win}: the primitive vectors
 * ({@code unit_cell_cart}, in bohr or Angstrom as its first line says; Angstrom when it says nothing),
 * {@code fermi_energy}, {@code spinors}, {@code num_wann} and the {@code kpoint_path}. Keys are
 * case-insensitive; {@code !} and {@code #} start comments; {@code key = value}, {@code key : value} and
 * {@code key value} are all accepted, as by Wannier90.
 *
 * @param lattice     primitive vectors a1, a2, a3 as rows, Angstrom (null when the block is absent)
 * @param fermiEnergy eV, or null
 * @param spinors     the {@code spinors} flag, or null when absent
 * @param numWann     or null
 * @param path        the {@code kpoint_path} segments (fractional coordinates), possibly empty
 */
public record WinFile(double[][] lattice, Double fermiEnergy, Boolean spinors, Integer numWann,
                      List<PathSegment> path) {

    /** Bohr radius in Angstrom, the value Wannier90 3.x uses (CODATA 2006). */
    public static final double BOHR_ANGSTROM = 0.52917721092;

    /** One segment of a {@code kpoint_path}: labels and fractional coordinates of its ends. */
    public record PathSegment(String fromLabel, double[] from, String toLabel, double[] to) { }

    public static WinFile read(Path file) {
        Map<String, String> keys = new LinkedHashMap<>();
        Map<String, List<String>> blocks = new LinkedHashMap<>();
        Map<String, Integer> blockLines = new LinkedHashMap<>();
        try (TextLines in = TextLines.open(file)) {
            String line;
            String block = null;
            while ((line = in.nextOrNull()) != null) {
                String s = stripComment(line).trim();
                if (s.isEmpty()) {
                    continue;
                }
                String low = s.toLowerCase(Locale.ROOT);
                if (low.startsWith("begin ") || low.startsWith("begin\t")) {
                    if (block != null) {
                        throw in.error("'" + s + "' inside the block '" + block + "': expected 'end " + block + "'");
                    }
                    block = low.substring(6).trim();
                    blocks.put(block, new ArrayList<>());
                    blockLines.put(block, in.line());
                } else if (low.startsWith("end ") || low.startsWith("end\t")) {
                    String name = low.substring(4).trim();
                    if (!name.equals(block)) {
                        throw in.error("'" + s + "' does not close " + (block == null ? "any block" : "'begin "
                                + block + "'"));
                    }
                    block = null;
                } else if (block != null) {
                    blocks.get(block).add(s);
                } else {
                    String[] kv = s.split("\\s*[=:]\\s*|\\s+", 2);
                    keys.put(kv[0].toLowerCase(Locale.ROOT), kv.length > 1 ? kv[1].trim() : "");
                }
            }
            if (block != null) {
                throw in.error("the file ends inside the block '" + block + "' (begun on line "
                        + blockLines.get(block) + ")");
            }
        }
        double[][] lattice = blocks.containsKey("unit_cell_cart")
                ? lattice(file, blocks.get("unit_cell_cart"), blockLines.get("unit_cell_cart")) : null;
        Double ef = keys.containsKey("fermi_energy") ? number(file, "fermi_energy", keys.get("fermi_energy")) : null;
        Boolean spinors = keys.containsKey("spinors") ? logical(file, keys.get("spinors")) : null;
        Integer nw = keys.containsKey("num_wann") ? (int) Math.round(number(file, "num_wann", keys.get("num_wann")))
                : null;
        List<PathSegment> path = blocks.containsKey("kpoint_path")
                ? path(file, blocks.get("kpoint_path"), blockLines.get("kpoint_path")) : List.of();
        return new WinFile(lattice, ef, spinors, nw, path);
    }

    private static String stripComment(String s) {
        int cut = s.length();
        int a = s.indexOf('!');
        int b = s.indexOf('#');
        if (a >= 0) {
            cut = Math.min(cut, a);
        }
        if (b >= 0) {
            cut = Math.min(cut, b);
        }
        return s.substring(0, cut);
    }

    private static double[][] lattice(Path file, List<String> lines, int begin) {
        double scale = 1;
        int k = 0;
        if (!lines.isEmpty() && lines.get(0).trim().split("\\s+").length == 1) {
            String unit = lines.get(0).trim().toLowerCase(Locale.ROOT);
            if (unit.startsWith("bohr")) {
                scale = BOHR_ANGSTROM;
            } else if (!unit.startsWith("ang")) {
                throw new WannierFormatException(file, begin + 1, "unit_cell_cart: unit '" + lines.get(0).trim()
                        + "' is neither bohr nor ang");
            }
            k = 1;
        }
        if (lines.size() - k != 3) {
            throw new WannierFormatException(file, begin, "unit_cell_cart: expected three primitive vectors, found "
                    + (lines.size() - k) + " lines");
        }
        double[][] a = new double[3][3];
        for (int i = 0; i < 3; i++) {
            String[] f = lines.get(k + i).trim().split("\\s+");
            if (f.length != 3) {
                throw new WannierFormatException(file, begin + 1 + k + i, "unit_cell_cart: expected three numbers, "
                        + "found '" + lines.get(k + i).trim() + "'");
            }
            for (int c = 0; c < 3; c++) {
                a[i][c] = scale * number(file, "unit_cell_cart", f[c]);
            }
        }
        return a;
    }

    private static List<PathSegment> path(Path file, List<String> lines, int begin) {
        List<PathSegment> segments = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String[] f = lines.get(i).trim().split("\\s+");
            if (f.length != 8) {
                throw new WannierFormatException(file, begin + 1 + i, "kpoint_path: expected 'L1 k1 k2 k3 L2 k1 k2 "
                        + "k3', found '" + lines.get(i).trim() + "'");
            }
            double[] from = new double[3];
            double[] to = new double[3];
            for (int c = 0; c < 3; c++) {
                from[c] = number(file, "kpoint_path", f[1 + c]);
                to[c] = number(file, "kpoint_path", f[5 + c]);
            }
            segments.add(new PathSegment(f[0], from, f[4], to));
        }
        return List.copyOf(segments);
    }

    private static double number(Path file, String key, String v) {
        try {
            return Double.parseDouble(v.trim().split("\\s+")[0].replace('d', 'e').replace('D', 'E'));
        } catch (NumberFormatException e) {
            throw new WannierFormatException(file, 0, key + ": expected a number, found '" + v + "'");
        }
    }

    private static boolean logical(Path file, String v) {
        String s = v.trim().toLowerCase(Locale.ROOT).replace(".", "");
        if (s.equals("t") || s.equals("true")) {
            return true;
        }
        if (s.equals("f") || s.equals("false")) {
            return false;
        }
        throw new WannierFormatException(file, 0, "spinors: expected true or false, found '" + v + "'");
    }
}
