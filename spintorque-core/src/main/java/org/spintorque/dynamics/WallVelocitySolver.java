package org.spintorque.dynamics;

/**
 * Computes the time-averaged velocity of a domain wall for one drive. Implementations must be safe to call
 * from several threads at once (the velocity sweep runs its points in parallel); {@link #method()} is the
 * name used in {@code [sweep] method}.
 */
public interface WallVelocitySolver {
    /** The name of the method ("1d", "llg", ...). */
    String method();

    /** The wall velocity for the given drive. */
    WallVelocity velocity(DrivingConditions conditions);

    /**
     * One computed velocity.
     *
     * @param velocity the time-averaged velocity along x [m/s]
     * @param regime   "steady", "precessing", or what the method can tell
     * @param detail   one line on how it was obtained (e.g. periods averaged)
     */
    record WallVelocity(double velocity, String regime, String detail) { }
}
