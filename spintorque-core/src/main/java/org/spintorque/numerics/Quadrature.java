package org.spintorque.numerics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.function.DoubleUnaryOperator;

/**
 * Globally adaptive Gauss–Kronrod quadrature (7-point Gauss embedded in the 15-point Kronrod rule).
 *
 * <p>The interval {@code [a, b]} is first cut at the user's breakpoints; then the sub-interval with the
 * largest error estimate is bisected until the summed error estimate satisfies
 * {@code error <= max(absTol, relTol * |value|)} (or {@code relTol * int |f|}, see {@link RelativeTo}), or
 * the interval budget is spent ({@link Result#converged()} is then false).
 *
 * <p>Breakpoints matter: a feature much narrower than an interval (a Lorentzian of width gamma far from
 * every Kronrod node) is invisible to the rule, so callers must put a breakpoint at every narrow peak, kink
 * or integrable singularity they know of, and for a narrow peak at an interval end also at a few multiples
 * of its width (the nearest node is 0.4% of the interval length away from the end). The nodes are
 * rounded to doubles, so a peak of width w centred at c cannot be integrated to better than about
 * {@code ulp(c)/w} relative accuracy; integrands should compute their distance to the peak accurately.
 *
 * <p>Vector-valued integrands are integrated on one common set of intervals; the tolerance is applied to
 * each component separately, so one evaluation of an expensive common factor serves all components.
 *
 * <p>Per-interval error estimate: {@code |K15 - G7|}, sharpened and bounded below by a round-off floor in
 * the usual way for this rule pair (an estimate scaled by the integrand's variation on the interval, and
 * never below {@code 50 eps} times the integral of {@code |f|}).
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class Quadrature {

    /** Default upper limit on the number of sub-intervals. */
    public static final int DEFAULT_MAX_INTERVALS = 20_000;

    /** Kronrod abscissae on [-1, 1] (non-negative half, descending); odd indices are the Gauss nodes. */
    private static final double[] XGK = {
        0.991455371120812639206854697526329,
        0.949107912342758524526189684047851,
        0.864864423359769072789712788640926,
        0.741531185599394439863864773280788,
        0.586087235467691130294144845693013,
        0.405845151377397166906606412076961,
        0.207784955007898467600689403773245,
        0.000000000000000000000000000000000,
    };
    /** Kronrod weights belonging to {@link #XGK}. */
    private static final double[] WGK = {
        0.022935322010529224963732008058970,
        0.063092092629978553290700663189204,
        0.104790010322250183839876322541518,
        0.140653259715525918745189590510238,
        0.169004726639267902826583426598550,
        0.190350578064785409913256402421014,
        0.204432940075298892414161999234649,
        0.209482141084727828012999174891714,
    };
    /** Gauss weights for the nodes XGK[1], XGK[3], XGK[5], XGK[7]. */
    private static final double[] WG = {
        0.129484966168869693270611432679082,
        0.279705391489276667901467771423780,
        0.381830050505118944950369775488975,
        0.417959183673469387755102040816327,
    };
    private static final int NODES = 15;
    private static final double EPS = Math.ulp(1.0);

    /** What the relative tolerance is relative to. */
    public enum RelativeTo {
        /** {@code |int f|}: the usual choice. */
        INTEGRAL,
        /**
         * {@code int |f|}: for integrands whose positive and negative parts (nearly) cancel, where a
         * tolerance relative to the (small) result cannot be reached through round-off.
         */
        INTEGRAL_OF_ABS
    }

    /** A vector-valued integrand: writes the {@code out.length} component values at {@code x}. */
    @FunctionalInterface
    public interface VectorIntegrand {
        /**
         * @param x   abscissa
         * @param out destination of the component values (length = dimension of the integral)
         */
        void evaluate(double x, double[] out);
    }

    /**
     * Result of a scalar integral.
     *
     * @param value       the integral
     * @param error       absolute error estimate
     * @param evaluations number of integrand evaluations
     * @param converged   whether the requested tolerance was reached
     */
    public record Result(double value, double error, int evaluations, boolean converged) {
        /** @return {@code error / |value|} (infinite if the value is 0 and the error is not) */
        public double relativeError() {
            return relative(value, error);
        }
    }

    /**
     * Result of a vector-valued integral.
     *
     * @param values      the component integrals
     * @param errors      absolute error estimates per component
     * @param evaluations number of integrand evaluations (each one yields all components)
     * @param converged   whether every component reached the requested tolerance
     */
    public record VectorResult(double[] values, double[] errors, int evaluations, boolean converged) {
        // Defensive copies: the record is a value.
        public VectorResult {
            values = values.clone();
            errors = errors.clone();
        }

        /** @return a copy of the component integrals */
        @Override
        public double[] values() {
            return values.clone();
        }

        /** @return a copy of the error estimates */
        @Override
        public double[] errors() {
            return errors.clone();
        }

        /**
         * @param i component index
         * @return component {@code i} of the integral
         */
        public double value(int i) {
            return values[i];
        }

        /**
         * @param i component index
         * @return absolute error estimate of component {@code i}
         */
        public double error(int i) {
            return errors[i];
        }

        /** @return the largest {@code error_i / |value_i|} over the components */
        public double maxRelativeError() {
            double worst = 0.0;
            for (int i = 0; i < values.length; i++) {
                worst = Math.max(worst, relative(values[i], errors[i]));
            }
            return worst;
        }
    }

    private final double absTol;
    private final double relTol;
    private final int maxIntervals;
    private final RelativeTo relativeTo;

    /**
     * @param absTol       absolute tolerance (>= 0)
     * @param relTol       relative tolerance (>= 0); at least one of the two must be positive
     * @param maxIntervals upper limit on the number of sub-intervals (>= 1)
     * @param relativeTo   what relTol refers to
     */
    public Quadrature(double absTol, double relTol, int maxIntervals, RelativeTo relativeTo) {
        if (!(absTol >= 0.0) || !(relTol >= 0.0) || Double.isInfinite(absTol) || Double.isInfinite(relTol)) {
            throw new IllegalArgumentException("tolerances must be finite and >= 0, got absTol=" + absTol
                    + ", relTol=" + relTol);
        }
        if (absTol == 0.0 && relTol == 0.0) {
            throw new IllegalArgumentException("absTol and relTol cannot both be 0");
        }
        if (maxIntervals < 1) {
            throw new IllegalArgumentException("maxIntervals must be >= 1, got " + maxIntervals);
        }
        this.absTol = absTol;
        this.relTol = relTol;
        this.maxIntervals = maxIntervals;
        this.relativeTo = Objects.requireNonNull(relativeTo, "relativeTo");
    }

    /**
     * @param absTol       absolute tolerance (>= 0)
     * @param relTol       relative tolerance (>= 0), relative to {@code |int f|}
     * @param maxIntervals upper limit on the number of sub-intervals (>= 1)
     */
    public Quadrature(double absTol, double relTol, int maxIntervals) {
        this(absTol, relTol, maxIntervals, RelativeTo.INTEGRAL);
    }

    /**
     * @param absTol absolute tolerance (>= 0)
     * @param relTol relative tolerance (>= 0), relative to {@code |int f|}
     */
    public Quadrature(double absTol, double relTol) {
        this(absTol, relTol, DEFAULT_MAX_INTERVALS);
    }

    /** @return the absolute tolerance */
    public double absTol() {
        return absTol;
    }

    /** @return the relative tolerance */
    public double relTol() {
        return relTol;
    }

    /**
     * Integral of {@code f} over {@code [a, b]}.
     *
     * @param f           integrand (must be finite at every interior point)
     * @param a           lower limit
     * @param b           upper limit ({@code b < a} gives minus the integral over {@code [b, a]})
     * @param breakpoints points where {@code f} has a narrow peak, kink or singularity; points outside
     *                    {@code (a, b)} are ignored
     * @return the integral with its error estimate
     */
    public Result integrate(DoubleUnaryOperator f, double a, double b, double... breakpoints) {
        VectorResult r = integrate((x, out) -> out[0] = f.applyAsDouble(x), 1, a, b, breakpoints);
        return new Result(r.value(0), r.error(0), r.evaluations(), r.converged());
    }

    /**
     * Component-wise integral of a vector-valued integrand over {@code [a, b]}.
     *
     * @param f           integrand
     * @param dimension   number of components (>= 1)
     * @param a           lower limit
     * @param b           upper limit ({@code b < a} reverses the sign)
     * @param breakpoints see {@link #integrate(DoubleUnaryOperator, double, double, double...)}
     * @return component integrals with error estimates
     */
    public VectorResult integrate(VectorIntegrand f, int dimension, double a, double b, double... breakpoints) {
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension must be >= 1, got " + dimension);
        }
        if (!Double.isFinite(a) || !Double.isFinite(b)) {
            throw new IllegalArgumentException("limits must be finite (use integrateToInfinity), got [" + a + ", "
                    + b + "]");
        }
        if (a == b) {
            return new VectorResult(new double[dimension], new double[dimension], 0, true);
        }
        if (b < a) {
            VectorResult r = integrate(f, dimension, b, a, breakpoints);
            double[] v = r.values();
            for (int i = 0; i < v.length; i++) {
                v[i] = -v[i];
            }
            return new VectorResult(v, r.errors(), r.evaluations(), r.converged());
        }
        return adapt(f, dimension, edges(a, b, breakpoints));
    }

    /**
     * Integral of {@code f} over {@code [a, infinity)}, by the substitution {@code x = a + (1 - u)/u},
     * {@code u in (0, 1]}. An integrand decaying like {@code x^-2} (or faster) becomes bounded in
     * {@code u}, so the rule converges quickly.
     *
     * @param f           integrand
     * @param a           finite lower limit
     * @param breakpoints special points in {@code (a, infinity)}
     * @return the integral with its error estimate
     */
    public Result integrateToInfinity(DoubleUnaryOperator f, double a, double... breakpoints) {
        VectorResult r = integrateToInfinity((x, out) -> out[0] = f.applyAsDouble(x), 1, a, breakpoints);
        return new Result(r.value(0), r.error(0), r.evaluations(), r.converged());
    }

    /**
     * Vector version of {@link #integrateToInfinity(DoubleUnaryOperator, double, double...)}.
     *
     * @param f           integrand
     * @param dimension   number of components
     * @param a           finite lower limit
     * @param breakpoints special points in {@code (a, infinity)}
     * @return component integrals with error estimates
     */
    public VectorResult integrateToInfinity(VectorIntegrand f, int dimension, double a, double... breakpoints) {
        if (!Double.isFinite(a)) {
            throw new IllegalArgumentException("lower limit must be finite, got " + a);
        }
        double[] mapped = new double[breakpoints.length];
        for (int i = 0; i < breakpoints.length; i++) {
            double x = breakpoints[i];
            mapped[i] = x > a && Double.isFinite(x) ? 1.0 / (1.0 + (x - a)) : -1.0;
        }
        VectorIntegrand g = (u, out) -> {
            double x = a + (1.0 - u) / u;
            f.evaluate(x, out);
            double jac = 1.0 / (u * u);
            for (int i = 0; i < out.length; i++) {
                out[i] *= jac;
            }
        };
        return integrate(g, dimension, 0.0, 1.0, mapped);
    }

    // ---------------------------------------------------------------------------------------------------

    private static double relative(double value, double error) {
        if (error == 0.0) {
            return 0.0;
        }
        return value == 0.0 ? Double.POSITIVE_INFINITY : error / Math.abs(value);
    }

    private static double[] edges(double a, double b, double[] breakpoints) {
        double[] inner = Arrays.stream(breakpoints).filter(x -> x > a && x < b).sorted().distinct().toArray();
        double[] e = new double[inner.length + 2];
        e[0] = a;
        System.arraycopy(inner, 0, e, 1, inner.length);
        e[e.length - 1] = b;
        return e;
    }

    /** One sub-interval with its K15 estimate and error estimate per component. */
    private static final class Segment {
        final double lo;
        final double hi;
        final double[] value;
        final double[] error;
        final double[] magnitude;
        double priority;
        boolean replaced;

        Segment(double lo, double hi, int dim) {
            this.lo = lo;
            this.hi = hi;
            this.value = new double[dim];
            this.error = new double[dim];
            this.magnitude = new double[dim];
        }

        boolean splittable() {
            double mid = 0.5 * (lo + hi);
            // Below this width the 15 nodes are no longer distinct doubles: further bisection is futile.
            return mid > lo && mid < hi && (hi - lo) > 64.0 * Math.ulp(Math.max(Math.abs(lo), Math.abs(hi)));
        }
    }

    private VectorResult adapt(VectorIntegrand f, int dim, double[] edges) {
        double[][] scratch = new double[NODES][dim];
        int evaluations = 0;
        List<Segment> all = new ArrayList<>();
        for (int i = 0; i + 1 < edges.length; i++) {
            Segment s = new Segment(edges[i], edges[i + 1], dim);
            rule(f, s, scratch);
            evaluations += NODES;
            all.add(s);
        }
        double[] total = new double[dim];
        double[] totalErr = new double[dim];
        double[] totalAbs = new double[dim];
        resum(all, total, totalErr, totalAbs);

        PriorityQueue<Segment> queue = new PriorityQueue<>((x, y) -> Double.compare(y.priority, x.priority));
        for (Segment s : all) {
            s.priority = priority(s, total, totalAbs);
            if (s.splittable()) {
                queue.add(s);
            }
        }
        int iterations = 0;
        int live = all.size();
        while (!satisfied(total, totalErr, totalAbs) && !queue.isEmpty() && live < maxIntervals) {
            Segment s = queue.poll();
            double mid = 0.5 * (s.lo + s.hi);
            Segment left = new Segment(s.lo, mid, dim);
            Segment right = new Segment(mid, s.hi, dim);
            rule(f, left, scratch);
            rule(f, right, scratch);
            evaluations += 2 * NODES;
            s.replaced = true;
            live++;
            all.add(left);
            all.add(right);
            for (int i = 0; i < dim; i++) {
                total[i] += left.value[i] + right.value[i] - s.value[i];
                totalErr[i] += left.error[i] + right.error[i] - s.error[i];
                totalAbs[i] += left.magnitude[i] + right.magnitude[i] - s.magnitude[i];
            }
            // Running sums drift by cancellation; recompute them from scratch now and then.
            if (++iterations % 64 == 0) {
                resum(all, total, totalErr, totalAbs);
            }
            for (Segment c : new Segment[] {left, right}) {
                c.priority = priority(c, total, totalAbs);
                if (c.splittable()) {
                    queue.add(c);
                }
            }
            if (satisfied(total, totalErr, totalAbs)) {
                resum(all, total, totalErr, totalAbs);
            }
        }
        resum(all, total, totalErr, totalAbs);
        return new VectorResult(total, totalErr, evaluations, satisfied(total, totalErr, totalAbs));
    }

    private double tolerance(double value, double magnitude) {
        double ref = relativeTo == RelativeTo.INTEGRAL ? Math.abs(value) : magnitude;
        return Math.max(absTol, relTol * ref);
    }

    private boolean satisfied(double[] total, double[] totalErr, double[] totalAbs) {
        for (int i = 0; i < total.length; i++) {
            if (!(totalErr[i] <= tolerance(total[i], totalAbs[i]))) {
                return false;
            }
        }
        return true;
    }

    /** Largest error-to-tolerance ratio of the segment's components: the next one to bisect. */
    private double priority(Segment s, double[] total, double[] totalAbs) {
        double p = 0.0;
        for (int i = 0; i < total.length; i++) {
            double tol = Math.max(tolerance(total[i], totalAbs[i]), Double.MIN_NORMAL);
            p = Math.max(p, s.error[i] / tol);
        }
        return p;
    }

    /** Compensated (Neumaier) sums of the values and errors of the current (not bisected) segments. */
    private static void resum(List<Segment> all, double[] total, double[] totalErr, double[] totalAbs) {
        int dim = total.length;
        for (int i = 0; i < dim; i++) {
            double sum = 0.0;
            double comp = 0.0;
            double err = 0.0;
            double mag = 0.0;
            for (Segment s : all) {
                if (s.replaced) {
                    continue;
                }
                double v = s.value[i];
                double t = sum + v;
                comp += Math.abs(sum) >= Math.abs(v) ? (sum - t) + v : (v - t) + sum;
                sum = t;
                err += s.error[i];
                mag += s.magnitude[i];
            }
            total[i] = sum + comp;
            totalErr[i] = err;
            totalAbs[i] = mag;
        }
    }

    /** Applies the G7/K15 pair on one segment, filling its value and error estimate. */
    private static void rule(VectorIntegrand f, Segment s, double[][] fx) {
        double center = 0.5 * (s.lo + s.hi);
        double half = 0.5 * (s.hi - s.lo);
        // fx[0] = f(center), fx[2j+1] = f(center - h x_j), fx[2j+2] = f(center + h x_j), j = 0..6
        evaluate(f, center, fx[0]);
        for (int j = 0; j < 7; j++) {
            double dx = half * XGK[j];
            evaluate(f, center - dx, fx[2 * j + 1]);
            evaluate(f, center + dx, fx[2 * j + 2]);
        }
        int dim = s.value.length;
        for (int i = 0; i < dim; i++) {
            double fc = fx[0][i];
            double resK = WGK[7] * fc;
            double resG = WG[3] * fc;
            double resAbs = Math.abs(resK);
            for (int j = 0; j < 7; j++) {
                double f1 = fx[2 * j + 1][i];
                double f2 = fx[2 * j + 2][i];
                resK += WGK[j] * (f1 + f2);
                resAbs += WGK[j] * (Math.abs(f1) + Math.abs(f2));
                if ((j & 1) == 1) {
                    resG += WG[j / 2] * (f1 + f2);
                }
            }
            double mean = 0.5 * resK;
            double resAsc = WGK[7] * Math.abs(fc - mean);
            for (int j = 0; j < 7; j++) {
                resAsc += WGK[j] * (Math.abs(fx[2 * j + 1][i] - mean) + Math.abs(fx[2 * j + 2][i] - mean));
            }
            double err = Math.abs((resK - resG) * half);
            resAsc *= half;
            resAbs *= half;
            if (resAsc != 0.0 && err != 0.0) {
                err = resAsc * Math.min(1.0, Math.pow(200.0 * err / resAsc, 1.5));
            }
            if (resAbs > Double.MIN_NORMAL / (50.0 * EPS)) {
                err = Math.max(50.0 * EPS * resAbs, err);
            }
            s.value[i] = resK * half;
            s.error[i] = err;
            s.magnitude[i] = resAbs;
        }
    }

    /**
     * The bare rule pair on one interval, without adaptation (for testing the tabulated nodes and weights).
     *
     * @return {K15, G7} estimates of {@code int_a^b f}
     */
    static double[] kronrodAndGauss(DoubleUnaryOperator f, double a, double b) {
        double center = 0.5 * (a + b);
        double half = 0.5 * (b - a);
        double fc = f.applyAsDouble(center);
        double k = WGK[7] * fc;
        double g = WG[3] * fc;
        for (int j = 0; j < 7; j++) {
            double sum = f.applyAsDouble(center - half * XGK[j]) + f.applyAsDouble(center + half * XGK[j]);
            k += WGK[j] * sum;
            if ((j & 1) == 1) {
                g += WG[j / 2] * sum;
            }
        }
        return new double[] {k * half, g * half};
    }

    private static void evaluate(VectorIntegrand f, double x, double[] out) {
        f.evaluate(x, out);
        for (double v : out) {
            if (!Double.isFinite(v)) {
                throw new ArithmeticException("integrand is not finite at x = " + x);
            }
        }
    }
}
