package org.spintorque.relaxation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.spintorque.config.ConfigReader;
import org.spintorque.disorder.SpinOrbitImpurities;
import org.spintorque.lattice.LatticeKind;
import org.spintorque.torque.LatticeRunParameters;
import org.spintorque.torque.LatticeSpinFlipTheory;

/** The entry point from a run's parameters, and the definitions of the lifetimes and betas. */
class LatticeRelaxationTheoryTest {

    private static LatticeRunParameters params(String... extra) {
        List<String> set = new ArrayList<>(List.of("lattice.kind=square", "lattice.length=10", "lattice.width=4",
                "model.exchange=0.5", "transport.energy=-2.5", "disorder.spin_flip.concentration=0.1",
                "disorder.spin_flip.strength=0.3", "disorder.spin_orbit.concentration=0.1",
                "disorder.spin_orbit.strength=0.3", "disorder.anderson.strength=0.5"));
        set.addAll(List.of(extra));
        return LatticeRunParameters.fromInput(new ConfigReader(LatticeRunParameters.schema()).read(null, set));
    }

    @Test
    void runParametersGiveTheLeadAndTheDisorderOfTheRun() {
        LatticeRunParameters p = params("model.onsite=0.2");
        UniformLead lead = UniformLead.of(p);
        assertEquals(new UniformLead(LatticeKind.SQUARE, 4, 1, 1.0, 0.2, 0.5), lead);
        LatticeRelaxationTheory r = LatticeRelaxationTheory.of(p, -2.3);
        assertEquals(3, r.rates().terms().size());
        assertEquals(LatticeSpinFlipTheory.densityOfStates(-2.3 - 0.2 + 0.5, 1.0, 4, 1), r.nuUp(), 1e-15);
        assertEquals(LatticeSpinFlipTheory.betaEq29(-2.3, 0.2, 1.0, 0.5, 4, 1, 0.1, 0.3, 1.0), r.betaEq29Dos(), 0);
        // every rate adds up: 1/tau_s is the DOS average of the sum of the terms
        double sum = 0;
        double w = 0;
        for (int c = 0; c < r.rates().channels().size(); c++) {
            LeadChannel ch = r.rates().channels().get(c);
            if (ch.spin() > 0) {
                for (int k = 0; k < 3; k++) {
                    sum += r.rates().rate(k, c, GoldenRule.Part.ALL) / ch.velocity();
                }
                w += 1 / ch.velocity();
            }
        }
        assertEquals(sum / w, 1 / r.tauUp(), 1e-14);
    }

    /** Eq. (40) on the lattice: (1/2M) (sum_+ Gamma^so - sum_- Gamma^so)/(N_+ - N_-), undefined for N_+ = N_-. */
    @Test
    void betaEq40IsTheChannelSumAndUndefinedWithoutPolarization() {
        LatticeRelaxationTheory r = LatticeRelaxationTheory.of(params(), -2.5);
        assertEquals(2, r.channelsUp());
        assertEquals(1, r.channelsDn());
        int so = r.rates().termIndex(SpinOrbitImpurities.NAME);
        double up = 0;
        double dn = 0;
        for (int c = 0; c < r.rates().channels().size(); c++) {
            double g = r.rates().rate(so, c, GoldenRule.Part.ALL);
            if (r.rates().channels().get(c).spin() > 0) {
                up += g;
            } else {
                dn += g;
            }
        }
        assertEquals((up - dn) / (2 * 0.5 * (2 - 1)), r.betaEq40(), 1e-15);
        // as many majority as minority channels (M = 0.05, E = -1.9): undefined, with the reason
        LatticeRelaxationTheory same = LatticeRelaxationTheory.of(params("model.exchange=0.05"), -1.9);
        assertEquals(same.channelsUp(), same.channelsDn());
        assertNull(same.betaEq40());
        assertTrue(same.notes().stream().anyMatch(n -> n.contains("beta_eq40 is undefined")), same.notes().toString());
    }

    /** On a square lattice the spin-orbit term is sigma^z only: it never flips spin along z; on a cubic wire it does. */
    @Test
    void spinOrbitFlipsOnlyInThreeDimensions() {
        LatticeRelaxationTheory strip = LatticeRelaxationTheory.of(params(), -2.5);
        int so = strip.rates().termIndex(SpinOrbitImpurities.NAME);
        for (int c = 0; c < strip.rates().channels().size(); c++) {
            assertEquals(0, strip.rates().rate(so, c, GoldenRule.Part.SPIN_FLIP));
            assertTrue(strip.rates().rate(so, c, GoldenRule.Part.SPIN_CONSERVING) > 0);
        }
        LatticeRelaxationTheory wire = LatticeRelaxationTheory.of(params("lattice.kind=cubic", "lattice.width=3",
                "lattice.height=3"), -3.5);
        int so3 = wire.rates().termIndex(SpinOrbitImpurities.NAME);
        assertNotNull(wire.tauSoUp());
        for (int c = 0; c < wire.rates().channels().size(); c++) {
            assertTrue(wire.rates().rate(so3, c, GoldenRule.Part.SPIN_FLIP) > 0, "channel " + c);
        }
    }

    @Test
    void modelsOutsideTheClassAreRefusedWithTheReason() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> UniformLead.of(params("model.rashba=0.1")));
        assertTrue(e.getMessage().contains("Rashba"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> UniformLead.of(params("model.orbitals=2")));
    }
}
