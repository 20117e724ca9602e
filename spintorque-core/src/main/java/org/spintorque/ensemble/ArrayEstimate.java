package org.spintorque.ensemble;

import java.util.Arrays;

/**
 * The ensemble estimate of an array quantity, element by element: means, standard errors of the means and
 * the number of samples (the same for every element). Arrays are copied in and out.
 */
public final class ArrayEstimate {
    private final double[] mean;
    private final double[] standardError;
    private final long count;

    public ArrayEstimate(double[] mean, double[] standardError, long count) {
        if (mean.length != standardError.length) {
            throw new IllegalArgumentException("means and standard errors differ in length: " + mean.length
                    + " and " + standardError.length);
        }
        this.mean = mean.clone();
        this.standardError = standardError.clone();
        this.count = count;
    }

    public int length() {
        return mean.length;
    }

    public double[] mean() {
        return mean.clone();
    }

    public double[] standardError() {
        return standardError.clone();
    }

    public double mean(int i) {
        return mean[i];
    }

    public double standardError(int i) {
        return standardError[i];
    }

    public long count() {
        return count;
    }

    /** The estimate of element {@code i} as a scalar estimate. */
    public Estimate element(int i) {
        return new Estimate(mean[i], standardError[i], count);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ArrayEstimate a && count == a.count && Arrays.equals(mean, a.mean)
                && Arrays.equals(standardError, a.standardError);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(mean) + Arrays.hashCode(standardError)) + Long.hashCode(count);
    }

    @Override
    public String toString() {
        return "ArrayEstimate{length=" + mean.length + ", count=" + count + "}";
    }
}
