package org.spintorque.dynamics;

/**
 * The embedded Runge-Kutta pair of Dormand and Prince (J. Comput. Appl. Math. 6, 19 (1980)): a fifth-order
 * solution with a fourth-order one for the error estimate, first-same-as-last, with the usual step-size
 * control {@code h_new = h min(5, max(0.2, 0.9 err^(-1/5)))} on the weighted RMS error
 * {@code err = rms(e_i / (atol + rtol max(|y_i|, |y_i'|)))}. Local extrapolation: the fifth-order solution is
 * propagated.
 *
 * <p>One instance integrates one trajectory at a time (it keeps work arrays and step counts); make one per
 * thread.
 */
public final class DormandPrince45 {
    /** The right-hand side dy/dt = f(t, y). */
    @FunctionalInterface
    public interface Equation {
        void derivative(double t, double[] y, double[] dydt);
    }

    /** Sees every accepted step (the arrays must not be kept: they are reused). */
    @FunctionalInterface
    public interface StepListener {
        void accepted(double t0, double[] y0, double t1, double[] y1);
    }

    /** The controller could not meet the tolerance: the step fell below the smallest allowed. */
    public static final class StepSizeException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final double timeReached;

        StepSizeException(String message, double timeReached) {
            super(message);
            this.timeReached = timeReached;
        }

        /** The time up to which the solution was integrated within tolerance. */
        public double timeReached() {
            return timeReached;
        }
    }

    private static final double C2 = 1.0 / 5, C3 = 3.0 / 10, C4 = 4.0 / 5, C5 = 8.0 / 9;
    private static final double A21 = 1.0 / 5;
    private static final double A31 = 3.0 / 40, A32 = 9.0 / 40;
    private static final double A41 = 44.0 / 45, A42 = -56.0 / 15, A43 = 32.0 / 9;
    private static final double A51 = 19372.0 / 6561, A52 = -25360.0 / 2187, A53 = 64448.0 / 6561,
            A54 = -212.0 / 729;
    private static final double A61 = 9017.0 / 3168, A62 = -355.0 / 33, A63 = 46732.0 / 5247, A64 = 49.0 / 176,
            A65 = -5103.0 / 18656;
    private static final double B1 = 35.0 / 384, B3 = 500.0 / 1113, B4 = 125.0 / 192, B5 = -2187.0 / 6784,
            B6 = 11.0 / 84;
    // b - b* (fifth minus fourth order weights)
    private static final double E1 = 71.0 / 57600, E3 = -71.0 / 16695, E4 = 71.0 / 1920, E5 = -17253.0 / 339200,
            E6 = 22.0 / 525, E7 = -1.0 / 40;

    private final double rtol;
    private final double atol;
    private final double[] k1, k2, k3, k4, k5, k6, k7, tmp, next;
    private long accepted;
    private long rejected;
    private boolean k1Valid;

    /**
     * @param dimension the number of unknowns
     * @param rtol      relative tolerance per step, in (0, 0.1]
     * @param atol      absolute tolerance per step (in the units of y), &gt; 0
     */
    public DormandPrince45(int dimension, double rtol, double atol) {
        if (!(rtol > 0 && rtol <= 0.1) || !(atol > 0)) {
            throw new IllegalArgumentException("tolerances rtol = " + rtol + ", atol = " + atol
                    + ": need 0 < rtol <= 0.1 and atol > 0");
        }
        this.rtol = rtol;
        this.atol = atol;
        k1 = new double[dimension];
        k2 = new double[dimension];
        k3 = new double[dimension];
        k4 = new double[dimension];
        k5 = new double[dimension];
        k6 = new double[dimension];
        k7 = new double[dimension];
        tmp = new double[dimension];
        next = new double[dimension];
    }

    public long acceptedSteps() {
        return accepted;
    }

    public long rejectedSteps() {
        return rejected;
    }

    /**
     * One step of size h from (t, y) without control: writes the fifth-order y(t + h) to {@code out} and
     * returns the weighted RMS error estimate (&lt;= 1 means within tolerance). Leaves y unchanged.
     */
    public double step(Equation f, double t, double[] y, double h, double[] out) {
        f.derivative(t, y, k1);
        k1Valid = false;
        return stepFromK1(f, t, y, h, out);
    }

    private double stepFromK1(Equation f, double t, double[] y, double h, double[] out) {
        int n = y.length;
        for (int i = 0; i < n; i++) {
            tmp[i] = y[i] + h * A21 * k1[i];
        }
        f.derivative(t + C2 * h, tmp, k2);
        for (int i = 0; i < n; i++) {
            tmp[i] = y[i] + h * (A31 * k1[i] + A32 * k2[i]);
        }
        f.derivative(t + C3 * h, tmp, k3);
        for (int i = 0; i < n; i++) {
            tmp[i] = y[i] + h * (A41 * k1[i] + A42 * k2[i] + A43 * k3[i]);
        }
        f.derivative(t + C4 * h, tmp, k4);
        for (int i = 0; i < n; i++) {
            tmp[i] = y[i] + h * (A51 * k1[i] + A52 * k2[i] + A53 * k3[i] + A54 * k4[i]);
        }
        f.derivative(t + C5 * h, tmp, k5);
        for (int i = 0; i < n; i++) {
            tmp[i] = y[i] + h * (A61 * k1[i] + A62 * k2[i] + A63 * k3[i] + A64 * k4[i] + A65 * k5[i]);
        }
        f.derivative(t + h, tmp, k6);
        for (int i = 0; i < n; i++) {
            out[i] = y[i] + h * (B1 * k1[i] + B3 * k3[i] + B4 * k4[i] + B5 * k5[i] + B6 * k6[i]);
        }
        f.derivative(t + h, out, k7);
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double e = h * (E1 * k1[i] + E3 * k3[i] + E4 * k4[i] + E5 * k5[i] + E6 * k6[i] + E7 * k7[i]);
            double scale = atol + rtol * Math.max(Math.abs(y[i]), Math.abs(out[i]));
            sum += (e / scale) * (e / scale);
        }
        return Math.sqrt(sum / n);
    }

    /**
     * Integrates y from t to tEnd in place with error control; the last step is shortened to end exactly at
     * tEnd.
     *
     * @param h        the first trial step (e.g. the value returned by the previous call), &gt; 0
     * @param listener sees every accepted step, or null
     * @return the step size the controller proposes next (to continue with)
     * @throws StepSizeException when the step falls below 1e-12 of the interval's scale; y then holds the
     *                           solution at {@link StepSizeException#timeReached()}
     */
    public double advance(Equation f, double t, double[] y, double tEnd, double h, StepListener listener) {
        if (!(h > 0)) {
            throw new IllegalArgumentException("initial step " + h + " must be > 0");
        }
        double minStep = 1e-12 * Math.max(Math.abs(tEnd), Math.abs(tEnd - t));
        k1Valid = false;
        while (t < tEnd) {
            boolean last = t + h >= tEnd;
            double hTry = last ? tEnd - t : h;
            if (!k1Valid) {
                f.derivative(t, y, k1);
            }
            double err = stepFromK1(f, t, y, hTry, next);
            double factor = err == 0 ? 5 : Math.min(5, Math.max(0.2, 0.9 * Math.pow(err, -0.2)));
            if (err <= 1 && allFinite(next)) {
                double t1 = last ? tEnd : t + hTry;
                if (listener != null) {
                    listener.accepted(t, y, t1, next);
                }
                System.arraycopy(next, 0, y, 0, y.length);
                System.arraycopy(k7, 0, k1, 0, k1.length); // first same as last
                k1Valid = true;
                t = t1;
                accepted++;
                if (!last || hTry >= h) {
                    h = hTry * factor;
                }
            } else {
                rejected++;
                k1Valid = true; // k1 still belongs to (t, y)
                h = hTry * (allFinite(next) ? Math.min(factor, 0.9) : 0.2);
                if (h < minStep) {
                    throw new StepSizeException("the step size fell to " + h + " at t = " + t
                            + " without meeting the tolerance (rtol " + rtol + ", atol " + atol + ")", t);
                }
            }
        }
        return h;
    }

    private static boolean allFinite(double[] v) {
        for (double d : v) {
            if (!Double.isFinite(d)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "DormandPrince45[rtol=" + rtol + ", atol=" + atol + ", accepted=" + accepted + ", rejected="
                + rejected + "]";
    }
}
