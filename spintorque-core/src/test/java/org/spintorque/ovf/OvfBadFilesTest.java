package org.spintorque.ovf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.spintorque.config.InputException;

/** Broken files: the error names the file, the line or byte offset, and what was expected. */
class OvfBadFilesTest {

    private static final OvfField FIELD = OvfField.of(OvfMesh.of(5, 3, 1, 1e-9, 1e-9, 1e-9), 3,
            OvfRoundTripTest.values(45, 5)).withTitle("m");

    private static OvfFormatException fail(byte[] bytes) {
        return assertThrows(OvfFormatException.class,
                () -> OvfReader.read(new ByteArrayInputStream(bytes), "bad.ovf"));
    }

    private static OvfFormatException fail(String text) {
        return fail(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static String text(OvfEncoding enc) {
        return new String(OvfWriter.toBytes(FIELD, enc), StandardCharsets.ISO_8859_1);
    }

    private static void contains(String message, String... parts) {
        for (String p : parts) {
            assertTrue(message.contains(p), "message lacks '" + p + "': " + message);
        }
    }

    private static int dataStart(String s, OvfEncoding enc) {
        String marker = "# Begin: Data " + enc.label() + "\n";
        return s.indexOf(marker) + marker.length();
    }

    @Test
    void truncatedBinaryData() {
        for (OvfEncoding enc : new OvfEncoding[] {OvfEncoding.BINARY_4, OvfEncoding.BINARY_8}) {
            String s = text(enc);
            int start = dataStart(s, enc);
            int cut = start + enc.width() * 11 + 3; // check value, 10 values and a bit of the 11th
            OvfFormatException e = fail(s.substring(0, cut));
            contains(e.getMessage(), "bad.ovf", "truncated", enc.label(), "after 10 of 45 values",
                    "5 x 3 x 1 cells x valuedim 3", "byte " + cut, "at byte " + start);
            assertEquals(cut, e.byteOffset());
            assertEquals(s.substring(0, start).split("\n").length, e.line());
        }
    }

    @Test
    void truncatedInsideCheckValue() {
        String s = text(OvfEncoding.BINARY_8);
        int start = dataStart(s, OvfEncoding.BINARY_8);
        OvfFormatException e = fail(s.substring(0, start + 5));
        contains(e.getMessage(), "truncated", "inside the check value", "expected " + (8 + 45 * 8) + " bytes");
    }

    @Test
    void wrongCheckValue() {
        String s = text(OvfEncoding.BINARY_4);
        int start = dataStart(s, OvfEncoding.BINARY_4);
        char[] c = s.toCharArray();
        c[start] = 0;
        OvfFormatException e = fail(new String(c));
        contains(e.getMessage(), "bad.ovf", "wrong check value", "expected 1234567.0", "little-endian float32",
                "byte " + start);
        assertEquals(start, e.byteOffset());
    }

    @Test
    void checkValueInTheOtherByteOrderGetsAHint() {
        String s = text(OvfEncoding.BINARY_8).replace("# OOMMF OVF 2.0", "# OOMMF: rectangular mesh v1.0");
        OvfFormatException e = fail(s);
        contains(e.getMessage(), "wrong check value", "expected 1.23456789012345E14", "big-endian float64",
                "in little-endian (OVF 2.0) order");
    }

    @Test
    void binaryDataLongerThanTheMesh() {
        String s = text(OvfEncoding.BINARY_8).replace("# xnodes: 5", "# xnodes: 4");
        OvfFormatException e = fail(s);
        contains(e.getMessage(), "expected '# End: Data Binary 8' right after the 36 values",
                "4 x 3 x 1 cells x valuedim 3");
        assertEquals(dataStart(s, OvfEncoding.BINARY_8) + 8 + 36 * 8, e.byteOffset());
    }

    @Test
    void binaryDataShorterThanTheMesh() {
        for (OvfEncoding enc : new OvfEncoding[] {OvfEncoding.BINARY_4, OvfEncoding.BINARY_8}) {
            String s = text(enc).replace("# ynodes: 3", "# ynodes: 4");
            OvfFormatException e = fail(s);
            int marker = s.indexOf("# End: Data");
            contains(e.getMessage(), "bad.ovf", "value count does not match the mesh",
                    "hold 45 values ('# End: Data' follows at byte " + marker + ")",
                    "the mesh needs 60 (5 x 4 x 1 cells x valuedim 3)");
            assertEquals(marker, e.byteOffset());
        }
    }

    @Test
    void textWithTooFewValues() {
        String s = text(OvfEncoding.TEXT);
        int lastRecord = s.lastIndexOf('\n', s.indexOf("# End: Data") - 2) + 1;
        String cut = s.substring(0, lastRecord) + s.substring(s.indexOf("# End: Data"));
        OvfFormatException e = fail(cut);
        long endLine = cut.substring(0, cut.indexOf("# End: Data")).chars().filter(ch -> ch == '\n').count() + 1;
        contains(e.getMessage(), "bad.ovf, line " + endLine, "'# End: Data' after 42 values",
                "the mesh needs 45 (5 x 3 x 1 cells x valuedim 3)");
        assertEquals(endLine, e.line());
    }

    @Test
    void textWithTooManyValues() {
        String s = text(OvfEncoding.TEXT).replace("# End: Data Text", "1 2 3\n# End: Data Text");
        OvfFormatException e = fail(s);
        contains(e.getMessage(), "more values than the mesh holds", "value number 46", "needs 45");
    }

    @Test
    void textThatEndsEarly() {
        String s = text(OvfEncoding.TEXT);
        OvfFormatException e = fail(s.substring(0, s.indexOf("# End: Data")));
        contains(e.getMessage(), "the file ends here", "Text data", "after 45 of 45 values",
                "expected '# End: Data Text'");
        int half = s.indexOf('\n', dataStart(s, OvfEncoding.TEXT) + 100) + 1;
        contains(fail(s.substring(0, half)).getMessage(), "the file ends here",
                "expected the remaining values and '# End: Data Text'");
    }

    @Test
    void textThatIsNotANumber() {
        String s = text(OvfEncoding.TEXT);
        int start = dataStart(s, OvfEncoding.TEXT);
        String bad = s.substring(0, start) + "1 0 x0.5\n" + s.substring(s.indexOf('\n', start) + 1);
        OvfFormatException e = fail(bad);
        contains(e.getMessage(), "expected a number (value 3 of 45), found 'x0.5'");
    }

    @Test
    void unknownEncoding() {
        String s = text(OvfEncoding.BINARY_4).replace("Binary 4", "Binary 2");
        OvfFormatException e = fail(s);
        contains(e.getMessage(), "unknown data encoding 'Binary 2'", "expected Text, Binary 4 or Binary 8");
        assertEquals(s.substring(0, s.indexOf("# Begin: Data")).split("\n").length + 1, e.line());
    }

    @Test
    void missingMeshKey() {
        String s = text(OvfEncoding.TEXT).replace("# ynodes: 3\n", "");
        OvfFormatException e = fail(s);
        contains(e.getMessage(), "has no 'ynodes'", "a rectangular mesh needs xnodes, ynodes, znodes");
        String noBase = text(OvfEncoding.TEXT).replace("# zbase: 5e-10\n", "").replace("# zmin: 0\n", "");
        contains(fail(noBase).getMessage(), "has no 'zbase' or 'zmin'");
        contains(fail(text(OvfEncoding.TEXT).replace("# valuedim: 3\n", "")).getMessage(), "has no 'valuedim'");
        contains(fail(text(OvfEncoding.TEXT).replace("# xnodes: 5", "# xnodes: 5.5")).getMessage(),
                "xnodes must be an integer >= 1, found '5.5'");
    }

    @Test
    void notAnOvfFile() {
        OvfFormatException e = fail("hello\n");
        contains(e.getMessage(), "bad.ovf, line 1", "not an OVF file", "'# OOMMF OVF 2.0'", "found 'hello'");
        contains(fail("").getMessage(), "the file is empty");
        contains(fail("# OOMMF: irregular mesh v1.0\n").getMessage(), "irregular meshes are not supported");
    }

    @Test
    void missingEndHeaderAndSegment() {
        String s = text(OvfEncoding.TEXT);
        contains(fail(s.substring(0, s.indexOf("# End: Header"))).getMessage(), "is not closed",
                "expected '# End: Header'");
        contains(fail(s.replace("# End: Segment\n", "")).getMessage(), "expected '# End: Segment'");
        contains(fail(s.replace("# Segment count: 1", "# Segment count: 2")).getMessage(),
                "'Segment count: 2', but the file holds 1 segment");
    }

    @Test
    void wrongLabelCount() {
        String s = text(OvfEncoding.TEXT).replace("# valuelabels: m_x m_y m_z", "# valuelabels: a b");
        contains(fail(s).getMessage(), "valuelabels has 2 entries, expected one per component (valuedim 3)");
    }

    @Test
    void missingFileIsAnInputError(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path missing = dir.resolve("nope.ovf");
        InputException e = assertThrows(InputException.class, () -> OvfReader.read(missing));
        contains(e.getMessage(), "nope.ovf", "no such file");
        Path file = dir.resolve("cut.ovf");
        byte[] full = OvfWriter.toBytes(FIELD, OvfEncoding.BINARY_8);
        Files.write(file, Arrays.copyOf(full, full.length - 60));
        contains(assertThrows(OvfFormatException.class, () -> OvfReader.read(file)).getMessage(),
                file.toString(), "truncated");
    }

    @Test
    void truncatedRealFile() throws Exception {
        Path real = SharedOvfData.file("binary8.ovf");
        byte[] b = Files.readAllBytes(real);
        OvfFormatException e = fail(Arrays.copyOf(b, b.length / 2));
        contains(e.getMessage(), "truncated Binary 8 data (OVF 2.0, little-endian)", "of 7500 values",
                "100 x 25 x 1 cells x valuedim 3");
        // OVF 1.0 binary 4: a flipped byte in the big-endian check value
        byte[] c = Files.readAllBytes(SharedOvfData.file("oommf_ovf1_binary4.omf"));
        String s = new String(c, StandardCharsets.ISO_8859_1);
        int start = s.indexOf("# Begin: Data Binary 4\n") + "# Begin: Data Binary 4\n".length();
        c[start + 3] ^= 1;
        contains(fail(c).getMessage(), "wrong check value", "big-endian float32 (OVF 1.0)", "byte " + start);
    }
}
