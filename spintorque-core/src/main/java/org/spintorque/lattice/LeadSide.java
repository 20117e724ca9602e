package org.spintorque.lattice;

/** The two semi-infinite leads: LEFT occupies {@code x <= -1}, RIGHT occupies {@code x >= length}. */
public enum LeadSide {
    LEFT,
    RIGHT
}
