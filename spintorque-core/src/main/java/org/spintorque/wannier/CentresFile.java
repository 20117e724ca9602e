package org.spintorque.wannier;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reader of Wannier90's {@code seedname_centres.xyz}: the number of entries, a comment line, then one line
 * {@code X x y z} (Angstrom, Cartesian) per Wannier function followed by the atoms {@code Symbol x y z}.
 */
final class CentresFile {
    private CentresFile() { }

    /** Wannier centres (Angstrom), one row per function, in file order. */
    static double[][] read(Path file, int numWann) {
        try (TextLines in = TextLines.open(file)) {
            String[] f = in.fields("the number of entries on line 1");
            int count = in.parseInt(f[0], "the number of entries on line 1");
            in.next("the comment line");
            List<double[]> centres = new ArrayList<>();
            for (int e = 0; e < count; e++) {
                f = in.fields("entry " + (e + 1) + " of " + count + " (label x y z)");
                if (f.length < 4) {
                    throw in.error("expected 'label x y z', found '" + String.join(" ", f) + "'");
                }
                if (f[0].equals("X")) {
                    centres.add(new double[] {in.parseDouble(f[1], "x"), in.parseDouble(f[2], "y"),
                        in.parseDouble(f[3], "z")});
                }
            }
            if (centres.size() != numWann) {
                throw new WannierFormatException(file, 0, "expected " + numWann + " Wannier centres (lines 'X x y z') "
                        + "for num_wann = " + numWann + ", found " + centres.size());
            }
            return centres.toArray(new double[0][]);
        }
    }
}
