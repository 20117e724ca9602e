/**
 * Lattices of the scattering region: chain, square strip, simple-cubic wire; slice-major site ordering (one
 * contiguous block per slice for the recursive Green's function), lead cells at x = -1 and x = length indexed
 * by the same formula, and nearest-neighbour bonds each listed once along +x, +y or +z.
 */
package org.spintorque.lattice;
