package org.spintorque.torque;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.spintorque.config.ConfigReader;
import org.spintorque.config.InputException;
import org.spintorque.output.ProgressListener;

/** The torque engine end to end on small systems, checked against physical identities (physics.md 8). */
class TorqueRunTest {
    static TorqueRun run(String... settings) {
        return TorqueRun.run(new ConfigReader(LatticeRunParameters.schema()).read(null, Arrays.asList(settings)),
                ProgressListener.NONE);
    }

    static String[] strip(String... more) {
        List<String> s = new ArrayList<>(List.of("lattice.kind=square", "lattice.length=40", "lattice.width=5",
                "model.exchange=0.5", "texture.width=4", "transport.energy=-1.7"));
        s.addAll(List.of(more));
        return s.toArray(new String[0]);
    }

    /** Stationarity, direct = continuity route, current conservation, J = T/2pi, in every kind of system. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "lattice.kind=chain;lattice.length=30;model.exchange=1.0;transport.energy=-2.2;texture.width=3",
        "lattice.kind=square;lattice.length=30;lattice.width=4;model.exchange=0.5;transport.energy=-1.5",
        "lattice.kind=square;lattice.length=24;lattice.width=4;model.exchange=0.5;model.rashba=0.2;transport.energy=-1.5",
        "lattice.kind=cubic;lattice.length=16;lattice.width=3;lattice.height=2;model.exchange=0.7;transport.energy=-3.1;texture.type=bloch",
        "lattice.kind=square;lattice.length=20;lattice.width=3;model.exchange=0.5;model.orbitals=2;transport.energy=-1.5;texture.kind=spiral;texture.q=0.3",
        "lattice.kind=square;lattice.length=20;lattice.width=3;model.exchange=0.5;transport.energy=-1.5;transport.injection=left",
    })
    void continuityAndConservationHoldEverywhere(String settings) {
        TorqueReport r = run(settings.split(";")).reports().get(0);
        assertTrue(r.continuityResidual() <= 1e-9, "ds/dt residual " + r.continuityResidual());
        assertTrue(r.routeDifference() <= 1e-9, "direct - continuity " + r.routeDifference());
        assertTrue(r.currentNonConservation() <= 1e-9, "current not conserved: " + r.currentNonConservation());
        assertEquals(r.solution().transmissionLR() / (2 * Math.PI), r.current(), 1e-10 * r.current());
        assertEquals(r.solution().transmissionLR(), r.solution().transmissionRL(), 1e-10);
    }

    /**
     * A uniform ferromagnetic strip: no torque anywhere, and the spin-current polarization equals
     * (N_up - N_dn)/(N_up + N_dn), the open-channel counts of the two spin bands (each channel transmits
     * perfectly), counted here from the transverse modes of the strip.
     */
    @ParameterizedTest
    @CsvSource({"5, -1.7, 0.5", "6, -2.5, 0.8", "4, 0.3, 0.4"})
    void uniformStripHasNoTorqueAndModeCountPolarization(int width, double energy, double m) {
        TorqueReport r = run("lattice.kind=square", "lattice.length=12", "lattice.width=" + width,
                "model.exchange=" + m, "texture.kind=uniform", "texture.direction=0,0,1",
                "transport.energy=" + energy).reports().get(0);
        int up = 0;
        int dn = 0;
        for (int q = 1; q <= width; q++) {
            double transverse = -2 * Math.cos(Math.PI * q / (width + 1));
            up += Math.abs(energy + m - transverse) < 2 ? 1 : 0; // majority band eps_k - M
            dn += Math.abs(energy - m - transverse) < 2 ? 1 : 0;
        }
        assertEquals(up + dn, r.solution().transmissionLR(), 1e-9);
        // spin-resolved transmission: up -> up = majority channels, down -> down = minority, no flips,
        // and the spin-current polarization equals (T_up - T_dn)/(T_up + T_dn)
        var sr = r.solution().spinResolved();
        assertTrue(sr.conserved());
        var upS = org.spintorque.transport.SpinResolvedTransmission.Spin.UP;
        var dnS = org.spintorque.transport.SpinResolvedTransmission.Spin.DOWN;
        assertEquals(up, sr.transmission(upS, upS), 1e-9);
        assertEquals(dn, sr.transmission(dnS, dnS), 1e-9);
        assertEquals(0, sr.spinFlip(), 1e-9);
        assertEquals(sr.incomingPolarization().getAsDouble(), r.polarizationLeft(), 1e-9);
        assertEquals((double) (up - dn) / (up + dn), r.polarizationLeft(), 1e-9);
        assertEquals((double) (up - dn) / (up + dn), r.polarizationRight(), 1e-9);
        double maxTorque = 0;
        for (double[] t : r.torqueProfile()) {
            maxTorque = Math.max(maxTorque, Math.abs(t[0]) + Math.abs(t[1]) + Math.abs(t[2]));
        }
        assertTrue(maxTorque < 1e-12, "torque in a uniform magnet: " + maxTorque);
        assertNull(r.fit());
    }

    /** Integrated torque across a wall = spin current in from the left minus spin current out to the right. */
    @Test
    void integratedTorqueEqualsChangeOfSpinCurrent() {
        TorqueReport r = run(strip()).reports().get(0);
        double[] total = new double[3];
        for (double[] t : r.torqueProfile()) {
            for (int a = 0; a < 3; a++) {
                total[a] += t[a];
            }
        }
        // no relaxation source: the torque is -div j_s, whose sum telescopes to j_s(in) - j_s(out)
        for (int a = 0; a < 3; a++) {
            double expected = r.spinCurrentLeft().component(a) - r.spinCurrentRight().component(a);
            assertEquals(expected, total[a], 1e-10 * r.current(), "component " + a);
        }
        // and along z that is the polarized current of both leads: P_l J + P_r J (n_z = +1 left, -1 right)
        assertEquals(r.current() * (r.polarizationLeft() + r.polarizationRight()), total[2], 1e-3 * r.current());
    }

    /**
     * Adiabatic limit: for a wide wall in a clean strip the torque is the adiabatic one, c_a = -P J with the P
     * measured independently in the leads, and beta = c_n/c_a tends to zero as the wall widens.
     */
    @Test
    void wideWallIsAdiabatic() {
        double prevBeta = Double.POSITIVE_INFINITY;
        for (double w : new double[] {2, 4, 8}) {
            TorqueReport r = run(strip("texture.width=" + w, "lattice.length=" + (int) (12 * w))).reports().get(0);
            double p = r.polarizationLeft();
            assertEquals(-p * r.current(), r.fit().ca(), 0.02 * Math.abs(p * r.current()), "w = " + w);
            assertTrue(Math.abs(r.fit().beta()) < prevBeta, "beta does not fall with the width at w = " + w);
            prevBeta = Math.abs(r.fit().beta());
        }
        assertTrue(prevBeta < 1e-3, "beta at w = 8: " + prevBeta);
    }

    /**
     * Gauge (global spin rotation) invariance: rotating the plane of the wall about z (phi) or turning a Neel
     * wall into a Bloch wall changes no scalar: transmission, c_a, c_n and P are the same.
     */
    @Test
    void globalSpinRotationChangesNoScalar() {
        TorqueReport a = run(strip()).reports().get(0);
        TorqueReport b = run(strip("texture.phi=0.7")).reports().get(0);
        TorqueReport c = run(strip("texture.type=bloch")).reports().get(0);
        for (TorqueReport o : List.of(b, c)) {
            assertEquals(a.solution().transmissionLR(), o.solution().transmissionLR(), 1e-10);
            assertEquals(a.fit().ca(), o.fit().ca(), 1e-10);
            assertEquals(a.fit().cn(), o.fit().cn(), 1e-10);
            assertEquals(a.polarizationLeft(), o.polarizationLeft(), 1e-10);
        }
    }

    /**
     * A sharp 180-degree wall in a chain (n = +z up to site 9, -z from site 10): spin along z is conserved, a
     * majority electron on the left is a minority one on the right, so each spin crosses a potential step
     * of height 2M. For the chain -t on every bond and on-site V_L, V_R, the wave e^{ik1 j} + r e^{-ik1 j}
     * (j <= 0), tau e^{ik2 j} (j >= 1) solves both site equations when 1 + r = tau and
     * e^{ik1} + r e^{-ik1} = tau e^{ik2}, so tau = 2i sin k1 / (e^{ik2} - e^{-ik1}) and
     * T = |tau|^2 sin k2 / sin k1 = 4 sin k1 sin k2 / |e^{i(k1+k2)} - 1|^2, the same for both spins.
     */
    @ParameterizedTest
    @CsvSource({"-1.0, 0.5", "0.3, 0.7", "-0.2, 1.1"})
    void sharpWallInAChainIsTheLatticeStep(double e, double m) {
        TorqueReport r = run("lattice.kind=chain", "lattice.length=20", "model.exchange=" + m,
                "texture.width=1e-9", "texture.center=9.5", "transport.energy=" + e).reports().get(0);
        double k1 = Math.acos(-(e + m) / 2); // majority: -2 cos k - M = E
        double k2 = Math.acos(-(e - m) / 2); // minority: -2 cos k + M = E
        double re = Math.cos(k1 + k2) - 1;
        double im = Math.sin(k1 + k2);
        double step = 4 * Math.sin(k1) * Math.sin(k2) / (re * re + im * im);
        assertEquals(2 * step, r.solution().transmissionLR(), 1e-12);
    }

    @org.junit.jupiter.api.io.TempDir
    java.nio.file.Path tmp;

    static TorqueRun disordered(java.nio.file.Path dir, boolean resume, String... more) {
        List<String> s = new ArrayList<>(List.of(strip("lattice.length=20", "lattice.width=3")));
        s.addAll(List.of("disorder.seed=11", "disorder.spin_flip.concentration=0.2", "disorder.spin_flip.strength=0.4",
                "disorder.spin_orbit.concentration=0.1", "disorder.spin_orbit.strength=0.2",
                "disorder.anderson.strength=0.5"));
        s.addAll(List.of(more));
        return TorqueRun.run(new ConfigReader(LatticeRunParameters.schema()).read(null, s), ProgressListener.NONE, dir,
                resume);
    }

    /**
     * With every disorder term, each realization is still stationary and conserves current; the ensemble is a
     * pure function of the seed, and an ensemble resumed after 2 of 4 realizations equals an uninterrupted one.
     */
    @Test
    void disorderEnsembleIsStationaryReproducibleAndResumable() {
        TorqueRun whole = disordered(tmp.resolve("a"), false, "disorder.realizations=4");
        var en = whole.ensembles().get(0);
        assertEquals(4, en.realizations());
        assertTrue(en.scalar("max_continuity_residual").mean() <= 1e-9);
        TorqueReport r0 = whole.reports().get(0);
        assertTrue(r0.continuityResidual() <= 1e-9 && r0.currentNonConservation() <= 1e-9);
        disordered(tmp.resolve("b"), false, "disorder.realizations=2");
        TorqueRun resumed = disordered(tmp.resolve("b"), true, "disorder.realizations=4");
        assertEquals(en.scalar("c_n").mean(), resumed.ensembles().get(0).scalar("c_n").mean(), 0);
        assertEquals(en.scalar("c_a").standardError(), resumed.ensembles().get(0).scalar("c_a").standardError(), 0);
        TorqueRun other = disordered(tmp.resolve("c"), false, "disorder.realizations=4", "disorder.seed=12");
        assertTrue(other.ensembles().get(0).scalar("c_n").mean() != en.scalar("c_n").mean(), "seed has no effect");
    }

    @Test
    void closedChannelIsAClearError() {
        InputException e = assertThrows(InputException.class, () -> run("lattice.kind=chain", "lattice.length=10",
                "model.exchange=0.5", "transport.energy=-3.0"));
        assertTrue(e.getMessage().contains("transport.energy") && e.getMessage().contains("no open channel"),
                e.getMessage());
    }

    @Test
    void badLatticeInputIsNamed() {
        InputException e = assertThrows(InputException.class, () -> run("lattice.kind=chain", "lattice.length=10",
                "lattice.width=3", "model.exchange=0.5", "transport.energy=-1"));
        assertTrue(e.getMessage().contains("lattice.kind"), e.getMessage());
        e = assertThrows(InputException.class, () -> run("lattice.kind=chain", "lattice.length=2.5",
                "model.exchange=0.5", "transport.energy=-1"));
        assertTrue(e.getMessage().contains("lattice.length"), e.getMessage());
        e = assertThrows(InputException.class, () -> run("lattice.kind=chain", "lattice.length=10",
                "model.exchange=0.5", "transport.energy=-1", "texture.kind=ovf", "texture.file=/nonexistent.ovf"));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }
}
