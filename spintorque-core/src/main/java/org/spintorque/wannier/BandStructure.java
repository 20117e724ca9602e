package org.spintorque.wannier;

import java.util.stream.IntStream;
import org.spintorque.transport.HermitianEigen;

/**
 * Eigenvalues of H(k) along a path (computed in parallel over the points).
 *
 * @param path     the k-path
 * @param energies {@code energies[point][band]}, ascending per point (eV)
 * @param spinZ    {@code <sigma^z>} of each state, same layout
 */
public record BandStructure(KPath path, double[][] energies, double[][] spinZ) {

    public static BandStructure compute(WannierModel model, KPath path) {
        int np = path.fractional().length;
        double[][] e = new double[np][];
        double[][] s = new double[np][];
        int d = model.dimension();
        IntStream.range(0, np).parallel().forEach(i -> {
            double[] k = path.fractional()[i];
            HermitianEigen eig = HermitianEigen.of(model.hamiltonian(k[0], k[1], k[2]));
            e[i] = eig.values();
            s[i] = new double[d];
            for (int n = 0; n < d; n++) {
                s[i][n] = MeshSpectrum.spin(eig.vectors(), n, d)[2];
            }
        });
        return new BandStructure(path, e, s);
    }

    /** Eigenvalues at one k (fractional), ascending. */
    public static double[] at(WannierModel model, double k1, double k2, double k3) {
        return HermitianEigen.eigenvalues(model.hamiltonian(k1, k2, k3));
    }
}
