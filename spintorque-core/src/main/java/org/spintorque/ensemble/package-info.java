/**
 * Disorder ensembles, independent of the physics: a realization is a pure function of (seed, realization
 * index) that returns a {@link org.spintorque.ensemble.Sample} of named numbers and number arrays. The
 * {@link org.spintorque.ensemble.EnsembleRunner} computes realizations in parallel with bounded memory,
 * appends every finished one durably to a checkpoint so that an interrupted ensemble can be resumed, and
 * accumulates means and standard errors in realization-index order, so that the result is bit for bit the
 * same whatever the number of threads and however often the ensemble was interrupted.
 */
package org.spintorque.ensemble;
