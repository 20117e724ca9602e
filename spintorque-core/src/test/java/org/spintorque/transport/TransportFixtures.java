package org.spintorque.transport;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.spintorque.linalg.ComplexMatrix;

/** Model Hamiltonians and reference computations for the transport tests. */
final class TransportFixtures {
    private TransportFixtures() {
    }

    static ComplexMatrix randomMatrix(Random r, int rows, int cols, double scale) {
        ComplexMatrix a = new ComplexMatrix(rows, cols);
        for (int j = 0; j < cols; j++) {
            for (int i = 0; i < rows; i++) {
                a.set(i, j, scale * r.nextGaussian(), scale * r.nextGaussian());
            }
        }
        return a;
    }

    static ComplexMatrix randomHermitian(Random r, int n, double scale) {
        ComplexMatrix a = randomMatrix(r, n, n, scale);
        ComplexMatrix h = a.plus(a.dagger()).scale(0.5, 0);
        LeadSelfEnergy.hermitize(h);
        return h;
    }

    static ComplexMatrix scalar(int n, double re, double im) {
        ComplexMatrix a = new ComplexMatrix(n, n);
        for (int i = 0; i < n; i++) {
            a.set(i, i, re, im);
        }
        return a;
    }

    static final ComplexMatrix SIGMA_0 = ComplexMatrix.of(new double[][] {{1, 0}, {0, 1}}, null);
    static final ComplexMatrix SIGMA_X = ComplexMatrix.of(new double[][] {{0, 1}, {1, 0}}, null);
    static final ComplexMatrix SIGMA_Y = ComplexMatrix.of(new double[][] {{0, 0}, {0, 0}},
            new double[][] {{0, -1}, {1, 0}});
    static final ComplexMatrix SIGMA_Z = ComplexMatrix.of(new double[][] {{1, 0}, {0, -1}}, null);

    /** Open chain of w sites with hopping -t (hard walls), w x w. */
    static ComplexMatrix transverseChain(int w, double t) {
        ComplexMatrix h = new ComplexMatrix(w, w);
        for (int i = 0; i + 1 < w; i++) {
            h.set(i + 1, i, -t, 0);
            h.set(i, i + 1, -t, 0);
        }
        return h;
    }

    /** Transverse energies of an open chain of w sites: -2t cos(n pi / (w + 1)), n = 1..w. */
    static double[] transverseEnergies(int w, double t) {
        double[] e = new double[w];
        for (int n = 1; n <= w; n++) {
            e[n - 1] = -2 * t * Math.cos(n * Math.PI / (w + 1));
        }
        return e;
    }

    /**
     * A 2D strip of width w with spin: sites (y), spin inside; exchange -m sigma_z, Rashba alpha:
     * {@code <r+e_x|H|r> = -t + i alpha sigma_y}, {@code <r+e_y|H|r> = -t - i alpha sigma_x}.
     * Returns {cell, hopping}.
     */
    static ComplexMatrix[] rashbaStrip(int w, double t, double m, double alpha) {
        int n = 2 * w;
        ComplexMatrix cell = new ComplexMatrix(n, n);
        ComplexMatrix ty = SIGMA_0.scale(-t, 0).minus(SIGMA_X.scale(0, alpha));
        for (int y = 0; y < w; y++) {
            cell.setBlock(2 * y, 2 * y, SIGMA_Z.scale(-m, 0));
            if (y + 1 < w) {
                cell.setBlock(2 * (y + 1), 2 * y, ty);
                cell.setBlock(2 * y, 2 * (y + 1), ty.dagger());
            }
        }
        ComplexMatrix tx = SIGMA_0.scale(-t, 0).plus(SIGMA_Y.scale(0, alpha));
        ComplexMatrix hop = ComplexMatrix.identity(w).kron(tx);
        return new ComplexMatrix[] {cell, hop};
    }

    /** The same slice repeated: a clean system whose leads equal its slices. */
    static BlockTridiagonal uniform(ComplexMatrix cell, ComplexMatrix hop, int length) {
        List<ComplexMatrix> slices = new ArrayList<>();
        for (int s = 0; s < length; s++) {
            slices.add(cell);
        }
        Lead lead = new Lead(cell, hop);
        return BlockTridiagonal.of(slices, hop, lead, lead);
    }

    /** Surface Green's function by Lopez Sancho decimation at a complex energy (right-lead orientation). */
    static ComplexMatrix decimation(ComplexMatrix h0, ComplexMatrix v, double re, double im) {
        int n = h0.rows();
        ComplexMatrix alpha = v.dagger();
        ComplexMatrix beta = v.copy();
        ComplexMatrix es = h0.copy();
        ComplexMatrix e = h0.copy();
        for (int it = 0; it < 200; it++) {
            ComplexMatrix gi = LeadSelfEnergy.energyMinus(e, re, im).inverse();
            ComplexMatrix agb = alpha.times(gi).times(beta);
            ComplexMatrix bga = beta.times(gi).times(alpha);
            es = es.plus(agb);
            e = e.plus(agb).plus(bga);
            alpha = alpha.times(gi).times(alpha);
            beta = beta.times(gi).times(beta);
            if (alpha.maxAbs() < 1e-200 && beta.maxAbs() < 1e-200) {
                break;
            }
        }
        return LeadSelfEnergy.energyMinus(es, re, im).inverse();
    }

    /** Relative Dyson residual of a surface Green's function: max |g (E - H0 - Vx^dagger g Vx) - 1|. */
    static double dysonResidual(ComplexMatrix g, ComplexMatrix h0, ComplexMatrix vEff, double re, double im) {
        ComplexMatrix d = LeadSelfEnergy.energyMinus(h0, re, im).minus(vEff.dagger().times(g).times(vEff));
        return g.times(d).maxAbsDifference(ComplexMatrix.identity(h0.rows()));
    }

    /** Bloch Hamiltonian H(k) = H0 + V e^{-ik} + V^dagger e^{ik} for psi_x = e^{ikx} phi. */
    static ComplexMatrix bloch(ComplexMatrix h0, ComplexMatrix v, double k) {
        return h0.plus(v.scale(Math.cos(k), -Math.sin(k))).plus(v.dagger().scale(Math.cos(k), Math.sin(k)));
    }

    /** Band extrema (energies of smooth local minima and maxima of the sorted bands over k). */
    static List<Double> bandEdges(ComplexMatrix h0, ComplexMatrix v) {
        int n = h0.rows();
        int grid = 240;
        double[][] e = new double[grid][];
        for (int i = 0; i < grid; i++) {
            e[i] = HermitianEigen.eigenvalues(bloch(h0, v, -Math.PI + 2 * Math.PI * i / grid));
        }
        List<Double> edges = new ArrayList<>();
        for (int b = 0; b < n; b++) {
            for (int i = 0; i < grid; i++) {
                double em = e[(i + grid - 1) % grid][b];
                double e0 = e[i][b];
                double ep = e[(i + 1) % grid][b];
                boolean min = e0 < em && e0 <= ep;
                boolean max = e0 > em && e0 >= ep;
                if (!min && !max) {
                    continue;
                }
                // golden-section refinement on [k_{i-1}, k_{i+1}]
                double a = -Math.PI + 2 * Math.PI * (i - 1) / grid;
                double c = -Math.PI + 2 * Math.PI * (i + 1) / grid;
                double sign = min ? 1 : -1;
                final int band = b;
                java.util.function.DoubleUnaryOperator f =
                        k -> sign * HermitianEigen.eigenvalues(bloch(h0, v, k))[band];
                double gr = (Math.sqrt(5) - 1) / 2;
                double x1 = c - gr * (c - a);
                double x2 = a + gr * (c - a);
                double f1 = f.applyAsDouble(x1);
                double f2 = f.applyAsDouble(x2);
                for (int it = 0; it < 80; it++) {
                    if (f1 < f2) {
                        c = x2;
                        x2 = x1;
                        f2 = f1;
                        x1 = c - gr * (c - a);
                        f1 = f.applyAsDouble(x1);
                    } else {
                        a = x1;
                        x1 = x2;
                        f1 = f2;
                        x2 = a + gr * (c - a);
                        f2 = f.applyAsDouble(x2);
                    }
                }
                edges.add(sign * Math.min(f1, f2));
            }
        }
        return edges;
    }

    /** The extended dense matrix E - H - Sigma_L - Sigma_R on cells -1 .. L, and the cell offsets. */
    static ComplexMatrix denseInverse(BlockTridiagonal sys, double e, ComplexMatrix sigmaL, ComplexMatrix sigmaR,
                                      int[] offsets) {
        int cells = sys.cellCount();
        int total = 0;
        for (int c = 0; c < cells; c++) {
            offsets[c] = total;
            total += sys.cellSize(c - 1);
        }
        offsets[cells] = total;
        ComplexMatrix m = new ComplexMatrix(total, total);
        for (int c = 0; c < cells; c++) {
            int x = c - 1;
            ComplexMatrix d = LeadSelfEnergy.energyMinus(sys.cellHamiltonian(x), e, 0);
            if (c == 0) {
                d = d.minus(sigmaL);
            }
            if (c == cells - 1) {
                d = d.minus(sigmaR);
            }
            m.setBlock(offsets[c], offsets[c], d);
            if (c + 1 < cells) {
                ComplexMatrix h = sys.hoppingToNext(x);
                m.setBlock(offsets[c + 1], offsets[c], h.scale(-1, 0));
                m.setBlock(offsets[c], offsets[c + 1], h.dagger().scale(-1, 0));
            }
        }
        return m.inverse();
    }

    /** 2 Im Tr[H_{x+1,x} rho_{x,x+1}] with rho_{x,x+1} = (rho_{x+1,x})^dagger. */
    static double bondCurrent(ComplexMatrix hop, ComplexMatrix rhoNextThis) {
        return 2 * hop.traceOfProduct(rhoNextThis.dagger())[1];
    }
}
