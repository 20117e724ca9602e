package org.spintorque.wannier;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.spintorque.linalg.ComplexMatrix;
import org.spintorque.linalg.LinearAlgebra;
import org.spintorque.output.ProgressListener;
import org.spintorque.texture.Vector3;
import org.spintorque.transport.BlockTridiagonal;
import org.spintorque.transport.CellStates;
import org.spintorque.transport.Injection;
import org.spintorque.transport.NoOpenChannelException;
import org.spintorque.transport.RecursiveGreenFunction;

/**
 * The current-driven state of a {@link CrystalWire} and its spin continuity, site by site (physics.md
 * section 3, the paper's eqs. (2)-(6)), averaged over a transverse Bloch-vector mesh.
 *
 * <p>With {@code rho = delta rho / (eV)} (symmetric bias, {@link Injection#SYMMETRIC}) and the bond blocks of
 * the Hamiltonian, for every site i of the scattering region and every bond i -> j (j = i + R, any image):
 * <pre>
 *   s^a_i         = Tr[Sigma^a rho_ii]
 *   J^a_{i->j}    = Im( Tr[Sigma^a rho_ij H_ji] + Tr[Sigma^a H_ji rho_ij] )        (total H)
 *   T^{t,a}(i<-j) = Im( Tr[Sigma^a H^t_ji rho_ij] - Tr[Sigma^a rho_ij H^t_ji] )     (term t; j = i on site)
 * </pre>
 * which is the lattice continuity equation {@code ds_i/dt = -sum_j J_{i->j} + sum_t T^t(i)} written for
 * Hermitian H and rho (a = 0 is the charge: J^0 is the particle current, the sources vanish). The torque on
 * the magnetization is minus the exchange term's source (direct route) and, in the stationary state, equals
 * {@code -div j_s + T_so + T_disorder} (continuity route, eq. (6)). Quantities are per unit bias in units of
 * e/hbar (energies in eV), per transverse supercell.
 */
public final class CrystalWireSolution {
    /** Term names of the sources, in order: the bond terms of {@link CrystalWire} and the on-site disorder. */
    public static final List<String> TERMS = java.util.stream.Stream.concat(CrystalWire.BOND_TERMS.stream(),
            java.util.stream.Stream.of("disorder")).toList();

    private final CrystalWire wire;
    private final int length;
    private final double energy;
    private final int kpoints;
    private final int skipped;
    private final double transmission;
    // [layer][site][a]
    private final double[][][] density;
    private final double[][][] divergence;
    // [term][layer][site][a]
    private final double[][][][] sources;
    // [cut 0..length][a]: flow from layer c-1 to layer c
    private final double[][] cuts;

    private CrystalWireSolution(CrystalWire wire, int length, double energy, int kpoints, int skipped,
                                double transmission, double[][][] density, double[][][] divergence,
                                double[][][][] sources, double[][] cuts) {
        this.wire = wire;
        this.length = length;
        this.energy = energy;
        this.kpoints = kpoints;
        this.skipped = skipped;
        this.transmission = transmission;
        this.density = density;
        this.divergence = divergence;
        this.sources = sources;
        this.cuts = cuts;
    }

    /**
     * Solves the wire at energy E for every transverse Bloch vector of {@code k} (rows {ky, kz}, equal weights),
     * in parallel over the k-points.
     *
     * @param n         directions per layer -1 .. length and site ({@link CrystalWire#directions})
     * @param disorder  on-site disorder of the scattering region, or null
     */
    public static CrystalWireSolution solve(CrystalWire wire, int length, Vector3[][] n,
                                            CrystalWire.OnsiteDisorder disorder, double energy, double[][] k,
                                            LinearAlgebra la, ProgressListener progress) {
        int ns = wire.sitesPerLayer();
        int nt = TERMS.size();
        double[][][] dens = new double[length][ns][4];
        double[][][] div = new double[length][ns][4];
        double[][][][] src = new double[nt][length][ns][4];
        double[][] cuts = new double[length + 1][4];
        double[] tr = new double[1];
        AtomicInteger done = new AtomicInteger();
        AtomicInteger skipped = new AtomicInteger();
        int parallel = k.length > 1 ? Math.min(k.length, Runtime.getRuntime().availableProcessors()) : 1;
        IntStream range = IntStream.range(0, k.length);
        long steps = (long) k.length * (length + 2);
        // per-k-point sums, added in k order afterwards, so that the result does not depend on thread timing
        Accumulator[] accs = new Accumulator[k.length];
        (parallel > 1 ? range.parallel() : range).forEach(q -> {
            Accumulator acc = new Accumulator(length, ns, nt);
            // one step per cell of the sweep, so that a single large k-point still shows progress
            Runnable step = progress == null ? () -> { }
                    : () -> progress.progress(done.incrementAndGet(), steps, "cells x transverse k-points");
            try {
                one(wire, length, n, disorder, energy, k[q][0], k[q][1], la, acc, step);
                accs[q] = acc;
            } catch (NoOpenChannelException e) {
                skipped.incrementAndGet();
                for (int c = 0; c < length + 2; c++) {
                    step.run();
                }
            }
        });
        for (Accumulator acc : accs) {
            if (acc != null) {
                acc.addTo(dens, div, src, cuts, tr);
            }
        }
        double w = 1.0 / k.length;
        scale(dens, w);
        scale(div, w);
        for (double[][][] s : src) {
            scale(s, w);
        }
        for (double[] c : cuts) {
            for (int a = 0; a < 4; a++) {
                c[a] *= w;
            }
        }
        return new CrystalWireSolution(wire, length, energy, k.length, skipped.get(), tr[0] * w, dens, div, src,
                cuts);
    }

    private static void scale(double[][][] x, double w) {
        for (double[][] y : x) {
            for (double[] z : y) {
                for (int a = 0; a < z.length; a++) {
                    z[a] *= w;
                }
            }
        }
    }

    /** Per-k-point sums. */
    private static final class Accumulator {
        final double[][][] dens;
        final double[][][] div;
        final double[][][][] src;
        final double[][] cuts;
        double transmission;

        Accumulator(int length, int ns, int nt) {
            dens = new double[length][ns][4];
            div = new double[length][ns][4];
            src = new double[nt][length][ns][4];
            cuts = new double[length + 1][4];
        }

        void addTo(double[][][] d, double[][][] v, double[][][][] s, double[][] c, double[] t) {
            add(dens, d);
            add(div, v);
            for (int i = 0; i < s.length; i++) {
                add(src[i], s[i]);
            }
            for (int i = 0; i < c.length; i++) {
                for (int a = 0; a < 4; a++) {
                    c[i][a] += cuts[i][a];
                }
            }
            t[0] += transmission;
        }

        private static void add(double[][][] from, double[][][] to) {
            for (int i = 0; i < from.length; i++) {
                for (int j = 0; j < from[i].length; j++) {
                    for (int a = 0; a < 4; a++) {
                        to[i][j][a] += from[i][j][a];
                    }
                }
            }
        }
    }

    private static void one(CrystalWire wire, int length, Vector3[][] n, CrystalWire.OnsiteDisorder disorder,
                            double energy, double ky, double kz, LinearAlgebra la, Accumulator acc, Runnable step) {
        BlockTridiagonal sys = wire.system(length, n, ky, kz, disorder);
        RecursiveGreenFunction rgf = wire.solver(sys, n[0][0], n[length + 1][0], ky, kz, energy, la);
        ComplexMatrix[] prevBond = new ComplexMatrix[1];
        rgf.sweep((CellStates c) -> {
            int x = c.x();
            ComplexMatrix onsite = null;
            ComplexMatrix next = null;
            if (x >= 0 && x < length) {
                onsite = c.density(Injection.SYMMETRIC);
                next = c.bondDensity(Injection.SYMMETRIC);
                layer(wire, x, length, n, disorder, ky, kz, onsite, prevBond[0], next, acc);
            } else if (x == -1) {
                next = c.bondDensity(Injection.SYMMETRIC);
            }
            prevBond[0] = next;
            step.run();
        });
        acc.transmission = rgf.transmissionLR();
    }

    /** The continuity observables of every site of layer x. */
    private static void layer(CrystalWire wire, int x, int length, Vector3[][] n, CrystalWire.OnsiteDisorder disorder,
                              double ky, double kz, ComplexMatrix onsite, ComplexMatrix fromPrev, ComplexMatrix toNext,
                              Accumulator acc) {
        int ns = wire.sitesPerLayer();
        int d = wire.siteDimension();
        int cells = wire.cellCount();
        double[][] cutPrev = new double[ns][4];
        double[][] cutNext = new double[ns][4];
        IntStream sites = IntStream.range(0, ns);
        (ns >= 8 ? sites.parallel() : sites).forEach(i -> {
            Vector3 ni = n[x + 1][i];
            double[] z = new double[16];
            double[] sd = acc.dens[x][i];
            ComplexMatrix rii = onsite.block(i * d, i * d, d, d);
            spinTraces(rii, sd);
            for (int b = 0; b < cells; b++) {
                CrystalWire.Bond bond = wire.bond(i, b);
                int j = bond.target();
                if (j < 0) {
                    continue;
                }
                int dl = bond.layerOffset();
                Vector3 nj = n[x + dl + 1][j];
                ComplexMatrix rho = rhoBlock(i, j, dl, d, onsite, fromPrev, toNext);
                double[] ph = CrystalWire.phase(ky, kz, bond.imageY(), bond.imageZ());
                // rho(i, j + T) = exp(-i k.T) rho_ij(k)
                rotatePhase(rho, ph[0], -ph[1]);
                ComplexMatrix[] h = wire.termBlocks(b, ni, nj);
                boolean isOnsite = j == i && dl == 0 && bond.imageY() == 0 && bond.imageZ() == 0;
                double[] jTotal = new double[4];
                for (int t = 0; t < h.length; t++) {
                    java.util.Arrays.fill(z, 0);
                    traces(rho, h[t], z);
                    for (int a = 0; a < 4; a++) {
                        // z = {Re zX, Im zX, Re zY, Im zY} per a
                        acc.src[t][x][i][a] += z[4 * a + 3] - z[4 * a + 1];
                        jTotal[a] += z[4 * a + 1] + z[4 * a + 3];
                    }
                }
                if (!isOnsite) {
                    for (int a = 0; a < 4; a++) {
                        acc.div[x][i][a] += jTotal[a];
                        if (dl == -1) {
                            cutPrev[i][a] -= jTotal[a];
                        } else if (dl == 1) {
                            cutNext[i][a] += jTotal[a];
                        }
                    }
                }
            }
            if (disorder != null) {
                ComplexMatrix dis = disorder.onsite(x, i, ni);
                if (dis != null) {
                    java.util.Arrays.fill(z, 0);
                    traces(rii, dis, z);
                    for (int a = 0; a < 4; a++) {
                        acc.src[3][x][i][a] += z[4 * a + 3] - z[4 * a + 1];
                    }
                }
            }
        });
        for (int i = 0; i < ns; i++) {
            for (int a = 0; a < 4; a++) {
                acc.cuts[x][a] += cutPrev[i][a];
                if (x == length - 1) {
                    acc.cuts[length][a] += cutNext[i][a];
                }
            }
        }
    }

    /** rho_ij (rows: site i of layer x; columns: site j of layer x + dl). */
    private static ComplexMatrix rhoBlock(int i, int j, int dl, int d, ComplexMatrix onsite, ComplexMatrix fromPrev,
                                         ComplexMatrix toNext) {
        if (dl == 0) {
            return onsite.block(i * d, j * d, d, d);
        }
        if (dl == -1) {
            return fromPrev.block(i * d, j * d, d, d);
        }
        // rho_{x, x+1} = rho_{x+1, x}^dagger
        return toNext.block(j * d, i * d, d, d).dagger();
    }

    private static void rotatePhase(ComplexMatrix m, double c, double s) {
        if (c == 1 && s == 0) {
            return;
        }
        double[] v = m.data();
        for (int p = 0; p < v.length; p += 2) {
            double re = v[p];
            double im = v[p + 1];
            v[p] = re * c - im * s;
            v[p + 1] = re * s + im * c;
        }
    }

    /** {@code s[a] += Tr[Sigma^a r]}, a = 0 (charge), x, y, z (real parts; r Hermitian). */
    static void spinTraces(ComplexMatrix r, double[] s) {
        int d = r.rows();
        for (int o = 0; o < d; o += 2) {
            double uu = r.re(o, o);
            double dd = r.re(o + 1, o + 1);
            double udR = r.re(o, o + 1);
            double udI = r.im(o, o + 1);
            s[0] += uu + dd;
            // Tr[sigma^x r] = r_du + r_ud = 2 Re r_ud ; Tr[sigma^y r] = -i r_du + i r_ud = -2 Im r_ud
            s[1] += 2 * udR;
            s[2] += -2 * udI;
            s[3] += uu - dd;
        }
    }

    /**
     * For a = 0..3 (1, sigma^x, sigma^y, sigma^z), accumulates {@code zX = Tr[Sigma^a r h^dagger]} and
     * {@code zY = Tr[r Sigma^a h^dagger]} (= Tr[Sigma^a h^dagger r]) into z[4a .. 4a+3] as (Re zX, Im zX,
     * Re zY, Im zY), with r = rho_ij and h = H_ij: element-wise sums, no matrix products.
     */
    static void traces(ComplexMatrix r, ComplexMatrix h, double[] z) {
        int d = r.rows();
        double[] rv = r.data();
        double[] hv = h.data();
        for (int col = 0; col < d; col++) {
            for (int o = 0; o < d; o += 2) {
                // zX: Sigma acts on the row spin index (rows 2o, 2o+1 of a column)
                int pu = 2 * (o + col * d);
                spinPair(rv, hv, pu, pu + 2, z, 0, 1);
                // zY: Sigma acts on the column spin index (columns 2o, 2o+1 of a row)
                spinPair(rv, hv, 2 * (col + o * d), 2 * (col + (o + 1) * d), z, 2, -1);
            }
        }
    }

    /**
     * Adds the four spin traces of one up/down pair of elements (r_u, r_d) against conj(h_u), conj(h_d):
     * 1: uu + dd, x: du + ud, y: -+ i (du - ud), z: uu - dd (du = r_d conj(h_u), ud = r_u conj(h_d)).
     */
    private static void spinPair(double[] rv, double[] hv, int pu, int pd, double[] z, int off, double ySign) {
        double ruR = rv[pu];
        double ruI = rv[pu + 1];
        double rdR = rv[pd];
        double rdI = rv[pd + 1];
        double huR = hv[pu];
        double huI = -hv[pu + 1];
        double hdR = hv[pd];
        double hdI = -hv[pd + 1];
        double uuR = ruR * huR - ruI * huI;
        double uuI = ruR * huI + ruI * huR;
        double ddR = rdR * hdR - rdI * hdI;
        double ddI = rdR * hdI + rdI * hdR;
        double duR = rdR * huR - rdI * huI;
        double duI = rdR * huI + rdI * huR;
        double udR = ruR * hdR - ruI * hdI;
        double udI = ruR * hdI + ruI * hdR;
        z[off] += uuR + ddR;
        z[off + 1] += uuI + ddI;
        z[off + 4] += duR + udR;
        z[off + 5] += duI + udI;
        z[off + 8] += ySign * (duI - udI);
        z[off + 9] -= ySign * (duR - udR);
        z[off + 12] += uuR - ddR;
        z[off + 13] += uuI - ddI;
    }

    public CrystalWire wire() {
        return wire;
    }

    /** Principal layers of the scattering region. */
    public int length() {
        return length;
    }

    public double energy() {
        return energy;
    }

    /** Transverse k-points solved. */
    public int kpoints() {
        return kpoints;
    }

    /** Transverse k-points without an open channel in a lead (they carry no current). */
    public int kpointsWithoutChannels() {
        return skipped;
    }

    /** T_LR averaged over the transverse k-points (per transverse supercell). */
    public double transmission() {
        return transmission;
    }

    /** {@code {Tr rho_ii, s^x, s^y, s^z}} of site i of layer l. */
    public double[] density(int layer, int site) {
        return density[layer][site].clone();
    }

    /** {@code sum_j J^a_{i->j}} (a = 0: particle current), the outflow of site i of layer l. */
    public double[] divergence(int layer, int site) {
        return divergence[layer][site].clone();
    }

    /** The source of term t ({@link #TERMS}) on site i of layer l, a = 0..3. */
    public double[] source(int term, int layer, int site) {
        return sources[term][layer][site].clone();
    }

    /** Flow {1, spin x, y, z} from layer c-1 to layer c, c = 0 .. length (0: out of the left lead). */
    public double[] cut(int c) {
        return cuts[c].clone();
    }

    /** Torque on the magnetization, direct route: minus the exchange source. */
    public Vector3 torqueDirect(int layer, int site) {
        double[] s = sources[2][layer][site];
        return new Vector3(-s[1], -s[2], -s[3]);
    }

    /** Torque on the magnetization, continuity route: {@code -div j_s + T_so + T_disorder}. */
    public Vector3 torqueContinuity(int layer, int site) {
        double[] v = divergence[layer][site];
        double[] so = sources[1][layer][site];
        double[] dis = sources[3][layer][site];
        return new Vector3(-v[1] + so[1] + dis[1], -v[2] + so[2] + dis[2], -v[3] + so[3] + dis[3]);
    }

    /**
     * The largest stationarity residual {@code |ds_i/dt| = |-div + sum of sources|} over sites and components
     * (a = 0..3), relative to the largest single contribution (a divergence or a source).
     */
    public double continuityResidual() {
        double worst = 0;
        double scale = 0;
        for (int l = 0; l < length; l++) {
            for (int i = 0; i < wire.sitesPerLayer(); i++) {
                for (int a = 0; a < 4; a++) {
                    double r = -divergence[l][i][a];
                    scale = Math.max(scale, Math.abs(divergence[l][i][a]));
                    for (double[][][] s : sources) {
                        r += s[l][i][a];
                        scale = Math.max(scale, Math.abs(s[l][i][a]));
                    }
                    worst = Math.max(worst, Math.abs(r));
                }
            }
        }
        return scale == 0 ? 0 : worst / scale;
    }

    /** Sums a per-site vector over each atomic plane: [layer * planes + plane][3]. */
    public double[][] perPlane(SiteVector f) {
        int planes = wire.planesPerLayer();
        double[][] out = new double[length * planes][3];
        for (int l = 0; l < length; l++) {
            for (int i = 0; i < wire.sitesPerLayer(); i++) {
                Vector3 v = f.at(l, i);
                double[] o = out[l * planes + wire.plane(i)];
                o[0] += v.x();
                o[1] += v.y();
                o[2] += v.z();
            }
        }
        return out;
    }

    /** A per-site vector quantity. */
    @FunctionalInterface
    public interface SiteVector {
        Vector3 at(int layer, int site);
    }

    /** Plane coordinates (units of a), [layer * planes + plane]. */
    public double[] planeCoordinates() {
        int planes = wire.planesPerLayer();
        double[] x = new double[length * planes];
        for (int l = 0; l < length; l++) {
            for (int p = 0; p < planes; p++) {
                x[l * planes + p] = wire.planeCoordinate(l, p);
            }
        }
        return x;
    }
}
