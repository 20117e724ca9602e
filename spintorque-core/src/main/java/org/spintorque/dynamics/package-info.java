/**
 * Magnetization dynamics driven by the computed torques: the material ({@link org.spintorque.dynamics.Material},
 * presets with sources), the shared input tables ({@link org.spintorque.dynamics.DynamicsInput}) resolved into
 * {@link org.spintorque.dynamics.DrivingConditions}, and the Landau-Lifshitz-Gilbert equation with the
 * Zhang-Li torque, {@code dm/dt = -gamma0 m x H_eff + alpha m x dm/dt - (u . grad) m + beta m x (u . grad) m},
 * with {@code u = g mu_B P j / (2 e M_s)} along the electron flow. Conventions: docs/dynamics.md.
 */
package org.spintorque.dynamics;
