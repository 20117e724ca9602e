package org.spintorque.llg;

/** A uniform applied field H [A/m]: {@code E = -mu0 Ms int m . H}. */
public final class Zeeman implements FieldTerm {
    private final double hx;
    private final double hy;
    private final double hz;
    private final int n;

    public Zeeman(Grid grid, double[] field) {
        this.hx = field[0];
        this.hy = field[1];
        this.hz = field[2];
        this.n = grid.cells();
    }

    @Override
    public String name() {
        return "zeeman";
    }

    @Override
    public double energyFactor() {
        return 1;
    }

    @Override
    public void addField(double[] m, double[] h) {
        for (int i = 0; i < n; i++) {
            h[i] += hx;
            h[n + i] += hy;
            h[2 * n + i] += hz;
        }
    }
}
