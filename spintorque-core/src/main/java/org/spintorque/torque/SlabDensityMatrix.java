package org.spintorque.torque;

import java.util.HashMap;
import java.util.Map;
import org.spintorque.lattice.Lattice;
import org.spintorque.linalg.ComplexMatrix;
import org.spintorque.observables.DensityMatrix;
import org.spintorque.transport.CellStates;
import org.spintorque.transport.Injection;

/**
 * The density matrix of an open system kept only where the observables need it: the site blocks and the
 * nearest-neighbour bond blocks (memory linear in the number of sites), filled cell by cell from the
 * recursive Green's function's sweep.
 */
final class SlabDensityMatrix implements DensityMatrix {
    private final Lattice lattice;
    private final int block;
    private final Map<Integer, ComplexMatrix> sites = new HashMap<>();
    private final Map<Long, ComplexMatrix> bonds = new HashMap<>();

    SlabDensityMatrix(Lattice lattice) {
        this.lattice = lattice;
        this.block = lattice.blockSize();
    }

    private static long key(int i, int j) {
        return ((long) i << 32) ^ (j & 0xffffffffL);
    }

    /** Takes the blocks of cell x (and of the bond x -> x+1) out of the sweep's states. */
    void accept(CellStates cell, Injection injection) {
        int x = cell.x();
        int sps = lattice.sitesPerSlice();
        int w = lattice.width();
        int h = lattice.height();
        // only the blocks the observables use are formed: memory and time linear in the sites
        for (int z = 0; z < h; z++) {
            for (int y = 0; y < w; y++) {
                int l = z * w + y;
                int i = x * sps + l;
                sites.put(i, cell.densityBlock(injection, false, l * block, block, l * block, block));
                if (y + 1 < w) {
                    int lj = l + 1;
                    bonds.put(key(i, i + 1), cell.densityBlock(injection, false, l * block, block, lj * block, block));
                }
                if (z + 1 < h) {
                    int lj = l + w;
                    bonds.put(key(i, i + w), cell.densityBlock(injection, false, l * block, block, lj * block, block));
                }
            }
        }
        if (cell.hasNext()) {
            // rho_{x+1,x}: rows on x+1, columns on x; rho_ij (i on x, j = i + e_x) is the dagger of its (l, l) block
            for (int l = 0; l < sps; l++) {
                int i = x * sps + l;
                bonds.put(key(i, i + sps), cell.densityBlock(injection, true, l * block, block, l * block, block)
                        .dagger());
            }
        }
    }

    @Override
    public ComplexMatrix site(int i) {
        ComplexMatrix m = sites.get(i);
        if (m == null) {
            throw new IllegalStateException("no density block for site " + i);
        }
        return m;
    }

    @Override
    public ComplexMatrix bond(int i, int j) {
        ComplexMatrix m = bonds.get(key(i, j));
        if (m != null) {
            return m;
        }
        ComplexMatrix r = bonds.get(key(j, i));
        if (r == null) {
            throw new IllegalStateException("no density block for bond " + i + " -> " + j);
        }
        return r.dagger();
    }
}
