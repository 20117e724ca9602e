package org.spintorque.dynamics;

import org.spintorque.config.InputException;
import org.spintorque.texture.Vector3;
import org.spintorque.units.PhysicalConstants;

/**
 * The micromagnetic parameters of a ferromagnet, in SI. Immutable; the constructor rejects what no
 * micromagnetic model can use and names the parameter, the value and the valid range.
 *
 * <p>Energy density (per volume) of the model this describes:
 * {@code A |grad m|^2 - K (m . e)^2 + K_perp (m . h)^2 - mu0 M_s m . H}, with e the easy axis and h the hard
 * axis, so that {@code K > 0} makes {@code +-e} the preferred directions and {@code K_perp > 0} makes the
 * magnetization avoid {@code +-h}. The precession term of the Landau-Lifshitz-Gilbert equation is
 * {@code -gamma0 m x H_eff} with {@code gamma0 = mu0 |gamma|} in m/(A s).
 *
 * @param ms            saturation magnetization M_s [A/m], &gt; 0
 * @param exchange      exchange stiffness A [J/m], &gt; 0
 * @param anisotropy    uniaxial (easy-axis) anisotropy constant K [J/m^3], &gt;= 0
 * @param hardAxis      hard-axis anisotropy constant K_perp [J/m^3], &gt;= 0
 * @param alpha         Gilbert damping, &gt; 0
 * @param gamma0        gyromagnetic ratio times mu0 [m/(A s)], &gt; 0
 * @param easyAxis      unit vector e of the uniaxial anisotropy
 * @param hardAxisDirection unit vector h of the hard axis, perpendicular to e
 */
public record Material(double ms, double exchange, double anisotropy, double hardAxis, double alpha, double gamma0,
                       Vector3 easyAxis, Vector3 hardAxisDirection) {

    /**
     * Default gamma0 = mu0 gamma = 2.211e5 m/(A s): mu0 times gamma = 1.7595e11 rad/(s T), the free-electron
     * value (g = 2.0023) that micromagnetic codes commonly use.
     */
    public static final double DEFAULT_GAMMA0 = 2.211e5;

    public Material {
        requirePositive("material.Ms", ms, "A/m", "saturation magnetization, e.g. 8e5 A/m for permalloy");
        requirePositive("material.A", exchange, "J/m", "exchange stiffness, e.g. 1.3e-11 J/m for permalloy");
        requireNonNegative("material.K", anisotropy, "J/m^3", "uniaxial anisotropy constant");
        requireNonNegative("material.K_perp", hardAxis, "J/m^3", "hard-axis anisotropy constant");
        requirePositive("material.alpha", alpha, "", "Gilbert damping, typically 0.001 to 0.1");
        requirePositive("material.gamma", gamma0, "m A^-1 s^-1",
                "gyromagnetic ratio times mu0, " + DEFAULT_GAMMA0 + " for free electrons");
        easyAxis = unit("material.easy_axis", easyAxis);
        hardAxisDirection = unit("material.hard_axis", hardAxisDirection);
        if (Math.abs(easyAxis.dot(hardAxisDirection)) > 1e-9) {
            throw new InputException("material.easy_axis = " + easyAxis + " and material.hard_axis = "
                    + hardAxisDirection + " are not perpendicular (cos = " + easyAxis.dot(hardAxisDirection)
                    + "); valid: two perpendicular directions, e.g. [1, 0, 0] and [0, 0, 1]");
        }
    }

    /** A material with the easy axis along x and the hard axis along z (an in-plane strip along x). */
    public static Material of(double ms, double exchange, double anisotropy, double hardAxis, double alpha) {
        return new Material(ms, exchange, anisotropy, hardAxis, alpha, DEFAULT_GAMMA0, Vector3.X, Vector3.Z);
    }

    /** The same material with another damping. */
    public Material withAlpha(double newAlpha) {
        return new Material(ms, exchange, anisotropy, hardAxis, newAlpha, gamma0, easyAxis, hardAxisDirection);
    }

    /**
     * The Bloch wall width parameter Delta = sqrt(A/K) [m] of the profile {@code theta = 2 atan exp(x/Delta)};
     * needs K &gt; 0.
     */
    public double wallWidth() {
        if (!(anisotropy > 0)) {
            throw new InputException("material.K = " + anisotropy + " J/m^3: the wall width Delta = sqrt(A/K) "
                    + "needs an easy axis, K > 0. For a soft strip (permalloy) give the effective shape "
                    + "anisotropy, e.g. K = 5e5 J/m^3 for a narrow strip (see docs/dynamics.md)");
        }
        return Math.sqrt(exchange / anisotropy);
    }

    /** The anisotropy field of the hard axis, H_perp = 2 K_perp / (mu0 M_s) [A/m]. */
    public double hardAxisField() {
        return 2 * hardAxis / (PhysicalConstants.MU_0 * ms);
    }

    /** The anisotropy field of the easy axis, H_K = 2 K / (mu0 M_s) [A/m]. */
    public double anisotropyField() {
        return 2 * anisotropy / (PhysicalConstants.MU_0 * ms);
    }

    /** The exchange length l_ex = sqrt(2 A / (mu0 M_s^2)) [m]. */
    public double exchangeLength() {
        return Math.sqrt(2 * exchange / (PhysicalConstants.MU_0 * ms * ms));
    }

    private static void requirePositive(String name, double v, String unit, String what) {
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new InputException(name + " = " + v + (unit.isEmpty() ? "" : " " + unit) + ": " + what
                    + "; must be a finite number > 0");
        }
    }

    private static void requireNonNegative(String name, double v, String unit, String what) {
        if (!(v >= 0) || !Double.isFinite(v)) {
            throw new InputException(name + " = " + v + " " + unit + ": " + what + "; must be a finite number >= 0"
                    + " (the axis sets the direction; a negative constant would swap easy and hard)");
        }
    }

    private static Vector3 unit(String name, Vector3 v) {
        if (v == null) {
            throw new InputException(name + " is missing; give a direction such as [1, 0, 0]");
        }
        double n = v.norm();
        if (!(n > 0) || !Double.isFinite(n)) {
            throw new InputException(name + " = " + v + ": must be a non-zero direction, e.g. [1, 0, 0]");
        }
        return v.times(1 / n);
    }
}
