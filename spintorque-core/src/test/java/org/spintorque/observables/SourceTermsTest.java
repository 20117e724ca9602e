package org.spintorque.observables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.spintorque.hamiltonian.Exchange;
import org.spintorque.hamiltonian.Hopping;
import org.spintorque.hamiltonian.ModelBuilder;
import org.spintorque.hamiltonian.Rashba;
import org.spintorque.hamiltonian.SpinImpurities;
import org.spintorque.hamiltonian.TightBindingSystem;
import org.spintorque.hamiltonian.Zeeman;
import org.spintorque.lattice.Lattice;
import org.spintorque.lattice.LatticeKind;
import org.spintorque.texture.Vector3;

/**
 * The on-site spin sources of the named terms against their closed forms (physics.md section 3): eq. (9)
 * {@code T_sf = 2 v_s (S_imp x s)}, the exchange {@code T_ex = -2M (n x s)}, Zeeman {@code 2 (b x s)}; the
 * direct torque is {@code 2M n x s}; with relaxation = everything but the exchange, the two torque routes
 * differ exactly by -ds/dt.
 */
class SourceTermsTest {
    static LongStream seeds() {
        return LongStream.range(100, 110);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void onsiteSourcesMatchClosedForms(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int orbitals = 1 + rnd.nextInt(3);
        Lattice lattice = new Lattice(LatticeKind.SQUARE, 4, 3, 1, orbitals);
        double m = rnd.nextDouble(-2, 2);
        double vs = rnd.nextDouble(-2, 2);
        Vector3 bz = RandomModels.randomUnitVector(rnd).times(0.7);
        Exchange ex = new Exchange(m, RandomModels.randomTexture(rnd, lattice));
        SpinImpurities imp = SpinImpurities.random(lattice, 0.6, rnd.nextDouble(0.5, 2.5), vs, rnd.nextLong());
        TightBindingSystem sys = new ModelBuilder(lattice).leads(rnd.nextBoolean()).add(new Hopping(1))
                .add(ex).add(imp).add(new Zeeman(bz)).add(new Rashba(0.3)).build();
        var rho = DenseDensityMatrix.of(sys,
                RandomModels.randomHermitian(rnd, sys.denseDimension(sys.hasLeads())));
        SiteObservables s = new SpinContinuity(sys).evaluate(rho).sites();
        int kex = sys.termIndex("exchange");
        int kimp = sys.termIndex("spin-flip");
        int kz = sys.termIndex("zeeman");
        assertTrue(imp.spins().size() > 0);
        for (int i = 0; i < lattice.siteCount(); i++) {
            Vector3 spin = s.spin(i);
            Vector3 n = ex.direction(lattice.site(i));
            double tol = 1e-13 * (1 + spin.norm()) * 4;
            Vector3 tex = n.cross(spin).times(-2 * m);
            assertEquals(0, s.get(SiteQuantity.ONSITE_SOURCE, i, kex).maxAbsDifference(tex), tol);
            assertEquals(0, s.get(SiteQuantity.HOPPING_SOURCE, i, kex).norm(), 0.0);
            Vector3 tsf = imp.spin(i).cross(spin).times(2 * vs);
            assertEquals(0, s.get(SiteQuantity.ONSITE_SOURCE, i, kimp).maxAbsDifference(tsf), tol);
            assertEquals(0, s.get(SiteQuantity.ONSITE_SOURCE, i, kz).maxAbsDifference(bz.cross(spin).times(2)), tol);
            assertEquals(0, s.torqueDirect(i).maxAbsDifference(n.cross(spin).times(2 * m)), tol);
            // default: magnetization = exchange, relaxation = all others, so direct - continuity = -ds/dt
            Vector3 diff = s.torqueDirect(i).minus(s.torqueContinuity(i));
            assertEquals(0, diff.plus(s.spinRate(i)).norm(), tol);
            assertEquals(0, s.get(SiteQuantity.CONTINUITY_RESIDUAL, i).maxAbsDifference(diff), tol);
        }
        assertEquals(List.of("exchange"), s.magnetizationTerms());
        assertEquals(List.of("hopping", "spin-flip", "zeeman", "rashba"), s.relaxationTerms());
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void chosenRelaxationTermsMakeUpTheContinuityTorque(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        Lattice lattice = Lattice.chain(8);
        TightBindingSystem sys = new ModelBuilder(lattice).leads(false).add(new Hopping(1))
                .add(new Exchange(0.5, RandomModels.randomTexture(rnd, lattice)))
                .add(SpinImpurities.random(lattice, 0.5, 1, 0.4, seed)).add(new Rashba(0.2)).build();
        var rho = DenseDensityMatrix.of(sys, RandomModels.randomHermitian(rnd, sys.denseDimension(false)));
        SpinContinuity sc = new SpinContinuity(sys).withRelaxationTerms(List.of("spin-flip"));
        SiteObservables s = sc.evaluate(rho).sites();
        int kimp = sys.termIndex("spin-flip");
        for (int i = 0; i < lattice.siteCount(); i++) {
            Vector3 expect = s.divergence(i).times(-1).plus(s.get(SiteQuantity.SOURCE, i, kimp));
            assertEquals(0, s.torqueContinuity(i).maxAbsDifference(expect), 1e-14);
            assertEquals(0, s.get(SiteQuantity.RELAXATION_SOURCE, i)
                    .maxAbsDifference(s.get(SiteQuantity.SOURCE, i, kimp)), 0.0);
        }
    }
}
