package org.spintorque.observables;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.spintorque.hamiltonian.HamiltonianTerm;
import org.spintorque.hamiltonian.Pauli;
import org.spintorque.hamiltonian.TightBindingSystem;
import org.spintorque.lattice.Bond;
import org.spintorque.lattice.Lattice;
import org.spintorque.linalg.ComplexMatrix;

/**
 * Evaluates the lattice form of the spin continuity equation (physics.md section 3; Tatara and Entel 2008,
 * eqs. (2)-(6)) for a {@link TightBindingSystem} and any Hermitian density matrix
 * {@code rho_ij = <c_j^dag c_i>}:
 *
 * <pre>
 *   ds_i^a/dt = - sum_j J^a_{i-&gt;j} + T^a_on(i) + sum_j T^a_hop(i&lt;-j)                          (3)
 *   s^a_i          = Tr[Sigma^a rho_ii]                                                          (2)
 *   J^a_{i-&gt;j}     = -(i/2) Tr[{H_ji, Sigma^a} rho_ij - {H_ij, Sigma^a} rho_ji]                  (4)
 *   T^a_on(i)      =  i     Tr[[H_ii, Sigma^a] rho_ii]                                           (5)
 *   T^a_hop(i&lt;-j)  = (i/2)  Tr[[H_ji, Sigma^a] rho_ij + [H_ij, Sigma^a] rho_ji]                  (5)
 *   tau_i = -T_magnetization(i) = -sum_j J_{i-&gt;j} + T_sr(i)                                      (6)
 * </pre>
 *
 * With {@code H_ij = H_ji^dagger} and {@code rho_ji = rho_ij^dagger} these are computed as
 * {@code J^a = Im(Tr[Sigma^a rho_ij H_ji] + Tr[Sigma^a H_ji rho_ij])} and
 * {@code T^a = -Im(Tr[Sigma^a rho H] - Tr[Sigma^a H rho])} (on-site and hopping alike), and the charge current
 * {@code J_{i->j} = 2 Im Tr[H_ji rho_ij]} ({@code Sigma -> 1}). Every quantity is evaluated per term (the
 * Hamiltonian blocks of that term alone) and in total (the summed blocks); both are linear in H.
 *
 * <p>The divergence of site i sums {@code J_{i->j}} over every bond of i, including the bonds to the lead
 * surface cells when the system has leads (the density matrix must then provide those bond blocks).
 * {@code T_sr} is the sum of the sources of the "relaxation" terms: by default every term that does not
 * {@link HamiltonianTerm#carriesMagnetization() carry the magnetization}; the direct torque is minus the
 * source of the magnetization terms. Cost: one pass over sites and bonds, a few products of
 * {@code 2 orbitals} blocks each; memory linear in the number of sites. Immutable and thread-safe.
 */
public final class SpinContinuity {
    private final TightBindingSystem system;
    private final boolean[] relaxation;
    private final boolean[] magnetization;

    /** Magnetization terms as declared by the terms, relaxation = all other terms. */
    public SpinContinuity(TightBindingSystem system) {
        this.system = system;
        int k = system.termCount();
        this.magnetization = new boolean[k];
        this.relaxation = new boolean[k];
        for (int t = 0; t < k; t++) {
            magnetization[t] = system.term(t).carriesMagnetization();
            relaxation[t] = !magnetization[t];
        }
    }

    private SpinContinuity(TightBindingSystem system, boolean[] relaxation, boolean[] magnetization) {
        this.system = system;
        this.relaxation = relaxation;
        this.magnetization = magnetization;
    }

    /** The same evaluator with the named terms (and only those) counted in {@code T_sr}. */
    public SpinContinuity withRelaxationTerms(Collection<String> names) {
        return new SpinContinuity(system, mask(names), magnetization);
    }

    /** The same evaluator with the named terms (and only those) carrying the magnetization (direct route). */
    public SpinContinuity withMagnetizationTerms(Collection<String> names) {
        return new SpinContinuity(system, relaxation, mask(names));
    }

    private boolean[] mask(Collection<String> names) {
        Set<String> set = new HashSet<>(names);
        boolean[] m = new boolean[system.termCount()];
        for (String n : set) {
            m[system.termIndex(n)] = true;
        }
        return m;
    }

    public TightBindingSystem system() {
        return system;
    }

    /** Evaluates every observable for this density matrix (asked block by block, see {@link DensityMatrix}). */
    public ObservableField evaluate(DensityMatrix rho) {
        Lattice lattice = system.lattice();
        int n = lattice.siteCount();
        int nt = system.termCount();
        List<Bond> bonds = system.bonds();
        int nb = bonds.size();
        Acc acc = new Acc(n, nt, nb);
        int b = 0;
        if (system.hasLeads()) {
            b = bondsOf(lattice.bondsBetweenSlices(-1), bonds, b, rho, acc);
        }
        for (int s = 0; s < lattice.length(); s++) {
            int first = lattice.firstIndexOfSlice(s);
            for (int k = 0; k < lattice.sitesPerSlice(); k++) {
                site(first + k, rho, acc);
            }
            b = bondsOf(lattice.bondsInSlice(s), bonds, b, rho, acc);
            if (s + 1 < lattice.length() || system.hasLeads()) {
                b = bondsOf(lattice.bondsBetweenSlices(s), bonds, b, rho, acc);
            }
        }
        if (b != nb) {
            throw new IllegalStateException("visited " + b + " bonds of " + nb);
        }
        SiteObservables sites = new SiteObservables(lattice, system.termNames(), relaxation.clone(),
                magnetization.clone(), acc.density, acc.chargeDiv, acc.chargeDivByTerm, acc.spin, acc.onsite,
                acc.hopping, acc.div, acc.onsiteByTerm, acc.hoppingByTerm, acc.divByTerm);
        BondObservables bondObs = new BondObservables(bonds, system.termNames(), acc.bondSpin, acc.bondCharge,
                acc.bondSource, acc.bondSpinByTerm, acc.bondChargeByTerm, acc.bondSourceByTerm);
        return new ObservableField(sites, bondObs);
    }

    /** Accumulators, one per evaluation. */
    private static final class Acc {
        final double[] density;
        final double[] chargeDiv;
        final double[][] chargeDivByTerm;
        final double[] spin;
        final double[] onsite;
        final double[] hopping;
        final double[] div;
        final double[][] onsiteByTerm;
        final double[][] hoppingByTerm;
        final double[][] divByTerm;
        final double[] bondSpin;
        final double[] bondCharge;
        final double[] bondSource;
        final double[][] bondSpinByTerm;
        final double[][] bondChargeByTerm;
        final double[][] bondSourceByTerm;

        Acc(int n, int nt, int nb) {
            density = new double[n];
            chargeDiv = new double[n];
            chargeDivByTerm = new double[nt][n];
            spin = new double[3 * n];
            onsite = new double[3 * n];
            hopping = new double[3 * n];
            div = new double[3 * n];
            onsiteByTerm = new double[nt][3 * n];
            hoppingByTerm = new double[nt][3 * n];
            divByTerm = new double[nt][3 * n];
            bondSpin = new double[3 * nb];
            bondCharge = new double[nb];
            bondSource = new double[3 * nb];
            bondSpinByTerm = new double[nt][3 * nb];
            bondChargeByTerm = new double[nt][nb];
            bondSourceByTerm = new double[nt][3 * nb];
        }
    }

    private void site(int i, DensityMatrix rho, Acc acc) {
        ComplexMatrix r = rho.site(i);
        double[] t = Pauli.spinTraces(r);
        acc.density[i] = t[0];
        for (int a = 0; a < 3; a++) {
            acc.spin[3 * i + a] = t[2 + 2 * a];
        }
        ComplexMatrix total = null;
        for (int k = 0; k < system.termCount(); k++) {
            ComplexMatrix h = system.onsiteOrNull(i, k);
            if (h == null) {
                continue;
            }
            total = total == null ? h.copy() : addInto(total, h);
            source(h, r, acc.onsiteByTerm[k], 3 * i);
        }
        if (total != null) {
            source(total, r, acc.onsite, 3 * i);
        }
    }

    /** {@code T^a = -Im(Tr[Sigma^a rho H] - Tr[Sigma^a H rho])}, written to out[p + a]. */
    private static void source(ComplexMatrix h, ComplexMatrix r, double[] out, int p) {
        double[] tp = Pauli.spinTracesOfProduct(r, h);
        double[] tq = Pauli.spinTracesOfProduct(h, r);
        for (int a = 0; a < 3; a++) {
            out[p + a] = -(tp[3 + 2 * a] - tq[3 + 2 * a]);
        }
    }

    private static ComplexMatrix addInto(ComplexMatrix acc, ComplexMatrix b) {
        double[] x = acc.data();
        double[] y = b.data();
        for (int k = 0; k < x.length; k++) {
            x[k] += y[k];
        }
        return acc;
    }

    private int bondsOf(List<Bond> list, List<Bond> all, int b, DensityMatrix rho, Acc acc) {
        for (Bond bond : list) {
            Bond expected = all.get(b);
            if (expected.i() != bond.i() || expected.j() != bond.j()) {
                throw new IllegalStateException("bond order mismatch at " + bond);
            }
            bond(b, bond, rho, acc);
            b++;
        }
        return b;
    }

    private void bond(int b, Bond bond, DensityMatrix rho, Acc acc) {
        int i = bond.i();
        int j = bond.j();
        boolean iIn = bond.from().inScatteringRegion();
        boolean jIn = bond.to().inScatteringRegion();
        ComplexMatrix r = rho.bond(i, j);
        ComplexMatrix total = null;
        double[] v = new double[7];
        for (int k = 0; k < system.termCount(); k++) {
            ComplexMatrix h = system.hoppingOrNull(bond, k);
            if (h == null) {
                continue;
            }
            total = total == null ? h.copy() : addInto(total, h);
            bondKernel(h, r, v);
            store(b, i, j, iIn, jIn, v, acc.bondSpinByTerm[k], acc.bondChargeByTerm[k], acc.bondSourceByTerm[k],
                    acc.divByTerm[k], acc.chargeDivByTerm[k], acc.hoppingByTerm[k]);
        }
        if (total != null) {
            bondKernel(total, r, v);
            store(b, i, j, iIn, jIn, v, acc.bondSpin, acc.bondCharge, acc.bondSource, acc.div, acc.chargeDiv,
                    acc.hopping);
        }
    }

    /** v = {J^x, J^y, J^z, J_charge, T^x, T^y, T^z} of a hopping block H_ji and rho_ij. */
    private static void bondKernel(ComplexMatrix hji, ComplexMatrix rij, double[] v) {
        double[] tp = Pauli.spinTracesOfProduct(rij, hji);
        double[] tq = Pauli.spinTracesOfProduct(hji, rij);
        for (int a = 0; a < 3; a++) {
            v[a] = tp[3 + 2 * a] + tq[3 + 2 * a];
            v[4 + a] = -(tp[3 + 2 * a] - tq[3 + 2 * a]);
        }
        v[3] = tp[1] + tq[1];
    }

    private static void store(int b, int i, int j, boolean iIn, boolean jIn, double[] v, double[] bondSpin,
            double[] bondCharge, double[] bondSource, double[] div, double[] chargeDiv, double[] hopping) {
        for (int a = 0; a < 3; a++) {
            bondSpin[3 * b + a] = v[a];
            bondSource[3 * b + a] = v[4 + a];
            if (iIn) {
                div[3 * i + a] += v[a];
                hopping[3 * i + a] += v[4 + a];
            }
            if (jIn) {
                div[3 * j + a] -= v[a];
                hopping[3 * j + a] += v[4 + a];
            }
        }
        bondCharge[b] = v[3];
        if (iIn) {
            chargeDiv[i] += v[3];
        }
        if (jIn) {
            chargeDiv[j] -= v[3];
        }
    }
}
