package org.spintorque.ensemble;

import java.util.SplittableRandom;

/**
 * One member of an ensemble: its index and the ensemble seed. Everything random in a realization must be
 * drawn from streams derived from these two numbers (and, below them, from further keys such as a site
 * index), so that any realization can be regenerated alone, on any thread or machine, and an ensemble can
 * be extended or split without changing a single result.
 */
public record Realization(long index, long ensembleSeed) {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    public Realization {
        if (index < 0) {
            throw new IllegalArgumentException("realization index must be >= 0, got " + index);
        }
    }

    /** The seed of this realization: a hash of (ensemble seed, index). */
    public long seed() {
        return mix(ensembleSeed, index);
    }

    /** The seed of a sub-stream of this realization (one per disorder term, per site, ...). */
    public long seed(long... keys) {
        long h = seed();
        for (long k : keys) {
            h = fmix64(h ^ (k * GOLDEN + 0x632BE59BD9B4E019L));
        }
        return h;
    }

    /** A fresh generator of this realization's main stream (the same numbers on every call). */
    public SplittableRandom random() {
        return new SplittableRandom(seed());
    }

    /** A fresh generator of the sub-stream named by the keys. */
    public SplittableRandom random(long... keys) {
        return new SplittableRandom(seed(keys));
    }

    /** A well-mixed 64-bit hash of a seed and an index (bijective in the index for a fixed seed). */
    public static long mix(long seed, long index) {
        return fmix64(fmix64(seed + GOLDEN) ^ (index * GOLDEN + 0x243F6A8885A308D3L));
    }

    /** The 64-bit finalizer of MurmurHash3: a bijection that spreads every input bit over all output bits. */
    static long fmix64(long h) {
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB93FE53B4E63L;
        h ^= h >>> 33;
        return h;
    }
}
