package org.spintorque.ovf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Write then read: exact for Text and Binary 8, float32-exact for Binary 4. */
class OvfRoundTripTest {

    @TempDir
    Path tmp;

    static Stream<Arguments> cases() {
        int[][] meshes = {{1, 1, 1}, {3, 5, 7}, {7, 1, 3}, {2, 9, 1}};
        Stream.Builder<Arguments> b = Stream.builder();
        for (OvfEncoding enc : OvfEncoding.values()) {
            for (int dim : new int[] {1, 3}) {
                for (int[] m : meshes) {
                    b.add(Arguments.of(enc, dim, m[0], m[1], m[2]));
                }
            }
        }
        return b.build();
    }

    /** Values that stress the number format: signs, zeros, tiny, huge, subnormal, integers, random bits. */
    static double[] values(int n, long seed) {
        double[] special = {0.0, -0.0, 1.0, -1.0, 0.1, 1e-300, -4.9e-324, 1.7976931348623157e308, 123456789012345.0,
            800000.0, 2e-8, -7.0 / 3.0, Math.PI, 1e22, 5e-324, 0.30000000000000004};
        Random r = new Random(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            if (i < special.length) {
                v[i] = special[i];
            } else if (i % 3 == 0) {
                v[i] = r.nextGaussian() * Math.pow(10, r.nextInt(40) - 20);
            } else {
                double d;
                do {
                    d = Double.longBitsToDouble(r.nextLong());
                } while (Double.isNaN(d) || Double.isInfinite(d));
                v[i] = d;
            }
        }
        return v;
    }

    private static OvfField field(int dim, int nx, int ny, int nz, long seed) {
        OvfMesh mesh = OvfMesh.of("m", nx, ny, nz, 2.5e-9, 1.0 / 3.0 * 1e-9, 7e-10, -1.1e-8, 3e-9, -0.7e-9);
        List<String> labels = dim == 1 ? List.of("Kc1") : List.of("m_x", "m_y", "m_z");
        List<String> units = dim == 1 ? List.of("J/m3") : List.of("1", "1", "1");
        return new OvfField(mesh, dim, values(mesh.cellCount() * dim, seed), "round trip " + dim,
                List.of("first line", "Total simulation time: 1e-9 s"), labels, units);
    }

    @ParameterizedTest(name = "{0}, valuedim {1}, {2}x{3}x{4}")
    @MethodSource("cases")
    void writeThenReadGivesTheSameField(OvfEncoding enc, int dim, int nx, int ny, int nz) {
        OvfField f = field(dim, nx, ny, nz, 31L * nx + 7L * ny + nz + dim);
        Path file = tmp.resolve("f-" + enc + ".ovf");
        OvfWriter.write(file, f, enc);
        OvfField g = OvfReader.read(file);

        assertEquals(f.mesh(), g.mesh(), "mesh (every number written with full precision)");
        assertEquals(f.valuedim(), g.valuedim());
        assertEquals(f.title(), g.title());
        assertEquals(f.description(), g.description());
        assertEquals(f.valueLabels(), g.valueLabels());
        assertEquals(f.valueUnits(), g.valueUnits());
        for (int i = 0; i < f.size(); i++) {
            double expected = enc == OvfEncoding.BINARY_4 ? (double) (float) f.value(i) : f.value(i);
            assertEquals(Double.doubleToLongBits(expected), Double.doubleToLongBits(g.value(i)),
                    "value " + i + ": wrote " + f.value(i) + ", read " + g.value(i));
        }
        if (enc != OvfEncoding.BINARY_4) {
            assertEquals(f, g);
        }
    }

    @Test
    void binaryLayoutIsLittleEndianWithCheckValueAndExactLength() throws Exception {
        OvfField f = field(3, 3, 5, 7, 1);
        byte[] b8 = OvfWriter.toBytes(f, OvfEncoding.BINARY_8);
        String text = new String(b8, StandardCharsets.ISO_8859_1);
        int start = text.indexOf("# Begin: Data Binary 8\n") + "# Begin: Data Binary 8\n".length();
        int end = text.indexOf("\n# End: Data Binary 8\n# End: Segment\n");
        assertEquals(8 + 8 * f.size(), end - start);
        // 123456789012345.0 as little-endian float64
        byte[] check = {0x40, (byte) 0xde, 0x77, (byte) 0x83, 0x21, 0x12, (byte) 0xdc, 0x42};
        for (int i = 0; i < 8; i++) {
            assertEquals(check[i], b8[start + i]);
        }
        byte[] b4 = OvfWriter.toBytes(f, OvfEncoding.BINARY_4);
        String t4 = new String(b4, StandardCharsets.ISO_8859_1);
        int s4 = t4.indexOf("# Begin: Data Binary 4\n") + "# Begin: Data Binary 4\n".length();
        byte[] check4 = {0x38, (byte) 0xb4, (byte) 0x96, 0x49};
        for (int i = 0; i < 4; i++) {
            assertEquals(check4[i], b4[s4 + i]);
        }
    }

    @Test
    void headerHasTheKeysMumaxAndOommfExpect() {
        OvfField f = field(3, 2, 9, 1, 2);
        String h = OvfWriter.header(f, OvfEncoding.TEXT);
        String[] keys = {"# OOMMF OVF 2.0", "# Segment count: 1", "# Begin: Segment", "# Begin: Header",
            "# Title: round trip 3", "# meshtype: rectangular", "# meshunit: m", "# xmin: ", "# ymin: ", "# zmin: ",
            "# xmax: ", "# ymax: ", "# zmax: ", "# valuedim: 3", "# valuelabels: m_x m_y m_z",
            "# valueunits: 1 1 1", "# Desc: first line", "# xbase: ", "# ybase: ", "# zbase: ", "# xnodes: 2",
            "# ynodes: 9", "# znodes: 1", "# xstepsize: 2.5e-9", "# ystepsize: ", "# zstepsize: 7e-10",
            "# End: Header", "# Begin: Data Text"};
        int at = -1;
        for (String k : keys) {
            int i = h.indexOf(k);
            assertTrue(i > at, "'" + k + "' missing or out of order in\n" + h);
            at = i;
        }
        String text = new String(OvfWriter.toBytes(f, OvfEncoding.TEXT), StandardCharsets.UTF_8);
        assertTrue(text.endsWith("# End: Data Text\n# End: Segment\n"));
        assertFalse(text.contains("\r"));
    }

    @Test
    void defaultLabelsAndUnitsWhenTheFieldHasNone() {
        OvfField f = OvfField.of(OvfMesh.of(2, 1, 1, 1e-9, 1e-9, 1e-9), 3, new double[] {1, 0, 0, 0, 1, 0})
                .withTitle("m");
        OvfField g = OvfReader.read(new ByteArrayInputStream(OvfWriter.toBytes(f, OvfEncoding.TEXT)), "mem");
        assertEquals(List.of("m_x", "m_y", "m_z"), g.valueLabels());
        assertEquals(List.of("1", "1", "1"), g.valueUnits());
    }

    @Test
    void labelsWithSpacesAndSpecialValuesSurvive() {
        OvfField f = new OvfField(OvfMesh.of(1, 1, 1, 1, 1, 1), 3,
                new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}, "special",
                List.of(), List.of("Magnetization x", "y", "z"), List.of("A/m", "A/m", "A/m"));
        for (OvfEncoding enc : OvfEncoding.values()) {
            OvfField g = OvfReader.read(new ByteArrayInputStream(OvfWriter.toBytes(f, enc)), "mem");
            assertEquals(f, g, enc.toString());
        }
    }

    @Test
    void atomicWriteLeavesNoTemporaryFiles() throws Exception {
        Path file = tmp.resolve("sub").resolve("m.ovf");
        OvfWriter.write(file, field(3, 3, 5, 7, 3), OvfEncoding.BINARY_4);
        OvfWriter.write(file, field(1, 3, 5, 7, 4), OvfEncoding.TEXT);
        try (Stream<Path> s = Files.list(file.getParent())) {
            assertEquals(List.of(file), s.toList());
        }
        assertEquals(1, OvfReader.read(file).valuedim());
    }

    @Test
    void formatIsShortestRoundTrip() {
        assertEquals("0", OvfWriter.format(0.0));
        assertEquals("-0", OvfWriter.format(-0.0));
        assertEquals("1", OvfWriter.format(1.0));
        assertEquals("2e-8", OvfWriter.format(2e-8));
        assertEquals("1.25e17", OvfWriter.format(1.25e17));
        assertEquals("0.1", OvfWriter.format(0.1));
        assertEquals("Inf", OvfWriter.format(Double.POSITIVE_INFINITY));
    }
}
