package org.spintorque.hamiltonian;

import java.util.function.Function;
import org.spintorque.lattice.Bond;
import org.spintorque.lattice.Site;
import org.spintorque.linalg.ComplexMatrix;

/**
 * A term given by two functions: on-site blocks {@code H_ii(site)} and hopping blocks {@code H_ji(bond)} for
 * bonds {@code i -> j} (either may be null for none). For models that have no class of their own (Wannier
 * Hamiltonians, spin-dependent hoppings, tests). The functions must be pure: the system evaluates them lazily,
 * repeatedly.
 */
public final class CustomTerm implements HamiltonianTerm {
    private final String name;
    private final Function<Site, ComplexMatrix> onsite;
    private final Function<Bond, ComplexMatrix> hopping;
    private final boolean inLeads;
    private final boolean magnetization;

    /**
     * @param name          unique name
     * @param onsite        H_ii per site, or null for no on-site part
     * @param hopping       H_ji per bond i -> j, or null for no hopping part
     * @param inLeads       whether the term also acts in the leads (then it must be periodic along x there)
     * @param magnetization whether it carries the magnetization (see {@link #carriesMagnetization()})
     */
    public CustomTerm(String name, Function<Site, ComplexMatrix> onsite, Function<Bond, ComplexMatrix> hopping,
            boolean inLeads, boolean magnetization) {
        this.name = name;
        this.onsite = onsite;
        this.hopping = hopping;
        this.inLeads = inLeads;
        this.magnetization = magnetization;
    }

    /** A term that acts in the scattering region and the leads and does not carry the magnetization. */
    public CustomTerm(String name, Function<Site, ComplexMatrix> onsite, Function<Bond, ComplexMatrix> hopping) {
        this(name, onsite, hopping, true, false);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ComplexMatrix onsite(Site site) {
        return onsite == null ? null : onsite.apply(site);
    }

    @Override
    public ComplexMatrix hopping(Bond bond) {
        return hopping == null ? null : hopping.apply(bond);
    }

    @Override
    public boolean hasOnsite() {
        return onsite != null;
    }

    @Override
    public boolean hasHopping() {
        return hopping != null;
    }

    @Override
    public boolean extendsIntoLeads() {
        return inLeads;
    }

    @Override
    public boolean carriesMagnetization() {
        return magnetization;
    }

    @Override
    public String toString() {
        return name + " (custom)";
    }
}
