package org.spintorque.lattice;

/**
 * A nearest-neighbour bond {@code i -> j} with {@code j = i + e_x, e_y or e_z}: each bond of the lattice
 * appears once, oriented along +x, +y or +z. The Hamiltonian block that belongs to it is
 * {@code H_ji = <j|H|i>} (the reverse block is its conjugate transpose), and currents on it are reported from
 * i to j.
 */
public record Bond(Site from, Site to, Direction direction) {
    public Bond {
        if (to.x() != from.x() + direction.dx() || to.y() != from.y() + direction.dy()
                || to.z() != from.z() + direction.dz() || !to.lattice().equals(from.lattice())) {
            throw new IllegalArgumentException(to + " is not " + from + " + e_" + direction);
        }
    }

    /** Index of the start site i. */
    public int i() {
        return from.index();
    }

    /** Index of the end site j = i + e_d. */
    public int j() {
        return to.index();
    }

    /** Whether both ends are in the scattering region. */
    public boolean inScatteringRegion() {
        return from.inScatteringRegion() && to.inScatteringRegion();
    }

    /** Whether at least one end is a lead cell. */
    public boolean touchesLead() {
        return !inScatteringRegion();
    }

    @Override
    public String toString() {
        return "bond (" + from.x() + "," + from.y() + "," + from.z() + ") -> (" + to.x() + "," + to.y() + ","
                + to.z() + ")";
    }
}
