package org.spintorque.transport;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Thermal average of a per-energy linear-response quantity over the Fermi window:
 * <pre>   Q(mu, T) = integral dE (-df/dE) Q(E),   f(E) = 1 / (1 + exp((E - mu) / kT)). </pre>
 *
 * <h2>Quadrature</h2>
 * The substitution {@code E = mu + pi kT sinh t} followed by the trapezoidal rule in t, with
 * {@link #nodes()} equally spaced points on {@code |t| <= asinh(c / pi)}, i.e. over the energy window
 * {@code |E - mu| <= c kT}:
 * <pre>   Q(mu, T) ~ sum_j w_j Q(E_j),  w_j = h (pi/4) cosh t_j / cosh^2((pi/2) sinh t_j). </pre>
 * In the variable of the Fermi function, {@code u = f(E) = (1 - tanh((pi/2) sinh t)) / 2}, this is the
 * tanh-sinh (double-exponential) rule for {@code integral_0^1 Q(E(u)) du}, since {@code (-df/dE) dE = du}.
 * The transformed integrand decays double-exponentially and is analytic in a strip of half width pi/2
 * (the poles of -df/dE at {@code E = mu + i pi kT (2m+1)}), so for a Q that is smooth on the scale kT the
 * error falls like {@code exp(-pi^2 / h)} with the step h: the default {@value #DEFAULT_NODES} nodes
 * give close to machine precision for Q analytic near the real axis; a feature of Q narrower than kT
 * (a resonance of width gamma) limits the strip and needs more nodes. The default half width c =
 * {@value #DEFAULT_HALF_WIDTH} leaves out a weight of {@code 2 / (1 + e^c)} (4.6e-16);
 * {@link #coveredWeight()} reports what is kept. The nodes are symmetric about mu, so Q linear in E is
 * averaged exactly. At {@code kT = 0} the window is the single node E = mu with weight 1.
 *
 * <h2>Closed energies</h2>
 * Nodes far in the tails may fall outside the bands of a lead; there no current flows and the linear
 * response vanishes, so an evaluation that throws {@link NoOpenChannelException} counts as zero and is
 * listed in {@link Average#closedEnergies()}.
 *
 * <p>Immutable and thread-safe.
 */
public final class FermiWindow {
    /** Default number of nodes (odd, so that mu itself is one). */
    public static final int DEFAULT_NODES = 31;
    /** Default half width of the energy window in units of kT. */
    public static final double DEFAULT_HALF_WIDTH = 36;

    private final double mu;
    private final double kT;
    private final double[] energies;
    private final double[] weights;

    /** Default node count and window. */
    public FermiWindow(double mu, double kT) {
        this(mu, kT, DEFAULT_NODES, DEFAULT_HALF_WIDTH);
    }

    /**
     * @param mu        chemical potential (Fermi energy)
     * @param kT        temperature in energy units, >= 0
     * @param nodes     number of energies, >= 1 (ignored for kT = 0)
     * @param halfWidth window |E - mu| <= halfWidth * kT
     */
    public FermiWindow(double mu, double kT, int nodes, double halfWidth) {
        if (!(kT >= 0) || !Double.isFinite(kT)) {
            throw new IllegalArgumentException("temperature kT = " + kT + " must be finite and >= 0");
        }
        if (!Double.isFinite(mu)) {
            throw new IllegalArgumentException("chemical potential " + mu + " is not finite");
        }
        this.mu = mu;
        this.kT = kT;
        if (kT == 0) {
            energies = new double[] {mu};
            weights = new double[] {1};
            return;
        }
        if (nodes < 1) {
            throw new IllegalArgumentException("need at least one node, got " + nodes);
        }
        if (!(halfWidth > 0)) {
            throw new IllegalArgumentException("window half width " + halfWidth + " must be positive");
        }
        energies = new double[nodes];
        weights = new double[nodes];
        if (nodes == 1) {
            energies[0] = mu;
            weights[0] = fermi(-halfWidth) - fermi(halfWidth);
            return;
        }
        double tMax = asinh(halfWidth / Math.PI);
        double h = 2 * tMax / (nodes - 1);
        for (int j = 0; j < nodes; j++) {
            double t = -tMax + j * h;
            double s = Math.sinh(t);
            double c = Math.cosh(0.5 * Math.PI * s);
            energies[j] = mu + Math.PI * kT * s;
            weights[j] = h * 0.25 * Math.PI * Math.cosh(t) / (c * c);
        }
        // the end nodes carry half weight (trapezoidal rule)
        weights[0] *= 0.5;
        weights[nodes - 1] *= 0.5;
    }

    private static double asinh(double x) {
        return Math.log(x + Math.sqrt(x * x + 1));
    }

    /** f at (E - mu)/kT = y. */
    private static double fermi(double y) {
        return y > 0 ? Math.exp(-y) / (1 + Math.exp(-y)) : 1 / (1 + Math.exp(y));
    }

    /** The Fermi function at E. */
    public double occupation(double e) {
        if (kT == 0) {
            return e < mu ? 1 : e > mu ? 0 : 0.5;
        }
        return fermi((e - mu) / kT);
    }

    public double mu() {
        return mu;
    }

    public double kT() {
        return kT;
    }

    /** Number of energies. */
    public int nodes() {
        return energies.length;
    }

    /** The energies at which the quantity is needed (a copy). */
    public double[] energies() {
        return energies.clone();
    }

    /** Their weights (a copy); they sum to {@link #coveredWeight()}. */
    public double[] weights() {
        return weights.clone();
    }

    /** The part of the total weight 1 inside the window. */
    public double coveredWeight() {
        double s = 0;
        for (double w : weights) {
            s += w;
        }
        return s;
    }

    /** A quantity computed at one energy (a vector of any fixed length). */
    @FunctionalInterface
    public interface EnergyFunction {
        double[] evaluate(double energy);
    }

    /**
     * @param values         the weighted sums
     * @param closedEnergies energies where the function reported no open channel (counted as zero)
     */
    public record Average(double[] values, List<Double> closedEnergies) {
        public Average {
            values = values.clone();
            closedEnergies = List.copyOf(closedEnergies);
        }

        @Override
        public double[] values() {
            return values.clone();
        }

        public double value(int i) {
            return values[i];
        }
    }

    /** The average, evaluating the energies one after another. */
    public Average average(EnergyFunction f) {
        double[][] results = new double[energies.length][];
        for (int i = 0; i < energies.length; i++) {
            results[i] = evaluateOrNull(f, energies[i]);
        }
        return combine(results);
    }

    /** The average, evaluating the energies as parallel tasks on {@code executor}. */
    public Average average(EnergyFunction f, ExecutorService executor) {
        List<Future<double[]>> futures = new ArrayList<>();
        for (double e : energies) {
            futures.add(executor.submit(() -> evaluateOrNull(f, e)));
        }
        double[][] results = new double[energies.length][];
        for (int i = 0; i < energies.length; i++) {
            try {
                results[i] = futures.get(i).get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while averaging over the Fermi window", e);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException re) {
                    throw re;
                }
                if (cause instanceof Error err) {
                    throw err;
                }
                throw new IllegalStateException(cause);
            }
        }
        return combine(results);
    }

    private static double[] evaluateOrNull(EnergyFunction f, double e) {
        try {
            return f.evaluate(e);
        } catch (NoOpenChannelException closed) {
            return null;
        }
    }

    private Average combine(double[][] results) {
        int dim = -1;
        for (double[] r : results) {
            if (r != null) {
                if (dim >= 0 && r.length != dim) {
                    throw new IllegalArgumentException("the quantity changed length between energies: " + dim
                            + " and " + r.length);
                }
                dim = r.length;
            }
        }
        double[] sum = new double[Math.max(dim, 0)];
        List<Double> closed = new ArrayList<>();
        for (int i = 0; i < results.length; i++) {
            if (results[i] == null) {
                closed.add(energies[i]);
                continue;
            }
            for (int k = 0; k < sum.length; k++) {
                sum[k] += weights[i] * results[i][k];
            }
        }
        return new Average(sum, closed);
    }
}
