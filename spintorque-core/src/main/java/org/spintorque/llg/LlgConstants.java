package org.spintorque.llg;

import org.spintorque.units.PhysicalConstants;

/** Constants of the micromagnetic model (SI). */
public final class LlgConstants {
    /** Vacuum permeability [T m/A]. */
    public static final double MU0 = PhysicalConstants.MU_0;
    /** Gyromagnetic ratio of the free electron times mu0, gamma0 = mu0 g |e| / (2 m_e) [m/(A s)], g = 2.0023. */
    public static final double GAMMA0 = 2.211e5;

    private LlgConstants() { }
}
