package org.spintorque.texture;

/** A real 3-vector (spin directions, spin densities, torques), immutable. */
public record Vector3(double x, double y, double z) {
    public static final Vector3 ZERO = new Vector3(0, 0, 0);
    public static final Vector3 X = new Vector3(1, 0, 0);
    public static final Vector3 Y = new Vector3(0, 1, 0);
    public static final Vector3 Z = new Vector3(0, 0, 1);

    /** From a 3-element array. */
    public static Vector3 of(double[] v) {
        if (v.length != 3) {
            throw new IllegalArgumentException("a 3-vector needs 3 components, got " + v.length);
        }
        return new Vector3(v[0], v[1], v[2]);
    }

    /** Component a = 0, 1, 2 (x, y, z). */
    public double component(int a) {
        return switch (a) {
            case 0 -> x;
            case 1 -> y;
            case 2 -> z;
            default -> throw new IndexOutOfBoundsException("component " + a);
        };
    }

    public double[] toArray() {
        return new double[] {x, y, z};
    }

    public Vector3 plus(Vector3 o) {
        return new Vector3(x + o.x, y + o.y, z + o.z);
    }

    public Vector3 minus(Vector3 o) {
        return new Vector3(x - o.x, y - o.y, z - o.z);
    }

    public Vector3 times(double f) {
        return new Vector3(f * x, f * y, f * z);
    }

    public double dot(Vector3 o) {
        return x * o.x + y * o.y + z * o.z;
    }

    public Vector3 cross(Vector3 o) {
        return new Vector3(y * o.z - z * o.y, z * o.x - x * o.z, x * o.y - y * o.x);
    }

    public double norm() {
        return Math.sqrt(x * x + y * y + z * z);
    }

    /** This vector divided by its length. */
    public Vector3 normalized() {
        double n = norm();
        if (!(n > 0) || !Double.isFinite(n)) {
            throw new IllegalArgumentException("cannot normalize " + this);
        }
        return times(1 / n);
    }

    /** Largest |component| of this - o. */
    public double maxAbsDifference(Vector3 o) {
        return Math.max(Math.abs(x - o.x), Math.max(Math.abs(y - o.y), Math.abs(z - o.z)));
    }
}
