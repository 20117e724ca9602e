package org.spintorque.transport;

/** Which side of the scattering region a lead is attached to: LEFT at x < 0, RIGHT at x >= length. */
public enum LeadSide {
    LEFT("left"),
    RIGHT("right");

    private final String label;

    LeadSide(String label) {
        this.label = label;
    }

    /** "left" or "right", for messages and outputs. */
    public String label() {
        return label;
    }
}
