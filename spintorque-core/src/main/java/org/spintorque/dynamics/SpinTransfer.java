package org.spintorque.dynamics;

import org.spintorque.units.PhysicalConstants;

/**
 * The spin drift velocity of the Zhang-Li torque and its relation to the current density,
 * {@code u = g mu_B P j / (2 e M_s)} [m/s], and the thresholds of the 1D wall model expressed as currents.
 * u points along the electron flow (opposite to the conventional charge current) for P &gt; 0.
 */
public final class SpinTransfer {
    /** The default g factor in u. */
    public static final double DEFAULT_G = 2.0;

    private SpinTransfer() { }

    /**
     * u = g mu_B P j / (2 e M_s).
     *
     * @param currentDensity j [A/m^2] (magnitude along the electron flow direction)
     * @param polarization   P
     * @param ms             M_s [A/m]
     * @param g              g factor
     * @return u [m/s]
     */
    public static double driftVelocity(double currentDensity, double polarization, double ms, double g) {
        return g * PhysicalConstants.BOHR_MAGNETON * polarization * currentDensity
                / (2 * PhysicalConstants.ELEMENTARY_CHARGE * ms);
    }

    /** The inverse of {@link #driftVelocity}: the current density j [A/m^2] that gives u [m/s]. */
    public static double currentDensity(double u, double polarization, double ms, double g) {
        return u * 2 * PhysicalConstants.ELEMENTARY_CHARGE * ms
                / (g * PhysicalConstants.BOHR_MAGNETON * polarization);
    }

    /**
     * The intrinsic threshold current density of a wall at beta = 0 in the form of Tatara and Kohno,
     * {@code j_c = 2 e Delta K_perp / (hbar P)} [A/m^2]. It equals {@link #currentDensity} of the 1D-model
     * threshold {@code u_c = gamma0 Delta K_perp / (mu0 M_s)} when {@code gamma0 = g mu0 mu_B / hbar}.
     */
    public static double intrinsicThresholdCurrent(double wallWidth, double hardAxis, double polarization) {
        return 2 * PhysicalConstants.ELEMENTARY_CHARGE * wallWidth * hardAxis
                / (PhysicalConstants.HBAR * polarization);
    }
}
