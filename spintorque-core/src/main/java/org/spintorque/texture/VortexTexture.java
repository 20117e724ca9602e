package org.spintorque.texture;

import org.spintorque.lattice.LeadSide;

/**
 * A magnetic vortex in the x-y plane (independent of z), centered at (xc, yc).
 *
 * <pre>
 *   r, phi  = polar coordinates of (x - xc, y - yc)
 *   n_z     = p exp(-r^2 / r_c^2)                          (core profile; p = polarity = +1 or -1)
 *   n_inpl  = c sqrt(1 - n_z^2) (-sin phi, cos phi)         (c = chirality: +1 counter-clockwise circulation
 *                                                            seen from +z, -1 clockwise)
 * </pre>
 *
 * Far from the core n lies in the plane and circulates; for x to minus infinity at fixed y, n tends to
 * (0, -c, 0), for x to plus infinity to (0, c, 0): the directions of the leads. The gradient is the default
 * centered difference.
 */
public final class VortexTexture implements Texture {
    private final double xc;
    private final double yc;
    private final double coreRadius;
    private final int polarity;
    private final int chirality;

    /**
     * @param xc         core position x
     * @param yc         core position y
     * @param coreRadius r_c (> 0), lattice units
     * @param polarity   +1 (core along +z) or -1
     * @param chirality  +1 (counter-clockwise) or -1
     */
    public VortexTexture(double xc, double yc, double coreRadius, int polarity, int chirality) {
        if (!(coreRadius > 0) || !Double.isFinite(coreRadius)) {
            throw new IllegalArgumentException("vortex core radius must be positive, got " + coreRadius);
        }
        if (Math.abs(polarity) != 1 || Math.abs(chirality) != 1) {
            throw new IllegalArgumentException("vortex polarity and chirality must be +1 or -1, got " + polarity
                    + ", " + chirality);
        }
        this.xc = xc;
        this.yc = yc;
        this.coreRadius = coreRadius;
        this.polarity = polarity;
        this.chirality = chirality;
    }

    public double coreRadius() {
        return coreRadius;
    }

    public int polarity() {
        return polarity;
    }

    public int chirality() {
        return chirality;
    }

    @Override
    public Vector3 n(double x, double y, double z) {
        double dx = x - xc;
        double dy = y - yc;
        double r2 = dx * dx + dy * dy;
        double nz = polarity * Math.exp(-r2 / (coreRadius * coreRadius));
        if (r2 == 0) {
            return new Vector3(0, 0, nz);
        }
        double r = Math.sqrt(r2);
        double inPlane = chirality * Math.sqrt(Math.max(0, 1 - nz * nz)) / r;
        return new Vector3(-inPlane * dy, inPlane * dx, nz);
    }

    @Override
    public Vector3 limit(LeadSide side, double y, double z) {
        return new Vector3(0, side == LeadSide.LEFT ? -chirality : chirality, 0);
    }

    @Override
    public String toString() {
        return "vortex (center " + xc + ", " + yc + ", core radius " + coreRadius + ", polarity " + polarity
                + ", chirality " + chirality + ")";
    }
}
