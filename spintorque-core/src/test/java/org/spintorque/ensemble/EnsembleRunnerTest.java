package org.spintorque.ensemble;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.spintorque.config.InputException;
import org.spintorque.output.JsonOutput;

class EnsembleRunnerTest {
    @TempDir
    Path tmp;

    /**
     * A stand-in for a disordered calculation: scalars and a slice profile drawn from the realization's
     * stream. With {@code jitter} each realization also sleeps 0-2 ms (from its own stream), so that
     * realizations finish out of order on several threads.
     */
    static Sample synthetic(Realization r, boolean jitter) throws InterruptedException {
        SplittableRandom g = r.random();
        double[] profile = new double[12];
        for (int i = 0; i < profile.length; i++) {
            profile[i] = Math.sin(0.3 * i) + 0.1 * g.nextGaussian();
        }
        Sample s = Sample.builder()
                .scalar("beta", 0.02 + 0.005 * g.nextGaussian())
                .scalar("P", 0.6 + 0.05 * (g.nextDouble() - 0.5))
                .scalar("c_a", -0.3 + 1e-3 * g.nextGaussian())
                .scalar("tiny", 1e-300 * g.nextDouble())
                .array("profile", profile)
                .build();
        if (jitter) {
            Thread.sleep(r.random(7).nextInt(3));
        }
        return s;
    }

    static Ensemble ensemble(long seed, long n, boolean jitter) {
        return Ensemble.of("fingerprint-" + seed, seed, n, r -> synthetic(r, jitter));
    }

    static EnsembleRunner runner(int threads, boolean resume) {
        return new EnsembleRunner(EnsembleRunner.Options.defaults().threads(threads).resume(resume));
    }

    /** The ordered stream of the same samples, accumulated without the runner. */
    static StreamingStatistics direct(long seed, long n) throws Exception {
        StreamingStatistics s = new StreamingStatistics();
        for (long i = 0; i < n; i++) {
            s.add(i, synthetic(new Realization(i, seed), false));
        }
        return s;
    }

    static Path checkpoint(Path dir) {
        return dir.resolve(EnsembleRunner.CHECKPOINT_FILE);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void bitIdenticalForAnyNumberOfThreads(long seed) throws Exception {
        int n = 40;
        EnsembleResult one = runner(1, false).run(ensemble(seed, n, true), tmp.resolve("t1"));
        assertTrue(one.statistics().identicalTo(direct(seed, n)), "the runner adds nothing to the numbers");
        for (int threads : new int[] {2, 4, 8}) {
            EnsembleResult r = new EnsembleRunner(EnsembleRunner.Options.defaults().threads(threads).durable(false))
                    .run(ensemble(seed, n, true), tmp.resolve("t" + threads));
            assertTrue(r.identicalTo(one), threads + " threads");
            assertEquals(one.scalar("beta"), r.scalar("beta"));
            assertEquals(one.array("profile"), r.array("profile"));
            assertEquals(n, r.run().orElseThrow().computed());
        }
        assertEquals(n, one.realizations());
        assertEquals(n, one.scalar("P").count());
        assertEquals(12, one.array("profile").length());
        assertEquals(List.of(IndexRange.first(n)), one.ranges());

        Map<String, Object> json = JsonOutput.parse(JsonOutput.render(one.toMap()));
        assertEquals(n, ((Number) json.get("realizations")).intValue());
        Map<?, ?> beta = (Map<?, ?>) ((Map<?, ?>) json.get("scalars")).get("beta");
        assertEquals(one.scalar("beta").mean(), ((Number) beta.get("mean")).doubleValue());
        assertEquals(one.scalar("beta").standardError(), ((Number) beta.get("error")).doubleValue());
        assertEquals(12, ((List<?>) ((Map<?, ?>) ((Map<?, ?>) json.get("arrays")).get("profile")).get("mean")).size());
    }

    /** Realizations 0..k-1, then a resume to N: bitwise the uninterrupted ensemble, k read back, not computed. */
    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13})
    void resumedEqualsUninterrupted(long seed) {
        int n = 30;
        int k = 1 + new SplittableRandom(seed).nextInt(n - 1);
        EnsembleResult whole = runner(3, false).run(ensemble(seed, n, true), tmp.resolve("whole"));
        Path dir = tmp.resolve("parts");
        EnsembleResult part = runner(2, false).run(ensemble(seed, k, true), dir);
        assertEquals(k, part.realizations());
        AtomicInteger calls = new AtomicInteger();
        Ensemble counted = Ensemble.of("fingerprint-" + seed, seed, n, r -> {
            calls.incrementAndGet();
            return synthetic(r, true);
        });
        EnsembleResult resumed = runner(4, true).run(counted, dir);
        assertTrue(resumed.identicalTo(whole));
        assertEquals(n - k, calls.get(), "only the missing realizations are computed");
        assertEquals(k, resumed.run().orElseThrow().fromCheckpoint());
        assertEquals(n - k, resumed.run().orElseThrow().computed());

        // resuming a finished ensemble computes nothing and gives the same result again
        EnsembleResult again = runner(2, true).run(Ensemble.of("fingerprint-" + seed, seed, n, r -> {
            throw new AssertionError("nothing should be computed");
        }), dir);
        assertTrue(again.identicalTo(whole));
    }

    /**
     * A kill -9 in the middle of a write leaves a partial last line: cut the checkpoint inside its last
     * record. Resuming ignores the fragment (and never shortens the file), computes the lost realization and
     * ends bitwise equal to the uninterrupted ensemble.
     */
    @ParameterizedTest
    @ValueSource(longs = {21, 22, 23})
    void tornLastLineIsIgnoredOnResume(long seed) throws IOException {
        int n = 24;
        EnsembleResult whole = runner(1, false).run(ensemble(seed, n, false), tmp.resolve("whole"));
        Path dir = tmp.resolve("killed");
        int k = 5 + new SplittableRandom(seed).nextInt(n - 10);
        runner(1, false).run(ensemble(seed, k, false), dir);
        byte[] bytes = Files.readAllBytes(checkpoint(dir));
        int lastLineStart = lastIndexOf(bytes, (byte) '\n', bytes.length - 2) + 1;
        int cut = lastLineStart + (bytes.length - lastLineStart) / 2;
        try (var ch = Files.newByteChannel(checkpoint(dir), StandardOpenOption.WRITE)) {
            ch.truncate(cut); // the simulated crash
        }
        byte[] torn = Files.readAllBytes(checkpoint(dir));

        EnsembleResult resumed = runner(2, true).run(ensemble(seed, n, false), dir);
        assertTrue(resumed.identicalTo(whole));
        EnsembleResult.RunInfo info = resumed.run().orElseThrow();
        assertEquals(1, info.ignoredCheckpointLines());
        assertEquals(k - 1, info.fromCheckpoint());
        assertEquals(n - k + 1, info.computed());
        byte[] after = Files.readAllBytes(checkpoint(dir));
        for (int i = 0; i < torn.length; i++) {
            assertEquals(torn[i], after[i], "the checkpoint is only appended to (byte " + i + ")");
        }
        assertEquals('\n', after[torn.length], "the fragment's line is closed before the next record");

        EnsembleResult again = runner(2, true).run(ensemble(seed, n, false), dir);
        assertTrue(again.identicalTo(whole));
        assertEquals(0, again.run().orElseThrow().computed());
        assertEquals(1, again.run().orElseThrow().ignoredCheckpointLines());
    }

    private static int lastIndexOf(byte[] a, byte b, int from) {
        for (int i = from; i >= 0; i--) {
            if (a[i] == b) {
                return i;
            }
        }
        return -1;
    }

    /** A realization that throws stops the ensemble; what finished is kept and a resume completes it. */
    @Test
    void failedRealizationKeepsFinishedOnesForResume() {
        long seed = 31;
        int n = 20;
        Path dir = tmp.resolve("fail");
        Ensemble failing = Ensemble.of("fingerprint-" + seed, seed, n, r -> {
            if (r.index() == 7) {
                throw new IllegalStateException("no convergence");
            }
            return synthetic(r, false);
        });
        EnsembleException e = assertThrows(EnsembleException.class, () -> runner(1, false).run(failing, dir));
        assertTrue(e.getMessage().contains("realization 7 failed: no convergence"), e.getMessage());
        assertTrue(e.getMessage().contains("keeps the 7 finished realizations"), e.getMessage());
        EnsembleResult resumed = runner(3, true).run(ensemble(seed, n, false), dir);
        assertEquals(n - 7, resumed.run().orElseThrow().computed());
        assertTrue(resumed.identicalTo(runner(2, false).run(ensemble(seed, n, false), tmp.resolve("whole"))));
    }

    /** An input error found by a realization reaches the caller as it is. */
    @Test
    void inputErrorsOfARealizationPassUnchanged() {
        Ensemble bad = Ensemble.of("f", 1, 3, r -> {
            throw new InputException("disorder.spin_flip.concentration = 2 is not valid");
        });
        InputException e = assertThrows(InputException.class, () -> runner(1, false).run(bad, tmp.resolve("x")));
        assertEquals("disorder.spin_flip.concentration = 2 is not valid", e.getMessage());
    }

    /**
     * A full disk: the sixth write puts half a record on disk and fails. The error says what happened and
     * that earlier results are intact; they are, and a resume (disk freed) ends bitwise equal to an
     * uninterrupted run.
     */
    @Test
    void fullDiskGivesAClearErrorAndKeepsEarlierResults() throws IOException {
        long seed = 41;
        int n = 16;
        Path dir = tmp.resolve("full");
        AtomicInteger writes = new AtomicInteger();
        Checkpoint.Appender failing = (channel, bytes) -> {
            if (writes.incrementAndGet() == 6) {
                bytes.limit(bytes.position() + bytes.remaining() / 2);
                Checkpoint.Appender.FULL.write(channel, bytes);
                throw new IOException("No space left on device");
            }
            Checkpoint.Appender.FULL.write(channel, bytes);
        };
        EnsembleRunner.Options opts = EnsembleRunner.Options.defaults().threads(2).appender(failing);
        EnsembleException e = assertThrows(EnsembleException.class,
                () -> new EnsembleRunner(opts).run(ensemble(seed, n, false), dir));
        String m = e.getMessage();
        assertTrue(m.startsWith("cannot write realization "), m);
        assertTrue(m.contains(checkpoint(dir).toString()), m);
        assertTrue(m.contains("No space left on device"), m);
        assertTrue(m.contains("The 5 realizations recorded before are intact"), m);
        assertTrue(m.contains("resume"), m);

        List<String> lines = Files.readAllLines(checkpoint(dir), StandardCharsets.UTF_8);
        assertEquals(1 + 5 + 1, lines.size(), "header, five records and the fragment");
        EnsembleResult resumed = runner(2, true).run(ensemble(seed, n, false), dir);
        assertEquals(5, resumed.run().orElseThrow().fromCheckpoint());
        assertEquals(1, resumed.run().orElseThrow().ignoredCheckpointLines());
        assertTrue(resumed.identicalTo(runner(1, false).run(ensemble(seed, n, false), tmp.resolve("whole"))));
    }

    /** An interrupt stops the ensemble after the realizations in progress; a resume completes it. */
    @Test
    void interruptStopsAndResumeCompletes() {
        long seed = 51;
        int n = 20;
        Path dir = tmp.resolve("interrupted");
        Thread caller = Thread.currentThread();
        Ensemble interrupting = Ensemble.of("fingerprint-" + seed, seed, n, r -> {
            if (r.index() == 6) {
                caller.interrupt();
            }
            return synthetic(r, false);
        });
        EnsembleException e = assertThrows(EnsembleException.class, () -> runner(1, false).run(interrupting, dir));
        assertTrue(Thread.interrupted(), "the interrupt status is kept for the caller (and cleared here)");
        assertTrue(e.getMessage().startsWith("the ensemble was interrupted"), e.getMessage());
        EnsembleResult resumed = runner(2, true).run(ensemble(seed, n, false), dir);
        assertTrue(resumed.run().orElseThrow().fromCheckpoint() >= 6);
        assertTrue(resumed.identicalTo(runner(2, false).run(ensemble(seed, n, false), tmp.resolve("whole"))));
    }

    @Test
    void differentFingerprintOrSeedIsRefusedNamingBoth() throws IOException {
        Path dir = tmp.resolve("fp");
        runner(2, false).run(Ensemble.of("hash-aaa", 5, 4, r -> synthetic(r, false)), dir);
        byte[] before = Files.readAllBytes(checkpoint(dir));
        CheckpointException e = assertThrows(CheckpointException.class,
                () -> runner(2, true).run(Ensemble.of("hash-bbb", 5, 8, r -> synthetic(r, false)), dir));
        assertTrue(e.getMessage().contains("'hash-aaa'") && e.getMessage().contains("'hash-bbb'"), e.getMessage());
        assertTrue(e.getMessage().contains("different configuration"), e.getMessage());
        e = assertThrows(CheckpointException.class,
                () -> runner(2, true).run(Ensemble.of("hash-aaa", 6, 8, r -> synthetic(r, false)), dir));
        assertTrue(e.getMessage().contains("seed 5") && e.getMessage().contains("seed 6"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(checkpoint(dir)), "a refused checkpoint is left as it was");
    }

    @Test
    void existingCheckpointWithoutResumeIsRefusedAndKept() throws IOException {
        Path dir = tmp.resolve("again");
        runner(2, false).run(ensemble(1, 4, false), dir);
        byte[] before = Files.readAllBytes(checkpoint(dir));
        CheckpointException e = assertThrows(CheckpointException.class,
                () -> runner(2, false).run(ensemble(1, 4, false), dir));
        assertTrue(e.getMessage().contains("4 finished realizations") && e.getMessage().contains("resume"),
                e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(checkpoint(dir)));
    }

    @Test
    void aFileThatIsNotACheckpointIsRefused() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("other"));
        Files.writeString(checkpoint(dir), "x,y\n1,2\n");
        CheckpointException e = assertThrows(CheckpointException.class,
                () -> runner(1, true).run(ensemble(1, 4, false), dir));
        assertTrue(e.getMessage().contains("is not an ensemble checkpoint"), e.getMessage());
        assertEquals("x,y\n1,2\n", Files.readString(checkpoint(dir)));
    }

    @Test
    void aRealizationRecordedTwiceWithDifferentValuesIsRefused() throws IOException {
        Path dir = tmp.resolve("dup");
        runner(1, false).run(ensemble(1, 4, false), dir);
        Sample other = Sample.builder().scalar("beta", 1).build();
        Files.write(checkpoint(dir), Checkpoint.recordLine(2, other), StandardOpenOption.APPEND);
        CheckpointException e = assertThrows(CheckpointException.class,
                () -> runner(1, true).run(ensemble(1, 4, false), dir));
        assertTrue(e.getMessage().contains("realization 2 twice"), e.getMessage());
    }

    @Test
    void aCheckpointInUseIsRefused() throws IOException {
        Path dir = tmp.resolve("busy");
        try (Checkpoint held = Checkpoint.open(dir, EnsembleRunner.CHECKPOINT_FILE, "fingerprint-1", 1, true, false,
                Checkpoint.Appender.FULL)) {
            assertTrue(held.contents().records().isEmpty());
            CheckpointException e = assertThrows(CheckpointException.class,
                    () -> runner(1, true).run(ensemble(1, 4, false), dir));
            assertTrue(e.getMessage().contains("in use"), e.getMessage());
        }
        assertEquals(4, runner(1, true).run(ensemble(1, 4, false), dir).realizations());
    }

    @Test
    void zeroRealizationsAreRefusedNamingTheParameter() {
        for (long n : new long[] {0, -3}) {
            InputException e = assertThrows(InputException.class, () -> ensemble(1, n, false));
            assertTrue(e.getMessage().startsWith("disorder.realizations = " + n), e.getMessage());
            assertTrue(e.getMessage().contains("at least 1"), e.getMessage());
        }
        InputException e = assertThrows(InputException.class,
                () -> ensemble(1, 5, false).withRange(new IndexRange(3, 3)));
        assertTrue(e.getMessage().contains("disorder.realizations"), e.getMessage());
        assertFalse(Files.exists(tmp.resolve("never")));
    }

    /**
     * Two machines compute [0, k) and [k, N). Merging the results (Chan) equals the whole to rounding, in
     * either order bitwise alike; gathering the checkpoints equals the whole bit for bit.
     */
    @ParameterizedTest
    @ValueSource(longs = {61, 62, 63})
    void mergeOfTwoRangesEqualsTheWhole(long seed) {
        int n = 36;
        int k = 1 + new SplittableRandom(seed).nextInt(n - 1);
        EnsembleRunner fast = new EnsembleRunner(EnsembleRunner.Options.defaults().threads(3).durable(false));
        EnsembleResult whole = fast.run(ensemble(seed, n, false), tmp.resolve("whole"));
        EnsembleResult a = fast.run(ensemble(seed, n, false).withRange(new IndexRange(0, k)), tmp.resolve("a"));
        EnsembleResult b = fast.run(ensemble(seed, n, false).withRange(new IndexRange(k, n)), tmp.resolve("b"));
        assertEquals(List.of(new IndexRange(k, n)), b.ranges());

        EnsembleResult ab = a.merge(b);
        assertTrue(ab.identicalTo(b.merge(a)), "merge order does not matter");
        assertEquals(List.of(IndexRange.first(n)), ab.ranges());
        assertEquals(n, ab.realizations());
        for (String q : whole.scalarNames()) {
            Estimate w = whole.scalar(q);
            Estimate m = ab.scalar(q);
            assertEquals(w.count(), m.count());
            assertEquals(w.mean(), m.mean(), 1e-13 * (Math.abs(w.mean()) + w.standardDeviation()), q);
            assertEquals(w.standardError(), m.standardError(), 1e-12 * w.standardError(), q);
        }
        ArrayEstimate wp = whole.array("profile");
        ArrayEstimate mp = ab.array("profile");
        for (int i = 0; i < wp.length(); i++) {
            assertEquals(wp.mean(i), mp.mean(i), 1e-13 * (Math.abs(wp.mean(i)) + 1));
            assertEquals(wp.standardError(i), mp.standardError(i), 1e-12 * wp.standardError(i));
        }

        EnsembleResult gathered = EnsembleRunner.collect("fingerprint-" + seed, seed, IndexRange.first(n),
                List.of(tmp.resolve("b"), tmp.resolve("a")));
        assertTrue(gathered.identicalTo(whole), "gathering the checkpoints is exact");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ab.merge(a));
        assertTrue(e.getMessage().contains("overlap"), e.getMessage());
        CheckpointException missing = assertThrows(CheckpointException.class, () -> EnsembleRunner.collect(
                "fingerprint-" + seed, seed, IndexRange.first(n + 2), List.of(tmp.resolve("a"), tmp.resolve("b"))));
        assertTrue(missing.getMessage().contains("2 realizations"), missing.getMessage());
    }

    /** An ensemble extended later (resume with more realizations) equals one computed at once. */
    @Test
    void extendingAnEnsembleEqualsComputingItAtOnce() {
        Path dir = tmp.resolve("extend");
        EnsembleResult small = runner(2, false).run(ensemble(71, 10, false), dir);
        EnsembleResult larger = runner(2, true).run(ensemble(71, 25, false), dir);
        assertEquals(10, small.realizations());
        assertEquals(15, larger.run().orElseThrow().computed());
        EnsembleResult atOnce = new EnsembleRunner(EnsembleRunner.Options.defaults().threads(4).durable(false))
                .run(ensemble(71, 25, false), tmp.resolve("once"));
        assertTrue(larger.identicalTo(atOnce));
        // and the first part's statistics are exactly a prefix of the larger run
        assertTrue(small.identicalTo(runner(1, true).run(ensemble(71, 10, false), dir)));
    }

    @Test
    void progressReachesTheTotal() {
        List<long[]> calls = Collections.synchronizedList(new ArrayList<>());
        List<String> labels = Collections.synchronizedList(new ArrayList<>());
        EnsembleRunner.Options opts = EnsembleRunner.Options.defaults().threads(3).durable(false)
                .progress((done, total, label) -> {
                    calls.add(new long[] {done, total});
                    labels.add(label);
                });
        Path dir = tmp.resolve("progress");
        new EnsembleRunner(opts).run(ensemble(81, 7, true), dir);
        assertEquals(8, calls.size(), "one call at the start and one per realization");
        assertArrayEquals(new long[] {0, 7}, calls.get(0));
        for (int i = 1; i < calls.size(); i++) {
            assertEquals(i, calls.get(i)[0], "finished realizations count up one by one");
            assertEquals(7, calls.get(i)[1]);
        }
        assertTrue(labels.stream().anyMatch(l -> l.matches("realizations \\(\\d+ s left\\)")), labels.toString());
        assertEquals("realizations", labels.get(labels.size() - 1));

        calls.clear();
        new EnsembleRunner(opts.resume(true)).run(ensemble(81, 12, false), dir);
        assertArrayEquals(new long[] {7, 12}, calls.get(0), "a resumed ensemble starts from what it has");
        assertArrayEquals(new long[] {12, 12}, calls.get(calls.size() - 1));
    }

    /**
     * At most threads + buffer samples exist at once: a realization is started only when it is less than
     * threads + buffer ahead of the first one not finished. Realization 0 is made slow so that the others
     * pile up behind it if nothing stops them.
     */
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 3})
    void memoryIsBoundedByWorkersAndBuffer(int buffer) {
        int threads = 3;
        int window = threads + buffer;
        Set<Long> returned = ConcurrentHashMap.newKeySet();
        AtomicReference<String> violation = new AtomicReference<>();
        Ensemble e = Ensemble.of("f", 3, 40, r -> {
            long firstUnfinished;
            synchronized (returned) {
                long a = 0;
                while (returned.contains(a)) {
                    a++;
                }
                firstUnfinished = a;
            }
            if (r.index() >= firstUnfinished + window) {
                violation.compareAndSet(null, "realization " + r.index() + " started while " + firstUnfinished
                        + " was unfinished");
            }
            if (r.index() == 0) {
                Thread.sleep(30);
            }
            Sample s = synthetic(r, false);
            synchronized (returned) {
                returned.add(r.index());
            }
            return s;
        });
        EnsembleResult r = new EnsembleRunner(EnsembleRunner.Options.defaults().threads(threads).buffer(buffer)
                .durable(false)).run(e, tmp.resolve("mem" + buffer));
        assertEquals(null, violation.get());
        assertTrue(r.run().orElseThrow().peakHeldSamples() <= window, "peak " + r.run().orElseThrow());
        assertEquals(40, r.realizations());
    }

    /** Samples read back from a checkpoint are bitwise those written, extreme values included. */
    @ParameterizedTest
    @ValueSource(longs = {91, 92})
    void checkpointRecordsReadBackBitwise(long seed) throws IOException {
        SplittableRandom g = new SplittableRandom(seed);
        double[] special = {0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL, Double.MAX_VALUE,
            -Double.MAX_VALUE, 1.0 / 3, 0.1, 1e-310, Math.nextUp(1.0), Math.nextDown(1.0), 123456789.123456789};
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            double[] arr = new double[40];
            for (int j = 0; j < arr.length; j++) {
                double v;
                do {
                    v = Double.longBitsToDouble(g.nextLong());
                } while (!Double.isFinite(v));
                arr[j] = j < special.length ? special[j] : v;
            }
            samples.add(Sample.builder().scalar("x", arr[20]).scalar("name with \"quotes\" and ü", special[i])
                    .array("arr", arr).build());
        }
        Path dir = tmp.resolve("bits");
        try (Checkpoint cp = Checkpoint.open(dir, EnsembleRunner.CHECKPOINT_FILE, "fp \"quoted\" \\ ü", seed,
                false, true, Checkpoint.Appender.FULL)) {
            for (int i = 0; i < samples.size(); i++) {
                cp.append(10 + i, samples.get(i));
            }
        }
        try (Checkpoint cp = Checkpoint.open(dir, EnsembleRunner.CHECKPOINT_FILE, "fp \"quoted\" \\ ü", seed,
                true, true, Checkpoint.Appender.FULL)) {
            assertEquals(new TreeSet<>(List.of(10L, 11L, 12L, 13L, 14L, 15L)),
                    new TreeSet<>(cp.contents().records().keySet()));
            for (int i = 0; i < samples.size(); i++) {
                assertEquals(samples.get(i), cp.read(10 + i));
            }
        }
    }
}
