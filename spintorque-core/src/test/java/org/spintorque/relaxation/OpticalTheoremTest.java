package org.spintorque.relaxation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.spintorque.disorder.AndersonDisorder;
import org.spintorque.hamiltonian.Exchange;
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
import org.spintorque.transport.RecursiveGreenFunction;

/**
 * The whole golden-rule rate (forward, backward and into every other channel) against the imaginary part of the
 * Born self-energy, computed independently from the exact Green's function of the clean lead: for an on-site
 * impurity operator O at r0, {@code Gamma_i = -2 n <xi^2> sum_{y0 z0 a} |chi_i(y0, z0)|^2
 * Im [O_a G^r(r0, r0) O_a]_{s_i s_i}} (the optical theorem), with {@code G^r(r0, r0)} the diagonal slice block of
 * the recursive Green's function of a clean probe between its leads (which is the infinite lead's).
 */
class OpticalTheoremTest {

    @ParameterizedTest
    @CsvSource({"SQUARE, 4, 1, 0.0, 0.5, -2.5", "SQUARE, 5, 1, 0.1, 0.7, -1.25", "CUBIC, 3, 2, 0.0, 0.4, -3.1",
        "CHAIN, 1, 1, 0.0, 0.5, 0.3"})
    void totalRateIsMinusTwiceTheImaginaryPartOfTheSelfEnergy(LatticeKind kind, int w, int h, double v0, double m,
            double e) {
        Lattice probe = ScatteringTerm.probe(kind, ScatteringTerm.PROBE_LENGTH, w, h);
        int x0 = ScatteringTerm.PROBE_SLICE;
        UniformLead lead = new UniformLead(kind, w, h, 1.0, v0, m);
        List<ScatteringTerm> terms = List.of(ScatteringTerm.spinFlip(probe, x0, 0.1, 0.3, 1.0),
                ScatteringTerm.anderson(probe, x0, 0.5, AndersonDisorder.Distribution.GAUSSIAN));
        GoldenRule g = GoldenRule.compute(lead.channels(e), terms);
        ComplexMatrix local = localGreenFunction(probe, lead, e, x0);
        for (int k = 0; k < terms.size(); k++) {
            ScatteringTerm term = terms.get(k);
            for (int c = 0; c < g.channels().size(); c++) {
                LeadChannel ch = g.channels().get(c);
                int s = ch.spin() > 0 ? 0 : 1;
                double im = 0;
                for (ScatteringTerm.Impurity imp : term.impurities()) {
                    ComplexMatrix o = imp.operator().onsite(probe.site(x0, imp.y0(), imp.z0()));
                    int at = 2 * (imp.z0() * w + imp.y0());
                    ComplexMatrix gl = local.block(at, at, 2, 2);
                    double amp = ch.amplitude(imp.y0(), imp.z0());
                    im += amp * amp * o.times(gl).times(o).im(s, s);
                }
                double expected = -2 * term.weight() * im;
                assertEquals(expected, g.rate(k, c, GoldenRule.Part.ALL), 1e-9 * expected,
                        term.name() + " channel " + ch.label());
            }
        }
    }

    private static ComplexMatrix localGreenFunction(Lattice probe, UniformLead lead, double e, int x0) {
        ModelBuilder b = new ModelBuilder(probe).add(new Hopping(lead.hopping()))
                .add(new Exchange(lead.exchange(), new UniformTexture(new Vector3(0, 0, 1))));
        if (lead.onsite() != 0) {
            b.add(new Onsite(lead.onsite()));
        }
        TightBindingSystem sys = b.build();
        RecursiveGreenFunction rgf = new RecursiveGreenFunction(TorqueCalculation.openSystem(sys), e,
                LinearAlgebras.best());
        assertEquals(e, rgf.energy(), 0, "the solver moved the energy");
        ComplexMatrix[] out = new ComplexMatrix[1];
        rgf.greenFunctionBlocks(gb -> {
            if (gb.x() == x0) {
                out[0] = gb.diagonal();
            }
        });
        return out[0];
    }
}
