package org.spintorque.llg;

/** The time step controller could not meet its error tolerance (the step fell below its minimum). */
public final class ToleranceException extends RuntimeException {
    public ToleranceException(String message) {
        super(message);
    }
}
