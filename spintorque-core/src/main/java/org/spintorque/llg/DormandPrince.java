package org.spintorque.llg;

/**
 * Adaptive Dormand-Prince 5(4) Runge-Kutta stepper for {@link LlgEquation} (Dormand and Prince, J. Comput.
 * Appl. Math. 6, 19 (1980)): seven stages with first-same-as-last, the fifth-order solution advanced, the
 * embedded fourth-order one used for the error {@code err = max_i |m5_i - m4_i|} (a change of a unit
 * vector, so the tolerance is dimensionless). A step is accepted when err &lt;= tolerance; the next step is
 * {@code h * clamp(0.9 (tol/err)^(1/5), 0.2, 5)}. After every accepted step each m_i is renormalized to unit
 * length (the exact flow keeps |m| = 1; the scheme keeps it to O(tol)); the last stage is evaluated at the
 * renormalized state so that it can serve as the next step's first stage.
 *
 * <p>Every buffer is allocated in the constructor: {@link #step} allocates nothing.
 */
public final class DormandPrince {
    private static final double[][] A = {
        {},
        {1.0 / 5},
        {3.0 / 40, 9.0 / 40},
        {44.0 / 45, -56.0 / 15, 32.0 / 9},
        {19372.0 / 6561, -25360.0 / 2187, 64448.0 / 6561, -212.0 / 729},
        {9017.0 / 3168, -355.0 / 33, 46732.0 / 5247, 49.0 / 176, -5103.0 / 18656},
        {35.0 / 384, 0, 500.0 / 1113, 125.0 / 192, -2187.0 / 6784, 11.0 / 84}};
    /** b5 - b4: the error weights. */
    private static final double[] E = {71.0 / 57600, 0, -71.0 / 16695, 71.0 / 1920, -17253.0 / 339200,
        22.0 / 525, -1.0 / 40};

    private final LlgEquation equation;
    private final WorkerPool pool;
    private final double[][] k = new double[7][];
    private final double[] stage;
    private final double[] partialMax;
    private final boolean relaxation;
    private double tolerance;
    private double h;
    private double minStep = 1e-22;
    private boolean firstStageValid;
    private double lastError;
    private long accepted;
    private long rejected;
    // state of the parallel stage combination
    private double[] m;
    private int stageIndex;
    private double stepSize;
    private final WorkerPool.Slab combine = this::combine;
    private final WorkerPool.Slab error = this::error;
    private final WorkerPool.Slab normalize = this::normalize;

    /**
     * @param tolerance  largest accepted change of a unit vector between the 5th and 4th order solutions
     * @param relaxation true to integrate the relaxation flow of {@link LlgEquation#rate}
     */
    public DormandPrince(LlgEquation equation, double tolerance, boolean relaxation, WorkerPool pool) {
        if (!(tolerance > 0)) {
            throw new IllegalArgumentException("tolerance must be positive, got " + tolerance);
        }
        this.equation = equation;
        this.pool = pool;
        this.tolerance = tolerance;
        this.relaxation = relaxation;
        int size = 3 * equation.grid().cells();
        for (int s = 0; s < 7; s++) {
            k[s] = new double[size];
        }
        stage = new double[size];
        partialMax = new double[pool.threads()];
        // a first guess well below the exchange time scale; the controller adapts it within a few steps
        h = 1e-14;
    }

    public double stepSize() {
        return h;
    }

    public void setStepSize(double step) {
        h = step;
    }

    /** The smallest step [s] below which the controller gives up. */
    public void setMinStep(double step) {
        minStep = step;
        h = Math.max(h, step);
    }

    public double lastError() {
        return lastError;
    }

    public long acceptedSteps() {
        return accepted;
    }

    public long rejectedSteps() {
        return rejected;
    }

    /** Forget the cached first stage (call after m was changed from outside). */
    public void reset() {
        firstStageValid = false;
    }

    /**
     * Advances m in place by one accepted step of at most {@code maxStep} seconds (rejected attempts are
     * retried with smaller steps).
     *
     * @return the time advanced [s]
     * @throws ToleranceException when the step needed falls below the minimum step
     */
    public double step(double[] mState, double maxStep) {
        this.m = mState;
        if (!firstStageValid) {
            equation.rate(mState, k[0], relaxation);
            firstStageValid = true;
        }
        while (true) {
            double hTry = Math.min(h, maxStep);
            if (!(hTry >= minStep) && hTry < maxStep) {
                throw new ToleranceException("the time step fell to " + hTry + " s below the minimum "
                        + minStep + " s: the tolerance " + tolerance + " cannot be met (error " + lastError + ")");
            }
            stepSize = hTry;
            for (int s = 1; s < 7; s++) {
                stageIndex = s;
                pool.run(mState.length / 3, combine);
                if (s == 6) {
                    pool.run(mState.length / 3, normalize);
                }
                equation.rate(stage, k[s], relaxation);
            }
            java.util.Arrays.fill(partialMax, 0);
            pool.run(mState.length / 3, error);
            double err = 0;
            for (double p : partialMax) {
                err = Math.max(err, p);
            }
            err *= hTry;
            lastError = err;
            double grow = err == 0 ? 5 : Math.min(5, Math.max(0.2, 0.9 * Math.pow(tolerance / err, 0.2)));
            if (err <= tolerance) {
                System.arraycopy(stage, 0, mState, 0, stage.length);
                double[] t = k[0];
                k[0] = k[6];
                k[6] = t;
                accepted++;
                // a step shortened to hit an output time says nothing about the size that would have worked
                if (hTry == h || grow < 1) {
                    h = hTry * grow;
                }
                return hTry;
            }
            rejected++;
            h = hTry * (Double.isNaN(err) ? 0.2 : grow);
        }
    }

    private void combine(int from, int to, int w) {
        int n = m.length / 3;
        double[] a = A[stageIndex];
        for (int c = 0; c < 3; c++) {
            int o = c * n;
            for (int i = from + o; i < to + o; i++) {
                double s = 0;
                for (int j = 0; j < a.length; j++) {
                    s += a[j] * k[j][i];
                }
                stage[i] = m[i] + stepSize * s;
            }
        }
    }

    private void normalize(int from, int to, int w) {
        normalize(stage, from, to);
    }

    /** Renormalizes the cells [from, to) of a vector field to unit length. */
    static void normalize(double[] v, int from, int to) {
        int n = v.length / 3;
        for (int i = from; i < to; i++) {
            double len = Math.sqrt(v[i] * v[i] + v[n + i] * v[n + i] + v[2 * n + i] * v[2 * n + i]);
            v[i] /= len;
            v[n + i] /= len;
            v[2 * n + i] /= len;
        }
    }

    private void error(int from, int to, int w) {
        int n = m.length / 3;
        double max = 0;
        for (int i = from; i < to; i++) {
            double e2 = 0;
            for (int c = 0; c < 3; c++) {
                int idx = c * n + i;
                double s = 0;
                for (int j = 0; j < 7; j++) {
                    s += E[j] * k[j][idx];
                }
                e2 += s * s;
            }
            if (Double.isNaN(e2)) {
                e2 = Double.POSITIVE_INFINITY; // a blown-up step is rejected
            }
            max = Math.max(max, e2);
        }
        partialMax[w] = Math.sqrt(max);
    }
}
