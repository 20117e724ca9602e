/**
 * Reading the torque: slice profiles, the fit to the adiabatic and non-adiabatic forms (physics.md
 * section 5), P and beta.
 */
package org.spintorque.torque;
