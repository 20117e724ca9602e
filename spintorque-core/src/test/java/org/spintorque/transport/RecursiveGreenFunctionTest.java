package org.spintorque.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.spintorque.transport.TransportFixtures.bondCurrent;
import static org.spintorque.transport.TransportFixtures.randomHermitian;
import static org.spintorque.transport.TransportFixtures.randomMatrix;
import static org.spintorque.transport.TransportFixtures.scalar;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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

/** The recursive Green's function solver against dense linear algebra and physical identities. */
class RecursiveGreenFunctionTest {
    static final LinearAlgebra LA = JavaLinearAlgebra.INSTANCE;

    /** Seeded random open systems: L = 1..6 slices of N = 2..8 orbitals (sizes varying per slice). */
    static Stream<Arguments> randomSystems() {
        return IntStream.range(0, 18).mapToObj(seed -> Arguments.of(seed, 1 + seed % 6));
    }

    /**
     * A random system whose leads have open channels at E = 0: leads are strips-with-noise (a clean
     * transverse chain plus a weak random Hermitian part, hopping -1 plus weak random part), so that their
     * bands cover E = 0; the scattering region is fully random (sizes, Hermitian blocks, couplings), and
     * the interface hoppings are random too.
     */
    static BlockTridiagonal randomSystem(int seed, int length) {
        Random r = new Random(500 + seed);
        int nl = 2 + r.nextInt(4);
        int nr = 2 + r.nextInt(4);
        Lead left = noisyStrip(r, nl, seed % 3 == 0);
        Lead right = noisyStrip(r, nr, seed % 3 == 1);
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
        ComplexMatrix li = randomMatrix(r, sizes[0], nl, 0.6);
        ComplexMatrix ri = randomMatrix(r, nr, sizes[length - 1], 0.6);
        return new BlockTridiagonal(slices, couplings, left, right, li, ri);
    }

    static Lead noisyStrip(Random r, int n, boolean clean) {
        ComplexMatrix cell = TransportFixtures.transverseChain(n, 1);
        ComplexMatrix hop = scalar(n, -1, 0);
        if (!clean) {
            cell = cell.plus(randomHermitian(r, n, 0.2));
            hop = hop.plus(randomMatrix(r, n, n, 0.15));
        }
        return new Lead(cell, hop);
    }

    /** Every block of G^r and of the density matrices equals the dense inverse's, to 1e-10. */
    @ParameterizedTest
    @MethodSource("randomSystems")
    void blocksEqualDenseInverse(int seed, int length) {
        BlockTridiagonal sys = randomSystem(seed, length);
        double e = 0.1 + 0.01 * seed;
        RecursiveGreenFunction rgf = new RecursiveGreenFunction(sys, e, LA);
        int cells = sys.cellCount();
        int[] off = new int[cells + 1];
        ComplexMatrix g = TransportFixtures.denseInverse(sys, rgf.energy(), rgf.leftLead().selfEnergy(),
                rgf.rightLead().selfEnergy(), off);
        int total = off[cells];
        double scale = g.maxAbs();
        // G blocks
        List<double[]> errors = new ArrayList<>();
        rgf.greenFunctionBlocks(b -> {
            int c = b.x() + 1;
            int nx = off[c + 1] - off[c];
            errors.add(new double[] {b.diagonal().maxAbsDifference(g.block(off[c], off[c], nx, nx))});
            errors.add(new double[] {b.fromLeftCell().maxAbsDifference(g.block(off[c], 0, nx, off[1]))});
            errors.add(new double[] {b.fromRightCell().maxAbsDifference(
                    g.block(off[c], off[cells - 1], nx, total - off[cells - 1]))});
            if (b.x() < length) {
                int ny = off[c + 2] - off[c + 1];
                errors.add(new double[] {b.nextFromThis().maxAbsDifference(g.block(off[c + 1], off[c], ny, nx))});
                errors.add(new double[] {b.thisFromNext().maxAbsDifference(g.block(off[c], off[c + 1], nx, ny))});
            } else {
                assertNull(b.nextFromThis());
            }
        });
        assertEquals(5 * cells - 2, errors.size());
        for (double[] err : errors) {
            assertTrue(err[0] < 1e-10 * scale, "G block error " + err[0]);
        }
        // A_L, A_R and the densities
        ComplexMatrix gl = new ComplexMatrix(total, total);
        gl.setBlock(0, 0, rgf.leftLead().gamma());
        ComplexMatrix gr = new ComplexMatrix(total, total);
        gr.setBlock(off[cells - 1], off[cells - 1], rgf.rightLead().gamma());
        ComplexMatrix al = g.times(gl).times(g.dagger());
        ComplexMatrix ar = g.times(gr).times(g.dagger());
        ComplexMatrix sym = al.minus(ar).scale(1 / (4 * Math.PI), 0);
        ComplexMatrix leftInj = al.scale(1 / (2 * Math.PI), 0);
        ComplexMatrix spectral = al.plus(ar).scale(1 / (2 * Math.PI), 0);
        double rhoScale = Math.max(al.maxAbs(), ar.maxAbs());
        int[] visited = new int[1];
        rgf.sweep(c -> {
            int k = c.x() + 1;
            assertEquals(visited[0]++, k, "cells arrive in increasing order");
            int nx = off[k + 1] - off[k];
            assertTrue(c.density(Injection.SYMMETRIC).maxAbsDifference(sym.block(off[k], off[k], nx, nx))
                    < 1e-10 * rhoScale);
            assertTrue(c.density(Injection.LEFT).maxAbsDifference(leftInj.block(off[k], off[k], nx, nx))
                    < 1e-10 * rhoScale);
            assertTrue(c.spectralFunction().maxAbsDifference(spectral.block(off[k], off[k], nx, nx))
                    < 1e-10 * rhoScale);
            assertTrue(c.density(Injection.SYMMETRIC).hermiticityError() < 1e-13 * rhoScale);
            if (c.hasNext()) {
                int ny = off[k + 2] - off[k + 1];
                assertTrue(c.bondDensity(Injection.SYMMETRIC).maxAbsDifference(
                        sym.block(off[k + 1], off[k], ny, nx)) < 1e-10 * rhoScale);
                assertTrue(c.bondDensity(Injection.LEFT).maxAbsDifference(
                        leftInj.block(off[k + 1], off[k], ny, nx)) < 1e-10 * rhoScale);
                assertTrue(c.spectralFunctionBond().maxAbsDifference(spectral.block(off[k + 1], off[k], ny, nx))
                        < 1e-10 * rhoScale);
            } else {
                assertNull(c.bondDensity(Injection.SYMMETRIC));
            }
        });
        assertEquals(cells, visited[0]);
        // transmissions against the dense trace formula
        ComplexMatrix gn0 = g.block(off[cells - 1], 0, total - off[cells - 1], off[1]);
        double tDense = rgf.rightLead().gamma().times(gn0).times(rgf.leftLead().gamma()).times(gn0.dagger())
                .trace()[0];
        assertEquals(tDense, rgf.transmissionLR(), 1e-10 * Math.max(1, tDense));
    }

    /**
     * Attaching the leads' self-energies to the cells -1 and L, or their surface Green's functions
     * through the interface hoppings directly to the slices 0 and L-1, must give the same scattering
     * region: the lead cells are ordinary lead cells.
     */
    @ParameterizedTest
    @MethodSource("randomSystems")
    void leadCellsAreOrdinaryLeadCells(int seed, int length) {
        BlockTridiagonal sys = randomSystem(seed, length);
        RecursiveGreenFunction rgf = new RecursiveGreenFunction(sys, 0.2, LA);
        // region-only dense: Sigma'_L = H_{0,-1} g_L H_{-1,0} with g_L the surface function of the lead
        ComplexMatrix gL = rgf.leftLead().surfaceGreenFunction();
        ComplexMatrix gR = rgf.rightLead().surfaceGreenFunction();
        ComplexMatrix li = sys.leftInterface();
        ComplexMatrix ri = sys.rightInterface();
        ComplexMatrix sigL = li.times(gL).times(li.dagger());
        ComplexMatrix sigR = ri.dagger().times(gR).times(ri);
        int[] off = new int[length + 1];
        int total = 0;
        for (int s = 0; s < length; s++) {
            off[s] = total;
            total += sys.sliceSize(s);
        }
        off[length] = total;
        ComplexMatrix m = new ComplexMatrix(total, total);
        for (int s = 0; s < length; s++) {
            ComplexMatrix d = LeadSelfEnergy.energyMinus(sys.slice(s), rgf.energy(), 0);
            if (s == 0) {
                d = d.minus(sigL);
            }
            if (s == length - 1) {
                d = d.minus(sigR);
            }
            m.setBlock(off[s], off[s], d);
            if (s + 1 < length) {
                m.setBlock(off[s + 1], off[s], sys.coupling(s).scale(-1, 0));
                m.setBlock(off[s], off[s + 1], sys.coupling(s).dagger().scale(-1, 0));
            }
        }
        ComplexMatrix g = m.inverse();
        double scale = g.maxAbs();
        rgf.greenFunctionBlocks(b -> {
            if (b.x() >= 0 && b.x() < length) {
                int n = sys.sliceSize(b.x());
                assertTrue(b.diagonal().maxAbsDifference(g.block(off[b.x()], off[b.x()], n, n)) < 1e-10 * scale);
            }
        });
    }

    /**
     * Current conservation and unitarity: T_LR = T_RL, and the particle current 2 Im Tr[V rho] through
     * every cross-section (including the bonds to the lead cells) equals T/(2 pi) per unit bias for both
     * injections; the spectral function carries no current.
     */
    @ParameterizedTest
    @MethodSource("randomSystems")
    void currentIsConservedAndEqualsTransmission(int seed, int length) {
        BlockTridiagonal sys = randomSystem(seed, length);
        for (double e : new double[] {-0.7, 0.05, 0.9}) {
            RecursiveGreenFunction rgf = new RecursiveGreenFunction(sys, e, LA);
            double tlr = rgf.transmissionLR();
            double trl = rgf.transmissionRL();
            assertEquals(tlr, trl, 1e-10 * Math.max(1, tlr));
            assertTrue(tlr >= 0 && tlr <= Math.min(rgf.leftLead().openChannels(), rgf.rightLead().openChannels())
                    + 1e-10);
            double expected = tlr / (2 * Math.PI);
            List<double[]> currents = new ArrayList<>();
            rgf.sweep(c -> {
                if (c.hasNext()) {
                    ComplexMatrix hop = sys.hoppingToNext(c.x());
                    currents.add(new double[] {
                        bondCurrent(hop, c.bondDensity(Injection.SYMMETRIC)),
                        bondCurrent(hop, c.bondDensity(Injection.LEFT)),
                        bondCurrent(hop, c.spectralFunctionBond()),
                    });
                }
            });
            assertEquals(length + 1, currents.size());
            for (double[] j : currents) {
                assertEquals(expected, j[0], 1e-11 * Math.max(1, tlr));
                assertEquals(expected, j[1], 1e-11 * Math.max(1, tlr));
                assertEquals(0, j[2], 1e-11 * Math.max(1, tlr));
            }
        }
    }

    /** A clean chain transmits perfectly inside the band; outside, there is no open channel. */
    @ParameterizedTest
    @ValueSource(doubles = {-1.99, -1.0, 0.0, 0.37, 1.5, 1.999})
    void cleanChainTransmitsOne(double e) {
        BlockTridiagonal sys = TransportFixtures.uniform(scalar(1, 0, 0), scalar(1, -1, 0), 7);
        RecursiveGreenFunction rgf = new RecursiveGreenFunction(sys, e, LA);
        assertEquals(1, rgf.transmissionLR(), 1e-12);
        assertEquals(1, rgf.transmissionRL(), 1e-12);
        assertTrue(rgf.warnings().isEmpty());
    }

    @ParameterizedTest
    @ValueSource(doubles = {-2.5, 2.0000001, 3})
    void closedLeadIsReported(double e) {
        BlockTridiagonal sys = TransportFixtures.uniform(scalar(1, 0, 0), scalar(1, -1, 0), 3);
        NoOpenChannelException ex = assertThrows(NoOpenChannelException.class,
                () -> new RecursiveGreenFunction(sys, e, LA));
        assertTrue(ex.getMessage().contains("no open channel"), ex.getMessage());
        assertTrue(ex.getMessage().contains("left lead"), ex.getMessage());
    }

    /** At the lower band edge the energy is shifted into the band with a warning; T stays 1. */
    @Test
    void bandEdgeEnergyIsShiftedAndWarned() {
        BlockTridiagonal sys = TransportFixtures.uniform(scalar(1, 0, 0), scalar(1, -1, 0), 4);
        RecursiveGreenFunction rgf = new RecursiveGreenFunction(sys, -2, LA);
        assertEquals(-2, rgf.requestedEnergy());
        assertTrue(rgf.energy() > -2 && rgf.energy() < -2 + 1e-8);
        assertFalse(rgf.warnings().isEmpty());
        assertTrue(rgf.warnings().get(0).contains("band edge"), rgf.warnings().get(0));
        assertEquals(1, rgf.transmissionLR(), 1e-9);
    }

    /** A clean strip (with or without spin, exchange and Rashba) transmits its number of open channels. */
    @ParameterizedTest
    @ValueSource(doubles = {-3.3, -2.2, -1.1, -0.2, 0.6, 1.9, 3.1})
    void cleanStripTransmitsChannelCount(double e) {
        int w = 5;
        BlockTridiagonal plain =
                TransportFixtures.uniform(TransportFixtures.transverseChain(w, 1), scalar(w, -1, 0), 5);
        int expected = 0;
        for (double x : TransportFixtures.transverseEnergies(w, 1)) {
            if (Math.abs(e - x) < 2) {
                expected++;
            }
        }
        RecursiveGreenFunction rgf = new RecursiveGreenFunction(plain, e, LA);
        assertEquals(expected, rgf.leftLead().openChannels());
        assertEquals(expected, rgf.transmissionLR(), 1e-11);
        ComplexMatrix[] m = TransportFixtures.rashbaStrip(4, 1, 0.5, 0.3);
        BlockTridiagonal rashba = TransportFixtures.uniform(m[0], m[1], 6);
        RecursiveGreenFunction rr = new RecursiveGreenFunction(rashba, e, LA);
        assertEquals(rr.leftLead().openChannels(), rr.rightLead().openChannels());
        assertEquals(rr.leftLead().openChannels(), rr.transmissionLR(), 1e-10);
        assertEquals(rr.leftLead().openChannels(), rr.transmissionRL(), 1e-10);
    }

    /**
     * A potential step on a chain: sites x < x0 at potential 0, x >= x0 at U, hopping -t everywhere.
     *
     * <p>Derivation: with E = -2t cos k1 = U - 2t cos k2 (0 < k1, k2 < pi), take psi_x = e^{i k1 x} + r
     * e^{-i k1 x} for x <= x0 and psi_x = tau e^{i k2 x} for x >= x0 - 1 (each form solves the bulk
     * equation on its side as long as it holds at the two sites next to the step). Matching the two forms
     * at x0 - 1 and x0 (set x0 = 0): 1 + r = tau and e^{-ik1} + r e^{ik1} = tau e^{-ik2}, so
     * tau (e^{ik1} - e^{-ik2}) = e^{ik1} - e^{-ik1} = 2i sin k1. The flux ratio is v2/v1 = sin k2 / sin k1,
     * hence T = (sin k2 / sin k1) |tau|^2 = 4 sin k1 sin k2 / |e^{ik1} - e^{-ik2}|^2.
     */
    static double stepTransmission(double e, double u, double t) {
        double k1 = Math.acos(-e / (2 * t));
        double k2 = Math.acos(-(e - u) / (2 * t));
        double dr = Math.cos(k1) - Math.cos(k2);
        double di = Math.sin(k1) + Math.sin(k2);
        return 4 * Math.sin(k1) * Math.sin(k2) / (dr * dr + di * di);
    }

    @ParameterizedTest
    @ValueSource(doubles = {-1.2, -0.4, 0.0, 0.3, 0.8})
    void potentialStepMatchesLatticeFormula(double e) {
        double t = 1;
        double u = 0.7;
        for (int x0 = 0; x0 <= 5; x0++) {
            List<ComplexMatrix> slices = new ArrayList<>();
            for (int s = 0; s < 5; s++) {
                slices.add(scalar(1, s >= x0 ? u : 0, 0));
            }
            Lead left = new Lead(scalar(1, 0, 0), scalar(1, -t, 0));
            Lead right = new Lead(scalar(1, u, 0), scalar(1, -t, 0));
            BlockTridiagonal sys = BlockTridiagonal.of(slices, scalar(1, -t, 0), left, right);
            RecursiveGreenFunction rgf = new RecursiveGreenFunction(sys, e, LA);
            double expected = stepTransmission(e, u, t);
            assertEquals(expected, rgf.transmissionLR(), 1e-12, "step at x0 = " + x0);
            assertEquals(expected, rgf.transmissionRL(), 1e-12);
        }
    }

    /**
     * A sharp 180-degree wall on a spin chain: exchange -M n.sigma with n = +z for x < 0 and -z for x >= 0.
     * Spin is conserved, and spin up (down) sees a step from -M to +M (from +M to -M), so
     * T = T_step(E + M, 2M) + T_step(E - M, -2M) with the single-step formula above (energies measured
     * from the left band centre of each spin).
     */
    @ParameterizedTest
    @ValueSource(doubles = {-1.0, -0.5, 0.0, 0.45, 1.1})
    void sharpSpinWallMatchesLatticeFormula(double e) {
        double t = 1;
        double m = 0.3;
        ComplexMatrix up = TransportFixtures.SIGMA_Z.scale(-m, 0);
        ComplexMatrix down = TransportFixtures.SIGMA_Z.scale(m, 0);
        ComplexMatrix hop = TransportFixtures.SIGMA_0.scale(-t, 0);
        List<ComplexMatrix> slices = List.of(down, down, down);
        BlockTridiagonal sys = BlockTridiagonal.of(slices, hop, new Lead(up, hop), new Lead(down, hop));
        RecursiveGreenFunction rgf = new RecursiveGreenFunction(sys, e, LA);
        double expected = stepTransmission(e + m, 2 * m, t) + stepTransmission(e - m, -2 * m, t);
        assertEquals(expected, rgf.transmissionLR(), 1e-12);
        assertEquals(rgf.transmissionLR(), rgf.transmissionRL(), 1e-12);
    }

    /** Several energies solved in parallel threads on one shared system give the sequential results. */
    @Test
    void energiesInParallelAgreeWithSequential() throws Exception {
        BlockTridiagonal sys = randomSystem(3, 6);
        double[] energies = {-0.8, -0.3, 0.1, 0.4, 0.7, 1.0};
        double[] sequential = new double[energies.length];
        for (int i = 0; i < energies.length; i++) {
            sequential[i] = new RecursiveGreenFunction(sys, energies[i], LA).transmissionLR();
        }
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<Double>> f = new ArrayList<>();
            for (double e : energies) {
                f.add(pool.submit(() -> new RecursiveGreenFunction(sys, e, LA).transmissionLR()));
            }
            for (int i = 0; i < energies.length; i++) {
                assertEquals(sequential[i], f.get(i).get(), 0.0);
            }
        } finally {
            pool.shutdown();
        }
    }

    /** The memory estimate grows linearly with the length and quadratically with the slice size. */
    @Test
    void memoryEstimateIsLinearInLength() {
        ComplexMatrix cell = TransportFixtures.transverseChain(20, 1);
        long m40 = RecursiveGreenFunction.memoryEstimateBytes(TransportFixtures.uniform(cell, scalar(20, -1, 0), 40));
        long m80 = RecursiveGreenFunction.memoryEstimateBytes(TransportFixtures.uniform(cell, scalar(20, -1, 0), 80));
        // 40 more cells of 16 (n^2 + n n_R) bytes each
        assertEquals(40L * 16 * (400 + 400), m80 - m40);
        assertTrue(m40 > 42L * 16 * 400);
    }

    /** Non-Hermitian input is refused with a message naming the block. */
    @Test
    void nonHermitianSliceIsRefused() {
        ComplexMatrix bad = ComplexMatrix.of(new double[][] {{0, 1}, {0.5, 0}}, null);
        Lead lead = new Lead(scalar(2, 0, 0), scalar(2, -1, 0));
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class,
                () -> BlockTridiagonal.of(List.of(scalar(2, 0, 0), bad), scalar(2, -1, 0), lead, lead));
        assertTrue(ex.getMessage().contains("slice 1"), ex.getMessage());
        assertTrue(ex.getMessage().contains("not Hermitian"), ex.getMessage());
    }
}
