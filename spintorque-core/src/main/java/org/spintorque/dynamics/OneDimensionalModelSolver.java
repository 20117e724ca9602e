package org.spintorque.dynamics;

/** The velocity of the integrated 1D (q, phi) model, {@link WallModel1D}, with an automatic duration. */
public record OneDimensionalModelSolver(double tolerance) implements WallVelocitySolver {
    @Override
    public String method() {
        return "1d";
    }

    @Override
    public WallVelocity velocity(DrivingConditions conditions) {
        WallMotion m = new WallModel1D(WallTheory.of(conditions)).simulate(
                new WallModel1D.Options(Double.NaN, 2, tolerance));
        return new WallVelocity(m.velocity(), m.regime(), m.periods() + " period(s) in " + m.duration() * 1e9
                + " ns" + (m.warnings().isEmpty() ? "" : "; " + String.join("; ", m.warnings())));
    }
}
