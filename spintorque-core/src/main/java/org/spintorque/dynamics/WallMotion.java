package org.spintorque.dynamics;

import java.util.List;

/**
 * The result of integrating the 1D wall model: the trajectory and the measured velocity next to the closed
 * form.
 *
 * @param theory          the closed forms for the same input
 * @param times           sample times [s]
 * @param position        wall position q [m] at the samples
 * @param angle           wall angle phi [rad] at the samples (not wrapped)
 * @param speed           instantaneous dq/dt [m/s] at the samples
 * @param velocity        the time-averaged velocity [m/s]: over whole periods of phi when it precesses, the
 *                        final dq/dt when steady
 * @param regime          "steady", "precessing" or "transient" (neither within the simulated time)
 * @param periods         whole periods of phi (turns by pi) simulated
 * @param meanPeriod      their mean length [s] (NaN without one)
 * @param finalAngleRate  dphi/dt at the end [rad/s]
 * @param duration        the time simulated [s]
 * @param acceptedSteps   Runge-Kutta steps accepted
 * @param rejectedSteps   Runge-Kutta steps rejected by the error control
 * @param warnings        what the user should check
 */
public record WallMotion(WallTheory theory, double[] times, double[] position, double[] angle, double[] speed,
                         double velocity, String regime, int periods, double meanPeriod, double finalAngleRate,
                         double duration, long acceptedSteps, long rejectedSteps, List<String> warnings) {

    public WallMotion {
        warnings = List.copyOf(warnings);
    }

    /** The closed-form average velocity [m/s] (eq. W1 below breakdown, W2 above). */
    public double theoryVelocity() {
        return theory.averageVelocity();
    }
}
