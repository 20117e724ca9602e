package org.spintorque.hamiltonian;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.spintorque.lattice.Lattice;
import org.spintorque.lattice.LatticeKind;
import org.spintorque.lattice.LeadSide;
import org.spintorque.linalg.ComplexMatrix;
import org.spintorque.observables.RandomModels;
import org.spintorque.texture.DomainWallTexture;
import org.spintorque.texture.DomainWallTexture.WallType;
import org.spintorque.texture.SpiralTexture;
import org.spintorque.texture.Vector3;

/** Matrix elements, signs and k-space forms of the named terms; what the builder refuses. */
class TermsTest {
    static LongStream seeds() {
        return LongStream.range(600, 606);
    }

    /** 2 x 2 spin block of orbital o. */
    static ComplexMatrix spinPart(ComplexMatrix m, int o) {
        return m.block(2 * o, 2 * o, 2, 2);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void hoppingPlusRashbaMatrixElementsAndBand(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double t = rnd.nextDouble(0.5, 2);
        double alpha = rnd.nextDouble(-1, 1);
        int orbitals = 1 + rnd.nextInt(2);
        Lattice lattice = new Lattice(LatticeKind.CUBIC, 3, 3, 3, orbitals);
        TightBindingSystem sys = new ModelBuilder(lattice).add(new Hopping(t)).add(new Rashba(alpha)).build();
        int r = lattice.index(1, 1, 1);
        int rx = lattice.index(2, 1, 1);
        int ry = lattice.index(1, 2, 1);
        int rz = lattice.index(1, 1, 2);
        ComplexMatrix one = ComplexMatrix.identity(2);
        ComplexMatrix sx = Pauli.sigma(1);
        ComplexMatrix sy = Pauli.sigma(2);
        for (int o = 0; o < orbitals; o++) {
            // <r+e_x|H|r> = -t + i alpha sigma^y, <r+e_y|H|r> = -t - i alpha sigma^x, <r+e_z|H|r> = -t
            assertEquals(0, spinPart(sys.block(rx, r), o).maxAbsDifference(one.scale(-t, 0).plus(sy.scale(0, alpha))),
                    1e-15);
            assertEquals(0, spinPart(sys.block(ry, r), o).maxAbsDifference(one.scale(-t, 0).plus(sx.scale(0, -alpha))),
                    1e-15);
            assertEquals(0, spinPart(sys.block(rz, r), o).maxAbsDifference(one.scale(-t, 0)), 1e-15);
        }
        // H(k) = sum_d (B_d e^{-i k.d} + B_d^dagger e^{i k.d}) = -2t sum cos k_d + 2 alpha (sigma^y sin kx - sigma^x sin ky)
        double kx = rnd.nextDouble(-Math.PI, Math.PI);
        double ky = rnd.nextDouble(-Math.PI, Math.PI);
        double kz = rnd.nextDouble(-Math.PI, Math.PI);
        ComplexMatrix hk = new ComplexMatrix(2 * orbitals, 2 * orbitals);
        int[] nb = {rx, ry, rz};
        double[] k = {kx, ky, kz};
        for (int d = 0; d < 3; d++) {
            ComplexMatrix b = sys.block(nb[d], r);
            hk = hk.plus(b.scale(Math.cos(k[d]), -Math.sin(k[d]))).plus(b.dagger().scale(Math.cos(k[d]), Math.sin(k[d])));
        }
        ComplexMatrix expect = Pauli.spinBlock(orbitals, -2 * t * (Math.cos(kx) + Math.cos(ky) + Math.cos(kz)), 0,
                -2 * alpha * Math.sin(ky), 0, 2 * alpha * Math.sin(kx), 0, 0, 0);
        assertEquals(0, hk.maxAbsDifference(expect), 1e-14);
    }

    @Test
    void exchangeFavoursTheSpinAlongNAndZeemanAgainstB() {
        Lattice lattice = Lattice.chain(1);
        Vector3 n = new Vector3(0.3, -0.5, 0.8).normalized();
        ComplexMatrix hex = new Exchange(0.7, new org.spintorque.texture.UniformTexture(n)).onsite(lattice.site(0));
        ComplexMatrix hz = new Zeeman(n.times(0.7)).onsite(lattice.site(0));
        // spinor along n: chi chi^dagger = (1 + n.sigma)/2; its energy Tr[H chi chi^dagger]
        ComplexMatrix proj = Pauli.spinBlock(1, 0.5, 0, n.x() / 2, 0, n.y() / 2, 0, n.z() / 2, 0);
        assertEquals(-0.7, hex.traceOfProduct(proj)[0], 1e-15, "exchange: spin along n is the lower state, -M");
        assertEquals(+0.7, hz.traceOfProduct(proj)[0], 1e-15, "Zeeman: spin along b is the upper state, +|b|");
        // b = -M n is the same Hamiltonian as the exchange along n
        assertEquals(0, new Zeeman(n.times(-0.7)).onsite(lattice.site(0)).maxAbsDifference(hex), 1e-15);
    }

    @Test
    void domainWallLeadsAreExactlyUpAndDown() {
        double m = 0.5;
        Lattice lattice = Lattice.square(12, 3);
        TightBindingSystem sys = new ModelBuilder(lattice).add(new Hopping(1))
                .add(new Exchange(m, new DomainWallTexture(6, 2, WallType.BLOCH, 0.4))).build();
        int bs = 2;
        for (int k = 0; k < lattice.sitesPerSlice(); k++) {
            ComplexMatrix left = sys.lead(LeadSide.LEFT).onsite().block(k * bs, k * bs, bs, bs);
            ComplexMatrix right = sys.lead(LeadSide.RIGHT).onsite().block(k * bs, k * bs, bs, bs);
            assertEquals(0, left.maxAbsDifference(Pauli.sigma(3).scale(-m, 0)), 0.0);
            assertEquals(0, right.maxAbsDifference(Pauli.sigma(3).scale(m, 0)), 0.0);
        }
        assertEquals(0, sys.lead(LeadSide.LEFT).hopping().maxAbsDifference(sys.sliceCoupling(-1)), 0.0);
    }

    @Test
    void spiralLeadsContinueTheEdgeSlices() {
        Lattice lattice = Lattice.chain(9);
        Exchange ex = new Exchange(0.4, SpiralTexture.helix(0.5));
        TightBindingSystem sys = new ModelBuilder(lattice).add(new Hopping(1)).add(ex).build();
        assertEquals(0, sys.lead(LeadSide.LEFT).onsite().maxAbsDifference(sys.onsite(0, 1)), 0.0);
        assertEquals(0, sys.lead(LeadSide.RIGHT).onsite().maxAbsDifference(sys.onsite(8, 1)), 0.0);
    }

    @Test
    void spinImpuritiesAreSeededRandomAndOnlyInTheScatteringRegion() {
        Lattice lattice = Lattice.cubic(20, 5, 5);
        SpinImpurities a = SpinImpurities.random(lattice, 0.1, 2.5, 0.3, 42);
        SpinImpurities b = SpinImpurities.random(lattice, 0.1, 2.5, 0.3, 42);
        assertEquals(a.spins(), b.spins());
        int n = a.spins().size();
        double expect = 0.1 * lattice.siteCount();
        assertTrue(Math.abs(n - expect) < 5 * Math.sqrt(expect * 0.9), "count " + n + " vs " + expect);
        Vector3 mean = Vector3.ZERO;
        for (Vector3 s : a.spins().values()) {
            assertEquals(2.5, s.norm(), 1e-14);
            mean = mean.plus(s.times(1.0 / n));
        }
        assertTrue(mean.norm() < 5 * 2.5 / Math.sqrt(3 * n), "isotropic: mean " + mean);
        TightBindingSystem sys = new ModelBuilder(lattice).add(new Hopping(1)).add(a).build();
        for (int i : a.spins().keySet()) {
            Vector3 s = a.spin(i);
            assertEquals(0, sys.onsite(i, 1).maxAbsDifference(Pauli.dot(1, 0.3 * s.x(), 0.3 * s.y(), 0.3 * s.z())),
                    1e-15);
        }
        for (int i = -lattice.sitesPerSlice(); i < 0; i++) {
            assertEquals(0, sys.onsite(i, 1).maxAbs(), 0.0, "no impurities in the lead cell");
        }
    }

    @Test
    void orbitalHoppingMatricesActOnOrbitalsOnly() {
        SplittableRandom rnd = new SplittableRandom(3);
        ComplexMatrix mx = RandomModels.randomMatrix(rnd, 3, 3);
        Lattice lattice = new Lattice(LatticeKind.CHAIN, 4, 1, 1, 3);
        TightBindingSystem sys = new ModelBuilder(lattice).add(Hopping.withOrbitalMatrices("h", mx, null, null))
                .build();
        ComplexMatrix b = sys.block(1, 0);
        for (int o = 0; o < 3; o++) {
            for (int p = 0; p < 3; p++) {
                for (int s = 0; s < 2; s++) {
                    for (int u = 0; u < 2; u++) {
                        assertEquals(s == u ? mx.re(o, p) : 0, b.re(2 * o + s, 2 * p + u), 0.0);
                        assertEquals(s == u ? mx.im(o, p) : 0, b.im(2 * o + s, 2 * p + u), 0.0);
                    }
                }
            }
        }
    }

    @Test
    void builderRefusesBadModels() {
        Lattice lattice = Lattice.square(4, 2);
        ComplexMatrix notHermitian = new ComplexMatrix(2, 2);
        notHermitian.set(0, 1, 1, 0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ModelBuilder(lattice).add(new CustomTerm("bad", s -> notHermitian, null)).build());
        assertTrue(e.getMessage().contains("'bad'") && e.getMessage().contains("Hermitian"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ModelBuilder(lattice)
                .add(new CustomTerm("size", s -> ComplexMatrix.identity(3), null)).build());
        assertThrows(IllegalArgumentException.class,
                () -> new ModelBuilder(lattice).add(new Hopping(1)).add(new Hopping(2)));
        assertThrows(IllegalArgumentException.class, () -> new ModelBuilder(lattice).build());
        // a term that extends into the leads must be periodic there
        IllegalArgumentException p = assertThrows(IllegalArgumentException.class, () -> new ModelBuilder(lattice)
                .add(new Hopping(1)).add(Onsite.of("ramp", s -> 0.1 * s.x(), true)).build());
        assertTrue(p.getMessage().contains("periodic"), p.getMessage());
        // the same potential restricted to the scattering region is fine
        new ModelBuilder(lattice).add(new Hopping(1)).add(Onsite.of("ramp", s -> 0.1 * s.x(), false)).build();
        ComplexMatrix nan = ComplexMatrix.identity(2);
        nan.set(0, 0, Double.NaN, 0);
        assertThrows(IllegalArgumentException.class,
                () -> new ModelBuilder(lattice).add(new CustomTerm("nan", s -> nan, null)).build());
        assertThrows(IllegalArgumentException.class,
                () -> new SpinImpurities(Double.NaN, Map.of()));
    }
}
