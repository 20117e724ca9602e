package org.spintorque.hamiltonian;

import java.util.ArrayList;
import java.util.List;
import org.spintorque.lattice.Lattice;

/**
 * Collects the named terms of a tight-binding model on a lattice, then {@link #build()} freezes them into an
 * immutable {@link TightBindingSystem} (after checking it). The builder itself is mutable and not
 * thread-safe; the system is both immutable and thread-safe.
 *
 * <pre>
 *   TightBindingSystem sys = new ModelBuilder(Lattice.square(60, 8))
 *           .add(new Hopping(1.0))
 *           .add(new Exchange(0.5, new DomainWallTexture(30, 4, WallType.NEEL)))
 *           .add(new Rashba(0.1))
 *           .build();
 * </pre>
 */
public final class ModelBuilder {
    /** Default relative tolerance of the Hermiticity and lead-periodicity checks. */
    public static final double DEFAULT_TOLERANCE = 1e-10;

    private final Lattice lattice;
    private final List<HamiltonianTerm> terms = new ArrayList<>();
    private boolean leads = true;
    private double tolerance = DEFAULT_TOLERANCE;

    public ModelBuilder(Lattice lattice) {
        this.lattice = lattice;
    }

    /** Adds a term; names must be unique. */
    public ModelBuilder add(HamiltonianTerm term) {
        if (term == null || term.name() == null || term.name().isBlank()) {
            throw new IllegalArgumentException("a term needs a non-blank name");
        }
        for (HamiltonianTerm t : terms) {
            if (t.name().equals(term.name())) {
                throw new IllegalArgumentException("two terms are named '" + term.name() + "'");
            }
        }
        terms.add(term);
        return this;
    }

    /**
     * Whether the scattering region is attached to semi-infinite leads at x = -1 and x = length (default
     * true). A closed system (false) has no lead cells and no bonds to them.
     */
    public ModelBuilder leads(boolean attached) {
        this.leads = attached;
        return this;
    }

    /** Relative tolerance of the checks done by {@link #build()}. */
    public ModelBuilder tolerance(double tol) {
        if (!(tol > 0)) {
            throw new IllegalArgumentException("tolerance must be positive, got " + tol);
        }
        this.tolerance = tol;
        return this;
    }

    /**
     * The immutable system. Checks, in time linear in the number of sites: block sizes, finite entries,
     * Hermitian on-site blocks of every term, and, with leads, that every lead term is periodic along x
     * (cells x = -1 and -2, length and length + 1 equal, and the lead-region coupling equal to the lead's
     * inter-cell hopping).
     *
     * @throws IllegalArgumentException naming the term and the site when a check fails
     */
    public TightBindingSystem build() {
        if (terms.isEmpty()) {
            throw new IllegalArgumentException("a model needs at least one term");
        }
        TightBindingSystem system = new TightBindingSystem(lattice, terms, leads);
        system.validate(tolerance);
        return system;
    }
}
