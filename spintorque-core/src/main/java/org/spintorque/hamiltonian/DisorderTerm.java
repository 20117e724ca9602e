package org.spintorque.hamiltonian;

/**
 * Base of the disorder terms: they act in the scattering region only (never in the leads, so
 * {@link #extendsIntoLeads()} is false) and are spin-relaxation or scattering mechanisms. The random
 * configuration is drawn once, from a seed, when the term is created, so that the term is immutable and
 * reproducible.
 *
 * <p>Implemented: {@link SpinImpurities} (spin-flip, eq. (7)). Planned here: spin-orbit impurities (eq. (8),
 * a spin-dependent random hopping whose source is {@code T_hop}) and spin-independent Anderson disorder (an
 * {@link Onsite} potential restricted to the scattering region already does this). A new disorder term
 * extends this class, gives its on-site and/or hopping blocks, and gets every observable per term for free.
 */
public abstract class DisorderTerm implements HamiltonianTerm {
    private final String name;

    protected DisorderTerm(String name) {
        this.name = name;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final boolean extendsIntoLeads() {
        return false;
    }
}
