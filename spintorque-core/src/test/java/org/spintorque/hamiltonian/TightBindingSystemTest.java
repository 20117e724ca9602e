package org.spintorque.hamiltonian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.spintorque.lattice.Bond;
import org.spintorque.lattice.Lattice;
import org.spintorque.lattice.LatticeKind;
import org.spintorque.lattice.LeadSide;
import org.spintorque.linalg.ComplexMatrix;
import org.spintorque.observables.RandomModels;

/**
 * The blocks handed to the solver (slices, couplings, lead cells) are the corresponding blocks of the
 * Hamiltonian, which is Hermitian; lead cells continue the edge slices periodically.
 */
class TightBindingSystemTest {
    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        long seed = 500;
        for (int orb = 1; orb <= 2; orb++) {
            out.add(Arguments.of(LatticeKind.CHAIN, 5, 1, 1, orb, seed++));
            out.add(Arguments.of(LatticeKind.SQUARE, 4, 3, 1, orb, seed++));
            out.add(Arguments.of(LatticeKind.CUBIC, 3, 2, 2, orb, seed++));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1}x{2}x{3}, {4} orbital(s), seed {5}")
    @MethodSource("cases")
    void sliceBlocksCouplingsAndLeadCellsAreBlocksOfTheHermitianHamiltonian(LatticeKind kind, int length,
            int width, int height, int orbitals, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        Lattice lattice = new Lattice(kind, length, width, height, orbitals);
        TightBindingSystem sys = RandomModels.build(lattice, RandomModels.allTerms(rnd, lattice), true);
        ComplexMatrix h = sys.denseHamiltonian(true);
        assertEquals(0, h.hermiticityError(), 1e-15);
        assertEquals(0, sys.hermiticityError(), 1e-15);
        int d = lattice.sliceDimension();
        int bs = sys.blockSize();
        // dense ordering with lead cells: slice s starts at row (s + 1) * d
        for (int s = -1; s <= length; s++) {
            assertEquals(0, sys.sliceHamiltonian(s).maxAbsDifference(h.block((s + 1) * d, (s + 1) * d, d, d)),
                    0.0, "H_s, s = " + s);
            if (s < length) {
                assertEquals(0, sys.sliceCoupling(s).maxAbsDifference(h.block((s + 1) * d, (s + 2) * d, d, d)),
                        0.0, "V_{s,s+1}, s = " + s);
            }
        }
        // slices further than next-neighbour are not coupled (block tridiagonal)
        for (int s = -1; s + 2 <= length; s++) {
            assertEquals(0, h.block((s + 1) * d, (s + 3) * d, d, d).maxAbs(), 0.0);
        }
        for (LeadSide side : LeadSide.values()) {
            LeadCell cell = sys.lead(side);
            int s = side == LeadSide.LEFT ? -1 : length;
            assertEquals(0, cell.onsite().maxAbsDifference(sys.sliceHamiltonian(s)), 0.0);
            assertEquals(0, cell.onsite().maxAbsDifference(sys.sliceHamiltonian(side == LeadSide.LEFT ? -5 : s + 4)),
                    1e-14, "the lead is periodic");
            assertEquals(0, cell.hopping().maxAbsDifference(cell.coupling()), 1e-14);
            assertEquals(0, cell.coupling().maxAbsDifference(sys.sliceCoupling(side == LeadSide.LEFT ? -1 : length - 1)),
                    0.0);
        }
        // block(row, col) agrees with the dense matrix, in total and per term
        for (int i = -lattice.sitesPerSlice(); i < lattice.siteCount() + lattice.sitesPerSlice(); i++) {
            for (int j = -lattice.sitesPerSlice(); j < lattice.siteCount() + lattice.sitesPerSlice(); j++) {
                int pi = sys.denseSiteIndex(i, true) * bs;
                int pj = sys.denseSiteIndex(j, true) * bs;
                assertEquals(0, sys.block(i, j).maxAbsDifference(h.block(pi, pj, bs, bs)), 0.0);
            }
        }
        // the total is the sum of the terms
        ComplexMatrix sum = new ComplexMatrix(h.rows(), h.cols());
        for (int k = 0; k < sys.termCount(); k++) {
            sum = sum.plus(sys.denseHamiltonian(k, true));
        }
        assertEquals(0, sum.maxAbsDifference(h), 1e-14);
        // disorder terms are absent from the leads and from the lead bonds
        int kr = sys.termIndex("random-hopping");
        int ki = sys.termIndex("spin-flip");
        for (Bond b : lattice.leadBonds(LeadSide.LEFT)) {
            assertEquals(0, sys.hopping(b, kr).maxAbs(), 0.0);
            assertEquals(0, sys.onsite(b.i(), ki).maxAbs(), 0.0);
        }
        assertTrue(sys.bonds().size() == lattice.bondCount() + 2 * lattice.sitesPerSlice());
    }

    @ParameterizedTest(name = "{0} {1}x{2}x{3}, {4} orbital(s), seed {5}")
    @MethodSource("cases")
    void closedSystemsHaveNoLeadCells(LatticeKind kind, int length, int width, int height, int orbitals,
            long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        Lattice lattice = new Lattice(kind, length, width, height, orbitals);
        TightBindingSystem sys = RandomModels.build(lattice, RandomModels.allTerms(rnd, lattice), false);
        assertEquals(lattice.bonds(), sys.bonds());
        assertThrows(IndexOutOfBoundsException.class, () -> sys.sliceCoupling(-1));
        assertThrows(IndexOutOfBoundsException.class, () -> sys.sliceCoupling(length - 1));
        assertThrows(IndexOutOfBoundsException.class, () -> sys.onsite(-1));
        assertThrows(IllegalStateException.class, () -> sys.lead(LeadSide.LEFT));
        ComplexMatrix h = sys.denseHamiltonian(false);
        int d = lattice.sliceDimension();
        for (int s = 0; s < length; s++) {
            assertEquals(0, sys.sliceHamiltonian(s).maxAbsDifference(h.block(s * d, s * d, d, d)), 0.0);
        }
    }
}
