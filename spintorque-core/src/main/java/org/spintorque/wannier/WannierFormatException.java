package org.spintorque.wannier;

import java.nio.file.Path;

/** A Wannier90 file that is truncated or inconsistent: names the file, the line and what was expected. */
public final class WannierFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Path file;
    private final int line;

    public WannierFormatException(Path file, int line, String message) {
        super(file + (line > 0 ? ":" + line : "") + ": " + message);
        this.file = file;
        this.line = line;
    }

    /** The file, as given. */
    public Path file() {
        return file;
    }

    /** The 1-based line number, or 0 when the problem concerns the file as a whole. */
    public int line() {
        return line;
    }
}
