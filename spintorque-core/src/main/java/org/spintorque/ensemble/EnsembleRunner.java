package org.spintorque.ensemble;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.spintorque.config.InputException;
import org.spintorque.output.ProgressListener;

/**
 * Runs an {@link Ensemble}: computes its realizations in parallel, appends each finished one to the
 * checkpoint {@value #CHECKPOINT_FILE} in the output directory, and accumulates means and standard errors in
 * realization-index order.
 *
 * <pre>{@code
 * Ensemble ensemble = Ensemble.of(fingerprint, seed, realizations, r -> compute(r));
 * EnsembleResult result = new EnsembleRunner(EnsembleRunner.Options.defaults().threads(8).resume(true)
 *         .progress(listener)).run(ensemble, outputDirectory);
 * }</pre>
 *
 * <p><b>Memory.</b> A worker starts realization {@code j} only when {@code j < a + threads + buffer}, where
 * {@code a} is the first realization not yet accumulated. So at most {@code threads + buffer} samples exist at
 * once (being computed or waiting for a slower predecessor), however uneven the realizations are.
 *
 * <p><b>Reproducibility.</b> Samples are accumulated in index order, and samples read back from the checkpoint
 * are bitwise those that were computed, so the result is bit for bit the same for any number of threads and
 * for an ensemble resumed any number of times.
 *
 * <p><b>Resume and extension.</b> With {@link Options#resume(boolean) resume}, the realizations found in the
 * checkpoint are read instead of computed. The checkpoint must have been written with the same fingerprint and
 * seed. Resuming with a larger range extends the ensemble: only the new realizations are computed, and the
 * result equals that of a run that computed them all at once. Without resume, an existing checkpoint is
 * refused (never overwritten). Checkpoint records outside the range are kept in the file and ignored.
 *
 * <p><b>Faults.</b> A realization that throws, a checkpoint that cannot be written (a full disk) or an
 * interrupt stop the ensemble with an {@link EnsembleException} once the realizations in progress have
 * finished; everything finished is in the checkpoint, and resuming continues from there. An
 * {@link InputException} thrown by a realization is passed on as it is.
 */
public final class EnsembleRunner {
    /** The name of the checkpoint file in the output directory. */
    public static final String CHECKPOINT_FILE = "ensemble-checkpoint.jsonl";

    private final Options options;

    public EnsembleRunner() {
        this(Options.defaults());
    }

    public EnsembleRunner(Options options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    public Options options() {
        return options;
    }

    /** How to run: threads, buffer, resume, progress, durability. Immutable; each setter returns a copy. */
    public static final class Options {
        private final int threads;
        private final int buffer;
        private final boolean resume;
        private final ProgressListener progress;
        private final boolean durable;
        private final Checkpoint.Appender appender;

        private Options(int threads, int buffer, boolean resume, ProgressListener progress, boolean durable,
                        Checkpoint.Appender appender) {
            this.threads = threads;
            this.buffer = buffer;
            this.resume = resume;
            this.progress = progress;
            this.durable = durable;
            this.appender = appender;
        }

        /** One thread per available processor, a buffer as large, no resume, no progress, durable writes. */
        public static Options defaults() {
            return new Options(Runtime.getRuntime().availableProcessors(), -1, false, ProgressListener.NONE, true,
                    Checkpoint.Appender.FULL);
        }

        /** The number of realizations computed at the same time (worker threads), at least 1. */
        public Options threads(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("threads = " + n + " is not valid: need at least 1");
            }
            return new Options(n, buffer, resume, progress, durable, appender);
        }

        /**
         * How many finished samples may wait for a slower predecessor, on top of those being computed (default:
         * as many as there are threads). Larger buffers keep workers busy when realizations differ in cost.
         */
        public Options buffer(int n) {
            if (n < 0) {
                throw new IllegalArgumentException("buffer = " + n + " is not valid: need at least 0");
            }
            return new Options(threads, n, resume, progress, durable, appender);
        }

        /** Continue from an existing checkpoint (starts afresh when there is none). */
        public Options resume(boolean r) {
            return new Options(threads, buffer, r, progress, durable, appender);
        }

        /** Receives (finished, total, label) after every realization; the label estimates the time left. */
        public Options progress(ProgressListener listener) {
            return new Options(threads, buffer, resume, Objects.requireNonNull(listener, "listener"), durable,
                    appender);
        }

        /**
         * Whether every record is forced to the storage device before it counts as finished (default true).
         * Without it the operating system decides when records reach the disk: faster for very cheap
         * realizations, but a power failure may lose recent ones (a killed process loses nothing more).
         */
        public Options durable(boolean d) {
            return new Options(threads, buffer, resume, progress, d, appender);
        }

        Options appender(Checkpoint.Appender a) {
            return new Options(threads, buffer, resume, progress, durable, a);
        }

        public int threads() {
            return threads;
        }

        public int buffer() {
            return buffer < 0 ? threads : buffer;
        }

        public boolean resume() {
            return resume;
        }

        public ProgressListener progress() {
            return progress;
        }

        public boolean durable() {
            return durable;
        }
    }

    /**
     * Computes the ensemble (what the checkpoint does not already hold), with its checkpoint in
     * {@code outputDirectory} (created if needed).
     *
     * @throws CheckpointException if the checkpoint exists and resume was not asked for, or was written for
     *         another fingerprint or seed, or is in use
     * @throws EnsembleException if a realization failed, the checkpoint could not be written, or the run was
     *         interrupted; finished realizations are kept
     */
    public EnsembleResult run(Ensemble ensemble, Path outputDirectory) {
        Objects.requireNonNull(ensemble, "ensemble");
        Objects.requireNonNull(outputDirectory, "outputDirectory");
        Path file = outputDirectory.resolve(CHECKPOINT_FILE);
        Checkpoint cp;
        try {
            cp = Checkpoint.open(outputDirectory, CHECKPOINT_FILE, ensemble.fingerprint(), ensemble.seed(),
                    options.resume(), options.durable(), options.appender);
        } catch (IOException e) {
            throw new EnsembleException("cannot open the ensemble checkpoint " + file + ": " + describe(e)
                    + (Files.exists(file) ? " (the file is left as it was)" : ""), e);
        }
        EnsembleResult result;
        try {
            result = new Run(ensemble, cp).execute();
        } finally {
            try {
                cp.close();
            } catch (IOException e) {
                // every record was already forced; nothing is lost by a failing close
            }
        }
        return result;
    }

    /**
     * Gathers an ensemble from the checkpoints of parts computed separately (say on several machines, each on
     * its own index range), without computing anything: the samples of {@code range} are read from the
     * checkpoints and accumulated in index order, so the result is bit for bit that of one run over the range.
     *
     * @throws CheckpointException if a checkpoint has another fingerprint or seed, two checkpoints disagree on
     *         a realization, or a realization of the range is in none of them
     */
    public static EnsembleResult collect(String fingerprint, long seed, IndexRange range,
                                         List<Path> outputDirectories) {
        if (range.isEmpty()) {
            throw new InputException(Ensemble.REALIZATIONS_PARAMETER + ": the realization range " + range
                    + " is empty; an ensemble needs at least 1 realization");
        }
        List<Path> files = new ArrayList<>();
        List<FileChannel> channels = new ArrayList<>();
        Map<Long, Located> where = new HashMap<>();
        int ignored = 0;
        try {
            for (Path dir : outputDirectories) {
                Path file = dir.resolve(CHECKPOINT_FILE);
                if (!Files.exists(file)) {
                    throw new CheckpointException("there is no ensemble checkpoint in " + dir + " (no "
                            + CHECKPOINT_FILE + ")");
                }
                FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
                files.add(file);
                channels.add(ch);
                int f = files.size() - 1;
                Checkpoint.Contents c = Checkpoint.scan(file, ch, fingerprint, seed);
                ignored += c.ignoredLines;
                for (Map.Entry<Long, long[]> e : c.records().entrySet()) {
                    Located here = new Located(f, e.getValue());
                    Located earlier = where.putIfAbsent(e.getKey(), here);
                    if (earlier != null && range.contains(e.getKey())) {
                        Sample a = read(files, channels, earlier);
                        Sample b = read(files, channels, here);
                        if (!a.equals(b)) {
                            throw new CheckpointException("realization " + e.getKey() + " differs between "
                                    + files.get(earlier.file) + " and " + file + ": they were not computed by the "
                                    + "same configuration");
                        }
                    }
                }
            }
            List<Long> missing = new ArrayList<>();
            long missingCount = 0;
            for (long i = range.start(); i < range.end(); i++) {
                if (!where.containsKey(i)) {
                    missingCount++;
                    if (missing.size() < 10) {
                        missing.add(i);
                    }
                }
            }
            if (missingCount > 0) {
                throw new CheckpointException(missingCount + " realizations of " + range + " are in none of the "
                        + "checkpoints in " + outputDirectories + " (the first: " + missing + "); compute them "
                        + "first (run those ranges, resuming)");
            }
            StreamingStatistics stats = new StreamingStatistics(range.start());
            for (long i = range.start(); i < range.end(); i++) {
                stats.add(i, read(files, channels, where.get(i)));
            }
            return new EnsembleResult(fingerprint, seed, List.of(range), stats,
                    new EnsembleResult.RunInfo(0, range.size(), ignored, 0, 0, 0.0, null));
        } catch (IOException e) {
            throw new EnsembleException("cannot read the ensemble checkpoints in " + outputDirectories + ": "
                    + describe(e), e);
        } finally {
            for (FileChannel ch : channels) {
                try {
                    ch.close();
                } catch (IOException ignoredClose) {
                    // read-only: nothing to lose
                }
            }
        }
    }

    /** Where a realization's record is: which checkpoint, and {offset, length} in it. */
    private record Located(int file, long[] where) { }

    private static Sample read(List<Path> files, List<FileChannel> channels, Located at) throws IOException {
        return Checkpoint.readSample(files.get(at.file), channels.get(at.file), at.where);
    }

    private static String describe(Throwable e) {
        String m = e.getMessage();
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            m = fse.getReason() + (fse.getFile() != null ? " (" + fse.getFile() + ")" : "");
        }
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    /** One execution: the shared state of the workers, guarded by {@code this}. */
    private final class Run {
        private final Ensemble ensemble;
        private final Checkpoint cp;
        private final IndexRange range;
        private final StreamingStatistics stats;
        private final int window;
        private final long fromCheckpoint;
        private final long toCompute;
        private final long recordedBefore;
        private final long startNanos = System.nanoTime();
        private long nextDispatch;
        private long computed;
        private long appended;
        private int inFlight;
        private int peakHeld;
        private Throwable failure;
        private long failedIndex = -1;
        private boolean writeFailed;
        private boolean interrupted;

        Run(Ensemble ensemble, Checkpoint cp) {
            this.ensemble = ensemble;
            this.cp = cp;
            this.range = ensemble.range();
            this.stats = new StreamingStatistics(range.start());
            this.window = options.threads() + options.buffer();
            long inRange = 0;
            for (Long i : cp.contents().records().keySet()) {
                if (range.contains(i)) {
                    inRange++;
                }
            }
            this.fromCheckpoint = inRange;
            this.toCompute = range.size() - inRange;
            this.recordedBefore = cp.contents().records().size();
            this.nextDispatch = range.start();
        }

        EnsembleResult execute() {
            int workers = (int) Math.min(options.threads(), toCompute);
            synchronized (this) {
                try {
                    advance();
                    report();
                } catch (IOException e) {
                    throw new EnsembleException("cannot read the ensemble checkpoint " + cp.file() + ": "
                            + describe(e), e);
                }
            }
            List<Thread> threads = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                Thread t = new Thread(this::work, "ensemble-worker-" + w);
                t.setDaemon(true);
                threads.add(t);
            }
            threads.forEach(Thread::start);
            joinAll(threads);
            synchronized (this) {
                if (failure != null) {
                    throw failureException();
                }
                if (stats.nextIndex() != range.end()) {
                    throw new IllegalStateException("ensemble ended at realization " + stats.nextIndex()
                            + " instead of " + range.end());
                }
                double seconds = (System.nanoTime() - startNanos) * 1e-9;
                return new EnsembleResult(ensemble.fingerprint(), ensemble.seed(), List.of(range), stats,
                        new EnsembleResult.RunInfo(computed, fromCheckpoint, cp.contents().ignoredLines, workers,
                                peakHeld, seconds, cp.file()));
            }
        }

        private void joinAll(List<Thread> threads) {
            boolean interruptedHere = false;
            for (Thread t : threads) {
                while (true) {
                    try {
                        t.join();
                        break;
                    } catch (InterruptedException e) {
                        // stop handing out realizations, ask the workers to stop, and wait for them
                        interruptedHere = true;
                        synchronized (this) {
                            if (failure == null) {
                                failure = e;
                                interrupted = true;
                            }
                            notifyAll();
                        }
                        threads.forEach(Thread::interrupt);
                    }
                }
            }
            if (interruptedHere) {
                Thread.currentThread().interrupt();
            }
        }

        private void work() {
            while (true) {
                long j;
                synchronized (this) {
                    while (true) {
                        if (failure != null) {
                            return;
                        }
                        while (nextDispatch < range.end() && cp.has(nextDispatch)) {
                            nextDispatch++;
                        }
                        if (nextDispatch >= range.end()) {
                            return;
                        }
                        if (nextDispatch < stats.nextIndex() + window) {
                            break;
                        }
                        try {
                            wait();
                        } catch (InterruptedException e) {
                            fail(-1, e);
                            return;
                        }
                    }
                    j = nextDispatch++;
                    inFlight++;
                    peakHeld = Math.max(peakHeld, inFlight + stats.waiting());
                }
                Sample s;
                try {
                    s = ensemble.function().compute(new Realization(j, ensemble.seed()));
                    if (s == null) {
                        throw new IllegalStateException("the realization function returned no sample");
                    }
                } catch (Throwable t) {
                    fail(j, t);
                    return;
                }
                try {
                    cp.append(j, s);
                } catch (IOException e) {
                    synchronized (this) {
                        writeFailed = true;
                    }
                    fail(j, e);
                    return;
                }
                synchronized (this) {
                    inFlight--;
                    computed++;
                    appended++;
                    try {
                        stats.add(j, s);
                        advance();
                        report();
                    } catch (Throwable t) {
                        fail(j, t);
                        return;
                    } finally {
                        notifyAll();
                    }
                }
            }
        }

        /** Accumulates the realizations from the checkpoint that are next in line. */
        private void advance() throws IOException {
            long i;
            while ((i = stats.nextIndex()) < range.end() && cp.has(i)) {
                stats.add(i, cp.read(i));
            }
        }

        private void report() {
            long done = fromCheckpoint + computed;
            String label = "realizations";
            if (computed > 0 && done < range.size()) {
                double elapsed = (System.nanoTime() - startNanos) * 1e-9;
                label += " (" + formatSeconds(elapsed / computed * (toCompute - computed)) + " left)";
            }
            options.progress().progress(done, range.size(), label);
        }

        private synchronized void fail(long index, Throwable t) {
            if (failure == null) {
                failure = t;
                failedIndex = index;
            }
            notifyAll();
        }

        private RuntimeException failureException() {
            long kept = recordedBefore + appended;
            String keep = "the checkpoint " + cp.file() + " keeps the " + kept + " finished realizations"
                    + " (" + (fromCheckpoint + computed) + " of " + range.size() + " in " + range + ")";
            if (interrupted || failure instanceof InterruptedException) {
                return new EnsembleException("the ensemble was interrupted; " + keep + "; resume to finish it",
                        failure);
            }
            if (writeFailed && failure instanceof IOException io) {
                String reason = describe(io);
                String fix = reason.toLowerCase(Locale.ROOT).contains("space") ? "free space" : "fix the cause";
                return new EnsembleException("cannot write realization " + failedIndex + " to the checkpoint "
                        + cp.file() + ": " + reason + ". The " + kept + " realizations recorded before are "
                        + "intact (a checkpoint is never truncated); " + fix + " and resume to finish the ensemble",
                        io);
            }
            if (failure instanceof InputException ie) {
                return ie;
            }
            if (failure instanceof IOException io) {
                return new EnsembleException("cannot read the ensemble checkpoint " + cp.file() + ": "
                        + describe(io), io);
            }
            return new EnsembleException("realization " + failedIndex + " failed: " + describe(failure) + "; "
                    + keep + "; resume to continue once the cause is fixed", failure);
        }
    }

    static String formatSeconds(double s) {
        if (s < 60) {
            return String.format(Locale.ROOT, "%.0f s", s);
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%.0f min %.0f s", Math.floor(s / 60), Math.floor(s % 60));
        }
        return String.format(Locale.ROOT, "%.0f h %.0f min", Math.floor(s / 3600), Math.floor((s % 3600) / 60));
    }
}
