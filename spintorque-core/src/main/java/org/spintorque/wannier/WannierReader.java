package org.spintorque.wannier;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.spintorque.linalg.ComplexMatrix;

/**
 * Builds a {@link WannierModel} from Wannier90 files: one Hamiltonian ({@code _hr.dat} or {@code _tb.dat},
 * recognised by content; spinless or spinor) or a collinear up/down pair, each with an optional
 * {@code _wsvec.dat}; the lattice from {@code .win} ({@code unit_cell_cart}) or from a tb file; the centres from
 * {@code _centres.xyz}. Gzipped files are read transparently.
 *
 * <p>Spinor models: Wannier90 3.x lists the spinor Wannier functions of each projection as a pair (spin up, then
 * spin down along the quantization axis z), i.e. the {@code INTERLEAVED} order, as the {@code spinor_projections}
 * block of the project's {@code Fe.nnkp} shows; {@code BLOCKED} (all up, then all down) is accepted for models
 * made otherwise.
 */
public final class WannierReader {
    private WannierReader() { }

    /** Order of the spinor Wannier functions in a spinor model file. */
    public enum SpinOrder {
        /** WF 2o+1 = orbital o spin up, WF 2o+2 = orbital o spin down (Wannier90 3.x). */
        INTERLEAVED,
        /** WF 1..n spin up, n+1..2n spin down. */
        BLOCKED;

        public static SpinOrder parse(String s) {
            return valueOf(s.toUpperCase(Locale.ROOT));
        }
    }

    /**
     * The files of one model. Give {@code hr} (with {@code wsvec}) for a single Hamiltonian, or {@code up} and
     * {@code down} (with {@code upWsvec}, {@code downWsvec}) for a collinear pair.
     *
     * @param spinors   whether the single Hamiltonian is a spinor model; null = from the win file (false if absent)
     * @param tolerance largest accepted |H_mn(R) - conj(H_nm(-R))| (eV)
     */
    public record Files(Path hr, Path wsvec, Path up, Path upWsvec, Path down, Path downWsvec, Path centres, Path win,
                        Boolean spinors, SpinOrder order, double tolerance) {
        public static Files single(Path hr, Path wsvec, Path centres, Path win) {
            return new Files(hr, wsvec, null, null, null, null, centres, win, null, SpinOrder.INTERLEAVED,
                    HoppingTable.HERMITICITY_TOLERANCE);
        }

        public static Files collinear(Path up, Path upWsvec, Path down, Path downWsvec, Path centres, Path win) {
            return new Files(null, null, up, upWsvec, down, downWsvec, centres, win, null, SpinOrder.INTERLEAVED,
                    HoppingTable.HERMITICITY_TOLERANCE);
        }
    }

    public static WannierModel read(Files f) {
        boolean pair = f.up() != null || f.down() != null;
        if (pair && f.hr() != null) {
            throw new IllegalArgumentException("give either one Hamiltonian (hr) or an up/down pair, not both");
        }
        if (pair && (f.up() == null || f.down() == null)) {
            throw new IllegalArgumentException("a collinear model needs both the up and the down Hamiltonian");
        }
        if (!pair && f.hr() == null) {
            throw new IllegalArgumentException("no Hamiltonian given (hr, or up and down)");
        }
        WinFile win = f.win() == null ? null : WinFile.read(f.win());
        Map<String, Object> info = new LinkedHashMap<>();
        HoppingTable first = table(pair ? f.up() : f.hr());
        double[][] lattice = win != null && win.lattice() != null ? win.lattice() : first.lattice();
        if (lattice == null) {
            throw new WannierFormatException(pair ? f.up() : f.hr(), 0, "no lattice: give the .win file (block "
                    + "unit_cell_cart) or a _tb.dat file, which carries the primitive vectors");
        }
        info.put("lattice_source", win != null && win.lattice() != null ? f.win().toString()
                : first.file().toString());
        if (win != null && win.numWann() != null && !pair && win.numWann() != first.numWann()) {
            throw new WannierFormatException(first.file(), 2, "num_wann = " + first.numWann() + " but "
                    + f.win().getFileName() + " says num_wann = " + win.numWann());
        }
        if (win != null) {
            info.put("win_fermi_energy_eV", win.fermiEnergy());
        }
        if (pair) {
            HoppingTable down = table(f.down());
            if (down.numWann() != first.numWann()) {
                throw new WannierFormatException(f.down(), 2, "num_wann = " + down.numWann() + " but the up "
                        + "Hamiltonian " + f.up().getFileName() + " has " + first.numWann());
            }
            Map<Long, double[]> hu = expand(first, f.upWsvec(), f.tolerance(), info, "up");
            Map<Long, double[]> hd = expand(down, f.downWsvec(), f.tolerance(), info, "down");
            int n = first.numWann();
            Map<Long, ComplexMatrix> blocks = new LinkedHashMap<>();
            hu.forEach((k, h) -> blocks.computeIfAbsent(k, x -> new ComplexMatrix(2 * n, 2 * n)));
            hd.forEach((k, h) -> blocks.computeIfAbsent(k, x -> new ComplexMatrix(2 * n, 2 * n)));
            hu.forEach((k, h) -> embed(blocks.get(k), h, n, 0));
            hd.forEach((k, h) -> embed(blocks.get(k), h, n, 1));
            double[][] centres = f.centres() == null ? null : spread(CentresFile.read(f.centres(), n));
            return WannierModel.build(lattice, SpinStructure.COLLINEAR, n, blocks, centres, info);
        }
        boolean spinors = f.spinors() != null ? f.spinors() : win != null && win.spinors() != null && win.spinors();
        Map<Long, double[]> h = expand(first, f.wsvec(), f.tolerance(), info, "hr");
        int nw = first.numWann();
        Map<Long, ComplexMatrix> blocks = new LinkedHashMap<>();
        double[][] centres = f.centres() == null ? null : CentresFile.read(f.centres(), nw);
        if (!spinors) {
            h.forEach((k, x) -> {
                ComplexMatrix b = new ComplexMatrix(2 * nw, 2 * nw);
                embed(b, x, nw, 0);
                embed(b, x, nw, 1);
                blocks.put(k, b);
            });
            return WannierModel.build(lattice, SpinStructure.SPINLESS, nw, blocks,
                    centres == null ? null : spread(centres), info);
        }
        if (nw % 2 != 0) {
            throw new WannierFormatException(first.file(), 2, "num_wann = " + nw + " is odd, so this cannot be a "
                    + "spinor model (spinors = true)");
        }
        int[] perm = new int[nw]; // file index -> interleaved index
        for (int w = 0; w < nw; w++) {
            perm[w] = f.order() == SpinOrder.INTERLEAVED ? w : (w < nw / 2 ? 2 * w : 2 * (w - nw / 2) + 1);
        }
        info.put("spin_order", f.order().name().toLowerCase(Locale.ROOT));
        h.forEach((k, x) -> {
            ComplexMatrix b = new ComplexMatrix(nw, nw);
            for (int j = 0; j < nw; j++) {
                for (int i = 0; i < nw; i++) {
                    b.set(perm[i], perm[j], x[2 * (i + j * nw)], x[2 * (i + j * nw) + 1]);
                }
            }
            blocks.put(k, b);
        });
        double[][] c = null;
        if (centres != null) {
            c = new double[nw][];
            for (int w = 0; w < nw; w++) {
                c[perm[w]] = centres[w];
            }
        }
        return WannierModel.build(lattice, SpinStructure.SPINOR, nw / 2, blocks, c, info);
    }

    private static HoppingTable table(Path p) {
        return TbFile.looksLikeTb(p) ? TbFile.read(p) : HrFile.read(p);
    }

    /** Centres of n spatial orbitals, each repeated for the two spins (interleaved). */
    private static double[][] spread(double[][] c) {
        double[][] r = new double[2 * c.length][];
        for (int o = 0; o < c.length; o++) {
            r[2 * o] = c[o].clone();
            r[2 * o + 1] = c[o].clone();
        }
        return r;
    }

    private static void embed(ComplexMatrix target, double[] h, int n, int s) {
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                target.set(2 * i + s, 2 * j + s, h[2 * (i + j * n)], h[2 * (i + j * n) + 1]);
            }
        }
    }

    /**
     * The checked table with weights applied: {@code H(R)/deg(R)}, and with a wsvec file every element shared
     * equally among its vectors R + T. Blocks keyed by R.
     */
    static Map<Long, double[]> expand(HoppingTable t, Path wsvec, double tolerance, Map<String, Object> info,
                                      String label) {
        double herm = t.checked(tolerance);
        int n = t.numWann();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", t.file().toString());
        m.put("num_wann", n);
        m.put("nrpts", t.cells().length);
        m.put("sum_inverse_degeneracy", t.meshSize());
        m.put("max_hermiticity_deviation_eV", herm);
        m.put("wsvec", wsvec == null ? "none (plain 1/deg weights)" : wsvec.toString());
        Map<Long, double[]> out = new LinkedHashMap<>();
        WsvecFile.Shifts shifts = wsvec == null ? null : WsvecFile.read(wsvec, t);
        for (int r = 0; r < t.cells().length; r++) {
            int[] c = t.cells()[r];
            double[] h = t.blocks()[r];
            double w = 1.0 / t.degeneracy()[r];
            for (int j = 0; j < n; j++) {
                for (int i = 0; i < n; i++) {
                    int p = 2 * (i + j * n);
                    if (shifts == null) {
                        double[] b = out.computeIfAbsent(HoppingTable.key(c[0], c[1], c[2]), x -> new double[2 * n * n]);
                        b[p] += w * h[p];
                        b[p + 1] += w * h[p + 1];
                        continue;
                    }
                    int[][] ts = shifts.of(r, i, j);
                    double wt = w / ts.length;
                    for (int[] s : ts) {
                        double[] b = out.computeIfAbsent(HoppingTable.key(c[0] + s[0], c[1] + s[1], c[2] + s[2]),
                                x -> new double[2 * n * n]);
                        b[p] += wt * h[p];
                        b[p + 1] += wt * h[p + 1];
                    }
                }
            }
        }
        out.computeIfAbsent(HoppingTable.key(0, 0, 0), x -> new double[2 * n * n]);
        m.put("cells_after_weights", out.size());
        info.put(label, m);
        return out;
    }
}
