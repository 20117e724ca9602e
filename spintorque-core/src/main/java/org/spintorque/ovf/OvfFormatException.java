package org.spintorque.ovf;

import org.spintorque.config.InputException;

/**
 * A file that is not valid OVF, or not the OVF this reader understands. The message names the file, the
 * line (counted from 1) and/or the byte offset (counted from 0) where the problem was found, and what was
 * expected there, for example
 * {@code "m.ovf, line 28, byte 744: data end after 1203 of 7500 values ..."}.
 */
public class OvfFormatException extends InputException {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final long line;
    private final long byteOffset;

    /**
     * @param source     the file name (or another description of the input)
     * @param line       line number (from 1), or -1 when not meaningful
     * @param byteOffset byte offset (from 0) in the (uncompressed) input, or -1 when not meaningful
     * @param detail     what is wrong and what was expected
     */
    public OvfFormatException(String source, long line, long byteOffset, String detail) {
        super(location(source, line, byteOffset) + ": " + detail);
        this.source = source;
        this.line = line;
        this.byteOffset = byteOffset;
    }

    public OvfFormatException(String source, long line, long byteOffset, String detail, Throwable cause) {
        super(location(source, line, byteOffset) + ": " + detail, cause);
        this.source = source;
        this.line = line;
        this.byteOffset = byteOffset;
    }

    /** The file name (or description of the input). */
    public String source() {
        return source;
    }

    /** Line number (from 1), or -1. */
    public long line() {
        return line;
    }

    /** Byte offset (from 0), or -1. */
    public long byteOffset() {
        return byteOffset;
    }

    private static String location(String source, long line, long byteOffset) {
        StringBuilder sb = new StringBuilder(source == null ? "<input>" : source);
        if (line > 0) {
            sb.append(", line ").append(line);
        }
        if (byteOffset >= 0) {
            sb.append(", byte ").append(byteOffset);
        }
        return sb.toString();
    }
}
