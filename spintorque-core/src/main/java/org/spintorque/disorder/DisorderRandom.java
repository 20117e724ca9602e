package org.spintorque.disorder;

import org.spintorque.texture.Vector3;

/**
 * Counter-based random numbers for disorder realizations: every number is a pure function of the integers
 * {@code (seed, realization, site, purpose, draw)}, with no hidden state. Any realization, and any site of it,
 * can therefore be regenerated alone, in any order and from any thread, and an ensemble can be extended or
 * split across machines without changing a single number.
 *
 * <p><b>Construction.</b> The key words are absorbed one after the other into a 64-bit state through the
 * SplitMix64 finalizer {@code mix64} (a bijection of 64-bit words: two xor-shift-multiply rounds with the constants
 * 0xBF58476D1CE4E5B9 and 0x94D049BB133111EB and a final xor-shift):
 *
 * <pre>
 *   h0 = mix64(K + seed        * G0)
 *   h1 = mix64(h0 + realization * G1)
 *   h2 = mix64(h1 + site        * G2)
 *   h3 = mix64(h2 + purpose     * G3)
 *   bits(draw) = mix64(h3 + (draw + 1) * G4)
 * </pre>
 *
 * with a fixed odd offset K and five distinct odd multipliers G0..G4 (G0 is the golden-ratio increment
 * 0x9E3779B97F4A7C15 of SplitMix64). Every step is a bijection of the absorbed word for a fixed prefix, so two
 * keys that differ in their last word never collide, and keys that differ earlier collide only by chance
 * (probability 2^-64 per pair). Along consecutive site indices, h2 is exactly the output sequence of
 * SplitMix64 (state {@code h1 + site * G2}, odd increment G2, finalized by mix64), the generator behind
 * {@link java.util.SplittableRandom}, which passes BigCrush; the purpose and draw words are then mixed in by
 * two more bijective rounds.
 *
 * <p>Conversions: a uniform double in [0, 1) from the top 53 bits; a Gaussian by the Box-Muller transform of
 * draws 0 and 1; a unit vector by Archimedes' theorem ({@code cos theta} uniform in [-1, 1] from draw 0,
 * the azimuth uniform in [0, 2 pi) from draw 1), which is exactly isotropic.
 *
 * <p><b>Purposes.</b> The purpose word separates the independent random quantities that live on the same
 * site. The disorder terms of this package use the constants below; they are distinct, so terms of different
 * kinds built with the same seed and realization are independent of each other. Two terms of the same kind
 * built with the same seed and realization are identical: give them different seeds.
 *
 * <p>Immutable and thread-safe.
 */
public final class DisorderRandom {
    /** Whether a site carries a spin-flip impurity (uniform compared with the concentration). */
    public static final long SPIN_FLIP_OCCUPATION = 1;
    /** Direction of the spin-flip impurity spin (a unit vector, draws 0 and 1). */
    public static final long SPIN_FLIP_DIRECTION = 2;
    /** Whether a site carries a spin-orbit impurity. */
    public static final long SPIN_ORBIT_OCCUPATION = 3;
    /**
     * Value of the spin-orbit potential V^(a) on an impurity site: purpose {@code SPIN_ORBIT_POTENTIAL + a} for
     * the component a = 0, 1, 2; the "common" potential uses a = 0 for all three.
     */
    public static final long SPIN_ORBIT_POTENTIAL = 4;
    /** Value of the Anderson (spin-independent) on-site potential. */
    public static final long ANDERSON_POTENTIAL = 7;

    private static final long OFFSET = 0x6A09E667F3BCC909L;
    private static final long G0 = 0x9E3779B97F4A7C15L;
    private static final long G1 = 0xC2B2AE3D27D4EB4FL;
    private static final long G2 = 0x165667B19E3779F9L;
    private static final long G3 = 0xD6E8FEB86659FD93L;
    private static final long G4 = 0xA0761D6478BD642FL;
    private static final double TWO_PI = 2 * Math.PI;
    private static final double UNIT_53 = 0x1.0p-53;

    private final long seed;
    private final long realization;
    /** The state after absorbing seed and realization (a cache: the same for every site). */
    private final long prefix;

    /**
     * @param seed        the ensemble seed
     * @param realization the realization index (any long; realizations 0, 1, 2, ... of one ensemble)
     */
    public DisorderRandom(long seed, long realization) {
        this.seed = seed;
        this.realization = realization;
        this.prefix = mix64(mix64(OFFSET + seed * G0) + realization * G1);
    }

    public long seed() {
        return seed;
    }

    public long realization() {
        return realization;
    }

    /**
     * The SplitMix64 finalizer (variant 13 of Stafford's mixers): a bijection of 64-bit words with full
     * avalanche.
     */
    public static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** 64 random bits as a pure function of the five integers (see the class comment). */
    public static long bits(long seed, long realization, long site, long purpose, long draw) {
        return new DisorderRandom(seed, realization).bits(site, purpose, draw);
    }

    /** 64 random bits of (site, purpose, draw) in this realization. */
    public long bits(long site, long purpose, long draw) {
        long h = mix64(prefix + site * G2);
        h = mix64(h + purpose * G3);
        return mix64(h + (draw + 1) * G4);
    }

    /** A uniform double in [0, 1) (multiples of 2^-53), draw 0. */
    public double uniform(long site, long purpose) {
        return uniform(site, purpose, 0);
    }

    /** A uniform double in [0, 1) (multiples of 2^-53) of the given draw. */
    public double uniform(long site, long purpose, long draw) {
        return (bits(site, purpose, draw) >>> 11) * UNIT_53;
    }

    /** True with probability p (the uniform of draw 0 is below p): exactly never for p = 0, always for p = 1. */
    public boolean bernoulli(long site, long purpose, double p) {
        return uniform(site, purpose, 0) < p;
    }

    /** +1 or -1 with probability 1/2 each (the top bit of draw 0). */
    public double sign(long site, long purpose) {
        return bits(site, purpose, 0) < 0 ? -1.0 : 1.0;
    }

    /**
     * A standard normal number (mean 0, variance 1) by Box-Muller from draws 0 and 1:
     * {@code sqrt(-2 ln(1 - u0)) cos(2 pi u1)} ({@code 1 - u0} is in (0, 1], so the logarithm is finite; the
     * largest possible |value| is about 8.6).
     */
    public double gaussian(long site, long purpose) {
        double u0 = uniform(site, purpose, 0);
        double u1 = uniform(site, purpose, 1);
        return Math.sqrt(-2 * Math.log1p(-u0)) * Math.cos(TWO_PI * u1);
    }

    /**
     * An isotropically distributed unit vector: {@code cos theta = 2 u0 - 1}, {@code phi = 2 pi u1} (draws 0
     * and 1). By Archimedes' theorem a uniform {@code cos theta} is a uniform area on the sphere.
     */
    public Vector3 unitVector(long site, long purpose) {
        double cz = 2 * uniform(site, purpose, 0) - 1;
        double ph = TWO_PI * uniform(site, purpose, 1);
        double sz = Math.sqrt(Math.max(0, 1 - cz * cz));
        return new Vector3(sz * Math.cos(ph), sz * Math.sin(ph), cz);
    }

    @Override
    public String toString() {
        return "disorder random numbers (seed " + seed + ", realization " + realization + ")";
    }
}
