package org.spintorque.dynamics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.spintorque.output.ReportedValue;
import org.spintorque.units.PhysicalConstants;

/**
 * The characteristic drives of a wall in the 1D model, in the units users quote: wall width, Walker field,
 * intrinsic threshold and Walker breakdown as drift velocities and, when P is known, as current densities.
 *
 * @param theory            the closed forms at the configured drive
 * @param walkerCurrent     j_W [A/m^2] at H = 0, or null (no P, or beta = alpha: no breakdown)
 * @param thresholdCurrent  j_c [A/m^2], the current of u_c, or null without P
 * @param thresholdClosedForm 2 e Delta K_perp / (hbar P) [A/m^2], or null without P
 */
public record WallThresholds(WallTheory theory, Double walkerCurrent, Double thresholdCurrent,
                             Double thresholdClosedForm) {

    public static WallThresholds of(DrivingConditions d) {
        WallTheory t = WallTheory.of(d);
        Double jW = null;
        Double jC = null;
        Double jCForm = null;
        if (d.hasPolarization()) {
            double uW = t.walkerDriftVelocity();
            jW = Double.isFinite(uW) ? d.currentDensityOf(uW) : null;
            jC = d.currentDensityOf(t.intrinsicThreshold());
            jCForm = SpinTransfer.intrinsicThresholdCurrent(t.wallWidth(), d.material().hardAxis(), d.polarization());
        }
        return new WallThresholds(t, jW, jC, jCForm);
    }

    /** The values for the table, the JSON "results" section and CSV headers. */
    public List<ReportedValue> values() {
        List<ReportedValue> v = new ArrayList<>();
        v.add(new ReportedValue("Delta", theory.wallWidth() * 1e9, "nm", "wall width sqrt(A/K)"));
        v.add(new ReportedValue("H_perp", theory.hardAxisField(), "A/m", "hard-axis field 2 K_perp/(mu0 Ms)"));
        v.add(new ReportedValue("walker_field", theory.walkerField(), "A/m", "Walker field alpha H_perp/2 at u = 0"));
        v.add(new ReportedValue("walker_field_mT", theory.walkerField() * PhysicalConstants.MU_0 * 1e3, "mT",
                "mu0 times the Walker field"));
        v.add(new ReportedValue("u_c", theory.intrinsicThreshold(), "m/s",
                "intrinsic threshold gamma0 Delta H_perp/2 (beta = 0, H = 0)"));
        if (Double.isFinite(theory.walkerDriftVelocity())) {
            v.add(new ReportedValue("u_walker", theory.walkerDriftVelocity(), "m/s",
                    "Walker breakdown alpha u_c/|beta - alpha| at H = 0"));
        }
        if (walkerCurrent != null) {
            v.add(new ReportedValue("walker_current", walkerCurrent, "A/m^2", "j of u_walker"));
        }
        if (thresholdCurrent != null) {
            v.add(new ReportedValue("threshold_current", thresholdCurrent, "A/m^2",
                    "j of u_c, the intrinsic threshold at beta = 0"));
            v.add(new ReportedValue("threshold_current_closed_form", thresholdClosedForm, "A/m^2",
                    "2 e Delta K_perp/(hbar P); equals threshold_current when gamma0 = g mu0 mu_B/hbar"));
        }
        return v;
    }

    /** The top-level summary keys every wall command writes (null where undefined, with the reason). */
    public Map<String, Object> summaryKeys(DrivingConditions d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("walker_current", walkerCurrent);
        m.put("threshold_current", thresholdCurrent);
        if (!d.hasPolarization()) {
            m.put("currents_undefined", "u was given without P: currents cannot be computed; give [current] P");
        } else if (walkerCurrent == null) {
            m.put("walker_current_undefined", "beta = alpha: the wall translates rigidly at v = u, no breakdown");
        }
        m.put("Delta", theory.wallWidth());
        m.put("u", theory.u());
        m.put("walker_field", theory.walkerField());
        m.put("u_c", theory.intrinsicThreshold());
        m.put("u_walker", Double.isFinite(theory.walkerDriftVelocity()) ? theory.walkerDriftVelocity() : null);
        return m;
    }

    /** Shared notes on what the thresholds mean. */
    public List<String> notes(DrivingConditions d) {
        List<String> notes = new ArrayList<>();
        if (d.beta() != 0) {
            notes.add("threshold_current is the intrinsic threshold at beta = 0; with beta = " + d.beta()
                    + " the wall moves at any current (v = beta u/alpha below breakdown), so its threshold is "
                    + "extrinsic (pinning)");
        }
        if (Math.abs(d.u().norm() - Math.abs(d.ux())) > 1e-12 * d.u().norm()) {
            notes.add("the 1D model uses the component of u along x, the wall normal: u_x = " + d.ux() + " of |u| = "
                    + d.u().norm() + " m/s (electron_flow is not along x)");
        }
        if (Math.abs(d.field().norm() - Math.abs(d.easyAxisField())) > 1e-12 * d.field().norm()) {
            notes.add("the 1D model uses the field along the easy axis, " + d.easyAxisField() + " A/m; the "
                    + "transverse part of H = " + d.field() + " A/m is left out");
        }
        if (theory.field() != 0) {
            notes.add("walker_current and u_walker are for H = 0; the field H = " + theory.field()
                    + " A/m shifts breakdown to |gamma0 H + (beta - alpha) u/Delta| = alpha gamma0 H_perp/2");
        }
        return notes;
    }
}
