package org.spintorque.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.spintorque.linalg.ComplexMatrix;
import org.spintorque.linalg.JavaLinearAlgebra;
import org.spintorque.numerics.Quadrature;

/** The Fermi-window average. */
class FermiWindowTest {

    /** Weights sum to the covered weight 1 - 2/(1 + e^c); constants and linear functions are exact. */
    @ParameterizedTest
    @ValueSource(doubles = {0.001, 0.05, 0.3})
    void constantsAndLinearFunctionsAreExact(double kT) {
        FermiWindow w = new FermiWindow(0.4, kT);
        double tails = 2 / (1 + Math.exp(FermiWindow.DEFAULT_HALF_WIDTH));
        assertEquals(1 - tails, w.coveredWeight(), 1e-14);
        assertEquals(1, w.average(e -> new double[] {1}).value(0), 1e-14);
        for (double e : w.energies()) {
            assertTrue(Math.abs(e - 0.4) <= FermiWindow.DEFAULT_HALF_WIDTH * kT * (1 + 1e-12));
        }
        assertEquals(0.4, w.average(e -> new double[] {e}).value(0), 1e-13);
    }

    /**
     * For Q(E) = cos(a E) the average is known in closed form: the Fourier transform of -df/dE gives
     * cos(a mu) (pi a kT) / sinh(pi a kT).
     */
    @ParameterizedTest
    @ValueSource(doubles = {0.02, 0.1, 0.25})
    void cosineAverageIsAnalytic(double kT) {
        double mu = -0.3;
        double a = 1.7;
        FermiWindow w = new FermiWindow(mu, kT);
        double x = Math.PI * a * kT;
        double exact = Math.cos(a * mu) * x / Math.sinh(x);
        assertEquals(exact, w.average(e -> new double[] {Math.cos(a * e)}).value(0), 1e-13);
        // and the error falls quickly with the node count
        double e15 = Math.abs(new FermiWindow(mu, kT, 15, FermiWindow.DEFAULT_HALF_WIDTH)
                .average(e -> new double[] {Math.cos(a * e)}).value(0) - exact);
        double e21 = Math.abs(new FermiWindow(mu, kT, 21, FermiWindow.DEFAULT_HALF_WIDTH)
                .average(e -> new double[] {Math.cos(a * e)}).value(0) - exact);
        assertTrue(e15 < 1e-6 && e21 < 1e-9, e15 + " " + e21);
    }

    /** Against adaptive Gauss-Kronrod integration in E for a Lorentzian feature near mu. */
    @Test
    void agreesWithAdaptiveQuadrature() {
        double mu = 0.1;
        double kT = 0.05;
        java.util.function.DoubleUnaryOperator q = e -> 1 / (1 + Math.pow((e - 0.15) / 0.2, 2));
        FermiWindow w = new FermiWindow(mu, kT);
        double avg = w.average(e -> new double[] {q.applyAsDouble(e)}).value(0);
        Quadrature quad = new Quadrature(1e-14, 1e-12);
        double ref = quad.integrate(e -> {
            double y = (e - mu) / kT;
            double f = 1 / (1 + Math.exp(y));
            return q.applyAsDouble(e) * f * (1 - f) / kT;
        }, mu - 40 * kT, mu + 40 * kT, mu).value();
        assertEquals(ref, avg, 1e-11);
    }

    @Test
    void zeroTemperatureIsOneNode() {
        FermiWindow w = new FermiWindow(0.7, 0);
        assertEquals(1, w.nodes());
        assertEquals(0.7, w.energies()[0]);
        assertEquals(1, w.weights()[0]);
        assertThrows(IllegalArgumentException.class, () -> new FermiWindow(0, -1));
    }

    /**
     * Transmission of a chain with a potential barrier at finite temperature, energies solved in parallel;
     * tail energies outside the band count as zero and are listed.
     */
    @Test
    void thermalTransmissionInParallel() {
        ComplexMatrix zero = TransportFixtures.scalar(1, 0, 0);
        ComplexMatrix hop = TransportFixtures.scalar(1, -1, 0);
        java.util.List<ComplexMatrix> slices = java.util.List.of(zero, TransportFixtures.scalar(1, 0.8, 0), zero);
        Lead lead = new Lead(zero, hop);
        BlockTridiagonal sys = BlockTridiagonal.of(slices, hop, lead, lead);
        FermiWindow w = new FermiWindow(1.8, 0.05);
        FermiWindow.EnergyFunction t = e -> new double[] {
            new RecursiveGreenFunction(sys, e, JavaLinearAlgebra.INSTANCE).transmissionLR()};
        ExecutorService pool = Executors.newFixedThreadPool(2);
        FermiWindow.Average parallel;
        try {
            parallel = w.average(t, pool);
        } finally {
            pool.shutdown();
        }
        FermiWindow.Average sequential = w.average(t);
        assertEquals(sequential.value(0), parallel.value(0), 0.0);
        assertTrue(parallel.closedEnergies().size() > 0);
        for (double e : parallel.closedEnergies()) {
            assertTrue(e > 2);
        }
        double t0 = new RecursiveGreenFunction(sys, 1.8, JavaLinearAlgebra.INSTANCE).transmissionLR();
        assertTrue(parallel.value(0) > 0 && parallel.value(0) < 1);
        assertTrue(Math.abs(parallel.value(0) - t0) < 0.2);
    }
}
