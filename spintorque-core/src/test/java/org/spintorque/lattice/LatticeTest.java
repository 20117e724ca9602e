package org.spintorque.lattice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Site ordering, slices, bonds and lead cells of the three lattices. */
class LatticeTest {
    static Stream<Arguments> lattices() {
        return Stream.of(Arguments.of(Lattice.chain(1)), Arguments.of(Lattice.chain(7)),
                Arguments.of(Lattice.square(5, 1)), Arguments.of(Lattice.square(4, 3)),
                Arguments.of(Lattice.cubic(3, 2, 4)), Arguments.of(Lattice.cubic(2, 1, 3).withOrbitals(2)),
                Arguments.of(Lattice.cubic(1, 3, 3)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lattices")
    void sliceMajorOrderingAndItsInverse(Lattice l) {
        int sps = l.sitesPerSlice();
        assertEquals(l.width() * l.height(), sps);
        assertEquals(l.length() * sps, l.siteCount());
        int expected = -sps; // the left lead cell comes first in this ordering
        for (int x = -1; x <= l.length(); x++) {
            for (int z = 0; z < l.height(); z++) {
                for (int y = 0; y < l.width(); y++) {
                    int i = l.index(x, y, z);
                    assertEquals(x * sps + z * l.width() + y, i);
                    assertEquals(expected++, i, "consecutive indices within and across slices");
                    Site s = l.site(i);
                    assertEquals(x, s.x());
                    assertEquals(y, s.y());
                    assertEquals(z, s.z());
                    assertEquals(s, l.site(x, y, z));
                    assertEquals(x, l.x(i));
                    assertEquals(i - l.firstIndexOfSlice(x), s.indexInSlice());
                    boolean inside = x >= 0 && x < l.length();
                    assertEquals(inside, s.inScatteringRegion());
                    assertEquals(inside, l.isScatteringSite(i));
                    assertEquals(inside, l.contains(x, y, z));
                    assertEquals(x < 0 ? LeadSide.LEFT : x >= l.length() ? LeadSide.RIGHT : null, s.leadSide());
                }
            }
        }
        assertThrows(IndexOutOfBoundsException.class, () -> l.index(0, l.width(), 0));
        assertThrows(IndexOutOfBoundsException.class, () -> l.index(0, 0, -1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lattices")
    void everyNearestNeighbourPairIsOneBondOrientedAlongPlusE(Lattice l) {
        List<Bond> bonds = l.bonds();
        assertEquals(l.bondCount(), bonds.size());
        Set<Long> seen = new HashSet<>();
        for (Bond b : bonds) {
            Direction d = b.direction();
            assertTrue(l.directions().contains(d));
            assertEquals(b.from().x() + d.dx(), b.to().x());
            assertEquals(b.from().y() + d.dy(), b.to().y());
            assertEquals(b.from().z() + d.dz(), b.to().z());
            assertTrue(b.inScatteringRegion());
            assertTrue(seen.add((long) b.i() * l.siteCount() + b.j()), "bond listed twice: " + b);
        }
        // brute force: all pairs at distance 1 appear once
        int pairs = 0;
        for (int i = 0; i < l.siteCount(); i++) {
            for (int j = 0; j < l.siteCount(); j++) {
                Site a = l.site(i);
                Site c = l.site(j);
                int dist = Math.abs(a.x() - c.x()) + Math.abs(a.y() - c.y()) + Math.abs(a.z() - c.z());
                if (dist == 1 && i < j) {
                    pairs++;
                    assertTrue(seen.contains((long) i * l.siteCount() + j), "missing bond " + i + " -> " + j);
                }
            }
        }
        assertEquals(pairs, bonds.size());
        // slice by slice: intra-slice bonds stay in the slice, inter-slice bonds go from s to s+1, same (y, z)
        for (int s = -1; s <= l.length(); s++) {
            for (Bond b : l.bondsInSlice(s)) {
                assertEquals(s, b.from().slice());
                assertEquals(s, b.to().slice());
                assertFalse(b.direction() == Direction.X);
            }
            List<Bond> between = l.bondsBetweenSlices(s);
            assertEquals(l.sitesPerSlice(), between.size());
            for (Bond b : between) {
                assertEquals(s, b.from().slice());
                assertEquals(s + 1, b.to().slice());
                assertEquals(b.i() + l.sitesPerSlice(), b.j());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lattices")
    void leadBondsConnectTheSurfaceCellsToTheEdgeSlices(Lattice l) {
        for (Bond b : l.leadBonds(LeadSide.LEFT)) {
            assertEquals(-1, b.from().x());
            assertEquals(0, b.to().x());
            assertTrue(b.i() < 0 && b.j() >= 0);
            assertTrue(b.touchesLead());
        }
        for (Bond b : l.leadBonds(LeadSide.RIGHT)) {
            assertEquals(l.length() - 1, b.from().x());
            assertEquals(l.length(), b.to().x());
            assertTrue(b.j() >= l.siteCount());
        }
    }

    @Test
    void hardWallsAndValidation() {
        Lattice l = Lattice.square(3, 2);
        assertNull(l.site(0, 1, 0).neighbour(Direction.Y));
        assertNull(l.bond(l.index(0, 1, 0), Direction.Y));
        assertEquals(l.index(1, 0, 0), l.site(0, 0, 0).neighbour(Direction.X).index());
        assertEquals(List.of(Direction.X, Direction.Y), l.directions());
        assertEquals(4, l.withOrbitals(2).blockSize());
        assertEquals(2 * 4, l.withOrbitals(2).sliceDimension());
        assertThrows(IllegalArgumentException.class, () -> new Lattice(LatticeKind.CHAIN, 3, 2, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new Lattice(LatticeKind.SQUARE, 3, 2, 2, 1));
        assertThrows(IllegalArgumentException.class, () -> new Lattice(LatticeKind.CUBIC, 0, 2, 2, 1));
        assertThrows(IllegalArgumentException.class, () -> Lattice.chain(3).withOrbitals(0));
        assertThrows(IllegalArgumentException.class, () -> new Bond(l.site(0), l.site(4), Direction.X));
        assertEquals(LatticeKind.CUBIC, LatticeKind.parse(" Cubic"));
        assertThrows(IllegalArgumentException.class, () -> LatticeKind.parse("hexagonal"));
    }
}
