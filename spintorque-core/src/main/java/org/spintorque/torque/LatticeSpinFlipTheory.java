package org.spintorque.torque;

/**
 * The paper's analytic spin-flip results evaluated for the lattice model of a run: the density of states
 * per site and spin at E_F of the clean leads (a strip or wire with hard walls: transverse standing waves
 * times a chain along x), the golden-rule spin-flip rate and beta_sf of eq. (29),
 * {@code 1/tau_sf = (4 pi/3) n_imp v_s^2 S_imp^2 (nu_+ + nu_-)}, {@code beta_sf = 1/(2 M tau_sf)}
 * (hbar = 1, lattice units; n_imp per site, v_s in t). Valid for models of hopping, exchange and a scalar
 * on-site potential only (no Rashba, one orbital or identical orbitals).
 */
public final class LatticeSpinFlipTheory {
    private LatticeSpinFlipTheory() { }

    /**
     * Density of states per site and per spin of a clean hard-wall lead of width W, height H at energy e
     * (measured including the spin shift: e = E_F + M for the majority band -2t(...) - M).
     */
    public static double densityOfStates(double e, double t, int width, int height) {
        double sum = 0;
        for (int qy = 1; qy <= width; qy++) {
            double ey = width == 1 ? 0 : -2 * t * Math.cos(Math.PI * qy / (width + 1));
            for (int qz = 1; qz <= height; qz++) {
                double ez = height == 1 ? 0 : -2 * t * Math.cos(Math.PI * qz / (height + 1));
                double x = e - ey - ez; // the chain energy -2t cos k_x left for motion along x
                double d = 4 * t * t - x * x;
                if (d > 0) {
                    sum += 1 / (Math.PI * Math.sqrt(d)); // chain DOS per site
                }
            }
        }
        return sum / (width * height);
    }

    /** beta_sf of eq. (29) with the lattice DOS of both spin bands. */
    public static double betaEq29(double fermiEnergy, double onsite, double t, double m, int width, int height,
                                  double concentration, double vs, double spin) {
        double nuUp = densityOfStates(fermiEnergy - onsite + m, t, width, height);
        double nuDn = densityOfStates(fermiEnergy - onsite - m, t, width, height);
        return 2 * Math.PI / (3 * m) * concentration * vs * vs * spin * spin * (nuUp + nuDn);
    }
}
