package org.spintorque.ovf;

/** How the numbers of an OVF data block are stored: the word after {@code # Begin: Data}. */
public enum OvfEncoding {
    /** Decimal text, whitespace-separated ({@code # Begin: Data Text}). */
    TEXT("Text", 0),
    /** IEEE float32 after the check value 1234567.0 ({@code # Begin: Data Binary 4}). */
    BINARY_4("Binary 4", 4),
    /** IEEE float64 after the check value 123456789012345.0 ({@code # Begin: Data Binary 8}). */
    BINARY_8("Binary 8", 8);

    private final String label;
    private final int width;

    OvfEncoding(String label, int width) {
        this.label = label;
        this.width = width;
    }

    /** The name as written in the file: "Text", "Binary 4", "Binary 8". */
    public String label() {
        return label;
    }

    /** Bytes per value (4 or 8), 0 for text. */
    public int width() {
        return width;
    }

    /** The check value that precedes binary data: 1234567.0 (Binary 4), 123456789012345.0 (Binary 8). */
    public double checkValue() {
        return switch (this) {
            case BINARY_4 -> 1234567.0;
            case BINARY_8 -> 123456789012345.0;
            case TEXT -> throw new IllegalStateException("text data have no check value");
        };
    }

    /**
     * The encoding named by {@code text} ("Text", "binary 4", "BINARY 8", any case and spacing), or null.
     */
    public static OvfEncoding parse(String text) {
        String t = text.strip().replaceAll("\\s+", " ").toLowerCase(java.util.Locale.ROOT);
        return switch (t) {
            case "text" -> TEXT;
            case "binary 4" -> BINARY_4;
            case "binary 8" -> BINARY_8;
            default -> null;
        };
    }
}
