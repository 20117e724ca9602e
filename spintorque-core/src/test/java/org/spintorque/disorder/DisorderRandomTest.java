package org.spintorque.disorder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.spintorque.disorder.Statistics.assertChiSquare;
import static org.spintorque.disorder.Statistics.assertUniformCounts;
import static org.spintorque.disorder.Statistics.assertWithinError;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.LongToDoubleFunction;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.spintorque.texture.Vector3;

/**
 * The counter-based generator: reproducibility, independence of evaluation order and threads, sensitivity to
 * every key word, and the distributions (uniform, Gaussian, isotropic unit vectors, signs) by chi-square and
 * moment tests on seeded samples, each bounded at 5 standard errors of its statistic (see {@link Statistics}).
 */
class DisorderRandomTest {
    static final int N = 400_000;

    static LongStream seeds() {
        return LongStream.of(0, 1, 42, -7, Long.MAX_VALUE);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void sameKeySameNumbersWhateverTheOrderOrThread(long seed) {
        int n = 20_000;
        DisorderRandom a = new DisorderRandom(seed, 3);
        long[] forward = new long[n];
        for (int i = 0; i < n; i++) {
            forward[i] = a.bits(i, DisorderRandom.SPIN_FLIP_DIRECTION, i % 3);
        }
        // a fresh instance, sites visited in a random order, with other realizations generated in between
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(seed));
        long[] shuffled = new long[n];
        for (int i : order) {
            new DisorderRandom(seed, 4).bits(i, DisorderRandom.SPIN_FLIP_DIRECTION, 0);
            shuffled[i] = new DisorderRandom(seed, 3).bits(i, DisorderRandom.SPIN_FLIP_DIRECTION, i % 3);
        }
        assertArrayEquals(forward, shuffled);
        // many threads, one shared instance, and the static form
        long[] parallel = IntStream.range(0, n).parallel()
                .mapToLong(i -> a.bits(i, DisorderRandom.SPIN_FLIP_DIRECTION, i % 3)).toArray();
        assertArrayEquals(forward, parallel);
        for (int i = 0; i < n; i += 997) {
            assertEquals(forward[i], DisorderRandom.bits(seed, 3, i, DisorderRandom.SPIN_FLIP_DIRECTION, i % 3));
        }
        // the derived numbers are functions of the bits
        DisorderRandom b = new DisorderRandom(seed, 3);
        for (int i = 0; i < 1000; i++) {
            assertEquals(a.uniform(i, 9), b.uniform(i, 9));
            assertEquals(a.gaussian(i, 9), b.gaussian(i, 9));
            assertEquals(a.unitVector(i, 9), b.unitVector(i, 9));
            assertEquals(a.sign(i, 9), b.sign(i, 9));
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void everyKeyWordChangesTheNumber(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int t = 0; t < 5000; t++) {
            long s = rnd.nextLong();
            long r = rnd.nextInt(1000);
            long site = rnd.nextInt(1_000_000);
            long p = 1 + rnd.nextInt(7);
            long d = rnd.nextInt(2);
            long x = DisorderRandom.bits(s, r, site, p, d);
            assertNotEquals(x, DisorderRandom.bits(s + 1, r, site, p, d));
            assertNotEquals(x, DisorderRandom.bits(s, r + 1, site, p, d));
            assertNotEquals(x, DisorderRandom.bits(s, r, site + 1, p, d));
            assertNotEquals(x, DisorderRandom.bits(s, r, site, p + 1, d));
            assertNotEquals(x, DisorderRandom.bits(s, r, site, p, d + 1));
            // swapping words is not a symmetry
            assertNotEquals(x, DisorderRandom.bits(r, s, site, p, d));
        }
        // no collision among 300 realizations x 1000 sites (a collision of 64-bit words has probability 2e-9)
        Set<Long> seen = new HashSet<>();
        for (int r = 0; r < 300; r++) {
            DisorderRandom g = new DisorderRandom(seed, r);
            for (int i = 0; i < 1000; i++) {
                assertTrue(seen.add(g.bits(i, DisorderRandom.ANDERSON_POTENTIAL, 0)), "collision at " + r + ", " + i);
            }
        }
    }

    /** Uniforms along each key dimension in turn: 100 equal bins, chi-square with 99 degrees of freedom. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void uniformAlongEveryKeyDimension(long seed) {
        assertUniform(i -> new DisorderRandom(seed, 0).uniform(i, 1), "along sites");
        assertUniform(i -> new DisorderRandom(seed, i).uniform(17, 1), "along realizations");
        assertUniform(i -> new DisorderRandom(seed + i, 0).uniform(17, 1), "along seeds");
        assertUniform(i -> new DisorderRandom(seed, 0).uniform(17, i), "along purposes");
        assertUniform(i -> new DisorderRandom(seed, 0).uniform(17, 1, i), "along draws");
        // the low bits too (all 64 bits are mixed): the low byte in 256 bins
        DisorderRandom g = new DisorderRandom(seed, 5);
        long[] counts = new long[256];
        for (int i = 0; i < N; i++) {
            counts[(int) (g.bits(i, 2, 0) & 0xFF)]++;
        }
        assertUniformCounts(counts, "low byte");
    }

    static void assertUniform(LongToDoubleFunction u, String what) {
        long[] counts = new long[100];
        double sum = 0;
        for (long i = 0; i < N; i++) {
            double x = u.applyAsDouble(i);
            assertTrue(x >= 0 && x < 1, what + ": " + x);
            counts[Statistics.bin(x, 0, 1, 100)]++;
            sum += x;
        }
        assertUniformCounts(counts, what);
        // mean 1/2, standard error sqrt(1/12 / N)
        assertWithinError(0.5, sum / N, Math.sqrt(1.0 / 12 / N), what + ", mean");
    }

    /**
     * Neighbouring keys are uncorrelated: sample correlation of u(key) and u(neighbouring key) is
     * {@code 0 +- 1/sqrt(N)} (standard error for independent uniforms).
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void neighbouringKeysAreUncorrelated(long seed) {
        DisorderRandom g = new DisorderRandom(seed, 0);
        DisorderRandom h = new DisorderRandom(seed, 1);
        double se = 1 / Math.sqrt(N);
        assertWithinError(0, correlation(i -> g.uniform(i, 1), i -> g.uniform(i + 1, 1)), se, "site, site + 1");
        assertWithinError(0, correlation(i -> g.uniform(i, 1), i -> g.uniform(i, 2)), se, "purpose 1, 2");
        assertWithinError(0, correlation(i -> g.uniform(i, 1, 0), i -> g.uniform(i, 1, 1)), se, "draw 0, 1");
        assertWithinError(0, correlation(i -> g.uniform(i, 1), i -> h.uniform(i, 1)), se, "realization 0, 1");
        assertWithinError(0, correlation(i -> g.uniform(i, 1), i -> new DisorderRandom(seed + 1, 0).uniform(i, 1)),
                se, "seed, seed + 1");
    }

    static double correlation(LongToDoubleFunction a, LongToDoubleFunction b) {
        double sa = 0;
        double sb = 0;
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (long i = 0; i < N; i++) {
            double x = a.applyAsDouble(i);
            double y = b.applyAsDouble(i);
            sa += x;
            sb += y;
            sab += x * y;
            saa += x * x;
            sbb += y * y;
        }
        double cov = sab / N - (sa / N) * (sb / N);
        return cov / Math.sqrt((saa / N - (sa / N) * (sa / N)) * (sbb / N - (sb / N) * (sb / N)));
    }

    /**
     * Gaussians: the first four moments against 0, 1, 0, 3 with standard errors sqrt(1/N), sqrt(2/N),
     * sqrt(15/N), sqrt(96/N), and a chi-square test of the distribution over 40 bins of width 0.2 on [-4, 4]
     * plus the two tails, with probabilities from the normal distribution function.
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void gaussiansHaveTheNormalDistribution(long seed) {
        DisorderRandom g = new DisorderRandom(seed, 2);
        double[] m = new double[5];
        int inner = 40;
        long[] counts = new long[inner + 2];
        for (int i = 0; i < N; i++) {
            double x = g.gaussian(i, DisorderRandom.ANDERSON_POTENTIAL);
            assertTrue(Double.isFinite(x));
            double p = 1;
            for (int k = 1; k <= 4; k++) {
                p *= x;
                m[k] += p;
            }
            counts[x < -4 ? 0 : x >= 4 ? inner + 1 : 1 + Statistics.bin(x, -4, 4, inner)]++;
        }
        assertWithinError(0, m[1] / N, Math.sqrt(1.0 / N), "mean");
        assertWithinError(1, m[2] / N, Math.sqrt(2.0 / N), "second moment");
        assertWithinError(0, m[3] / N, Math.sqrt(15.0 / N), "third moment");
        assertWithinError(3, m[4] / N, Math.sqrt(96.0 / N), "fourth moment");
        double[] prob = new double[inner + 2];
        prob[0] = Statistics.normalCdf(-4);
        prob[inner + 1] = prob[0];
        for (int b = 0; b < inner; b++) {
            double lo = -4 + 0.2 * b;
            prob[b + 1] = Statistics.normalCdf(lo + 0.2) - Statistics.normalCdf(lo);
        }
        assertChiSquare(counts, prob, "Gaussian histogram");
    }

    /**
     * Unit vectors: length 1; each Cartesian component uniform on [-1, 1] (Archimedes; 50 bins each); the
     * azimuth uniform; moments {@code <n_a> = 0} (standard error sqrt(1/(3N))), {@code <n_a^2> = 1/3} (standard
     * error sqrt(4/(45 N))), {@code <n_a n_b> = 0} for a != b (standard error sqrt(1/(15 N))).
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void unitVectorsAreIsotropic(long seed) {
        DisorderRandom g = new DisorderRandom(seed, 7);
        int bins = 50;
        long[][] counts = new long[3][bins];
        long[] azimuth = new long[bins];
        double[] mean = new double[3];
        double[][] second = new double[3][3];
        for (int i = 0; i < N; i++) {
            Vector3 v = g.unitVector(i, DisorderRandom.SPIN_FLIP_DIRECTION);
            assertEquals(1, v.norm(), 1e-15);
            double[] c = v.toArray();
            for (int a = 0; a < 3; a++) {
                counts[a][Statistics.bin(c[a], -1, 1, bins)]++;
                mean[a] += c[a];
                for (int b = 0; b < 3; b++) {
                    second[a][b] += c[a] * c[b];
                }
            }
            // the azimuth about x, which the construction does not sample directly
            azimuth[Statistics.bin(Math.atan2(c[2], c[1]), -Math.PI, Math.PI, bins)]++;
        }
        for (int a = 0; a < 3; a++) {
            assertUniformCounts(counts[a], "component " + a);
            assertWithinError(0, mean[a] / N, Math.sqrt(1.0 / (3 * N)), "<n_" + a + ">");
            for (int b = 0; b < 3; b++) {
                if (a == b) {
                    assertWithinError(1.0 / 3, second[a][b] / N, Math.sqrt(4.0 / (45 * N)), "<n_a^2>");
                } else {
                    assertWithinError(0, second[a][b] / N, Math.sqrt(1.0 / (15 * N)), "<n_a n_b>");
                }
            }
        }
        assertUniformCounts(azimuth, "azimuth about x");
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void signsAndBernoulliTrials(long seed) {
        DisorderRandom g = new DisorderRandom(seed, 1);
        double sum = 0;
        long hits = 0;
        double p = 0.3;
        for (int i = 0; i < N; i++) {
            double s = g.sign(i, 4);
            assertTrue(s == 1 || s == -1);
            sum += s;
            if (g.bernoulli(i, 3, p)) {
                hits++;
            }
            assertFalse(g.bernoulli(i, 3, 0));
            assertTrue(g.bernoulli(i, 3, 1));
        }
        assertWithinError(0, sum / N, 1 / Math.sqrt(N), "mean sign");
        assertWithinError(p, (double) hits / N, Math.sqrt(p * (1 - p) / N), "Bernoulli fraction");
    }

    @Test
    void mix64IsTheSplitMix64Finalizer() {
        // SplittableRandom(s).nextLong() is mix64(s + golden gamma): the same finalizer
        for (long s : new long[] {0, 1, 12345, -99}) {
            assertEquals(new SplittableRandom(s).nextLong(), DisorderRandom.mix64(s + 0x9E3779B97F4A7C15L));
        }
    }
}
