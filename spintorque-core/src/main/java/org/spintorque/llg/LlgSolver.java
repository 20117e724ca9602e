package org.spintorque.llg;

/**
 * Time integration of one magnetization on its grid: relaxation to equilibrium and dynamics over a time
 * window with samples at fixed intervals. The magnetization array is owned by the solver and updated in place.
 */
public final class LlgSolver {
    /** Receives the state at the sample times (t = 0 included); must not keep {@code m}. */
    @FunctionalInterface
    public interface Observer {
        void sample(double t, double[] m);
    }

    /**
     * How a relaxation or a run ended.
     *
     * @param time          time reached [s]
     * @param steps         accepted steps
     * @param rejected      rejected steps
     * @param maxTorque     max |m x H_eff| at the end [A/m]
     * @param completed     whether the requested end (time or torque) was reached
     * @param message       why it stopped early (empty when completed)
     */
    public record Outcome(double time, long steps, long rejected, double maxTorque, boolean completed, String message) { }

    private final LlgEquation equation;
    private final double[] m;
    private final WorkerPool pool;
    private double minStep = 1e-22;

    public LlgSolver(LlgEquation equation, double[] initial, WorkerPool pool) {
        if (initial.length != 3 * equation.grid().cells()) {
            throw new IllegalArgumentException("initial magnetization has " + initial.length / 3 + " cells, the grid "
                    + equation.grid().cells());
        }
        this.equation = equation;
        this.m = initial.clone();
        InitialState.normalize(this.m);
        this.pool = pool;
    }

    /** The smallest time step [s] the controller may take before it gives up (default 1e-22 s). */
    public void setMinStep(double step) {
        minStep = step;
    }

    public LlgEquation equation() {
        return equation;
    }

    /** The current magnetization (live array). */
    public double[] magnetization() {
        return m;
    }

    /**
     * Relaxes without precession and current (see {@link LlgEquation}) until max |m x H| &lt;
     * {@code torqueTolerance} [A/m] or {@code maxTime} [s] of relaxation time has passed.
     */
    public Outcome relax(double torqueTolerance, double errorTolerance, double maxTime, Observer everyStep) {
        DormandPrince rk = new DormandPrince(equation, errorTolerance, true, pool);
        double t = 0;
        double torque = torque();
        try {
            while (torque >= torqueTolerance && t < maxTime) {
                t += rk.step(m, maxTime - t);
                if (everyStep != null) {
                    everyStep.sample(t, m);
                }
                torque = torque();
            }
        } catch (ToleranceException e) {
            return new Outcome(t, rk.acceptedSteps(), rk.rejectedSteps(), torque, false, e.getMessage());
        }
        boolean done = torque < torqueTolerance;
        return new Outcome(t, rk.acceptedSteps(), rk.rejectedSteps(), torque, done,
                done ? "" : "relaxation stopped at its time limit " + maxTime + " s with max |m x H| = " + torque
                        + " A/m above the tolerance " + torqueTolerance + " A/m");
    }

    /**
     * Minimizes the energy by steepest descent on the unit sphere with Barzilai-Borwein step lengths
     * (Barzilai and Borwein, IMA J. Numer. Anal. 8, 141 (1988)): {@code m <- normalize(m + tau H_perp)} with
     * {@code H_perp = -m x (m x H)}, the descent direction of E(m), and tau alternating between the two BB
     * estimates {@code s.s / s.y} and {@code s.y / y.y} (s the change of m, y of -H_perp). One field evaluation
     * per iteration instead of the seven of a Runge-Kutta step, and no time scale set by the stiffest mode, so
     * it reaches a low torque far sooner than damped dynamics; the energy is not monotone from iteration to
     * iteration. Stops when max |m x H| &lt; {@code torqueTolerance} [A/m] or after {@code maxIterations}.
     */
    public Outcome minimize(double torqueTolerance, long maxIterations) {
        int size = m.length;
        double[] gOld = new double[size];
        double[] g = new double[size];
        double[] mOld = new double[size];
        double torque = descent(g);
        double tau = 1e-3 / Math.max(torque, 1e-300);
        long it = 0;
        while (torque >= torqueTolerance && it < maxIterations) {
            System.arraycopy(m, 0, mOld, 0, size);
            System.arraycopy(g, 0, gOld, 0, size);
            for (int i = 0; i < size; i++) {
                m[i] += tau * g[i];
            }
            InitialState.normalize(m);
            torque = descent(g);
            it++;
            double ss = 0;
            double sy = 0;
            double yy = 0;
            for (int i = 0; i < size; i++) {
                double si = m[i] - mOld[i];
                double yi = gOld[i] - g[i];
                ss += si * si;
                sy += si * yi;
                yy += yi * yi;
            }
            if (sy > 0) {
                tau = (it & 1) == 0 ? ss / sy : sy / yy;
            } else {
                tau = 1e-3 / Math.max(torque, 1e-300); // curvature lost: restart with a short step
            }
        }
        boolean done = torque < torqueTolerance;
        return new Outcome(0, it, 0, torque, done, done ? "" : "energy minimization stopped after " + it
                + " iterations with max |m x H| = " + torque + " A/m above the tolerance " + torqueTolerance + " A/m");
    }

    /** H_perp = H - (m . H) m into g; returns max |m x H|. */
    private double descent(double[] g) {
        equation.effectiveField(m);
        double[] h = equation.field();
        int n = m.length / 3;
        double max = 0;
        for (int i = 0; i < n; i++) {
            double mh = m[i] * h[i] + m[n + i] * h[n + i] + m[2 * n + i] * h[2 * n + i];
            double gx = h[i] - mh * m[i];
            double gy = h[n + i] - mh * m[n + i];
            double gz = h[2 * n + i] - mh * m[2 * n + i];
            g[i] = gx;
            g[n + i] = gy;
            g[2 * n + i] = gz;
            max = Math.max(max, gx * gx + gy * gy + gz * gz);
        }
        return Math.sqrt(max);
    }

    /**
     * Integrates eq. (2) of {@link LlgEquation} for {@code duration} seconds, sampling every {@code interval}
     * (and at t = 0). When the controller cannot meet the tolerance it stops and reports the time reached.
     */
    public Outcome run(double duration, double interval, double errorTolerance, Observer observer) {
        DormandPrince rk = new DormandPrince(equation, errorTolerance, false, pool);
        rk.setMinStep(minStep);
        double t = 0;
        observer.sample(0, m);
        long samples = Math.max(1, Math.round(duration / interval));
        try {
            for (long s = 1; s <= samples; s++) {
                double target = Math.min(duration, s * interval);
                while (t < target * (1 - 1e-12)) {
                    t += rk.step(m, target - t);
                }
                t = target;
                observer.sample(t, m);
            }
        } catch (ToleranceException e) {
            return new Outcome(t, rk.acceptedSteps(), rk.rejectedSteps(), torque(), false,
                    "stopped at t = " + t + " s: " + e.getMessage());
        }
        return new Outcome(t, rk.acceptedSteps(), rk.rejectedSteps(), torque(), true, "");
    }

    /** max |m x H_eff| [A/m] at the current state. */
    public double torque() {
        equation.effectiveField(m);
        return equation.maxTorqueField(m);
    }

    /** Cell average of each component. */
    public static double[] average(double[] m) {
        int n = m.length / 3;
        double[] a = new double[3];
        for (int c = 0; c < 3; c++) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += m[c * n + i];
            }
            a[c] = s / n;
        }
        return a;
    }

    /**
     * Position [m] of a single wall along x between domains magnetized along +-x, from the average:
     * {@code <m_x> = sign (2q - L)/L} (sign +1 head-to-head, -1 tail-to-tail), exact for a sharp wall and
     * for any wall profile that is odd about its centre, so it resolves sub-cell motion.
     */
    public static double wallPosition(Grid grid, double[] m, int sign) {
        return grid.lengthX() / 2 * (1 + sign * average(m)[0]);
    }
}
