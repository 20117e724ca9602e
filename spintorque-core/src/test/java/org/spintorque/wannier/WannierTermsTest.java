package org.spintorque.wannier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.spintorque.hamiltonian.Exchange;
import org.spintorque.hamiltonian.Hopping;
import org.spintorque.hamiltonian.ModelBuilder;
import org.spintorque.hamiltonian.TightBindingSystem;
import org.spintorque.lattice.Lattice;
import org.spintorque.linalg.LinearAlgebras;
import org.spintorque.observables.SiteObservables;
import org.spintorque.observables.SpinContinuity;
import org.spintorque.texture.DomainWallTexture;
import org.spintorque.texture.Texture;
import org.spintorque.torque.EnergySolution;
import org.spintorque.torque.TorqueCalculation;
import org.spintorque.transport.Injection;

/**
 * A one-orbital model written as a Wannier model (collinear, exchange -M sigma^z, hopping -t = -1 to the six
 * nearest cells, {@link KuboConductivityTest#cubic}) gives, on the real-space lattice with a domain wall, the same densities, currents and torques as the
 * built-in s-d model (hopping + exchange), site by site, to 1e-10.
 */
class WannierTermsTest {
    @ParameterizedTest
    @CsvSource({"square, 24, 3, 1, 0.5, -1.5, 3", "cubic, 16, 2, 2, 0.7, -3.1, 2.5", "square, 20, 4, 1, 0.4, -2.5, 1.0"})
    void oneOrbitalWannierModelGivesTheTorquesOfTheSdModel(String kind, int length, int width, int height, double m,
                                                           double energy, double wall) {
        Lattice lat = kind.equals("square") ? Lattice.square(length, width) : Lattice.cubic(length, width, height);
        Texture tex = new DomainWallTexture((length - 1) / 2.0, wall, DomainWallTexture.WallType.NEEL, 0);
        TightBindingSystem builtIn = new ModelBuilder(lat).add(new Hopping(1.0)).add(new Exchange(m, tex)).build();
        ModelBuilder b = new ModelBuilder(lat);
        WannierTerms.of(KuboConductivityTest.cubic(m), lat, tex).forEach(b::add);
        TightBindingSystem wannier = b.build();
        EnergySolution s1 = solve(builtIn, energy);
        EnergySolution s2 = solve(wannier, energy);
        assertEquals(s1.transmissionLR(), s2.transmissionLR(), 1e-10);
        SiteObservables o1 = s1.field().sites();
        SiteObservables o2 = s2.field().sites();
        double worst = 0;
        double scale = 0;
        for (int i = 0; i < o1.siteCount(); i++) {
            for (int c = 0; c < 3; c++) {
                worst = Math.max(worst, Math.abs(o1.torqueContinuity(i).component(c) - o2.torqueContinuity(i).component(c)));
                worst = Math.max(worst, Math.abs(o1.spin(i).component(c) - o2.spin(i).component(c)));
                worst = Math.max(worst, Math.abs(o1.torqueDirect(i).component(c) - o2.torqueDirect(i).component(c)));
                scale = Math.max(scale, Math.abs(o1.torqueContinuity(i).component(c)));
            }
        }
        assertTrue(scale > 1e-4, "the wall exerts a torque");
        assertTrue(worst <= 1e-10, "largest difference " + worst);
    }

    static EnergySolution solve(TightBindingSystem s, double e) {
        return TorqueCalculation.solve(s, TorqueCalculation.openSystem(s), new SpinContinuity(s), e,
                Injection.SYMMETRIC, LinearAlgebras.best());
    }

    @Test
    void longRangeModelsAreSentToTheCrystalWire() {
        Path d = Path.of("..", "examples", "materials", "fe-bcc-qe");
        WannierModel fe = WannierReader.read(WannierReader.Files.single(d.resolve("Fe_hr.dat.gz"),
                d.resolve("Fe_wsvec.dat.gz"), d.resolve("Fe_centres.xyz"), d.resolve("Fe.win")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> WannierTerms.of(fe, Lattice.cubic(4, 2, 2).withOrbitals(fe.orbitals()),
                        new DomainWallTexture(2, 1, DomainWallTexture.WallType.NEEL, 0)));
        assertTrue(e.getMessage().contains("CrystalWire"), e.getMessage());
    }
}
