package org.spintorque.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.spintorque.output.ProgressListener;

/** A progress bar on standard error with the time left; silent for work that ends quickly. */
final class ConsoleProgress implements ProgressListener {
    private static final long SHOW_AFTER_NANOS = 300_000_000L;
    private final PrintWriter err;
    private final long start = System.nanoTime();
    private boolean shown;

    ConsoleProgress(PrintWriter err) {
        this.err = err;
    }

    @Override
    public synchronized void progress(long done, long total, String label) {
        long elapsed = System.nanoTime() - start;
        if (elapsed < SHOW_AFTER_NANOS && done < total) {
            return;
        }
        if (!shown && done >= total) {
            return; // finished before a bar was worth drawing
        }
        shown = true;
        int width = 30;
        int filled = (int) (width * done / Math.max(1, total));
        double left = done == 0 ? 0 : elapsed * 1e-9 * (total - done) / done;
        err.print(String.format(Locale.ROOT, "\r[%s%s] %d/%d %s, %s left   ", "#".repeat(filled),
                ".".repeat(width - filled), done, total, label, formatSeconds(left)));
        if (done >= total) {
            err.println();
        }
        err.flush();
    }

    static String formatSeconds(double s) {
        if (s < 60) {
            return String.format(Locale.ROOT, "%.0f s", s);
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%.0f min %.0f s", Math.floor(s / 60), s % 60);
        }
        return String.format(Locale.ROOT, "%.0f h %.0f min", Math.floor(s / 3600), (s % 3600) / 60);
    }
}
