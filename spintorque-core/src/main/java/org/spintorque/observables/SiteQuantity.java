package org.spintorque.observables;

/**
 * The vector (spin-space) quantities reported on every site i of the scattering region; the equation
 * numbers are those of Tatara and Entel 2008, the lattice forms those of physics.md section 3.
 */
public enum SiteQuantity {
    /** {@code s_i^a = Tr[Sigma^a rho_ii]}, eq. (2). */
    SPIN(false),
    /** {@code T_on^a(i) = i Tr[[H_ii, Sigma^a] rho_ii]}, on-site part of eq. (5) (per term available). */
    ONSITE_SOURCE(true),
    /** {@code sum_j T_hop^a(i<-j)}, hopping part of eq. (5) (per term available). */
    HOPPING_SOURCE(true),
    /** ONSITE_SOURCE + HOPPING_SOURCE (per term available). */
    SOURCE(true),
    /** {@code sum_j J^a_{i->j}} over every bond of i (lead bonds included), lattice form of div j_s, eq. (4). */
    DIVERGENCE(true),
    /** {@code ds_i/dt = -DIVERGENCE + SOURCE}, eq. (3); zero in a stationary state. */
    SPIN_RATE(false),
    /** Sum of the SOURCE of the terms marked as relaxation, {@code T_sr}, eq. (5) with H_sr. */
    RELAXATION_SOURCE(false),
    /** Torque on the magnetization, direct route: minus the SOURCE of the magnetization terms, {@code 2M n x s}. */
    TORQUE_DIRECT(false),
    /** Torque on the magnetization, continuity route: {@code -DIVERGENCE + RELAXATION_SOURCE}, eq. (6). */
    TORQUE_CONTINUITY(false),
    /**
     * TORQUE_DIRECT - TORQUE_CONTINUITY. When every term is either magnetization or relaxation (the default)
     * this is {@code -ds/dt}, zero in a stationary state.
     */
    CONTINUITY_RESIDUAL(false);

    private final boolean perTerm;

    SiteQuantity(boolean perTerm) {
        this.perTerm = perTerm;
    }

    /** Whether the quantity is also resolved by Hamiltonian term. */
    public boolean perTerm() {
        return perTerm;
    }
}
