package org.spintorque.transport;

/**
 * Thrown when a lead has no propagating mode at the requested energy: nothing can be injected or
 * collected there, so the linear-response state and the transmission are identically zero and no
 * per-unit-bias quantity is defined from a normalised scattering state.
 */
public final class NoOpenChannelException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final LeadSide side;
    private final double energy;

    public NoOpenChannelException(LeadSide side, double energy) {
        super("no open channel in the " + side.label() + " lead at E = " + energy
                + " (the energy lies outside every band of the lead, so no current can flow; choose an energy"
                + " inside the lead's bands)");
        this.side = side;
        this.energy = energy;
    }

    /** The lead without open channels. */
    public LeadSide side() {
        return side;
    }

    /** The energy at which it has none. */
    public double energy() {
        return energy;
    }
}
