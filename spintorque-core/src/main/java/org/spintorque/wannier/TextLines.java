package org.spintorque.wannier;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * The lines of a text file, plain or gzip-compressed (recognised by its magic bytes, not by its name), with the
 * line number kept for error messages.
 */
final class TextLines implements AutoCloseable {
    private final Path file;
    private final BufferedReader reader;
    private int line;

    private TextLines(Path file, BufferedReader reader) {
        this.file = file;
        this.reader = reader;
    }

    static TextLines open(Path file) {
        try {
            InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
            in.mark(2);
            int b0 = in.read();
            int b1 = in.read();
            in.reset();
            if (b0 == 0x1f && b1 == 0x8b) {
                in = new GZIPInputStream(in, 1 << 16);
            }
            return new TextLines(file, new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16));
        } catch (NoSuchFileException e) {
            throw new WannierFormatException(file, 0, "the file does not exist");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    Path file() {
        return file;
    }

    /** The number of the line last returned (1-based). */
    int line() {
        return line;
    }

    /** The next line, or null at the end of the file. */
    String nextOrNull() {
        try {
            String s = reader.readLine();
            if (s != null) {
                line++;
            }
            return s;
        } catch (IOException e) {
            // a damaged gzip stream ends here too
            throw new WannierFormatException(file, line + 1, "cannot read further (" + e.getMessage() + ")");
        }
    }

    /** The next line; the end of the file is an error that says what was expected. */
    String next(String expected) {
        String s = nextOrNull();
        if (s == null) {
            throw new WannierFormatException(file, line + 1, "the file ends early: expected " + expected);
        }
        return s;
    }

    /** The whitespace-separated fields of the next non-blank line. */
    String[] fields(String expected) {
        String s;
        do {
            s = next(expected);
        } while (s.isBlank());
        return split(s);
    }

    /** Whitespace-separated fields (a hand-written split: the matrix files have hundreds of thousands of lines). */
    static String[] split(String s) {
        int n = 0;
        int len = s.length();
        for (int i = 0; i < len; i++) {
            if (s.charAt(i) > ' ' && (i == 0 || s.charAt(i - 1) <= ' ')) {
                n++;
            }
        }
        String[] out = new String[n];
        int k = 0;
        int i = 0;
        while (i < len) {
            while (i < len && s.charAt(i) <= ' ') {
                i++;
            }
            int start = i;
            while (i < len && s.charAt(i) > ' ') {
                i++;
            }
            if (i > start) {
                out[k++] = s.substring(start, i);
            }
        }
        return out;
    }

    WannierFormatException error(String message) {
        return new WannierFormatException(file, line, message);
    }

    int parseInt(String token, String what) {
        try {
            return Integer.parseInt(token);
        } catch (NumberFormatException e) {
            throw error("expected " + what + " (a whole number), found '" + token + "'");
        }
    }

    double parseDouble(String token, String what) {
        try {
            return Double.parseDouble(token.replace('D', 'E').replace('d', 'e'));
        } catch (NumberFormatException e) {
            throw error("expected " + what + " (a number), found '" + token + "'");
        }
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException ignored) {
            // nothing was written
        }
    }
}
