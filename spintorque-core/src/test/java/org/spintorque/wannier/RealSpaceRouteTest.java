package org.spintorque.wannier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.spintorque.linalg.ComplexMatrix;
import org.spintorque.linalg.LinearAlgebras;
import org.spintorque.texture.DomainWallTexture;
import org.spintorque.texture.Vector3;

/** The inputs of eq. (29) taken from a model, and the spin-flip impurities of the real-space route. */
class RealSpaceRouteTest {
    /**
     * For the one-orbital s-d model eq. (29) from the model is the paper's: M at E_F is M, and the golden rule is
     * {@code (4 pi/3) w_sf (nu_+ + nu_-)} with the Lorentzian-broadened DOS of both spins.
     */
    @Test
    void exchangeAndDensityOfStatesOfTheSdModel() {
        double m = 0.6;
        double ef = -1.7;
        ComplexMatrix a = RealSpaceRoute.localSpectral(KuboConductivityTest.cubic(m), ef);
        assertEquals(m, SpinFlipGoldenRule.exchange(a, KuboConductivityTest.cubic(m).spinParts().exchange()
                .hopping(0, 0, 0), Vector3.Z), 1e-12);
        int n = 24;
        double eta = 0.05;
        double nu = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                for (int k = 0; k < n; k++) {
                    double eps = -2 * KuboConductivityTest.T * (Math.cos(2 * Math.PI * (i + 0.5) / n)
                            + Math.cos(2 * Math.PI * (j + 0.5) / n) + Math.cos(2 * Math.PI * (k + 0.5) / n));
                    for (double e : new double[] {eps - m, eps + m}) {
                        nu += eta / Math.PI / ((ef - e) * (ef - e) + eta * eta);
                    }
                }
            }
        }
        nu /= n * n * n;
        assertEquals(nu, a.trace()[0], 1e-10);
        double wsf = 0.09;
        assertEquals(4 * Math.PI / 3 * wsf * nu, SpinFlipGoldenRule.rate(a, Vector3.Z, wsf), 1e-10 * nu);
    }

    /**
     * The source of a spin-flip impurity v_s S.Sigma on a site is {@code 2 v_s (S x s)} (eq. (9)), s the spin
     * density summed over the site's orbitals; the disordered Fe slab stays stationary.
     */
    @Test
    void spinFlipImpuritySourceIsTheTorqueOfEquationNine() {
        CrystalWire wire = new CrystalWire(CrystalWireTest.fe(), 1, 1, CrystalWire.Boundary.PERIODIC, 0);
        CrystalWireTorque.Disorder d = new CrystalWireTorque.Disorder(0.3, 0.5, 0.2, 2, 7);
        CrystalWire.OnsiteDisorder dis = CrystalWireTorque.disorder(wire, d, 1);
        int length = 1;
        CrystalWireSolution s = CrystalWireSolution.solve(wire, length,
                wire.directions(length, new DomainWallTexture(2, 2, DomainWallTexture.WallType.NEEL, 0)), dis,
                12.6312, new double[][] {{0.1, 0.3}}, LinearAlgebras.best(), null);
        assertTrue(s.continuityResidual() <= 1e-9, "stationarity " + s.continuityResidual());
        int impurities = 0;
        double worst = 0;
        double scale = 0;
        for (int i = 0; i < wire.sitesPerLayer(); i++) {
            ComplexMatrix h = dis.onsite(0, i, Vector3.Z);
            Vector3 sImp = new Vector3(h.re(0, 1), -h.im(0, 1), 0.5 * (h.re(0, 0) - h.re(1, 1)));
            impurities += sImp.norm() > 0 ? 1 : 0;
            assertTrue(sImp.norm() == 0 || Math.abs(sImp.norm() - 0.3) < 1e-12, "|v_s S| = " + sImp.norm());
            double[] sd = s.density(0, i);
            Vector3 expected = sImp.cross(new Vector3(sd[1], sd[2], sd[3])).times(2);
            double[] src = s.source(3, 0, i);
            worst = Math.max(worst, expected.maxAbsDifference(new Vector3(src[1], src[2], src[3])));
            scale = Math.max(scale, expected.norm());
        }
        assertTrue(impurities > 0 && impurities < wire.sitesPerLayer(), impurities + " impurities of "
                + wire.sitesPerLayer() + " sites at concentration 0.5");
        assertTrue(scale > 0, "the impurities exert a torque");
        assertTrue(worst <= 1e-10 * scale, "source vs 2 v_s S x s: " + worst + " of " + scale);
    }
}
