package org.spintorque.llg;

/**
 * The local thin-film approximation of the demagnetizing field, {@code H = -Ms m_z z} (an infinite film:
 * N_z = 1, N_x = N_y = 0), {@code E = (mu0 Ms^2 / 2) int m_z^2}. Cheap, and exact for the uniform state of an
 * extended film; it misses the edge and volume charges that the full {@link Demagnetization} includes.
 */
public final class ThinFilmDemag implements FieldTerm {
    private final double ms;
    private final int n;

    public ThinFilmDemag(Grid grid, double ms) {
        this.ms = ms;
        this.n = grid.cells();
    }

    @Override
    public String name() {
        return "demag";
    }

    @Override
    public void addField(double[] m, double[] h) {
        for (int i = 0; i < n; i++) {
            h[2 * n + i] -= ms * m[2 * n + i];
        }
    }
}
