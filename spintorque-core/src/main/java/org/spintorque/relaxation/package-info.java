/**
 * Lifetimes of the lattice model of a run, from the Fermi golden rule, and the beta values built from them:
 * {@link org.spintorque.relaxation.GoldenRule} (Born rates of every open channel of the clean lead, from the
 * disorder terms' own blocks), {@link org.spintorque.relaxation.LatticeRelaxationTheory} (Fermi-surface
 * averages: nu_s, tau_s, tau_sf of eq. (29), tau_s^(so), beta_eq29 and the lattice form of eq. (40)),
 * {@link org.spintorque.relaxation.SpinDiffusion} (Boltzmann and diffusive spin-relaxation lengths) and
 * {@link org.spintorque.relaxation.SpinInjectionWire} (the spin-diffusion length measured in a disordered wire).
 * See docs/relaxation.md.
 */
package org.spintorque.relaxation;
