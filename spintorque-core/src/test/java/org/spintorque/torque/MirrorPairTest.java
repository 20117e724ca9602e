package org.spintorque.torque;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.spintorque.config.ConfigReader;
import org.spintorque.disorder.MirrorImage;
import org.spintorque.disorder.SpinFlipImpurities;
import org.spintorque.ensemble.Sample;
import org.spintorque.hamiltonian.HamiltonianTerm;
import org.spintorque.lattice.Lattice;
import org.spintorque.lattice.Site;
import org.spintorque.linalg.LinearAlgebras;

/**
 * Mirror pairs (antithetic variates): a realization averaged with its mirror image (random values negated)
 * keeps only the even orders of the disorder, so the pair's relaxation torque scales as v_s^2 while a single
 * realization's is dominated by a first-order part linear in v_s.
 */
class MirrorPairTest {
    static LatticeRunParameters params(double vs, String pairing) {
        return LatticeRunParameters.fromInput(new ConfigReader(LatticeRunParameters.schema()).read(null, Arrays.asList(
                "lattice.kind=square", "lattice.length=24", "lattice.width=3", "model.exchange=0.5",
                "texture.width=4", "transport.energy=-1.2", "disorder.spin_flip.concentration=0.3",
                "disorder.spin_flip.strength=" + vs, "disorder.pairing=" + pairing, "disorder.seed=11")));
    }

    @Test
    void mirrorImageNegatesEveryBlock() {
        SpinFlipImpurities d = new SpinFlipImpurities(0.5, 0.3, 1.0, 3, 2);
        HamiltonianTerm m = new MirrorImage(d);
        Lattice lat = Lattice.square(6, 3);
        int impurities = 0;
        for (int i = 0; i < lat.siteCount(); i++) {
            Site s = lat.site(i);
            if (d.onsite(s) == null) {
                continue;
            }
            impurities++;
            assertEquals(0, d.onsite(s).plus(m.onsite(s)).maxAbs(), 0);
        }
        assertTrue(impurities > 0);
        assertEquals(d.name(), m.name());
    }

    /**
     * c_n of the relaxation source at v_s and v_s/2: the pair mean (even part) scales as v_s^2 (ratio 4), the
     * difference between a single solve and the pair (odd part) as v_s (ratio 2).
     */
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2})
    void pairsKeepOnlyTheEvenOrders(int realization) {
        double v = 0.002;
        double even = sourceCn(v, realization, true);
        double evenHalf = sourceCn(v / 2, realization, true);
        double odd = sourceCn(v, realization, false) - even;
        double oddHalf = sourceCn(v / 2, realization, false) - evenHalf;
        assertEquals(4, even / evenHalf, 0.02, "even part");
        assertEquals(2, odd / oddHalf, 0.02, "odd part");
    }

    static double sourceCn(double vs, int r, boolean mirror) {
        LatticeRunParameters p = params(vs, mirror ? "mirror" : "none");
        var la = LinearAlgebras.best();
        Sample s = TorqueRun.realization(p, r, false, -1.2, la);
        if (mirror) {
            s = Sample.pairMean(s, TorqueRun.realization(p, r, true, -1.2, la));
        }
        return s.scalar("c_n[source_spin-flip]");
    }
}
