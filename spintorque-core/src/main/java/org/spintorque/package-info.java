/**
 * spintorque: current-induced spin torques from the spin continuity equation.
 *
 * <p>Packages are named after the physics: {@code units} (conversion at input and output only),
 * {@code numerics} (quadrature, special functions), {@code band} (band structures and their densities
 * of states), {@code analytic} (the s-d model of section III of Tatara and Entel 2008 in closed form),
 * {@code analytic.ksums} (the Green's-function k-sums behind those closed forms), {@code config}
 * (typed input with units), {@code output} (JSON, CSV, plots, atomic file writing).
 */
package org.spintorque;
