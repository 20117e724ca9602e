package org.spintorque.ensemble;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Means and standard errors of the means of every quantity of a stream of {@link Sample}s, element by element
 * for arrays, without keeping the samples.
 *
 * <p>Each number is accumulated with Welford's update (mean and sum of squared deviations {@code M2}),
 * which does not lose precision when the spread is small compared with the mean, as the textbook
 * {@code sum x^2 - n mean^2} does. Two accumulators merge by the pairwise combination of Chan, Golub and
 * LeVeque ({@link #merge}).
 *
 * <p>Floating-point addition is not associative, so the order of accumulation fixes the last bits of the
 * result. Samples are therefore accumulated in realization-index order: {@link #add(long, Sample)} accepts
 * samples in any order and holds those that arrive early until their predecessors are in. The result is then
 * bit for bit the same however the realizations were scheduled: on 1 or 64 threads, in one run or resumed
 * after an interruption. The caller bounds how many samples wait (the runner does, by not starting
 * realizations too far ahead).
 *
 * <p>A quantity missing from a sample is simply not counted for that sample, so counts can differ between
 * quantities. A quantity must keep its kind (scalar or array) and its array length across samples.
 *
 * <p>Not thread-safe: one thread (or a lock) feeds it.
 */
public final class StreamingStatistics {
    private final Map<String, Moments> scalars = new LinkedHashMap<>();
    private final Map<String, Moments> arrays = new LinkedHashMap<>();
    private final TreeMap<Long, Sample> pending = new TreeMap<>();
    private long nextIndex;
    private long samples;

    /** Statistics that expect realization 0 first. */
    public StreamingStatistics() {
        this(0);
    }

    /** Statistics that expect realization {@code firstIndex} first. */
    public StreamingStatistics(long firstIndex) {
        if (firstIndex < 0) {
            throw new IllegalArgumentException("first realization index must be >= 0, got " + firstIndex);
        }
        this.nextIndex = firstIndex;
    }

    /** Accumulates a sample as the next realization in order. */
    public void add(Sample sample) {
        add(nextIndex, sample);
    }

    /**
     * Takes the sample of realization {@code index}. It is accumulated at once if it is the next one expected;
     * otherwise it waits until all realizations before it have been added.
     *
     * @throws IllegalArgumentException if this realization was already added, or comes before the first one
     */
    public void add(long index, Sample sample) {
        Objects.requireNonNull(sample, "sample");
        if (index < nextIndex || pending.containsKey(index)) {
            throw new IllegalArgumentException("realization " + index + " was already accumulated (the next one "
                    + "expected is " + nextIndex + ")");
        }
        if (index > nextIndex) {
            pending.put(index, sample);
            return;
        }
        accumulate(index, sample);
        nextIndex++;
        while (!pending.isEmpty() && pending.firstKey() == nextIndex) {
            accumulate(nextIndex, pending.pollFirstEntry().getValue());
            nextIndex++;
        }
    }

    /** The index of the realization expected next: all before it (from the first) are accumulated. */
    public long nextIndex() {
        return nextIndex;
    }

    /** How many samples are held because they arrived before their predecessors. */
    public int waiting() {
        return pending.size();
    }

    /** How many samples were accumulated (waiting ones not included). */
    public long count() {
        return samples;
    }

    public Set<String> scalarNames() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(scalars.keySet()));
    }

    public Set<String> arrayNames() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(arrays.keySet()));
    }

    public boolean hasScalar(String name) {
        return scalars.containsKey(name);
    }

    public boolean hasArray(String name) {
        return arrays.containsKey(name);
    }

    /** Mean, standard error and count of a scalar quantity, over the accumulated samples. */
    public Estimate scalar(String name) {
        Moments m = scalars.get(name);
        if (m == null) {
            throw new IllegalArgumentException("no scalar quantity '" + name + "' was accumulated; there are "
                    + scalars.keySet());
        }
        return new Estimate(m.mean[0], m.standardError(0), m.n);
    }

    /** Means, standard errors and count of an array quantity, over the accumulated samples. */
    public ArrayEstimate array(String name) {
        Moments m = arrays.get(name);
        if (m == null) {
            throw new IllegalArgumentException("no array quantity '" + name + "' was accumulated; there are "
                    + arrays.keySet());
        }
        double[] err = new double[m.mean.length];
        for (int i = 0; i < err.length; i++) {
            err[i] = m.standardError(i);
        }
        return new ArrayEstimate(m.mean, err, m.n);
    }

    /**
     * Adds the samples summarized by {@code later} (another part of the ensemble, normally the realizations
     * that follow this part) by the parallel combination of Chan et al.: exact in exact arithmetic, equal to
     * accumulating all samples in one stream up to rounding. The combined statistics expect next the
     * realization that {@code later} expects. Neither may hold waiting samples. {@code later} is not changed.
     */
    public void merge(StreamingStatistics later) {
        if (!pending.isEmpty() || !later.pending.isEmpty()) {
            throw new IllegalStateException("cannot merge statistics that hold waiting samples (realizations "
                    + (pending.isEmpty() ? later.pending.keySet() : pending.keySet()) + " wait for predecessors)");
        }
        for (String name : later.scalars.keySet()) {
            if (arrays.containsKey(name)) {
                throw kindConflict(name, "a scalar", "an array");
            }
        }
        for (String name : later.arrays.keySet()) {
            if (scalars.containsKey(name)) {
                throw kindConflict(name, "an array", "a scalar");
            }
        }
        mergeInto(scalars, later.scalars);
        mergeInto(arrays, later.arrays);
        samples += later.samples;
        nextIndex = later.nextIndex;
    }

    private static void mergeInto(Map<String, Moments> mine, Map<String, Moments> theirs) {
        for (Map.Entry<String, Moments> e : theirs.entrySet()) {
            Moments a = mine.get(e.getKey());
            if (a == null) {
                mine.put(e.getKey(), e.getValue().copy());
            } else {
                a.merge(e.getKey(), e.getValue());
            }
        }
    }

    /** An independent copy (waiting samples included). */
    public StreamingStatistics copy() {
        StreamingStatistics c = new StreamingStatistics(0);
        scalars.forEach((k, v) -> c.scalars.put(k, v.copy()));
        arrays.forEach((k, v) -> c.arrays.put(k, v.copy()));
        c.pending.putAll(pending);
        c.nextIndex = nextIndex;
        c.samples = samples;
        return c;
    }

    /**
     * True when both hold the same quantities with bitwise identical means, sums of squared deviations and
     * counts (and expect the same next realization).
     */
    public boolean identicalTo(StreamingStatistics o) {
        return nextIndex == o.nextIndex && samples == o.samples && pending.equals(o.pending)
                && sameMoments(scalars, o.scalars) && sameMoments(arrays, o.arrays);
    }

    private static boolean sameMoments(Map<String, Moments> a, Map<String, Moments> b) {
        if (!a.keySet().equals(b.keySet())) {
            return false;
        }
        for (Map.Entry<String, Moments> e : a.entrySet()) {
            Moments x = e.getValue();
            Moments y = b.get(e.getKey());
            if (x.n != y.n || !Arrays.equals(x.mean, y.mean) || !Arrays.equals(x.m2, y.m2)) {
                return false;
            }
        }
        return true;
    }

    private void accumulate(long index, Sample s) {
        // check the whole sample before changing anything, so that a bad sample leaves no trace
        for (String name : s.scalarNames()) {
            if (arrays.containsKey(name)) {
                throw new IllegalArgumentException("realization " + index + ": quantity '" + name
                        + "' is a scalar, but earlier realizations gave an array");
            }
        }
        for (String name : s.arrayNames()) {
            if (scalars.containsKey(name)) {
                throw new IllegalArgumentException("realization " + index + ": quantity '" + name
                        + "' is an array, but earlier realizations gave a scalar");
            }
            Moments m = arrays.get(name);
            int len = s.arrayView(name).length;
            if (m != null && m.mean.length != len) {
                throw new IllegalArgumentException("realization " + index + ": array '" + name + "' has "
                        + len + " values, but earlier realizations gave " + m.mean.length);
            }
        }
        for (String name : s.scalarNames()) {
            scalars.computeIfAbsent(name, k -> new Moments(1)).add(s.scalar(name));
        }
        for (String name : s.arrayNames()) {
            double[] x = s.arrayView(name);
            arrays.computeIfAbsent(name, k -> new Moments(x.length)).add(x);
        }
        samples++;
    }

    private static IllegalArgumentException kindConflict(String name, String here, String there) {
        return new IllegalArgumentException("cannot merge: quantity '" + name + "' is " + here
                + " in one part and " + there + " in the other");
    }

    /** Count, means and sums of squared deviations from the mean of one quantity (length 1 for a scalar). */
    private static final class Moments {
        long n;
        final double[] mean;
        final double[] m2;

        Moments(int length) {
            mean = new double[length];
            m2 = new double[length];
        }

        Moments copy() {
            Moments c = new Moments(mean.length);
            c.n = n;
            System.arraycopy(mean, 0, c.mean, 0, mean.length);
            System.arraycopy(m2, 0, c.m2, 0, m2.length);
            return c;
        }

        void add(double x) {
            n++;
            double delta = x - mean[0];
            mean[0] += delta / n;
            m2[0] += delta * (x - mean[0]);
        }

        void add(double[] x) {
            n++;
            for (int i = 0; i < x.length; i++) {
                double delta = x[i] - mean[i];
                mean[i] += delta / n;
                m2[i] += delta * (x[i] - mean[i]);
            }
        }

        void merge(String name, Moments b) {
            if (b.mean.length != mean.length) {
                throw new IllegalArgumentException("cannot merge: array '" + name + "' has " + mean.length
                        + " values in one part and " + b.mean.length + " in the other");
            }
            if (b.n == 0) {
                return;
            }
            if (n == 0) {
                n = b.n;
                System.arraycopy(b.mean, 0, mean, 0, mean.length);
                System.arraycopy(b.m2, 0, m2, 0, m2.length);
                return;
            }
            double na = n;
            double nb = b.n;
            double total = na + nb;
            for (int i = 0; i < mean.length; i++) {
                double delta = b.mean[i] - mean[i];
                mean[i] += delta * (nb / total);
                m2[i] += b.m2[i] + delta * delta * (na * nb / total);
            }
            n += b.n;
        }

        double standardError(int i) {
            if (n < 2) {
                return Double.NaN;
            }
            return Math.sqrt(m2[i] / (n - 1) / n);
        }
    }
}
