package org.spintorque.ensemble;

/**
 * The ensemble estimate of a scalar: the mean, the standard error of the mean
 * {@code sqrt(s^2 / n)} with the unbiased sample variance {@code s^2}, and the number of samples. The
 * standard error is NaN for fewer than 2 samples (it cannot be estimated).
 */
public record Estimate(double mean, double standardError, long count) {
    /** The sample standard deviation {@code s} (NaN for fewer than 2 samples). */
    public double standardDeviation() {
        return standardError * Math.sqrt(count);
    }
}
