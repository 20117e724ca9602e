package org.spintorque.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.spintorque.hamiltonian.Exchange;
import org.spintorque.hamiltonian.Hopping;
import org.spintorque.hamiltonian.ModelBuilder;
import org.spintorque.hamiltonian.Rashba;
import org.spintorque.hamiltonian.TightBindingSystem;
import org.spintorque.lattice.Lattice;
import org.spintorque.linalg.JavaLinearAlgebra;
import org.spintorque.texture.DomainWallTexture;
import org.spintorque.torque.TorqueCalculation;

/** A block formed alone equals the same block of the whole cell density matrix, for both injections. */
class DensityBlockTest {
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void blockEqualsBlockOfWholeDensity(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        TightBindingSystem sys = new ModelBuilder(Lattice.square(6, 3)).add(new Hopping(1))
                .add(new Exchange(0.6, new DomainWallTexture(2.5, 1.5, DomainWallTexture.WallType.NEEL)))
                .add(new Rashba(0.2)).build();
        RecursiveGreenFunction rgf = new RecursiveGreenFunction(TorqueCalculation.openSystem(sys),
                -1.3 + 0.2 * rnd.nextDouble(), JavaLinearAlgebra.INSTANCE);
        rgf.sweep(cell -> {
            for (Injection inj : Injection.values()) {
                int n = cell.density(inj).rows();
                int r0 = rnd.nextInt(n - 1);
                int c0 = rnd.nextInt(n - 1);
                int nr = 1 + rnd.nextInt(n - r0);
                int nc = 1 + rnd.nextInt(n - c0);
                double scale = cell.density(inj).maxAbs();
                assertEquals(0, cell.densityBlock(inj, false, r0, nr, c0, nc)
                        .maxAbsDifference(cell.density(inj).block(r0, c0, nr, nc)), 1e-14 * scale);
                if (cell.hasNext()) {
                    assertEquals(0, cell.densityBlock(inj, true, r0, nr, c0, nc)
                            .maxAbsDifference(cell.bondDensity(inj).block(r0, c0, nr, nc)), 1e-14 * scale);
                }
            }
        });
    }
}
