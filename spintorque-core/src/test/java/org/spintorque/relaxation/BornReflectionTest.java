package org.spintorque.relaxation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.spintorque.disorder.AndersonDisorder;
import org.spintorque.disorder.SpinOrbitImpurities;
import org.spintorque.hamiltonian.CustomTerm;
import org.spintorque.hamiltonian.Exchange;
import org.spintorque.hamiltonian.HamiltonianTerm;
import org.spintorque.hamiltonian.Hopping;
import org.spintorque.hamiltonian.ModelBuilder;
import org.spintorque.hamiltonian.Onsite;
import org.spintorque.hamiltonian.TightBindingSystem;
import org.spintorque.lattice.Lattice;
import org.spintorque.lattice.LatticeKind;
import org.spintorque.linalg.ComplexMatrix;
import org.spintorque.linalg.LinearAlgebras;
import org.spintorque.texture.UniformTexture;
import org.spintorque.texture.Vector3;
import org.spintorque.torque.TorqueCalculation;
import org.spintorque.transport.SpinResolvedTransmission;
import org.spintorque.transport.SpinResolvedTransmission.LeadSpinAxis;
import org.spintorque.transport.SpinResolvedTransmission.Spin;

/**
 * The golden rule's backscattering part against an exact scattering calculation: the reflection probability of
 * ONE weak impurity (strength eps) in a clean lead, from the recursive Green's function, is to lowest order the
 * Born value {@code R_i = eps^2 sum_{f backward} |M_fi|^2 / (v_i v_f)}, which the golden rule gives as
 * {@code eps^2 (1/v_i) sum_f stateRate(i -> f, backward)} for a term of weight 1 holding this one impurity.
 * Summed over the incoming channels of each spin s: {@code R_s = N_s - T_s} with T_s the transmission of the
 * left lead's spin-s channels. The next order is relative {@code O(eps |M|/v)}, so the tolerance is a fixed
 * multiple of eps.
 */
class BornReflectionTest {
    private static final double EPS = 1e-3;

    static Stream<Arguments> cases() {
        // kind, W, H, v0, M, E
        Object[][] leads = {
            {LatticeKind.CHAIN, 1, 1, 0.0, 0.5, -1.2},
            {LatticeKind.SQUARE, 4, 1, 0.0, 0.5, -2.5},
            {LatticeKind.SQUARE, 3, 1, 0.1, 0.4, -0.7},
            {LatticeKind.CUBIC, 2, 2, 0.0, 0.3, -2.6}};
        return Stream.of(leads).flatMap(l -> Stream.of(ScatteringTerm.Kind.values())
                .filter(k -> k != ScatteringTerm.Kind.SPIN_ORBIT || l[0] != LatticeKind.CHAIN)
                .flatMap(k -> Stream.of(SpinOrbitImpurities.Components.values())
                        .filter(c -> k == ScatteringTerm.Kind.SPIN_ORBIT || c == SpinOrbitImpurities.Components.THREE)
                        .map(c -> Arguments.of(l[0], l[1], l[2], l[3], l[4], l[5], k, c))));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void reflectionOfOneWeakImpurityIsTheGoldenRuleBackscattering(LatticeKind kind, int w, int h, double v0,
            double m, double e, ScatteringTerm.Kind kindOfTerm, SpinOrbitImpurities.Components components) {
        Lattice lattice = ScatteringTerm.probe(kind, ScatteringTerm.PROBE_LENGTH, w, h);
        ScatteringTerm all = switch (kindOfTerm) {
            case SPIN_FLIP -> ScatteringTerm.spinFlip(lattice, 4, 1, 1, 1);
            case SPIN_ORBIT -> ScatteringTerm.spinOrbit(lattice, 4, 1, 1, components);
            case ANDERSON -> ScatteringTerm.anderson(lattice, 4, 1, AndersonDisorder.Distribution.GAUSSIAN);
        };
        UniformLead lead = new UniformLead(kind, w, h, 1.0, v0, m);
        List<LeadChannel> ch = lead.channels(e);
        int checked = 0;
        for (ScatteringTerm.Impurity imp : all.impurities()) {
            ScatteringTerm one = new ScatteringTerm(all.name(), all.kind(), 1.0, lattice, List.of(imp));
            GoldenRule g = GoldenRule.compute(ch, List.of(one));
            double[] born = new double[2];
            for (int c = 0; c < ch.size(); c++) {
                for (int f = 0; f < ch.size(); f++) {
                    born[ch.get(c).spin() > 0 ? 0 : 1] += EPS * EPS / ch.get(c).velocity()
                            * g.stateRate(0, c, +1, f, GoldenRule.Part.BACKWARD);
                }
            }
            SpinResolvedTransmission tr = transmission(lattice, lead, imp.operator(), e);
            long nUp = ch.stream().filter(c -> c.spin() > 0).count();
            long nDn = ch.size() - nUp;
            double rUp = nUp - tr.incoming(Spin.UP);
            double rDn = nDn - tr.incoming(Spin.DOWN);
            double scale = Math.max(born[0] + born[1], 1e-300);
            if (born[0] + born[1] < 1e-12 * EPS * EPS) {
                // no backscattering in Born order (e.g. an operator that vanishes on these states)
                assertTrue(Math.abs(rUp) + Math.abs(rDn) < 1e-12, "reflection without a Born term: " + rUp
                        + ", " + rDn);
                continue;
            }
            checked++;
            assertEquals(born[0], rUp, 5 * EPS * scale, "R_up " + describe(imp));
            assertEquals(born[1], rDn, 5 * EPS * scale, "R_dn " + describe(imp));
        }
        assertTrue(checked > 0, "no impurity scatters back");
    }

    private static String describe(ScatteringTerm.Impurity imp) {
        return "impurity at y0 = " + imp.y0() + ", z0 = " + imp.z0() + ", component " + imp.component();
    }

    static SpinResolvedTransmission transmission(Lattice lattice, UniformLead lead, HamiltonianTerm op, double e) {
        Function<ComplexMatrix, ComplexMatrix> scale = b -> b == null ? null : b.scale(EPS, 0);
        HamiltonianTerm weak = new CustomTerm("impurity", s -> scale.apply(op.onsite(s)),
                b -> scale.apply(op.hopping(b)), false, false);
        ModelBuilder b = new ModelBuilder(lattice).add(new Hopping(lead.hopping()))
                .add(new Exchange(lead.exchange(), new UniformTexture(new Vector3(0, 0, 1))));
        if (lead.onsite() != 0) {
            b.add(new Onsite(lead.onsite()));
        }
        TightBindingSystem sys = b.add(weak).build();
        LeadSpinAxis z = LeadSpinAxis.of(new Vector3(0, 0, 1));
        return SpinResolvedTransmission.compute(TorqueCalculation.openSystem(sys), e, z, z, LinearAlgebras.best());
    }
}
