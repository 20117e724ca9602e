package org.spintorque.units;

/** CODATA 2018 values in SI; the exact ones are exact by the 2019 SI definition. */
public final class PhysicalConstants {
    private PhysicalConstants() { }

    /** Planck constant h [J s] (exact). */
    public static final double PLANCK = 6.62607015e-34;
    /** Reduced Planck constant hbar = h / 2 pi [J s] (exact). */
    public static final double HBAR = PLANCK / (2 * Math.PI);
    /** Elementary charge e [C] (exact). */
    public static final double ELEMENTARY_CHARGE = 1.602176634e-19;
    /** Electron mass m_e [kg]. */
    public static final double ELECTRON_MASS = 9.1093837015e-31;
    /** Bohr magneton mu_B [J/T]. */
    public static final double BOHR_MAGNETON = 9.2740100783e-24;
    /** Boltzmann constant k_B [J/K] (exact). */
    public static final double BOLTZMANN = 1.380649e-23;
    /** Vacuum permeability mu_0 [T m/A]. */
    public static final double MU_0 = 1.25663706212e-6;
    /** Bohr radius a_0 [m]. */
    public static final double BOHR_RADIUS = 5.29177210903e-11;
    /** Hartree energy [J]. */
    public static final double HARTREE = 4.3597447222071e-18;
    /** hbar in eV fs: the conversion between an energy in eV and an inverse time in 1/fs. */
    public static final double HBAR_EV_FS = HBAR / ELEMENTARY_CHARGE * 1e15;
    /** hbar^2 / (2 m_e) in eV nm^2: the free-electron kinetic energy scale. */
    public static final double HBAR2_OVER_2ME_EV_NM2 =
            HBAR * HBAR / (2 * ELECTRON_MASS) / ELEMENTARY_CHARGE * 1e18;
}
