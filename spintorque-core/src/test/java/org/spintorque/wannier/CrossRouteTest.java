package org.spintorque.wannier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.spintorque.linalg.LinearAlgebras;
import org.spintorque.output.ProgressListener;
import org.spintorque.texture.DomainWallTexture;

/**
 * The adiabatic coefficient of one model by both routes: the one-orbital cubic s-d model (t = 1 eV, a = 2.5
 * Angstrom, M = 1.5 eV, E_F = -3 eV) with Anderson disorder uniform in [-W/2, W/2], w0 = W^2/12 = 1 eV^2 (SCBA
 * broadenings 0.40 and 0.14 eV for the two spins), spin conserving, so the bulk has no beta.
 *
 * <p>k space: the spin-spiral response, SCBA with ladder vertex corrections, P = -c_a/J on 64^3; the difference
 * to 48^3 is its mesh error. The lifetimes are short enough that these meshes converge: on 24^3 with a weaker
 * disorder the sums are off by more than P itself (docs/wannier.md).
 *
 * <p>Real space: a Neel wall of 8 a in the middle of an 80 a region of an 8 x 8 periodic slab (2 x 2 Bloch
 * vectors), 128 realizations. With spin-conserving disorder the spin current through the wall is that of two spin
 * channels, each its contacts and its disordered region in series: c_a = -P_L J with
 * {@code P_L = (T_+ - T_-)/(T_+ + T_-)}, between the bulk P and the polarization of the clean contacts. The
 * Drude resistance of the region is what is left after the resistance of the clean sample (contacts and wall),
 * {@code L / (sigma_s A) = 1/T_s - 1/T_s(clean)}, and the bulk {@code P = (sigma_+ - sigma_-)/(sigma_+ + sigma_-)}
 * follows from the adiabatic coefficient and the transmission ({@link CrystalWireTorque#drudePolarization}).
 */
class CrossRouteTest {
    private static final double M = 1.5;
    private static final double EF = -3;
    private static final double W = Math.sqrt(12);

    @Test
    void realSpaceAndKSpaceGiveTheSameAdiabaticCoefficientWithAndersonDisorder() {
        WannierModel model = KuboConductivityTest.cubic(M);
        SpinSpiralResponse spiral = new SpinSpiralResponse(model, new double[] {1, 0, 0});
        SpinSpiralResponse.Disorder anderson = new SpinSpiralResponse.Disorder(W * W / 12, 0);
        SpinSpiralResponse.Result k = spiral.compute(EF, 0.01, anderson, 64, true, 1e-10, ProgressListener.NONE);
        SpinSpiralResponse.Result coarse = spiral.compute(EF, 0.01, anderson, 48, true, 1e-10,
                ProgressListener.NONE);
        double pk = k.polarization();
        double pkErr = Math.abs(pk - coarse.polarization());

        int ny = 8;
        int length = 80;
        CrystalWire wire = new CrystalWire(model, ny, ny, CrystalWire.Boundary.PERIODIC, 0);
        CrystalWireTorque.Setup setup = new CrystalWireTorque.Setup(ny, ny, CrystalWire.Boundary.PERIODIC, 2, length,
                8, DomainWallTexture.WallType.NEEL, 0, EF);
        CrystalWireTorque.Result clean = CrystalWireTorque.run(wire, setup, new CrystalWireTorque.Disorder(0, 1, 0, 1,
                5), LinearAlgebras.best(), null);
        CrystalWireTorque.Result r = CrystalWireTorque.run(wire, setup, new CrystalWireTorque.Disorder(0, 1, W, 128,
                5), LinearAlgebras.best(), null);
        double t = r.transmission().mean();
        double pl = r.polarization().mean();
        double tc = clean.transmission().mean();
        double pc = clean.leadPolarization().mean();
        CrystalWireTorque.Value drude = CrystalWireTorque.drudePolarization(r, clean);
        double pBulk = drude.mean();
        double pBulkErr = drude.error();
        // Drude conductivities per spin, (e^2/h) per a, against the Kubo ones of the k-space route
        double area = ny * ny;
        double sigmaReal = length / area / (1 / (t * (1 + pl) / 2) - 1 / (tc * (1 + pc) / 2))
                + length / area / (1 / (t * (1 - pl) / 2) - 1 / (tc * (1 - pc) / 2));
        double sigmaK = k.particleCurrent() * 2 * Math.PI / (KuboConductivityTest.A * KuboConductivityTest.A);
        String msg = String.format("P: k space %.4f +- %.4f (48^3: %.4f); real space, bulk %.4f +- %.4f, through "
                + "the wall P_L = %.4f +- %.4f, clean contacts %.4f; sigma real/k = %.3f; real-space beta %.4f +- %.4f "
                + "(finite region, -div j_s)", pk, pkErr, coarse.polarization(), pBulk, pBulkErr, pl,
                r.polarization().error(), pc, sigmaReal / sigmaK, r.beta().get("total").mean(),
                r.beta().get("total").error());
        System.out.println(msg);
        assertTrue(pkErr < 0.01, "k-space mesh error: " + msg);
        assertEquals(0, k.beta(), 1e-10, "spin-conserving disorder, bulk: no beta; " + msg);
        assertTrue(Math.abs(pBulk - pk) <= 3 * Math.hypot(pBulkErr, pkErr), msg);
        // the wall sees the series polarization: between the bulk and the contacts, many errors from both
        assertTrue(pl - pk > 3 * r.polarization().error() && pc - pl > 3 * r.polarization().error(), msg);
    }

    /**
     * beta of spin-flip impurities (w_sf = 0.25 eV^2 on top of the Anderson disorder): the impurity source of the
     * real-space torque, the paper's beta term, against the k-space spiral (where it is all of beta, and equals
     * eq. (29) to 1e-3 on these meshes). Real space: 8 x 8 slab at the transverse Gamma point, 24 a, 1024
     * realizations (the fit of the impurity source is noisy: its error is about a quarter of the value; more
     * Bloch vectors or a longer region cost more than they reduce it, docs/wannier.md). The rest of the
     * real-space beta is the finite region's -div j_s, not compared.
     */
    @Test
    void impuritySourceGivesTheKSpaceBetaWithSpinFlipImpurities() {
        WannierModel model = KuboConductivityTest.cubic(M);
        double vs = 0.5;
        SpinSpiralResponse spiral = new SpinSpiralResponse(model, new double[] {1, 0, 0});
        SpinSpiralResponse.Disorder dis = new SpinSpiralResponse.Disorder(W * W / 12, vs * vs);
        SpinSpiralResponse.Result k = spiral.compute(EF, 0.01, dis, 64, true, 1e-10, ProgressListener.NONE);
        SpinSpiralResponse.Result coarse = spiral.compute(EF, 0.01, dis, 48, true, 1e-10, ProgressListener.NONE);
        double betaK = k.beta();
        double betaKErr = Math.abs(betaK - coarse.beta());

        CrystalWire wire = new CrystalWire(model, 8, 8, CrystalWire.Boundary.PERIODIC, 0);
        CrystalWireTorque.Result r = CrystalWireTorque.run(wire, new CrystalWireTorque.Setup(8, 8,
                CrystalWire.Boundary.PERIODIC, 1, 24, 8, DomainWallTexture.WallType.NEEL, 0, EF),
                new CrystalWireTorque.Disorder(vs, 1, W, 1024, 31), LinearAlgebras.best(), null);
        CrystalWireTorque.Value imp = r.beta().get("disorder");
        String msg = String.format("beta: k space %.4f +- %.4f (eq. (29) %.4f); real space, impurity source %.4f +- "
                + "%.4f, -div j_s %.4f, total %.4f", betaK, betaKErr, k.betaEq29(), imp.mean(), imp.error(),
                r.beta().get("divergence").mean(), r.beta().get("total").mean());
        System.out.println(msg);
        assertTrue(betaKErr < 0.05 * betaK, "k-space mesh error: " + msg);
        assertEquals(k.betaEq29(), betaK, 0.01 * betaK, msg);
        assertTrue(Math.abs(imp.mean() - betaK) <= 3 * Math.hypot(imp.error(), betaKErr), msg);
    }
}
