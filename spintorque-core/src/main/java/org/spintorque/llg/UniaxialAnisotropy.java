package org.spintorque.llg;

/**
 * Uniaxial (easy-axis) anisotropy {@code E = -K int (m . e)^2} (K &gt; 0 favours the axis e), field
 * {@code H = (2K/(mu0 Ms)) (m . e) e}. The same class with K &lt; 0 is a hard axis; {@link #hardAxis} names it
 * so: {@code E = K_perp int (m . n)^2}.
 */
public final class UniaxialAnisotropy implements FieldTerm {
    private final String name;
    private final double ex;
    private final double ey;
    private final double ez;
    private final double pre;
    private final int n;

    /**
     * @param k    anisotropy constant [J/m^3], positive for an easy axis
     * @param axis the axis (normalized here)
     */
    public UniaxialAnisotropy(String name, Grid grid, double k, double ms, double[] axis) {
        double len = Math.sqrt(axis[0] * axis[0] + axis[1] * axis[1] + axis[2] * axis[2]);
        if (!(len > 0)) {
            throw new IllegalArgumentException(name + " axis must be a non-zero vector");
        }
        this.name = name;
        this.ex = axis[0] / len;
        this.ey = axis[1] / len;
        this.ez = axis[2] / len;
        this.pre = 2 * k / (LlgConstants.MU0 * ms);
        this.n = grid.cells();
    }

    /** Easy-axis anisotropy K along {@code axis}, named "anisotropy". */
    public static UniaxialAnisotropy easyAxis(Grid grid, double k, double ms, double[] axis) {
        return new UniaxialAnisotropy("anisotropy", grid, k, ms, axis);
    }

    /** Hard-axis anisotropy {@code E = K_perp (m . n)^2}, named "hard_axis". */
    public static UniaxialAnisotropy hardAxis(Grid grid, double kPerp, double ms, double[] axis) {
        return new UniaxialAnisotropy("hard_axis", grid, -kPerp, ms, axis);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void addField(double[] m, double[] h) {
        for (int i = 0; i < n; i++) {
            double p = pre * (m[i] * ex + m[n + i] * ey + m[2 * n + i] * ez);
            h[i] += p * ex;
            h[n + i] += p * ey;
            h[2 * n + i] += p * ez;
        }
    }
}
