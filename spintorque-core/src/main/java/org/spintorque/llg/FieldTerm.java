package org.spintorque.llg;

/**
 * One named contribution to the effective field {@code H_eff = -(1/(mu0 Ms)) dE/dm} [A/m] on a {@link Grid}.
 * Fields are flat component-major arrays (see {@link Grid}); {@code m} is the unit magnetization.
 *
 * <p>The energy of a term follows from its field: {@code E = -energyFactor() mu0 Ms V sum_i m_i . H_i},
 * with factor 1/2 for terms quadratic in m (exchange, anisotropy, demagnetization) and 1 for the Zeeman
 * term, up to a constant that does not depend on m.
 */
public interface FieldTerm {
    /** Short name, used as the column name of the energy ("exchange", "demag", ...). */
    String name();

    /** Adds this term's field [A/m] for magnetization {@code m} to {@code h}. Must not allocate. */
    void addField(double[] m, double[] h);

    /** 1/2 for quadratic terms (the default), 1 for linear ones (see the class comment). */
    default double energyFactor() {
        return 0.5;
    }
}
