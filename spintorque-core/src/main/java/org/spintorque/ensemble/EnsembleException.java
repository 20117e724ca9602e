package org.spintorque.ensemble;

/**
 * An ensemble that stopped before it was complete: a realization failed, the checkpoint could not be
 * written (a full disk, say), or the run was interrupted. The message says what happened and how many
 * finished realizations the checkpoint keeps; resuming continues from there.
 */
public class EnsembleException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public EnsembleException(String message, Throwable cause) {
        super(message, cause);
    }
}
