package org.spintorque.transport;

import org.spintorque.linalg.ComplexMatrix;
import org.spintorque.linalg.LinearAlgebra;

/**
 * The scattering states on one reported cell x (-1 <= x <= L) and on the next cell x+1, as delivered by
 * {@link RecursiveGreenFunction#sweep}. The columns of {@code psi_L(x) = G^r_{x,-1} W_L} are the states
 * incoming from the left lead, one per open channel and normalised to unit incoming flux
 * ({@code Gamma_L = W_L W_L^dagger}, so {@code A_L = psi_L psi_L^dagger}); likewise for the right lead.
 *
 * <p>Blocks of density matrices follow the orientation of the Hamiltonian's hopping H_{x+1,x}: {@code
 * bond...} returns rho_{x+1,x} (rows on cell x+1, columns on cell x); rho_{x,x+1} is its conjugate
 * transpose. The particle current from x to x+1 is {@code 2 Im Tr[H_{x+1,x} rho_{x,x+1}]}.
 *
 * <p>Immutable; it holds the states of two cells (O(n x channels) memory), so a consumer may keep it.
 */
public final class CellStates {
    private static final double INV_2PI = 1 / (2 * Math.PI);
    private static final double INV_4PI = 1 / (4 * Math.PI);

    private final int x;
    private final ComplexMatrix here;
    private final ComplexMatrix next;
    private final int leftChannels;
    private final LinearAlgebra la;

    CellStates(int x, ComplexMatrix here, ComplexMatrix next, int leftChannels, LinearAlgebra la) {
        this.x = x;
        this.here = here;
        this.next = next;
        this.leftChannels = leftChannels;
        this.la = la;
    }

    /** The cell: -1 (left lead cell), 0 .. L-1 (slices), L (right lead cell). */
    public int x() {
        return x;
    }

    /** Whether a next cell exists (false for x = L). */
    public boolean hasNext() {
        return next != null;
    }

    /** psi_L(x): n_x x (open channels of the left lead) (a copy). */
    public ComplexMatrix leftStates() {
        return here.block(0, 0, here.rows(), leftChannels);
    }

    /** psi_R(x): n_x x (open channels of the right lead) (a copy). */
    public ComplexMatrix rightStates() {
        return here.block(0, leftChannels, here.rows(), here.cols() - leftChannels);
    }

    /** rho_{x,x} per unit bias for the given injection (Hermitian). */
    public ComplexMatrix density(Injection injection) {
        return product(here, here, injection);
    }

    /** rho_{x+1,x} per unit bias for the given injection; null for x = L. */
    public ComplexMatrix bondDensity(Injection injection) {
        return next == null ? null : product(next, here, injection);
    }

    /**
     * One block of rho_{x,x} (or of rho_{x+1,x} when {@code nextRows}) per unit bias: rows [r0, r0 + nr) of
     * cell x (or x+1), columns [c0, c0 + nc) of cell x. Only this block is formed (plain Java: the blocks
     * the observables need are a site's 2 x orbitals states), so a caller that needs site and bond blocks
     * pays O(block^2 x channels) per block instead of O(n^2 x channels) per cell.
     */
    public ComplexMatrix densityBlock(Injection injection, boolean nextRows, int r0, int nr, int c0, int nc) {
        ComplexMatrix a = nextRows ? next : here;
        if (a == null) {
            throw new IllegalStateException("no next cell after x = " + x);
        }
        int channels = injection == Injection.LEFT ? leftChannels : here.cols();
        double[] ad = a.data();
        double[] bd = here.data();
        int arows = a.rows();
        int brows = here.rows();
        double[] out = new double[2 * nr * nc];
        for (int c = 0; c < channels; c++) {
            double w = injection == Injection.LEFT ? INV_2PI : (c < leftChannels ? INV_4PI : -INV_4PI);
            int ac = 2 * c * arows;
            int bc = 2 * c * brows;
            for (int j = 0; j < nc; j++) {
                // conj(b[j, c]) times the weight
                double br = w * bd[bc + 2 * (c0 + j)];
                double bi = -w * bd[bc + 2 * (c0 + j) + 1];
                int oj = 2 * j * nr;
                for (int i = 0; i < nr; i++) {
                    double ar = ad[ac + 2 * (r0 + i)];
                    double ai = ad[ac + 2 * (r0 + i) + 1];
                    out[oj + 2 * i] += ar * br - ai * bi;
                    out[oj + 2 * i + 1] += ar * bi + ai * br;
                }
            }
        }
        return ComplexMatrix.wrap(nr, nc, out);
    }

    /** (1/2pi)(A_L + A_R)_{x,x}: the local spectral function (density of states matrix). */
    public ComplexMatrix spectralFunction() {
        return spectral(here, here);
    }

    /** (1/2pi)(A_L + A_R)_{x+1,x}; null for x = L. */
    public ComplexMatrix spectralFunctionBond() {
        return next == null ? null : spectral(next, here);
    }

    /** (1/2pi) (A_L)_{x,x}: states injected from the left only. */
    public ComplexMatrix leftInjected() {
        return product(here, here, Injection.LEFT);
    }

    /** (1/2pi) (A_R)_{x,x}: states injected from the right only. */
    public ComplexMatrix rightInjected() {
        int m = here.cols();
        ComplexMatrix a = here.block(0, leftChannels, here.rows(), m - leftChannels);
        ComplexMatrix out = new ComplexMatrix(here.rows(), here.rows());
        la.gemm(false, true, INV_2PI, 0, a, a, 0, 0, out);
        return out;
    }

    /** a D b^dagger with D the injection weights of the columns. */
    private ComplexMatrix product(ComplexMatrix a, ComplexMatrix b, Injection injection) {
        ComplexMatrix out = new ComplexMatrix(a.rows(), b.rows());
        if (injection == Injection.LEFT) {
            if (leftChannels > 0) {
                ComplexMatrix al = a.block(0, 0, a.rows(), leftChannels);
                ComplexMatrix bl = b.block(0, 0, b.rows(), leftChannels);
                la.gemm(false, true, INV_2PI, 0, al, bl, 0, 0, out);
            }
            return out;
        }
        // symmetric: (A_L - A_R) / 4pi: flip the sign of the right-lead columns of a
        ComplexMatrix as = a.copy();
        double[] d = as.data();
        int rows = a.rows();
        for (int k = 2 * leftChannels * rows; k < d.length; k++) {
            d[k] = -d[k];
        }
        la.gemm(false, true, INV_4PI, 0, as, b, 0, 0, out);
        return out;
    }

    private ComplexMatrix spectral(ComplexMatrix a, ComplexMatrix b) {
        ComplexMatrix out = new ComplexMatrix(a.rows(), b.rows());
        la.gemm(false, true, INV_2PI, 0, a, b, 0, 0, out);
        return out;
    }
}
