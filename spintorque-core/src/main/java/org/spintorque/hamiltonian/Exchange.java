package org.spintorque.hamiltonian;

import org.spintorque.lattice.Bond;
import org.spintorque.lattice.LeadSide;
import org.spintorque.lattice.Site;
import org.spintorque.linalg.ComplexMatrix;
import org.spintorque.texture.Texture;
import org.spintorque.texture.Vector3;

/**
 * The s-d exchange with a magnetization texture ("exchange"): {@code H_ii = -M n_i . Sigma}
 * ({@code M = J_sd S}; the electron spin prefers n, bands {@code eps_k -+ M} for spin parallel/antiparallel).
 * Its spin source is {@code T_on,ex(i) = -2M (n_i x s_i)}, the torque of the magnetization on the electrons;
 * minus it, {@code 2M (n_i x s_i)}, is the torque on the magnetization (physics.md section 3).
 *
 * <p>In the leads n is the texture's limit on that side ({@link Texture#limit}), or, for a texture without a
 * limit, n of the adjacent edge slice (x = 0 or x = length - 1) at the same (y, z).
 */
public final class Exchange implements HamiltonianTerm {
    private final String name;
    private final double m;
    private final Texture texture;

    /**
     * @param m       exchange splitting M (energy; bands split by 2M)
     * @param texture the unit vector field n
     */
    public Exchange(double m, Texture texture) {
        this("exchange", m, texture);
    }

    public Exchange(String name, double m, Texture texture) {
        if (!Double.isFinite(m)) {
            throw new IllegalArgumentException("exchange M must be finite, got " + m);
        }
        this.name = name;
        this.m = m;
        this.texture = texture;
    }

    public double m() {
        return m;
    }

    public Texture texture() {
        return texture;
    }

    /** The direction n at a site (scattering region or lead cell), as used in the Hamiltonian. */
    public Vector3 direction(Site site) {
        LeadSide side = site.leadSide();
        if (side == null) {
            return texture.n(site.x(), site.y(), site.z());
        }
        Vector3 limit = texture.limit(side, site.y(), site.z());
        if (limit != null) {
            return limit;
        }
        int edge = side == LeadSide.LEFT ? 0 : site.lattice().length() - 1;
        return texture.n(edge, site.y(), site.z());
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ComplexMatrix onsite(Site site) {
        Vector3 n = direction(site);
        return Pauli.dot(site.lattice().orbitals(), -m * n.x(), -m * n.y(), -m * n.z());
    }

    @Override
    public ComplexMatrix hopping(Bond bond) {
        return null;
    }

    @Override
    public boolean hasHopping() {
        return false;
    }

    @Override
    public boolean carriesMagnetization() {
        return true;
    }

    @Override
    public String toString() {
        return name + " (M = " + m + ", " + texture + ")";
    }
}
