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

    private static WannierModel fe;

    /** The Fe model of examples/materials (read once: parsing 2 x 9.6 MB takes seconds). */
    static synchronized WannierModel fe() {
        if (fe != null) {
            return fe;
        }
        Path d = SharedWannierData.repository("fe-bcc-qe");
        fe = WannierReader.read(WannierReader.Files.single(d.resolve("Fe_hr.dat.gz"), d.resolve("Fe_wsvec.dat.gz"),
                d.resolve("Fe_centres.xyz"), d.resolve("Fe.win")));
        return fe;
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

    private static final double SIGMA = 0.1;

    /**
     * Fe (8 valence electrons, SOURCE.md): at the scf E_F = 12.6312 eV the model holds 8 electrons to within
     * D(E_F) x (spread of the stated Fermi levels, 12.626-12.637 eV) + k-mesh error, i.e. 0.03 at D(E_F) ~ 0.9/eV;
     * the spin moment is -2.25 / -2.23 mu_B (T = 0 / smeared, 20^3), here on a 12^3 mesh.
     */
    @Test
    void feElectronCountAndMomentAtTheFermiEnergy() {
        int n = 16; // at 12^3 the k-mesh error alone shifts the count by 0.04
        MeshSpectrum s = MeshSpectrum.compute(fe(), n, n, n, ProgressListener.NONE);
        double[] c = s.counts(12.6312, SIGMA);
        double ef = s.fermiLevel(8, SIGMA);
        System.out.printf("Fe %d^3, sigma %.2f eV: N(12.6312 eV) = %.4f (up %.4f, down %.4f), m_z = %.4f mu_B; "
                + "E_F(8 e) = %.4f eV%n", n, SIGMA, c[0], c[1], c[2], c[5], ef);
        assertEquals(8, c[0], 0.03);
        assertEquals(c[0], c[1] + c[2], 1e-12);
        assertEquals(-2.24, c[5], 0.05);
        assertEquals(0, c[3], 1e-3, "moment along z: no x component");
        assertEquals(0, c[4], 1e-3, "moment along z: no y component");
        assertEquals(12.632, ef, 0.02, "SOURCE.md: 12.626 (smeared) to 12.637 eV (T = 0)");
    }

    /**
     * Ni (10 valence electrons): Gamma eigenvalues of run-log.txt; the scf E_F = 14.2582 eV lies 13-28 meV below
     * the model's own filling level (14.271 smeared / 14.286 eV T = 0, SOURCE.md), so at D(E_F) ~ 2/eV the count
     * there is 10 - 0.03..0.06; the spin moment is +0.64 mu_B (majority = spin up here).
     */
    @Test
    void niGammaEigenvaluesElectronCountAndMoment() {
        WannierModel m = ni();
        double[] w90 = {5.2170, 5.2748, 11.7032, 11.7419, 11.7923, 12.5073, 12.5814, 12.6214, 12.9603, 12.9735,
            13.6298, 13.6336, 42.0408, 42.0461, 42.0572, 42.0822, 44.7390, 44.7651};
        assertSpectrum(w90, BandStructure.at(m, 0, 0, 0), 0.6e-4, "Ni Gamma");
        assertEquals(KPath.Cubic.FCC, KPath.cubic(m.lattice()));
        int n = 16; // 12^3 shifts the count by 0.045
        MeshSpectrum s = MeshSpectrum.compute(m, n, n, n, ProgressListener.NONE);
        double[] c = s.counts(14.2582, SIGMA);
        double ef = s.fermiLevel(10, SIGMA);
        System.out.printf("Ni %d^3, sigma %.2f eV: N(14.2582 eV) = %.4f (up %.4f, down %.4f), m_z = %.4f mu_B; "
                + "E_F(10 e) = %.4f eV%n", n, SIGMA, c[0], c[1], c[2], c[5], ef);
        assertEquals(10 - 0.045, c[0], 0.04);
        assertEquals(0.64, c[5], 0.05);
        assertEquals(14.278, ef, 0.02, "SOURCE.md: 14.271 (smeared) to 14.286 eV (T = 0)");
    }

    /**
     * The collinear tb2j pair (no wsvec; all centres on the atom): Gamma eigenvalues of both channels, and at
     * E_F = 12.6256 eV n_up = 2.89, n_down = 5.11 (SOURCE.md, 24^3), "down" the majority.
     */
    @Test
    void collinearTb2jPair() {
        WannierModel m = tb2j();
        assertEquals(SpinStructure.COLLINEAR, m.spinStructure());
        double[] up = {4.555, 12.351, 12.351, 12.351, 14.360, 14.360, 45.403, 45.403, 45.403};
        double[] dn = {4.435, 10.325, 10.325, 10.325, 11.468, 11.468, 44.305, 44.305, 44.305};
        double[] both = new double[18];
        System.arraycopy(up, 0, both, 0, 9);
        System.arraycopy(dn, 0, both, 9, 9);
        java.util.Arrays.sort(both);
        assertSpectrum(both, BandStructure.at(m, 0, 0, 0), 0.6e-3, "tb2j Gamma");
        int n = 16;
        MeshSpectrum s = MeshSpectrum.compute(m, n, n, n, ProgressListener.NONE);
        double[] c = s.counts(12.6256, SIGMA);
        System.out.printf("tb2j %d^3: N(12.6256 eV) = %.4f (up %.4f, down %.4f), m_z = %.4f; E_F(8 e) = %.4f eV%n",
                n, c[0], c[1], c[2], c[5], s.fermiLevel(8, SIGMA));
        assertEquals(2.89, c[1], 0.05);
        assertEquals(5.11, c[2], 0.05);
        assertEquals(-2.22, c[5], 0.05);
        assertEquals(12.624, s.fermiLevel(8, SIGMA), 0.025, "24^3, T = 0 in SOURCE.md; 16^3 here");
    }

    /**
     * The wannierdatasets pair: up and down Wannierized separately (different R sets and gauges), each with its
     * wsvec; the hr files derived from the published checkpoint and the published tb files are the same H(R)
     * to the hr rounding. Gamma eigenvalues of SOURCE.md.
     */
    @Test
    void collinearWannierDatasetsPairFromHrAndFromTb() {
        Path d = SharedWannierData.set("fe-bcc-collinear-wannierdatasets");
        WannierModel hr = WannierReader.read(WannierReader.Files.collinear(d.resolve("Fe_up_hr.dat.gz"),
                d.resolve("Fe_up_wsvec.dat.gz"), d.resolve("Fe_dn_hr.dat.gz"), d.resolve("Fe_dn_wsvec.dat.gz"), null,
                d.resolve("Fe_up.win")));
        WannierModel tb = WannierReader.read(WannierReader.Files.collinear(d.resolve("Fe_up_tb.dat.gz"),
                d.resolve("Fe_up_wsvec.dat.gz"), d.resolve("Fe_dn_tb.dat.gz"), d.resolve("Fe_dn_wsvec.dat.gz"), null,
                null));
        double[] g = {8.871, 9.094, 15.015, 15.015, 15.015, 16.206, 16.206, 16.973, 16.973, 16.973, 18.886, 18.886,
            44.200, 44.247, 46.367, 46.989, 47.146, 47.357};
        assertSpectrum(g, BandStructure.at(hr, 0, 0, 0), 0.6e-3, "hr Gamma");
        java.util.Random r = new java.util.Random(3);
        for (int i = 0; i < 10; i++) {
            double[] k = {r.nextDouble(), r.nextDouble(), r.nextDouble()};
            assertSpectrum(BandStructure.at(tb, k[0], k[1], k[2]), BandStructure.at(hr, k[0], k[1], k[2]), 2e-4,
                    "hr vs tb");
        }
    }

    /** The WannierBerri spinor model: Gamma eigenvalues of SOURCE.md (3 decimals). */
    @Test
    void wannierBerriSpinorGamma() {
        Path d = SharedWannierData.set("fe-bcc-soc-wannierberri");
        WannierModel m = WannierReader.read(WannierReader.Files.single(d.resolve("Fe_hr.dat.gz"),
                d.resolve("Fe_wsvec.dat.gz"), d.resolve("Fe_centres.xyz"), d.resolve("Fe.win")));
        assertEquals(SpinStructure.SPINOR, m.spinStructure(), "spinors = T in Fe.win");
        double[] g = {4.434, 4.556, 10.295, 10.323, 10.355, 11.464, 11.472, 12.329, 12.351, 12.382, 14.361, 14.362,
            44.246, 44.306, 44.376, 45.353, 45.420, 45.479};
        assertSpectrum(g, BandStructure.at(m, 0, 0, 0), 0.6e-3, "WannierBerri Gamma");
    }
}
