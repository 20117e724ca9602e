package org.spintorque.observables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.spintorque.hamiltonian.Hopping;
import org.spintorque.hamiltonian.ModelBuilder;
import org.spintorque.hamiltonian.Rashba;
import org.spintorque.hamiltonian.TightBindingSystem;
import org.spintorque.lattice.Lattice;
import org.spintorque.lattice.LatticeKind;
import org.spintorque.linalg.ComplexMatrix;
import org.spintorque.texture.Vector3;

/**
 * Spin-independent hopping (plain or multi-orbital) has no hopping source; Rashba has one; every observable
 * is linear in H (the per-term shares add up to the total computed from the summed blocks) and in rho.
 */
class LinearityTest {
    static LongStream seeds() {
        return LongStream.range(200, 208);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void spinIndependentHoppingHasNoSourceButRashbaHas(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int orbitals = 1 + rnd.nextInt(3);
        Lattice lattice = new Lattice(LatticeKind.CUBIC, 3, 3, 2, orbitals);
        var hop = orbitals > 1 && rnd.nextBoolean()
                ? Hopping.withOrbitalMatrices("hopping", RandomModels.randomMatrix(rnd, orbitals, orbitals),
                        RandomModels.randomMatrix(rnd, orbitals, orbitals),
                        RandomModels.randomMatrix(rnd, orbitals, orbitals))
                : new Hopping(rnd.nextDouble(0.5, 2));
        TightBindingSystem sys = new ModelBuilder(lattice).add(hop).add(new Rashba(rnd.nextDouble(0.1, 1)))
                .build();
        var rho = DenseDensityMatrix.of(sys, RandomModels.randomHermitian(rnd, sys.denseDimension(true)));
        ObservableField f = new SpinContinuity(sys).evaluate(rho);
        int kh = sys.termIndex("hopping");
        int kr = sys.termIndex("rashba");
        double maxRashba = 0;
        for (int i = 0; i < lattice.siteCount(); i++) {
            assertEquals(0, f.sites().get(SiteQuantity.HOPPING_SOURCE, i, kh).norm(), 1e-13);
            assertTrue(f.sites().get(SiteQuantity.DIVERGENCE, i, kh).norm() > 0);
            maxRashba = Math.max(maxRashba, f.sites().get(SiteQuantity.HOPPING_SOURCE, i, kr).norm());
        }
        for (int b = 0; b < f.bonds().count(); b++) {
            assertEquals(0, f.bonds().hoppingSource(b, kh).norm(), 1e-13);
        }
        assertTrue(maxRashba > 0.1, "Rashba is a spin-dependent hopping and has a source: " + maxRashba);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void perTermSharesAddUpToTheTotalAndRhoEntersLinearly(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        Lattice lattice = new Lattice(LatticeKind.SQUARE, 5, 3, 1, 1 + rnd.nextInt(2));
        boolean leads = rnd.nextBoolean();
        TightBindingSystem sys = RandomModels.build(lattice, RandomModels.allTerms(rnd, lattice), leads);
        ComplexMatrix r1 = RandomModels.randomHermitian(rnd, sys.denseDimension(leads));
        ComplexMatrix r2 = RandomModels.randomHermitian(rnd, sys.denseDimension(leads));
        SpinContinuity sc = new SpinContinuity(sys);
        ObservableField f = sc.evaluate(DenseDensityMatrix.of(sys, r1));
        SiteObservables s = f.sites();
        double tol = 1e-13 * s.continuityScale();
        for (int i = 0; i < lattice.siteCount(); i++) {
            for (SiteQuantity q : SiteQuantity.values()) {
                if (!q.perTerm()) {
                    continue;
                }
                Vector3 sum = Vector3.ZERO;
                for (int k = 0; k < sys.termCount(); k++) {
                    sum = sum.plus(s.get(q, i, k));
                }
                assertEquals(0, sum.maxAbsDifference(s.get(q, i)), tol, q + " at site " + i);
            }
            double c = 0;
            for (int k = 0; k < sys.termCount(); k++) {
                c += s.chargeDivergence(i, k);
            }
            assertEquals(s.chargeDivergence(i), c, tol);
        }
        BondObservables b = f.bonds();
        for (int n = 0; n < b.count(); n++) {
            Vector3 j = Vector3.ZERO;
            Vector3 t = Vector3.ZERO;
            double c = 0;
            for (int k = 0; k < sys.termCount(); k++) {
                j = j.plus(b.spinCurrent(n, k));
                t = t.plus(b.hoppingSource(n, k));
                c += b.chargeCurrent(n, k);
            }
            assertEquals(0, j.maxAbsDifference(b.spinCurrent(n)), tol);
            assertEquals(0, t.maxAbsDifference(b.hoppingSource(n)), tol);
            assertEquals(b.chargeCurrent(n), c, tol);
        }

        // linear in rho: O(a r1 + r2) = a O(r1) + O(r2)
        double a = rnd.nextDouble(-2, 2);
        ObservableField f2 = sc.evaluate(DenseDensityMatrix.of(sys, r2));
        ObservableField combined = sc.evaluate(DenseDensityMatrix.of(sys, r1.scale(a, 0).plus(r2)));
        ObservableField viaFields = f.scaled(a).plus(f2);
        for (int i = 0; i < lattice.siteCount(); i++) {
            for (SiteQuantity q : SiteQuantity.values()) {
                assertEquals(0, combined.sites().get(q, i).maxAbsDifference(viaFields.sites().get(q, i)),
                        1e-12 * combined.sites().continuityScale(), q.toString());
            }
            assertEquals(combined.sites().density(i), viaFields.sites().density(i), 1e-12);
        }
        for (int n = 0; n < b.count(); n++) {
            assertEquals(0, combined.bonds().spinCurrent(n).maxAbsDifference(viaFields.bonds().spinCurrent(n)),
                    1e-12 * combined.sites().continuityScale());
        }
    }
}
