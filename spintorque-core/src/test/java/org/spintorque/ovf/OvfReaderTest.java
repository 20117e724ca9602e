package org.spintorque.ovf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** Reader features on small hand-written files: OVF 1.0, case, comments, CRLF, gzip, segments. */
class OvfReaderTest {

    static OvfField read(String text) {
        return read(text.getBytes(StandardCharsets.UTF_8));
    }

    static OvfField read(byte[] bytes) {
        return OvfReader.read(new ByteArrayInputStream(bytes), "test.ovf");
    }

    static final String OVF1_HEADER = String.join("\n",
            "# OOMMF: rectangular mesh v1.0",
            "# Segment count: 1",
            "# Begin: Segment",
            "# Begin: Header",
            "# Title: ovf1",
            "# meshtype: rectangular",
            "# meshunit: nm",
            "# xbase: 0.5", "# ybase: 0.5", "# zbase: 0.5",
            "# xstepsize: 1", "# ystepsize: 1", "# zstepsize: 1",
            "# xnodes: 2", "# ynodes: 1", "# znodes: 1",
            "# xmin: 0", "# ymin: 0", "# zmin: 0",
            "# xmax: 2", "# ymax: 1", "# zmax: 1",
            "# valueunit: A/m",
            "# valuemultiplier: 1000",
            "# ValueRangeMinMag: 1e-8",
            "# ValueRangeMaxMag: 1",
            "# End: Header", "");

    @Test
    void ovf1TextAppliesValueMultiplier() {
        OvfField f = read(OVF1_HEADER + "# Begin: Data Text\n 0.5  0.25 -1\n1 0 0\n# End: Data Text\n# End: Segment\n");
        assertEquals(3, f.valuedim());
        assertEquals(500.0, f.value(0, 0, 0, 0));
        assertEquals(-1000.0, f.value(0, 0, 0, 2));
        assertEquals(1000.0, f.value(1, 0, 0, 0));
        assertEquals(List.of("A/m", "A/m", "A/m"), f.valueUnits());
        assertEquals("nm", f.mesh().meshunit());
    }

    static byte[] ovf1Binary(int width, boolean newlineAfterData) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String enc = "Binary " + width;
        out.writeBytes((OVF1_HEADER + "# Begin: Data " + enc + "\n").getBytes(StandardCharsets.US_ASCII));
        ByteBuffer bb = ByteBuffer.allocate(7 * width).order(ByteOrder.BIG_ENDIAN);
        double[] vals = {0.5, 0.25, -1, 1, 0, 0};
        if (width == 4) {
            bb.putFloat(1234567f);
            for (double v : vals) {
                bb.putFloat((float) v);
            }
        } else {
            bb.putDouble(123456789012345.0);
            for (double v : vals) {
                bb.putDouble(v);
            }
        }
        out.writeBytes(bb.array());
        out.writeBytes(((newlineAfterData ? "\n" : "") + "# End: Data " + enc + "\n# End: Segment\n")
                .getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    @Test
    void ovf1BinaryIsBigEndianWithOrWithoutNewlineAfterData() {
        for (int w : new int[] {4, 8}) {
            for (boolean nl : new boolean[] {true, false}) {
                OvfField f = read(ovf1Binary(w, nl));
                assertEquals(250.0, f.value(0, 0, 0, 1), "width " + w);
                assertEquals(1000.0, f.value(1, 0, 0, 0), "width " + w);
            }
        }
    }

    static final String OVF2 = String.join("\n",
            "# OOMMF OVF 2.0",
            "#",
            "# segment COUNT: 1",
            "# BEGIN: segment",
            "# begin: HEADER",
            "## a comment line",
            "# TITLE: mixed case ## trailing comment",
            "# MeshType: Rectangular",
            "# MESHUNIT: m",
            "#",
            "# XMIN: 0", "# YMIN: 0", "# ZMIN: 0",
            "# XNODES: 3", "# YNODES: 1", "# ZNODES: 1",
            "# XSTEPSIZE: 1e-9", "# YSTEPSIZE: 1e-9", "# ZSTEPSIZE: 1e-9",
            "# ValueDim: 3",
            "# valuelabels: {Magnetization x} {Magnetization y} {Magnetization z}",
            "# valueunits: A/m",
            "# end: header",
            "# begin: data text",
            "1 0 0",
            "## a comment inside the data",
            "0 1 0   0 0 1",
            "# end: data text",
            "# end: segment", "");

    @Test
    void keysAndMarkersInAnyCaseCommentsAndBraces() {
        OvfField f = read(OVF2);
        assertEquals("mixed case", f.title());
        assertEquals(List.of("Magnetization x", "Magnetization y", "Magnetization z"), f.valueLabels());
        assertEquals(List.of("A/m", "A/m", "A/m"), f.valueUnits());
        assertEquals(1.0, f.value(2, 0, 0, 2));
        // no xbase: center of the first cell from xmin + step / 2
        assertEquals(0.5e-9, f.mesh().xbase(), 1e-25);
        assertEquals(2.5e-9, f.cellCenter(2, 0, 0).x(), 1e-24);
        assertEquals(3e-9, f.mesh().xmax(), 1e-24);
    }

    @Test
    void windowsLineEndings() {
        OvfField lf = read(OVF2);
        OvfField crlf = read(OVF2.replace("\n", "\r\n"));
        assertEquals(lf, crlf);
    }

    @Test
    void windowsLineEndingsWithBinaryData() {
        OvfField f = OvfField.of(OvfMesh.of(3, 2, 1, 1, 1, 1), 3, new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11,
            12, 13, 14, 15, 16, 17, 18});
        for (OvfEncoding enc : List.of(OvfEncoding.BINARY_4, OvfEncoding.BINARY_8)) {
            byte[] lf = OvfWriter.toBytes(f, enc);
            String s = new String(lf, StandardCharsets.ISO_8859_1);
            String marker = "# Begin: Data " + enc.label() + "\n";
            int split = s.indexOf(marker) + marker.length();
            int tail = s.indexOf("# End: Data");
            String crlf = s.substring(0, split).replace("\n", "\r\n") + s.substring(split, tail)
                    + s.substring(tail).replace("\n", "\r\n");
            assertEquals(f.values()[17], read(crlf.getBytes(StandardCharsets.ISO_8859_1)).value(2, 1, 0, 2));
        }
    }

    @Test
    void gzippedInputIsRecognized() throws Exception {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(OVF2.getBytes(StandardCharsets.UTF_8));
        }
        assertEquals(read(OVF2), read(gz.toByteArray()));
    }

    @Test
    void severalSegments() {
        String one = OVF2.substring(OVF2.indexOf("# BEGIN: segment"));
        String two = "# OOMMF OVF 2.0\n# Segment count: 2\n" + one + one.replace("# TITLE: mixed case", "# Title: 2nd");
        List<OvfField> all = OvfReader.readAll(new ByteArrayInputStream(two.getBytes(StandardCharsets.UTF_8)), "two");
        assertEquals(2, all.size());
        assertEquals("2nd", all.get(1).title());
        OvfFormatException e = assertThrows(OvfFormatException.class,
                () -> OvfReader.read(new ByteArrayInputStream(two.getBytes(StandardCharsets.UTF_8)), "two"));
        assertTrue(e.getMessage().contains("2 segments"), e.getMessage());
    }

    @Test
    void textWithInfinityAndNan() {
        OvfField f = read(OVF2.replace("0 1 0   0 0 1", "inf -Infinity NaN 0 0 1"));
        assertEquals(Double.POSITIVE_INFINITY, f.value(1, 0, 0, 0));
        assertEquals(Double.NEGATIVE_INFINITY, f.value(1, 0, 0, 1));
        assertTrue(Double.isNaN(f.value(1, 0, 0, 2)));
    }

    @Test
    void splitListHandlesBracesAndQuotes() {
        assertEquals(List.of("a", "b c", "", "d e"), OvfReader.splitList("a {b c} {} \"d e\""));
    }
}
