package org.spintorque.texture;

import org.spintorque.lattice.LeadSide;

/**
 * A magnetization texture: the unit vector field n(x, y, z) that the s-d exchange term {@code -M n . sigma}
 * couples to. Coordinates are real numbers in lattice units (a = 1); site (x, y, z) of the lattice sits at
 * those integer coordinates, x is the transport direction.
 *
 * <p>Implementations are immutable and must return unit vectors.
 */
public interface Texture {
    /** Step of the centered difference used by the default {@link #dxN}. */
    double GRADIENT_STEP = 1e-4;

    /** The unit vector n at (x, y, z). */
    Vector3 n(double x, double y, double z);

    /**
     * d n / d x at (x, y, z), needed for the torque fit {@code c_a d_x n + c_n n x d_x n}. The default is the
     * centered difference with step {@link #GRADIENT_STEP} (error of order 1e-9 for smooth textures varying
     * on the scale of a lattice constant); textures with a simple closed form override it.
     */
    default Vector3 dxN(double x, double y, double z) {
        double h = GRADIENT_STEP;
        return n(x + h, y, z).minus(n(x - h, y, z)).times(1 / (2 * h));
    }

    /** n x d_x n at (x, y, z): the direction of the non-adiabatic (beta) torque. */
    default Vector3 nCrossDxN(double x, double y, double z) {
        return n(x, y, z).cross(dxN(x, y, z));
    }

    /**
     * The limit of n for x to minus infinity (left) or plus infinity (right) at fixed (y, z): the uniform
     * direction of the lead on that side. Null when the texture has no such limit (a spiral); the model then
     * continues the lead with n of the adjacent edge slice of the scattering region.
     */
    default Vector3 limit(LeadSide side, double y, double z) {
        return null;
    }
}
