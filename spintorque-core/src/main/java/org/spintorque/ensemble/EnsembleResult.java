package org.spintorque.ensemble;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The statistics of an ensemble: per quantity the mean, the standard error of the mean and the number of
 * samples; arrays element by element. It knows the fingerprint, seed and realization ranges it covers.
 *
 * <p>To extend an ensemble with more realizations, run it again over the larger range with resume (only the
 * new realizations are computed; the result is bit for bit that of one run over the whole range). To combine
 * parts computed separately on disjoint ranges, either {@link #merge} their results (the parallel combination
 * of Chan et al.: the same as one run up to rounding, about 1e-16 relative) or gather their checkpoints with
 * {@link EnsembleRunner#collect} (bit for bit the same as one run).
 */
public final class EnsembleResult {
    private final String fingerprint;
    private final long seed;
    private final List<IndexRange> ranges;
    private final StreamingStatistics statistics;
    private final RunInfo run;

    /**
     * How a result was obtained (not part of the statistics).
     *
     * @param computed realizations computed by this run
     * @param fromCheckpoint realizations read back from the checkpoint
     * @param ignoredCheckpointLines lines of the checkpoint that were cut short or damaged (their realizations
     *        were computed again)
     * @param workers worker threads used
     * @param peakHeldSamples the most samples held at once (being computed or waiting for a predecessor)
     * @param seconds wall-clock time of the run
     * @param checkpoint the checkpoint file, or null when the result was gathered from several
     */
    public record RunInfo(long computed, long fromCheckpoint, int ignoredCheckpointLines, int workers,
                          int peakHeldSamples, double seconds, Path checkpoint) { }

    EnsembleResult(String fingerprint, long seed, List<IndexRange> ranges, StreamingStatistics statistics,
                   RunInfo run) {
        this.fingerprint = fingerprint;
        this.seed = seed;
        this.ranges = List.copyOf(ranges);
        this.statistics = statistics;
        this.run = run;
    }

    public String fingerprint() {
        return fingerprint;
    }

    public long seed() {
        return seed;
    }

    /** The realization ranges covered, disjoint and in increasing order. */
    public List<IndexRange> ranges() {
        return ranges;
    }

    /** The number of realizations. */
    public long realizations() {
        return ranges.stream().mapToLong(IndexRange::size).sum();
    }

    /** How this result was computed, when it came from one run. */
    public Optional<RunInfo> run() {
        return Optional.ofNullable(run);
    }

    public Set<String> scalarNames() {
        return statistics.scalarNames();
    }

    public Set<String> arrayNames() {
        return statistics.arrayNames();
    }

    public boolean hasScalar(String name) {
        return statistics.hasScalar(name);
    }

    public boolean hasArray(String name) {
        return statistics.hasArray(name);
    }

    public Estimate scalar(String name) {
        return statistics.scalar(name);
    }

    public ArrayEstimate array(String name) {
        return statistics.array(name);
    }

    /** A copy of the underlying accumulator. */
    public StreamingStatistics statistics() {
        return statistics.copy();
    }

    /**
     * The result of both ensembles together. They must have the same fingerprint and seed and disjoint ranges;
     * the part with the earlier first realization is taken first, so {@code a.merge(b)} and {@code b.merge(a)}
     * are bitwise equal.
     */
    public EnsembleResult merge(EnsembleResult other) {
        Objects.requireNonNull(other, "other");
        if (!fingerprint.equals(other.fingerprint)) {
            throw new IllegalArgumentException("cannot merge ensembles of different configurations: fingerprints '"
                    + fingerprint + "' and '" + other.fingerprint + "'");
        }
        if (seed != other.seed) {
            throw new IllegalArgumentException("cannot merge ensembles of different seeds: " + seed + " and "
                    + other.seed);
        }
        for (IndexRange a : ranges) {
            for (IndexRange b : other.ranges) {
                if (a.overlaps(b)) {
                    throw new IllegalArgumentException("cannot merge ensembles whose realizations overlap: " + a
                            + " and " + b + " (a realization would count twice)");
                }
            }
        }
        EnsembleResult first = this;
        EnsembleResult second = other;
        if (other.firstIndex() < firstIndex()) {
            first = other;
            second = this;
        }
        StreamingStatistics s = first.statistics.copy();
        s.merge(second.statistics);
        List<IndexRange> all = new ArrayList<>(ranges);
        all.addAll(other.ranges);
        return new EnsembleResult(fingerprint, seed, coalesce(all), s, null);
    }

    private long firstIndex() {
        return ranges.isEmpty() ? Long.MAX_VALUE : ranges.get(0).start();
    }

    private static List<IndexRange> coalesce(List<IndexRange> rs) {
        List<IndexRange> sorted = new ArrayList<>(rs);
        sorted.removeIf(IndexRange::isEmpty);
        sorted.sort(Comparator.comparingLong(IndexRange::start));
        List<IndexRange> out = new ArrayList<>();
        for (IndexRange r : sorted) {
            if (!out.isEmpty() && out.get(out.size() - 1).end() == r.start()) {
                out.set(out.size() - 1, new IndexRange(out.get(out.size() - 1).start(), r.end()));
            } else {
                out.add(r);
            }
        }
        return out;
    }

    /** True when both cover the same realizations of the same configuration with bitwise equal statistics. */
    public boolean identicalTo(EnsembleResult o) {
        return fingerprint.equals(o.fingerprint) && seed == o.seed && ranges.equals(o.ranges)
                && statistics.identicalTo(o.statistics);
    }

    /**
     * The result as plain maps for JSON output:
     * {@code {"realizations": n, "seed": s, "ranges": [[start, end], ...], "scalars": {name: {"mean", "error",
     * "count"}}, "arrays": {name: {"mean": [...], "error": [...], "count"}}}}. A standard error that cannot be
     * estimated (fewer than 2 samples) is null.
     */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("realizations", realizations());
        m.put("seed", seed);
        List<List<Long>> rs = new ArrayList<>();
        for (IndexRange r : ranges) {
            rs.add(List.of(r.start(), r.end()));
        }
        m.put("ranges", rs);
        Map<String, Object> sc = new LinkedHashMap<>();
        for (String name : scalarNames()) {
            Estimate e = scalar(name);
            Map<String, Object> q = new LinkedHashMap<>();
            q.put("mean", e.mean());
            q.put("error", finiteOrNull(e.standardError()));
            q.put("count", e.count());
            sc.put(name, q);
        }
        m.put("scalars", sc);
        Map<String, Object> ar = new LinkedHashMap<>();
        for (String name : arrayNames()) {
            ArrayEstimate e = array(name);
            List<Object> mean = new ArrayList<>();
            List<Object> err = new ArrayList<>();
            for (int i = 0; i < e.length(); i++) {
                mean.add(e.mean(i));
                err.add(finiteOrNull(e.standardError(i)));
            }
            Map<String, Object> q = new LinkedHashMap<>();
            q.put("mean", mean);
            q.put("error", err);
            q.put("count", e.count());
            ar.put(name, q);
        }
        m.put("arrays", ar);
        return m;
    }

    private static Object finiteOrNull(double v) {
        return Double.isFinite(v) ? v : null;
    }

    @Override
    public String toString() {
        return "EnsembleResult{" + realizations() + " realizations " + ranges + ", seed " + seed + ", scalars "
                + scalarNames() + ", arrays " + arrayNames() + "}";
    }
}
