package org.spintorque.observables;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.spintorque.hamiltonian.CustomTerm;
import org.spintorque.hamiltonian.Exchange;
import org.spintorque.hamiltonian.HamiltonianTerm;
import org.spintorque.hamiltonian.Hopping;
import org.spintorque.hamiltonian.ModelBuilder;
import org.spintorque.hamiltonian.Onsite;
import org.spintorque.hamiltonian.Pauli;
import org.spintorque.hamiltonian.Rashba;
import org.spintorque.hamiltonian.SpinImpurities;
import org.spintorque.hamiltonian.TightBindingSystem;
import org.spintorque.hamiltonian.Zeeman;
import org.spintorque.lattice.Bond;
import org.spintorque.lattice.Lattice;
import org.spintorque.lattice.LatticeKind;
import org.spintorque.lattice.Site;
import org.spintorque.linalg.ComplexMatrix;
import org.spintorque.texture.DomainWallTexture;
import org.spintorque.texture.SkyrmionTexture;
import org.spintorque.texture.SpiralTexture;
import org.spintorque.texture.Texture;
import org.spintorque.texture.UniformTexture;
import org.spintorque.texture.Vector3;
import org.spintorque.texture.VortexTexture;

/** Seeded random Hamiltonians, density matrices and spin rotations for the property tests. */
public final class RandomModels {
    private RandomModels() {
    }

    /** A random complex matrix with entries uniform in the unit square around 0. */
    public static ComplexMatrix randomMatrix(SplittableRandom rnd, int rows, int cols) {
        ComplexMatrix m = new ComplexMatrix(rows, cols);
        for (int j = 0; j < cols; j++) {
            for (int i = 0; i < rows; i++) {
                m.set(i, j, rnd.nextDouble(-1, 1), rnd.nextDouble(-1, 1));
            }
        }
        return m;
    }

    /** A random Hermitian matrix (A + A^dagger)/2. */
    public static ComplexMatrix randomHermitian(SplittableRandom rnd, int n) {
        ComplexMatrix a = randomMatrix(rnd, n, n);
        return a.plus(a.dagger()).scale(0.5, 0);
    }

    public static Vector3 randomUnitVector(SplittableRandom rnd) {
        double cz = rnd.nextDouble(-1, 1);
        double ph = rnd.nextDouble(0, 2 * Math.PI);
        double s = Math.sqrt(1 - cz * cz);
        return new Vector3(s * Math.cos(ph), s * Math.sin(ph), cz);
    }

    /** A random texture of any kind, roughly centered in the sample. */
    public static Texture randomTexture(SplittableRandom rnd, Lattice lattice) {
        double cx = rnd.nextDouble(0, lattice.length());
        double cy = rnd.nextDouble(0, lattice.width());
        return switch (rnd.nextInt(5)) {
            case 0 -> new UniformTexture(randomUnitVector(rnd));
            case 1 -> new DomainWallTexture(cx, rnd.nextDouble(0.5, 3),
                    rnd.nextBoolean() ? DomainWallTexture.WallType.NEEL : DomainWallTexture.WallType.BLOCH,
                    rnd.nextDouble(0, 2 * Math.PI));
            case 2 -> new SpiralTexture(rnd.nextDouble(-1, 1), cx, randomUnitVector(rnd), randomUnitVector(rnd));
            case 3 -> new VortexTexture(cx, cy, rnd.nextDouble(0.5, 2), rnd.nextBoolean() ? 1 : -1,
                    rnd.nextBoolean() ? 1 : -1);
            default -> new SkyrmionTexture(cx, cy, rnd.nextDouble(0.5, 2), rnd.nextDouble(0.3, 1),
                    rnd.nextBoolean() ? 1 : -1, rnd.nextDouble(0, 2 * Math.PI));
        };
    }

    /** A seed that depends only on (seed, a, b): random but pure functions of sites and bonds. */
    static long mix(long seed, long a, long b) {
        long h = seed * 0x9E3779B97F4A7C15L + a * 0xC2B2AE3D27D4EB4FL + b * 0x165667B19E3779F9L;
        h ^= h >>> 29;
        h *= 0xBF58476D1CE4E5B9L;
        return h ^ (h >>> 32);
    }

    /**
     * Every kind of term with random parameters: hopping (plain or with random orbital matrices), exchange with
     * a random texture, Rashba, Zeeman, a region-only random scalar potential, spin-flip impurities, a random
     * spin-dependent Hermitian hopping (region only), and a random Hermitian on-site term depending on (y, z)
     * only, so that it may extend into the leads.
     */
    public static List<HamiltonianTerm> allTerms(SplittableRandom rnd, Lattice lattice) {
        long seed = rnd.nextLong();
        int orb = lattice.orbitals();
        int bs = 2 * orb;
        List<HamiltonianTerm> terms = new ArrayList<>();
        if (orb > 1 && rnd.nextBoolean()) {
            terms.add(Hopping.withOrbitalMatrices("hopping", randomMatrix(rnd, orb, orb), randomMatrix(rnd, orb, orb),
                    randomMatrix(rnd, orb, orb)));
        } else {
            terms.add(new Hopping(rnd.nextDouble(0.5, 1.5)));
        }
        terms.add(new Exchange(rnd.nextDouble(-1, 1), randomTexture(rnd, lattice)));
        terms.add(new Rashba(rnd.nextDouble(-0.5, 0.5)));
        terms.add(new Zeeman(randomUnitVector(rnd).times(rnd.nextDouble(0, 0.5))));
        terms.add(Onsite.of("potential", s -> new SplittableRandom(mix(seed, s.index(), 1)).nextDouble(-1, 1),
                false));
        terms.add(SpinImpurities.random(lattice, 0.5, 1.0, rnd.nextDouble(-1, 1), rnd.nextLong()));
        Function<Bond, ComplexMatrix> spinHop = b -> randomMatrix(
                new SplittableRandom(mix(seed, b.i(), b.j() * 7L + b.direction().ordinal())), bs, bs);
        terms.add(new CustomTerm("random-hopping", null, spinHop, false, false));
        Function<Site, ComplexMatrix> local = s -> randomHermitian(
                new SplittableRandom(mix(seed ^ 0x55, s.indexInSlice(), 3)), bs);
        terms.add(new CustomTerm("local-soc", local, null, true, false));
        return terms;
    }

    public static Lattice lattice(LatticeKind kind, int length, int width, int height, int orbitals) {
        return new Lattice(kind, length, width, height, orbitals);
    }

    public static TightBindingSystem build(Lattice lattice, List<HamiltonianTerm> terms, boolean leads) {
        ModelBuilder b = new ModelBuilder(lattice).leads(leads);
        terms.forEach(b::add);
        return b.build();
    }

    /** A random SU(2) matrix (unit quaternion). */
    public static ComplexMatrix randomSu2(SplittableRandom rnd) {
        double[] q = new double[4];
        double n = 0;
        for (int k = 0; k < 4; k++) {
            q[k] = rnd.nextGaussian();
            n += q[k] * q[k];
        }
        n = Math.sqrt(n);
        // U = q0 - i (q1 sx + q2 sy + q3 sz)
        return Pauli.spinBlock(1, q[0] / n, 0, 0, -q[1] / n, 0, -q[2] / n, 0, -q[3] / n);
    }

    /** The SO(3) matrix of U: U^dagger sigma^a U = sum_b R_ab sigma^b, R_ab = Tr[sigma^b U^dagger sigma^a U]/2. */
    public static double[][] so3(ComplexMatrix u) {
        double[][] r = new double[3][3];
        for (int a = 0; a < 3; a++) {
            ComplexMatrix x = u.dagger().times(Pauli.sigma(a + 1)).times(u);
            for (int b = 0; b < 3; b++) {
                r[a][b] = Pauli.sigma(b + 1).times(x).trace()[0] / 2;
            }
        }
        return r;
    }

    public static Vector3 apply(double[][] r, Vector3 v) {
        return new Vector3(r[0][0] * v.x() + r[0][1] * v.y() + r[0][2] * v.z(),
                r[1][0] * v.x() + r[1][1] * v.y() + r[1][2] * v.z(),
                r[2][0] * v.x() + r[2][1] * v.y() + r[2][2] * v.z());
    }
}
