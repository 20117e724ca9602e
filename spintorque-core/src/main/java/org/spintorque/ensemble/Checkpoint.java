package org.spintorque.ensemble;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The checkpoint file of an ensemble: JSON lines, appended to and never rewritten.
 *
 * <p>The first line is the header,
 * {@code {"format":"spintorque-ensemble-checkpoint","version":1,"fingerprint":"...","seed":42}}. Every
 * further line is the sample of one finished realization,
 * {@code {"realization":17,"scalars":{"beta":0.0123,...},"arrays":{"profile":[...],...}}}, appended in the
 * order in which realizations finish. Numbers are written in the shortest decimal form that reads back to the
 * same double, so a sample read back is bitwise the sample that was written.
 *
 * <p>Each line is written, flushed and forced to the storage device ({@link FileChannel#force}) before the
 * realization counts as done, so a crash or {@code kill -9} loses at most the realizations in progress. A
 * crash in the middle of a write leaves an unterminated last line; on reading it is ignored, and before
 * appending again a line end is added so that the fragment stays a line of its own (and is ignored again).
 * Lines that are not valid JSON are likewise ignored (their realizations are computed again); valid JSON that
 * is not a record is an error. The same realization recorded twice must hold identical samples.
 *
 * <p>While an ensemble runs it holds an exclusive lock on the file, so two runs cannot append to the same
 * checkpoint. Checkpoints are never truncated or overwritten.
 */
final class Checkpoint implements Closeable {
    static final String FORMAT = "spintorque-ensemble-checkpoint";
    static final int VERSION = 1;
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** Writes one record's bytes to the channel; replaced in tests to simulate a failing disk. */
    @FunctionalInterface
    interface Appender {
        void write(FileChannel channel, ByteBuffer bytes) throws IOException;

        Appender FULL = (channel, bytes) -> {
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
        };
    }

    /** The checkpoints (real paths) this process has open. */
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    private final Path file;
    private final Path real;
    private final FileChannel reader;
    private final FileChannel writer;
    private final FileLock lock;
    private final Contents contents;
    private final boolean durable;
    private final Appender appender;
    private IOException failure;

    private Checkpoint(Path file, Path real, FileChannel reader, FileChannel writer, FileLock lock,
                       Contents contents, boolean durable, Appender appender) {
        this.file = file;
        this.real = real;
        this.reader = reader;
        this.writer = writer;
        this.lock = lock;
        this.contents = contents;
        this.durable = durable;
        this.appender = appender;
    }

    /** What a scan of a checkpoint file found. */
    static final class Contents {
        final Path file;
        /** realization index to {offset, length} of its line */
        final Map<Long, long[]> records = new HashMap<>();
        int ignoredLines;
        boolean endsWithLineEnd = true;

        Contents(Path file) {
            this.file = file;
        }

        Map<Long, long[]> records() {
            return Collections.unmodifiableMap(records);
        }
    }

    /**
     * Opens the checkpoint in {@code directory} for appending, creating it when it does not exist.
     *
     * @param resume whether an existing checkpoint may be continued; without it, an existing one is refused
     * @throws CheckpointException if the checkpoint exists and may not or cannot be continued
     * @throws IOException if the file system fails
     */
    static Checkpoint open(Path directory, String fileName, String fingerprint, long seed, boolean resume,
                           boolean durable, Appender appender) throws IOException {
        Path file = directory.resolve(fileName);
        Files.createDirectories(directory);
        boolean created = false;
        if (!Files.exists(file)) {
            created = create(file, fingerprint, seed, durable);
        }
        // In this process, refuse before opening a channel: closing any channel of a file can drop the
        // operating system's lock that another channel of this process holds on it.
        Path real = file.toRealPath();
        if (!HELD.add(real)) {
            throw inUse(file);
        }
        FileChannel reader = null;
        FileChannel writer = null;
        FileLock lock = null;
        boolean opened = false;
        try {
            reader = FileChannel.open(file, StandardOpenOption.READ);
            writer = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
            try {
                lock = writer.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                throw inUse(file);
            }
            if (reader.size() == 0) {
                // an empty file holds no results: give it its header
                Appender.FULL.write(writer, ByteBuffer.wrap(headerLine(fingerprint, seed)));
                writer.force(true);
                created = true;
            }
            if (!created && !resume) {
                Contents c = scan(file, reader, fingerprint, seed);
                throw new CheckpointException("the output directory " + directory + " already holds an ensemble "
                        + "checkpoint (" + file.getFileName() + ", " + c.records.size() + " finished realizations); "
                        + "resume it, or choose another output directory (a checkpoint is never overwritten)");
            }
            Contents contents = scan(file, reader, fingerprint, seed);
            if (!contents.endsWithLineEnd) {
                // a write was cut short: close the fragment's line so the next record starts on its own line
                Appender.FULL.write(writer, ByteBuffer.wrap(new byte[] {'\n'}));
                writer.force(true);
                contents.endsWithLineEnd = true;
            }
            Checkpoint cp = new Checkpoint(file, real, reader, writer, lock, contents, durable, appender);
            opened = true;
            return cp;
        } finally {
            if (!opened) {
                try {
                    closeAll(real, lock, writer, reader);
                } catch (IOException ignored) {
                    // the error that stopped the opening matters more
                }
            }
        }
    }

    private static CheckpointException inUse(Path file) {
        return new CheckpointException("the checkpoint " + file + " is in use by another running ensemble; "
                + "wait for it to finish or use another output directory");
    }

    private static void closeAll(Path real, FileLock lock, FileChannel writer, FileChannel reader)
            throws IOException {
        try {
            if (lock != null && lock.isValid()) {
                lock.release();
            }
        } finally {
            try {
                if (writer != null) {
                    writer.close();
                }
            } finally {
                try {
                    if (reader != null) {
                        reader.close(); // last: on some systems closing any channel of a file drops its locks
                    }
                } finally {
                    HELD.remove(real);
                }
            }
        }
    }

    /** Creates the file with its header, atomically: it either does not exist or has a complete header. */
    private static boolean create(Path file, String fingerprint, long seed, boolean durable) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, "." + file.getFileName() + ".", ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                Appender.FULL.write(ch, ByteBuffer.wrap(headerLine(fingerprint, seed)));
                ch.force(true);
            }
            try {
                Files.createLink(file, tmp); // atomic, and fails if the file appeared meanwhile
            } catch (FileAlreadyExistsException e) {
                return false;
            } catch (UnsupportedOperationException | IOException e) {
                if (Files.exists(file)) {
                    return false;
                }
                try {
                    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e2) {
                    Files.move(tmp, file);
                }
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
        if (durable) {
            forceDirectory(dir);
        }
        return true;
    }

    /** Makes a new directory entry durable, where the platform allows it (Linux does, Windows does not). */
    private static void forceDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | RuntimeException e) {
            // not supported here; the file content itself is forced
        }
    }

    static byte[] headerLine(String fingerprint, long seed) {
        ObjectNode h = MAPPER.createObjectNode();
        h.put("format", FORMAT);
        h.put("version", VERSION);
        h.put("fingerprint", fingerprint);
        h.put("seed", seed);
        return line(h);
    }

    static byte[] recordLine(long index, Sample sample) {
        ObjectNode r = MAPPER.createObjectNode();
        r.put("realization", index);
        ObjectNode s = r.putObject("scalars");
        for (String name : sample.scalarNames()) {
            s.put(name, sample.scalar(name));
        }
        ObjectNode a = r.putObject("arrays");
        for (String name : sample.arrayNames()) {
            ArrayNode arr = a.putArray(name);
            for (double v : sample.arrayView(name)) {
                arr.add(v);
            }
        }
        return line(r);
    }

    private static byte[] line(ObjectNode node) {
        try {
            return (MAPPER.writeValueAsString(node) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode a checkpoint line: " + e.getMessage(), e);
        }
    }

    Contents contents() {
        return contents;
    }

    Path file() {
        return file;
    }

    /** Whether the realization is recorded in the checkpoint (as found when it was opened). */
    boolean has(long index) {
        return contents.records.containsKey(index);
    }

    /** Reads back the sample of a realization recorded in the checkpoint when it was opened. */
    Sample read(long index) throws IOException {
        long[] where = contents.records.get(index);
        if (where == null) {
            throw new IllegalArgumentException("realization " + index + " is not in " + file);
        }
        return readRecord(file, reader, where).sample;
    }

    /**
     * Appends the sample of a finished realization and forces it to the device. After a failed write the
     * checkpoint accepts nothing more (the file may end in a fragment, which a later resume closes off).
     */
    synchronized void append(long index, Sample sample) throws IOException {
        if (failure != null) {
            throw new IOException("an earlier write to this checkpoint failed (" + failure.getMessage() + ")");
        }
        try {
            appender.write(writer, ByteBuffer.wrap(recordLine(index, sample)));
            if (durable) {
                writer.force(true);
            }
        } catch (IOException e) {
            failure = e;
            throw e;
        }
    }

    @Override
    public void close() throws IOException {
        closeAll(real, lock, writer, reader);
    }

    /**
     * Reads the sample at {offset, length} through an open channel. Gathering code that reads a checkpoint
     * in use by a run in this same process should know that closing its channel may drop that run's lock.
     */
    static Sample readSample(Path file, FileChannel ch, long[] where) throws IOException {
        return readRecord(file, ch, where).sample;
    }

    private record Parsed(long index, Sample sample) { }

    private static Parsed readRecord(Path file, FileChannel ch, long[] where) throws IOException {
        if (where[1] > Integer.MAX_VALUE - 16) {
            throw new CheckpointException(file + ": a record of " + where[1] + " bytes is too long to read");
        }
        ByteBuffer buf = ByteBuffer.allocate((int) where[1]);
        long pos = where[0];
        while (buf.hasRemaining()) {
            int n = ch.read(buf, pos);
            if (n < 0) {
                throw new IOException(file + " became shorter while it was read");
            }
            pos += n;
        }
        JsonNode node = MAPPER.readTree(buf.array());
        return parseRecord(file, node, -1);
    }

    /**
     * Reads every line of the checkpoint: checks the header against the fingerprint and seed, and records
     * where each realization's line is. Samples are parsed to check them, then dropped (memory stays small).
     */
    static Contents scan(Path file, FileChannel ch, String fingerprint, long seed) throws IOException {
        Contents c = new Contents(file);
        ByteBuffer chunk = ByteBuffer.allocate(1 << 16);
        byte[] line = new byte[1 << 12];
        int lineLen = 0;
        long lineStart = 0;
        long pos = 0;
        long lineNumber = 0;
        while (true) {
            chunk.clear();
            int n = ch.read(chunk, pos);
            if (n < 0) {
                break;
            }
            byte[] a = chunk.array();
            for (int i = 0; i < n; i++) {
                byte b = a[i];
                if (b == '\n') {
                    lineNumber++;
                    handleLine(c, ch, line, lineLen, lineStart, lineNumber, fingerprint, seed);
                    lineLen = 0;
                    lineStart = pos + i + 1;
                } else {
                    if (lineLen == line.length) {
                        if (line.length > Integer.MAX_VALUE / 2 - 16) {
                            throw new CheckpointException(file + " line " + (lineNumber + 1) + " is too long");
                        }
                        line = Arrays.copyOf(line, line.length * 2);
                    }
                    line[lineLen++] = b;
                }
            }
            pos += n;
        }
        if (lineNumber == 0) {
            throw new CheckpointException(file + " is not an ensemble checkpoint: it has no complete header line; "
                    + "move it away or choose another output directory");
        }
        if (lineLen > 0) {
            c.ignoredLines++; // a record cut short by a crash
            c.endsWithLineEnd = false;
        }
        return c;
    }

    private static void handleLine(Contents c, FileChannel ch, byte[] line, int len, long start, long lineNumber,
                                   String fingerprint, long seed) throws IOException {
        Path file = c.file;
        if (lineNumber == 1) {
            checkHeader(file, line, len, fingerprint, seed);
            return;
        }
        if (isBlank(line, len)) {
            return;
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(line, 0, len);
        } catch (JsonProcessingException e) {
            c.ignoredLines++; // torn or damaged: that realization is computed again
            return;
        }
        if (node == null || node.isMissingNode()) {
            c.ignoredLines++;
            return;
        }
        Parsed p = parseRecord(file, node, lineNumber);
        long[] where = {start, len};
        long[] earlier = c.records.putIfAbsent(p.index, where);
        if (earlier != null) {
            // read through the same channel: closing another channel of this file could drop its lock
            Sample first = readRecord(file, ch, earlier).sample;
            if (!first.equals(p.sample)) {
                throw new CheckpointException(file + " records realization " + p.index + " twice with different "
                        + "values (the second time on line " + lineNumber + "): the realization function is not "
                        + "a pure function of (seed, realization index), or the file was edited");
            }
        }
    }

    private static boolean isBlank(byte[] line, int len) {
        for (int i = 0; i < len; i++) {
            if (line[i] != ' ' && line[i] != '\t' && line[i] != '\r') {
                return false;
            }
        }
        return true;
    }

    private static void checkHeader(Path file, byte[] line, int len, String fingerprint, long seed) {
        JsonNode h;
        try {
            h = MAPPER.readTree(line, 0, len);
        } catch (IOException e) {
            h = null;
        }
        if (h == null || !h.isObject() || !FORMAT.equals(h.path("format").asText(null))) {
            throw new CheckpointException(file + " is not an ensemble checkpoint (its first line is not a "
                    + FORMAT + " header); move it away or choose another output directory");
        }
        if (h.path("version").asInt(-1) != VERSION) {
            throw new CheckpointException(file + " is a checkpoint of format version " + h.path("version")
                    + "; this program reads version " + VERSION);
        }
        String theirs = h.path("fingerprint").asText(null);
        if (!fingerprint.equals(theirs)) {
            throw new CheckpointException("the checkpoint " + file + " was written for a different configuration: "
                    + "its fingerprint is '" + theirs + "', this run's is '" + fingerprint + "'. Resume it with the "
                    + "input it was written for, or choose another output directory");
        }
        JsonNode s = h.path("seed");
        if (!s.canConvertToLong() || !s.isIntegralNumber() || s.longValue() != seed) {
            throw new CheckpointException("the checkpoint " + file + " was written with disorder seed " + s
                    + ", this run has seed " + seed + ". Resume it with the seed it was written for, or choose "
                    + "another output directory");
        }
    }

    private static Parsed parseRecord(Path file, JsonNode node, long lineNumber) {
        String where = file + (lineNumber > 0 ? " line " + lineNumber : "");
        if (!node.isObject()) {
            throw new CheckpointException(where + " is not a realization record");
        }
        JsonNode idx = node.get("realization");
        if (idx == null || !idx.isIntegralNumber() || !idx.canConvertToLong() || idx.longValue() < 0) {
            throw new CheckpointException(where + " has no valid \"realization\" index");
        }
        Sample.Builder b = Sample.builder();
        try {
            for (String part : new String[] {"scalars", "arrays"}) {
                if (node.has(part) && !node.get(part).isObject()) {
                    throw new IllegalArgumentException("\"" + part + "\" is not an object");
                }
            }
            JsonNode scalars = node.path("scalars");
            for (Map.Entry<String, JsonNode> e : scalars.properties()) {
                if (!e.getValue().isNumber()) {
                    throw new IllegalArgumentException("scalar '" + e.getKey() + "' is not a number");
                }
                b.scalar(e.getKey(), e.getValue().doubleValue());
            }
            JsonNode arrays = node.path("arrays");
            for (Map.Entry<String, JsonNode> e : arrays.properties()) {
                JsonNode arr = e.getValue();
                if (!arr.isArray()) {
                    throw new IllegalArgumentException("array '" + e.getKey() + "' is not an array");
                }
                double[] v = new double[arr.size()];
                for (int i = 0; i < v.length; i++) {
                    if (!arr.get(i).isNumber()) {
                        throw new IllegalArgumentException("array '" + e.getKey() + "' element " + i
                                + " is not a number");
                    }
                    v[i] = arr.get(i).doubleValue();
                }
                b.array(e.getKey(), v);
            }
        } catch (IllegalArgumentException e) {
            throw new CheckpointException(where + " (realization " + idx.longValue() + ") is not a valid record: "
                    + e.getMessage());
        }
        return new Parsed(idx.longValue(), b.build());
    }
}
