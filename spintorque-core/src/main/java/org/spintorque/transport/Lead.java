package org.spintorque.transport;

import org.spintorque.linalg.ComplexMatrix;

/**
 * A semi-infinite periodic lead: the Hamiltonian {@code H0} of one unit cell (n x n, Hermitian) and the
 * hopping {@code V = <x+1|H|x>} from a cell to the next cell in the +x direction (n x n, any matrix).
 *
 * <p>The orientation is the same for both leads and for the scattering region: V always couples a cell to
 * its neighbour at larger x. For the left lead (cells x = -1, -2, ...) V is therefore the hopping from a
 * cell to the next cell towards the scattering region; for the right lead (cells x = L, L+1, ...) it is the
 * hopping away from it. A lead of a uniform system has the same V as the scattering region.
 *
 * <p>Immutable: the matrices are copied on the way in and out.
 */
public final class Lead {
    private final ComplexMatrix cell;
    private final ComplexMatrix hopping;

    /**
     * @param cell    unit-cell Hamiltonian H0, Hermitian
     * @param hopping V = H_{x+1,x}, same size as the cell
     * @throws IllegalArgumentException if the sizes differ or H0 is not Hermitian
     */
    public Lead(ComplexMatrix cell, ComplexMatrix hopping) {
        if (cell.rows() != cell.cols() || hopping.rows() != cell.rows() || hopping.cols() != cell.rows()) {
            throw new IllegalArgumentException("lead cell is " + cell.rows() + "x" + cell.cols() + " and hopping "
                    + hopping.rows() + "x" + hopping.cols() + "; both must be n x n with the same n");
        }
        if (cell.rows() == 0) {
            throw new IllegalArgumentException("lead cell has no orbitals");
        }
        BlockTridiagonal.requireHermitian(cell, "lead unit cell");
        this.cell = cell.copy();
        this.hopping = hopping.copy();
    }

    /** Number of orbitals (including spin) per cell. */
    public int size() {
        return cell.rows();
    }

    /** H0 (a copy). */
    public ComplexMatrix cell() {
        return cell.copy();
    }

    /** V = H_{x+1,x} (a copy). */
    public ComplexMatrix hopping() {
        return hopping.copy();
    }

    ComplexMatrix cellRef() {
        return cell;
    }

    ComplexMatrix hoppingRef() {
        return hopping;
    }

    /**
     * An upper bound of the half band width and offset, {@code |H0|_1 + 2 |V|_1} (1-norms): the energy scale
     * that sets the band-edge shift and tolerances.
     */
    public double energyScale() {
        return norm1(cell) + 2 * norm1(hopping);
    }

    static double norm1(ComplexMatrix a) {
        double best = 0;
        for (int j = 0; j < a.cols(); j++) {
            double s = 0;
            for (int i = 0; i < a.rows(); i++) {
                s += Math.hypot(a.re(i, j), a.im(i, j));
            }
            best = Math.max(best, s);
        }
        return best;
    }
}
