package org.spintorque.texture;

import java.util.Locale;
import org.spintorque.lattice.LeadSide;

/**
 * A 180-degree domain wall along x with the profile {@code theta(x) = 2 atan(exp((x - center)/width))},
 * i.e. {@code cos theta = -tanh((x - center)/width)} and {@code sin theta = 1/cosh((x - center)/width)}.
 *
 * <pre>
 *   n = (sin theta cos(phi + phi0), sin theta sin(phi + phi0), cos theta)
 *   phi0 = 0       for type NEEL  (phi = 0: rotation in the x-z plane, n = (sin theta, 0, cos theta))
 *   phi0 = pi/2    for type BLOCH (phi = 0: rotation in the y-z plane, n = (0, sin theta, cos theta))
 * </pre>
 *
 * The optional angle phi rotates the plane of the wall about z. Whatever phi and the type, n = +z exactly for
 * x to minus infinity (left lead) and n = -z for x to plus infinity (right lead). The analytic gradient is
 * {@code d_x n = (sin theta / width) (cos theta cos Phi, cos theta sin Phi, -sin theta)} with
 * {@code Phi = phi + phi0}; at the center {@code d_x n_z = -1/width}.
 */
public final class DomainWallTexture implements Texture {
    /** The plane in which the wall rotates (before the rotation phi about z). */
    public enum WallType {
        /** Rotation in the x-z plane (the plane containing the transport direction). */
        NEEL,
        /** Rotation in the y-z plane (perpendicular to the transport direction). */
        BLOCH;

        /** "neel" or "bloch", case-insensitive. */
        public static WallType parse(String s) {
            return switch (s.trim().toLowerCase(Locale.ROOT)) {
                case "neel", "néel" -> NEEL;
                case "bloch" -> BLOCH;
                default -> throw new IllegalArgumentException(
                        "domain-wall type '" + s + "' is not one of \"neel\", \"bloch\"");
            };
        }
    }

    private final double center;
    private final double width;
    private final WallType type;
    private final double phi;
    private final double cosPhi;
    private final double sinPhi;

    /**
     * @param center x of the wall center (n_z = 0), lattice units
     * @param width  the width parameter of the profile (> 0), lattice units
     * @param type   NEEL or BLOCH
     * @param phi    rotation of the wall plane about z, radians
     */
    public DomainWallTexture(double center, double width, WallType type, double phi) {
        if (!(width > 0) || !Double.isFinite(width)) {
            throw new IllegalArgumentException("domain-wall width must be positive and finite, got " + width);
        }
        if (!Double.isFinite(center) || !Double.isFinite(phi)) {
            throw new IllegalArgumentException("domain-wall center and phi must be finite, got " + center
                    + ", " + phi);
        }
        this.center = center;
        this.width = width;
        this.type = type;
        this.phi = phi;
        double angle = phi + (type == WallType.BLOCH ? Math.PI / 2 : 0);
        this.cosPhi = Math.cos(angle);
        this.sinPhi = Math.sin(angle);
    }

    /** A wall with phi = 0. */
    public DomainWallTexture(double center, double width, WallType type) {
        this(center, width, type, 0);
    }

    public double center() {
        return center;
    }

    public double width() {
        return width;
    }

    public WallType type() {
        return type;
    }

    public double phi() {
        return phi;
    }

    /** The polar angle theta(x) = 2 atan(exp((x - center)/width)). */
    public double theta(double x) {
        return 2 * Math.atan(Math.exp((x - center) / width));
    }

    @Override
    public Vector3 n(double x, double y, double z) {
        double u = (x - center) / width;
        double sin = 1 / Math.cosh(u);
        double cos = -Math.tanh(u);
        return new Vector3(sin * cosPhi, sin * sinPhi, cos);
    }

    @Override
    public Vector3 dxN(double x, double y, double z) {
        double u = (x - center) / width;
        double sin = 1 / Math.cosh(u);
        double cos = -Math.tanh(u);
        double dtheta = sin / width;
        return new Vector3(dtheta * cos * cosPhi, dtheta * cos * sinPhi, -dtheta * sin);
    }

    @Override
    public Vector3 limit(LeadSide side, double y, double z) {
        return side == LeadSide.LEFT ? Vector3.Z : new Vector3(0, 0, -1);
    }

    @Override
    public String toString() {
        return "domain wall (" + type.name().toLowerCase(Locale.ROOT) + ", center " + center + ", width "
                + width + ", phi " + phi + ")";
    }
}
