package org.spintorque.relaxation;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.spintorque.hamiltonian.HamiltonianTerm;
import org.spintorque.lattice.Bond;
import org.spintorque.lattice.Direction;
import org.spintorque.lattice.Lattice;
import org.spintorque.lattice.Site;
import org.spintorque.linalg.ComplexMatrix;

/**
 * Fermi-golden-rule (Born) scattering rates of every open channel of a clean, uniformly magnetized (n = z)
 * hard-wall lead at energy E, for each disorder term, computed from the term's own lattice blocks.
 *
 * <h2>Rate of a channel</h2>
 * States {@code |c, d> = chi_q(y, z) e^{i d k x} |s>} (d = +-1, see {@link LeadChannel}) normalized per unit
 * length. In a wire of length L (periodic along x) the normalized states are {@code |c, d>/sqrt(L)}, the
 * longitudinal wave numbers are spaced by {@code 2 pi / L}, and the disorder is
 * {@code V = sum_imp xi_imp O_imp}: on each of the {@code n L} impurity positions per cross-section site
 * (y0, z0) (n impurities per site), for each independent component a, an operator {@code O(x0, y0, z0, a)}
 * with independent random values of zero mean and variance {@code <xi^2>}. Averaged over the disorder, the
 * cross terms between different impurities vanish, and the golden rule (hbar = 1)
 *
 * <pre>
 *   Gamma_i = 2 pi sum_f |<f|V|i>|^2 delta(E - E_f)
 *           = 2 pi sum_{c_f} integral L dk_f/(2 pi)  (1/L^2)  n L <xi^2> sum_{y0 z0 a} |M_fi(y0, z0, a)|^2
 *                                                                              delta(E - E_{c_f}(k_f))
 *           = sum_{f = (c_f, d_f) at E}  (1/|v_f|)  n <xi^2>  sum_{y0 z0 a} |M_fi(y0, z0, a)|^2
 * </pre>
 *
 * with {@code M_fi = <c_f, d_f| O(x0, y0, z0, a) |c_i, d_i>} between the per-unit-length states (the factors
 * of L cancel: {@code 1/L^2} from the normalization, L from the number of impurities, L/(2 pi) from the
 * density of k states; {@code integral dk delta(E - E(k)) = 1/|v|} for each of the roots +-k). The phase
 * {@code e^{i(d_i k_i - d_f k_f) x0}} drops out of {@code |M_fi|^2}, so the rate does not depend on x0. The
 * matrix element is evaluated from the blocks of the operator on a short probe lattice:
 *
 * <pre>
 *   M_fi = sum_r psi_f(r)^dag O_rr psi_i(r) + sum_{bonds i->j} [psi_f(j)^dag O_ji psi_i(i) + psi_f(i)^dag O_ji^dag psi_i(j)]
 * </pre>
 *
 * over every site and bond of the probe lattice and its first lead cells, so any operator contained in the
 * probe gives the same rate as on an infinite wire.
 *
 * <h2>Checks (tests)</h2>
 * Chain spin-flip: {@code Gamma_{s -> -s} = 2 (1/v_-s) n (v_s^2 S^2/3) (|sigma^x_{-s,s}|^2 + |sigma^y_{-s,s}|^2)
 * = (4 pi/3) n v_s^2 S^2 nu_-s}, so {@code Gamma_{+->-} + Gamma_{-->+}} is eq. (29)'s {@code 1/tau_sf}. Chain
 * Anderson: {@code 2 pi n <V^2> nu}. One weak impurity in a clean wire: its Born reflection probability is
 * {@code sum_{f backward} |M_fi|^2/(v_i v_f)}, i.e. the backward part of {@code Gamma_i} times
 * {@code 1/(v_i n <xi^2>)}. The whole rate of an on-site term is the optical theorem
 * {@code -2 n <xi^2> sum |chi_i(r0)|^2 Im [O G^r(r0, r0) O]_{s_i s_i}} with the clean lead's local Green's function.
 *
 * <p>The result is immutable; the per-term transition table is {@code [term][initial state][final state]}
 * with state index {@code 2 c + (d = +1 ? 0 : 1)} over {@link #channels()}.
 */
public final class GoldenRule {
    /** The part of a rate. */
    public enum Part {
        /** Every final state. */
        ALL,
        /** Final spin equal to the initial spin (along z). */
        SPIN_CONSERVING,
        /** Final spin opposite to the initial spin. */
        SPIN_FLIP,
        /** Final state moving in the same direction. */
        FORWARD,
        /** Final state moving in the opposite direction (backscattering). */
        BACKWARD
    }

    private final List<LeadChannel> channels;
    private final List<ScatteringTerm> terms;
    private final double[][][] transition;

    private GoldenRule(List<LeadChannel> channels, List<ScatteringTerm> terms, double[][][] transition) {
        this.channels = channels;
        this.terms = terms;
        this.transition = transition;
    }

    /** The rates of every channel for every term (the channels must share the probe's cross-section). */
    public static GoldenRule compute(List<LeadChannel> channels, List<ScatteringTerm> terms) {
        for (LeadChannel c : channels) {
            for (ScatteringTerm t : terms) {
                if (c.width() != t.probe().width() || c.height() != t.probe().height()) {
                    throw new IllegalArgumentException("channel " + c.label() + " of a " + c.width() + " x "
                            + c.height() + " lead and term " + t.name() + " on a " + t.probe().width() + " x "
                            + t.probe().height() + " cross-section");
                }
            }
        }
        int n = 2 * channels.size();
        double[][][] table = new double[terms.size()][][];
        for (int k = 0; k < terms.size(); k++) {
            ScatteringTerm term = terms.get(k);
            List<ScatteringTerm.Impurity> imps = term.impurities();
            double[][][] partial = IntStream.range(0, imps.size()).parallel()
                    .mapToObj(m -> squaredElements(channels, entries(imps.get(m).operator(), term.probe())))
                    .toArray(double[][][]::new);
            double[][] sum = new double[n][n];
            for (double[][] p : partial) {
                for (int i = 0; i < n; i++) {
                    for (int f = 0; f < n; f++) {
                        sum[i][f] += p[i][f];
                    }
                }
            }
            for (int i = 0; i < n; i++) {
                for (int f = 0; f < n; f++) {
                    sum[i][f] *= term.weight() / channels.get(f / 2).velocity();
                }
            }
            table[k] = sum;
        }
        return new GoldenRule(List.copyOf(channels), List.copyOf(terms), table);
    }

    /** A non-zero block of an operator: {@code <row| O |col>}. */
    record Entry(Site row, Site col, ComplexMatrix block) { }

    /**
     * Every non-zero block of the operator on the probe lattice and its first lead cells: on-site blocks, and
     * for each bond {@code i -> j} the block {@code O_ji} and its adjoint {@code O_ij}.
     */
    static List<Entry> entries(HamiltonianTerm op, Lattice probe) {
        if (probe.orbitals() != 1) {
            throw new IllegalArgumentException("the golden rule is implemented for one orbital per site");
        }
        List<Entry> out = new ArrayList<>();
        int first = probe.firstIndexOfSlice(-1);
        int last = probe.firstIndexOfSlice(probe.length() + 1);
        for (int i = first; i < last; i++) {
            Site s = probe.site(i);
            ComplexMatrix on = op.onsite(s);
            if (on != null && on.maxAbs() > 0) {
                out.add(new Entry(s, s, on));
            }
            for (Direction d : probe.directions()) {
                Bond b = probe.bond(i, d);
                if (b == null || b.to().x() > probe.length()) {
                    continue;
                }
                ComplexMatrix h = op.hopping(b);
                if (h != null && h.maxAbs() > 0) {
                    out.add(new Entry(b.to(), b.from(), h));
                    out.add(new Entry(b.from(), b.to(), h.dagger()));
                }
            }
        }
        return out;
    }

    /** {@code |M_fi|^2} for every pair of states, for one operator. */
    static double[][] squaredElements(List<LeadChannel> channels, List<Entry> entries) {
        int n = 2 * channels.size();
        double[][] out = new double[n][n];
        int ne = entries.size();
        // amplitudes of each state on each entry's row and column site
        double[][] rowRe = new double[n][ne];
        double[][] rowIm = new double[n][ne];
        double[][] colRe = new double[n][ne];
        double[][] colIm = new double[n][ne];
        for (int s = 0; s < n; s++) {
            LeadChannel c = channels.get(s / 2);
            double kd = (s % 2 == 0 ? 1 : -1) * c.k();
            for (int e = 0; e < ne; e++) {
                Site r = entries.get(e).row();
                Site q = entries.get(e).col();
                double ar = c.amplitude(r.y(), r.z());
                double aq = c.amplitude(q.y(), q.z());
                rowRe[s][e] = ar * Math.cos(kd * r.x());
                rowIm[s][e] = ar * Math.sin(kd * r.x());
                colRe[s][e] = aq * Math.cos(kd * q.x());
                colIm[s][e] = aq * Math.sin(kd * q.x());
            }
        }
        for (int i = 0; i < n; i++) {
            int si = channels.get(i / 2).spin() > 0 ? 0 : 1;
            for (int f = 0; f < n; f++) {
                int sf = channels.get(f / 2).spin() > 0 ? 0 : 1;
                double re = 0;
                double im = 0;
                for (int e = 0; e < ne; e++) {
                    ComplexMatrix b = entries.get(e).block();
                    double br = b.re(sf, si);
                    double bi = b.im(sf, si);
                    if (br == 0 && bi == 0) {
                        continue;
                    }
                    // conj(row_f) * B * col_i
                    double xr = br * colRe[i][e] - bi * colIm[i][e];
                    double xi = br * colIm[i][e] + bi * colRe[i][e];
                    re += rowRe[f][e] * xr + rowIm[f][e] * xi;
                    im += rowRe[f][e] * xi - rowIm[f][e] * xr;
                }
                out[i][f] = re * re + im * im;
            }
        }
        return out;
    }

    public List<LeadChannel> channels() {
        return channels;
    }

    public List<ScatteringTerm> terms() {
        return terms;
    }

    /** Index of the term of this name, or -1. */
    public int termIndex(String name) {
        for (int k = 0; k < terms.size(); k++) {
            if (terms.get(k).name().equals(name)) {
                return k;
            }
        }
        return -1;
    }

    /**
     * The rate [t] from the state (channel c, direction d = +-1) into channel f (both directions, or only the
     * part asked for), due to term k.
     */
    public double stateRate(int k, int c, int d, int f, Part part) {
        int i = 2 * c + (d > 0 ? 0 : 1);
        boolean flip = channels.get(c).spin() != channels.get(f).spin();
        if (part == Part.SPIN_CONSERVING && flip || part == Part.SPIN_FLIP && !flip) {
            return 0;
        }
        double forward = transition[k][i][2 * f + (d > 0 ? 0 : 1)];
        double backward = transition[k][i][2 * f + (d > 0 ? 1 : 0)];
        return switch (part) {
            case FORWARD -> forward;
            case BACKWARD -> backward;
            default -> forward + backward;
        };
    }

    /** The rate [t] of channel c into channel f due to term k, averaged over the two directions of c. */
    public double channelRate(int k, int c, int f, Part part) {
        return 0.5 * (stateRate(k, c, +1, f, part) + stateRate(k, c, -1, f, part));
    }

    /** The rate [t] of channel c due to term k (part of it), averaged over the directions +-k of c. */
    public double rate(int k, int c, Part part) {
        double sum = 0;
        for (int f = 0; f < channels.size(); f++) {
            sum += channelRate(k, c, f, part);
        }
        return sum;
    }

    /** The rate [t] of channel c due to every term. */
    public double totalRate(int c, Part part) {
        double sum = 0;
        for (int k = 0; k < terms.size(); k++) {
            sum += rate(k, c, part);
        }
        return sum;
    }

    /**
     * The largest relative difference between the rates of the +k and -k states of a channel (zero for an
     * ensemble that is symmetric under x -> -x; a check, not an input).
     */
    public double directionAsymmetry() {
        double worst = 0;
        for (int k = 0; k < terms.size(); k++) {
            for (int c = 0; c < channels.size(); c++) {
                double p = 0;
                double m = 0;
                for (int f = 0; f < channels.size(); f++) {
                    p += stateRate(k, c, +1, f, Part.ALL);
                    m += stateRate(k, c, -1, f, Part.ALL);
                }
                if (p + m > 0) {
                    worst = Math.max(worst, Math.abs(p - m) / (p + m));
                }
            }
        }
        return worst;
    }
}
