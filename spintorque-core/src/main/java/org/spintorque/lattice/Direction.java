package org.spintorque.lattice;

/** The nearest-neighbour directions e_x (transport), e_y, e_z. */
public enum Direction {
    X(1, 0, 0),
    Y(0, 1, 0),
    Z(0, 0, 1);

    private final int dx;
    private final int dy;
    private final int dz;

    Direction(int dx, int dy, int dz) {
        this.dx = dx;
        this.dy = dy;
        this.dz = dz;
    }

    public int dx() {
        return dx;
    }

    public int dy() {
        return dy;
    }

    public int dz() {
        return dz;
    }

    /** 0, 1, 2 for x, y, z. */
    public int axis() {
        return ordinal();
    }
}
