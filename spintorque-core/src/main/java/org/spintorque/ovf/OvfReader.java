package org.spintorque.ovf;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.spintorque.config.InputException;

/**
 * Reads OVF files of OOMMF and MuMax3 on rectangular meshes.
 *
 * <h2>What is understood</h2>
 * <ul>
 *   <li><b>OVF 2.0</b> (first line {@code # OOMMF OVF 2.0}): data {@code Text}, {@code Binary 4} (float32) and
 *       {@code Binary 8} (float64), binary data little-endian, any {@code valuedim}.</li>
 *   <li><b>OVF 1.0</b> (first line {@code # OOMMF: rectangular mesh v1.0}, also {@code # OOMMF OVF 1.0}): the
 *       same three encodings, binary data big-endian, {@code valuedim} implicitly 3, every value multiplied
 *       by {@code valuemultiplier} (default 1) in double precision, the single {@code valueunit} used for
 *       all three components. The version is taken from the first line, never from the file name.</li>
 *   <li>Binary data start with the check value 1234567.0 (Binary 4) or 123456789012345.0 (Binary 8) in the
 *       byte order of the version; exactly {@code xnodes * ynodes * znodes * valuedim} values follow, with or
 *       without a line break before {@code # End: Data}. The reader never scans binary data for a line
 *       break.</li>
 *   <li>Header keys and the {@code Begin:}/{@code End:} words in any case ({@code # Begin: data binary 8}),
 *       blank {@code #} lines, {@code ##} comments (to the end of the line), Windows line endings
 *       ({@code \r\n}), gzip-compressed input (recognized by its magic bytes), several segments
 *       ({@link #readAll}).</li>
 *   <li>Mesh keys: {@code xnodes}, {@code xstepsize} and {@code meshunit} are required, and of {@code xbase}
 *       (cell center) and {@code xmin} (lower edge) at least one, for each axis; the missing one follows as
 *       {@code base = min + step / 2}, a missing {@code xmax} as {@code min + nodes * step}. Node counts are
 *       never derived from the bounding box. {@code meshtype}, when given, must be {@code rectangular}.</li>
 *   <li>{@code valuelabels} and {@code valueunits} are whitespace-separated lists in which an entry may be
 *       grouped with braces ({@code {Magnetization x}}); a single unit given for several components applies
 *       to all of them.</li>
 * </ul>
 *
 * <p>Everything that does not fit raises an {@link OvfFormatException} whose message names the file, the line
 * and/or byte offset and what was expected: truncated data, a wrong check value (with a hint when the bytes
 * are the check value in the other byte order), an unknown encoding, a missing mesh key, a value count that
 * does not match the mesh, text that is not a number.
 */
public final class OvfReader {
    /** Longest header line kept in full (longer lines are reported by their beginning). */
    private static final int MAX_HEADER_LINE = 1 << 16;
    /** Values decoded per chunk of binary data. */
    private static final int CHUNK_VALUES = 1 << 13;

    private OvfReader() { }

    /** The field of a single-segment OVF file (plain or gzip-compressed). */
    public static OvfField read(Path file) {
        return single(readAll(file), file.toString());
    }

    /** The field of a single-segment OVF stream; {@code source} names it in error messages. */
    public static OvfField read(InputStream in, String source) {
        return single(readAll(in, source), source);
    }

    /** The field of every segment of an OVF file (plain or gzip-compressed), in file order. */
    public static List<OvfField> readAll(Path file) {
        String source = file.toString();
        try (InputStream in = Files.newInputStream(file)) {
            return readAll(in, source);
        } catch (NoSuchFileException e) {
            throw new InputException("cannot read OVF file " + source + ": no such file");
        } catch (IOException e) {
            throw new InputException("cannot read OVF file " + source + ": " + e, e);
        }
    }

    /** The field of every segment of an OVF stream, in file order; the stream is not closed. */
    public static List<OvfField> readAll(InputStream in, String source) {
        Input input;
        try {
            input = new Input(maybeGunzip(in), source);
        } catch (IOException e) {
            throw new OvfFormatException(source, -1, 0, "cannot open the input: " + e, e);
        }
        try {
            return new Parser(input).parse();
        } catch (IOException e) {
            throw new OvfFormatException(source, input.lineNo, input.offset,
                    "cannot read the input (corrupt gzip data or an I/O error): " + e, e);
        }
    }

    private static OvfField single(List<OvfField> fields, String source) {
        if (fields.size() != 1) {
            throw new OvfFormatException(source, -1, -1, "holds " + fields.size()
                    + " segments, expected exactly one (OvfReader.readAll reads every segment)");
        }
        return fields.get(0);
    }

    private static InputStream maybeGunzip(InputStream in) throws IOException {
        BufferedInputStream b = new BufferedInputStream(in, 1 << 16);
        b.mark(2);
        int b0 = b.read();
        int b1 = b.read();
        b.reset();
        if (b0 == 0x1f && b1 == 0x8b) {
            return new GZIPInputStream(b, 1 << 16);
        }
        return b;
    }

    /** Splits a Tcl-style list: whitespace-separated words, braces or double quotes group a word. */
    static List<String> splitList(String s) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            while (i < n && Character.isWhitespace(s.charAt(i))) {
                i++;
            }
            if (i >= n) {
                break;
            }
            char c = s.charAt(i);
            if (c == '{') {
                int depth = 1;
                int j = i + 1;
                while (j < n && depth > 0) {
                    char d = s.charAt(j);
                    if (d == '{') {
                        depth++;
                    } else if (d == '}') {
                        depth--;
                    }
                    j++;
                }
                int end = depth == 0 ? j - 1 : n;
                out.add(s.substring(i + 1, end));
                i = j;
            } else if (c == '"') {
                int j = s.indexOf('"', i + 1);
                int end = j < 0 ? n : j;
                out.add(s.substring(i + 1, end));
                i = end + 1;
            } else {
                int j = i;
                while (j < n && !Character.isWhitespace(s.charAt(j))) {
                    j++;
                }
                out.add(s.substring(i, j));
                i = j;
            }
        }
        return out;
    }

    /**
     * A decimal number as Java, C, Go and Tcl write it, including {@code Inf}, {@code -inf},
     * {@code Infinity} and {@code NaN} in any case.
     */
    static double parseNumber(String token) {
        try {
            return Double.parseDouble(token);
        } catch (NumberFormatException e) {
            String t = token.toLowerCase(Locale.ROOT);
            boolean negative = t.startsWith("-");
            if (negative || t.startsWith("+")) {
                t = t.substring(1);
            }
            switch (t) {
                case "inf", "infinity":
                    return negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
                case "nan":
                    return Double.NaN;
                default:
                    throw e;
            }
        }
    }

    /** Printable form of a line for messages: control bytes escaped, cut after 60 characters. */
    static String show(String s) {
        StringBuilder sb = new StringBuilder("'");
        int limit = 60;
        for (int i = 0; i < s.length() && i < limit; i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '\uFFFD') {
                sb.append(c == '\uFFFD' ? "\\ufffd" : String.format(Locale.ROOT, "\\x%02x", (int) c));
            } else {
                sb.append(c);
            }
        }
        if (s.length() > limit) {
            sb.append("...");
        }
        return sb.append('\'').toString();
    }

    // ---------------------------------------------------------------------------------------------------------

    /** Buffered bytes with the offset and line count of what was consumed. */
    private static final class Input {
        private final InputStream in;
        final String source;
        private final byte[] buf = new byte[1 << 16];
        private int pos;
        private int lim;
        /** Bytes consumed so far. */
        long offset;
        /** Number of the line last returned by readLine (from 1). */
        long lineNo;
        /** Offset of the first byte of that line. */
        long lineStart;

        Input(InputStream in, String source) {
            this.in = in;
            this.source = source;
        }

        private boolean fill() throws IOException {
            if (pos < lim) {
                return true;
            }
            int n;
            do {
                n = in.read(buf, 0, buf.length);
            } while (n == 0);
            if (n < 0) {
                return false;
            }
            pos = 0;
            lim = n;
            return true;
        }

        /**
         * The next line without its line break (LF or CRLF), decoded as UTF-8, or null at the end of the input.
         * At most {@code keep} bytes are kept; the rest of a longer line is consumed and dropped.
         */
        String readLine(int keep) throws IOException {
            if (!fill()) {
                return null;
            }
            lineStart = offset;
            lineNo++;
            byte[] line = new byte[Math.min(keep, 128)];
            int len = 0;
            while (fill()) {
                int start = pos;
                int nl = -1;
                for (int i = pos; i < lim; i++) {
                    if (buf[i] == '\n') {
                        nl = i;
                        break;
                    }
                }
                int end = nl < 0 ? lim : nl;
                int take = Math.min(end - start, keep - len);
                if (take > 0) {
                    if (len + take > line.length) {
                        line = Arrays.copyOf(line, (int) Math.min((long) keep, Math.max(2L * line.length,
                                (long) len + take)));
                    }
                    System.arraycopy(buf, start, line, len, take);
                    len += take;
                }
                pos = nl < 0 ? lim : nl + 1;
                offset += pos - start;
                if (nl >= 0) {
                    break;
                }
            }
            if (len > 0 && line[len - 1] == '\r') {
                len--;
            }
            return new String(line, 0, len, StandardCharsets.UTF_8);
        }

        /** Reads up to len bytes (fewer only at the end of the input); returns the number read. */
        int readBytes(byte[] dst, int off, int len) throws IOException {
            int done = 0;
            while (done < len && fill()) {
                int take = Math.min(len - done, lim - pos);
                System.arraycopy(buf, pos, dst, off + done, take);
                pos += take;
                done += take;
                offset += take;
            }
            return done;
        }
    }

    /** Looks for the bytes "# End: Data" (any case) in consecutive chunks of binary data. */
    private static final class MarkerSearch {
        private static final byte[] MARKER = "# end: data".getBytes(StandardCharsets.US_ASCII);
        private final byte[] carry = new byte[MARKER.length - 1];
        private int carried;
        private long scanned;
        private long found = -1;

        /** @param start offset of the first byte that will be scanned */
        MarkerSearch(long start) {
            this.scanned = start;
        }

        boolean found() {
            return found >= 0;
        }

        /** Offset of the first byte of the marker; meaningful when found. */
        long offset() {
            return found;
        }

        void scan(byte[] chunk, int len) {
            if (found >= 0 || len <= 0) {
                scanned += Math.max(len, 0);
                return;
            }
            byte[] all = new byte[carried + len];
            System.arraycopy(carry, 0, all, 0, carried);
            System.arraycopy(chunk, 0, all, carried, len);
            long base = scanned - carried;
            for (int i = 0; i + MARKER.length <= all.length; i++) {
                if (all[i] == '#' && matches(all, i)) {
                    found = base + i;
                    break;
                }
            }
            int keep = Math.min(carry.length, all.length);
            System.arraycopy(all, all.length - keep, carry, 0, keep);
            carried = keep;
            scanned += len;
        }

        private static boolean matches(byte[] a, int at) {
            for (int k = 0; k < MARKER.length; k++) {
                byte b = a[at + k];
                if (b >= 'A' && b <= 'Z') {
                    b = (byte) (b + ('a' - 'A'));
                }
                if (b != MARKER[k]) {
                    return false;
                }
            }
            return true;
        }
    }

    /** A header line "# key: value": key in lower case with single spaces; value stripped, null without ':'. */
    private record HeaderLine(String key, String value) {
        static final HeaderLine BLANK = new HeaderLine("", "");

        boolean blank() {
            return this == BLANK;
        }

        boolean is(String k, String v) {
            return key.equals(k) && value != null && normalize(value).equals(v);
        }
    }

    /** A header value with the line it came from. */
    private record Entry(String value, long line) { }

    private enum Version {
        V1("OVF 1.0", ByteOrder.BIG_ENDIAN),
        V2("OVF 2.0", ByteOrder.LITTLE_ENDIAN);

        final String label;
        final ByteOrder order;

        Version(String label, ByteOrder order) {
            this.label = label;
            this.order = order;
        }
    }

    static String normalize(String s) {
        return s.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    /** Null when the line does not start with '#' and is not blank. */
    private static HeaderLine headerLine(String line) {
        if (line.isBlank()) {
            return HeaderLine.BLANK;
        }
        String s = line.stripLeading();
        if (!s.startsWith("#")) {
            return null;
        }
        String content = s.substring(1);
        if (content.startsWith("#")) {
            return HeaderLine.BLANK;
        }
        int comment = content.indexOf("##");
        if (comment >= 0) {
            content = content.substring(0, comment);
        }
        content = content.strip();
        if (content.isEmpty()) {
            return HeaderLine.BLANK;
        }
        int colon = content.indexOf(':');
        if (colon < 0) {
            return new HeaderLine(normalize(content), null);
        }
        return new HeaderLine(normalize(content.substring(0, colon)), content.substring(colon + 1).strip());
    }

    // ---------------------------------------------------------------------------------------------------------

    private static final class Parser {
        private final Input in;
        private final String source;
        private Version version;

        Parser(Input in) {
            this.in = in;
            this.source = in.source;
        }

        private OvfFormatException errorAtLine(String detail) {
            return new OvfFormatException(source, in.lineNo, -1, detail);
        }

        private OvfFormatException errorAtLine(long line, String detail) {
            return new OvfFormatException(source, line, -1, detail);
        }

        private OvfFormatException errorAtEnd(String detail) {
            return new OvfFormatException(source, -1, in.offset, "the file ends here (" + in.lineNo
                    + " lines): " + detail);
        }

        List<OvfField> parse() throws IOException {
            String first = in.readLine(MAX_HEADER_LINE);
            if (first == null) {
                throw new OvfFormatException(source, -1, 0, "the file is empty; expected '# OOMMF OVF 2.0' or"
                        + " '# OOMMF: rectangular mesh v1.0' on line 1");
            }
            if (first.startsWith("\uFEFF")) {
                first = first.substring(1);
            }
            version = detectVersion(first);

            List<OvfField> fields = new ArrayList<>();
            Integer declared = null;
            long declaredLine = -1;
            String line;
            while ((line = in.readLine(MAX_HEADER_LINE)) != null) {
                HeaderLine h = headerLine(line);
                if (h != null && h.blank()) {
                    continue;
                }
                if (h != null && h.key().equals("segment count") && h.value() != null) {
                    declared = parseInt("Segment count", h.value(), in.lineNo, 0);
                    declaredLine = in.lineNo;
                    continue;
                }
                if (h != null && h.is("begin", "segment")) {
                    fields.add(readSegment(fields.size() + 1));
                    continue;
                }
                throw errorAtLine("expected '# Begin: Segment'" + (fields.isEmpty() ? "" : " or the end of the file")
                        + ", found " + show(line));
            }
            if (fields.isEmpty()) {
                throw errorAtEnd("no segment found; expected '# Begin: Segment'");
            }
            if (declared != null && declared != fields.size()) {
                throw new OvfFormatException(source, declaredLine, -1, "'Segment count: " + declared
                        + "', but the file holds " + fields.size() + " segment" + (fields.size() == 1 ? "" : "s"));
            }
            return Collections.unmodifiableList(fields);
        }

        private Version detectVersion(String first) {
            String s = first.strip();
            String t = s.startsWith("#") ? normalize(s.substring(1)) : "";
            switch (t) {
                case "oommf ovf 2.0":
                    return Version.V2;
                case "oommf: rectangular mesh v1.0":
                case "oommf ovf 1.0":
                    return Version.V1;
                case "oommf: irregular mesh v1.0":
                    throw errorAtLine(1, "irregular meshes are not supported; expected '# OOMMF OVF 2.0' or"
                            + " '# OOMMF: rectangular mesh v1.0'");
                default:
                    throw errorAtLine(1, "not an OVF file: expected '# OOMMF OVF 2.0' or"
                            + " '# OOMMF: rectangular mesh v1.0' on line 1, found " + show(first));
            }
        }

        /** The next line that is not blank, not a bare '#' and not a '##' comment; null at the end. */
        private String nextContentLine(int keep) throws IOException {
            String line;
            while ((line = in.readLine(keep)) != null) {
                HeaderLine h = headerLine(line);
                if (h == null || !h.blank()) {
                    return line;
                }
            }
            return null;
        }

        private OvfField readSegment(int segment) throws IOException {
            String where = "segment " + segment;
            String line = nextContentLine(MAX_HEADER_LINE);
            if (line == null) {
                throw errorAtEnd("expected '# Begin: Header' in " + where);
            }
            HeaderLine h = headerLine(line);
            if (h == null || !h.is("begin", "header")) {
                throw errorAtLine("expected '# Begin: Header', found " + show(line));
            }
            long headerStart = in.lineNo;
            Map<String, Entry> keys = new LinkedHashMap<>();
            List<String> description = new ArrayList<>();
            String title = "";
            while (true) {
                line = in.readLine(MAX_HEADER_LINE);
                if (line == null) {
                    throw errorAtEnd("the header of " + where + " (from line " + headerStart
                            + ") is not closed; expected '# End: Header'");
                }
                h = headerLine(line);
                if (h == null) {
                    throw errorAtLine("expected a header line '# key: value' or '# End: Header', found "
                            + show(line));
                }
                if (h.blank()) {
                    continue;
                }
                if (h.value() == null) {
                    throw errorAtLine("expected a header line '# key: value' or '# End: Header', found "
                            + show(line));
                }
                if (h.is("end", "header")) {
                    break;
                }
                if (h.key().equals("begin") || h.key().equals("end")) {
                    throw errorAtLine("expected '# End: Header' before " + show(line.strip()));
                }
                switch (h.key()) {
                    case "title" -> title = h.value();
                    case "desc" -> description.add(h.value());
                    default -> keys.put(h.key(), new Entry(h.value(), in.lineNo));
                }
            }
            long headerEnd = in.lineNo;

            line = nextContentLine(MAX_HEADER_LINE);
            if (line == null) {
                throw errorAtEnd("expected '# Begin: Data Text', '# Begin: Data Binary 4' or"
                        + " '# Begin: Data Binary 8' after the header of " + where);
            }
            h = headerLine(line);
            if (h == null || h.value() == null || !h.key().equals("begin")
                    || !normalize(h.value()).startsWith("data")) {
                throw errorAtLine("expected '# Begin: Data Text', '# Begin: Data Binary 4' or"
                        + " '# Begin: Data Binary 8', found " + show(line));
            }
            String encodingText = h.value().strip().substring(4).strip();
            OvfEncoding encoding = OvfEncoding.parse(encodingText);
            if (encoding == null) {
                throw errorAtLine("unknown data encoding '" + encodingText
                        + "'; expected Text, Binary 4 or Binary 8");
            }
            long dataLine = in.lineNo;

            Header header = new Header(keys, headerStart, headerEnd);
            OvfMesh mesh = header.mesh();
            int valuedim = header.valuedim();
            long count = (long) mesh.cellCount() * valuedim;
            if (count > OvfMesh.MAX_VALUES) {
                throw errorAtLine(headerEnd, "the mesh of " + mesh.cellCount() + " cells with valuedim " + valuedim
                        + " holds " + count + " values, more than one array can hold");
            }
            double multiplier = header.multiplier();
            String shape = mesh.xnodes() + " x " + mesh.ynodes() + " x " + mesh.znodes() + " cells x valuedim "
                    + valuedim;
            double[] values = encoding == OvfEncoding.TEXT
                    ? readText((int) count, shape, multiplier, dataLine)
                    : readBinary(encoding, (int) count, shape, multiplier, dataLine);
            expectEndSegment(where);
            return new OvfField(mesh, valuedim, values, title, description, header.labels(valuedim),
                    header.units(valuedim), true);
        }

        private void expectEndSegment(String where) throws IOException {
            String line = nextContentLine(MAX_HEADER_LINE);
            if (line == null) {
                throw errorAtEnd("expected '# End: Segment' to close " + where);
            }
            HeaderLine h = headerLine(line);
            if (h == null || !h.is("end", "segment")) {
                throw errorAtLine("expected '# End: Segment' after the data, found " + show(line));
            }
        }

        private double[] readText(int count, String shape, double multiplier, long dataLine) throws IOException {
            double[] values = new double[Math.min(count, 1 << 16)];
            int n = 0;
            String line;
            while (true) {
                line = in.readLine(Integer.MAX_VALUE - 16);
                if (line == null) {
                    throw errorAtEnd("the Text data that begin on line " + dataLine + " end after " + n + " of "
                            + count + " values (" + shape + "); expected " + (n < count ? "the remaining values and "
                            : "") + "'# End: Data Text'");
                }
                int hash = line.indexOf('#');
                if (hash >= 0) {
                    String rest = line.substring(hash);
                    boolean numbersBefore = !line.substring(0, hash).isBlank();
                    if (!rest.startsWith("##")) {
                        HeaderLine h = headerLine(rest);
                        if (numbersBefore || !h.blank()) {
                            if (!numbersBefore && h.key().equals("end") && h.value() != null
                                    && normalize(h.value()).startsWith("data")) {
                                if (n < count) {
                                    throw errorAtLine("value count does not match the mesh: '# End: Data' after " + n
                                            + " values, but the mesh needs "
                                            + count + " (" + shape + ")");
                                }
                                break;
                            }
                            throw errorAtLine("expected numbers or '# End: Data Text', found " + show(line));
                        }
                    }
                    line = line.substring(0, hash);
                }
                int len = line.length();
                int i = 0;
                while (i < len) {
                    while (i < len && isSpace(line.charAt(i))) {
                        i++;
                    }
                    if (i >= len) {
                        break;
                    }
                    int j = i;
                    while (j < len && !isSpace(line.charAt(j))) {
                        j++;
                    }
                    String token = line.substring(i, j);
                    if (n >= count) {
                        throw errorAtLine("value count does not match the mesh: more values than the mesh holds:"
                                + " found value number " + (n + 1L) + " "
                                + show(token) + ", but the mesh needs " + count + " (" + shape
                                + "), then '# End: Data Text'");
                    }
                    double v;
                    try {
                        v = parseNumber(token);
                    } catch (NumberFormatException e) {
                        throw errorAtLine("expected a number (value " + (n + 1L) + " of " + count + "), found "
                                + show(token));
                    }
                    if (n == values.length) {
                        values = Arrays.copyOf(values, (int) Math.min(count, 2L * values.length));
                    }
                    values[n++] = version == Version.V1 ? v * multiplier : v;
                    i = j;
                }
            }
            return values;
        }

        private static boolean isSpace(char c) {
            return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == 0x0b;
        }

        private double[] readBinary(OvfEncoding encoding, int count, String shape, double multiplier,
                                    long dataLine) throws IOException {
            int w = encoding.width();
            long start = in.offset;
            String block = encoding.label() + " data (" + version.label + ", " + byteOrderName() + ") that begin"
                    + " on line " + dataLine + " at byte " + start;
            long needed = w + (long) count * w;
            byte[] check = new byte[w];
            int got = in.readBytes(check, 0, w);
            if (got < w) {
                throw new OvfFormatException(source, dataLine, in.offset, "truncated " + block + ": the file ends"
                        + " after " + got + " bytes, inside the check value; expected " + needed + " bytes (the"
                        + " check value and " + count + " values: " + shape + ")");
            }
            checkValue(encoding, check, start, dataLine);

            double[] values = new double[Math.min(count, 1 << 16)];
            byte[] chunk = new byte[CHUNK_VALUES * w];
            boolean multiply = version == Version.V1;
            MarkerSearch marker = new MarkerSearch(in.offset);
            int n = 0;
            while (n < count) {
                int want = Math.min(CHUNK_VALUES, count - n);
                int bytes = in.readBytes(chunk, 0, want * w);
                marker.scan(chunk, bytes);
                int complete = bytes / w;
                if (n + complete > values.length) {
                    values = Arrays.copyOf(values, (int) Math.min(count, Math.max(2L * values.length,
                            (long) n + complete)));
                }
                ByteBuffer bb = ByteBuffer.wrap(chunk, 0, bytes).order(version.order);
                for (int k = 0; k < complete; k++) {
                    double v = w == 4 ? bb.getFloat(k * 4) : bb.getDouble(k * 8);
                    values[n++] = multiply ? v * multiplier : v;
                }
                if (bytes < want * w) {
                    throw new OvfFormatException(source, dataLine, marker.found() ? marker.offset() : in.offset,
                            (marker.found() ? countMismatch(marker, block, start + w, w, count, shape)
                            : "truncated " + block + ": the file ends after " + n + " of " + count + " values ("
                                    + shape + "); expected " + needed + " bytes of data, found "
                                    + (in.offset - start)));
                }
            }
            // the values end exactly here; a line break before "# End: Data" is optional
            long end = in.offset;
            String line = in.readLine(256);
            if (line != null && line.isEmpty()) {
                line = in.readLine(256);
            }
            HeaderLine h = line == null ? null : headerLine(line);
            if (h == null || h.value() == null || !h.key().equals("end")
                    || !normalize(h.value()).startsWith("data")) {
                if (marker.found()) {
                    throw new OvfFormatException(source, dataLine, marker.offset(),
                            countMismatch(marker, block, start + w, w, count, shape));
                }
                String found = line == null ? "the end of the file" : show(line);
                throw new OvfFormatException(source, line == null ? -1 : in.lineNo, end, "expected '# End: Data "
                        + encoding.label() + "' right after the " + count + " values (" + shape + ") of the "
                        + block + ", found " + found + ": the data block holds more values than the mesh in the"
                        + " header needs, or the header is wrong");
            }
            return values;
        }

        /** The message for a "# End: Data" marker found inside what the mesh says are values. */
        private static String countMismatch(MarkerSearch marker, String block, long valuesStart, int w, int count,
                                            String shape) {
            long held = (marker.offset() - valuesStart) / w;
            return "value count does not match the mesh: the " + block + " hold " + held + " values ('# End: Data'"
                    + " follows at byte " + marker.offset() + "), but the mesh needs " + count + " (" + shape + ")";
        }

        private String byteOrderName() {
            return version.order == ByteOrder.LITTLE_ENDIAN ? "little-endian" : "big-endian";
        }

        private void checkValue(OvfEncoding encoding, byte[] check, long offset, long dataLine) {
            double expected = encoding.checkValue();
            double found = decode(check, version.order);
            if (found == expected) {
                return;
            }
            ByteOrder other = version.order == ByteOrder.LITTLE_ENDIAN ? ByteOrder.BIG_ENDIAN
                    : ByteOrder.LITTLE_ENDIAN;
            StringBuilder msg = new StringBuilder("wrong check value of the ").append(encoding.label())
                    .append(" data that begin on line ").append(dataLine).append(": expected ")
                    .append(expected).append(" as ").append(byteOrderName()).append(' ')
                    .append(encoding == OvfEncoding.BINARY_4 ? "float32" : "float64").append(" (")
                    .append(version.label).append("), found ").append(found).append(" (bytes ")
                    .append(hex(check)).append(')');
            if (decode(check, other) == expected) {
                msg.append("; these are the bytes of ").append(expected).append(" in ")
                        .append(other == ByteOrder.BIG_ENDIAN ? "big-endian (OVF 1.0)" : "little-endian (OVF 2.0)")
                        .append(" order: the first line of the file names the wrong OVF version");
            } else if (encoding == OvfEncoding.BINARY_8
                    && ByteBuffer.wrap(check, 0, 4).order(version.order).getFloat() == 1234567.0f) {
                msg.append("; the data begin with the Binary 4 check value: the '# Begin: Data' line names the"
                        + " wrong encoding");
            }
            throw new OvfFormatException(source, dataLine, offset, msg.toString());
        }

        private static double decode(byte[] bytes, ByteOrder order) {
            ByteBuffer bb = ByteBuffer.wrap(bytes).order(order);
            return bytes.length == 4 ? bb.getFloat() : bb.getDouble();
        }

        private static String hex(byte[] bytes) {
            StringBuilder sb = new StringBuilder();
            for (byte b : bytes) {
                sb.append(String.format(Locale.ROOT, "%02x", b & 0xff));
            }
            return sb.toString();
        }

        private int parseInt(String key, String text, long line, int min) {
            try {
                int v = Integer.parseInt(text.strip());
                if (v >= min) {
                    return v;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw errorAtLine(line, key + " must be an integer >= " + min + ", found " + show(text));
        }

        /** The keys of one segment header and what they mean. */
        private final class Header {
            private final Map<String, Entry> keys;
            private final long start;
            private final long end;

            Header(Map<String, Entry> keys, long start, long end) {
                this.keys = keys;
                this.start = start;
                this.end = end;
            }

            private OvfFormatException missing(String what) {
                return errorAtLine(end, "the header (lines " + start + " to " + end + ") has no " + what
                        + "; a rectangular mesh needs xnodes, ynodes, znodes, xstepsize, ystepsize, zstepsize,"
                        + " meshunit and, for each axis, xbase or xmin"
                        + (version == Version.V2 ? ", and OVF 2.0 needs valuedim" : ""));
            }

            private double number(String key) {
                Entry e = keys.get(key);
                try {
                    double v = parseNumber(e.value().strip());
                    if (Double.isFinite(v)) {
                        return v;
                    }
                } catch (NumberFormatException ex) {
                    // reported below
                }
                throw errorAtLine(e.line(), key + " must be a finite number, found " + show(e.value()));
            }

            OvfMesh mesh() {
                Entry type = keys.get("meshtype");
                if (type != null && !normalize(type.value()).equals("rectangular")) {
                    throw errorAtLine(type.line(), "meshtype " + show(type.value())
                            + " is not supported; expected 'rectangular'");
                }
                Entry unit = keys.get("meshunit");
                if (unit == null || unit.value().isBlank()) {
                    throw missing("'meshunit'");
                }
                int[] nodes = new int[3];
                double[] step = new double[3];
                double[] base = new double[3];
                double[] min = new double[3];
                double[] max = new double[3];
                for (int a = 0; a < 3; a++) {
                    String ax = OvfMesh.axisName(a);
                    Entry ne = keys.get(ax + "nodes");
                    if (ne == null) {
                        throw missing("'" + ax + "nodes'");
                    }
                    nodes[a] = parseInt(ax + "nodes", ne.value(), ne.line(), 1);
                    if (!keys.containsKey(ax + "stepsize")) {
                        throw missing("'" + ax + "stepsize'");
                    }
                    step[a] = number(ax + "stepsize");
                    if (step[a] < 0) {
                        throw errorAtLine(keys.get(ax + "stepsize").line(), ax + "stepsize must be >= 0, found "
                                + step[a]);
                    }
                    boolean hasBase = keys.containsKey(ax + "base");
                    boolean hasMin = keys.containsKey(ax + "min");
                    if (!hasBase && !hasMin) {
                        throw missing("'" + ax + "base' or '" + ax + "min'");
                    }
                    min[a] = hasMin ? number(ax + "min") : number(ax + "base") - step[a] / 2;
                    base[a] = hasBase ? number(ax + "base") : min[a] + step[a] / 2;
                    max[a] = keys.containsKey(ax + "max") ? number(ax + "max") : min[a] + nodes[a] * step[a];
                }
                long cells = (long) nodes[0] * nodes[1] * nodes[2];
                if (cells > OvfMesh.MAX_VALUES) {
                    throw errorAtLine(end, "the mesh of " + nodes[0] + " x " + nodes[1] + " x " + nodes[2]
                            + " cells is too large for one array");
                }
                return new OvfMesh(unit.value(), nodes[0], nodes[1], nodes[2], step[0], step[1], step[2],
                        base[0], base[1], base[2], min[0], min[1], min[2], max[0], max[1], max[2]);
            }

            int valuedim() {
                if (version == Version.V1) {
                    return 3;
                }
                Entry e = keys.get("valuedim");
                if (e == null) {
                    throw missing("'valuedim'");
                }
                return parseInt("valuedim", e.value(), e.line(), 1);
            }

            double multiplier() {
                if (version == Version.V1 && keys.containsKey("valuemultiplier")) {
                    return number("valuemultiplier");
                }
                return 1.0;
            }

            List<String> labels(int valuedim) {
                return version == Version.V1 ? List.of() : perComponent("valuelabels", valuedim);
            }

            List<String> units(int valuedim) {
                if (version == Version.V1) {
                    Entry e = keys.get("valueunit");
                    return e == null || e.value().isBlank() ? List.of() : Collections.nCopies(3, e.value());
                }
                return perComponent("valueunits", valuedim);
            }

            private List<String> perComponent(String key, int valuedim) {
                Entry e = keys.get(key);
                if (e == null) {
                    return List.of();
                }
                List<String> items = splitList(e.value());
                if (items.isEmpty()) {
                    return List.of();
                }
                if (items.size() == 1 && valuedim > 1) {
                    return Collections.nCopies(valuedim, items.get(0));
                }
                if (items.size() != valuedim) {
                    throw errorAtLine(e.line(), key + " has " + items.size() + " entries, expected one per"
                            + " component (valuedim " + valuedim + "): " + show(e.value()));
                }
                return items;
            }
        }
    }
}
