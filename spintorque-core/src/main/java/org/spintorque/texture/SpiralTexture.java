package org.spintorque.texture;

/**
 * A spin spiral with wave vector q along x rotating in the plane spanned by two orthonormal directions e1,
 * e2: {@code n(x) = cos(q (x - x0)) e1 + sin(q (x - x0)) e2}, so {@code d_x n = q (-sin e1 + cos e2)}.
 *
 * <p>{@link #cycloid} rotates in the x-z plane (e1 = z, e2 = x, Neel-like), {@link #helix} in the y-z plane
 * (e1 = z, e2 = y, Bloch-like). A spiral has no limit at infinity: leads continue it with the direction of
 * the adjacent edge slice.
 */
public final class SpiralTexture implements Texture {
    private final double q;
    private final double x0;
    private final Vector3 e1;
    private final Vector3 e2;

    /**
     * @param q  wave vector (radians per lattice constant)
     * @param x0 position where n = e1
     * @param e1 direction at x0 (normalized)
     * @param e2 second direction of the plane; its part along e1 is removed, then it is normalized
     */
    public SpiralTexture(double q, double x0, Vector3 e1, Vector3 e2) {
        if (!Double.isFinite(q) || !Double.isFinite(x0)) {
            throw new IllegalArgumentException("spiral q and x0 must be finite, got " + q + ", " + x0);
        }
        this.q = q;
        this.x0 = x0;
        this.e1 = e1.normalized();
        Vector3 orth = e2.minus(this.e1.times(this.e1.dot(e2)));
        if (orth.norm() < 1e-12 * e2.norm() || e2.norm() == 0) {
            throw new IllegalArgumentException("spiral plane directions are parallel: " + e1 + ", " + e2);
        }
        this.e2 = orth.normalized();
    }

    /** Rotation in the x-z plane: n = (sin qx, 0, cos qx). */
    public static SpiralTexture cycloid(double q) {
        return new SpiralTexture(q, 0, Vector3.Z, Vector3.X);
    }

    /** Rotation in the y-z plane: n = (0, sin qx, cos qx). */
    public static SpiralTexture helix(double q) {
        return new SpiralTexture(q, 0, Vector3.Z, Vector3.Y);
    }

    public double q() {
        return q;
    }

    public Vector3 e1() {
        return e1;
    }

    public Vector3 e2() {
        return e2;
    }

    @Override
    public Vector3 n(double x, double y, double z) {
        double a = q * (x - x0);
        return e1.times(Math.cos(a)).plus(e2.times(Math.sin(a)));
    }

    @Override
    public Vector3 dxN(double x, double y, double z) {
        double a = q * (x - x0);
        return e1.times(-q * Math.sin(a)).plus(e2.times(q * Math.cos(a)));
    }

    @Override
    public String toString() {
        return "spiral (q " + q + ", x0 " + x0 + ", plane " + e1 + ", " + e2 + ")";
    }
}
