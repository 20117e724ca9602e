package org.spintorque.dynamics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.spintorque.config.InputException;
import org.spintorque.texture.Vector3;
import org.spintorque.units.PhysicalConstants;

/**
 * What drives a magnetization: the material, the spin drift velocity u of the Zhang-Li torque, the
 * non-adiabatic coefficient beta and the applied field H, all in SI. The equation they enter is
 * {@code dm/dt = -gamma0 m x H_eff + alpha m x dm/dt - (u . grad) m + beta m x (u . grad) m}.
 *
 * @param material        the magnet
 * @param u               spin drift velocity [m/s], along the electron flow for P &gt; 0
 * @param beta            non-adiabatic coefficient (MuMax3's xi)
 * @param field           applied field H [A/m]
 * @param polarization    P, or null when u was given directly without P
 * @param currentDensity  |j| [A/m^2] along the electron flow, or null when u was given directly
 * @param gFactor         g in u = g mu_B P j / (2 e M_s)
 * @param torqueSource    where P and beta came from: "input" or the path of a summary.json
 * @param notes           what the user should know about how the input was read
 */
public record DrivingConditions(Material material, Vector3 u, double beta, Vector3 field, Double polarization,
                                Double currentDensity, double gFactor, String torqueSource, List<String> notes) {

    public DrivingConditions {
        if (!Double.isFinite(beta)) {
            throw new InputException("torque.beta = " + beta + ": must be a finite number");
        }
        notes = List.copyOf(notes);
    }

    /** Whether u can be converted to and from a current density (P is known). */
    public boolean hasPolarization() {
        return polarization != null;
    }

    /** The component of u along x, the axis of the 1D wall model [m/s]. */
    public double ux() {
        return u.x();
    }

    /** The applied field along the easy axis [A/m]. */
    public double easyAxisField() {
        return field.dot(material.easyAxis());
    }

    /** u [m/s] for a current density j [A/m^2] along the electron flow; needs P. */
    public double driftVelocity(double j) {
        return SpinTransfer.driftVelocity(j, requirePolarization(), material.ms(), gFactor);
    }

    /** The current density [A/m^2] along the electron flow that gives u [m/s]; needs P. */
    public double currentDensityOf(double driftVelocity) {
        return SpinTransfer.currentDensity(driftVelocity, requirePolarization(), material.ms(), gFactor);
    }

    /** The same conditions with the current density j [A/m^2] along the direction of the present u (or x). */
    public DrivingConditions withCurrentDensity(double j) {
        Vector3 dir = u.norm() > 0 ? u.normalized() : Vector3.X;
        return new DrivingConditions(material, dir.times(driftVelocity(j)), beta, field, polarization, j, gFactor,
                torqueSource, notes);
    }

    /** The same conditions with another spin drift velocity along the direction of the present u (or x). */
    public DrivingConditions withDriftVelocity(double driftVelocity) {
        Vector3 dir = u.norm() > 0 ? u.normalized() : Vector3.X;
        return new DrivingConditions(material, dir.times(driftVelocity), beta, field, polarization,
                hasPolarization() ? currentDensityOf(driftVelocity) : null, gFactor, torqueSource, notes);
    }

    /** The same conditions with another beta. */
    public DrivingConditions withBeta(double newBeta) {
        return new DrivingConditions(material, u, newBeta, field, polarization, currentDensity, gFactor,
                torqueSource, notes);
    }

    /** The same conditions with another applied field [A/m]. */
    public DrivingConditions withField(Vector3 newField) {
        return new DrivingConditions(material, u, beta, newField, polarization, currentDensity, gFactor,
                torqueSource, notes);
    }

    private double requirePolarization() {
        if (polarization == null) {
            throw new InputException("a current density needs the polarization: give [current] P (or [torque] "
                    + "from = \"summary.json\") as well as [current] u");
        }
        return polarization;
    }

    /** The resolved drive as a JSON section with units. */
    public Map<String, Object> summary() {
        Map<String, Object> m = new LinkedHashMap<>();
        Map<String, Object> mat = new LinkedHashMap<>();
        mat.put("Ms", valueUnit(material.ms(), "A/m"));
        mat.put("A", valueUnit(material.exchange(), "J/m"));
        mat.put("K", valueUnit(material.anisotropy(), "J/m^3"));
        mat.put("K_perp", valueUnit(material.hardAxis(), "J/m^3"));
        mat.put("alpha", material.alpha());
        mat.put("gamma0", valueUnit(material.gamma0(), "m/(A s)"));
        mat.put("easy_axis", material.easyAxis().toArray());
        mat.put("hard_axis", material.hardAxisDirection().toArray());
        m.put("material", mat);
        m.put("u", valueUnit(u.toArray(), "m/s"));
        m.put("beta", beta);
        m.put("H", valueUnit(field.toArray(), "A/m"));
        m.put("mu0H", valueUnit(field.times(PhysicalConstants.MU_0).toArray(), "T"));
        m.put("P", polarization);
        m.put("current_density", valueUnit(currentDensity, "A/m^2"));
        m.put("g", gFactor);
        m.put("P_and_beta_from", torqueSource);
        return m;
    }

    static Map<String, Object> valueUnit(Object value, String unit) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("value", value);
        m.put("unit", unit);
        return m;
    }
}
