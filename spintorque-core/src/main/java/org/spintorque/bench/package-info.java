/**
 * Performance measurements of the torque engine: {@link org.spintorque.bench.WireBenchmark} times the stages of
 * one energy of the three-dimensional wire wall (lead self-energies, the recursive Green's function's backward
 * and forward passes, the spin-continuity observables) for every available linear-algebra backend side by side,
 * counts the floating-point work of the recursive Green's function and compares its rate with the zgemm rate of
 * the same machine and backend. Nothing here is run by the unit tests with timing assertions.
 */
package org.spintorque.bench;
