/**
 * Observables of the spin continuity equation on the lattice (physics.md section 3; Tatara and Entel 2008,
 * eqs. (2)-(6)): spin and particle densities, bond spin and charge currents, on-site and hopping spin sources,
 * divergences, the spin rate ds/dt and the torque on the magnetization by the direct and the continuity
 * routes, each in total and per Hamiltonian term, for any Hermitian density matrix handed over block by block
 * through {@link org.spintorque.observables.DensityMatrix}.
 */
package org.spintorque.observables;
