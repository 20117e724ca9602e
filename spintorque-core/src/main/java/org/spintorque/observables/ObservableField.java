package org.spintorque.observables;

/**
 * Everything section 3 of physics.md defines, for one density matrix: the site-resolved quantities and the
 * bond-resolved currents, each in total and per Hamiltonian term. Immutable. Observables are linear in rho,
 * so fields of several energies or temperatures combine with {@link #plus} and {@link #scaled}.
 */
public record ObservableField(SiteObservables sites, BondObservables bonds) {
    /** this + other (same system). */
    public ObservableField plus(ObservableField other) {
        return new ObservableField(sites.combine(1, other.sites, 1), bonds.combine(1, other.bonds, 1));
    }

    /** factor * this. */
    public ObservableField scaled(double factor) {
        return new ObservableField(sites.combine(factor, null, 0), bonds.combine(factor, null, 0));
    }

    /** Largest |ds_i/dt| component over the sites (zero in a stationary state). */
    public double maxSpinRate() {
        return sites.maxAbs(SiteQuantity.SPIN_RATE);
    }

    /** Largest |torque direct - torque continuity| component over the sites. */
    public double maxContinuityResidual() {
        return sites.maxAbs(SiteQuantity.CONTINUITY_RESIDUAL);
    }
}
