package org.spintorque.ensemble;

import org.spintorque.config.InputException;

/**
 * A checkpoint that cannot be used as asked: written for another configuration or seed, present when no
 * resume was asked for, held by another running ensemble, or not a checkpoint at all. The file is left as it
 * is. It is an input error: the message says which file, what was found and what would be valid.
 */
public class CheckpointException extends InputException {
    private static final long serialVersionUID = 1L;

    public CheckpointException(String message) {
        super(message);
    }

    public CheckpointException(String message, Throwable cause) {
        super(message, cause);
    }
}
