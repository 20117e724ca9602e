package org.spintorque.wannier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.spintorque.hamiltonian.Exchange;
import org.spintorque.hamiltonian.Hopping;
import org.spintorque.hamiltonian.ModelBuilder;
import org.spintorque.hamiltonian.TightBindingSystem;
import org.spintorque.lattice.Lattice;
import org.spintorque.linalg.LinearAlgebras;
import org.spintorque.observables.SiteObservables;
import org.spintorque.texture.DomainWallTexture;
import org.spintorque.texture.Texture;
import org.spintorque.texture.UniformTexture;
import org.spintorque.texture.Vector3;
import org.spintorque.torque.EnergySolution;

/**
 * The crystal wire (principal layers from a Wannier model): site-by-site agreement with the built-in s-d model
 * for a one-orbital cubic model, and for bcc Fe with its full hopping range the stationarity of the
 * current-driven state, direct = continuity route, current conservation and the inversion symmetry of bulk Fe.
 */
class CrystalWireTest {
    static WannierModel fe() {
        Path d = Path.of("..", "examples", "materials", "fe-bcc-qe");
        return WannierReader.read(WannierReader.Files.single(d.resolve("Fe_hr.dat.gz"), d.resolve("Fe_wsvec.dat.gz"),
                d.resolve("Fe_centres.xyz"), d.resolve("Fe.win")));
    }

    @ParameterizedTest
    @CsvSource({"6, 2, 2, 0.7, -3.1, 1.5", "8, 3, 1, 0.5, -1.5, 2.0"})
    void oneOrbitalModelGivesTheTorquesOfTheBuiltInSdModel(int length, int ny, int nz, double m, double energy,
                                                           double wall) {
        Lattice lat = Lattice.cubic(length, ny, nz);
        Texture tex = new DomainWallTexture((length - 1) / 2.0, wall, DomainWallTexture.WallType.NEEL, 0);
        TightBindingSystem builtIn = new ModelBuilder(lat).add(new Hopping(1.0)).add(new Exchange(m, tex)).build();
        EnergySolution s1 = WannierTermsTest.solve(builtIn, energy);
        SiteObservables o1 = s1.field().sites();

        CrystalWire wire = new CrystalWire(KuboConductivityTest.cubic(m), ny, nz, CrystalWire.Boundary.OPEN, 0);
        assertEquals(1, wire.layerCells());
        assertEquals(ny * nz, wire.sitesPerLayer());
        CrystalWireSolution s2 = CrystalWireSolution.solve(wire, length, wire.directions(length, tex), null, energy,
                new double[][] {{0, 0}}, LinearAlgebras.best(), null);
        assertEquals(s1.transmissionLR(), s2.transmission(), 1e-10);
        double worst = 0;
        double scale = 0;
        for (int l = 0; l < length; l++) {
            for (int i = 0; i < wire.sitesPerLayer(); i++) {
                double[] p = wire.textureCoordinates(l, i);
                int k = lat.index((int) Math.round(p[0]), (int) Math.round(p[1]), (int) Math.round(p[2]));
                worst = Math.max(worst, o1.torqueContinuity(k).maxAbsDifference(s2.torqueContinuity(l, i)));
                worst = Math.max(worst, o1.torqueDirect(k).maxAbsDifference(s2.torqueDirect(l, i)));
                double[] s = s2.density(l, i);
                worst = Math.max(worst, o1.spin(k).maxAbsDifference(new Vector3(s[1], s[2], s[3])));
                scale = Math.max(scale, o1.torqueDirect(k).norm());
            }
        }
        assertTrue(scale > 1e-4, "the wall exerts a torque");
        assertTrue(worst <= 1e-10, "largest difference " + worst);
        // the particle current through every cross-section is T / 2 pi
        for (int c = 0; c <= length; c++) {
            assertEquals(s2.transmission() / (2 * Math.PI), s2.cut(c)[0], 1e-10, "cut " + c);
        }
    }

    @Test
    void feWireIsStationaryAndBothRoutesAgree() {
        WannierModel fe = fe();
        CrystalWire wire = new CrystalWire(fe, 1, 1, CrystalWire.Boundary.PERIODIC, 0);
        assertEquals(4, wire.layerCells(), "the Fe hoppings reach 4 a along x");
        assertEquals(8, wire.sitesPerLayer());
        assertEquals(8, wire.planesPerLayer());
        int length = 2;
        Texture tex = new DomainWallTexture(length * 4 / 2.0, 2.0, DomainWallTexture.WallType.NEEL, 0);
        double ef = 12.6312;
        CrystalWireSolution s = CrystalWireSolution.solve(wire, length, wire.directions(length, tex), null, ef,
                new double[][] {{0.25, 0.25}, {-0.25, 0.25}}, LinearAlgebras.best(), null);
        assertTrue(s.transmission() > 0.5, "open channels: T = " + s.transmission());
        assertTrue(s.continuityResidual() <= 1e-9, "stationarity residual " + s.continuityResidual());
        double worst = 0;
        double scale = 0;
        for (int l = 0; l < length; l++) {
            for (int i = 0; i < wire.sitesPerLayer(); i++) {
                worst = Math.max(worst, s.torqueDirect(l, i).maxAbsDifference(s.torqueContinuity(l, i)));
                scale = Math.max(scale, s.torqueDirect(l, i).norm());
            }
        }
        assertTrue(scale > 1e-6, "torque " + scale);
        assertTrue(worst <= 1e-9 * scale, "direct vs continuity " + worst + " of " + scale);
        for (int c = 0; c <= length; c++) {
            assertEquals(s.transmission() / (2 * Math.PI), s.cut(c)[0], 1e-9 * s.transmission(), "cut " + c);
        }
    }

    /**
     * A periodic 2 x 2 supercell at transverse Bloch vector k equals the 1 x 1 slab at the four folded vectors
     * (k + q)/2: transmission and torque per plane; the supercell's leads come from the folded components.
     */
    @ParameterizedTest
    @CsvSource({"cubic, 3", "fe, 1"})
    void supercellEqualsTheFoldedSlab(String model, int length) {
        WannierModel m = model.equals("fe") ? fe() : KuboConductivityTest.cubic(0.6);
        double energy = model.equals("fe") ? 12.6312 : -2.2;
        CrystalWire one = new CrystalWire(m, 1, 1, CrystalWire.Boundary.PERIODIC, 0);
        CrystalWire two = new CrystalWire(m, 2, 2, CrystalWire.Boundary.PERIODIC, 0);
        Texture tex = new DomainWallTexture(length * one.layerCells() / 2.0, 1.5, DomainWallTexture.WallType.BLOCH, 0);
        double ky = 0.3;
        double kz = -0.1;
        CrystalWireSolution big = CrystalWireSolution.solve(two, length, two.directions(length, tex), null, energy,
                new double[][] {{ky, kz}}, LinearAlgebras.best(), null);
        double[][] folded = new double[4][];
        for (int q = 0; q < 4; q++) {
            folded[q] = new double[] {(ky + q / 2) / 2, (kz + q % 2) / 2};
        }
        CrystalWireSolution small = CrystalWireSolution.solve(one, length, one.directions(length, tex), null, energy,
                folded, LinearAlgebras.best(), null);
        double scale = big.transmission();
        assertTrue(scale > 0.5, "T = " + scale);
        assertEquals(4 * small.transmission(), big.transmission(), 1e-9 * scale);
        double[][] a = big.perPlane(big::torqueDirect);
        double[][] b = small.perPlane(small::torqueDirect);
        double worst = 0;
        double size = 0;
        for (int p = 0; p < a.length; p++) {
            for (int c = 0; c < 3; c++) {
                worst = Math.max(worst, Math.abs(a[p][c] - 4 * b[p][c]));
                size = Math.max(size, Math.abs(a[p][c]));
            }
        }
        assertTrue(size > 1e-6, "torque " + size);
        assertTrue(worst <= 1e-9 * size, "supercell vs folded slab: " + worst + " of " + size);
        assertTrue(big.continuityResidual() <= 1e-9, "stationarity " + big.continuityResidual());
    }

    /** Realizations and transverse k-points are solved in parallel; the ensemble result does not depend on it. */
    @Test
    void ensembleIsReproducibleBitForBit() {
        CrystalWire wire = new CrystalWire(KuboConductivityTest.cubic(0.6), 2, 1, CrystalWire.Boundary.PERIODIC, 0);
        CrystalWireTorque.Setup s = new CrystalWireTorque.Setup(2, 1, CrystalWire.Boundary.PERIODIC, 2, 12, 3,
                DomainWallTexture.WallType.NEEL, 0, -2.2);
        CrystalWireTorque.Disorder d = new CrystalWireTorque.Disorder(0.4, 0.5, 0.3, 4, 11);
        CrystalWireTorque.Result a = CrystalWireTorque.run(wire, s, d, LinearAlgebras.best(), null);
        CrystalWireTorque.Result b = CrystalWireTorque.run(wire, s, d, LinearAlgebras.best(), null);
        assertEquals(a.beta(), b.beta());
        assertEquals(a.polarization(), b.polarization());
        assertTrue(a.worstResidual() <= 1e-9, "stationarity " + a.worstResidual());
        assertTrue(a.worstRouteDifference() <= 1e-9, "direct vs continuity " + a.worstRouteDifference());
        CrystalWireTorque.Result other = CrystalWireTorque.run(wire, s,
                new CrystalWireTorque.Disorder(0.4, 0.5, 0.3, 4, 12), LinearAlgebras.best(), null);
        assertTrue(other.beta().get("total").mean() != a.beta().get("total").mean(), "another seed, other samples");
    }
}
