package org.spintorque.transport;

import java.util.Locale;

/**
 * How the bias is applied when forming the non-equilibrium density matrix per unit bias (hbar = e = 1,
 * A_p = G^r Gamma_p G^a).
 */
public enum Injection {
    /**
     * Symmetric bias, mu_L = E_F + eV/2, mu_R = E_F - eV/2: {@code delta rho / (eV) = (A_L - A_R) / (4 pi)}.
     * The default.
     */
    SYMMETRIC("symmetric"),
    /** All of the bias on the left lead: {@code delta rho / (eV) = A_L / (2 pi)}. */
    LEFT("left");

    private final String configName;

    Injection(String configName) {
        this.configName = configName;
    }

    /** The name used in input files and outputs ("symmetric", "left"). */
    public String configName() {
        return configName;
    }

    /**
     * The injection with the given name, case-insensitive.
     *
     * @throws IllegalArgumentException naming the valid values
     */
    public static Injection parse(String name) {
        for (Injection i : values()) {
            if (i.configName.equals(name.trim().toLowerCase(Locale.ROOT))) {
                return i;
            }
        }
        throw new IllegalArgumentException("injection = \"" + name + "\" is not valid; use \"symmetric\" or \"left\"");
    }
}
