package org.spintorque.observables;

import org.spintorque.linalg.ComplexMatrix;

/**
 * A Hermitian one-particle density matrix, given block by block: {@code rho_ij = <c_j^dag c_i>} (rows: the
 * {@code 2 * orbitals} states of site i, columns: those of site j), so that {@code <c^dag X c> = Tr[X rho]}
 * (physics.md section 3). Site indices are those of {@link org.spintorque.lattice.Lattice#index}; lead
 * surface cells (x = -1, x = length) have indices below 0 and from siteCount on.
 *
 * <p>{@link SpinContinuity#evaluate} asks for each block exactly once, in slice order, so an implementation
 * may compute blocks on the fly and forget them: first {@code bond(i, j)} for the bonds x = -1 -> 0 (with
 * leads), then for s = 0, 1, ..., length - 1: {@code site(i)} for the sites of slice s, {@code bond(i, j)} for
 * the bonds inside slice s, then {@code bond(i, j)} for the bonds s -> s + 1 (for s = length - 1 these go to
 * the right lead cell, with leads). Bonds are always asked as {@code i -> j} with {@code j = i + e_x, e_y or
 * e_z}; the reverse block is taken as {@code rho_ji = rho_ij^dagger}. Returned matrices are not modified.
 */
public interface DensityMatrix {
    /** {@code rho_ii}, Hermitian. */
    ComplexMatrix site(int i);

    /** {@code rho_ij = <c_j^dag c_i>} for nearest neighbours i, j. */
    ComplexMatrix bond(int i, int j);
}
