package org.spintorque.wannier;

import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.spintorque.linalg.ComplexMatrix;
import org.spintorque.output.ProgressListener;
import org.spintorque.transport.HermitianEigen;

/**
 * Eigenvalues and spin expectation values of a Wannier model on a Gamma-centred k-mesh
 * {@code k = (i1/n1, i2/n2, i3/n3)} (fractional), computed in parallel over blocks of k-points; H(k) is built,
 * diagonalized and dropped per point, only the eigenvalues and {@code <sigma^a>} of each state are kept
 * (4 doubles per state). From them: the Gaussian-broadened density of states, electron counts, spin moment,
 * the Fermi level of a given electron count and the band free energy.
 *
 * <p>Occupations: {@code f(eps) = erfc((eps - mu)/sigma)/2} (Gaussian broadening sigma; sigma = 0 is the
 * step function). The DOS is {@code D(E) = (1/N_k) sum_kn exp(-(E - eps_kn)^2/sigma^2)/(sqrt(pi) sigma)},
 * whose integral up to mu is exactly the electron count with these occupations. Per cell, both spins counted
 * (a spinless model is embedded as {@code h (x) 1}, so its bands come in degenerate pairs).
 */
public final class MeshSpectrum {
    private static final int BLOCK = 64;
    private final int[] mesh;
    private final int dimension;
    private final double[] energies;
    private final double[] spins;

    private MeshSpectrum(int[] mesh, int dimension, double[] energies, double[] spins) {
        this.mesh = mesh;
        this.dimension = dimension;
        this.energies = energies;
        this.spins = spins;
    }

    /** The spectrum on an n1 x n2 x n3 mesh; progress is reported per block of k-points. */
    public static MeshSpectrum compute(WannierModel model, int n1, int n2, int n3, ProgressListener progress) {
        return compute(model, n1, n2, n3, true, progress);
    }

    /**
     * The spectrum on an n1 x n2 x n3 mesh, with or without the spin expectation values (without them the
     * eigenvectors are not formed, which is faster; {@link #counts} then is not available).
     */
    public static MeshSpectrum compute(WannierModel model, int n1, int n2, int n3, boolean withSpin,
                                       ProgressListener progress) {
        if (n1 < 1 || n2 < 1 || n3 < 1) {
            throw new IllegalArgumentException("k-mesh " + n1 + "x" + n2 + "x" + n3 + " must be at least 1x1x1");
        }
        int d = model.dimension();
        int nk = n1 * n2 * n3;
        double[] e = new double[nk * d];
        double[] s = withSpin ? new double[3 * nk * d] : null;
        int blocks = (nk + BLOCK - 1) / BLOCK;
        AtomicLong done = new AtomicLong();
        IntStream.range(0, blocks).parallel().forEach(b -> {
            for (int k = b * BLOCK; k < Math.min(nk, (b + 1) * BLOCK); k++) {
                int i1 = k / (n2 * n3);
                int i2 = (k / n3) % n2;
                int i3 = k % n3;
                ComplexMatrix h = model.hamiltonian((double) i1 / n1, (double) i2 / n2, (double) i3 / n3);
                if (!withSpin) {
                    System.arraycopy(HermitianEigen.eigenvalues(h), 0, e, k * d, d);
                    continue;
                }
                HermitianEigen eig = HermitianEigen.of(h);
                ComplexMatrix z = eig.vectors();
                for (int n = 0; n < d; n++) {
                    e[k * d + n] = eig.value(n);
                    double[] sv = spin(z, n, d);
                    System.arraycopy(sv, 0, s, 3 * (k * d + n), 3);
                }
            }
            progress.progress(done.incrementAndGet(), blocks, "k-point blocks");
        });
        return new MeshSpectrum(new int[] {n1, n2, n3}, d, e, s);
    }

    /** {@code <psi_n| 1 (x) sigma^a |psi_n>}, a = x, y, z, for column n of z (interleaved basis). */
    static double[] spin(ComplexMatrix z, int n, int d) {
        double sx = 0;
        double sy = 0;
        double sz = 0;
        double[] v = z.data();
        int col = 2 * n * d;
        for (int o = 0; o < d / 2; o++) {
            double ur = v[col + 4 * o];
            double ui = v[col + 4 * o + 1];
            double dr = v[col + 4 * o + 2];
            double di = v[col + 4 * o + 3];
            // 2 Re(u^* d), 2 Im(u^* d), |u|^2 - |d|^2
            sx += 2 * (ur * dr + ui * di);
            sy += 2 * (ur * di - ui * dr);
            sz += ur * ur + ui * ui - dr * dr - di * di;
        }
        return new double[] {sx, sy, sz};
    }

    public int[] mesh() {
        return mesh.clone();
    }

    public int kPoints() {
        return mesh[0] * mesh[1] * mesh[2];
    }

    public int bands() {
        return dimension;
    }

    public double minEnergy() {
        double m = Double.POSITIVE_INFINITY;
        for (double x : energies) {
            m = Math.min(m, x);
        }
        return m;
    }

    public double maxEnergy() {
        double m = Double.NEGATIVE_INFINITY;
        for (double x : energies) {
            m = Math.max(m, x);
        }
        return m;
    }

    /** Gaussian occupation erfc(x)/2 with x = (eps - mu)/sigma; the step function for sigma = 0. */
    static double occupation(double eps, double mu, double sigma) {
        if (sigma == 0) {
            return eps < mu ? 1 : eps > mu ? 0 : 0.5;
        }
        double x = (eps - mu) / sigma;
        return x > 9 ? 0 : x < -9 ? 1 : 0.5 * Erf.erfc(x); // erfc(9)/2 < 1e-36
    }

    /**
     * Electron counts per cell at chemical potential mu: {@code {N, N_up, N_down, m_x, m_y, m_z}} with
     * {@code N_up/down = sum f (1 +- <sigma^z>)/2} and the spin moment {@code m = sum f <sigma>} (Bohr magnetons,
     * spin only, g = 2).
     */
    public double[] counts(double mu, double sigma) {
        if (spins == null) {
            throw new IllegalStateException("spin expectation values were not computed for this mesh");
        }
        double[] c = new double[6];
        int states = energies.length;
        for (int i = 0; i < states; i++) {
            double f = occupation(energies[i], mu, sigma);
            if (f == 0) {
                continue;
            }
            c[0] += f;
            c[1] += f * 0.5 * (1 + spins[3 * i + 2]);
            c[2] += f * 0.5 * (1 - spins[3 * i + 2]);
            c[3] += f * spins[3 * i];
            c[4] += f * spins[3 * i + 1];
            c[5] += f * spins[3 * i + 2];
        }
        double nk = kPoints();
        for (int a = 0; a < 6; a++) {
            c[a] /= nk;
        }
        return c;
    }

    public double electrons(double mu, double sigma) {
        double c = 0;
        for (double e : energies) {
            c += occupation(e, mu, sigma);
        }
        return c / kPoints();
    }

    /** The chemical potential at which the model holds {@code electrons} per cell (bisection to 1e-10 eV). */
    public double fermiLevel(double electrons, double sigma) {
        if (electrons <= 0 || electrons >= dimension) {
            throw new IllegalArgumentException("electron count " + electrons + " must lie between 0 and " + dimension
                    + " (the number of bands)");
        }
        double lo = minEnergy() - 10 * sigma - 1;
        double hi = maxEnergy() + 10 * sigma + 1;
        while (hi - lo > 1e-10) {
            double mid = 0.5 * (lo + hi);
            if (electrons(mid, sigma) < electrons) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    /**
     * Band free energy per cell {@code F = (1/N_k) sum_kn [eps f - sigma exp(-x^2)/(2 sqrt(pi))]},
     * x = (eps - mu)/sigma: with mu fixed by the electron count, F is stationary in the occupations, so the
     * difference of F between two magnetization directions is the force-theorem anisotropy energy at this
     * broadening (eV). For sigma = 0 it is the sum of the occupied eigenvalues.
     */
    public double freeEnergy(double mu, double sigma) {
        double s = 0;
        for (double e : energies) {
            s += e * occupation(e, mu, sigma);
            if (sigma > 0) {
                double x = (e - mu) / sigma;
                s -= sigma * Math.exp(-x * x) / (2 * Math.sqrt(Math.PI));
            }
        }
        return s / kPoints();
    }

    /**
     * The density of states on a grid of energies: {@code {D, D_up, D_down}} per eV per cell, with the
     * spin-resolved parts weighted by {@code (1 +- <sigma^z>)/2}.
     */
    public double[][] dos(double[] grid, double sigma) {
        if (sigma <= 0) {
            throw new IllegalArgumentException("the DOS needs a broadening sigma > 0");
        }
        if (spins == null) {
            throw new IllegalStateException("spin expectation values were not computed for this mesh");
        }
        double e0 = grid[0];
        double step = grid.length > 1 ? grid[1] - grid[0] : 1;
        int states = energies.length;
        int chunks = Math.max(1, Math.min(64, states / 4096));
        double[][][] parts = new double[chunks][][];
        IntStream.range(0, chunks).parallel().forEach(c -> {
            double[][] d = new double[3][grid.length];
            double norm = 1 / (Math.sqrt(Math.PI) * sigma * kPoints());
            for (int i = (int) ((long) states * c / chunks); i < (int) ((long) states * (c + 1) / chunks); i++) {
                double e = energies[i];
                int from = Math.max(0, (int) Math.floor((e - 7 * sigma - e0) / step));
                int to = Math.min(grid.length - 1, (int) Math.ceil((e + 7 * sigma - e0) / step));
                double up = 0.5 * (1 + spins[3 * i + 2]);
                for (int g = from; g <= to; g++) {
                    double x = (grid[g] - e) / sigma;
                    double v = norm * Math.exp(-x * x);
                    d[0][g] += v;
                    d[1][g] += v * up;
                    d[2][g] += v * (1 - up);
                }
            }
            parts[c] = d;
        });
        double[][] d = new double[3][grid.length];
        for (double[][] p : parts) {
            for (int a = 0; a < 3; a++) {
                for (int g = 0; g < grid.length; g++) {
                    d[a][g] += p[a][g];
                }
            }
        }
        return d;
    }
}
