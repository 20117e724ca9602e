package org.spintorque.disorder;

import org.spintorque.hamiltonian.DisorderTerm;
import org.spintorque.lattice.Bond;
import org.spintorque.lattice.Site;
import org.spintorque.linalg.ComplexMatrix;

/**
 * The mirror image of a disorder realization: every random value negated ({@code S_imp -> -S_imp},
 * {@code V^(i) -> -V^(i)}, {@code V -> -V}), obtained by negating the blocks of a term that is linear in its
 * random fields (all terms of this package are). Same name, so per-term outputs line up.
 *
 * <p>Why: the distributions of the random fields are symmetric, so a realization and its mirror image are
 * equally likely. Averaging the response of the pair (antithetic variates) removes every odd order in the
 * disorder exactly, in particular the first-order fluctuations (a torque linear in v_s with a random sign),
 * which otherwise dominate the variance of beta, while the ensemble mean is unchanged (the relaxation effects
 * are second order: n_imp v_s^2, n_so lambda_so^2).
 */
public final class MirrorImage extends DisorderTerm {
    private final DisorderTerm original;

    public MirrorImage(DisorderTerm original) {
        super(original.name());
        this.original = original;
    }

    /** The realization this is the mirror image of. */
    public DisorderTerm original() {
        return original;
    }

    @Override
    public ComplexMatrix onsite(Site site) {
        ComplexMatrix m = original.onsite(site);
        return m == null ? null : m.scale(-1, 0);
    }

    @Override
    public ComplexMatrix hopping(Bond bond) {
        ComplexMatrix m = original.hopping(bond);
        return m == null ? null : m.scale(-1, 0);
    }

    @Override
    public boolean hasOnsite() {
        return original.hasOnsite();
    }

    @Override
    public boolean hasHopping() {
        return original.hasHopping();
    }

    @Override
    public String toString() {
        return "mirror image of " + original;
    }
}
