/**
 * The analytic s-d model of section III of Tatara and Entel (2008): one parabolic band split by the
 * exchange M into {@code eps_k -+ M}, momentum lifetimes tau_+-, spin-flip impurities (eq. 7) and
 * spin-orbit impurities (eq. 8), evaluated in the adiabatic limit to leading order in 1/(E_F tau):
 * P, beta_sf (eq. 29) and beta_so (eqs. 40-41).
 */
package org.spintorque.analytic;
