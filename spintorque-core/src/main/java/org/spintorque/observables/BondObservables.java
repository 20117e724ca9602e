package org.spintorque.observables;

import java.util.List;
import org.spintorque.lattice.Bond;
import org.spintorque.texture.Vector3;

/**
 * The bond-resolved observables of physics.md section 3, for every bond {@code i -> j} of the system
 * ({@link org.spintorque.hamiltonian.TightBindingSystem#bonds()}, lead bonds included when there are
 * leads), in total and per term. Immutable.
 *
 * <ul>
 *   <li>spin current, eq. (4) on the lattice:
 *       {@code J^a_{i->j} = -(i/2) Tr[{H_ji, Sigma^a} rho_ij - {H_ij, Sigma^a} rho_ji] = Im Tr[{H_ji, Sigma^a} rho_ij]};</li>
 *   <li>charge (particle) current {@code J_{i->j} = 2 Im Tr[H_ji rho_ij]} (for a plane wave on a chain
 *       {@code 2t sin k} per particle per site);</li>
 *   <li>hopping source, eq. (5): {@code T_hop^a(i<-j) = -Im Tr[[H_ji, Sigma^a] rho_ij]}, which equals
 *       {@code T_hop^a(j<-i)}: each end of the bond receives it.</li>
 * </ul>
 * The current from j to i is minus the reported one.
 */
public final class BondObservables {
    private final List<Bond> bonds;
    private final List<String> termNames;
    private final double[] spinCurrent;
    private final double[] chargeCurrent;
    private final double[] source;
    private final double[][] spinCurrentByTerm;
    private final double[][] chargeCurrentByTerm;
    private final double[][] sourceByTerm;

    BondObservables(List<Bond> bonds, List<String> termNames, double[] spinCurrent, double[] chargeCurrent,
            double[] source, double[][] spinCurrentByTerm, double[][] chargeCurrentByTerm,
            double[][] sourceByTerm) {
        this.bonds = bonds;
        this.termNames = List.copyOf(termNames);
        this.spinCurrent = spinCurrent;
        this.chargeCurrent = chargeCurrent;
        this.source = source;
        this.spinCurrentByTerm = spinCurrentByTerm;
        this.chargeCurrentByTerm = chargeCurrentByTerm;
        this.sourceByTerm = sourceByTerm;
    }

    /** The bonds, in the order of the system (unmodifiable). */
    public List<Bond> bonds() {
        return bonds;
    }

    public int count() {
        return bonds.size();
    }

    public Bond bond(int b) {
        return bonds.get(b);
    }

    public List<String> termNames() {
        return termNames;
    }

    /** Total spin current {@code J_{i->j}} on bond b. */
    public Vector3 spinCurrent(int b) {
        return new Vector3(spinCurrent[3 * b], spinCurrent[3 * b + 1], spinCurrent[3 * b + 2]);
    }

    /** The spin current carried by term k on bond b. */
    public Vector3 spinCurrent(int b, int term) {
        double[] d = spinCurrentByTerm[term];
        return new Vector3(d[3 * b], d[3 * b + 1], d[3 * b + 2]);
    }

    /** Total charge (particle) current {@code J_{i->j}} on bond b. */
    public double chargeCurrent(int b) {
        return chargeCurrent[b];
    }

    public double chargeCurrent(int b, int term) {
        return chargeCurrentByTerm[term][b];
    }

    /** {@code T_hop(i<-j) = T_hop(j<-i)} on bond b, total. */
    public Vector3 hoppingSource(int b) {
        return new Vector3(source[3 * b], source[3 * b + 1], source[3 * b + 2]);
    }

    public Vector3 hoppingSource(int b, int term) {
        double[] d = sourceByTerm[term];
        return new Vector3(d[3 * b], d[3 * b + 1], d[3 * b + 2]);
    }

    BondObservables combine(double alpha, BondObservables o, double beta) {
        if (o != null && (o.count() != count() || !o.termNames.equals(termNames))) {
            throw new IllegalArgumentException("observables of different systems cannot be combined");
        }
        return new BondObservables(bonds, termNames,
                SiteObservables.lin(alpha, spinCurrent, beta, o == null ? null : o.spinCurrent),
                SiteObservables.lin(alpha, chargeCurrent, beta, o == null ? null : o.chargeCurrent),
                SiteObservables.lin(alpha, source, beta, o == null ? null : o.source),
                SiteObservables.lin(alpha, spinCurrentByTerm, beta, o == null ? null : o.spinCurrentByTerm),
                SiteObservables.lin(alpha, chargeCurrentByTerm, beta, o == null ? null : o.chargeCurrentByTerm),
                SiteObservables.lin(alpha, sourceByTerm, beta, o == null ? null : o.sourceByTerm));
    }
}
