package org.spintorque.observables;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.spintorque.hamiltonian.CustomTerm;
import org.spintorque.hamiltonian.HamiltonianTerm;
import org.spintorque.hamiltonian.TightBindingSystem;
import org.spintorque.lattice.Lattice;
import org.spintorque.lattice.LatticeKind;
import org.spintorque.linalg.ComplexMatrix;
import org.spintorque.texture.Vector3;

/**
 * A global SU(2) rotation U of the spin frame, applied to every term (H_ij -> U H_ij U^dagger) and to rho,
 * rotates every spin-space vector by the SO(3) matrix R of U (U^dagger sigma^a U = R_ab sigma^b): spin
 * density, spin currents, sources, divergences, torques; scalars (density, charge current) are unchanged.
 */
class GaugeCovarianceTest {
    static LongStream seeds() {
        return LongStream.range(300, 310);
    }

    static ComplexMatrix rotate(ComplexMatrix big, ComplexMatrix m) {
        return m == null ? null : big.times(m).times(big.dagger());
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void globalSpinRotationRotatesEveryVector(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        LatticeKind kind = LatticeKind.values()[rnd.nextInt(3)];
        Lattice lattice = new Lattice(kind, 4, kind == LatticeKind.CHAIN ? 1 : 2,
                kind == LatticeKind.CUBIC ? 2 : 1, 1 + rnd.nextInt(2));
        boolean leads = rnd.nextBoolean();
        List<HamiltonianTerm> terms = RandomModels.allTerms(rnd, lattice);
        ComplexMatrix u = RandomModels.randomSu2(rnd);
        double[][] r = RandomModels.so3(u);
        ComplexMatrix big = ComplexMatrix.identity(lattice.orbitals()).kron(u);
        List<HamiltonianTerm> rotated = new ArrayList<>();
        for (HamiltonianTerm t : terms) {
            rotated.add(new CustomTerm(t.name(), s -> rotate(big, t.onsite(s)), b -> rotate(big, t.hopping(b)),
                    t.extendsIntoLeads(), t.carriesMagnetization()));
        }
        TightBindingSystem sys = RandomModels.build(lattice, terms, leads);
        TightBindingSystem sysRot = RandomModels.build(lattice, rotated, leads);
        ComplexMatrix rho = RandomModels.randomHermitian(rnd, sys.denseDimension(leads));
        int sites = sys.denseDimension(leads) / sys.blockSize();
        ComplexMatrix all = ComplexMatrix.identity(sites).kron(big);
        ComplexMatrix rhoRot = all.times(rho).times(all.dagger());

        ObservableField f = new SpinContinuity(sys).evaluate(DenseDensityMatrix.of(sys, rho));
        ObservableField g = new SpinContinuity(sysRot).evaluate(DenseDensityMatrix.of(sysRot, rhoRot));
        double tol = 1e-12 * f.sites().continuityScale();
        for (int i = 0; i < lattice.siteCount(); i++) {
            assertEquals(f.sites().density(i), g.sites().density(i), tol);
            assertEquals(f.sites().chargeDivergence(i), g.sites().chargeDivergence(i), tol);
            for (SiteQuantity q : SiteQuantity.values()) {
                Vector3 expect = RandomModels.apply(r, f.sites().get(q, i));
                assertEquals(0, g.sites().get(q, i).maxAbsDifference(expect), tol, q + " at site " + i);
                if (q.perTerm()) {
                    for (int k = 0; k < sys.termCount(); k++) {
                        Vector3 e = RandomModels.apply(r, f.sites().get(q, i, k));
                        assertEquals(0, g.sites().get(q, i, k).maxAbsDifference(e), tol, q + " of term " + k);
                    }
                }
            }
        }
        for (int b = 0; b < f.bonds().count(); b++) {
            assertEquals(f.bonds().chargeCurrent(b), g.bonds().chargeCurrent(b), tol);
            assertEquals(0, g.bonds().spinCurrent(b).maxAbsDifference(RandomModels.apply(r, f.bonds().spinCurrent(b))),
                    tol);
            assertEquals(0, g.bonds().hoppingSource(b)
                    .maxAbsDifference(RandomModels.apply(r, f.bonds().hoppingSource(b))), tol);
        }
    }
}
