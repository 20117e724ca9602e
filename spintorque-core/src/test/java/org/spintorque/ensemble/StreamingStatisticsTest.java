package org.spintorque.ensemble;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StreamingStatisticsTest {
    private static final MathContext MC = new MathContext(40);
    private static final double EPS = Math.ulp(1.0);

    /** Mean and standard error of the mean by two passes in exact (50-digit) arithmetic. */
    static double[] twoPassReference(double[] x) {
        BigDecimal sum = BigDecimal.ZERO;
        for (double v : x) {
            sum = sum.add(new BigDecimal(v)); // exact
        }
        BigDecimal n = BigDecimal.valueOf(x.length);
        BigDecimal mean = sum.divide(n, MC);
        BigDecimal m2 = BigDecimal.ZERO;
        for (double v : x) {
            BigDecimal d = new BigDecimal(v).subtract(mean, MC);
            m2 = m2.add(d.multiply(d, MC), MC);
        }
        BigDecimal var = m2.divide(BigDecimal.valueOf(x.length - 1L), MC);
        BigDecimal err = var.divide(n, MC).sqrt(MC);
        return new double[] {mean.doubleValue(), err.doubleValue(), var.sqrt(MC).doubleValue()};
    }

    static Sample sample(double scalar, double[] array) {
        return Sample.builder().scalar("x", scalar).array("v", array).build();
    }

    /**
     * Welford's mean and standard error agree with the exact two-pass values for offsets up to 1e3 and spreads
     * down to 1e-4 (condition numbers {@code kappa = 1 + |mean|/s} up to ~1e7). The worst-case rounding bound
     * grows like {@code n eps}; rounding errors that add as a random walk grow like {@code sqrt(n) eps}, and
     * that is what is seen (at most ~0.3 sqrt(n) eps). The test asks for the mean within
     * {@code 8 sqrt(n) eps (|mean| + s)} and the standard error within {@code 8 sqrt(n) eps kappa} relative.
     */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void agreesWithTwoPassReference(long seed) {
        Random r = new Random(seed);
        int n = 2 + r.nextInt(1500);
        int len = 1 + r.nextInt(6);
        double offset = Math.pow(10, r.nextInt(7) - 3) * (r.nextBoolean() ? 1 : -1);
        double spread = Math.pow(10, r.nextInt(5) - 4);
        double[][] data = new double[len + 1][n];
        StreamingStatistics s = new StreamingStatistics();
        for (int k = 0; k < n; k++) {
            double[] v = new double[len];
            for (int i = 0; i <= len; i++) {
                data[i][k] = offset * (1 + i) + spread * (r.nextBoolean() ? r.nextGaussian() : r.nextDouble());
            }
            for (int i = 0; i < len; i++) {
                v[i] = data[i + 1][k];
            }
            s.add(sample(data[0][k], v));
        }
        assertEquals(n, s.count());
        for (int i = 0; i <= len; i++) {
            double[] ref = twoPassReference(data[i]);
            double mean = i == 0 ? s.scalar("x").mean() : s.array("v").mean(i - 1);
            double err = i == 0 ? s.scalar("x").standardError() : s.array("v").standardError(i - 1);
            long count = i == 0 ? s.scalar("x").count() : s.array("v").count();
            assertEquals(n, count);
            double kappa = 1 + Math.abs(ref[0]) / ref[2];
            assertEquals(ref[0], mean, 8 * Math.sqrt(n) * EPS * (Math.abs(ref[0]) + ref[2]), "mean of quantity " + i);
            assertEquals(ref[1], err, 8 * Math.sqrt(n) * EPS * kappa * ref[1], "standard error of quantity " + i);
        }
    }

    /** Where the one-pass textbook formula fails (mean 1e9, spread 1), Welford keeps 1e-6 relative accuracy. */
    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13})
    void stableWhenTheSpreadIsTinyComparedWithTheMean(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int n = 1000;
        double[] x = new double[n];
        StreamingStatistics s = new StreamingStatistics();
        double sum = 0;
        double sumSq = 0;
        for (int k = 0; k < n; k++) {
            x[k] = 1e9 + r.nextDouble();
            s.add(Sample.builder().scalar("x", x[k]).build());
            sum += x[k];
            sumSq += x[k] * x[k];
        }
        double[] ref = twoPassReference(x);
        assertEquals(ref[1], s.scalar("x").standardError(), 1e-6 * ref[1]);
        double naiveVar = (sumSq - sum * sum / n) / (n - 1);
        double naiveErr = Math.sqrt(Math.abs(naiveVar) / n);
        assertTrue(Math.abs(naiveErr - ref[1]) > 1e-3 * ref[1],
                "the textbook formula should fail here, which makes this test meaningful");
    }

    /** Samples given out of order (with their indices) give bitwise the statistics of the ordered stream. */
    @ParameterizedTest
    @ValueSource(longs = {21, 22, 23, 24})
    void accumulatesInIndexOrderWhateverTheArrivalOrder(long seed) {
        Random r = new Random(seed);
        int n = 200 + r.nextInt(200);
        long first = r.nextInt(50);
        List<Sample> samples = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            samples.add(sample(r.nextGaussian() * 3 + 1, new double[] {r.nextDouble(), r.nextGaussian()}));
        }
        StreamingStatistics ordered = new StreamingStatistics(first);
        samples.forEach(ordered::add);
        List<Integer> order = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            order.add(k);
        }
        Collections.shuffle(order, r);
        StreamingStatistics shuffled = new StreamingStatistics(first);
        int maxWaiting = 0;
        for (int k : order) {
            shuffled.add(first + k, samples.get(k));
            maxWaiting = Math.max(maxWaiting, shuffled.waiting());
        }
        assertTrue(maxWaiting > 0, "the shuffle should have made samples wait");
        assertEquals(0, shuffled.waiting());
        assertEquals(first + n, shuffled.nextIndex());
        assertTrue(ordered.identicalTo(shuffled));
        assertEquals(ordered.scalar("x"), shuffled.scalar("x"));
        assertEquals(ordered.array("v"), shuffled.array("v"));
        // a plain sum in another order would in general differ in the last bits; these do not, by construction
        assertThrows(IllegalArgumentException.class, () -> shuffled.add(first + 3, samples.get(3)));
    }

    /** Chan's combination of two parts equals the single stream to rounding, and the two-pass reference. */
    @ParameterizedTest
    @ValueSource(longs = {31, 32, 33, 34})
    void mergeOfPartsEqualsTheWholeToRounding(long seed) {
        Random r = new Random(seed);
        int n = 50 + r.nextInt(500);
        int split = 1 + r.nextInt(n - 1);
        double[] x = new double[n];
        StreamingStatistics whole = new StreamingStatistics();
        StreamingStatistics a = new StreamingStatistics();
        StreamingStatistics b = new StreamingStatistics(split);
        for (int k = 0; k < n; k++) {
            x[k] = 5 + 2 * r.nextGaussian();
            Sample s = sample(x[k], new double[] {x[k] * 2, -x[k]});
            whole.add(s);
            (k < split ? a : b).add(k, s);
        }
        a.merge(b);
        assertEquals(n, a.count());
        assertEquals(n, a.nextIndex());
        double[] ref = twoPassReference(x);
        double tol = 4 * n * EPS;
        assertEquals(whole.scalar("x").mean(), a.scalar("x").mean(), tol * Math.abs(ref[0]));
        assertEquals(whole.scalar("x").standardError(), a.scalar("x").standardError(), tol * ref[1] * 10);
        assertEquals(ref[1], a.scalar("x").standardError(), tol * ref[1] * 10);
        assertEquals(2 * ref[0], a.array("v").mean(0), 2 * tol * Math.abs(ref[0]));
        assertEquals(n, a.array("v").count());
    }

    /**
     * For uniform samples on [0, 1) (standard deviation 1/sqrt(12)) the standard error is 1/sqrt(12 N). The
     * estimate fluctuates: for the uniform distribution (excess kurtosis -6/5) the relative standard deviation
     * of the estimated standard error is sqrt(0.2/N) to leading order (4.5 %, 2.2 %, 1.1 % for N = 100, 400,
     * 1600). Checked within 5 of these standard deviations, and the ratio of consecutive errors (N grows 4x)
     * is 2 within 5 standard deviations of the ratio, sqrt(0.2/N1 + 0.2/N2).
     */
    @ParameterizedTest
    @ValueSource(longs = {41, 42, 43, 44, 45})
    void standardErrorShrinksAsOneOverSqrtN(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int[] sizes = {100, 400, 1600};
        double[] err = new double[sizes.length];
        for (int j = 0; j < sizes.length; j++) {
            StreamingStatistics s = new StreamingStatistics();
            for (int k = 0; k < sizes[j]; k++) {
                s.add(Sample.builder().scalar("u", r.nextDouble()).build());
            }
            Estimate e = s.scalar("u");
            err[j] = e.standardError();
            double expected = 1 / Math.sqrt(12.0 * sizes[j]);
            assertEquals(expected, err[j], 5 * Math.sqrt(0.2 / sizes[j]) * expected, "N = " + sizes[j]);
            assertEquals(0.5, e.mean(), 5 * expected, "the mean is within 5 standard errors of 1/2");
        }
        for (int j = 0; j + 1 < sizes.length; j++) {
            double sigma = Math.sqrt(0.2 / sizes[j] + 0.2 / sizes[j + 1]);
            assertEquals(2.0, err[j] / err[j + 1], 5 * sigma * 2.0, "ratio N = " + sizes[j] + " to " + sizes[j + 1]);
        }
    }

    @Test
    void countsQuantitiesSeparatelyAndChecksTheirShape() {
        StreamingStatistics s = new StreamingStatistics();
        s.add(Sample.builder().scalar("a", 1).scalar("b", 2).array("v", new double[] {1, 2}).build());
        s.add(Sample.builder().scalar("a", 3).build());
        assertEquals(2, s.scalar("a").count());
        assertEquals(1, s.scalar("b").count());
        assertTrue(Double.isNaN(s.scalar("b").standardError()), "one sample has no standard error");
        assertEquals(1, s.array("v").count());
        assertEquals(2.0, s.scalar("a").mean());
        assertEquals(1.0, s.scalar("a").standardError()); // s = sqrt(2), n = 2

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> s.add(Sample.builder().scalar("a", 1).array("v", new double[] {1, 2, 3}).build()));
        assertTrue(e.getMessage().contains("'v'") && e.getMessage().contains("realization 2"), e.getMessage());
        assertEquals(2, s.scalar("a").count(), "a rejected sample leaves no trace");
        e = assertThrows(IllegalArgumentException.class, () -> s.add(Sample.builder().scalar("v", 1).build()));
        assertTrue(e.getMessage().contains("scalar"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> s.scalar("missing"));
        assertFalse(s.hasScalar("v"));
    }

    @Test
    void samplesMustBeFinite() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Sample.builder().scalar("beta", Double.NaN));
        assertTrue(e.getMessage().contains("beta"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Sample.builder().array("profile", new double[] {0, Double.POSITIVE_INFINITY}));
        assertTrue(e.getMessage().contains("profile[1]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Sample.builder().scalar("a", 1).array("a", new double[1]));
    }
}
