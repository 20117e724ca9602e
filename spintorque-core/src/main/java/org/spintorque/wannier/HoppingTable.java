package org.spintorque.wannier;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The real-space Hamiltonian of one Wannier90 file as written: lattice vectors R (in units of the primitive
 * vectors), their Wigner-Seitz degeneracies deg(R) and the matrices {@code H_mn(R) = <0m|H|Rn>} in eV, not
 * yet divided by deg(R). Immutable after {@link #checked}.
 *
 * @param file       where it was read from (for messages)
 * @param numWann    number of Wannier functions
 * @param cells      R vectors, {@code cells[r] = {R1, R2, R3}}
 * @param degeneracy deg(R) >= 1
 * @param blocks     H(R), column-major with interleaved real and imaginary parts, {@code 2 numWann^2} numbers
 * @param lattice    primitive vectors in Angstrom as rows, when the file carries them (tb files), else null
 */
record HoppingTable(Path file, int numWann, int[][] cells, int[] degeneracy, double[][] blocks, double[][] lattice) {

    /** Default largest tolerated |H_mn(R) - conj(H_nm(-R))| in eV; the files print 6 decimals. */
    static final double HERMITICITY_TOLERANCE = 1e-5;

    static long key(int r1, int r2, int r3) {
        return ((long) (r1 + 0x100000) << 42) | ((long) (r2 + 0x100000) << 21) | (r3 + 0x100000);
    }

    Map<Long, Integer> index() {
        Map<Long, Integer> m = new HashMap<>();
        for (int r = 0; r < cells.length; r++) {
            m.put(key(cells[r][0], cells[r][1], cells[r][2]), r);
        }
        return m;
    }

    /** Sum of 1/deg(R): the number of k-points of the mesh the model was built on. */
    double meshSize() {
        double s = 0;
        for (int d : degeneracy) {
            s += 1.0 / d;
        }
        return s;
    }

    /**
     * Checks what every Wannier90 Hamiltonian satisfies: no R twice, R = 0 present, every R has its partner
     * -R with the same degeneracy, and {@code H(-R) = H(R)^dagger} to the tolerance. Returns the largest
     * deviation from Hermiticity (eV).
     */
    double checked(double tolerance) {
        Map<Long, Integer> index = new HashMap<>();
        for (int r = 0; r < cells.length; r++) {
            Integer prev = index.put(key(cells[r][0], cells[r][1], cells[r][2]), r);
            if (prev != null) {
                throw new WannierFormatException(file, 0, "R = " + vec(cells[r]) + " appears twice (blocks "
                        + (prev + 1) + " and " + (r + 1) + ")");
            }
        }
        if (!index.containsKey(key(0, 0, 0))) {
            throw new WannierFormatException(file, 0, "no block for R = (0, 0, 0): the on-site Hamiltonian is "
                    + "missing, so this is not a complete Wannier90 Hamiltonian");
        }
        int n = numWann;
        double worst = 0;
        String where = "";
        for (int r = 0; r < cells.length; r++) {
            int[] c = cells[r];
            Integer p = index.get(key(-c[0], -c[1], -c[2]));
            if (p == null) {
                throw new WannierFormatException(file, 0, "R = " + vec(c) + " has no partner -R = "
                        + vec(new int[] {-c[0], -c[1], -c[2]}) + ": H(-R) = H(R)^dagger cannot hold");
            }
            if (degeneracy[p] != degeneracy[r]) {
                throw new WannierFormatException(file, 0, "deg(R) = " + degeneracy[r] + " for R = " + vec(c)
                        + " but deg(-R) = " + degeneracy[p]);
            }
            double[] a = blocks[r];
            double[] b = blocks[p];
            for (int j = 0; j < n; j++) {
                for (int i = 0; i < n; i++) {
                    int ij = 2 * (i + j * n);
                    int ji = 2 * (j + i * n);
                    double d = Math.hypot(a[ij] - b[ji], a[ij + 1] + b[ji + 1]);
                    if (d > worst) {
                        worst = d;
                        where = String.format(Locale.ROOT, "R = %s, m = %d, n = %d: H_mn(R) = %.6f%+.6fi, "
                                + "conj(H_nm(-R)) = %.6f%+.6fi", vec(c), i + 1, j + 1, a[ij], a[ij + 1], b[ji],
                                -b[ji + 1]);
                    }
                }
            }
        }
        if (worst > tolerance) {
            throw new WannierFormatException(file, 0, String.format(Locale.ROOT, "the Hamiltonian is not "
                    + "Hermitian: largest |H_mn(R) - conj(H_nm(-R))| = %.3g eV (tolerance %.1g eV) at %s", worst,
                    tolerance, where));
        }
        return worst;
    }

    static String vec(int[] c) {
        return "(" + c[0] + ", " + c[1] + ", " + c[2] + ")";
    }
}
