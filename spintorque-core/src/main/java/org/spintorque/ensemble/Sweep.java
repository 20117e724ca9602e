package org.spintorque.ensemble;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import org.spintorque.output.ProgressListener;

/**
 * One ensemble per value of a parameter, each in its own subdirectory of the output directory with its own
 * checkpoint, run one after the other by the same {@link EnsembleRunner} machinery (so each point resumes,
 * and is reproducible, exactly like a single ensemble).
 *
 * <pre>{@code
 * List<Sweep.Point<Double>> points = Sweep.over("disorder.spin_flip.concentration", List.of(0.01, 0.02, 0.04))
 *         .run(outputDirectory, options, c -> Ensemble.of(fingerprintFor(c), seed, realizations, r -> compute(c, r)));
 * }</pre>
 *
 * <p>Every ensemble is built (and so every value checked) before the first realization is computed. Progress
 * is reported over the whole sweep: realizations finished at all points out of the total, the label naming the
 * point.
 *
 * @param <V> the type of the parameter values
 */
public final class Sweep<V> {
    private final String parameter;
    private final List<V> values;
    private final Function<? super V, String> valueText;
    private final Function<Integer, String> directoryName;

    /** The result at one parameter value. */
    public record Point<V>(int position, V value, Path directory, EnsembleResult result) { }

    private Sweep(String parameter, List<V> values, Function<? super V, String> valueText,
                  Function<Integer, String> directoryName) {
        this.parameter = parameter;
        this.values = values;
        this.valueText = valueText;
        this.directoryName = directoryName;
    }

    /**
     * A sweep of {@code parameter} (a name for labels, e.g. {@code disorder.spin_flip.concentration}) over the
     * given values, in {@code point-0}, {@code point-1}, ... subdirectories (zero-padded so that they sort in
     * order).
     */
    public static <V> Sweep<V> over(String parameter, List<V> values) {
        Objects.requireNonNull(parameter, "parameter");
        if (values == null || values.isEmpty()) {
            throw new IllegalArgumentException("a sweep of " + parameter + " needs at least one value");
        }
        List<V> vs = List.copyOf(values);
        int width = String.valueOf(vs.size() - 1).length();
        return new Sweep<>(parameter, vs, String::valueOf,
                i -> String.format(Locale.ROOT, "point-%0" + width + "d", i));
    }

    /** The same sweep with other subdirectory names (position to name; names must be distinct). */
    public Sweep<V> directories(Function<Integer, String> names) {
        return new Sweep<>(parameter, values, valueText, Objects.requireNonNull(names, "names"));
    }

    /** The same sweep with another way to print values in progress labels. */
    public Sweep<V> valueText(Function<? super V, String> text) {
        return new Sweep<>(parameter, values, Objects.requireNonNull(text, "text"), directoryName);
    }

    public String parameter() {
        return parameter;
    }

    public List<V> values() {
        return values;
    }

    /** The subdirectory of the output directory that holds the point at {@code position}. */
    public Path directory(Path outputDirectory, int position) {
        String name = directoryName.apply(position);
        if (name == null || name.isBlank() || name.equals(".") || name.equals("..") || name.contains("/")
                || name.contains("\\")) {
            throw new IllegalArgumentException("sweep point " + position + " has no valid directory name: '"
                    + name + "'");
        }
        return outputDirectory.resolve(name);
    }

    /**
     * Runs the ensemble of every value in turn, with the options given (threads, resume, durability; the
     * progress listener receives the progress of the whole sweep).
     *
     * @param ensembleFor builds the ensemble of one value (its realization function, seed, realizations and a
     *        fingerprint that includes the value)
     */
    public List<Point<V>> run(Path outputDirectory, EnsembleRunner.Options options,
                              Function<? super V, Ensemble> ensembleFor) {
        List<Ensemble> ensembles = new ArrayList<>();
        List<Path> dirs = new ArrayList<>();
        Set<Path> seen = new HashSet<>();
        long total = 0;
        for (int i = 0; i < values.size(); i++) {
            Ensemble e = Objects.requireNonNull(ensembleFor.apply(values.get(i)),
                    "no ensemble for " + parameter + " = " + values.get(i));
            Path dir = directory(outputDirectory, i);
            if (!seen.add(dir.toAbsolutePath().normalize())) {
                throw new IllegalArgumentException("two sweep points share the directory " + dir);
            }
            ensembles.add(e);
            dirs.add(dir);
            total += e.range().size();
        }
        ProgressListener outer = options.progress();
        List<Point<V>> points = new ArrayList<>();
        long before = 0;
        for (int i = 0; i < values.size(); i++) {
            final long offset = before;
            final long sweepTotal = total;
            final String point = parameter + " = " + valueText.apply(values.get(i)) + " (" + (i + 1) + "/"
                    + values.size() + ")";
            ProgressListener inner = (done, pointTotal, label) ->
                    outer.progress(offset + done, sweepTotal, point + ": " + label);
            EnsembleResult r = new EnsembleRunner(options.progress(inner)).run(ensembles.get(i), dirs.get(i));
            points.add(new Point<>(i, values.get(i), dirs.get(i), r));
            before += ensembles.get(i).range().size();
        }
        return points;
    }
}
