/**
 * Tight-binding Hamiltonians as sums of named physical terms ({@link org.spintorque.hamiltonian.Hopping},
 * {@link org.spintorque.hamiltonian.Exchange}, {@link org.spintorque.hamiltonian.Rashba},
 * {@link org.spintorque.hamiltonian.Onsite}, {@link org.spintorque.hamiltonian.Zeeman}, disorder terms such as
 * {@link org.spintorque.hamiltonian.SpinImpurities}), collected by a
 * {@link org.spintorque.hamiltonian.ModelBuilder} and frozen into an immutable
 * {@link org.spintorque.hamiltonian.TightBindingSystem} that hands slice blocks, inter-slice couplings and
 * lead cells to the recursive Green's function solver.
 */
package org.spintorque.hamiltonian;
