package org.spintorque.hamiltonian;

import org.spintorque.lattice.Bond;
import org.spintorque.lattice.Site;
import org.spintorque.linalg.ComplexMatrix;

/**
 * One named physical term of a tight-binding Hamiltonian {@code H = sum_ij c_i^dag H_ij c_j}. A term gives
 * blocks of size {@code 2 * orbitals} in the site basis {@code orbital * 2 + spin} (so that
 * {@code Sigma^a = 1_orb (x) sigma^a}):
 *
 * <ul>
 *   <li>{@link #onsite(Site)}: {@code H_ii}, which must be Hermitian;</li>
 *   <li>{@link #hopping(Bond)}: for a bond {@code i -> j} ({@code j = i + e_x, e_y or e_z}) the block
 *       {@code H_ji = <j|H|i>} (physics.md section 3); the reverse block is {@code H_ij = H_ji^dagger}, so the
 *       Hamiltonian is Hermitian by construction on the bonds.</li>
 * </ul>
 * Either may return null (or a zero matrix) for "nothing here". Implementations must be immutable and pure:
 * the same site or bond always gives the same block, because the system evaluates them lazily, possibly many
 * times and from several threads, instead of storing the Hamiltonian.
 *
 * <p>Sites and bonds of lead cells ({@code x < 0} or {@code x >= length}) are passed only to terms with
 * {@link #extendsIntoLeads()}; such terms must be translation invariant along x inside each lead (the system
 * checks it when built). Disorder terms (see {@link DisorderTerm}) live in the scattering region only.
 *
 * <p>Each term reports its own share of every observable (the observables package evaluates the spin
 * currents and sources of eqs. (4), (5) term by term), so a physical mechanism should be one term.
 */
public interface HamiltonianTerm {
    /** A unique name within a model ("hopping", "exchange", "rashba", ...): the key of per-term outputs. */
    String name();

    /** The on-site block {@code H_ii} at this site (a lead cell only if {@link #extendsIntoLeads()}), or null. */
    ComplexMatrix onsite(Site site);

    /** The hopping block {@code H_ji = <j|H|i>} of the bond {@code i -> j}, or null. */
    ComplexMatrix hopping(Bond bond);

    /**
     * Whether this term is also part of the leads: evaluated on lead cells and on the bonds between the
     * scattering region and the leads. Default true; disorder terms return false.
     */
    default boolean extendsIntoLeads() {
        return true;
    }

    /** False if {@link #onsite} is null everywhere (lets the observables skip it). */
    default boolean hasOnsite() {
        return true;
    }

    /** False if {@link #hopping} is null everywhere (lets the observables skip it). */
    default boolean hasHopping() {
        return true;
    }

    /**
     * Whether this term carries the magnetization on which the torque acts (the s-d exchange): the "direct"
     * torque is minus its spin source, and by default it is excluded from the relaxation sources of the
     * "continuity" route (physics.md section 3, "Which torque is the torque").
     */
    default boolean carriesMagnetization() {
        return false;
    }
}
