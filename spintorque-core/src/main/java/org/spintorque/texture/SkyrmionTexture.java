package org.spintorque.texture;

import org.spintorque.lattice.LeadSide;

/**
 * A magnetic skyrmion in the x-y plane (independent of z), centered at (xc, yc), with the 360-degree
 * domain-wall profile of a skyrmion:
 *
 * <pre>
 *   r, phi  = polar coordinates of (x - xc, y - yc)
 *   Theta(r) = 2 atan( sinh(r / w) / sinh(R / w) )        (Theta = 0 at the core, pi/2 at r = R, pi far away)
 *   n = ( sin Theta cos(phi + gamma), sin Theta sin(phi + gamma), p cos Theta )
 * </pre>
 *
 * R is the core radius (where n_z = 0), w the wall width, p the polarity (the core points along p z and the
 * background along -p z), gamma the helicity: gamma = 0 a Neel (hedgehog) skyrmion with n pointing outwards
 * in the wall, gamma = pi/2 (or -pi/2) a Bloch skyrmion of one chirality (or the other). The vorticity is +1.
 * Both leads continue with the background -p z. The gradient is the default centered difference.
 */
public final class SkyrmionTexture implements Texture {
    private final double xc;
    private final double yc;
    private final double radius;
    private final double wallWidth;
    private final int polarity;
    private final double helicity;
    private final double logSinhR;

    /**
     * @param xc        center x
     * @param yc        center y
     * @param radius    core radius R (> 0)
     * @param wallWidth wall width w (> 0)
     * @param polarity  +1 (core along +z) or -1 (core along -z)
     * @param helicity  gamma, radians (0 Neel, +-pi/2 Bloch)
     */
    public SkyrmionTexture(double xc, double yc, double radius, double wallWidth, int polarity, double helicity) {
        if (!(radius > 0) || !Double.isFinite(radius) || !(wallWidth > 0) || !Double.isFinite(wallWidth)) {
            throw new IllegalArgumentException("skyrmion radius and wall width must be positive, got " + radius
                    + ", " + wallWidth);
        }
        if (Math.abs(polarity) != 1) {
            throw new IllegalArgumentException("skyrmion polarity must be +1 or -1, got " + polarity);
        }
        this.xc = xc;
        this.yc = yc;
        this.radius = radius;
        this.wallWidth = wallWidth;
        this.polarity = polarity;
        this.helicity = helicity;
        this.logSinhR = logSinh(radius / wallWidth);
    }

    /** A skyrmion whose wall width is half its radius. */
    public SkyrmionTexture(double xc, double yc, double radius, int polarity, double helicity) {
        this(xc, yc, radius, radius / 2, polarity, helicity);
    }

    public double radius() {
        return radius;
    }

    public double wallWidth() {
        return wallWidth;
    }

    public int polarity() {
        return polarity;
    }

    public double helicity() {
        return helicity;
    }

    /** ln sinh(a) for a >= 0, without overflow. */
    private static double logSinh(double a) {
        if (a == 0) {
            return Double.NEGATIVE_INFINITY;
        }
        return a + Math.log(-Math.expm1(-2 * a) / 2);
    }

    /** The profile angle Theta(r). */
    public double theta(double r) {
        double t = Math.exp(logSinh(Math.abs(r) / wallWidth) - logSinhR);
        return 2 * Math.atan(t);
    }

    @Override
    public Vector3 n(double x, double y, double z) {
        double dx = x - xc;
        double dy = y - yc;
        double r = Math.hypot(dx, dy);
        double th = theta(r);
        double sin = Math.sin(th);
        double cos = Math.cos(th);
        double phi = Math.atan2(dy, dx) + helicity;
        return new Vector3(sin * Math.cos(phi), sin * Math.sin(phi), polarity * cos);
    }

    @Override
    public Vector3 limit(LeadSide side, double y, double z) {
        return new Vector3(0, 0, -polarity);
    }

    @Override
    public String toString() {
        return "skyrmion (center " + xc + ", " + yc + ", radius " + radius + ", wall width " + wallWidth
                + ", polarity " + polarity + ", helicity " + helicity + ")";
    }
}
