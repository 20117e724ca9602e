/**
 * Open-system linear response: exact lead self-energies ({@link org.spintorque.transport.LeadSelfEnergy},
 * mode matching), the recursive Green's function solver
 * ({@link org.spintorque.transport.RecursiveGreenFunction}) on a block-tridiagonal description of a
 * scattering region between two leads ({@link org.spintorque.transport.BlockTridiagonal}), transmission,
 * the non-equilibrium density matrix per unit bias streamed cell by cell, and the thermal average over
 * the Fermi window ({@link org.spintorque.transport.FermiWindow}). Formulas: physics.md section 4.
 */
package org.spintorque.transport;
