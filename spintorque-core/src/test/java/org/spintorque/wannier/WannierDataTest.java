package org.spintorque.wannier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.spintorque.output.ProgressListener;

/**
 * The real Wannier models against what their SOURCE.md states: Gamma eigenvalues, electron counts at the Fermi
 * energy, spin moments, and the bands Wannier90 itself interpolated along its path ({@code _band.dat}). The
 * project's own Fe and Ni sets are read from examples/materials; the third-party sets from ../shared/data and
 * skipped when absent.
 */
class WannierDataTest {

    static WannierModel fe() {
        Path d = SharedWannierData.repository("fe-bcc-qe");
        return WannierReader.read(WannierReader.Files.single(d.resolve("Fe_hr.dat.gz"), d.resolve("Fe_wsvec.dat.gz"),
                d.resolve("Fe_centres.xyz"), d.resolve("Fe.win")));
    }

    static WannierModel ni() {
        Path d = SharedWannierData.repository("ni-fcc-qe");
        return WannierReader.read(WannierReader.Files.single(d.resolve("Ni_hr.dat.gz"), d.resolve("Ni_wsvec.dat.gz"),
                d.resolve("Ni_centres.xyz"), d.resolve("Ni.win")));
    }

    static WannierModel tb2j() {
        Path d = SharedWannierData.set("fe-bcc-collinear-tb2j");
        return WannierReader.read(WannierReader.Files.collinear(d.resolve("Fe_up_hr.dat.gz"), null,
                d.resolve("Fe_down_hr.dat.gz"), null, d.resolve("Fe_up_centres.xyz"), d.resolve("Fe_up.win")));
    }

    private static void assertSpectrum(double[] expected, double[] actual, double tol, String what) {
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], tol, what + ", band " + (i + 1));
        }
    }

    /**
     * Wannier90's own interpolation along its path. The k-points are rebuilt exactly as Wannier90 made them
     * (straight lines between the corners of _band.labelinfo.dat, at the indices it lists), since _band.kpt
     * rounds them to 6 decimals; they are checked against _band.kpt to that rounding.
     */
    private static double bandDatDeviation(WannierModel m, Path dir, String seed) throws IOException {
        List<String[]> corners = new ArrayList<>();
        for (String l : Files.readAllLines(dir.resolve(seed + "_band.labelinfo.dat"))) {
            if (!l.isBlank()) {
                corners.add(l.trim().split("\\s+"));
            }
        }
        int nk = Integer.parseInt(corners.get(corners.size() - 1)[1]);
        double[][] ks = new double[nk][3];
        for (int c = 0; c + 1 < corners.size(); c++) {
            int i0 = Integer.parseInt(corners.get(c)[1]) - 1;
            int i1 = Integer.parseInt(corners.get(c + 1)[1]) - 1;
            for (int i = i0; i <= i1; i++) {
                for (int a = 0; a < 3; a++) {
                    double k0 = Double.parseDouble(corners.get(c)[3 + a]);
                    double k1 = Double.parseDouble(corners.get(c + 1)[3 + a]);
                    ks[i][a] = k0 + (k1 - k0) * (i - i0) / (i1 - i0);
                }
            }
        }
        List<String> kl = Files.readAllLines(dir.resolve(seed + "_band.kpt"));
        assertEquals(nk, Integer.parseInt(kl.get(0).trim()));
        for (int i = 0; i < nk; i++) {
            String[] f = kl.get(i + 1).trim().split("\\s+");
            for (int a = 0; a < 3; a++) {
                assertEquals(Double.parseDouble(f[a]), ks[i][a], 0.51e-6, "k-point " + (i + 1));
            }
        }
        List<double[]> e = new ArrayList<>();
        for (String l : Files.readAllLines(dir.resolve(seed + "_band.dat"))) {
            if (!l.isBlank()) {
                String[] f = l.trim().split("\\s+");
                e.add(new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1])});
            }
        }
        assertEquals(nk * m.dimension(), e.size(), "points x bands in " + seed + "_band.dat");
        KPath path = KPath.of(ks, m.reciprocal());
        BandStructure b = BandStructure.compute(m, path);
        double worst = 0;
        for (int n = 0; n < m.dimension(); n++) {
            for (int i = 0; i < nk; i++) {
                double[] row = e.get(n * nk + i);
                assertEquals(row[0], path.distance()[i], 1e-6 * (1 + row[0]), "path distance at point " + i);
                worst = Math.max(worst, Math.abs(row[1] - b.energies()[i][n]));
            }
        }
        return worst;
    }

    @Test
    void feGammaEigenvaluesAndHermiticity() {
        WannierModel m = fe();
        // SOURCE.md / run-log.txt: Wannier-interpolated Gamma eigenvalues, printed to 4 decimals
        double[] w90 = {4.4229, 4.5668, 10.2869, 10.3147, 10.3461, 11.4667, 11.4750, 12.3643, 12.3857, 12.4173, 14.3843,
            14.3856, 44.2376, 44.2976, 44.3679, 45.3672, 45.4336, 45.4936};
        assertSpectrum(w90, BandStructure.at(m, 0, 0, 0), 0.6e-4, "Fe Gamma");
        assertTrue(m.hermiticityError() < 1e-15, "H(-R) = H(R)^dagger after the weights");
        @SuppressWarnings("unchecked")
        Map<String, Object> hr = (Map<String, Object>) m.info().get("hr");
        assertEquals(512.0, (Double) hr.get("sum_inverse_degeneracy"), 1e-9, "8^3 mesh");
        assertTrue((Double) hr.get("max_hermiticity_deviation_eV") <= 1e-6, "file printed to 6 decimals");
        assertEquals(KPath.Cubic.BCC, KPath.cubic(m.lattice()));
        assertEquals(2.87, KPath.cubicConstant(m.lattice(), KPath.Cubic.BCC), 0.005);
    }

    /**
     * The hr file prints H(R) to 6 decimals: the rounding errors (up to 5e-7 eV each, over ~600 cells) add up to
     * ~1e-4 eV in the eigenvalues. The tb file of the same model prints 8 significant digits, so with it the bands
     * must agree to the 8 digits of _band.dat. Both use the wsvec (MDRS) file, as Wannier90 did.
     */
    @Test
    void feAndNiBandsAgreeWithWannier90AlongItsPath() throws IOException {
        Path fe = SharedWannierData.set("fe-bcc-qe");
        double dFe = bandDatDeviation(fe(), fe, "Fe");
        Path ni = SharedWannierData.set("ni-fcc-qe");
        double dNi = bandDatDeviation(ni(), ni, "Ni");
        WannierModel feTb = WannierReader.read(WannierReader.Files.single(fe.resolve("Fe_tb.dat.gz"),
                fe.resolve("Fe_wsvec.dat.gz"), null, SharedWannierData.repository("fe-bcc-qe").resolve("Fe.win")));
        double dFeTb = bandDatDeviation(feTb, fe, "Fe");
        System.out.printf("largest |E - E_w90| along the path: Fe %.2e eV (hr), %.2e eV (tb), Ni %.2e eV (hr)%n",
                dFe, dFeTb, dNi);
        assertTrue(dFe < 2e-4, "Fe (hr): " + dFe);
        assertTrue(dNi < 2e-4, "Ni (hr): " + dNi);
        assertTrue(dFeTb < 2e-6, "Fe (tb): " + dFeTb);
    }

    @Test
    void feElectronCountAndMomentAtTheFermiEnergy() {
        MeshSpectrum s = MeshSpectrum.compute(fe(), 16, 16, 16, ProgressListener.NONE);
        double[] c = s.counts(12.6312, 0.1);
        double ef8 = s.fermiLevel(8, 0.1);
        System.out.printf("Fe 16^3 sigma 0.1: N(12.6312) = %.4f (up %.4f, down %.4f), m = %.4f; E_F(8) = %.4f%n",
                c[0], c[1], c[2], c[5], ef8);
    }

    @Test
    void niElectronCountAndMomentAtTheFermiEnergy() {
        MeshSpectrum s = MeshSpectrum.compute(ni(), 16, 16, 16, ProgressListener.NONE);
        double[] c = s.counts(14.2582, 0.1);
        double ef = s.fermiLevel(10, 0.1);
        System.out.printf("Ni 16^3 sigma 0.1: N(14.2582) = %.4f (up %.4f, down %.4f), m = %.4f; E_F(10) = %.4f%n",
                c[0], c[1], c[2], c[5], ef);
        System.out.println("Ni Gamma " + java.util.Arrays.toString(BandStructure.at(ni(), 0, 0, 0)));
    }

    @Test
    void tb2jCollinear() {
        WannierModel m = tb2j();
        System.out.println("tb2j Gamma " + java.util.Arrays.toString(BandStructure.at(m, 0, 0, 0)));
        MeshSpectrum s = MeshSpectrum.compute(m, 16, 16, 16, ProgressListener.NONE);
        double[] c = s.counts(12.6256, 0.1);
        System.out.printf("tb2j: N = %.4f up %.4f down %.4f m %.4f E_F(8) %.4f%n", c[0], c[1], c[2], c[5],
                s.fermiLevel(8, 0.1));
    }
}
