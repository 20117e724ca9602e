package org.spintorque.observables;

import org.spintorque.hamiltonian.TightBindingSystem;
import org.spintorque.linalg.ComplexMatrix;

/**
 * A density matrix stored as one dense matrix of the whole (small) system, for tests and tiny systems. The
 * dense ordering is that of {@link TightBindingSystem#denseHamiltonian(int, boolean)}: without lead cells
 * site i occupies rows {@code i * bs .. i * bs + bs - 1}; with lead cells the left cell comes first, so site
 * i (i = -sitesPerSlice .. siteCount + sitesPerSlice - 1) starts at row {@code (i + sitesPerSlice) * bs}.
 */
public final class DenseDensityMatrix implements DensityMatrix {
    private final ComplexMatrix rho;
    private final int blockSize;
    private final int offset;

    /**
     * @param rho       the dense matrix (not copied; do not modify it afterwards)
     * @param blockSize 2 * orbitals
     * @param offset    dense site position of site index 0 (0, or sitesPerSlice with lead cells)
     */
    public DenseDensityMatrix(ComplexMatrix rho, int blockSize, int offset) {
        if (rho.rows() != rho.cols() || rho.rows() % blockSize != 0) {
            throw new IllegalArgumentException("density matrix " + rho.rows() + "x" + rho.cols()
                    + " is not square in blocks of " + blockSize);
        }
        this.rho = rho;
        this.blockSize = blockSize;
        this.offset = offset;
    }

    /**
     * Wraps a dense rho of this system: its size decides whether it includes the lead surface cells
     * ({@link TightBindingSystem#denseDimension(boolean)}).
     */
    public static DenseDensityMatrix of(TightBindingSystem system, ComplexMatrix rho) {
        if (rho.rows() == system.denseDimension(false)) {
            return new DenseDensityMatrix(rho, system.blockSize(), 0);
        }
        if (system.hasLeads() && rho.rows() == system.denseDimension(true)) {
            return new DenseDensityMatrix(rho, system.blockSize(), system.lattice().sitesPerSlice());
        }
        throw new IllegalArgumentException("density matrix of size " + rho.rows() + " fits neither "
                + system.denseDimension(false) + " (scattering region) nor, with leads, "
                + system.denseDimension(true) + " (with lead cells)");
    }

    public ComplexMatrix matrix() {
        return rho;
    }

    private int start(int i) {
        int p = (i + offset) * blockSize;
        if (p < 0 || p + blockSize > rho.rows()) {
            throw new IndexOutOfBoundsException("site " + i + " is not in this density matrix");
        }
        return p;
    }

    @Override
    public ComplexMatrix site(int i) {
        int p = start(i);
        return rho.block(p, p, blockSize, blockSize);
    }

    @Override
    public ComplexMatrix bond(int i, int j) {
        return rho.block(start(i), start(j), blockSize, blockSize);
    }
}
