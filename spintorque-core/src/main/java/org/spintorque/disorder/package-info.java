/**
 * Disorder terms of the tight-binding Hamiltonian, each a function of (seed, realization) and immutable:
 * {@link org.spintorque.disorder.SpinFlipImpurities} (eq. (7), source T_on = eq. (9)),
 * {@link org.spintorque.disorder.SpinOrbitImpurities} (eq. (8) with the index of physics.md section 6, a
 * Hermitian spin-dependent hopping whose source is T_hop) and {@link org.spintorque.disorder.AndersonDisorder}
 * (spin-independent on-site potential). Their random numbers come from
 * {@link org.spintorque.disorder.DisorderRandom}, a counter-based generator in which every number is a pure
 * function of (seed, realization, site, purpose), so that any realization and any site can be regenerated
 * alone, in any order and on any thread.
 */
package org.spintorque.disorder;
