package org.spintorque.disorder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.spintorque.disorder.Statistics.assertWithinError;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.spintorque.hamiltonian.Exchange;
import org.spintorque.hamiltonian.HamiltonianTerm;
import org.spintorque.hamiltonian.Hopping;
import org.spintorque.hamiltonian.Pauli;
import org.spintorque.hamiltonian.Rashba;
import org.spintorque.hamiltonian.TightBindingSystem;
import org.spintorque.lattice.Bond;
import org.spintorque.lattice.Direction;
import org.spintorque.lattice.Lattice;
import org.spintorque.lattice.LatticeKind;
import org.spintorque.lattice.Site;
import org.spintorque.linalg.ComplexMatrix;
import org.spintorque.observables.BondObservables;
import org.spintorque.observables.DenseDensityMatrix;
import org.spintorque.observables.ObservableField;
import org.spintorque.observables.RandomModels;
import org.spintorque.observables.SiteObservables;
import org.spintorque.observables.SiteQuantity;
import org.spintorque.observables.SpinContinuity;
import org.spintorque.texture.Vector3;

/**
 * Spin-orbit impurities, eq. (8) with the corrected index: the small-k limit of the lattice form for a
 * constant gradient, Hermiticity and time reversal, the bond blocks against an independent evaluation of the
 * discretization, the continuity identity with the term's hopping source, the statistics of the random
 * potentials, reproducibility.
 */
class SpinOrbitImpuritiesTest {
    static final double TOL = 1e-12;

    static LongStream seeds() {
        return LongStream.range(500, 508);
    }

    /** A linear potential {@code V^(a)(r) = g^(a) . r}: rows of g are the gradients of V^(x), V^(y), V^(z). */
    static SpinOrbitImpurities linear(double lambda, double[][] g) {
        return SpinOrbitImpurities.ofPotential("spin-orbit", lambda,
                (s, a) -> g[a][0] * s.x() + g[a][1] * s.y() + g[a][2] * s.z());
    }

    /**
     * {@code H(k) = sum_delta <r|H|r + delta> e^{i k . delta}} at site r from the blocks of the term, with
     * {@code <r|H|r + e_d> = H_{r+e_d, r}^dagger} (the bond r -> r + e_d) and {@code <r|H|r - e_d> = H_{r, r-e_d}}
     * (the bond r - e_d -> r).
     */
    static ComplexMatrix bloch(HamiltonianTerm term, Site r, double[] k) {
        Lattice l = r.lattice();
        int bs = l.blockSize();
        ComplexMatrix h = new ComplexMatrix(bs, bs);
        ComplexMatrix onsite = term.hasOnsite() ? term.onsite(r) : null;
        if (onsite != null) {
            h = h.plus(onsite);
        }
        for (Direction d : l.directions()) {
            double kd = k[d.axis()];
            Site back = l.site(r.x() - d.dx(), r.y() - d.dy(), r.z() - d.dz());
            ComplexMatrix fwd = term.hopping(new Bond(r, r.neighbour(d), d));
            ComplexMatrix bwd = term.hopping(new Bond(back, r, d));
            if (fwd != null) {
                h = h.plus(fwd.dagger().scale(Math.cos(kd), Math.sin(kd)));
            }
            if (bwd != null) {
                h = h.plus(bwd.scale(Math.cos(kd), -Math.sin(kd)));
            }
        }
        return h;
    }

    /** {@code 1_orb (x) sum_a c_a sigma^a}. */
    static ComplexMatrix spin(int orbitals, double[] c) {
        return Pauli.dot(orbitals, c[0], c[1], c[2]);
    }

    /**
     * Constant gradient on a cubic lattice: the Bloch Hamiltonian is exactly
     * {@code lambda sum_abk eps_abk g^(a)_b sin(k_k) sigma^a} (to rounding), and its leading order in k is
     * {@code lambda sum_a sigma^a (g^(a) x k)_a}, i.e. {@code lambda (grad V x p) . sigma} for a common V,
     * with a remainder bounded by {@code lambda sum |g^(a)_b| |k_k|^3 / 6}.
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void constantGradientGivesGradVCrossPAtSmallK(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int orbitals = 1 + rnd.nextInt(2);
        Lattice lattice = new Lattice(LatticeKind.CUBIC, 7, 7, 7, orbitals);
        Site r0 = lattice.site(3, 3, 3);
        double lambda = rnd.nextDouble(0.1, 2);
        double[][] g = new double[3][3];
        boolean common = seed % 2 == 0;
        for (int a = 0; a < 3; a++) {
            for (int b = 0; b < 3; b++) {
                g[a][b] = common && a > 0 ? g[0][b] : rnd.nextDouble(-1, 1);
            }
        }
        SpinOrbitImpurities term = linear(lambda, g);
        Vector3[] grad = {Vector3.of(g[0]), Vector3.of(g[1]), Vector3.of(g[2])};
        double gsum = 0;
        for (double[] row : g) {
            for (double x : row) {
                gsum += Math.abs(x);
            }
        }
        // the exact lattice form, for random k in the whole zone
        for (int t = 0; t < 20; t++) {
            double[] k = {rnd.nextDouble(-Math.PI, Math.PI), rnd.nextDouble(-Math.PI, Math.PI),
                rnd.nextDouble(-Math.PI, Math.PI)};
            Vector3 sk = new Vector3(Math.sin(k[0]), Math.sin(k[1]), Math.sin(k[2]));
            double[] c = new double[3];
            for (int a = 0; a < 3; a++) {
                c[a] = lambda * grad[a].cross(sk).component(a);
            }
            assertEquals(0, bloch(term, r0, k).maxAbsDifference(spin(orbitals, c)), 1e-14 * lambda * gsum);
        }
        // the continuum limit: lambda sum_a sigma^a (g^(a) x k)_a, remainder O(k^3)
        Vector3 dir = RandomModels.randomUnitVector(rnd);
        double previous = Double.NaN;
        for (double kappa : new double[] {1e-1, 1e-2, 1e-3, 1e-4}) {
            Vector3 k = dir.times(kappa);
            double[] c = new double[3];
            for (int a = 0; a < 3; a++) {
                c[a] = lambda * grad[a].cross(k).component(a);
            }
            ComplexMatrix lin = spin(orbitals, c);
            ComplexMatrix hk = bloch(term, r0, k.toArray());
            double remainder = hk.maxAbsDifference(lin);
            double bound = lambda * gsum * kappa * kappa * kappa / 6;
            assertTrue(remainder <= bound + 1e-16 * lambda * gsum, "k = " + kappa + ": remainder " + remainder
                    + " above " + bound);
            assertTrue(lin.maxAbs() > 0, "non-trivial leading term");
            double relative = remainder / lin.maxAbs();
            System.out.printf("spin-orbit small k, seed %d, |k| = %.0e: |H(k) - lambda (g x k).sigma| / |H| = %.2e%n",
                    seed, kappa, relative);
            if (kappa <= 1e-2 && previous == previous) {
                // relative remainder ~ k^2: drops by ~100 per decade (down to rounding at 1e-4)
                assertTrue(relative < Math.max(previous / 30, 1e-11), "k^2 convergence: " + relative);
            }
            previous = relative;
        }
    }

    /**
     * On a square lattice (V uniform along z, no z bonds) only V^(z) enters:
     * {@code H(k) = lambda sigma^z (g^(z)_x sin k_y - g^(z)_y sin k_x)}; on a chain the term vanishes.
     */
    @Test
    void lowerDimensions() {
        double lambda = 0.7;
        double[][] g = {{0.3, -0.2, 0.5}, {0.1, 0.4, -0.6}, {0.8, -0.9, 0.2}};
        SpinOrbitImpurities term = linear(lambda, g);
        Lattice square = Lattice.square(5, 5);
        Site r0 = square.site(2, 2, 0);
        double[] k = {0.3, -0.7, 0};
        double cz = lambda * (g[2][0] * Math.sin(k[1]) - g[2][1] * Math.sin(k[0]));
        assertEquals(0, bloch(term, r0, k).maxAbsDifference(spin(1, new double[] {0, 0, cz})), 1e-15);
        Lattice chain = Lattice.chain(6);
        for (Bond b : chain.bonds()) {
            assertNull(term.hopping(b));
        }
        SpinOrbitImpurities random = new SpinOrbitImpurities(1, 1, SpinOrbitImpurities.Components.THREE, 1, 0);
        for (Bond b : chain.bonds()) {
            assertNull(random.hopping(b));
        }
    }

    /**
     * The blocks against a direct evaluation of the formula with the full Levi-Civita sum: V on a padded grid,
     * centered differences, {@code H_ji = (i lambda/4) sum_ab eps_abk [D_b V^(a)(r_i) + D_b V^(a)(r_j)] sigma^a}.
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void blocksFollowTheDiscretizedFormula(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        Lattice lattice = new Lattice(LatticeKind.CUBIC, 5, 4, 3, 1 + rnd.nextInt(2));
        double lambda = rnd.nextDouble(0.1, 1);
        SpinOrbitImpurities term = new SpinOrbitImpurities("spin-orbit", 0.4, lambda,
                rnd.nextBoolean() ? SpinOrbitImpurities.Components.THREE : SpinOrbitImpurities.Components.COMMON,
                rnd.nextBoolean() ? SpinOrbitImpurities.Distribution.SIGN : SpinOrbitImpurities.Distribution.BOX,
                seed, 3);
        int lx = lattice.length();
        int ly = lattice.width();
        int lz = lattice.height();
        // V on a grid padded by one layer of zeros
        double[][][][] v = new double[3][lx + 2][ly + 2][lz + 2];
        for (int a = 0; a < 3; a++) {
            for (int x = 0; x < lx; x++) {
                for (int y = 0; y < ly; y++) {
                    for (int z = 0; z < lz; z++) {
                        v[a][x + 1][y + 1][z + 1] = term.potential(lattice, a, x, y, z);
                    }
                }
            }
        }
        int nonzero = 0;
        for (Bond bond : lattice.bonds()) {
            int k = bond.direction().axis();
            double[] c = new double[3];
            for (int a = 0; a < 3; a++) {
                for (int b = 0; b < 3; b++) {
                    double eps = levi(a, b, k);
                    if (eps != 0) {
                        c[a] += lambda / 4 * eps * (diff(v[a], bond.from(), b) + diff(v[a], bond.to(), b));
                    }
                }
            }
            ComplexMatrix expected = Pauli.spinBlock(lattice.orbitals(), 0, 0, 0, c[0], 0, c[1], 0, c[2]);
            ComplexMatrix got = term.hopping(bond);
            if (got == null) {
                assertEquals(0, expected.maxAbs(), 0.0, bond.toString());
            } else {
                nonzero++;
                assertEquals(0, got.maxAbsDifference(expected), 1e-15, bond.toString());
            }
        }
        assertTrue(nonzero > lattice.bondCount() / 4, "non-trivial: " + nonzero + " bonds");
    }

    static double levi(int a, int b, int c) {
        return (a - b) * (b - c) * (c - a) / 2.0;
    }

    /** Centered difference along b at a site, on the padded grid. */
    static double diff(double[][][] v, Site s, int b) {
        int x = s.x() + 1;
        int y = s.y() + 1;
        int z = s.z() + 1;
        int dx = b == 0 ? 1 : 0;
        int dy = b == 1 ? 1 : 0;
        int dz = b == 2 ? 1 : 0;
        return 0.5 * (v[x + dx][y + dy][z + dz] - v[x - dx][y - dy][z - dz]);
    }

    /**
     * The dense Hamiltonian of the term is Hermitian and time-reversal even,
     * {@code (1 (x) sigma^y) H^* (1 (x) sigma^y) = H}; the spin-flip term is odd under the same operation.
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void hermitianAndTimeReversalInvariant(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        Lattice lattice = new Lattice(LatticeKind.CUBIC, 4, 3, 3, 1 + rnd.nextInt(2));
        SpinOrbitImpurities so = new SpinOrbitImpurities(0.5, 1.3, SpinOrbitImpurities.Components.THREE, seed, 0);
        SpinFlipImpurities sf = new SpinFlipImpurities(0.5, 0.9, 1.0, seed, 0);
        TightBindingSystem sys = RandomModels.build(lattice, List.of(new Hopping(1), so, sf), rnd.nextBoolean());
        ComplexMatrix h = sys.denseHamiltonian(sys.termIndex("spin-orbit"), false);
        assertTrue(h.maxAbs() > 0.1);
        assertEquals(0, h.hermiticityError(), 0.0);
        ComplexMatrix u = ComplexMatrix.identity(h.rows() / 2).kron(Pauli.sigma(2));
        assertEquals(0, u.times(conj(h)).times(u).maxAbsDifference(h), 1e-15);
        ComplexMatrix hsf = sys.denseHamiltonian(sys.termIndex("spin-flip"), false);
        assertEquals(0, u.times(conj(hsf)).times(u).plus(hsf).maxAbs(), 1e-15);
        assertEquals(0, sys.hermiticityError(), 1e-15);
    }

    static ComplexMatrix conj(ComplexMatrix m) {
        ComplexMatrix c = m.copy();
        double[] d = c.data();
        for (int k = 1; k < d.length; k += 2) {
            d[k] = -d[k];
        }
        return c;
    }

    static Stream<Arguments> continuityCases() {
        List<Arguments> out = new ArrayList<>();
        long seed = 700;
        for (boolean leads : new boolean[] {false, true}) {
            for (int orb = 1; orb <= 2; orb++) {
                out.add(Arguments.of(LatticeKind.SQUARE, 5, 3, 1, orb, leads, seed++));
                out.add(Arguments.of(LatticeKind.CUBIC, 3, 3, 2, orb, leads, seed++));
            }
        }
        return out.stream();
    }

    /**
     * physics.md section 3 with every disorder term (spin-flip, spin-orbit, Anderson) plus hopping, exchange and
     * Rashba, for a random Hermitian rho: {@code ds_i/dt = i Tr[Sigma (rho H - H rho)_ii]} from dense matrices
     * equals {@code -div J + T_on + T_hop} in total and term by term to 1e-12 of the largest contribution. The
     * spin-orbit term's source is its hopping source alone (no T_on), it is not small, it is needed to close
     * the balance, and on every bond it equals the unsimplified {@code (i/2) Tr[[H_ji, S] rho_ij + [H_ij, S]
     * rho_ji]}.
     */
    @ParameterizedTest(name = "{0} {1}x{2}x{3}, {4} orbital(s), leads {5}, seed {6}")
    @MethodSource("continuityCases")
    void spinOrbitHoppingSourceClosesTheContinuityBalance(LatticeKind kind, int length, int width, int height,
            int orbitals, boolean leads, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        Lattice lattice = new Lattice(kind, length, width, height, orbitals);
        SpinOrbitImpurities so = new SpinOrbitImpurities("spin-orbit", rnd.nextDouble(0.3, 1), rnd.nextDouble(0.2, 1),
                rnd.nextBoolean() ? SpinOrbitImpurities.Components.THREE : SpinOrbitImpurities.Components.COMMON,
                rnd.nextBoolean() ? SpinOrbitImpurities.Distribution.SIGN : SpinOrbitImpurities.Distribution.BOX,
                seed, rnd.nextInt(100));
        List<HamiltonianTerm> terms = List.of(new Hopping(1),
                new Exchange(rnd.nextDouble(0.2, 1), RandomModels.randomTexture(rnd, lattice)),
                new Rashba(rnd.nextDouble(-0.3, 0.3)),
                new SpinFlipImpurities(0.4, rnd.nextDouble(0.1, 1), 1.5, seed, 1), so,
                new AndersonDisorder(rnd.nextDouble(0.5, 2), AndersonDisorder.Distribution.BOX, seed, 1));
        TightBindingSystem sys = RandomModels.build(lattice, terms, leads);
        ComplexMatrix rho = RandomModels.randomHermitian(rnd, sys.denseDimension(leads));
        ObservableField f = new SpinContinuity(sys).evaluate(DenseDensityMatrix.of(sys, rho));
        SiteObservables s = f.sites();
        double scale = s.continuityScale();
        int bs = sys.blockSize();
        int kso = sys.termIndex("spin-orbit");
        double worst = 0;
        double soSource = 0;
        double withoutSo = 0;
        for (int k = -1; k < sys.termCount(); k++) {
            ComplexMatrix h = sys.denseHamiltonian(k, leads);
            ComplexMatrix c = rho.times(h).minus(h.times(rho));
            for (int i = 0; i < lattice.siteCount(); i++) {
                int p = sys.denseSiteIndex(i, leads) * bs;
                double[] t = Pauli.spinTraces(c.block(p, p, bs, bs));
                for (int a = 0; a < 3; a++) {
                    double ds = -t[2 * (a + 1) + 1];
                    double rhs = k < 0 ? s.component(SiteQuantity.SPIN_RATE, i, a)
                            : -s.component(SiteQuantity.DIVERGENCE, i, a, k)
                                    + s.component(SiteQuantity.SOURCE, i, a, k);
                    worst = Math.max(worst, Math.abs(ds - rhs));
                    assertEquals(ds, rhs, TOL * scale, "site " + i + ", a " + a + ", term " + k);
                    if (k < 0) {
                        double tso = s.component(SiteQuantity.HOPPING_SOURCE, i, a, kso);
                        soSource = Math.max(soSource, Math.abs(tso));
                        withoutSo = Math.max(withoutSo, Math.abs(ds - (rhs - tso)));
                    }
                }
                if (k == kso) {
                    assertEquals(0, s.get(SiteQuantity.ONSITE_SOURCE, i, kso).norm(), 0.0, "no T_on");
                }
            }
        }
        assertTrue(soSource > 1e-2 * scale, "the spin-orbit T_hop is not small: " + soSource + " of " + scale);
        assertTrue(withoutSo > 1e-2 * scale, "without it the balance fails by " + withoutSo);
        System.out.printf("continuity with disorder terms, %s %dx%dx%d, %d orbital(s), leads %b: residual %.2e of "
                + "scale %.2e; spin-orbit T_hop up to %.2e%n", kind, length, width, height, orbitals, leads, worst,
                scale, soSource);

        // bond by bond: the term's hopping source against the unsimplified formula
        BondObservables bonds = f.bonds();
        ComplexMatrix hso = sys.denseHamiltonian(kso, leads);
        for (int n = 0; n < bonds.count(); n++) {
            Bond bond = bonds.bond(n);
            int pi = sys.denseSiteIndex(bond.i(), leads) * bs;
            int pj = sys.denseSiteIndex(bond.j(), leads) * bs;
            ComplexMatrix hji = hso.block(pj, pi, bs, bs);
            ComplexMatrix hij = hso.block(pi, pj, bs, bs);
            ComplexMatrix rij = rho.block(pi, pj, bs, bs);
            ComplexMatrix rji = rho.block(pj, pi, bs, bs);
            for (int a = 0; a < 3; a++) {
                ComplexMatrix sig = Pauli.sigma(a + 1, orbitals);
                double[] t1 = comm(hji, sig).traceOfProduct(rij);
                double[] t2 = comm(hij, sig).traceOfProduct(rji);
                assertEquals(0, t1[0] + t2[0], TOL * scale, "the hopping source is real");
                double expected = -(t1[1] + t2[1]) / 2;
                assertEquals(expected, bonds.hoppingSource(n, kso).component(a), TOL * scale, bond.toString());
            }
        }
    }

    static ComplexMatrix comm(ComplexMatrix x, ComplexMatrix s) {
        return x.times(s).minus(s.times(x));
    }

    /**
     * Potential statistics over 10^5 sites: impurity fraction n_so (binomial error), {@code <V^(a)> = 0},
     * {@code <V^(a) V^(b)> = n_so delta_ab} ("three") or {@code n_so} for all a, b ("common"), with standard
     * errors {@code sqrt(n_so/N)} for the mean and the off-diagonal products and
     * {@code sqrt((n_so <v^4> - n_so^2)/N)} for the diagonal ones ({@code <v^4>} = 1 for +-1, 9/5 for the box).
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void potentialsHaveTheStatedStatistics(long seed) {
        Lattice lattice = Lattice.cubic(100, 100, 10);
        int n = lattice.siteCount();
        double c = 0.1 + 0.1 * (seed % 5);
        for (SpinOrbitImpurities.Components comp : SpinOrbitImpurities.Components.values()) {
            for (SpinOrbitImpurities.Distribution dist : SpinOrbitImpurities.Distribution.values()) {
                SpinOrbitImpurities so = new SpinOrbitImpurities("spin-orbit", c, 1, comp, dist, seed, 0);
                double[] mean = new double[3];
                double[][] second = new double[3][3];
                long count = 0;
                for (int i = 0; i < n; i++) {
                    Site site = lattice.site(i);
                    double[] v = {so.potential(site, 0), so.potential(site, 1), so.potential(site, 2)};
                    if (so.isImpurity(i)) {
                        count++;
                        double bound = dist == SpinOrbitImpurities.Distribution.SIGN ? 1 : Math.sqrt(3);
                        for (double x : v) {
                            assertTrue(Math.abs(x) <= bound);
                        }
                    } else {
                        assertEquals(0, Math.abs(v[0]) + Math.abs(v[1]) + Math.abs(v[2]), 0.0);
                    }
                    for (int a = 0; a < 3; a++) {
                        mean[a] += v[a];
                        for (int b = 0; b < 3; b++) {
                            second[a][b] += v[a] * v[b];
                        }
                    }
                }
                String what = comp + " " + dist;
                assertWithinError(c, (double) count / n, Math.sqrt(c * (1 - c) / n), what + " fraction");
                double m4 = dist == SpinOrbitImpurities.Distribution.SIGN ? 1 : 9.0 / 5;
                for (int a = 0; a < 3; a++) {
                    assertWithinError(0, mean[a] / n, Math.sqrt(c / n), what + " <V>");
                    for (int b = 0; b < 3; b++) {
                        if (a == b || comp == SpinOrbitImpurities.Components.COMMON) {
                            assertWithinError(c, second[a][b] / n, Math.sqrt((c * m4 - c * c) / n) + 1e-15,
                                    what + " <V V>");
                        } else {
                            assertWithinError(0, second[a][b] / n, Math.sqrt(c / n), what + " <V^a V^b>");
                        }
                    }
                }
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void sameRealizationSameBlocksOtherRealizationOtherBlocks(long seed) {
        Lattice lattice = new Lattice(LatticeKind.CUBIC, 6, 4, 3, 2);
        SpinOrbitImpurities a = new SpinOrbitImpurities(0.3, 0.5, SpinOrbitImpurities.Components.THREE, seed, 2);
        SpinOrbitImpurities b = new SpinOrbitImpurities(0.3, 0.5, SpinOrbitImpurities.Components.THREE, seed, 2);
        SpinOrbitImpurities other = new SpinOrbitImpurities(0.3, 0.5, SpinOrbitImpurities.Components.THREE, seed,
                3);
        List<Bond> bonds = lattice.bonds();
        int differ = 0;
        for (int n = bonds.size() - 1; n >= 0; n--) {
            Bond bond = bonds.get(n);
            ComplexMatrix x = a.hopping(bond);
            ComplexMatrix y = b.hopping(bond);
            SpinFlipImpuritiesTest.assertBlocksEqual(x, y);
            ComplexMatrix z = other.hopping(bond);
            if (x == null ? z != null : z == null || x.maxAbsDifference(z) > 0) {
                differ++;
            }
        }
        assertTrue(differ > bonds.size() / 4, "another realization changes the blocks: " + differ + " bonds");
        assertNotEquals(a.toString(), other.toString());
    }

    @Test
    void actsOnBondsOfTheScatteringRegionOnly() {
        SpinOrbitImpurities so = new SpinOrbitImpurities(0.5, 1, SpinOrbitImpurities.Components.COMMON, 3, 0);
        assertFalse(so.extendsIntoLeads());
        assertFalse(so.hasOnsite());
        assertEquals("spin-orbit", so.name());
        Lattice lattice = Lattice.square(4, 3);
        assertEquals(0, so.potential(lattice.site(-1), 2), 0.0);
        TightBindingSystem sys = RandomModels.build(lattice, List.of(new Hopping(1), so), true);
        for (Bond b : lattice.leadBonds(org.spintorque.lattice.LeadSide.LEFT)) {
            assertEquals(0, sys.hopping(b, sys.termIndex("spin-orbit")).maxAbs(), 0.0);
        }
        assertEquals(SpinOrbitImpurities.Components.COMMON, SpinOrbitImpurities.Components.parse(" Common"));
        assertEquals(SpinOrbitImpurities.Distribution.BOX, SpinOrbitImpurities.Distribution.parse("box"));
    }

    @Test
    void badInputIsRejected() {
        var three = SpinOrbitImpurities.Components.THREE;
        assertThrows(IllegalArgumentException.class, () -> new SpinOrbitImpurities(-0.01, 1, three, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new SpinOrbitImpurities(1.01, 1, three, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new SpinOrbitImpurities(0.5, -1, three, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new SpinOrbitImpurities(0.5, Double.NaN, three, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new SpinOrbitImpurities(0.5, 1, null, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> SpinOrbitImpurities.Components.parse("two"));
        assertThrows(IllegalArgumentException.class, () -> SpinOrbitImpurities.Distribution.parse("gauss"));
        assertThrows(IllegalStateException.class, () -> linear(1, new double[3][3]).isImpurity(0));
    }
}
