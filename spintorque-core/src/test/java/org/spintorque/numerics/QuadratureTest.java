package org.spintorque.numerics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleUnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class QuadratureTest {

    private static final Quadrature TIGHT = new Quadrature(0.0, 1e-13);

    /** The Kronrod rule integrates x^p exactly for p <= 22, the embedded Gauss rule for p <= 13. */
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 5, 8, 13, 14, 17, 21, 22})
    void ruleExactnessForMonomials(int p) {
        double[] kg = Quadrature.kronrodAndGauss(x -> Math.pow(x, p), 0.0, 1.0);
        double exact = 1.0 / (p + 1);
        assertEquals(exact, kg[0], 4e-16, "Kronrod, degree " + p);
        if (p <= 13) {
            assertEquals(exact, kg[1], 4e-16, "Gauss, degree " + p);
        } else {
            // Beyond its degree the Gauss rule is visibly wrong: that difference is the error estimate.
            assertTrue(Math.abs(kg[1] - exact) > 1e-12, "Gauss should not be exact at degree " + p);
        }
    }

    @Test
    void kronrodFailsBeyondDegree22() {
        // On [-1, 1] the error for x^24 is about 6e-9, far above round-off.
        double[] kg = Quadrature.kronrodAndGauss(x -> Math.pow(x, 24), -1.0, 1.0);
        assertTrue(Math.abs(kg[0] - 2.0 / 25) > 1e-10);
    }

    /*
     * Narrow peaks: the nodes are rounded to doubles, so a peak of width w centred at c can be resolved to
     * relative accuracy of order ulp(c)/w at best. The widths below respect that.
     */
    static Stream<Arguments> knownIntegrals() {
        double g = 1e-9;
        double g2 = 1e-4;
        return Stream.of(
                Arguments.of("sin on [0, pi]", (DoubleUnaryOperator) Math::sin, 0.0, Math.PI, new double[0], 2.0),
                Arguments.of("exp on [0, 1]", (DoubleUnaryOperator) Math::exp, 0.0, 1.0, new double[0], Math.E - 1),
                Arguments.of("log x on [0, 1] (endpoint singularity)", (DoubleUnaryOperator) Math::log, 0.0, 1.0,
                        new double[0], -1.0),
                Arguments.of("x^-1/2 on [0, 1]", (DoubleUnaryOperator) x -> 1 / Math.sqrt(x), 0.0, 1.0,
                        new double[0], 2.0),
                Arguments.of("|x - 1/3| on [0, 1] with the kink as breakpoint",
                        (DoubleUnaryOperator) x -> Math.abs(x - 1.0 / 3), 0.0, 1.0, new double[] {1.0 / 3},
                        (1.0 / 9 + 4.0 / 9) / 2),
                Arguments.of("Lorentzian of width 1e-9 with breakpoint at its centre",
                        (DoubleUnaryOperator) x -> g / (x * x + g * g), -1.0, 2.0,
                        new double[] {0.0}, Math.atan(2.0 / g) + Math.atan(1.0 / g)),
                Arguments.of("Lorentzian of width 1e-4 off the origin",
                        (DoubleUnaryOperator) x -> g2 / ((x - 0.3) * (x - 0.3) + g2 * g2), -1.0, 2.0,
                        new double[] {0.3}, Math.atan(1.7 / g2) + Math.atan(1.3 / g2)),
                Arguments.of("log|x - 0.25| with interior breakpoint",
                        (DoubleUnaryOperator) x -> Math.log(Math.abs(x - 0.25)), 0.0, 1.0, new double[] {0.25},
                        0.25 * Math.log(0.25) - 0.25 + 0.75 * Math.log(0.75) - 0.75));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("knownIntegrals")
    void knownIntegralsWithHonestErrorEstimates(String name, DoubleUnaryOperator f, double a, double b,
            double[] breaks, double exact) {
        Quadrature.Result r = TIGHT.integrate(f, a, b, breaks);
        assertTrue(r.converged(), name + ": " + r);
        assertEquals(exact, r.value(), 1e-12 * Math.abs(exact), name);
        // The estimate must bound the actual error (up to round-off in the exact value).
        assertTrue(Math.abs(r.value() - exact) <= r.error() + 4 * Math.ulp(exact), name + ": " + r);
    }

    static Stream<Arguments> semiInfinite() {
        double g = 1e-3;
        return Stream.of(
                Arguments.of("exp(-x)", (DoubleUnaryOperator) x -> Math.exp(-x), 0.0, new double[0], 1.0),
                Arguments.of("x^-2 from 1", (DoubleUnaryOperator) x -> 1 / (x * x), 1.0, new double[0], 1.0),
                Arguments.of("1/(1+x^2)", (DoubleUnaryOperator) x -> 1 / (1 + x * x), 0.0, new double[0],
                        Math.PI / 2),
                Arguments.of("narrow Lorentzian at 5", (DoubleUnaryOperator) x -> g / ((x - 5) * (x - 5) + g * g),
                        0.0, new double[] {5.0}, Math.PI / 2 + Math.atan(5 / g)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("semiInfinite")
    void semiInfiniteIntegrals(String name, DoubleUnaryOperator f, double a, double[] breaks, double exact) {
        Quadrature.Result r = TIGHT.integrateToInfinity(f, a, breaks);
        assertTrue(r.converged(), name + ": " + r);
        assertEquals(exact, r.value(), 1e-12 * Math.abs(exact), name);
    }

    @Test
    void vectorComponentsAgreeWithScalarIntegrals() {
        // 1e-12: the cos component integrates to 1/7 of int |cos|, close to the round-off floor 50 eps int |f|.
        Quadrature.VectorResult v = new Quadrature(0.0, 1e-12).integrate((x, out) -> {
            out[0] = 1.0;
            out[1] = x * x;
            out[2] = Math.cos(3 * x);
        }, 3, 0.0, 2.0);
        assertTrue(v.converged());
        assertEquals(2.0, v.value(0), 1e-14);
        assertEquals(8.0 / 3, v.value(1), 1e-14);
        assertEquals(Math.sin(6.0) / 3, v.value(2), 1e-14);
        assertTrue(v.maxRelativeError() < 1e-12);
    }

    @Test
    void reversedAndEmptyRanges() {
        Quadrature.Result forward = TIGHT.integrate(Math::exp, 0.0, 1.0);
        Quadrature.Result backward = TIGHT.integrate(Math::exp, 1.0, 0.0);
        assertEquals(-forward.value(), backward.value(), 0.0);
        assertEquals(0.0, TIGHT.integrate(Math::exp, 2.0, 2.0).value(), 0.0);
    }

    @Test
    void breakpointsOutsideTheRangeAreIgnored() {
        Quadrature.Result r = TIGHT.integrate(Math::exp, 0.0, 1.0, -3.0, 0.0, 1.0, 7.0, 0.5, 0.5);
        assertEquals(Math.E - 1, r.value(), 1e-14);
    }

    /**
     * A cancelling integrand: relative to |int f| = 0 the tolerance is unreachable, relative to int |f| it is
     * reached at once.
     */
    @Test
    void toleranceRelativeToIntegralOfAbs() {
        DoubleUnaryOperator f = Math::sin;
        Quadrature plain = new Quadrature(0.0, 1e-12, 200);
        Quadrature.Result r1 = plain.integrate(f, 0.0, 2 * Math.PI);
        assertFalse(r1.converged());
        assertEquals(0.0, r1.value(), 1e-14);
        Quadrature l1 = new Quadrature(0.0, 1e-12, 200, Quadrature.RelativeTo.INTEGRAL_OF_ABS);
        Quadrature.Result r2 = l1.integrate(f, 0.0, 2 * Math.PI);
        assertTrue(r2.converged(), r2.toString());
        assertEquals(0.0, r2.value(), 1e-14);
    }

    @Test
    void intervalBudgetExhaustedIsReported() {
        Quadrature small = new Quadrature(0.0, 1e-14, 3);
        Quadrature.Result r = small.integrate(x -> 1 / Math.sqrt(x), 0.0, 1.0);
        assertFalse(r.converged());
        assertTrue(Double.isFinite(r.value()) && r.error() > 1e-14 * 2);
    }

    @Test
    void nonFiniteIntegrandIsAnError() {
        // 0.5 is the centre node of the first rule application.
        assertThrows(ArithmeticException.class, () -> TIGHT.integrate(x -> 1 / (x - 0.5), 0.0, 1.0));
        assertThrows(ArithmeticException.class, () -> TIGHT.integrate(x -> Double.NaN, 0.0, 1.0));
    }

    @Test
    void invalidArguments() {
        assertThrows(IllegalArgumentException.class, () -> new Quadrature(0.0, 0.0));
        assertThrows(IllegalArgumentException.class, () -> new Quadrature(-1.0, 1e-10));
        assertThrows(IllegalArgumentException.class, () -> new Quadrature(Double.NaN, 1e-10));
        assertThrows(IllegalArgumentException.class, () -> new Quadrature(0.0, 1e-10, 0));
        assertThrows(IllegalArgumentException.class, () -> TIGHT.integrate(Math::exp, 0.0, Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> TIGHT.integrate((x, o) -> o[0] = x, 0, 0.0, 1.0));
    }

    @Test
    void vectorResultIsAValue() {
        Quadrature.VectorResult v = TIGHT.integrate((x, out) -> out[0] = x, 1, 0.0, 1.0);
        double[] values = v.values();
        values[0] = 42.0;
        assertArrayEquals(new double[] {0.5}, v.values(), 1e-15);
    }
}
