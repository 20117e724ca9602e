package org.spintorque.wannier;

import java.nio.file.Path;

/**
 * Reader of Wannier90's {@code seedname_tb.dat} (3.x {@code write_tb}; plain or gzipped): line 1 free text, lines
 * 2-4 the primitive vectors in Angstrom, num_wann, nrpts, the degeneracies, then per R a blank line, the line
 * {@code R1 R2 R3} and num_wann^2 lines {@code m n Re Im} (eV, m fastest). The position matrix elements that
 * follow are not needed here and are not read.
 */
final class TbFile {
    private TbFile() { }

    static HoppingTable read(Path file) {
        try (TextLines in = TextLines.open(file)) {
            in.next("the header line");
            double[][] lattice = new double[3][3];
            for (int a = 0; a < 3; a++) {
                String what = "primitive vector a" + (a + 1) + " in Angstrom (three numbers) on line " + (a + 2);
                String[] f = in.fields(what);
                if (f.length != 3) {
                    throw in.error("expected " + what + ", found '" + String.join(" ", f) + "'");
                }
                for (int c = 0; c < 3; c++) {
                    lattice[a][c] = in.parseDouble(f[c], "a component of a" + (a + 1));
                }
            }
            int nw = in.parseInt(in.fields("num_wann on line 5")[0], "num_wann on line 5");
            int nr = in.parseInt(in.fields("nrpts on line 6")[0], "nrpts on line 6");
            if (nw <= 0 || nr <= 0) {
                throw in.error("num_wann and nrpts must be positive (found " + nw + ", " + nr + ")");
            }
            int[] deg = HrFile.readDegeneracies(in, nr);
            int[][] cells = new int[nr][];
            double[][] blocks = new double[nr][];
            for (int r = 0; r < nr; r++) {
                String[] f = in.fields("the line R1 R2 R3 of block " + (r + 1) + " of " + nr);
                if (f.length != 3) {
                    throw in.error("expected the line R1 R2 R3 of block " + (r + 1) + " of " + nr + ", found '"
                            + String.join(" ", f) + "': wrong num_wann or nrpts, or a truncated block");
                }
                cells[r] = new int[] {in.parseInt(f[0], "R1"), in.parseInt(f[1], "R2"), in.parseInt(f[2], "R3")};
                double[] h = new double[2 * nw * nw];
                for (int j = 0; j < nw; j++) {
                    for (int i = 0; i < nw; i++) {
                        f = in.fields("H_mn line m = " + (i + 1) + ", n = " + (j + 1) + " of block " + (r + 1));
                        if (f.length != 4) {
                            throw in.error("expected 4 fields (m n Re Im) for m = " + (i + 1) + ", n = " + (j + 1)
                                    + " of R = " + HoppingTable.vec(cells[r]) + ", found " + f.length
                                    + ": wrong num_wann or a truncated block");
                        }
                        int m = in.parseInt(f[0], "m");
                        int n = in.parseInt(f[1], "n");
                        if (m != i + 1 || n != j + 1) {
                            throw in.error("expected m = " + (i + 1) + ", n = " + (j + 1) + ", found m = " + m
                                    + ", n = " + n);
                        }
                        h[2 * (i + j * nw)] = in.parseDouble(f[2], "Re H");
                        h[2 * (i + j * nw) + 1] = in.parseDouble(f[3], "Im H");
                    }
                }
                blocks[r] = h;
            }
            return new HoppingTable(file, nw, cells, deg, blocks, lattice);
        }
    }

    /** Whether a file is a tb file rather than an hr file: its line 2 holds three numbers, not one. */
    static boolean looksLikeTb(Path file) {
        try (TextLines in = TextLines.open(file)) {
            in.next("the header line");
            String l = in.nextOrNull();
            return l != null && l.trim().split("\\s+").length == 3;
        }
    }
}
