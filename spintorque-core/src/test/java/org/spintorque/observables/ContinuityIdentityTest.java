package org.spintorque.observables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.spintorque.hamiltonian.Pauli;
import org.spintorque.hamiltonian.TightBindingSystem;
import org.spintorque.lattice.Bond;
import org.spintorque.lattice.Lattice;
import org.spintorque.lattice.LatticeKind;
import org.spintorque.linalg.ComplexMatrix;

/**
 * physics.md section 8.1: the lattice continuity equation is an identity for any Hermitian H and rho. The
 * left side, ds_i/dt = i Tr[[H, c_i^dag Sigma c_i] rho] = i Tr[Sigma (rho H - H rho)_ii], is computed here
 * with dense matrices of the whole small system (lead surface cells included when there are leads), the
 * right side by {@link SpinContinuity}; bond currents and sources are also recomputed from the unsimplified
 * formulas of section 3, with rho_ji and H_ij taken from the dense matrices.
 */
class ContinuityIdentityTest {
    static final double TOL = 1e-12;

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        long seed = 11;
        for (boolean leads : new boolean[] {false, true}) {
            for (int orb = 1; orb <= 3; orb++) {
                out.add(Arguments.of(LatticeKind.CHAIN, 6, 1, 1, orb, leads, seed++));
            }
            for (int orb = 1; orb <= 2; orb++) {
                out.add(Arguments.of(LatticeKind.SQUARE, 4, 3, 1, orb, leads, seed++));
                out.add(Arguments.of(LatticeKind.CUBIC, 3, 2, 3, orb, leads, seed++));
            }
        }
        return out.stream();
    }

    /** i Tr[X] for a block X, real part. */
    static double reITrace(double[] traces, int a) {
        return -traces[2 * a + 1];
    }

    @ParameterizedTest(name = "{0} {1}x{2}x{3}, {4} orbital(s), leads {5}, seed {6}")
    @MethodSource("cases")
    void continuityEquationHoldsSiteBySiteAndTermByTerm(LatticeKind kind, int length, int width, int height,
            int orbitals, boolean leads, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        Lattice lattice = RandomModels.lattice(kind, length, width, height, orbitals);
        TightBindingSystem sys = RandomModels.build(lattice, RandomModels.allTerms(rnd, lattice), leads);
        ComplexMatrix rho = RandomModels.randomHermitian(rnd, sys.denseDimension(leads));
        ObservableField f = new SpinContinuity(sys).evaluate(DenseDensityMatrix.of(sys, rho));
        SiteObservables s = f.sites();
        int bs = sys.blockSize();
        double scale = s.continuityScale();
        assertTrue(scale > 0.1, "non-trivial test");

        // total and each term separately (the identity is linear in H)
        for (int k = -1; k < sys.termCount(); k++) {
            ComplexMatrix h = sys.denseHamiltonian(k, leads);
            ComplexMatrix c = rho.times(h).minus(h.times(rho));
            for (int i = 0; i < lattice.siteCount(); i++) {
                int p = sys.denseSiteIndex(i, leads) * bs;
                double[] t = Pauli.spinTraces(c.block(p, p, bs, bs));
                // charge: dn/dt = i Tr[(rho H - H rho)_ii] = -sum_j J_{i->j}
                double dn = reITrace(t, 0);
                double rhs = k < 0 ? s.chargeRate(i) : -s.chargeDivergence(i, k);
                assertEquals(dn, rhs, TOL * scale, "charge continuity, site " + i + ", term " + k);
                for (int a = 0; a < 3; a++) {
                    double ds = reITrace(t, a + 1);
                    double sum = k < 0 ? s.component(SiteQuantity.SPIN_RATE, i, a)
                            : -s.component(SiteQuantity.DIVERGENCE, i, a, k)
                                    + s.component(SiteQuantity.SOURCE, i, a, k);
                    assertEquals(ds, sum, TOL * scale, "spin continuity, site " + i + ", a " + a + ", term " + k);
                }
            }
        }
    }

    /** Spin-current, hopping-source and charge-current formulas of section 3 without simplification. */
    @ParameterizedTest(name = "{0} {1}x{2}x{3}, {4} orbital(s), leads {5}, seed {6}")
    @MethodSource("cases")
    void bondQuantitiesMatchTheUnsimplifiedFormulasAndAreAntisymmetric(LatticeKind kind, int length, int width,
            int height, int orbitals, boolean leads, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed + 1000);
        Lattice lattice = RandomModels.lattice(kind, length, width, height, orbitals);
        TightBindingSystem sys = RandomModels.build(lattice, RandomModels.allTerms(rnd, lattice), leads);
        ComplexMatrix rho = RandomModels.randomHermitian(rnd, sys.denseDimension(leads));
        ObservableField f = new SpinContinuity(sys).evaluate(DenseDensityMatrix.of(sys, rho));
        BondObservables b = f.bonds();
        int bs = sys.blockSize();
        ComplexMatrix h = sys.denseHamiltonian(leads);
        double scale = f.sites().continuityScale();
        assertEquals(lattice.bondCount() + (leads ? 2 * lattice.sitesPerSlice() : 0), b.count());
        for (int n = 0; n < b.count(); n++) {
            Bond bond = b.bond(n);
            int pi = sys.denseSiteIndex(bond.i(), leads) * bs;
            int pj = sys.denseSiteIndex(bond.j(), leads) * bs;
            ComplexMatrix hji = h.block(pj, pi, bs, bs);
            ComplexMatrix hij = h.block(pi, pj, bs, bs);
            ComplexMatrix rij = rho.block(pi, pj, bs, bs);
            ComplexMatrix rji = rho.block(pj, pi, bs, bs);
            // charge: J = 2 Im Tr[H_ji rho_ij], and J_{j->i} from the swapped formula
            double jc = 2 * hji.traceOfProduct(rij)[1];
            double jcBack = 2 * hij.traceOfProduct(rji)[1];
            assertEquals(jc, b.chargeCurrent(n), TOL * scale);
            assertEquals(-jcBack, b.chargeCurrent(n), TOL * scale, "J_{i->j} = -J_{j->i}");
            for (int a = 0; a < 3; a++) {
                ComplexMatrix sig = Pauli.sigma(a + 1, orbitals);
                double jFwd = spinCurrent(hji, hij, rij, rji, sig);
                double jBack = spinCurrent(hij, hji, rji, rij, sig);
                double tFwd = hoppingSource(hji, hij, rij, rji, sig);
                double tBack = hoppingSource(hij, hji, rji, rij, sig);
                assertEquals(jFwd, b.spinCurrent(n).component(a), TOL * scale);
                assertEquals(-jBack, b.spinCurrent(n).component(a), TOL * scale, "J^a_{i->j} = -J^a_{j->i}");
                assertEquals(tFwd, b.hoppingSource(n).component(a), TOL * scale);
                assertEquals(tBack, b.hoppingSource(n).component(a), TOL * scale, "T_hop(i<-j) = T_hop(j<-i)");
            }
        }
    }

    static ComplexMatrix anti(ComplexMatrix x, ComplexMatrix s) {
        return x.times(s).plus(s.times(x));
    }

    static ComplexMatrix comm(ComplexMatrix x, ComplexMatrix s) {
        return x.times(s).minus(s.times(x));
    }

    /** -(i/2) Tr[{H_ji, S} rho_ij - {H_ij, S} rho_ji]: real part (the imaginary part is checked to vanish). */
    static double spinCurrent(ComplexMatrix hji, ComplexMatrix hij, ComplexMatrix rij, ComplexMatrix rji,
            ComplexMatrix s) {
        double[] t1 = anti(hji, s).traceOfProduct(rij);
        double[] t2 = anti(hij, s).traceOfProduct(rji);
        double re = t1[0] - t2[0];
        double im = t1[1] - t2[1];
        assertEquals(0, re, 1e-12 * (1 + Math.abs(im)), "the spin current is real");
        return im / 2;
    }

    /** (i/2) Tr[[H_ji, S] rho_ij + [H_ij, S] rho_ji]. */
    static double hoppingSource(ComplexMatrix hji, ComplexMatrix hij, ComplexMatrix rij, ComplexMatrix rji,
            ComplexMatrix s) {
        double[] t1 = comm(hji, s).traceOfProduct(rij);
        double[] t2 = comm(hij, s).traceOfProduct(rji);
        double re = t1[0] + t2[0];
        double im = t1[1] + t2[1];
        assertEquals(0, re, 1e-12 * (1 + Math.abs(im)), "the hopping source is real");
        return -im / 2;
    }
}
