package org.spintorque.wannier;

import java.util.List;
import org.spintorque.hamiltonian.Exchange;
import org.spintorque.hamiltonian.HamiltonianTerm;
import org.spintorque.lattice.Bond;
import org.spintorque.lattice.Lattice;
import org.spintorque.lattice.Site;
import org.spintorque.linalg.ComplexMatrix;
import org.spintorque.texture.Texture;
import org.spintorque.texture.Vector3;

/**
 * A Wannier model on the real-space lattice of {@code spintorque run}, as two named terms, so that every
 * observable of the continuity equation is reported per term:
 * <ul>
 *   <li>"wannier-band": the charge and spin-orbit parts of {@link SpinParts}, unchanged by the texture
 *       (the spin-orbit part is a relaxation source, T_on and T_hop);</li>
 *   <li>"exchange": the exchange part, turned site by site from the model's magnetization axis to the texture n
 *       (on-site blocks by the site's SU(2) rotation, bonds by the average of the two sites' rotations, see
 *       {@link SpinParts}). It carries the magnetization: the torque on the magnetization is minus its source,
 *       exactly as for the s-d {@link Exchange} term.</li>
 * </ul>
 * Translation: {@code H(R) = <0|H|R>}, so the block of the bond i -> j = i + e is {@code <j|H|i> = H(-e)}.
 *
 * <p>Scope: the lattice of the run (simple cubic, lattice constant = the model's) holds models whose hoppings
 * reach the nearest cells along x, y, z only (R = 0, +-e_a). Longer-range models (bcc Fe) need principal
 * layers in the recursive Green's function, which this class does not provide; they are refused with that
 * reason.
 */
public final class WannierTerms {
    private WannierTerms() { }

    /**
     * The two terms of a model on a lattice with a texture.
     *
     * @throws IllegalArgumentException if the model is not a nearest-neighbour model on a simple cubic lattice,
     *                                  or its orbitals differ from the lattice's
     */
    public static List<HamiltonianTerm> of(WannierModel model, Lattice lattice, Texture texture) {
        if (model.orbitals() != lattice.orbitals()) {
            throw new IllegalArgumentException("the Wannier model has " + model.orbitals() + " orbitals per cell, the "
                    + "lattice " + lattice.orbitals());
        }
        double[][] a = model.lattice();
        double a0 = a[0][0];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                if (Math.abs(a[i][j] - (i == j ? a0 : 0)) > 1e-9 * Math.abs(a0)) {
                    throw new IllegalArgumentException("the real-space lattice route needs a simple cubic model "
                            + "(primitive vectors a x, a y, a z); this one is not: use CrystalWire (spintorque "
                            + "material, [wire]), which cuts any cubic crystal into principal layers");
                }
            }
        }
        for (int[] c : model.cells()) {
            int reach = Math.abs(c[0]) + Math.abs(c[1]) + Math.abs(c[2]);
            if (reach > 1 && model.hopping(c[0], c[1], c[2]).maxAbs() > 0) {
                throw new IllegalArgumentException("the model hops to cell " + java.util.Arrays.toString(c)
                        + ": the real-space lattice route handles nearest-cell hoppings only; use CrystalWire "
                        + "(spintorque material, [wire]), whose principal layers cover any hopping range");
            }
        }
        SpinParts parts = model.spinParts();
        Exchange frame = new Exchange(1, texture); // only for n at sites and lead cells
        return List.of(new Band(parts), new Rotated(parts, frame));
    }

    static int[] minusDirection(Bond bond) {
        int[] c = new int[3];
        c[bond.direction().axis()] = -1;
        return c;
    }

    /** Charge and spin-orbit parts. */
    static final class Band implements HamiltonianTerm {
        private final ComplexMatrix onsite;
        private final ComplexMatrix[] hop = new ComplexMatrix[3];

        Band(SpinParts p) {
            this.onsite = p.charge().hopping(0, 0, 0).plus(p.spinOrbit().hopping(0, 0, 0));
            for (int axis = 0; axis < 3; axis++) {
                int[] c = new int[3];
                c[axis] = -1;
                hop[axis] = p.charge().hopping(c[0], c[1], c[2]).plus(p.spinOrbit().hopping(c[0], c[1], c[2]));
            }
        }

        @Override
        public String name() {
            return "wannier-band";
        }

        @Override
        public ComplexMatrix onsite(Site site) {
            return onsite.copy();
        }

        @Override
        public ComplexMatrix hopping(Bond bond) {
            return hop[bond.direction().axis()].copy();
        }
    }

    /** The exchange part, turned to the texture. */
    static final class Rotated implements HamiltonianTerm {
        private final SpinParts parts;
        private final Exchange frame;

        Rotated(SpinParts parts, Exchange frame) {
            this.parts = parts;
            this.frame = frame;
        }

        @Override
        public String name() {
            return "exchange";
        }

        @Override
        public ComplexMatrix onsite(Site site) {
            Vector3 n = frame.direction(site);
            return exchangeBlock(new int[3], n, n);
        }

        @Override
        public ComplexMatrix hopping(Bond bond) {
            // <j|H|i> = block from the home-cell site j to the site i in cell -e
            return exchangeBlock(minusDirection(bond), frame.direction(bond.to()), frame.direction(bond.from()));
        }

        private ComplexMatrix exchangeBlock(int[] cell, Vector3 home, Vector3 other) {
            ComplexMatrix full = parts.hopping(cell, home, other);
            return full.minus(parts.charge().hopping(cell[0], cell[1], cell[2]))
                    .minus(parts.spinOrbit().hopping(cell[0], cell[1], cell[2]));
        }

        @Override
        public boolean carriesMagnetization() {
            return true;
        }
    }
}
