package org.spintorque.texture;

import org.spintorque.lattice.LeadSide;

/** n = constant direction everywhere (a uniform ferromagnet). */
public final class UniformTexture implements Texture {
    private final Vector3 direction;

    /** @param direction any non-zero vector; it is normalized */
    public UniformTexture(Vector3 direction) {
        this.direction = direction.normalized();
    }

    public UniformTexture(double x, double y, double z) {
        this(new Vector3(x, y, z));
    }

    public Vector3 direction() {
        return direction;
    }

    @Override
    public Vector3 n(double x, double y, double z) {
        return direction;
    }

    @Override
    public Vector3 dxN(double x, double y, double z) {
        return Vector3.ZERO;
    }

    @Override
    public Vector3 limit(LeadSide side, double y, double z) {
        return direction;
    }

    @Override
    public String toString() {
        return "uniform " + direction;
    }
}
