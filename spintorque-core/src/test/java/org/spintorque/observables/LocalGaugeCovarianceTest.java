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
 * A local SU(2) rotation of the spin frame, a different U_i on every site (H_ij -> U_i H_ij U_j^dagger,
 * rho likewise), is a change of basis: scalars (density, charge current) are unchanged, the spin density
 * and its total rate of change rotate with the local SO(3) matrix, s_i -> R_i s_i, ds_i/dt -> R_i ds_i/dt.
 * The split of ds/dt into -div j_s and the sources is not covariant: a local rotation turns part of a spin
 * current into an SU(2) gauge field, i.e. a hopping source. The test checks what must hold and only that.
 * Closed systems only: with leads the rotation would have to be uniform in the leads to keep them periodic.
 */
class LocalGaugeCovarianceTest {
    static LongStream seeds() {
        return LongStream.range(500, 508);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void localSpinRotationIsAChangeOfBasis(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        LatticeKind kind = LatticeKind.values()[rnd.nextInt(3)];
        Lattice lattice = new Lattice(kind, 4, kind == LatticeKind.CHAIN ? 1 : 3,
                kind == LatticeKind.CUBIC ? 2 : 1, 1 + rnd.nextInt(2));
        List<HamiltonianTerm> terms = RandomModels.allTerms(rnd, lattice);
        int n = lattice.siteCount();
        ComplexMatrix[] u = new ComplexMatrix[n];
        double[][][] r = new double[n][][];
        for (int i = 0; i < n; i++) {
            ComplexMatrix su2 = RandomModels.randomSu2(rnd);
            r[i] = RandomModels.so3(su2);
            u[i] = ComplexMatrix.identity(lattice.orbitals()).kron(su2);
        }
        List<HamiltonianTerm> rotated = new ArrayList<>();
        for (HamiltonianTerm t : terms) {
            rotated.add(new CustomTerm(t.name(),
                    s -> t.onsite(s) == null ? null : u[s.index()].times(t.onsite(s)).times(u[s.index()].dagger()),
                    b -> t.hopping(b) == null ? null
                            : u[b.j()].times(t.hopping(b)).times(u[b.i()].dagger()),
                    false, t.carriesMagnetization()));
        }
        TightBindingSystem sys = RandomModels.build(lattice, terms, false);
        TightBindingSystem rot = RandomModels.build(lattice, rotated, false);
        int dim = sys.denseDimension(false);
        ComplexMatrix rho = RandomModels.randomHermitian(rnd, dim);
        ComplexMatrix all = new ComplexMatrix(dim, dim);
        int b = sys.blockSize();
        for (int i = 0; i < n; i++) {
            all.setBlock(sys.denseSiteIndex(i, false) * b, sys.denseSiteIndex(i, false) * b, u[i]);
        }
        ComplexMatrix rhoRot = all.times(rho).times(all.dagger());
        ObservableField f = new SpinContinuity(sys).evaluate(DenseDensityMatrix.of(sys, rho));
        ObservableField g = new SpinContinuity(rot).evaluate(DenseDensityMatrix.of(rot, rhoRot));
        double tol = 1e-12 * f.sites().continuityScale();
        for (int i = 0; i < n; i++) {
            assertEquals(f.sites().density(i), g.sites().density(i), tol);
            assertEquals(f.sites().chargeDivergence(i), g.sites().chargeDivergence(i), tol);
            Vector3 s = RandomModels.apply(r[i], f.sites().spin(i));
            assertEquals(0, g.sites().spin(i).maxAbsDifference(s), tol, "spin at " + i);
            Vector3 rate = RandomModels.apply(r[i], f.sites().spinRate(i));
            assertEquals(0, g.sites().spinRate(i).maxAbsDifference(rate), tol, "ds/dt at " + i);
        }
        for (int k = 0; k < f.bonds().count(); k++) {
            assertEquals(f.bonds().chargeCurrent(k), g.bonds().chargeCurrent(k), tol);
        }
    }
}
