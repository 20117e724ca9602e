package org.spintorque.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.spintorque.transport.TransportFixtures.dysonResidual;
import static org.spintorque.transport.TransportFixtures.randomHermitian;
import static org.spintorque.transport.TransportFixtures.randomMatrix;
import static org.spintorque.transport.TransportFixtures.scalar;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.spintorque.linalg.ComplexMatrix;
import org.spintorque.linalg.JavaLinearAlgebra;
import org.spintorque.linalg.LinearAlgebra;

/** The lead self-energy: Dyson equation, retardedness, channel counting, band edges. */
class LeadSelfEnergyTest {
    static final LinearAlgebra LA = JavaLinearAlgebra.INSTANCE;

    /** Seeded random leads: n orbitals, random Hermitian H0, random complex (non-normal) V. */
    static Stream<Arguments> randomLeads() {
        return IntStream.range(0, 12).mapToObj(seed -> Arguments.of(seed, 1 + seed % 6));
    }

    static Lead randomLead(int seed, int n) {
        Random r = new Random(1000 + seed);
        return new Lead(randomHermitian(r, n, 1.0), randomMatrix(r, n, n, 0.6));
    }

    static void checkLead(LeadSelfEnergy s, Lead lead, LeadSide side, double tol) {
        checkLead(s, lead, side, tol, 1e-11);
    }

    /**
     * The residual that rounding g to working precision alone produces is about eps (|g| |V|)^2, large
     * when a surface resonance makes |g| large: the bound is scaled by that factor (at least 1).
     */
    static double conditioning(LeadSelfEnergy s) {
        double gv = s.surfaceGreenFunction().maxAbs() * s.lead().hopping().maxAbs() * s.lead().size();
        return Math.max(1, gv * gv);
    }

    /**
     * @param tol      bound on the Dyson residual
     * @param gammaTol bound on the rounding noise of Gamma relative to |Sigma| (close to a band edge the
     *                 modes are nearly degenerate and Sigma is only known to ~1e-16 / sqrt(distance))
     */
    static void checkLead(LeadSelfEnergy s, Lead lead, LeadSide side, double tol, double gammaTol) {
        ComplexMatrix vEff = LeadSelfEnergy.effectiveHopping(lead, side);
        double res = dysonResidual(s.surfaceGreenFunction(), lead.cell(), vEff, s.energy(), 0);
        assertTrue(res < tol, "Dyson residual " + res + " at E = " + s.energy());
        assertEquals(res, s.dysonResidual(), 1e-13 + 1e-3 * res);
        // Sigma = Vx^dagger g Vx (the self-energy is that of the surface Green's function)
        ComplexMatrix sigma = vEff.dagger().times(s.surfaceGreenFunction()).times(vEff);
        double scale = Math.max(1, sigma.maxAbs());
        double sigmaDiff = sigma.maxAbsDifference(s.selfEnergy());
        assertTrue(sigmaDiff < gammaTol * scale, "Sigma vs V^dagger g V: " + sigmaDiff);
        // Gamma Hermitian positive semidefinite with rank = open channels; W W^dagger = Gamma
        ComplexMatrix gamma = s.gamma();
        assertTrue(gamma.hermiticityError() < 1e-13 * scale, "Gamma not Hermitian");
        double[] ev = HermitianEigen.eigenvalues(gamma);
        double top = Math.max(ev[ev.length - 1], 1e-300);
        int rank = 0;
        for (double x : ev) {
            assertTrue(x > -gammaTol * scale, "negative Gamma eigenvalue " + x);
            if (x > 100 * gammaTol * scale) {
                rank++;
            }
        }
        assertEquals(s.openChannels(), rank, "rank of Gamma vs open channels, eigenvalues top " + top);
        ComplexMatrix w = s.gammaFactor();
        assertEquals(s.openChannels(), w.cols());
        double factorDiff = w.times(w.dagger()).maxAbsDifference(gamma);
        assertTrue(factorDiff < gammaTol * scale, "W W^dagger vs Gamma: " + factorDiff);
        assertEquals(s.openChannels(), s.velocities().length);
        for (double v : s.velocities()) {
            assertTrue(v > 0);
        }
    }

    /** Dyson equation for random multi-orbital leads across the band, both orientations. */
    @ParameterizedTest
    @MethodSource("randomLeads")
    void dysonEquationHoldsForRandomLeads(int seed, int n) {
        Lead lead = randomLead(seed, n);
        double scale = lead.energyScale();
        double worst = 0;
        for (LeadSide side : LeadSide.values()) {
            for (int i = 0; i <= 10; i++) {
                double e = -0.9 * scale + 1.8 * scale * i / 10.0 + 1e-3 * seed;
                LeadSelfEnergy s = LeadSelfEnergy.compute(lead, side, e, LA);
                checkLead(s, lead, side, 1e-12);
                worst = Math.max(worst, s.dysonResidual());
            }
        }
        assertTrue(worst < 1e-12, "worst residual " + worst);
    }

    /**
     * Close to every band edge (both sides of it, 1e-4 .. 1e-10 of the energy scale away) of random leads,
     * and exactly on it. The modes there are nearly degenerate, so the residual bound is 3e-12 instead of
     * 1e-12.
     */
    @ParameterizedTest
    @MethodSource("randomLeads")
    void dysonEquationHoldsNearBandEdges(int seed, int n) {
        Lead lead = randomLead(seed, n);
        double scale = lead.energyScale();
        List<Double> edges = TransportFixtures.bandEdges(lead.cell(), lead.hopping());
        assertFalse(edges.isEmpty());
        for (double edge : edges) {
            for (double d : new double[] {1e-4, 1e-7, 1e-10}) {
                for (int sign = -1; sign <= 1; sign += 2) {
                    double e = edge + sign * d * scale;
                    for (LeadSide side : LeadSide.values()) {
                        LeadSelfEnergy s = LeadSelfEnergy.compute(lead, side, e, LA);
                        checkLead(s, lead, side, 1e-12 * conditioning(s), Math.max(1e-11, 2e-14 / Math.sqrt(d)));
                    }
                }
            }
            // exactly on the edge: shifted by the documented amount, with a warning
            LeadSelfEnergy s = LeadSelfEnergy.compute(lead, LeadSide.RIGHT, edge, LA);
            checkLead(s, lead, LeadSide.RIGHT, 1e-12 * conditioning(s),
                    2e-14 / Math.sqrt(LeadSelfEnergy.BAND_EDGE_SHIFT));
            if (s.shifted()) {
                assertFalse(s.warnings().isEmpty());
                assertTrue(s.warnings().get(0).contains("band edge"), s.warnings().get(0));
                double shift = s.energy() - edge;
                assertTrue(shift >= LeadSelfEnergy.BAND_EDGE_SHIFT * scale * (1 - 1e-5)
                        && shift <= 256 * LeadSelfEnergy.BAND_EDGE_SHIFT * scale, "shift " + shift);
            }
        }
    }

    /**
     * Off the real axis the decimation (Lopez Sancho) converges quickly and independently: both methods
     * must give the same surface Green's function, which also fixes the retarded choice of modes.
     */
    @ParameterizedTest
    @MethodSource("randomLeads")
    void agreesWithDecimationAtComplexEnergy(int seed, int n) {
        Lead lead = randomLead(seed, n);
        double scale = lead.energyScale();
        for (LeadSide side : LeadSide.values()) {
            for (double e : new double[] {-0.5 * scale, 0.1 * scale, 0.4 * scale}) {
                LeadSelfEnergy s = LeadSelfEnergy.computeComplex(lead, side, e, 0.05 * scale, LA);
                ComplexMatrix vEff = LeadSelfEnergy.effectiveHopping(lead, side);
                ComplexMatrix g = TransportFixtures.decimation(lead.cell(), vEff, e, 0.05 * scale);
                double diff = g.maxAbsDifference(s.surfaceGreenFunction());
                assertTrue(diff < 1e-12 * Math.max(1, g.maxAbs()), "difference " + diff);
            }
        }
    }

    /** The real-energy result is the limit of E + i eta, eta -> 0+ (retarded, not advanced). */
    @ParameterizedTest
    @MethodSource("randomLeads")
    void isTheRetardedLimit(int seed, int n) {
        Lead lead = randomLead(seed, n);
        double scale = lead.energyScale();
        for (double e : new double[] {-0.3 * scale, 0.05 * scale, 0.2 * scale}) {
            LeadSelfEnergy real = LeadSelfEnergy.compute(lead, LeadSide.LEFT, e, LA);
            LeadSelfEnergy near = LeadSelfEnergy.computeComplex(lead, LeadSide.LEFT, real.energy(), 1e-8 * scale, LA);
            double diff = real.selfEnergy().maxAbsDifference(near.selfEnergy());
            assertTrue(diff < 1e-5 * scale, "Sigma(E) vs Sigma(E + i eta): " + diff);
        }
    }

    /** Chain of hopping t: Sigma = E/2 - i sqrt(t^2 - E^2/4) in the band, one channel of velocity 2t sin k. */
    @ParameterizedTest
    @ValueSource(doubles = {-1.999, -1.2, -0.3, 0.0, 0.7, 1.5, 1.9999})
    void chainSelfEnergyIsAnalytic(double e) {
        double t = 1;
        Lead lead = new Lead(scalar(1, 0, 0), scalar(1, -t, 0));
        for (LeadSide side : LeadSide.values()) {
            LeadSelfEnergy s = LeadSelfEnergy.compute(lead, side, e, LA);
            assertEquals(e / 2, s.selfEnergy().re(0, 0), 1e-14);
            assertEquals(-Math.sqrt(t * t - e * e / 4), s.selfEnergy().im(0, 0), 1e-13);
            assertEquals(1, s.openChannels());
            double k = Math.acos(-e / (2 * t));
            assertEquals(2 * t * Math.sin(k), s.velocities()[0], 1e-12);
            // the general mode matching gives the same
            LeadSelfEnergy mm = LeadSelfEnergy.byModeMatching(lead, side, e, 0, LA);
            assertTrue(mm.selfEnergy().maxAbsDifference(s.selfEnergy()) < 1e-13);
            assertEquals(1, mm.openChannels());
        }
    }

    /** Outside the band no channel is open; Sigma is real, the evanescent root (E - sgn E sqrt(E^2-4t^2))/2. */
    @ParameterizedTest
    @ValueSource(doubles = {-3.5, -2.01, 2.2, 4.0})
    void chainOutsideTheBandHasNoOpenChannel(double e) {
        Lead lead = new Lead(scalar(1, 0, 0), scalar(1, -1, 0));
        LeadSelfEnergy s = LeadSelfEnergy.compute(lead, LeadSide.RIGHT, e, LA);
        assertEquals(0, s.openChannels());
        double expected = (e - Math.signum(e) * Math.sqrt(e * e - 4)) / 2;
        assertEquals(expected, s.selfEnergy().re(0, 0), 1e-13);
        assertEquals(0, s.selfEnergy().im(0, 0), 1e-13);
        assertEquals(0, s.gammaFactor().cols());
    }

    /** A strip of width w: open channels = transverse modes with |E - eps_n| < 2t, counted both ways. */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 5, 8})
    void stripChannelCountIsTransverseModeCount(int w) {
        double t = 1;
        Lead lead = new Lead(TransportFixtures.transverseChain(w, t), scalar(w, -t, 0));
        double[] eps = TransportFixtures.transverseEnergies(w, t);
        for (double e = -3.9; e < 3.9; e += 0.37) {
            int expected = 0;
            for (double x : eps) {
                if (Math.abs(e - x) < 2 * t) {
                    expected++;
                }
            }
            LeadSelfEnergy s = LeadSelfEnergy.compute(lead, LeadSide.RIGHT, e, LA);
            assertEquals(expected, s.openChannels(), "E = " + e);
            checkLead(s, lead, LeadSide.RIGHT, 1e-13);
            LeadSelfEnergy mm = LeadSelfEnergy.byModeMatching(lead, LeadSide.LEFT, e, 0, LA);
            assertEquals(expected, mm.openChannels(), "E = " + e);
            checkLead(mm, lead, LeadSide.LEFT, 1e-12);
            LeadSelfEnergy closed = LeadSelfEnergy.compute(lead, LeadSide.LEFT, e, LA);
            assertTrue(mm.selfEnergy().maxAbsDifference(closed.selfEnergy()) < 1e-12);
        }
    }

    /**
     * Exactly degenerate channels through the general mode matching: a square wire of 3 x 3 sites
     * (transverse modes (ny, nz) and (nz, ny) degenerate) with spin (every mode twice), two orbitals
     * with different hoppings so that V is not a multiple of the identity.
     */
    @Test
    void degenerateChannelsAreSplitByVelocity() {
        int w = 3;
        ComplexMatrix chain = TransportFixtures.transverseChain(w, 1);
        ComplexMatrix id = ComplexMatrix.identity(w);
        ComplexMatrix cross = chain.kron(id).plus(id.kron(chain)); // 9 x 9
        ComplexMatrix orbitalHop = ComplexMatrix.of(new double[][] {{-1, 0}, {0, -0.6}}, null);
        ComplexMatrix orbitalOnsite = ComplexMatrix.of(new double[][] {{0, 0}, {0, 0.3}}, null);
        ComplexMatrix crossOrbital = cross.kron(ComplexMatrix.of(new double[][] {{1, 0}, {0, 0.6}}, null));
        ComplexMatrix cell = crossOrbital.plus(ComplexMatrix.identity(9).kron(orbitalOnsite))
                .kron(TransportFixtures.SIGMA_0);
        ComplexMatrix hop = ComplexMatrix.identity(9).kron(orbitalHop).kron(TransportFixtures.SIGMA_0);
        Lead lead = new Lead(cell, hop);
        double[] eps = TransportFixtures.transverseEnergies(w, 1);
        for (double e : new double[] {-3.3, -1.7, -0.45, 0.8, 2.1}) {
            int expected = 0;
            for (double a : eps) {
                for (double b : eps) {
                    if (Math.abs(e - (a + b)) < 2) {
                        expected += 2;
                    }
                    if (Math.abs(e - 0.3 - 0.6 * (a + b)) < 1.2) {
                        expected += 2;
                    }
                }
            }
            for (LeadSide side : LeadSide.values()) {
                LeadSelfEnergy s = LeadSelfEnergy.compute(lead, side, e, LA);
                assertEquals("mode matching", s.method());
                assertEquals(expected, s.openChannels(), "E = " + e);
                checkLead(s, lead, side, 1e-12);
            }
        }
    }

    /**
     * A right-moving and a left-moving mode with the same Bloch factor: chain A (on-site 0, hopping -1) and
     * chain B (hopping +1/2, an inverted band) tuned so that A's right mover and B's left mover both have
     * lambda = e^{ik}; the pair is then hidden by a random unitary change of basis. Expected, per chain,
     * Sigma = conj(c) lambda with the outgoing lambda: -e^{ik} for A and (1/2) e^{-ik} for B.
     */
    @ParameterizedTest
    @ValueSource(doubles = {0.4, 1.1, 2.3})
    void rightAndLeftMoverWithOneEigenvalue(double k) {
        double e = -2 * Math.cos(k);
        double epsB = e - Math.cos(k);
        ComplexMatrix h0 = ComplexMatrix.of(new double[][] {{0, 0}, {0, epsB}}, null);
        ComplexMatrix v = ComplexMatrix.of(new double[][] {{-1, 0}, {0, 0.5}}, null);
        ComplexMatrix u = HermitianEigen.of(randomHermitian(new Random(3), 2, 1)).vectors();
        Lead lead = new Lead(u.times(h0).times(u.dagger()), u.times(v).times(u.dagger()));
        LeadSelfEnergy s = LeadSelfEnergy.compute(lead, LeadSide.RIGHT, e, LA);
        assertEquals(2, s.openChannels());
        ComplexMatrix expected = ComplexMatrix.of(new double[][] {{-Math.cos(k), 0}, {0, 0.5 * Math.cos(k)}},
                new double[][] {{-Math.sin(k), 0}, {0, -0.5 * Math.sin(k)}});
        expected = u.times(expected).times(u.dagger());
        assertTrue(s.selfEnergy().maxAbsDifference(expected) < 1e-12, s.selfEnergy().toString());
        checkLead(s, lead, LeadSide.RIGHT, 1e-12);
    }

    /** A Rashba strip (spin-dependent V, no spin conservation): checked through the Dyson equation. */
    @ParameterizedTest
    @ValueSource(doubles = {-2.9, -1.3, 0.2, 1.1})
    void rashbaStripLead(double e) {
        ComplexMatrix[] m = TransportFixtures.rashbaStrip(4, 1, 0.4, 0.3);
        Lead lead = new Lead(m[0], m[1]);
        for (LeadSide side : LeadSide.values()) {
            LeadSelfEnergy s = LeadSelfEnergy.compute(lead, side, e, LA);
            assertNotNull(s);
            checkLead(s, lead, side, 1e-12);
        }
    }

    /** A chain exactly at its band edges: detected, shifted upwards by 1e-9 x energy scale, warned. */
    @Test
    void chainBandEdgeIsShiftedWithWarning() {
        Lead lead = new Lead(scalar(1, 0, 0), scalar(1, -1, 0));
        assertNull(LeadSelfEnergy.byModeMatching(lead, LeadSide.RIGHT, -2, 0, LA));
        LeadSelfEnergy s = LeadSelfEnergy.compute(lead, LeadSide.RIGHT, -2, LA);
        assertTrue(s.shifted());
        assertEquals(-2 + LeadSelfEnergy.BAND_EDGE_SHIFT * lead.energyScale(), s.energy(), 1e-15);
        assertEquals(1, s.warnings().size());
        assertTrue(s.warnings().get(0).contains("band edge"));
        assertEquals(1, s.openChannels());
        LeadSelfEnergy top = LeadSelfEnergy.compute(lead, LeadSide.LEFT, 2, LA);
        assertTrue(top.shifted());
        assertEquals(0, top.openChannels());
        // a strip at the bottom of its second transverse subband
        double[] eps = TransportFixtures.transverseEnergies(4, 1);
        Lead strip = new Lead(TransportFixtures.transverseChain(4, 1), scalar(4, -1, 0));
        LeadSelfEnergy sb = LeadSelfEnergy.compute(strip, LeadSide.RIGHT, eps[1] - 2, LA);
        assertTrue(sb.shifted());
        assertEquals(2, sb.openChannels());
        checkLead(sb, strip, LeadSide.RIGHT, 1e-12);
    }

    /** Leads with a singular hopping (an orbital that does not hop) are handled by the shift-invert. */
    @ParameterizedTest
    @EnumSource(LeadSide.class)
    void singularHopping(LeadSide side) {
        Random r = new Random(7);
        int n = 4;
        ComplexMatrix v = randomMatrix(r, n, n, 0.7);
        for (int i = 0; i < n; i++) {
            v.set(i, 0, 0, 0); // orbital 0 does not hop out
            v.set(3, i, 0, 0); // nothing hops into orbital 3
        }
        Lead lead = new Lead(randomHermitian(r, n, 1), v);
        for (double e = -2; e <= 2; e += 0.5) {
            LeadSelfEnergy s = LeadSelfEnergy.compute(lead, side, e, LA);
            checkLead(s, lead, side, 1e-11);
        }
    }

    /** The eigen-solvers the mode matching relies on. */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 7, 30})
    void eigenSolversAreAccurate(int n) {
        Random r = new Random(n);
        ComplexMatrix h = randomHermitian(r, n, 1);
        HermitianEigen e = HermitianEigen.of(h);
        ComplexMatrix d = new ComplexMatrix(n, n);
        for (int i = 0; i < n; i++) {
            d.set(i, i, e.value(i), 0);
            if (i > 0) {
                assertTrue(e.value(i) >= e.value(i - 1));
            }
        }
        ComplexMatrix z = e.vectors();
        assertTrue(z.times(d).times(z.dagger()).maxAbsDifference(h) < 1e-13 * n);
        ComplexMatrix a = randomMatrix(r, n, n, 1);
        ComplexSchur s = ComplexSchur.decompose(a);
        List<Integer> order = new ArrayList<>();
        for (int i = n - 1; i >= 0; i -= 2) {
            order.add(i);
        }
        s.moveToFront(order.stream().mapToInt(Integer::intValue).toArray());
        ComplexMatrix t = s.t();
        ComplexMatrix q = s.q();
        assertTrue(q.times(t).times(q.dagger()).maxAbsDifference(a) < 1e-13 * n);
        assertTrue(q.dagger().times(q).maxAbsDifference(ComplexMatrix.identity(n)) < 1e-13 * n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                assertEquals(0, Math.hypot(t.re(i, j), t.im(i, j)));
            }
        }
    }
}
