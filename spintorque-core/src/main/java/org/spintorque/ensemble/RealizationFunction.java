package org.spintorque.ensemble;

/**
 * Computes one realization. It must be a pure function of the realization (its index and the ensemble
 * seed): the runner calls it from several threads at once, may call it again for a realization that was
 * lost in an interruption, and relies on the same realization giving the same sample every time.
 */
@FunctionalInterface
public interface RealizationFunction {
    Sample compute(Realization realization) throws Exception;
}
