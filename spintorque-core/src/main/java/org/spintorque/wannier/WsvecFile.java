package org.spintorque.wannier;

import java.nio.file.Path;
import java.util.Map;

/**
 * Reader of Wannier90's {@code seedname_wsvec.dat} (minimal-distance replica selection, MDRS): a header line,
 * then for every (R, m, n) of the hr file the line {@code R1 R2 R3 m n}, the number ndeg of equivalent
 * shift vectors, and ndeg lines {@code T1 T2 T3}. The hopping {@code H_mn(R)/deg(R)} is shared equally among
 * the lattice vectors R + T.
 */
final class WsvecFile {
    private WsvecFile() { }

    /** Shift vectors per (R, m, n); {@code shifts(r, m, n)} of the table they belong to. */
    record Shifts(int numWann, int[][][][] byBlock) {
        int[][] of(int r, int m, int n) {
            return byBlock[r][m + n * numWann];
        }
    }

    static Shifts read(Path file, HoppingTable table) {
        int nw = table.numWann();
        Map<Long, Integer> index = table.index();
        int[][][][] shifts = new int[table.cells().length][nw * nw][][];
        int expected = table.cells().length * nw * nw;
        try (TextLines in = TextLines.open(file)) {
            in.next("the header line");
            for (int e = 0; e < expected; e++) {
                String[] f = in.fields("the line R1 R2 R3 m n of entry " + (e + 1) + " of " + expected
                        + " (nrpts * num_wann^2 of " + table.file().getFileName() + ")");
                if (f.length != 5) {
                    throw in.error("expected R1 R2 R3 m n, found '" + String.join(" ", f) + "'");
                }
                int[] c = {in.parseInt(f[0], "R1"), in.parseInt(f[1], "R2"), in.parseInt(f[2], "R3")};
                int m = in.parseInt(f[3], "m");
                int n = in.parseInt(f[4], "n");
                Integer r = index.get(HoppingTable.key(c[0], c[1], c[2]));
                if (r == null) {
                    throw in.error("R = " + HoppingTable.vec(c) + " is not in " + table.file().getFileName()
                            + ": this wsvec file belongs to another Hamiltonian");
                }
                if (m < 1 || m > nw || n < 1 || n > nw) {
                    throw in.error("m = " + m + ", n = " + n + " outside 1.." + nw + " (num_wann of "
                            + table.file().getFileName() + ")");
                }
                if (shifts[r][(m - 1) + (n - 1) * nw] != null) {
                    throw in.error("(R, m, n) = " + HoppingTable.vec(c) + ", " + m + ", " + n + " appears twice");
                }
                f = in.fields("the number of shift vectors for R = " + HoppingTable.vec(c) + ", m = " + m + ", n = " + n);
                int ndeg = in.parseInt(f[0], "the number of shift vectors");
                if (ndeg < 1 || f.length != 1) {
                    throw in.error("expected the number of shift vectors (>= 1), found '" + String.join(" ", f) + "'");
                }
                int[][] t = new int[ndeg][];
                for (int d = 0; d < ndeg; d++) {
                    f = in.fields("shift vector " + (d + 1) + " of " + ndeg + " (T1 T2 T3)");
                    if (f.length != 3) {
                        throw in.error("expected shift vector " + (d + 1) + " of " + ndeg + " (T1 T2 T3), found '"
                                + String.join(" ", f) + "'");
                    }
                    t[d] = new int[] {in.parseInt(f[0], "T1"), in.parseInt(f[1], "T2"), in.parseInt(f[2], "T3")};
                }
                shifts[r][(m - 1) + (n - 1) * nw] = t;
            }
            String extra;
            while ((extra = in.nextOrNull()) != null) {
                if (!extra.isBlank()) {
                    throw in.error("more entries than nrpts * num_wann^2 = " + expected + " of "
                            + table.file().getFileName() + ": this wsvec file belongs to another Hamiltonian");
                }
            }
        }
        return new Shifts(nw, shifts);
    }
}
