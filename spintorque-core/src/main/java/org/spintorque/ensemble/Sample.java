package org.spintorque.ensemble;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The outcome of one realization: named scalars (beta, P, c_a, ...) and named arrays (slice profiles, ...),
 * all finite. A name is either a scalar or an array, never both. Immutable; arrays are copied in and out.
 * Two samples are equal when they hold the same names with bitwise identical values.
 */
public final class Sample {
    private final Map<String, Double> scalars;
    private final Map<String, double[]> arrays;

    private Sample(Map<String, Double> scalars, Map<String, double[]> arrays) {
        this.scalars = Collections.unmodifiableMap(scalars);
        this.arrays = Collections.unmodifiableMap(arrays);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A sample of the given scalars and arrays (copied, checked). */
    public static Sample of(Map<String, Double> scalars, Map<String, double[]> arrays) {
        Builder b = new Builder();
        scalars.forEach(b::scalar);
        arrays.forEach(b::array);
        return b.build();
    }

    public Set<String> scalarNames() {
        return scalars.keySet();
    }

    public Set<String> arrayNames() {
        return arrays.keySet();
    }

    public boolean hasScalar(String name) {
        return scalars.containsKey(name);
    }

    public boolean hasArray(String name) {
        return arrays.containsKey(name);
    }

    public double scalar(String name) {
        Double v = scalars.get(name);
        if (v == null) {
            throw new IllegalArgumentException("the sample has no scalar '" + name + "'; it has "
                    + scalars.keySet());
        }
        return v;
    }

    /** A copy of the named array. */
    public double[] array(String name) {
        return arrayView(name).clone();
    }

    /** The named array itself, for readers in this package that promise not to modify it. */
    double[] arrayView(String name) {
        double[] v = arrays.get(name);
        if (v == null) {
            throw new IllegalArgumentException("the sample has no array '" + name + "'; it has "
                    + arrays.keySet());
        }
        return v;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Sample)) {
            return false;
        }
        Sample s = (Sample) o;
        if (!scalars.equals(s.scalars) || !arrays.keySet().equals(s.arrays.keySet())) {
            return false; // Double.equals compares bit patterns
        }
        for (Map.Entry<String, double[]> e : arrays.entrySet()) {
            if (!Arrays.equals(e.getValue(), s.arrays.get(e.getKey()))) {
                return false; // compares doubleToLongBits
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = scalars.hashCode();
        for (Map.Entry<String, double[]> e : arrays.entrySet()) {
            h = 31 * h + (e.getKey().hashCode() ^ Arrays.hashCode(e.getValue()));
        }
        return h;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Sample{");
        scalars.forEach((k, v) -> sb.append(k).append('=').append(v).append(", "));
        arrays.forEach((k, v) -> sb.append(k).append("=[").append(v.length).append(" values], "));
        if (sb.length() > 7) {
            sb.setLength(sb.length() - 2);
        }
        return sb.append('}').toString();
    }

    /**
     * The mean of two samples of one realization (a realization and its mirror image): every quantity both
     * hold, averaged; quantities named {@code max_...} take the larger value (a bound stays a bound).
     * Quantities only one of them holds are left out.
     */
    public static Sample pairMean(Sample a, Sample b) {
        Builder m = new Builder();
        for (String n : a.scalarNames()) {
            if (b.hasScalar(n)) {
                m.scalar(n, n.startsWith("max_") ? Math.max(a.scalar(n), b.scalar(n))
                        : 0.5 * (a.scalar(n) + b.scalar(n)));
            }
        }
        for (String n : a.arrayNames()) {
            if (b.hasArray(n) && a.arrayView(n).length == b.arrayView(n).length) {
                double[] x = a.arrayView(n);
                double[] y = b.arrayView(n);
                double[] z = new double[x.length];
                for (int i = 0; i < z.length; i++) {
                    z[i] = n.startsWith("max_") ? Math.max(x[i], y[i]) : 0.5 * (x[i] + y[i]);
                }
                m.array(n, z);
            }
        }
        return m.build();
    }

    /** Collects the quantities of a sample; names keep the order in which they were added. */
    public static final class Builder {
        private final Map<String, Double> scalars = new LinkedHashMap<>();
        private final Map<String, double[]> arrays = new LinkedHashMap<>();

        private Builder() { }

        public Builder scalar(String name, double value) {
            checkName(name);
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("sample quantity '" + name + "' is " + value
                        + "; every quantity of a realization must be finite");
            }
            scalars.put(name, value);
            return this;
        }

        public Builder array(String name, double[] values) {
            checkName(name);
            Objects.requireNonNull(values, "array '" + name + "'");
            for (int i = 0; i < values.length; i++) {
                if (!Double.isFinite(values[i])) {
                    throw new IllegalArgumentException("sample quantity '" + name + "[" + i + "]' is " + values[i]
                            + "; every quantity of a realization must be finite");
                }
            }
            arrays.put(name, values.clone());
            return this;
        }

        private void checkName(String name) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("a sample quantity needs a non-blank name");
            }
            if (scalars.containsKey(name) || arrays.containsKey(name)) {
                throw new IllegalArgumentException("sample quantity '" + name + "' is given twice");
            }
        }

        public Sample build() {
            return new Sample(new LinkedHashMap<>(scalars), new LinkedHashMap<>(arrays));
        }
    }
}
