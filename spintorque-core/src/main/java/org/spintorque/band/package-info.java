/** Band structures and their densities of states (parabolic bands; lattice bands follow). */
package org.spintorque.band;
