package org.spintorque.band;

/**
 * A free-electron (parabolic) band {@code eps_k = hbar^2 k^2 / 2m} in three dimensions, in units with
 * hbar = 1: energies in some unit E, lengths in L, the mass in {@code hbar^2 / (E L^2)}.
 *
 * <p>All quantities are per unit volume and per spin; a kinetic energy at or below the band bottom gives
 * zero (an empty band), never NaN.
 *
 * @param mass effective mass in units of hbar^2/(E L^2)
 */
public record ParabolicBand(double mass) {
    public ParabolicBand {
        if (!(mass > 0) || !Double.isFinite(mass)) {
            throw new IllegalArgumentException("effective mass must be positive and finite, got " + mass);
        }
    }

    /** Fermi wave vector {@code k_F = sqrt(2 m E_kin)} for kinetic energy E_kin above the bottom; 0 below. */
    public double fermiWavevector(double kineticEnergy) {
        return kineticEnergy > 0 ? Math.sqrt(2 * mass * kineticEnergy) : 0;
    }

    /** Electron density of one spin band, {@code n = k_F^3 / (6 pi^2)}. */
    public double density(double kineticEnergy) {
        double k = fermiWavevector(kineticEnergy);
        return k * k * k / (6 * Math.PI * Math.PI);
    }

    /** Density of states of one spin band at E_kin, {@code nu = m k_F / (2 pi^2)} (= dn/dE). */
    public double densityOfStates(double kineticEnergy) {
        return mass * fermiWavevector(kineticEnergy) / (2 * Math.PI * Math.PI);
    }

    /** Fermi velocity {@code k_F / m}. */
    public double fermiVelocity(double kineticEnergy) {
        return fermiWavevector(kineticEnergy) / mass;
    }
}
