package org.spintorque.torque;

import java.util.List;
import org.spintorque.observables.ObservableField;
import org.spintorque.transport.SpinResolvedTransmission;

/**
 * The current-driven state at one Fermi energy (or one thermal average): transmissions and every local
 * observable of delta rho per unit bias.
 *
 * @param energy         the Fermi energy [t] (the energy solved, after a band-edge shift if one was needed)
 * @param transmissionLR T from left to right
 * @param transmissionRL T from right to left (equal by unitarity)
 * @param field          site and bond observables of delta rho, per term and in total
 * @param warnings       shifts and other remarks of the solver
 * @param spinResolved   T_{s's} along the leads' magnetizations, or null; check {@code conserved()}
 */
public record EnergySolution(double energy, double transmissionLR, double transmissionRL, ObservableField field,
                             List<String> warnings, SpinResolvedTransmission spinResolved) {
    /** Without spin-resolved transmissions (thermal averages, or leads that do not conserve spin). */
    public EnergySolution(double energy, double transmissionLR, double transmissionRL, ObservableField field,
                          List<String> warnings) {
        this(energy, transmissionLR, transmissionRL, field, warnings, null);
    }
}
