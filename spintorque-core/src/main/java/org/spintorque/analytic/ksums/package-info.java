/**
 * The Green's-function k-sums behind the closed forms of section III of Tatara and Entel (2008): the
 * coefficients a and b of the spin-flip torque (eq. 26) and a' of the spin-orbit torque (eq. 39), evaluated
 * numerically for a finite lifetime and set beside the paper's leading order in 1/(E_F tau).
 *
 * <ul>
 *   <li>{@link org.spintorque.analytic.ksums.ParabolicKSums}: the paper's band {@code k^2/2m} in 3D;</li>
 *   <li>{@link org.spintorque.analytic.ksums.CubicLatticeKSums}: the simple cubic tight-binding band, with
 *       velocities and band curvatures in place of {@code k/m} and {@code 1/m}, built on the weighted densities of
 *       states of {@link org.spintorque.analytic.ksums.CubicLatticeDensities};</li>
 *   <li>{@link org.spintorque.analytic.ksums.KSumScan}: scans in E_F tau.</li>
 * </ul>
 *
 * <p>What the numbers show (see the tests): for the parabolic band with both spin bands occupied, a and b
 * differ from their leading order only at order {@code (E_F tau)^-2}. The reason: {@code sum_k g^r(E)} is,
 * up to a real energy-independent (cutoff) constant, {@code -i (m/2pi) sqrt(2mE)}, i times a function that is
 * real on the occupied energy axis, so the shift {@code E -> E + i gamma} has no real first-order term. An
 * empty minority band (half metal; its resolvent is real and energy dependent at E_F), a lattice band (whose
 * {@code Re sum_k g^r} varies with energy) and the cutoff-dependent a' give corrections of order
 * {@code (E_F tau)^-1}.
 *
 * <p>Units: hbar = 1, pure numbers; the caller converts.
 */
package org.spintorque.analytic.ksums;
