package org.spintorque.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Every parameter of a command after file, command line and defaults were merged (command line over file
 * over default). Numbers are held in the parameter's documented unit. Immutable.
 */
public final class ResolvedInput {

    /** Where a value came from. */
    public enum Source { FILE, COMMAND_LINE, DEFAULT }

    /** One resolved value: a Double in the documented unit, or a String. */
    public record Value(ParameterSpec spec, Object value, Source source, String given) { }

    private final ParameterSchema schema;
    private final Map<String, Value> values;
    private final String origin;

    ResolvedInput(ParameterSchema schema, Map<String, Value> values, String origin) {
        this.schema = schema;
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        this.origin = origin;
    }

    public ParameterSchema schema() {
        return schema;
    }

    /** The configuration file (or "command line" when there was none). */
    public String origin() {
        return origin;
    }

    public Map<String, Value> values() {
        return values;
    }

    public boolean has(String path) {
        schema.get(path);
        return values.containsKey(path);
    }

    /** A number in the documented unit of {@code path}, or empty if not given and without default. */
    public Optional<Double> optionalNumber(String path) {
        Value v = values.get(path);
        if (v == null) {
            schema.get(path);
            return Optional.empty();
        }
        return Optional.of((Double) v.value());
    }

    /** A required number; a missing one is an {@link InputException} that says what to write. */
    public double number(String path, String why) {
        return optionalNumber(path).orElseThrow(() -> missing(path, why));
    }

    /** A list parameter (one or more numbers, documented unit). */
    public double[] numbers(String path) {
        Value v = values.get(path);
        if (v == null) {
            throw missing(path, "");
        }
        return ((double[]) v.value()).clone();
    }

    public String text(String path) {
        Value v = values.get(path);
        if (v == null) {
            throw missing(path, "");
        }
        return (String) v.value();
    }

    public InputException missing(String path, String why) {
        ParameterSpec spec = schema.get(path);
        return new InputException("missing parameter " + path + " (" + spec.description() + ", in "
                + spec.unitLabel() + ")" + (why == null || why.isEmpty() ? "" : ": " + why)
                + "; add '" + spec.key() + " = ...' to the [" + spec.table() + "] table or pass --set "
                + path + "=...");
    }

    /** The same input with one numeric value replaced (used by sweeps). */
    public ResolvedInput with(String path, double valueInDocumentedUnit, Source source) {
        ParameterSpec spec = schema.get(path);
        Map<String, Value> copy = new LinkedHashMap<>(values);
        copy.put(path, new Value(spec, valueInDocumentedUnit, source,
                valueInDocumentedUnit + " " + spec.unit()));
        return new ResolvedInput(schema, copy, origin);
    }

    /** The same input with one text value replaced. */
    public ResolvedInput withText(String path, String value, Source source) {
        ParameterSpec spec = schema.get(path);
        if (spec.isNumeric()) {
            throw new IllegalArgumentException(path + " is a number, not text");
        }
        Map<String, Value> copy = new LinkedHashMap<>(values);
        copy.put(path, new Value(spec, value, source, value));
        return new ResolvedInput(schema, copy, origin);
    }

    /**
     * The input as nested tables {@code {table: {key: {value, unit, source}}}}, in schema order, for the
     * JSON summary.
     */
    public Map<String, Object> asTables() {
        Map<String, Object> tables = new LinkedHashMap<>();
        for (ParameterSpec spec : schema.all()) {
            Value v = values.get(spec.path());
            if (v == null) {
                continue;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> table = (Map<String, Object>) tables.computeIfAbsent(spec.table(),
                    t -> new LinkedHashMap<String, Object>());
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("value", v.value());
            if (spec.isNumeric()) {
                entry.put("unit", spec.unitLabel());
            }
            entry.put("source", v.source().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
            table.put(spec.key(), entry);
        }
        return tables;
    }

    /** The input as a TOML file that reproduces this run exactly (values with their units). */
    public String asToml() {
        Map<String, StringBuilder> tables = new LinkedHashMap<>();
        for (ParameterSpec spec : schema.all()) {
            Value v = values.get(spec.path());
            if (v == null) {
                continue;
            }
            StringBuilder sb = tables.computeIfAbsent(spec.table(), t -> new StringBuilder());
            sb.append(spec.key()).append(" = ");
            if (spec.list()) {
                StringBuilder items = new StringBuilder("[");
                for (double d : (double[]) v.value()) {
                    items.append(items.length() > 1 ? ", " : "").append(
                            "1".equals(spec.unit()) ? Double.toString(d) : "\"" + d + " " + spec.unit() + "\"");
                }
                sb.append(items).append(']');
            } else if (spec.isNumeric()) {
                double d = (Double) v.value();
                sb.append("1".equals(spec.unit()) ? Double.toString(d) : "\"" + d + " " + spec.unit() + "\"");
            } else {
                sb.append('"').append(v.value()).append('"');
            }
            sb.append("   # ").append(v.source().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '))
                    .append('\n');
        }
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, StringBuilder> t : tables.entrySet()) {
            out.append(out.length() == 0 ? "" : "\n").append('[').append(t.getKey()).append("]\n").append(t.getValue());
        }
        return out.toString();
    }
}
