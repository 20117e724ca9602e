package org.spintorque.hamiltonian;

import org.spintorque.lattice.LeadSide;
import org.spintorque.linalg.ComplexMatrix;

/**
 * The unit cell of a semi-infinite lead: one slice of the same cross-section as the scattering region,
 * repeated along x. Rows and columns are ordered like a slice of the scattering region (site
 * {@code z * width + y}, then {@code orbital * 2 + spin}).
 *
 * @param side     LEFT (cells at x = -1, -2, ...) or RIGHT (cells at x = length, length + 1, ...)
 * @param onsite   {@code H_0}: the Hamiltonian of one cell
 * @param hopping  {@code V = H_{x, x+1}}: rows in a cell at x, columns in the next cell at x + 1 (the same for
 *                 both leads, oriented along +x: for the left lead the cell x + 1 is nearer to the scattering
 *                 region, for the right lead it is farther away); {@code H_{x+1, x} = V^dagger}
 * @param coupling the block between the lead's surface cell and the scattering region in the same
 *                 orientation: {@code H_{-1, 0}} for the left lead and {@code H_{length-1, length}} for the
 *                 right one (equal to {@code hopping}, checked when the system is built)
 */
public record LeadCell(LeadSide side, ComplexMatrix onsite, ComplexMatrix hopping, ComplexMatrix coupling) {
}
