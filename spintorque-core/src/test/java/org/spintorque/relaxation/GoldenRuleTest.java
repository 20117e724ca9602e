package org.spintorque.relaxation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.spintorque.disorder.AndersonDisorder;
import org.spintorque.disorder.SpinOrbitImpurities;
import org.spintorque.lattice.Lattice;
import org.spintorque.lattice.LatticeKind;
import org.spintorque.torque.LatticeSpinFlipTheory;

/** The golden-rule rates against closed forms of the Born approximation (chain, strip) and each other. */
class GoldenRuleTest {

    static Stream<Arguments> leads() {
        // kind, W, H, t, v0, M, E
        return Stream.of(
                Arguments.of(LatticeKind.CHAIN, 1, 1, 1.0, 0.0, 0.5, -1.5),
                Arguments.of(LatticeKind.CHAIN, 1, 1, 1.0, 0.2, 0.3, 0.4),
                Arguments.of(LatticeKind.SQUARE, 4, 1, 1.0, 0.0, 0.5, -2.5),
                Arguments.of(LatticeKind.SQUARE, 5, 1, 1.0, 0.1, 0.7, -1.25),
                Arguments.of(LatticeKind.CUBIC, 3, 2, 1.0, 0.0, 0.4, -3.1));
    }

    private static Lattice probe(LatticeKind kind, int w, int h) {
        return ScatteringTerm.probe(kind, ScatteringTerm.PROBE_LENGTH, w, h);
    }

    @ParameterizedTest
    @MethodSource("leads")
    void densityOfStatesOfTheChannelsIsTheLatticeDos(LatticeKind kind, int w, int h, double t, double v0, double m,
            double e) {
        UniformLead lead = new UniformLead(kind, w, h, t, v0, m);
        LatticeRelaxationTheory r = LatticeRelaxationTheory.of(lead, e, List.of(), null, null);
        assertEquals(LatticeSpinFlipTheory.densityOfStates(e - v0 + m, t, w, h), r.nuUp(), 1e-14);
        assertEquals(LatticeSpinFlipTheory.densityOfStates(e - v0 - m, t, w, h), r.nuDn(), 1e-14);
    }

    /** Eq. (29)'s rate for a chain: (4 pi/3) n v_s^2 S^2 (nu_+ + nu_-), exactly. */
    @Test
    void chainSpinFlipRateIsEq29() {
        double n = 0.07;
        double vs = 0.3;
        double s = 1.5;
        for (double e : new double[] {-1.4, -1.0, 0.3, 1.2}) {
            UniformLead lead = new UniformLead(LatticeKind.CHAIN, 1, 1, 1.0, 0.0, 0.5);
            ScatteringTerm sf = ScatteringTerm.spinFlip(probe(LatticeKind.CHAIN, 1, 1), 4, n, vs, s);
            LatticeRelaxationTheory r = LatticeRelaxationTheory.of(lead, e, List.of(sf), new double[] {n, vs, s},
                    null);
            double eq29 = 4 * Math.PI / 3 * n * vs * vs * s * s * (r.nuUp() + r.nuDn());
            assertEquals(eq29, 1 / r.tauSf(), 1e-13 * eq29, "E = " + e);
            assertEquals(r.betaEq29Dos(), r.betaEq29GoldenRule(), 1e-13 * r.betaEq29Dos());
            // each direction separately: Gamma_{+->-} = (4 pi/3) n v_s^2 S^2 nu_-
            double upToDn = r.rates().rate(0, 0, GoldenRule.Part.SPIN_FLIP);
            assertEquals(4 * Math.PI / 3 * n * vs * vs * s * s * r.nuDn(), upToDn, 1e-13 * upToDn);
            // the sigma^z part keeps the spin: (2 pi/3) n v_s^2 S^2 nu_+ ... times 1 (|sigma^z_{++}|^2 = 1)
            double keep = r.rates().rate(0, 0, GoldenRule.Part.SPIN_CONSERVING);
            assertEquals(2 * Math.PI / 3 * n * vs * vs * s * s * r.nuUp(), keep, 1e-13 * keep);
        }
    }

    /**
     * In a strip or wire, the rate of channel q into q' has the transverse overlap
     * {@code O_qq' = sum_y chi_q(y)^2 chi_q'(y)^2} where eq. (29) with the lattice DOS has 1/(W H):
     * {@code Gamma_{q s -> q' -s} = (4 pi/3) n v_s^2 S^2 O_qq' / (pi v_q')}, and for hard-wall modes
     * {@code O_qq' = prod_{y, z} (1 + delta_qq'/2 + delta_{q+q', W+1}/2)/(W+1)}.
     */
    @ParameterizedTest
    @MethodSource("leads")
    void stripSpinFlipRateHasTheTransverseOverlapFactor(LatticeKind kind, int w, int h, double t, double v0,
            double m, double e) {
        double n = 0.1;
        double vs = 0.3;
        double s = 1.0;
        UniformLead lead = new UniformLead(kind, w, h, t, v0, m);
        GoldenRule g = GoldenRule.compute(lead.channels(e),
                List.of(ScatteringTerm.spinFlip(probe(kind, w, h), 4, n, vs, s)));
        List<LeadChannel> ch = g.channels();
        for (int c = 0; c < ch.size(); c++) {
            for (int f = 0; f < ch.size(); f++) {
                LeadChannel a = ch.get(c);
                LeadChannel b = ch.get(f);
                double overlap = overlap(a.qy(), b.qy(), w) * overlap(a.qz(), b.qz(), h);
                double numeric = 0;
                for (int y = 0; y < w; y++) {
                    for (int z = 0; z < h; z++) {
                        numeric += Math.pow(a.amplitude(y, z) * b.amplitude(y, z), 2);
                    }
                }
                assertEquals(overlap, numeric, 1e-14);
                double pairs = a.spin() == b.spin() ? 1 : 2; // sigma^z keeps, sigma^x and sigma^y flip
                double expected = 2 * Math.PI / 3 * n * vs * vs * s * s * pairs * overlap * b.densityOfStates();
                assertEquals(expected, g.channelRate(0, c, f, GoldenRule.Part.ALL), 1e-13 * expected);
            }
        }
    }

    private static double overlap(int q, int p, int n) {
        if (n == 1) {
            return 1;
        }
        return (1 + (q == p ? 0.5 : 0) + (q + p == n + 1 ? 0.5 : 0)) / (n + 1);
    }

    /** Born rate of spin-independent disorder on a chain: 2 pi n <V^2> nu (n = 1, <V^2> = W^2/12 for the box). */
    @Test
    void chainAndersonRateIsTwoPiVarianceDos() {
        for (AndersonDisorder.Distribution dist : AndersonDisorder.Distribution.values()) {
            double w = 0.7;
            double var = dist == AndersonDisorder.Distribution.BOX ? w * w / 12 : w * w;
            UniformLead lead = new UniformLead(LatticeKind.CHAIN, 1, 1, 1.0, -0.1, 0.4);
            ScatteringTerm a = ScatteringTerm.anderson(probe(LatticeKind.CHAIN, 1, 1), 4, w, dist);
            LatticeRelaxationTheory r = LatticeRelaxationTheory.of(lead, -0.8, List.of(a), null, null);
            assertEquals(2 * Math.PI * var * r.nuUp(), 1 / r.tauUp(), 1e-14);
            assertEquals(2 * Math.PI * var * r.nuDn(), 1 / r.tauDn(), 1e-14);
            assertEquals(null, r.tauSf());
            // on a chain half of it is backscattering (|M|^2 the same for +k and -k)
            assertEquals(0.5 / r.tauUp(), r.rates().rate(0, 0, GoldenRule.Part.BACKWARD), 1e-14);
        }
    }

    /** The rate is a property of the ensemble, not of where the impurity sits in the probe or how long it is. */
    @ParameterizedTest
    @MethodSource("leads")
    void ratesIndependentOfImpurityPositionAndProbeLength(LatticeKind kind, int w, int h, double t, double v0,
            double m, double e) {
        UniformLead lead = new UniformLead(kind, w, h, t, v0, m);
        List<LeadChannel> ch = lead.channels(e);
        GoldenRule ref = GoldenRule.compute(ch, terms(probe(kind, w, h), 4));
        for (int[] lx : new int[][] {{5, 2}, {9, 6}, {14, 3}, {14, 11}}) {
            GoldenRule g = GoldenRule.compute(ch, terms(ScatteringTerm.probe(kind, lx[0], w, h), lx[1]));
            for (int k = 0; k < ref.terms().size(); k++) {
                for (int c = 0; c < ch.size(); c++) {
                    for (int f = 0; f < ch.size(); f++) {
                        for (GoldenRule.Part p : GoldenRule.Part.values()) {
                            double a = ref.channelRate(k, c, f, p);
                            assertEquals(a, g.channelRate(k, c, f, p), 1e-13 * Math.max(1e-3, a),
                                    ref.terms().get(k).name() + " length " + lx[0] + " x0 " + lx[1]);
                        }
                    }
                }
            }
        }
        assertTrue(ref.directionAsymmetry() < 1e-12, "rates of +k and -k differ: " + ref.directionAsymmetry());
    }

    private static List<ScatteringTerm> terms(Lattice probe, int x0) {
        return List.of(ScatteringTerm.spinFlip(probe, x0, 0.1, 0.3, 1.0),
                ScatteringTerm.spinOrbit(probe, x0, 0.1, 0.3, SpinOrbitImpurities.Components.THREE),
                ScatteringTerm.anderson(probe, x0, 0.5, AndersonDisorder.Distribution.BOX));
    }
}
