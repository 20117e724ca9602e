package org.spintorque.relaxation;

import java.util.List;
import org.spintorque.hamiltonian.Exchange;
import org.spintorque.hamiltonian.HamiltonianTerm;
import org.spintorque.lattice.Bond;
import org.spintorque.lattice.Direction;
import org.spintorque.lattice.Lattice;
import org.spintorque.lattice.LatticeKind;
import org.spintorque.lattice.Site;
import org.spintorque.linalg.ComplexMatrix;
import org.spintorque.torque.LatticeRunParameters;

/**
 * The clean lead of the lifetime calculations: a hard-wall strip or wire of W x H sites, one orbital,
 * hopping -t on every bond, scalar on-site potential v0 and exchange {@code -M n.sigma} with n along z (the
 * spin axis; any uniform n gives the same rates by spin-rotation symmetry of the clean lead and the isotropic
 * disorder ensembles). Lattice units.
 *
 * @param kind     chain, square or cubic (which bonds exist in the probe lattice)
 * @param width    W
 * @param height   H
 * @param hopping  t
 * @param onsite   v0
 * @param exchange M
 */
public record UniformLead(LatticeKind kind, int width, int height, double hopping, double onsite, double exchange) {

    /** The open channels of both spins at energy E. */
    public List<LeadChannel> channels(double energy) {
        return LeadChannel.open(energy, hopping, onsite, exchange, width, height);
    }

    /**
     * The lead of a run model, read from the blocks of its clean terms on a left-lead site: the hopping block
     * along x must be {@code -t 1}, the sum of the non-exchange on-site blocks {@code v0 1}, and the exchange a
     * {@link Exchange}. Throws {@link IllegalArgumentException} (with the reason) for models outside this
     * class: several orbitals, Rashba or other spin-dependent or anisotropic terms.
     */
    public static UniformLead of(LatticeRunParameters params) {
        Lattice lattice = params.lattice();
        if (lattice.orbitals() != 1) {
            throw new IllegalArgumentException("the lattice lifetimes are implemented for one orbital per site (got "
                    + lattice.orbitals() + ")");
        }
        Site lead = lattice.site(-1, 0, 0);
        double m = Double.NaN;
        ComplexMatrix on = new ComplexMatrix(2, 2);
        ComplexMatrix hx = new ComplexMatrix(2, 2);
        ComplexMatrix[] ht = {new ComplexMatrix(2, 2), new ComplexMatrix(2, 2)};
        for (HamiltonianTerm term : params.cleanTerms()) {
            if (term instanceof Exchange ex) {
                m = ex.m();
                continue;
            }
            ComplexMatrix o = term.onsite(lead);
            if (o != null) {
                on = on.plus(o);
            }
            ComplexMatrix h = term.hopping(lattice.bond(lead.index(), Direction.X));
            if (h != null) {
                hx = hx.plus(h);
            }
            for (int d = 1; d < lattice.directions().size(); d++) {
                Bond b = lattice.bond(lead.index(), lattice.directions().get(d));
                ComplexMatrix hd = b == null ? null : term.hopping(b);
                if (hd != null) {
                    ht[d - 1] = ht[d - 1].plus(hd);
                }
            }
        }
        if (Double.isNaN(m)) {
            throw new IllegalArgumentException("the model has no s-d exchange term");
        }
        double t = -scalar(hx, "the hopping along x");
        double v0 = scalar(on, "the on-site block");
        for (int d = 1; d < lattice.directions().size(); d++) {
            Bond b = lattice.bond(lead.index(), lattice.directions().get(d));
            if (b != null && Math.abs(-scalar(ht[d - 1], "the transverse hopping") - t) > 1e-12 * Math.abs(t)) {
                throw new IllegalArgumentException("the lattice lifetimes need the same hopping along every "
                        + "direction");
            }
        }
        return new UniformLead(lattice.kind(), lattice.width(), lattice.height(), t, v0, m);
    }

    private static double scalar(ComplexMatrix b, String what) {
        double c = b.re(0, 0);
        double scale = Math.max(1, Math.abs(c));
        if (Math.abs(b.re(1, 1) - c) > 1e-12 * scale || Math.abs(b.im(0, 0)) > 1e-12 * scale
                || Math.abs(b.im(1, 1)) > 1e-12 * scale || Math.abs(b.re(0, 1)) + Math.abs(b.im(0, 1)) > 1e-12 * scale
                || Math.abs(b.re(1, 0)) + Math.abs(b.im(1, 0)) > 1e-12 * scale) {
            throw new IllegalArgumentException(what + " of the lead is spin dependent (" + b + "); the lattice "
                    + "lifetimes are implemented for hopping, exchange and scalar potentials only (no Rashba)");
        }
        return c;
    }
}
