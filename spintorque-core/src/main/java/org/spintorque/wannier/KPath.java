package org.spintorque.wannier;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A path through the Brillouin zone: points in fractional coordinates of the reciprocal primitive vectors, the
 * accumulated Cartesian distance along the path (1/Angstrom, with the 2 pi) and the labelled corners.
 *
 * <p>Standard paths for cubic Bravais lattices (labels of Setyawan and Curtarolo, Comput. Mater. Sci. 49, 299
 * (2010); G = Gamma; in units of 2 pi/a with the cube axes along x, y, z):
 * bcc {@code G-H-N-G-P-H|P-N}, H (0,0,1), N (1/2,1/2,0), P (1/2,1/2,1/2);
 * fcc {@code G-X-W-K-G-L-U-W-L-K|U-X}, X (0,1,0), W (1/2,1,0), K (3/4,3/4,0), L (1/2,1/2,1/2), U (1/4,1,1/4);
 * sc {@code G-X-M-G-R-X|M-R}, X (0,1/2,0), M (1/2,1/2,0), R (1/2,1/2,1/2).
 * A point k_cart becomes fractional as {@code k_i = k_cart . a_i / (2 pi)}, so any orientation of the primitive
 * vectors works as long as the cube axes are the Cartesian axes.
 *
 * @param fractional points, {@code [point][3]}
 * @param distance   accumulated path length at each point (1/Angstrom); a jump ("|") adds nothing
 * @param ticks      index of each labelled corner in the point list
 * @param labels     the corner labels
 */
public record KPath(double[][] fractional, double[] distance, int[] ticks, String[] labels) {

    /** The cubic Bravais lattice of a cell, recognised from its primitive vectors. */
    public enum Cubic {
        SC, BCC, FCC, OTHER
    }

    /** Which cubic lattice a cell is, and its conventional constant a (Angstrom), or OTHER. */
    public static Cubic cubic(double[][] lattice) {
        double c = 0;
        for (double[] v : lattice) {
            for (double x : v) {
                c = Math.max(c, Math.abs(x));
            }
        }
        double tol = 1e-4 * c;
        int[] nonzero = new int[3];
        for (int i = 0; i < 3; i++) {
            for (double x : lattice[i]) {
                if (Math.abs(x) > tol) {
                    if (Math.abs(Math.abs(x) - c) > tol) {
                        return Cubic.OTHER;
                    }
                    nonzero[i]++;
                }
            }
        }
        Cubic kind = nonzero[0] == 3 && nonzero[1] == 3 && nonzero[2] == 3 ? Cubic.BCC
                : nonzero[0] == 2 && nonzero[1] == 2 && nonzero[2] == 2 ? Cubic.FCC
                : nonzero[0] == 1 && nonzero[1] == 1 && nonzero[2] == 1 ? Cubic.SC : Cubic.OTHER;
        double vol = Math.abs(det(lattice));
        double expected = kind == Cubic.BCC ? 4 * c * c * c : kind == Cubic.FCC ? 2 * c * c * c : c * c * c;
        return kind != Cubic.OTHER && Math.abs(vol - expected) < 1e-3 * expected ? kind : Cubic.OTHER;
    }

    /** The conventional cubic lattice constant a (Angstrom) of a cubic cell. */
    public static double cubicConstant(double[][] lattice, Cubic kind) {
        double c = 0;
        for (double[] v : lattice) {
            for (double x : v) {
                c = Math.max(c, Math.abs(x));
            }
        }
        return kind == Cubic.SC ? c : 2 * c;
    }

    /** Labelled points of a cubic lattice, Cartesian in units of 2 pi/a. */
    public static Map<String, double[]> cubicPoints(Cubic kind) {
        Map<String, double[]> m = new LinkedHashMap<>();
        m.put("G", new double[] {0, 0, 0});
        switch (kind) {
            case BCC -> {
                m.put("H", new double[] {0, 0, 1});
                m.put("N", new double[] {0.5, 0.5, 0});
                m.put("P", new double[] {0.5, 0.5, 0.5});
            }
            case FCC -> {
                m.put("X", new double[] {0, 1, 0});
                m.put("W", new double[] {0.5, 1, 0});
                m.put("K", new double[] {0.75, 0.75, 0});
                m.put("L", new double[] {0.5, 0.5, 0.5});
                m.put("U", new double[] {0.25, 1, 0.25});
            }
            case SC -> {
                m.put("X", new double[] {0, 0.5, 0});
                m.put("M", new double[] {0.5, 0.5, 0});
                m.put("R", new double[] {0.5, 0.5, 0.5});
            }
            default -> throw new IllegalArgumentException("no standard points for a non-cubic lattice");
        }
        return m;
    }

    /** The standard path of a cubic lattice, as labels. */
    public static String standardPath(Cubic kind) {
        return switch (kind) {
            case BCC -> "G-H-N-G-P-H|P-N";
            case FCC -> "G-X-W-K-G-L-U-W-L-K|U-X";
            case SC -> "G-X-M-G-R-X|M-R";
            default -> throw new IllegalArgumentException("no standard path for a non-cubic lattice; give the path");
        };
    }

    /** A labelled point of a path, fractional coordinates. */
    public record Point(String label, double[] k) { }

    /**
     * A path through labelled points given in fractional coordinates, written like {@code "G-H-N|P-N"} ("-" joins,
     * "|" jumps), with about {@code points} points in all, spread in proportion to the segment lengths.
     */
    public static KPath through(String spec, Map<String, double[]> fractionalPoints, double[][] reciprocal,
                                int points) {
        List<List<Point>> runs = new ArrayList<>();
        for (String run : spec.trim().split("\\|")) {
            List<Point> labels = new ArrayList<>();
            for (String l : run.trim().split("-")) {
                String s = l.trim();
                if (!fractionalPoints.containsKey(s)) {
                    throw new IllegalArgumentException("unknown point '" + s + "' in path '" + spec + "' (known: "
                            + String.join(", ", fractionalPoints.keySet()) + ")");
                }
                labels.add(new Point(s, fractionalPoints.get(s)));
            }
            if (labels.size() < 2) {
                throw new IllegalArgumentException("path '" + spec + "': each run between '|' needs two points or more");
            }
            runs.add(labels);
        }
        return alongRuns(runs, reciprocal, points);
    }

    /** The path of a Wannier90 {@code kpoint_path} block: a segment that does not start where the last ended jumps. */
    public static KPath through(List<WinFile.PathSegment> segments, double[][] reciprocal, int points) {
        List<List<Point>> runs = new ArrayList<>();
        List<Point> run = null;
        double[] last = null;
        for (WinFile.PathSegment s : segments) {
            if (run == null || !java.util.Arrays.equals(last, s.from())) {
                run = new ArrayList<>();
                runs.add(run);
                run.add(new Point(s.fromLabel(), s.from()));
            }
            run.add(new Point(s.toLabel(), s.to()));
            last = s.to();
        }
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("empty kpoint_path");
        }
        return alongRuns(runs, reciprocal, points);
    }

    /** Points spread over the runs in proportion to the segment lengths, about {@code points} in all. */
    static KPath alongRuns(List<List<Point>> runs, double[][] reciprocal, int points) {
        double total = 0;
        for (List<Point> run : runs) {
            for (int i = 0; i + 1 < run.size(); i++) {
                total += cartesianDistance(run.get(i).k(), run.get(i + 1).k(), reciprocal);
            }
        }
        List<double[]> ks = new ArrayList<>();
        List<Double> dist = new ArrayList<>();
        List<Integer> ticks = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        double x = 0;
        for (int r = 0; r < runs.size(); r++) {
            List<Point> run = runs.get(r);
            if (r == 0) {
                ticks.add(0);
                labels.add(run.get(0).label());
            } else {
                labels.set(labels.size() - 1, labels.get(labels.size() - 1) + "|" + run.get(0).label());
            }
            for (int i = 0; i + 1 < run.size(); i++) {
                double[] a = run.get(i).k();
                double[] b = run.get(i + 1).k();
                double len = cartesianDistance(a, b, reciprocal);
                int steps = Math.max(1, (int) Math.round(points * len / total));
                for (int s = i == 0 ? 0 : 1; s <= steps; s++) {
                    double t = (double) s / steps;
                    ks.add(new double[] {a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1]), a[2] + t * (b[2] - a[2])});
                    dist.add(x + t * len);
                }
                x += len;
                ticks.add(ks.size() - 1);
                labels.add(run.get(i + 1).label());
            }
        }
        return new KPath(ks.toArray(new double[0][]), dist.stream().mapToDouble(Double::doubleValue).toArray(),
                ticks.stream().mapToInt(Integer::intValue).toArray(), labels.toArray(new String[0]));
    }

    /** Cubic points converted to fractional coordinates of a given cell. */
    public static Map<String, double[]> fractional(Map<String, double[]> cartesianUnits2PiOverA, double[][] lattice,
                                                   double a) {
        Map<String, double[]> m = new LinkedHashMap<>();
        for (Map.Entry<String, double[]> e : cartesianUnits2PiOverA.entrySet()) {
            double[] k = e.getValue();
            double[] f = new double[3];
            for (int i = 0; i < 3; i++) {
                // k_i = (2 pi/a) kc . a_i / (2 pi)
                f[i] = (k[0] * lattice[i][0] + k[1] * lattice[i][1] + k[2] * lattice[i][2]) / a;
            }
            m.put(e.getKey(), f);
        }
        return m;
    }

    /** A path from explicit fractional points (e.g. a Wannier90 {@code _band.kpt}), labels none. */
    public static KPath of(double[][] fractional, double[][] reciprocal) {
        double[] d = new double[fractional.length];
        for (int i = 1; i < fractional.length; i++) {
            d[i] = d[i - 1] + cartesianDistance(fractional[i - 1], fractional[i], reciprocal);
        }
        return new KPath(fractional, d, new int[0], new String[0]);
    }

    static double cartesianDistance(double[] a, double[] b, double[][] reciprocal) {
        double s = 0;
        for (int c = 0; c < 3; c++) {
            double v = 0;
            for (int i = 0; i < 3; i++) {
                v += (b[i] - a[i]) * reciprocal[i][c];
            }
            s += v * v;
        }
        return Math.sqrt(s);
    }

    static double det(double[][] a) {
        return a[0][0] * (a[1][1] * a[2][2] - a[1][2] * a[2][1]) - a[0][1] * (a[1][0] * a[2][2] - a[1][2] * a[2][0])
                + a[0][2] * (a[1][0] * a[2][1] - a[1][1] * a[2][0]);
    }

    /** The labels joined as the path is written, e.g. {@code G-H-N-G-P-H|P-N}. */
    public String describe() {
        return String.join("-", labels);
    }
}
