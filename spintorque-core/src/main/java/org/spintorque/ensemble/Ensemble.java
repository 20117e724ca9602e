package org.spintorque.ensemble;

import java.util.Objects;
import org.spintorque.config.InputException;

/**
 * What to compute: the realization function, the ensemble seed, the realization indices and a fingerprint
 * of the configuration.
 *
 * <p>The fingerprint is any string that changes whenever the realizations would change, typically a hash of
 * the resolved input. It is stored in the checkpoint, and a checkpoint is never resumed under a different
 * fingerprint. It should not include the number of realizations (nor thread counts or output paths), so that
 * an ensemble can be extended later by resuming it with more realizations. The seed is stored and checked
 * separately.
 *
 * @param fingerprint identifies the configuration; one line of text
 * @param seed the ensemble seed, passed to every {@link Realization}
 * @param range the realization indices to compute
 * @param function computes one realization
 */
public record Ensemble(String fingerprint, long seed, IndexRange range, RealizationFunction function) {
    /** The input parameter that sets the number of realizations, named in error messages. */
    public static final String REALIZATIONS_PARAMETER = "disorder.realizations";

    public Ensemble {
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(range, "range");
        Objects.requireNonNull(function, "function");
        if (fingerprint.indexOf('\n') >= 0 || fingerprint.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("an ensemble fingerprint is one line of text");
        }
        if (range.isEmpty()) {
            throw new InputException(REALIZATIONS_PARAMETER + ": the realization range " + range
                    + " is empty; an ensemble needs at least 1 realization");
        }
    }

    /** Realizations 0 to {@code realizations - 1}. */
    public static Ensemble of(String fingerprint, long seed, long realizations, RealizationFunction function) {
        if (realizations < 1) {
            throw new InputException(REALIZATIONS_PARAMETER + " = " + realizations
                    + " is not valid: an ensemble needs at least 1 realization (an integer >= 1)");
        }
        return new Ensemble(fingerprint, seed, IndexRange.first(realizations), function);
    }

    /** The same ensemble over other indices (to extend it, or to compute one part of it on this machine). */
    public Ensemble withRange(IndexRange newRange) {
        return new Ensemble(fingerprint, seed, newRange, function);
    }
}
