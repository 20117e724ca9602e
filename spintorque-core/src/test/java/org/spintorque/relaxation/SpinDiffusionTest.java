package org.spintorque.relaxation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.spintorque.lattice.Lattice;
import org.spintorque.lattice.LatticeKind;
import org.spintorque.linalg.LinearAlgebras;
import org.spintorque.output.ProgressListener;
import org.spintorque.torque.LatticeRunParameters;

/** Spin-relaxation lengths: Boltzmann equation of the channels, diffusive limit, and the measured decay. */
class SpinDiffusionTest {

    private static LatticeRunParameters.Disorder disorder(int realizations, double n, double vs, Double anderson) {
        return new LatticeRunParameters.Disorder(realizations, 5, n > 0 ? new double[] {n, vs, 1.0} : null, false,
                null, "three", anderson, "box", false);
    }

    /**
     * On a chain with isotropic scattering (as much forward as backward) the Boltzmann equation of the four
     * states (+-k, +-spin) has the spin mode {@code kappa v = sqrt(8 c (b + c))} (b, c the same-spin backward and
     * spin-flip rates per final state), which is exactly {@code 1/sqrt(D tau_sf)} with {@code D = v^2 tau}.
     */
    @ParameterizedTest
    @CsvSource({"-1.0, 0.1, 0.3, 0.0", "-1.0, 0.1, 0.3, 1.0", "0.4, 0.3, 0.2, 2.0", "1.7, 0.05, 0.5, 0.3"})
    void chainBoltzmannLengthIsSqrtOfDTauSf(double e, double n, double vs, double w) {
        UniformLead wire = new UniformLead(LatticeKind.CHAIN, 1, 1, 1.0, 0.0, 0.0);
        List<ScatteringTerm> terms = ScatteringTerm.of(LatticeKind.CHAIN, 1, 1, new double[] {n, vs, 1.0}, null,
                "three", w, "box");
        LatticeRelaxationTheory t = LatticeRelaxationTheory.of(wire, e, terms, null, null);
        double d = SpinDiffusion.diffusionConstant(t.rates().channels(), 1, t.tauUp());
        double v = t.rates().channels().get(0).velocity();
        assertEquals(v * v * t.tauUp(), d, 1e-12 * d);
        double expected = Math.sqrt(d * t.tauSf());
        assertEquals(expected, SpinDiffusion.boltzmannLength(t.rates()), 1e-9 * expected);
    }

    /** Without scattering every mode is conserved: no decay length. */
    @Test
    void cleanWireHasNoDecay() {
        UniformLead wire = new UniformLead(LatticeKind.SQUARE, 3, 1, 1.0, 0.0, 0.0);
        LatticeRelaxationTheory t = LatticeRelaxationTheory.of(wire, -1.0, List.of(), null, null);
        assertTrue(Double.isNaN(SpinDiffusion.boltzmannLength(t.rates())));
    }

    /** Spin-conserving disorder only: the half-metallic injector's current stays fully polarized, cut by cut. */
    @Test
    void spinConservingDisorderKeepsTheInjectedPolarization() {
        UniformLead lead = new UniformLead(LatticeKind.SQUARE, 3, 1, 1.0, 0.1, 0.5);
        Lattice lattice = new Lattice(LatticeKind.SQUARE, 12, 3, 1, 1);
        double[] p = SpinInjectionWire.profile(SpinInjectionWire.system(lattice, lead, disorder(1, 0, 0, 2.0), 0,
                false), -0.6, LinearAlgebras.best());
        for (int c = 0; c <= 12; c++) {
            assertEquals(1.0, p[c] / p[13], 1e-10, "cut " + c);
        }
    }

    /**
     * The decay of the spin current injected into a disordered chain (spin-flip impurities only, quasi-ballistic:
     * mean free path ~ 56 a, wire 80 a) agrees with the Boltzmann length of the golden-rule rates, within three
     * standard errors of the fit (32 mirror pairs).
     */
    @Test
    void measuredDecayInAChainIsTheBoltzmannLength() {
        LatticeRunParameters.Disorder d = disorder(32, 0.3, 0.3, null);
        UniformLead lead = new UniformLead(LatticeKind.CHAIN, 1, 1, 1.0, 0.0, 0.5);
        SpinInjectionWire m = SpinInjectionWire.measure(lead, -1.0, 80, d, 5, 40, ProgressListener.NONE);
        assertEquals(1.0, m.polarization()[0], 1e-12, "a half-metallic lead injects P = 1");
        UniformLead wire = new UniformLead(LatticeKind.CHAIN, 1, 1, 1.0, 0.0, 0.0);
        LatticeRelaxationTheory t = LatticeRelaxationTheory.of(wire, -1.0,
                ScatteringTerm.of(LatticeKind.CHAIN, 1, 1, d.spinFlip(), null, "three", null, "box"), null, null);
        double lb = SpinDiffusion.boltzmannLength(t.rates());
        assertTrue(Math.abs(m.lambda() - lb) < 3 * m.lambdaError(), "measured " + m.lambda() + " +- "
                + m.lambdaError() + ", Boltzmann " + lb);
        assertTrue(m.lambdaError() < 0.15 * lb, "the check has no power: error " + m.lambdaError());
    }
}
