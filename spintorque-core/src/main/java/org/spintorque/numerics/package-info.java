/**
 * Numerical building blocks: adaptive Gauss–Kronrod quadrature ({@link org.spintorque.numerics.Quadrature})
 * and complete elliptic integrals by the arithmetic–geometric mean
 * ({@link org.spintorque.numerics.EllipticIntegrals}). Pure numbers in, pure numbers out; no physics.
 */
package org.spintorque.numerics;
