package org.spintorque.config;

/**
 * Bad input: the message names the parameter, the value given and what would be valid. The command line
 * prints the message alone (no stack trace) and exits with a non-zero code.
 */
public class InputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InputException(String message) {
        super(message);
    }

    public InputException(String message, Throwable cause) {
        super(message, cause);
    }
}
