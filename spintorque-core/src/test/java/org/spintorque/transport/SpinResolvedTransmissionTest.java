package org.spintorque.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.spintorque.transport.TransportFixtures.SIGMA_0;
import static org.spintorque.transport.TransportFixtures.SIGMA_X;
import static org.spintorque.transport.TransportFixtures.SIGMA_Y;
import static org.spintorque.transport.TransportFixtures.SIGMA_Z;
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
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.spintorque.linalg.ComplexMatrix;
import org.spintorque.linalg.JavaLinearAlgebra;
import org.spintorque.linalg.LinearAlgebra;
import org.spintorque.texture.Vector3;
import org.spintorque.transport.SpinResolvedTransmission.LeadSpinAxis;
import org.spintorque.transport.SpinResolvedTransmission.Spin;

/** Spin-resolved transmission: sum rules, channel counting, the lattice spin step and Rashba leads. */
class SpinResolvedTransmissionTest {
    static final LinearAlgebra LA = JavaLinearAlgebra.INSTANCE;
    static final Spin UP = Spin.UP;
    static final Spin DN = Spin.DOWN;

    /** n.sigma, 2 x 2. */
    static ComplexMatrix nSigma(Vector3 n) {
        return SIGMA_X.scale(n.x(), 0).plus(SIGMA_Y.scale(n.y(), 0)).plus(SIGMA_Z.scale(n.z(), 0));
    }

    static Vector3 randomAxis(Random r) {
        return new Vector3(r.nextGaussian(), r.nextGaussian(), r.nextGaussian()).normalized();
    }

    // ---------------------------------------------------------------------------------------------
    // 1. Sum rule and non-negativity on random systems with spin-conserving leads
    // ---------------------------------------------------------------------------------------------

    /** Seeded random systems: seed, region length. */
    static Stream<Arguments> randomSystems() {
        return IntStream.range(0, 16).mapToObj(seed -> Arguments.of(seed, 1 + seed % 5));
    }

    /**
     * A lead that conserves spin along n: {@code H0 = A (x) 1 + B (x) n.sigma}, {@code V = C (x) 1 + D (x)
     * n.sigma} with A, B Hermitian and C, D arbitrary on the orbital space of {@code sites * orbitals}
     * states (A is a transverse chain plus noise, C = -1 plus noise, so the bands cover E near 0). With
     * {@code clean} the hopping is exactly -1 (the closed-form lead path); otherwise mode matching.
     */
    static Lead conservingLead(Random r, int orbitalStates, Vector3 n, boolean clean) {
        ComplexMatrix a = TransportFixtures.transverseChain(orbitalStates, 1).plus(randomHermitian(r, orbitalStates,
                0.2));
        ComplexMatrix b = randomHermitian(r, orbitalStates, 0.4);
        ComplexMatrix c = scalar(orbitalStates, -1, 0);
        ComplexMatrix d = new ComplexMatrix(orbitalStates, orbitalStates);
        if (!clean) {
            c = c.plus(randomMatrix(r, orbitalStates, orbitalStates, 0.15));
            d = randomMatrix(r, orbitalStates, orbitalStates, 0.15);
        }
        ComplexMatrix s = nSigma(n);
        ComplexMatrix h0 = a.kron(SIGMA_0).plus(b.kron(s));
        LeadSelfEnergy.hermitize(h0);
        ComplexMatrix v = c.kron(SIGMA_0).plus(d.kron(s));
        return new Lead(h0, v);
    }

    record RandomCase(BlockTridiagonal system, LeadSpinAxis left, LeadSpinAxis right) { }

    static RandomCase randomCase(int seed, int length) {
        Random r = new Random(9100 + seed);
        Vector3 nl = randomAxis(r);
        Vector3 nr = seed % 4 == 0 ? nl : randomAxis(r);
        int orbL = 1 + r.nextInt(2);
        int orbR = 1 + r.nextInt(2);
        int sitesL = 1 + r.nextInt(2);
        int sitesR = 1 + r.nextInt(2);
        Lead left = conservingLead(r, sitesL * orbL, nl, seed % 3 == 0);
        Lead right = conservingLead(r, sitesR * orbR, nr, seed % 3 == 1);
        List<ComplexMatrix> slices = new ArrayList<>();
        List<ComplexMatrix> couplings = new ArrayList<>();
        int[] sizes = new int[length];
        for (int s = 0; s < length; s++) {
            sizes[s] = 2 + r.nextInt(7);
            slices.add(randomHermitian(r, sizes[s], 0.8));
        }
        for (int s = 0; s + 1 < length; s++) {
            couplings.add(randomMatrix(r, sizes[s + 1], sizes[s], 0.6));
        }
        ComplexMatrix li = randomMatrix(r, sizes[0], left.size(), 0.6);
        ComplexMatrix ri = randomMatrix(r, right.size(), sizes[length - 1], 0.6);
        BlockTridiagonal sys = new BlockTridiagonal(slices, couplings, left, right, li, ri);
        return new RandomCase(sys, new LeadSpinAxis(nl, 2 * orbL), new LeadSpinAxis(nr, 2 * orbR));
    }

    /**
     * The four T_{s' s} are non-negative and sum to T_LR (1e-10); each equals the trace formula
     * Tr[P Gamma_R P G_{L,-1} P Gamma_L P G_{L,-1}^dagger] with explicit projectors and the full block
     * G_{L,-1} (1e-10); the partial sums and polarizations follow the documented index convention.
     */
    @ParameterizedTest
    @MethodSource("randomSystems")
    void sumRuleAndTraceFormula(int seed, int length) {
        RandomCase c = randomCase(seed, length);
        double e = 0.05 + 0.01 * seed;
        RecursiveGreenFunction rgf = new RecursiveGreenFunction(c.system(), e, LA);
        SpinResolvedTransmission st = SpinResolvedTransmission.compute(rgf, c.left(), c.right(), LA);
        assertTrue(st.conserved(), () -> st.reason().orElse(""));
        assertTrue(st.leftCommutator() < 1e-14 && st.rightCommutator() < 1e-14,
                st.leftCommutator() + " " + st.rightCommutator());
        assertTrue(st.broadeningMixing() < 1e-11, "mixing " + st.broadeningMixing());
        double total = rgf.transmissionLR();
        assertEquals(total, st.total(), 0);
        assertTrue(total > 1e-3, "a generic system transmits");
        double sum = 0;
        for (Spin out : Spin.values()) {
            for (Spin in : Spin.values()) {
                double t = st.transmission(out, in);
                assertTrue(t >= 0, "T(" + out + "," + in + ") = " + t);
                sum += t;
            }
        }
        assertEquals(total, sum, 1e-10 * Math.max(1, total));
        assertEquals(sum, st.spinSum(), 1e-15 * Math.max(1, sum));

        // reference: explicit projectors on the lead cells and the full block G_{L,-1}
        ComplexMatrix[] gl1 = new ComplexMatrix[1];
        int l = c.system().length();
        rgf.greenFunctionBlocks(b -> {
            if (b.x() == l) {
                gl1[0] = b.fromLeftCell();
            }
        });
        ComplexMatrix g = gl1[0];
        ComplexMatrix gammaL = rgf.leftLead().gamma();
        ComplexMatrix gammaR = rgf.rightLead().gamma();
        for (Spin out : Spin.values()) {
            ComplexMatrix pr = projector(c.right().axis(), out.sign(), gammaR.rows());
            ComplexMatrix gr = pr.times(gammaR).times(pr);
            for (Spin in : Spin.values()) {
                ComplexMatrix pl = projector(c.left().axis(), in.sign(), gammaL.rows());
                ComplexMatrix glp = pl.times(gammaL).times(pl);
                double ref = gr.times(g).times(glp).times(g.dagger()).trace()[0];
                assertEquals(ref, st.transmission(out, in), 1e-10 * Math.max(1, total), out + "," + in);
            }
        }

        // index convention: [out][in], incoming sums over out, outgoing over in
        double[][] m = st.matrix();
        assertEquals(m[0][0] + m[1][0], st.incoming(UP), 0);
        assertEquals(m[0][1] + m[1][1], st.incoming(DN), 0);
        assertEquals(m[0][0] + m[0][1], st.outgoing(UP), 0);
        assertEquals(m[1][0] + m[1][1], st.outgoing(DN), 0);
        assertEquals(m[0][1] + m[1][0], st.spinFlip(), 0);
        assertEquals(m[1][0], st.transmission(DN, UP), 0);
        double pin = (st.incoming(UP) - st.incoming(DN)) / sum;
        double pout = (st.outgoing(UP) - st.outgoing(DN)) / sum;
        assertEquals(pin, st.incomingPolarization().getAsDouble(), 1e-14);
        assertEquals(pout, st.outgoingPolarization().getAsDouble(), 1e-14);
        assertTrue(Math.abs(pin) <= 1 + 1e-12 && Math.abs(pout) <= 1 + 1e-12);

        // reversing an axis swaps the labels of that lead only
        SpinResolvedTransmission flipped = SpinResolvedTransmission.compute(rgf,
                new LeadSpinAxis(c.left().axis().times(-1), c.left().statesPerSite()), c.right(), LA);
        for (Spin out : Spin.values()) {
            assertEquals(st.transmission(out, UP), flipped.transmission(out, DN), 1e-10 * Math.max(1, total));
            assertEquals(st.transmission(out, DN), flipped.transmission(out, UP), 1e-10 * Math.max(1, total));
        }
    }

    /** 1 (x) (1 + s n.sigma)/2 on a cell of {@code size} states. */
    static ComplexMatrix projector(Vector3 n, int sign, int size) {
        ComplexMatrix p = SIGMA_0.plus(nSigma(n).scale(sign, 0)).scale(0.5, 0);
        return ComplexMatrix.identity(size / 2).kron(p);
    }

    // ---------------------------------------------------------------------------------------------
    // 2. Collinear ferromagnetic strip: channel counting
    // ---------------------------------------------------------------------------------------------

    /** width, M, E, magnetization direction index. */
    static Stream<Arguments> ferromagneticStrips() {
        return Stream.of(
                Arguments.of(1, 0.5, 0.3, 0),
                Arguments.of(1, 1.3, 1.1, 1),
                Arguments.of(2, 0.7, 0.15, 2),
                Arguments.of(3, 0.4, -0.35, 3),
                Arguments.of(3, 1.1, 1.2, 0),
                Arguments.of(4, 0.9, -0.6, 1),
                Arguments.of(5, 0.25, 0.55, 2),
                Arguments.of(6, 0.8, -1.45, 3),
                Arguments.of(6, 1.6, 0.4, 4));
    }

    static Vector3 direction(int which) {
        return switch (which) {
            case 0 -> Vector3.Z;
            case 1 -> Vector3.X;
            case 2 -> new Vector3(0, -1, 0);
            case 3 -> new Vector3(0.3, -0.5, 0.8).normalized();
            default -> new Vector3(-0.6, 0.2, -0.75).normalized();
        };
    }

    /**
     * A clean strip of width W (square lattice, hopping -t = -1, hard walls) with exchange -M n.sigma on
     * every site. Spin along n is conserved everywhere; the majority spin (UP along n) sees the transverse
     * mode energies eps_q - M and the minority eps_q + M, eps_q = -2t cos(q pi / (W+1)), q = 1..W. A
     * transverse mode is open when the longitudinal energy lies inside the chain band (-2t, 2t):
     * majority when |E + M - eps_q| < 2t, minority when |E - M - eps_q| < 2t. In a clean strip every open
     * channel transmits perfectly, so T_{UP UP} = N_maj, T_{DOWN DOWN} = N_min, T_{UP DOWN} = T_{DOWN UP} = 0.
     * With the axes reversed, UP is the minority spin.
     */
    @ParameterizedTest
    @MethodSource("ferromagneticStrips")
    void ferromagneticStripCountsChannels(int w, double m, double e, int dir) {
        double t = 1;
        Vector3 n = direction(dir);
        int nMaj = 0;
        int nMin = 0;
        for (int q = 1; q <= w; q++) {
            double eps = -2 * t * Math.cos(q * Math.PI / (w + 1));
            double maj = e + m - eps;
            double min = e - m - eps;
            assertTrue(Math.abs(Math.abs(maj) - 2 * t) > 1e-3 && Math.abs(Math.abs(min) - 2 * t) > 1e-3,
                    "test energy too close to a band edge");
            nMaj += Math.abs(maj) < 2 * t ? 1 : 0;
            nMin += Math.abs(min) < 2 * t ? 1 : 0;
        }
        ComplexMatrix cell = TransportFixtures.transverseChain(w, t).kron(SIGMA_0)
                .plus(ComplexMatrix.identity(w).kron(nSigma(n).scale(-m, 0)));
        LeadSelfEnergy.hermitize(cell);
        ComplexMatrix hop = scalar(2 * w, -t, 0);
        BlockTridiagonal sys = TransportFixtures.uniform(cell, hop, 3);
        SpinResolvedTransmission st = SpinResolvedTransmission.compute(sys, e, LeadSpinAxis.of(n),
                LeadSpinAxis.of(n), LA);
        assertTrue(st.conserved());
        assertEquals(nMaj, st.transmission(UP, UP), 1e-10);
        assertEquals(nMin, st.transmission(DN, DN), 1e-10);
        assertEquals(0, st.transmission(UP, DN), 1e-10);
        assertEquals(0, st.transmission(DN, UP), 1e-10);
        assertEquals(nMaj + nMin, st.total(), 1e-10);
        double p = (nMaj - nMin) / (double) (nMaj + nMin);
        assertEquals(p, st.incomingPolarization().getAsDouble(), 1e-10);
        assertEquals(p, st.outgoingPolarization().getAsDouble(), 1e-10);

        LeadSpinAxis reversed = LeadSpinAxis.of(n.times(-1));
        SpinResolvedTransmission rev = SpinResolvedTransmission.compute(sys, e, reversed, reversed, LA);
        assertEquals(nMin, rev.transmission(UP, UP), 1e-10);
        assertEquals(nMaj, rev.transmission(DN, DN), 1e-10);
        assertEquals(-p, rev.incomingPolarization().getAsDouble(), 1e-10);
    }

    // ---------------------------------------------------------------------------------------------
    // 3. Sharp 180-degree wall in a chain: the lattice step
    // ---------------------------------------------------------------------------------------------

    /** M, E, t, number of slices, index of the first slice magnetized along -z. */
    static Stream<Arguments> sharpWalls() {
        return Stream.of(
                Arguments.of(0.3, 0.0, 1.0, 4, 2),
                Arguments.of(0.7, -0.4, 1.0, 5, 1),
                Arguments.of(1.2, 0.4, 1.0, 3, 3),
                Arguments.of(0.5, 0.9, 1.0, 6, 0),
                Arguments.of(0.9, -0.2, 0.8, 2, 1),
                Arguments.of(1.5, 0.1, 1.0, 4, 2),
                Arguments.of(0.05, 1.2, 1.0, 1, 1));
    }

    /**
     * A chain (one orbital per site, hopping -t between all neighbours) with exchange -M sigma_z on the
     * sites x < x0 (including the left lead) and +M sigma_z on x >= x0 (including the right lead): a
     * 180-degree wall abrupt at one bond. Spin along z is conserved everywhere, so each spin sees a
     * potential step: spin up (along +z, majority on the left) has on-site energy -M on the left and +M on
     * the right, spin down the reverse.
     *
     * <p>Step transmission (derivation): on-site e1 for x <= 0, e2 for x >= 1, hopping -t. With
     * {@code psi_x = e^{i k1 x} + r e^{-i k1 x}} (x <= 0) and {@code psi_x = tau e^{i k2 x}} (x >= 1), where
     * {@code E = e1 - 2t cos k1 = e2 - 2t cos k2}, k in (0, pi), each form solves the bulk equation on its own
     * side; the equations at x = 0 and x = 1 hold iff the left form, continued to x = 1, and the right
     * form, continued to x = 0, agree with the actual values: {@code 1 + r = tau} and
     * {@code e^{i k1} + r e^{-i k1} = tau e^{i k2}}. Eliminating r: {@code tau = 2i sin k1 / (e^{i k2} - e^{-i k1})}.
     * The current is proportional to the velocity 2t sin k, so
     * {@code T = (sin k2 / sin k1) |tau|^2 = 4 sin k1 sin k2 / |e^{i(k1+k2)} - 1|^2}.
     *
     * <p>Spin up: e1 = -M, e2 = +M, i.e. {@code -2t cos k1 = E + M}, {@code -2t cos k2 = E - M}; spin down:
     * the two wave numbers exchanged, which leaves T unchanged. So with both axes +z:
     * T_{UP UP} = T_{DOWN DOWN} = T_step, no spin flip, both polarizations 0. With the right axis along the
     * right lead's own magnetization n_R = -z, an electron with spin +z points along -n_R, i.e. it is the
     * right lead's DOWN (its minority spin): T_{DOWN UP} = T_{UP DOWN} = T_step, T_{UP UP} = T_{DOWN DOWN} = 0.
     */
    @ParameterizedTest
    @MethodSource("sharpWalls")
    void sharpWallIsTheLatticeStep(double m, double e, double t, int length, int firstReversed) {
        double k1 = Math.acos(-(e + m) / (2 * t));
        double k2 = Math.acos(-(e - m) / (2 * t));
        double re = Math.cos(k1 + k2) - 1;
        double im = Math.sin(k1 + k2);
        double tStep = 4 * Math.sin(k1) * Math.sin(k2) / (re * re + im * im);

        ComplexMatrix up = SIGMA_Z.scale(-m, 0);
        ComplexMatrix down = SIGMA_Z.scale(m, 0);
        ComplexMatrix hop = scalar(2, -t, 0);
        List<ComplexMatrix> slices = new ArrayList<>();
        for (int s = 0; s < length; s++) {
            slices.add(s < firstReversed ? up : down);
        }
        BlockTridiagonal sys = BlockTridiagonal.of(slices, hop, new Lead(up, hop), new Lead(down, hop));

        SpinResolvedTransmission st = SpinResolvedTransmission.compute(sys, e, LeadSpinAxis.of(Vector3.Z),
                LeadSpinAxis.of(Vector3.Z), LA);
        assertTrue(st.conserved());
        assertEquals(tStep, st.transmission(UP, UP), 1e-12);
        assertEquals(tStep, st.transmission(DN, DN), 1e-12);
        assertEquals(0, st.transmission(UP, DN), 1e-12);
        assertEquals(0, st.transmission(DN, UP), 1e-12);
        assertEquals(2 * tStep, st.total(), 1e-12);
        assertEquals(0, st.incomingPolarization().getAsDouble(), 1e-12);
        assertEquals(0, st.outgoingPolarization().getAsDouble(), 1e-12);

        // right axis along the right lead's magnetization (-z): up along z arrives as DOWN there
        SpinResolvedTransmission own = SpinResolvedTransmission.compute(sys, e, LeadSpinAxis.of(Vector3.Z),
                LeadSpinAxis.of(new Vector3(0, 0, -1)), LA);
        assertEquals(tStep, own.transmission(DN, UP), 1e-12);
        assertEquals(tStep, own.transmission(UP, DN), 1e-12);
        assertEquals(0, own.transmission(UP, UP), 1e-12);
        assertEquals(0, own.transmission(DN, DN), 1e-12);
    }

    // ---------------------------------------------------------------------------------------------
    // 4. Leads without spin conservation
    // ---------------------------------------------------------------------------------------------

    /**
     * A Rashba strip (spin-orbit on bonds along x and y, plus exchange along z) conserves no spin
     * component: every axis is reported as not conserved, with the commutator; the spin-resolved numbers
     * throw, T_LR is still given.
     */
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5})
    void rashbaLeadsAreNotConserved(int which) {
        ComplexMatrix[] strip = TransportFixtures.rashbaStrip(3, 1, 0.4, 0.3);
        BlockTridiagonal sys = TransportFixtures.uniform(strip[0], strip[1], 2);
        Vector3 n = which < 5 ? direction(which) : randomAxis(new Random(77));
        RecursiveGreenFunction rgf = new RecursiveGreenFunction(sys, 0.3, LA);
        SpinResolvedTransmission st = SpinResolvedTransmission.compute(rgf, LeadSpinAxis.of(n), LeadSpinAxis.of(n),
                LA);
        assertFalse(st.conserved());
        assertTrue(st.leftCommutator() > 1e-2 && st.rightCommutator() > 1e-2,
                st.leftCommutator() + " " + st.rightCommutator());
        String reason = st.reason().orElseThrow();
        assertTrue(reason.contains("left lead") && reason.contains("right lead"), reason);
        assertEquals(rgf.transmissionLR(), st.total(), 0);
        assertThrows(IllegalStateException.class, () -> st.transmission(UP, UP));
        assertThrows(IllegalStateException.class, st::matrix);
        assertThrows(IllegalStateException.class, st::incomingPolarization);
        assertThrows(IllegalStateException.class, st::outgoingPolarization);
        assertFalse(SpinResolvedTransmission.conserves(sys.leftLead(), LeadSpinAxis.of(n)));
    }

    /**
     * A ferromagnetic left lead and a Rashba right lead: only the right lead is reported. And a Rashba
     * chain without exchange, hopping -t + i alpha sigma_y, conserves spin along y (not along z): along y
     * each spin is a chain with a phase-twisted hopping, one open channel each, perfectly transmitted.
     */
    @Test
    void conservationIsJudgedPerLeadAndAxis() {
        ComplexMatrix[] strip = TransportFixtures.rashbaStrip(2, 1, 0.4, 0.3);
        ComplexMatrix[] fm = TransportFixtures.rashbaStrip(2, 1, 0.4, 0);
        List<ComplexMatrix> slices = List.of(fm[0], strip[0]);
        BlockTridiagonal sys = new BlockTridiagonal(slices, List.of(fm[1]), new Lead(fm[0], fm[1]),
                new Lead(strip[0], strip[1]));
        SpinResolvedTransmission st = SpinResolvedTransmission.compute(sys, 0.2, LeadSpinAxis.of(Vector3.Z),
                LeadSpinAxis.of(Vector3.Z), LA);
        assertFalse(st.conserved());
        assertEquals(0, st.leftCommutator(), 0);
        String reason = st.reason().orElseThrow();
        assertTrue(reason.contains("right lead") && !reason.contains("left lead"), reason);

        ComplexMatrix[] chain = TransportFixtures.rashbaStrip(1, 1, 0, 0.35);
        BlockTridiagonal rashbaChain = TransportFixtures.uniform(chain[0], chain[1], 3);
        assertFalse(SpinResolvedTransmission.conserves(rashbaChain.leftLead(), LeadSpinAxis.of(Vector3.Z)));
        assertTrue(SpinResolvedTransmission.conserves(rashbaChain.leftLead(), LeadSpinAxis.of(Vector3.Y)));
        SpinResolvedTransmission alongY = SpinResolvedTransmission.compute(rashbaChain, -0.4,
                LeadSpinAxis.of(Vector3.Y), LeadSpinAxis.of(Vector3.Y), LA);
        assertTrue(alongY.conserved());
        assertEquals(1, alongY.transmission(UP, UP), 1e-10);
        assertEquals(1, alongY.transmission(DN, DN), 1e-10);
        assertEquals(0, alongY.spinFlip(), 1e-10);
        assertEquals(0, alongY.incomingPolarization().getAsDouble(), 1e-10);
    }

    /**
     * The tolerance is relative: a spin-mixing perturbation of relative size 1e-13 is accepted (and gives
     * the unperturbed numbers to within that size), one of 1e-8 is not.
     */
    @ParameterizedTest
    @ValueSource(doubles = {1e-13, 1e-8})
    void commutatorToleranceIsRelative(double size) {
        double scale = 40; // a large energy unit, to see that the check is relative
        ComplexMatrix cell = TransportFixtures.transverseChain(2, scale).kron(SIGMA_0)
                .plus(ComplexMatrix.identity(2).kron(SIGMA_Z.scale(-0.5 * scale, 0)));
        ComplexMatrix perturbation = ComplexMatrix.identity(2).kron(SIGMA_X.scale(size * scale, 0));
        ComplexMatrix hop = scalar(4, -scale, 0);
        Lead clean = new Lead(cell, hop);
        Lead dirty = new Lead(cell.plus(perturbation), hop);
        BlockTridiagonal sys = BlockTridiagonal.of(List.of(cell, cell), hop, dirty, clean);
        SpinResolvedTransmission st = SpinResolvedTransmission.compute(sys, 0.1 * scale, LeadSpinAxis.of(Vector3.Z),
                LeadSpinAxis.of(Vector3.Z), LA);
        assertEquals(2 * size, st.leftCommutator(), 1e-3 * size);
        if (size < SpinResolvedTransmission.COMMUTATOR_TOLERANCE) {
            assertTrue(st.conserved());
            // W = 2, M = 0.5, E = 0.1 in units of the hopping: two majority and two minority channels
            assertEquals(2, st.transmission(UP, UP), 1e-10);
            assertEquals(2, st.transmission(DN, DN), 1e-10);
        } else {
            assertFalse(st.conserved());
        }
    }

    /** Input checks: axes must be non-zero, states per site even and fitting the lead cell. */
    @Test
    void rejectsInconsistentInput() {
        assertThrows(IllegalArgumentException.class, () -> LeadSpinAxis.of(Vector3.ZERO));
        assertThrows(IllegalArgumentException.class, () -> new LeadSpinAxis(Vector3.Z, 3));
        assertThrows(IllegalArgumentException.class, () -> new LeadSpinAxis(Vector3.Z, 0));
        assertEquals(1, new LeadSpinAxis(new Vector3(0, 3, 4), 2).axis().norm(), 1e-15);
        ComplexMatrix cell = TransportFixtures.transverseChain(3, 1).kron(SIGMA_0);
        Lead lead = new Lead(cell, scalar(6, -1, 0));
        assertThrows(IllegalArgumentException.class,
                () -> SpinResolvedTransmission.commutator(lead, new LeadSpinAxis(Vector3.Z, 4)));
        assertEquals(0, SpinResolvedTransmission.commutator(lead, new LeadSpinAxis(Vector3.X, 2)), 0);
    }
}
