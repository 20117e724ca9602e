package org.spintorque.wannier;

import java.nio.file.Path;

/**
 * Reader of Wannier90's {@code seedname_hr.dat} (plain or gzipped): line 1 free text, line 2 num_wann, line 3
 * nrpts, nrpts degeneracies (15 per line), then nrpts * num_wann^2 lines {@code R1 R2 R3 m n Re Im} (eV) with
 * the row index m running fastest within each R.
 */
final class HrFile {
    private HrFile() { }

    static HoppingTable read(Path file) {
        try (TextLines in = TextLines.open(file)) {
            in.next("the header line");
            String[] f = in.fields("num_wann on line 2");
            int nw = in.parseInt(f[0], "num_wann on line 2");
            if (nw <= 0 || f.length != 1) {
                throw in.error("expected num_wann (one positive whole number) on line 2, found '"
                        + String.join(" ", f) + "'");
            }
            f = in.fields("nrpts on line 3");
            int nr = in.parseInt(f[0], "nrpts on line 3");
            if (nr <= 0 || f.length != 1) {
                throw in.error("expected nrpts (one positive whole number) on line 3");
            }
            int[] deg = readDegeneracies(in, nr);
            int[][] cells = new int[nr][];
            double[][] blocks = new double[nr][];
            for (int r = 0; r < nr; r++) {
                double[] h = new double[2 * nw * nw];
                for (int j = 0; j < nw; j++) {
                    for (int i = 0; i < nw; i++) {
                        String what = "H_mn(R) line for block " + (r + 1) + " of " + nr + ", m = " + (i + 1)
                                + ", n = " + (j + 1) + " (R1 R2 R3 m n Re Im)";
                        f = in.fields(what);
                        if (f.length != 7) {
                            throw in.error("expected 7 fields (R1 R2 R3 m n Re Im), found " + f.length);
                        }
                        int[] c = {in.parseInt(f[0], "R1"), in.parseInt(f[1], "R2"), in.parseInt(f[2], "R3")};
                        if (i == 0 && j == 0) {
                            cells[r] = c;
                        } else if (c[0] != cells[r][0] || c[1] != cells[r][1] || c[2] != cells[r][2]) {
                            throw in.error("expected R = " + HoppingTable.vec(cells[r]) + " (block " + (r + 1)
                                    + " has num_wann^2 = " + nw * nw + " lines), found R = " + HoppingTable.vec(c)
                                    + ": wrong num_wann or a truncated block");
                        }
                        int m = in.parseInt(f[3], "m");
                        int n = in.parseInt(f[4], "n");
                        if (m > nw || n > nw) {
                            throw in.error("m = " + m + ", n = " + n + " outside 1.." + nw + ": wrong num_wann = "
                                    + nw + " in the header");
                        }
                        if (m != i + 1 || n != j + 1) {
                            throw in.error("expected m = " + (i + 1) + ", n = " + (j + 1) + " (row index fastest), "
                                    + "found m = " + m + ", n = " + n);
                        }
                        h[2 * (i + j * nw)] = in.parseDouble(f[5], "Re H");
                        h[2 * (i + j * nw) + 1] = in.parseDouble(f[6], "Im H");
                    }
                }
                blocks[r] = h;
            }
            String extra;
            while ((extra = in.nextOrNull()) != null) {
                if (!extra.isBlank()) {
                    throw in.error("more lines than nrpts * num_wann^2 = " + nr + " * " + nw * nw
                            + ": wrong nrpts or num_wann in the header");
                }
            }
            return new HoppingTable(file, nw, cells, deg, blocks, null);
        }
    }

    /** nrpts positive integers over as many lines as it takes. */
    static int[] readDegeneracies(TextLines in, int nr) {
        int[] deg = new int[nr];
        int k = 0;
        while (k < nr) {
            String[] f = in.fields("degeneracies (" + nr + " in all, " + k + " read)");
            if (f.length > nr - k) {
                throw in.error("expected " + (nr - k) + " more degeneracies, found " + f.length
                        + " numbers on this line: nrpts = " + nr + " does not match");
            }
            for (String t : f) {
                int d = in.parseInt(t, "a degeneracy");
                if (d <= 0) {
                    throw in.error("degeneracy " + d + " is not positive");
                }
                deg[k++] = d;
            }
        }
        return deg;
    }
}
