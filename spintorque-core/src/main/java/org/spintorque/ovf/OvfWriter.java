package org.spintorque.ovf;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.spintorque.output.AtomicFiles;

/**
 * Writes OVF 2.0 files (one segment) in the layout MuMax3 and OOMMF write and read:
 *
 * <pre>
 * # OOMMF OVF 2.0
 * # Segment count: 1
 * # Begin: Segment
 * # Begin: Header
 * # Title: m
 * # meshtype: rectangular
 * # meshunit: m
 * # xmin: 0            (ymin, zmin, xmax, ymax, zmax)
 * # valuedim: 3
 * # valuelabels: m_x m_y m_z
 * # valueunits: 1 1 1
 * # Desc: ...          (one line per description line)
 * # xbase: 5e-10       (ybase, zbase, xnodes, ynodes, znodes, xstepsize, ystepsize, zstepsize)
 * # End: Header
 * # Begin: Data Binary 4
 * (check value and data)
 * # End: Data Binary 4
 * # End: Segment
 * </pre>
 *
 * <p>Text data hold one cell per line with the shortest decimal form that reads back to the same double, so
 * text and Binary 8 files reproduce every value exactly; Binary 4 stores each value rounded to float32. Binary
 * data are little-endian and followed by a line break. Lines end with {@code \n}.
 *
 * <p>OVF 2.0 requires labels and units: a field without them is written with labels derived from its title
 * ({@code m_x m_y m_z} for title {@code m}; the title itself for a scalar; {@code field} when there is no
 * title) and unit {@code 1}. Line breaks in the title are replaced by spaces and {@code ##} (a comment marker
 * in OVF) by {@code #}.
 */
public final class OvfWriter {
    private OvfWriter() { }

    /** Writes {@code field} to {@code file} atomically (a reader never sees a half-written file). */
    public static void write(Path file, OvfField field, OvfEncoding encoding) {
        AtomicFiles.write(file, tmp -> {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                write(out, field, encoding);
            }
        });
    }

    /** Writes {@code field} to {@code out}; the stream is flushed, not closed. */
    public static void write(OutputStream out, OvfField field, OvfEncoding encoding) throws IOException {
        BufferedOutputStream b = new BufferedOutputStream(out, 1 << 16);
        b.write(header(field, encoding).getBytes(StandardCharsets.UTF_8));
        switch (encoding) {
            case TEXT -> writeText(b, field);
            case BINARY_4, BINARY_8 -> writeBinary(b, field, encoding);
            default -> throw new IllegalArgumentException("encoding " + encoding);
        }
        String trailer = "# End: Data " + encoding.label() + "\n# End: Segment\n";
        b.write(trailer.getBytes(StandardCharsets.UTF_8));
        b.flush();
    }

    /** The file content as bytes. */
    public static byte[] toBytes(OvfField field, OvfEncoding encoding) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            write(out, field, encoding);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The header lines up to and including {@code # Begin: Data ...}. */
    static String header(OvfField field, OvfEncoding encoding) {
        OvfMesh m = field.mesh();
        StringBuilder sb = new StringBuilder(1024);
        line(sb, "OOMMF OVF 2.0");
        line(sb, "Segment count: 1");
        line(sb, "Begin: Segment");
        line(sb, "Begin: Header");
        line(sb, "Title: " + clean(field.title()));
        line(sb, "meshtype: rectangular");
        line(sb, "meshunit: " + clean(m.meshunit()));
        for (String k : new String[] {"min", "max"}) {
            for (int a = 0; a < 3; a++) {
                double v = k.equals("min") ? m.min(a) : m.max(a);
                line(sb, OvfMesh.axisName(a) + k + ": " + format(v));
            }
        }
        line(sb, "valuedim: " + field.valuedim());
        line(sb, "valuelabels: " + list(labels(field)));
        line(sb, "valueunits: " + list(units(field)));
        for (String d : field.description()) {
            line(sb, "Desc: " + clean(d));
        }
        for (int a = 0; a < 3; a++) {
            line(sb, OvfMesh.axisName(a) + "base: " + format(m.base(a)));
        }
        for (int a = 0; a < 3; a++) {
            line(sb, OvfMesh.axisName(a) + "nodes: " + m.nodes(a));
        }
        for (int a = 0; a < 3; a++) {
            line(sb, OvfMesh.axisName(a) + "stepsize: " + format(m.stepsize(a)));
        }
        line(sb, "End: Header");
        line(sb, "Begin: Data " + encoding.label());
        return sb.toString();
    }

    private static void writeText(OutputStream out, OvfField field) throws IOException {
        int dim = field.valuedim();
        int n = field.size();
        StringBuilder sb = new StringBuilder(64 * dim);
        for (int i = 0; i < n; i += dim) {
            sb.setLength(0);
            for (int c = 0; c < dim; c++) {
                if (c > 0) {
                    sb.append(' ');
                }
                sb.append(format(field.value(i + c)));
            }
            sb.append('\n');
            out.write(sb.toString().getBytes(StandardCharsets.US_ASCII));
        }
    }

    private static void writeBinary(OutputStream out, OvfField field, OvfEncoding encoding) throws IOException {
        int w = encoding.width();
        int chunkValues = 1 << 13;
        ByteBuffer bb = ByteBuffer.allocate(chunkValues * w + 8).order(ByteOrder.LITTLE_ENDIAN);
        if (w == 4) {
            bb.putFloat((float) encoding.checkValue());
        } else {
            bb.putDouble(encoding.checkValue());
        }
        int n = field.size();
        for (int i = 0; i < n; i++) {
            if (w == 4) {
                bb.putFloat((float) field.value(i));
            } else {
                bb.putDouble(field.value(i));
            }
            if (bb.position() >= chunkValues * w) {
                out.write(bb.array(), 0, bb.position());
                bb.clear();
            }
        }
        out.write(bb.array(), 0, bb.position());
        out.write('\n');
    }

    /**
     * The shortest decimal that reads back to {@code v} exactly, in plain OVF style: "0", "1", "-0.5",
     * "2e-08", "1.25e+17" is written "1.25e17".
     */
    static String format(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "Inf" : "-Inf";
        }
        String s = Double.toString(v);
        int e = s.indexOf('E');
        String mantissa = e < 0 ? s : s.substring(0, e);
        String exponent = e < 0 ? "" : "e" + s.substring(e + 1);
        if (mantissa.endsWith(".0")) {
            mantissa = mantissa.substring(0, mantissa.length() - 2);
        }
        return mantissa + exponent;
    }

    private static void line(StringBuilder sb, String content) {
        sb.append("# ").append(content.stripTrailing()).append('\n');
    }

    private static String clean(String s) {
        String t = s.replace('\r', ' ').replace('\n', ' ');
        while (t.contains("##")) {
            t = t.replace("##", "#");
        }
        return t.strip();
    }

    private static List<String> labels(OvfField field) {
        if (!field.valueLabels().isEmpty()) {
            return field.valueLabels();
        }
        String base = field.title().isBlank() ? "field" : field.title().strip().replaceAll("\\s+", "_");
        int dim = field.valuedim();
        List<String> out = new ArrayList<>(dim);
        if (dim == 1) {
            out.add(base);
        } else if (dim == 3) {
            out.add(base + "_x");
            out.add(base + "_y");
            out.add(base + "_z");
        } else {
            for (int c = 0; c < dim; c++) {
                out.add(base + "_" + c);
            }
        }
        return out;
    }

    private static List<String> units(OvfField field) {
        if (!field.valueUnits().isEmpty()) {
            return field.valueUnits();
        }
        List<String> out = new ArrayList<>();
        for (int c = 0; c < field.valuedim(); c++) {
            out.add("1");
        }
        return out;
    }

    /** A Tcl-style list: entries that are empty or contain whitespace or braces are put in braces. */
    private static String list(List<String> items) {
        StringBuilder sb = new StringBuilder();
        for (String item : items) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            String t = clean(item);
            if (t.isEmpty() || t.chars().anyMatch(Character::isWhitespace) || t.contains("{")
                    || t.contains("}") || t.contains("\"")) {
                sb.append('{').append(t.replace("{", "(").replace("}", ")")).append('}');
            } else {
                sb.append(t);
            }
        }
        return sb.toString();
    }
}
