package org.spintorque.observables;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.spintorque.hamiltonian.Hopping;
import org.spintorque.hamiltonian.ModelBuilder;
import org.spintorque.hamiltonian.Pauli;
import org.spintorque.hamiltonian.TightBindingSystem;
import org.spintorque.lattice.Lattice;
import org.spintorque.linalg.ComplexMatrix;
import org.spintorque.texture.Vector3;

/**
 * A plane wave psi_x = e^{ikx} chi (one particle per site) on a chain with hopping -t: the particle current
 * is the group velocity dE/dk = 2t sin k of the band E = -2t cos k (the sign check of physics.md section 3),
 * and for a spinor chi polarized along u the spin current is that current times u.
 */
class PlaneWaveTest {
    static LongStream seeds() {
        return LongStream.range(1, 9);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void currentIsGroupVelocityAndSpinCurrentFollowsTheSpin(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int length = 10;
        int orbitals = 1 + rnd.nextInt(2);
        int orbital = rnd.nextInt(orbitals);
        double t = rnd.nextDouble(0.3, 2);
        double k = rnd.nextDouble(-Math.PI, Math.PI);
        Vector3 u = RandomModels.randomUnitVector(rnd);
        Lattice lattice = Lattice.chain(length).withOrbitals(orbitals);
        TightBindingSystem sys = new ModelBuilder(lattice).leads(rnd.nextBoolean()).add(new Hopping(t)).build();

        // chi chi^dagger = (1 + u . sigma)/2 in the chosen orbital
        ComplexMatrix spin = Pauli.spinBlock(1, 0.5, 0, u.x() / 2, 0, u.y() / 2, 0, u.z() / 2, 0);
        int bs = 2 * orbitals;
        DensityMatrix rho = new DensityMatrix() {
            ComplexMatrix block(int i, int j) {
                // rho_ij = psi_i psi_j^* = e^{ik(x_i - x_j)} chi chi^dagger
                double ph = k * (lattice.x(i) - lattice.x(j));
                ComplexMatrix m = new ComplexMatrix(bs, bs);
                m.setBlock(2 * orbital, 2 * orbital, spin.scale(Math.cos(ph), Math.sin(ph)));
                return m;
            }

            @Override
            public ComplexMatrix site(int i) {
                return block(i, i);
            }

            @Override
            public ComplexMatrix bond(int i, int j) {
                return block(i, j);
            }
        };
        ObservableField f = new SpinContinuity(sys).evaluate(rho);
        double v = 2 * t * Math.sin(k);
        for (int b = 0; b < f.bonds().count(); b++) {
            assertEquals(v, f.bonds().chargeCurrent(b), 1e-14);
            assertEquals(0, f.bonds().spinCurrent(b).maxAbsDifference(u.times(v)), 1e-14);
            assertEquals(0, f.bonds().hoppingSource(b).norm(), 1e-15);
        }
        for (int i = 0; i < length; i++) {
            assertEquals(1, f.sites().density(i), 1e-15);
            assertEquals(0, f.sites().spin(i).maxAbsDifference(u), 1e-15);
            boolean interior = sys.hasLeads() || (i > 0 && i < length - 1);
            if (interior) {
                assertEquals(0, f.sites().spinRate(i).norm(), 1e-14);
                assertEquals(0, f.sites().chargeRate(i), 1e-14);
            }
        }
        if (!sys.hasLeads()) {
            // a closed chain: the current piles up at the ends, dn/dt = +-v
            assertEquals(v, f.sites().chargeRate(length - 1), 1e-14);
            assertEquals(-v, f.sites().chargeRate(0), 1e-14);
        }
    }
}
