package org.spintorque.relaxation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.spintorque.disorder.AndersonDisorder;
import org.spintorque.disorder.SpinFlipImpurities;
import org.spintorque.disorder.SpinOrbitImpurities;
import org.spintorque.hamiltonian.HamiltonianTerm;
import org.spintorque.hamiltonian.Onsite;
import org.spintorque.hamiltonian.SpinImpurities;
import org.spintorque.lattice.Lattice;
import org.spintorque.lattice.LatticeKind;
import org.spintorque.texture.Vector3;

/**
 * The statistics of one disorder term of the run model, in the form the golden rule needs: the operator of a
 * single impurity with unit random value, for every position (y0, z0) in the cross-section and every
 * independent random component a, on a short probe lattice of the full cross-section; and the weight
 * {@code n <xi^2>} (impurities per site times the variance of the random value) that multiplies
 * {@code |M_fi|^2}. The disorder of a realization is {@code sum_{impurities} xi_imp O(y0, z0, a)} with
 * independent, zero-mean {@code xi}, so that the ensemble average of {@code |<f|V|i>|^2} is the incoherent
 * sum over impurities and components used by {@link GoldenRule}.
 *
 * <ul>
 *   <li>Spin-flip impurities (eq. 7): {@code v_s S_imp . sigma} with an isotropic S_imp of length S, so
 *       {@code <S^a S^b> = (S^2/3) delta_ab}: operators {@code sigma^a} on the site (a = x, y, z), weight
 *       {@code n_imp v_s^2 S^2 / 3}. Spins in the local magnetization frame ({@code S = R(z) S~}, R = diag(-1,
 *       -1, 1) in a uniform lead) have the same statistics.</li>
 *   <li>Spin-orbit impurities (eq. 8), "three" components: the lattice term of {@link SpinOrbitImpurities} for
 *       a potential with {@code V^(a) = 1} on the site and nothing else; weight {@code n_so lambda_so^2} (the
 *       values +-1 have unit variance). "common": {@code V^(x) = V^(y) = V^(z) = 1} together, one operator.</li>
 *   <li>Anderson disorder: the identity on the site, on every site (n = 1), weight {@code W^2/12} (box) or
 *       {@code W^2} (Gaussian).</li>
 * </ul>
 * The operator blocks are taken from the terms themselves ({@link HamiltonianTerm#onsite},
 * {@link HamiltonianTerm#hopping}), so the rates follow any change of the lattice form of a term.
 *
 * @param name       the term name of the run model ("spin-flip", "spin-orbit", "anderson")
 * @param kind       which mechanism
 * @param weight     {@code n <xi^2>} [t^2]
 * @param probe      the probe lattice (full cross-section, short length) on which the operators live
 * @param impurities one operator per (y0, z0, component)
 */
public record ScatteringTerm(String name, Kind kind, double weight, Lattice probe, List<Impurity> impurities) {

    /** Default length of the probe lattice and the slice of the impurity in it. */
    public static final int PROBE_LENGTH = 9;
    public static final int PROBE_SLICE = 4;

    /** The mechanism of a term. */
    public enum Kind {
        SPIN_FLIP, SPIN_ORBIT, ANDERSON;

        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * A single impurity of unit random value at (x0, y0, z0) of the probe lattice.
     *
     * @param component 0, 1, 2 for x, y, z; -1 when the term has a single random value per site
     */
    public record Impurity(int x0, int y0, int z0, int component, HamiltonianTerm operator) { }

    public ScatteringTerm {
        impurities = List.copyOf(impurities);
        if (!(weight >= 0) || !Double.isFinite(weight)) {
            throw new IllegalArgumentException("the weight n <xi^2> must be finite and >= 0, got " + weight);
        }
    }

    /** A probe lattice of the given cross-section and length (its kind from the cross-section). */
    public static Lattice probe(LatticeKind kind, int length, int width, int height) {
        return new Lattice(kind, length, width, height, 1);
    }

    /** The impurities of every cross-section site (y0, z0) of the probe, in order z0, y0. */
    private static List<Impurity> perSite(Lattice probe, SiteImpurities f) {
        List<Impurity> ops = new ArrayList<>();
        for (int z = 0; z < probe.height(); z++) {
            for (int y = 0; y < probe.width(); y++) {
                ops.addAll(f.at(y, z));
            }
        }
        return ops;
    }

    @FunctionalInterface
    private interface SiteImpurities {
        List<Impurity> at(int y0, int z0);
    }

    /** Spin-flip impurities {@code v_s S_imp . sigma}, isotropic S_imp of length S, n_imp per site. */
    public static ScatteringTerm spinFlip(Lattice probe, int x0, double concentration, double vs, double spin) {
        List<Impurity> ops = perSite(probe, (y, z) -> {
            int index = probe.index(x0, y, z);
            List<Impurity> at = new ArrayList<>();
            for (int a = 0; a < 3; a++) {
                Vector3 unit = new Vector3(a == 0 ? 1 : 0, a == 1 ? 1 : 0, a == 2 ? 1 : 0);
                at.add(new Impurity(x0, y, z, a, new SpinImpurities(SpinFlipImpurities.NAME, 1.0,
                        Map.of(index, unit))));
            }
            return at;
        });
        return new ScatteringTerm(SpinFlipImpurities.NAME, Kind.SPIN_FLIP,
                concentration * vs * vs * spin * spin / 3, probe, ops);
    }

    /** Spin-orbit impurities of eq. (8), n_so per site, unit-variance potentials. */
    public static ScatteringTerm spinOrbit(Lattice probe, int x0, double concentration, double lambda,
            SpinOrbitImpurities.Components components) {
        List<Impurity> ops = perSite(probe, (y, z) -> {
            if (components == SpinOrbitImpurities.Components.COMMON) {
                return List.of(new Impurity(x0, y, z, -1, SpinOrbitImpurities.ofPotential(SpinOrbitImpurities.NAME,
                        1.0, (s, c) -> at(s.x(), s.y(), s.z(), x0, y, z))));
            }
            List<Impurity> at = new ArrayList<>();
            for (int a = 0; a < 3; a++) {
                int comp = a;
                at.add(new Impurity(x0, y, z, a, SpinOrbitImpurities.ofPotential(SpinOrbitImpurities.NAME, 1.0,
                        (s, c) -> c == comp ? at(s.x(), s.y(), s.z(), x0, y, z) : 0)));
            }
            return at;
        });
        return new ScatteringTerm(SpinOrbitImpurities.NAME, Kind.SPIN_ORBIT, concentration * lambda * lambda,
                probe, ops);
    }

    /** Anderson disorder of strength W on every site. */
    public static ScatteringTerm anderson(Lattice probe, int x0, double strength,
            AndersonDisorder.Distribution distribution) {
        List<Impurity> ops = perSite(probe, (y, z) -> List.of(new Impurity(x0, y, z, -1,
                Onsite.of(AndersonDisorder.NAME, s -> at(s.x(), s.y(), s.z(), x0, y, z), false))));
        double variance = distribution == AndersonDisorder.Distribution.BOX ? strength * strength / 12
                : strength * strength;
        return new ScatteringTerm(AndersonDisorder.NAME, Kind.ANDERSON, variance, probe, ops);
    }

    private static double at(int x, int y, int z, int x0, int y0, int z0) {
        return x == x0 && y == y0 && z == z0 ? 1 : 0;
    }

    /**
     * The terms of a run's disorder, on the default probe lattice (length {@link #PROBE_LENGTH}, impurity in
     * slice {@link #PROBE_SLICE}) of the run's cross-section.
     *
     * @param spinFlip   {n_imp, v_s, S_imp} or null
     * @param spinOrbit  {n_so, lambda_so} or null
     * @param components "three" or "common"
     * @param anderson   W or null
     * @param distribution "box" or "gaussian"
     */
    public static List<ScatteringTerm> of(LatticeKind kind, int width, int height, double[] spinFlip,
            double[] spinOrbit, String components, Double anderson, String distribution) {
        Lattice probe = probe(kind, PROBE_LENGTH, width, height);
        List<ScatteringTerm> out = new ArrayList<>();
        if (spinFlip != null) {
            out.add(spinFlip(probe, PROBE_SLICE, spinFlip[0], spinFlip[1], spinFlip[2]));
        }
        if (spinOrbit != null) {
            out.add(spinOrbit(probe, PROBE_SLICE, spinOrbit[0], spinOrbit[1],
                    SpinOrbitImpurities.Components.parse(components)));
        }
        if (anderson != null) {
            out.add(anderson(probe, PROBE_SLICE, anderson, AndersonDisorder.Distribution.parse(distribution)));
        }
        return out;
    }
}
