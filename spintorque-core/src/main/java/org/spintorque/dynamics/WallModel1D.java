package org.spintorque.dynamics;

import java.util.ArrayList;
import java.util.List;

/**
 * The 1D collective-coordinate model of a domain wall (Slonczewski; Schryer and Walker, J. Appl. Phys. 45,
 * 5406 (1974); with the Zhang-Li torque: Tatara and Kohno, PRL 92, 086601 (2004); Thiaville et al.,
 * Europhys. Lett. 69, 990 (2005)). The wall along x separates the domain m = +e (x &lt; q) from m = -e
 * (x &gt; q), e the easy axis; its profile is {@code theta = 2 atan exp((x - q)/Delta)} with
 * {@code Delta = sqrt(A/K)} and its magnetization leaves the easy axis at the azimuth phi, measured from the
 * plane that avoids the hard axis (phi = 0: the wall's lowest-energy type, Neel or Bloch by geometry).
 * Inserting this profile into
 * {@code dm/dt = -gamma0 m x H_eff + alpha m x dm/dt - (u . grad) m + beta m x (u . grad) m} and projecting
 * gives (eqs. M1, M2)
 *
 * <pre>
 *   dphi/dt + alpha (dq/dt)/Delta = gamma0 H + beta u / Delta
 *   (dq/dt)/Delta - alpha dphi/dt = u / Delta + (gamma0 H_perp / 2) sin 2 phi,    H_perp = 2 K_perp / (mu0 M_s)
 * </pre>
 *
 * with H the applied field along +e (it grows the x &lt; q domain: the wall moves to +x) and u the spin drift
 * velocity along +x (the wall moves with the electrons). Solved for the rates:
 * {@code (1 + alpha^2) dq/dt / Delta = b + alpha a} and {@code (1 + alpha^2) dphi/dt = a - alpha b} with
 * {@code a = gamma0 H + beta u/Delta} and {@code b = u/Delta + (gamma0 H_perp/2) sin 2 phi}. The closed-form
 * consequences are in {@link WallTheory}.
 *
 * <p>The equations are integrated from the equilibrium wall (q = 0, phi = 0) with {@link DormandPrince45}
 * in the variables (q/Delta, phi). The time-averaged velocity is measured over whole periods of phi when the
 * wall precesses (each period ends where phi crosses the next multiple of pi, located to the integration
 * tolerance), and as the final dq/dt when it reaches a steady state.
 */
public final class WallModel1D {
    /** Periods simulated above breakdown when the duration is automatic. */
    static final int AUTO_PERIODS = 6;
    /** Relaxation times simulated below breakdown when the duration is automatic (e^-40 of the transient). */
    static final double AUTO_RELAXATION_TIMES = 40;

    /**
     * @param duration  the time simulated [s], or NaN for automatic (6 periods above breakdown, 40 relaxation
     *                  times below, at most 1e5 of the model's fastest time scale)
     * @param samples   trajectory samples (uniform in time, both ends included), &gt;= 2
     * @param tolerance relative and absolute tolerance of each step (on q/Delta and phi)
     */
    public record Options(double duration, int samples, double tolerance) {
        public static final Options DEFAULT = new Options(Double.NaN, 1001, 1e-9);

        public Options {
            if (samples < 2) {
                throw new IllegalArgumentException("samples = " + samples + " must be >= 2");
            }
            if (!Double.isNaN(duration) && !(duration > 0)) {
                throw new IllegalArgumentException("duration = " + duration + " s must be > 0");
            }
        }
    }

    private final WallTheory theory;
    private final double a;
    private final double halfRate;
    private final double u;
    private final double delta;
    private final double alpha;

    public WallModel1D(WallTheory theory) {
        this.theory = theory;
        this.delta = theory.wallWidth();
        this.alpha = theory.alpha();
        this.u = theory.u();
        this.a = theory.gamma0() * theory.field() + theory.beta() * u / delta;
        this.halfRate = theory.gamma0() * theory.hardAxisField() / 2;
    }

    public WallTheory theory() {
        return theory;
    }

    /** Eqs. (M1, M2): the rates d(q/Delta)/dt and dphi/dt at angle phi [1/s]. */
    void rates(double phi, double[] out) {
        double b = u / delta + halfRate * Math.sin(2 * phi);
        double norm = 1 + alpha * alpha;
        out[0] = (b + alpha * a) / norm;
        out[1] = (a - alpha * b) / norm;
    }

    /** The fastest rate of the model [1/s], the scale of automatic durations. */
    double timeScaleRate() {
        double r = Math.max(Math.abs(a), Math.max(Math.abs(u / delta), halfRate)) / (1 + alpha * alpha);
        return r > 0 ? r : 1e9;
    }

    /** The automatic duration [s]. */
    double autoDuration() {
        double cap = 1e5 / timeScaleRate();
        if (theory.belowBreakdown()) {
            double lambda = theory.relaxationRate();
            if (Math.abs(theory.angleDrive()) == 0 && halfRate == 0) {
                return 100 / timeScaleRate(); // nothing drives the wall
            }
            return lambda > 0 ? Math.min(cap, AUTO_RELAXATION_TIMES / lambda) : cap;
        }
        return Math.min(cap, AUTO_PERIODS * theory.precessionPeriod());
    }

    /** Integrates the wall from q = 0, phi = 0 and measures its velocity. */
    public WallMotion simulate(Options options) {
        double duration = Double.isNaN(options.duration()) ? autoDuration() : options.duration();
        List<String> warnings = new ArrayList<>();
        DormandPrince45.Equation f = (t, y, dy) -> rates(y[1], dy);
        DormandPrince45 stepper = new DormandPrince45(2, options.tolerance(), options.tolerance());
        DormandPrince45 locator = new DormandPrince45(2, options.tolerance(), options.tolerance());
        int n = options.samples();
        double[] times = new double[n];
        double[] q = new double[n];
        double[] phi = new double[n];
        double[] v = new double[n];
        double[] y = {0, 0};
        double[] dy = new double[2];
        List<double[]> crossings = new ArrayList<>(); // (t, q/Delta) where phi reaches the next multiple of pi
        DormandPrince45.StepListener events = (t0, y0, t1, y1) -> {
            long k0 = (long) (y0[1] / Math.PI);
            long k1 = (long) (y1[1] / Math.PI);
            if (k1 != k0 && Math.abs(k1) > Math.abs(k0)) {
                crossings.add(locate(locator, f, t0, y0, t1 - t0, k1 * Math.PI));
            }
        };
        double h = Math.min(duration / (n - 1), 0.01 / timeScaleRate());
        double t = 0;
        record(0, 0, y, times, q, phi, v, dy);
        for (int i = 1; i < n; i++) {
            double tNext = duration * i / (n - 1);
            h = stepper.advance(f, t, y, tNext, h, events);
            t = tNext;
            record(i, t, y, times, q, phi, v, dy);
        }
        rates(y[1], dy);
        double finalAngleRate = dy[1];
        double velocity;
        String regime;
        int periods = crossings.size();
        double meanPeriod = Double.NaN;
        if (periods >= 1) {
            double[] last = crossings.get(periods - 1);
            velocity = delta * last[1] / last[0];
            meanPeriod = last[0] / periods;
            regime = "precessing";
        } else if (Math.abs(finalAngleRate) <= 1e-6 * timeScaleRate()) {
            velocity = delta * dy[0];
            regime = "steady";
        } else {
            velocity = delta * y[0] / duration;
            regime = "transient";
            warnings.add("within " + duration + " s the wall angle neither settled nor completed a period "
                    + "(dphi/dt = " + finalAngleRate + " rad/s at the end); the velocity is q(t_end)/t_end; "
                    + "increase [time] duration");
        }
        boolean theoryBelow = theory.belowBreakdown();
        if (regime.equals("precessing") == theoryBelow || (regime.equals("steady") && !theoryBelow)) {
            warnings.add("the simulated regime (" + regime + ") differs from the closed form ("
                    + (theoryBelow ? "steady" : "precessing") + "): the drive is close to Walker breakdown");
        }
        return new WallMotion(theory, times, q, phi, v, velocity, regime, periods, meanPeriod, finalAngleRate,
                duration, stepper.acceptedSteps(), stepper.rejectedSteps(), warnings);
    }

    private void record(int i, double t, double[] y, double[] times, double[] q, double[] phi, double[] v,
                        double[] dy) {
        rates(y[1], dy);
        times[i] = t;
        q[i] = y[0] * delta;
        phi[i] = y[1];
        v[i] = dy[0] * delta;
    }

    /**
     * The time and q/Delta at which phi reaches {@code target} inside the accepted step from (t0, y0) of
     * length h: regula falsi (Illinois) on single steps from (t0, y0), each as accurate as the accepted step.
     */
    private static double[] locate(DormandPrince45 stepper, DormandPrince45.Equation f, double t0, double[] y0,
                                   double h, double target) {
        double[] start = y0.clone();
        double[] out = new double[2];
        double lo = 0;
        double hi = h;
        double gLo = start[1] - target;
        stepper.step(f, t0, start, hi, out);
        double gHi = out[1] - target;
        double qAt = out[0];
        double sAt = hi;
        int side = 0;
        for (int it = 0; it < 100; it++) {
            double s = (lo * gHi - hi * gLo) / (gHi - gLo);
            if (!(s > lo && s < hi)) {
                s = 0.5 * (lo + hi);
            }
            stepper.step(f, t0, start, s, out);
            double g = out[1] - target;
            qAt = out[0];
            sAt = s;
            if (Math.abs(g) <= 1e-13 * Math.max(1, Math.abs(target)) || hi - lo <= 1e-15 * h) {
                break;
            }
            if (Math.signum(g) == Math.signum(gLo)) {
                lo = s;
                gLo = g;
                if (side == -1) {
                    gHi /= 2;
                }
                side = -1;
            } else {
                hi = s;
                gHi = g;
                if (side == 1) {
                    gLo /= 2;
                }
                side = 1;
            }
        }
        return new double[] {t0 + sAt, qAt};
    }
}
