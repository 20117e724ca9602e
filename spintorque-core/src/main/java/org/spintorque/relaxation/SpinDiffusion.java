package org.spintorque.relaxation;

import java.util.ArrayList;
import java.util.List;

/**
 * Spin-relaxation lengths predicted from the golden-rule rates of a wire (lattice units, lengths in a).
 *
 * <h2>Boltzmann equation of the channels</h2>
 * With the occupations {@code f_i(x)} of the states i = (channel c, direction d) of the lead and the
 * golden-rule rates {@code Gamma_{i -> j}} into the states j ({@link GoldenRule#stateRate}), the stationary
 * linearized Boltzmann equation along the wire is
 * <pre>
 *   d_i v_i  df_i/dx = - sum_j Gamma_{i -> j} (f_i - f_j).
 * </pre>
 * Modes {@code f ~ phi e^{-kappa x}} solve {@code A phi = kappa D phi} with {@code A = diag(sum_j Gamma_ij) -
 * Gamma} and {@code D = diag(d_i v_i)}. Multiplying by the densities of states {@code 1/v_i} makes A symmetric
 * and positive semi-definite ({@code Gamma_{i->j}/v_i = n <xi^2> |M|^2/(v_i v_j)}, detailed balance), so
 * every kappa is real; they come in pairs +-kappa for an ensemble symmetric under x -> -x. Zero modes are the
 * conserved densities (charge, and spin when nothing flips it). The slowest decaying non-zero mode is the
 * spin-relaxation length {@code lambda_B = 1/min|kappa|}: it contains the ballistic limit {@code v tau_sf}
 * (no backscattering) and the diffusive limit {@code sqrt(D tau_sf)} ({@code tau_sf >> tau}) of a conductor
 * without localization.
 *
 * <h2>Diffusive estimate</h2>
 * {@code lambda_D = sqrt(D tau_sf)} with the diffusion constant along the wire (d = 1) {@code D = <v^2> tau},
 * tau the momentum lifetime of {@link LatticeRelaxationTheory} and {@code <v^2>} the DOS-weighted Fermi-surface
 * average. For isotropic scattering in a chain (half of the rate backwards) this is exactly the persistent
 * random walk's {@code D = v^2/(2 Gamma_back)}.
 */
public final class SpinDiffusion {
    private SpinDiffusion() { }

    /**
     * The non-zero decay constants kappa [1/a] of the Boltzmann equation of the channels, ascending in |kappa|
     * (modes with |kappa| below {@code 1e-6} times the largest are counted as conserved and left out: the
     * conserved charge mode and the current-carrying mode {@code f ~ x} form a Jordan block at zero, which
     * rounding splits into a pair of order sqrt(machine epsilon) times the largest kappa).
     */
    public static double[] boltzmannDecayConstants(GoldenRule g) {
        int n = 2 * g.channels().size();
        // symmetric A' = diag(1/v) A and signs S = diag(d): kappa are the eigenvalues of S A' (v_i d_i / v_i = d_i)
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            int c = i / 2;
            int d = i % 2 == 0 ? 1 : -1;
            double v = g.channels().get(c).velocity();
            for (int j = 0; j < n; j++) {
                int f = j / 2;
                int df = j % 2 == 0 ? 1 : -1;
                double r = 0;
                for (int k = 0; k < g.terms().size(); k++) {
                    r += g.stateRate(k, c, d, f, df == d ? GoldenRule.Part.FORWARD : GoldenRule.Part.BACKWARD);
                }
                if (i != j) {
                    a[i][j] -= r / v;
                    a[i][i] += r / v;
                }
            }
        }
        // symmetrize away rounding; kappa = eig(A'^{1/2} S A'^{1/2}) (the non-zero part of eig(S A'))
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                double m = 0.5 * (a[i][j] + a[j][i]);
                a[i][j] = m;
                a[j][i] = m;
            }
        }
        double[][] vec = new double[n][n];
        double[] lam = jacobi(a, vec);
        double[][] root = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int k = 0; k < n; k++) {
                    s += vec[i][k] * Math.sqrt(Math.max(0, lam[k])) * vec[j][k];
                }
                root[i][j] = s;
            }
        }
        double[][] b = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int k = 0; k < n; k++) {
                    s += root[i][k] * (k % 2 == 0 ? 1 : -1) * root[k][j];
                }
                b[i][j] = s;
            }
        }
        double[] kappa = jacobi(b, new double[n][n]);
        double max = 0;
        for (double k : kappa) {
            max = Math.max(max, Math.abs(k));
        }
        List<Double> out = new ArrayList<>();
        for (double k : kappa) {
            if (Math.abs(k) > 1e-6 * max) {
                out.add(k);
            }
        }
        return out.stream().sorted((x, y) -> Double.compare(Math.abs(x), Math.abs(y))).mapToDouble(Double::doubleValue)
                .toArray();
    }

    /** {@code lambda_B = 1/min|kappa|} [a], or NaN when every mode is conserved (no scattering). */
    public static double boltzmannLength(GoldenRule g) {
        double[] k = boltzmannDecayConstants(g);
        return k.length == 0 ? Double.NaN : 1 / Math.abs(k[0]);
    }

    /**
     * {@code D = <v^2>_s tau_s} [t a^2] of the band of spin s (DOS-weighted {@code <v^2> = sum v / sum 1/v}),
     * with the momentum lifetime tau_s [1/t].
     */
    public static double diffusionConstant(List<LeadChannel> channels, int spin, double tau) {
        double num = 0;
        double den = 0;
        for (LeadChannel c : channels) {
            if (c.spin() == spin) {
                num += c.velocity();
                den += 1 / c.velocity();
            }
        }
        return num / den * tau;
    }

    /**
     * Eigenvalues of a real symmetric matrix by cyclic Jacobi rotations (a is overwritten; the eigenvectors are
     * the columns of vec). For the small channel matrices here (tens of states).
     */
    static double[] jacobi(double[][] a, double[][] vec) {
        int n = a.length;
        for (int i = 0; i < n; i++) {
            java.util.Arrays.fill(vec[i], 0);
            vec[i][i] = 1;
        }
        for (int sweep = 0; sweep < 100; sweep++) {
            double off = 0;
            double total = 0;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    total += a[i][j] * a[i][j];
                    if (i != j) {
                        off += a[i][j] * a[i][j];
                    }
                }
            }
            if (off <= 1e-30 * total || total == 0) {
                break;
            }
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    if (a[p][q] == 0) {
                        continue;
                    }
                    double theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
                    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    if (theta == 0) {
                        t = 1;
                    }
                    double c = 1 / Math.sqrt(t * t + 1);
                    double s = t * c;
                    for (int k = 0; k < n; k++) {
                        double akp = a[k][p];
                        double akq = a[k][q];
                        a[k][p] = c * akp - s * akq;
                        a[k][q] = s * akp + c * akq;
                    }
                    for (int k = 0; k < n; k++) {
                        double apk = a[p][k];
                        double aqk = a[q][k];
                        a[p][k] = c * apk - s * aqk;
                        a[q][k] = s * apk + c * aqk;
                    }
                    for (int k = 0; k < n; k++) {
                        double vkp = vec[k][p];
                        double vkq = vec[k][q];
                        vec[k][p] = c * vkp - s * vkq;
                        vec[k][q] = s * vkp + c * vkq;
                    }
                }
            }
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = a[i][i];
        }
        return out;
    }
}
