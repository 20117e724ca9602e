package org.spintorque.wannier;

/** How the spin enters a Wannier model. */
public enum SpinStructure {
    /** One spinless Hamiltonian h; the model is {@code h (x) 1_spin} (spin-degenerate bands). */
    SPINLESS,
    /** Two spinless Hamiltonians h_up, h_down (a spin-polarized calculation without spin-orbit coupling). */
    COLLINEAR,
    /** Spinor Wannier functions (spin-orbit coupling, or a non-collinear magnetization). */
    SPINOR
}
