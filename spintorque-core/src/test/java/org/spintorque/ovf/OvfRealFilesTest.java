package org.spintorque.ovf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Files written by MuMax3 and OOMMF (and by ubermag/discretisedfield and fidimag test suites), read in place from
 * {@code ../shared/data/ovf}. Every expected number below is taken from that folder's {@code SOURCE.md}
 * (tables "Format and mesh", "First record, sums, extremes" and "Last record and per-cell norm"), which
 * lists them as computed by an independent script: records after the OVF 1.0 valuemultiplier, sums as the
 * correctly rounded float64 sum ({@code math.fsum}) of all values, to be compared with a relative tolerance
 * of about 1e-12. Tests skip when the folder is absent.
 */
class OvfRealFilesTest {

    /** One row of SOURCE.md. */
    record Expected(String file, int nx, int ny, int nz, int valuedim, double[] first, double[] last,
                    double sum) {
        @Override
        public String toString() {
            return file;
        }
    }

    private static double[] v(double... x) {
        return x;
    }

    static Stream<Expected> files() {
        return Stream.of(
                new Expected("randommag4x4x1.ovf", 4, 4, 1, 3,
                        v(0.8096410632133484, -0.29036206007003784, -0.5100698471069336),
                        v(0.7382002472877502, 0.5653229355812073, -0.3680630028247833),
                        -4.209392737597227),
                new Expected("scalarovf2.ovf", 64, 64, 1, 1, v(0.0), v(0.0), 0.0),
                new Expected("binary4.ovf", 100, 25, 1, 3,
                        v(-564936.1610412598, -566433.6681365967, -0.0001068890642663689),
                        v(-666478.443145752, 442500.25749206543, -0.16422352473455248),
                        -1762598257.566989),
                new Expected("binary8.ovf", 100, 25, 1, 3,
                        v(-568188.1494203453, -562955.4269616745, 15601.734284439659),
                        v(-668358.118403529, 439323.3383910609, -17100.58212540362),
                        -1778116928.4682007),
                new Expected("oommf_ovf1_binary4.omf", 25, 10, 1, 3,
                        v(-790126.6574859619, -86785.3581905365, 90378.04007530212),
                        v(-648940.7062530518, -173758.74519348145, 434377.5749206543),
                        1442440.492939204),
                new Expected("oommf_ovf1_binary8.omf", 100, 25, 1, 3,
                        v(-568188.1494203453, -562955.4269616745, 15601.734284439659),
                        v(-668358.118403529, 439323.3383910609, -17100.58212540362),
                        -1778116928.4682007),
                new Expected("oommf_ovf1_text.omf", 25, 10, 1, 3,
                        v(-790126.6574859619, -86785.3581905365, 90378.04007530212),
                        v(-648940.7062530518, -173758.74519348145, 434377.5749206543),
                        1442440.492939204),
                new Expected("oommf-ovf2-bin4.omf", 5, 5, 5, 3,
                        v(7826205.0, 1172713.125, 1172713.125),
                        v(7826205.0, 1172713.125, 1172713.125),
                        994279011.958536),
                new Expected("oommf-ovf2-bin8.omf", 5, 5, 5, 3,
                        v(7826205.191224749, 1172713.1580553013, 1172713.159204221),
                        v(7826205.191224749, 1172713.1580553013, 1172713.159204221),
                        994279016.2692652),
                new Expected("oommf-ovf2-txt.omf", 5, 5, 5, 3,
                        v(7826205.19122475, 1172713.1580553, 1172713.15920422),
                        v(7826205.19122475, 1172713.1580553, 1172713.15920422),
                        994279016.269265),
                new Expected("mumax-bin4-linux.ovf", 128, 32, 1, 3,
                        v(0.9950371384620667, 0.09950371831655502, 0.0),
                        v(0.9950371384620667, 0.09950371831655502, 0.0),
                        4483.239349365234),
                new Expected("mumax-bin4-windows.ovf", 128, 32, 1, 3,
                        v(0.9950371384620667, 0.09950371831655502, 0.0),
                        v(0.9950371384620667, 0.09950371831655502, 0.0),
                        4483.239349365234),
                new Expected("mumax-txt-linux.ovf", 24, 12, 4, 3,
                        v(0.9950372, 0.09950372, 0.0),
                        v(0.9950372, 0.09950372, 0.0),
                        1260.91113984),
                new Expected("ovf2-bin8_different-case.ovf", 25, 25, 6, 3,
                        v(4150.30029296875, -608246.625, -442289.34375),
                        v(21135.69921875, 2136199.0, 6119227.0),
                        -517363656.34603053),
                new Expected("demag_tensor_oommf.omf", 20, 10, 3, 6,
                        v(0.33333333333333326, 0.33333333333333337, 0.33333333333333337, 0.0, 0.0, 0.0),
                        v(-1.206681626112977e-05, 3.845482459558918e-06, 8.221333801570777e-06,
                                -9.71784004821617e-06, -2.1595183634897367e-06, -1.0229269309857313e-06),
                        0.5339358284243841),
                new Expected("skyrmion.omf", 20, 20, 1, 3,
                        v(-298.253549234324, -298.253548945368, -1099999.91913165),
                        v(298.2535484836, 298.253548772552, -1099999.91913165),
                        -276183469.96421146),
                new Expected("dmi-Oxs_TimeDriver-Magnetization-00-0000963.omf", 100, 1, 1, 3,
                        v(503841.82215231773, 0.49703030113461044, 696952.9526804411),
                        v(-503841.82215231773, -0.49703030113461044, 696952.9526804411),
                        84866248.77839786));
    }

    /** Neumaier-compensated sum: within a few ulp of the correctly rounded sum for these files. */
    static double accurateSum(double[] values) {
        double s = 0;
        double c = 0;
        for (double x : values) {
            double t = s + x;
            if (Math.abs(s) >= Math.abs(x)) {
                c += (s - t) + x;
            } else {
                c += (x - t) + s;
            }
            s = t;
        }
        return s + c;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void meshFirstLastAndSumMatchSourceMd(Expected e) {
        OvfField f = OvfReader.read(SharedOvfData.file(e.file()));
        OvfMesh m = f.mesh();
        assertEquals(e.nx(), m.xnodes(), "xnodes");
        assertEquals(e.ny(), m.ynodes(), "ynodes");
        assertEquals(e.nz(), m.znodes(), "znodes");
        assertEquals(e.valuedim(), f.valuedim(), "valuedim");
        assertEquals((long) e.nx() * e.ny() * e.nz() * e.valuedim(), f.size());
        double[] first = new double[e.valuedim()];
        double[] last = new double[e.valuedim()];
        for (int c = 0; c < e.valuedim(); c++) {
            first[c] = f.value(0, 0, 0, c);
            last[c] = f.value(e.nx() - 1, e.ny() - 1, e.nz() - 1, c);
        }
        // the records are the same float64 numbers (after the multiplier), so they must agree exactly
        assertArrayEquals(e.first(), first, 0.0, "first record");
        assertArrayEquals(e.last(), last, 0.0, "last record");
        double sum = accurateSum(f.values());
        assertEquals(e.sum(), sum, 1e-12 * Math.abs(e.sum()), "sum of all values");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void rewritingAsOvf2KeepsEveryValue(Expected e) {
        OvfField f = OvfReader.read(SharedOvfData.file(e.file()));
        for (OvfEncoding enc : OvfEncoding.values()) {
            OvfField g = OvfReader.read(new java.io.ByteArrayInputStream(OvfWriter.toBytes(f, enc)), e.file());
            assertEquals(f.mesh(), g.mesh(), enc.toString());
            assertEquals(f.title(), g.title());
            assertEquals(f.description(), g.description());
            double[] a = f.values();
            double[] b = g.values();
            for (int i = 0; i < a.length; i++) {
                double expected = enc == OvfEncoding.BINARY_4 ? (float) a[i] : a[i];
                assertEquals(expected, b[i], 0.0, enc + " value " + i);
            }
        }
    }

    @Test
    void ovf1Binary8AndOvf2Binary8AreBitIdentical() {
        OvfField a = OvfReader.read(SharedOvfData.file("binary8.ovf"));
        OvfField b = OvfReader.read(SharedOvfData.file("oommf_ovf1_binary8.omf"));
        assertArrayEquals(a.values(), b.values(), 0.0);
        assertEquals(a.mesh().xnodes(), b.mesh().xnodes());
    }

    @Test
    void ovf1Binary4AndOvf1TextAgreeAfterTheMultiplier() {
        OvfField a = OvfReader.read(SharedOvfData.file("oommf_ovf1_binary4.omf"));
        OvfField b = OvfReader.read(SharedOvfData.file("oommf_ovf1_text.omf"));
        assertArrayEquals(a.values(), b.values(), 0.0);
        assertEquals(List.of("A/m", "A/m", "A/m"), a.valueUnits());
        assertEquals(List.of(), a.valueLabels());
    }

    @Test
    void oommfOvf2EncodingsAgreeToTheirPrecision() {
        double[] bin8 = OvfReader.read(SharedOvfData.file("oommf-ovf2-bin8.omf")).values();
        double[] txt = OvfReader.read(SharedOvfData.file("oommf-ovf2-txt.omf")).values();
        double[] bin4 = OvfReader.read(SharedOvfData.file("oommf-ovf2-bin4.omf")).values();
        for (int i = 0; i < bin8.length; i++) {
            // SOURCE.md: text stores 15 significant digits (largest difference 4.9e-9); bin4 is the float32 rounding
            assertEquals(bin8[i], txt[i], 1e-14 * 8e6, "text value " + i);
            assertEquals((float) bin8[i], (float) bin4[i], 0.0f, "binary 4 value " + i);
        }
    }

    @Test
    void mumaxLinuxAndWindowsFilesAreIdentical() {
        OvfField lf = OvfReader.read(SharedOvfData.file("mumax-bin4-linux.ovf"));
        OvfField crlf = OvfReader.read(SharedOvfData.file("mumax-bin4-windows.ovf"));
        assertEquals(lf, crlf);
        assertEquals("m", crlf.title());
        assertEquals(List.of("m_x", "m_y", "m_z"), crlf.valueLabels());
        assertEquals(List.of("1", "1", "1"), crlf.valueUnits());
        assertEquals(List.of("Total simulation time:  0  s"), crlf.description());
        assertEquals(3.90625e-09, crlf.mesh().xstepsize(), 0.0);
        assertEquals(1.953125e-09, crlf.cellCenter(0, 0, 0).x(), 0.0);
        assertEquals(1.953125e-09 + 127 * 3.90625e-09, crlf.cellCenter(127, 0, 0).x(), 0.0);
    }

    @Test
    void sparseHeaderWithLowerCaseDataLineAndNegativeZ() {
        OvfField f = OvfReader.read(SharedOvfData.file("ovf2-bin8_different-case.ovf"));
        OvfMesh m = f.mesh();
        assertEquals(-8e-9, m.zmin(), 0.0);
        assertEquals(-5e-9, m.zmax(), 0.0);
        assertEquals(5e-10, m.zstepsize(), 0.0);
        // no xbase in the file: the center of the first cell follows from xmin + step / 2
        assertEquals(-8e-9 + 2.5e-10, m.zbase(), 1e-24);
        assertEquals(2e-9, m.xbase(), 1e-24);
        assertEquals(List.of(), f.valueLabels());
        assertEquals("Ta_Jsz360.ovf", f.title());
    }

    @Test
    void scalarMumaxFileWithZeroStepSizes() {
        OvfField f = OvfReader.read(SharedOvfData.file("scalarovf2.ovf"));
        assertEquals(1, f.valuedim());
        assertEquals(0.0, f.mesh().xstepsize());
        assertEquals("Kc1", f.title());
        assertEquals(List.of("J/m3"), f.valueUnits());
    }

    @Test
    void tensorFieldAndLowerCaseFidimagKeys() {
        OvfField t = OvfReader.read(SharedOvfData.file("demag_tensor_oommf.omf"));
        assertEquals(List.of("field_xx", "field_yy", "field_zz", "field_xy", "field_xz", "field_yz"), t.valueLabels());
        assertEquals(-0.5, t.mesh().xmin(), 0.0);
        OvfField d = OvfReader.read(SharedOvfData.file("dmi-Oxs_TimeDriver-Magnetization-00-0000963.omf"));
        assertEquals("Oxs_TimeDriver::Magnetization", d.title());
        assertEquals(6, d.description().size());
        assertEquals(1.0000000000000001e-09, d.mesh().xstepsize(), 0.0);
        for (int ix = 0; ix < 100; ix++) {
            assertEquals(860000, d.vector(ix, 0, 0).norm(), 1e-3, "|M| of cell " + ix);
        }
    }

    @Test
    void binary4Ovf1IsRecognizedByItsFirstLineNotItsExtension() {
        OvfField f = OvfReader.read(SharedOvfData.file("binary4.ovf"));
        // SOURCE.md: the stored z of cell (99, 24, 0) is -2.052794059181906e-07, times valuemultiplier 800000
        assertEquals(-0.16422352473455248, f.value(99, 24, 0, 2), 0.0);
    }

    @Test
    void readsGzippedRealFile() throws Exception {
        Path src = SharedOvfData.file("oommf-ovf2-txt.omf");
        byte[] raw = Files.readAllBytes(src);
        java.io.ByteArrayOutputStream gz = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream out = new java.util.zip.GZIPOutputStream(gz)) {
            out.write(raw);
        }
        OvfField a = OvfReader.read(new java.io.ByteArrayInputStream(gz.toByteArray()), "oommf-ovf2-txt.omf.gz");
        assertEquals(OvfReader.read(src), a);
        assertTrue(a.description().get(0).startsWith("Oxs vector field output"));
    }
}
