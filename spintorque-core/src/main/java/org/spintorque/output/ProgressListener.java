package org.spintorque.output;

/** Receives progress of long work; the command line draws a bar, the API default ignores it. */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = (done, total, label) -> { };

    /** Called after each finished unit of work. */
    void progress(long done, long total, String label);
}
