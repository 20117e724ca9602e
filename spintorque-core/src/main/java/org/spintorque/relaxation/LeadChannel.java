package org.spintorque.relaxation;

import java.util.ArrayList;
import java.util.List;

/**
 * An open channel of a clean, uniformly magnetized (n = z) hard-wall lead at energy E: a transverse standing
 * wave {@code chi_q(y, z)} times a chain state {@code e^{+-ikx}} of spin {@code s = +1} (majority, exchange
 * energy -M) or {@code s = -1}. The lead has hopping -t, exchange {@code -M n.sigma} and a scalar on-site
 * potential v0, one orbital per site (lattice units: t, a = 1, hbar = 1).
 *
 * <pre>
 *   chi_q(y, z)   = phi_{qy}(y) phi_{qz}(z),   phi_q(y) = sqrt(2/(W+1)) sin(pi q (y+1)/(W+1)),  q = 1..W
 *   e_perp(q)     = -2t cos(pi qy/(W+1)) - 2t cos(pi qz/(H+1))   (each term absent when W or H is 1)
 *   x             = E - v0 + s M - e_perp(q)   (the chain energy -2t cos k left for the motion along x)
 *   k             = acos(-x/(2t)) in (0, pi),  v = dE/dk = 2t sin k > 0
 * </pre>
 *
 * The channel is open when {@code |x| < 2|t|} (for t < 0 the band is reflected and k is acos(x/(2|t|)),
 * v = 2|t| sin k). Both {@code +k} and {@code -k} states belong to the channel; {@code chi_q} is normalized
 * over the cross-section, so {@code chi_q e^{ikx}|s>} is normalized per unit length.
 *
 * @param qy       transverse mode along y, 1..W
 * @param qz       transverse mode along z, 1..H
 * @param spin     +1 (majority) or -1 (minority), along z
 * @param k        longitudinal wave number in (0, pi) [1/a]
 * @param velocity group velocity 2|t| sin k [t a], > 0
 * @param width    W (sites along y)
 * @param height   H (sites along z)
 */
public record LeadChannel(int qy, int qz, int spin, double k, double velocity, int width, int height) {

    /** The transverse amplitude {@code chi_q(y, z)} on site (y, z) of the cross-section (0-based). */
    public double amplitude(int y, int z) {
        return standingWave(qy, y, width) * standingWave(qz, z, height);
    }

    /** The density of states per unit length of this channel, both directions: {@code 1/(pi v)}. */
    public double densityOfStates() {
        return 1 / (Math.PI * velocity);
    }

    /** "mode (qy, qz) spin +" and the like. */
    public String label() {
        return "(" + qy + "," + qz + ")" + (spin > 0 ? "+" : "-");
    }

    static double standingWave(int q, int y, int n) {
        if (n == 1) {
            return 1;
        }
        return Math.sqrt(2.0 / (n + 1)) * Math.sin(Math.PI * q * (y + 1) / (n + 1));
    }

    /** Transverse energy of mode q of a hard-wall cross-section of n sites (0 for n = 1). */
    static double transverseEnergy(int q, int n, double t) {
        return n == 1 ? 0 : -2 * t * Math.cos(Math.PI * q / (n + 1));
    }

    /**
     * Every open channel of spin {@code spin} at energy E, ordered by mode (qz, qy). Channels exactly at a band
     * edge ({@code |x| = 2|t|}, v = 0) are not open.
     */
    public static List<LeadChannel> open(double energy, double t, double onsite, double exchange, int spin,
            int width, int height) {
        if (!(t != 0) || width < 1 || height < 1 || Math.abs(spin) != 1) {
            throw new IllegalArgumentException("need t != 0, width, height >= 1 and spin +-1");
        }
        List<LeadChannel> out = new ArrayList<>();
        double at = Math.abs(t);
        for (int qz = 1; qz <= height; qz++) {
            for (int qy = 1; qy <= width; qy++) {
                double x = energy - onsite + spin * exchange - transverseEnergy(qy, width, t)
                        - transverseEnergy(qz, height, t);
                if (Math.abs(x) < 2 * at) {
                    // -2t cos k = x; for t < 0 the same with |t| and x -> -x
                    double k = Math.acos(-Math.signum(t) * x / (2 * at));
                    out.add(new LeadChannel(qy, qz, spin, k, 2 * at * Math.sin(k), width, height));
                }
            }
        }
        return out;
    }

    /** The open channels of both spins (majority first). */
    public static List<LeadChannel> open(double energy, double t, double onsite, double exchange, int width,
            int height) {
        List<LeadChannel> out = new ArrayList<>(open(energy, t, onsite, exchange, +1, width, height));
        out.addAll(open(energy, t, onsite, exchange, -1, width, height));
        return out;
    }
}
