package org.spintorque.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.spintorque.units.Quantity;
import org.spintorque.units.Unit;

/**
 * Reads a TOML configuration against a {@link ParameterSchema}, applies {@code --set table.key=value}
 * overrides and defaults, and converts every number to its documented unit. Unknown keys are errors that
 * name the closest valid key.
 */
public final class ConfigReader {
    private final ParameterSchema schema;

    public ConfigReader(ParameterSchema schema) {
        this.schema = schema;
    }

    /**
     * @param file      the TOML file, or {@code null} for command-line parameters only
     * @param overrides {@code table.key=value} strings, applied after the file
     */
    public ResolvedInput read(Path file, List<String> overrides) {
        Map<String, ResolvedInput.Value> values = new LinkedHashMap<>();
        if (file != null) {
            JsonNode root = parseToml(file);
            Map<String, JsonNode> flat = new LinkedHashMap<>();
            flatten("", root, flat, file);
            for (Map.Entry<String, JsonNode> e : flat.entrySet()) {
                ParameterSpec spec = lookup(e.getKey(), "in " + file);
                JsonNode node = e.getValue();
                String given = node.isTextual() ? node.textValue() : node.toString();
                values.put(spec.path(), convert(spec, node, given, ResolvedInput.Source.FILE));
            }
        }
        for (String override : overrides) {
            int eq = override.indexOf('=');
            if (eq <= 0) {
                throw new InputException("--set expects table.key=value (e.g. --set model.exchange=0.5eV), got '"
                        + override + "'");
            }
            String path = override.substring(0, eq).trim();
            String text = override.substring(eq + 1).trim();
            ParameterSpec spec = lookup(path, "in --set " + override);
            values.put(spec.path(), convertText(spec, text, ResolvedInput.Source.COMMAND_LINE));
        }
        Map<String, ResolvedInput.Value> ordered = new LinkedHashMap<>();
        for (ParameterSpec spec : schema.all()) {
            ResolvedInput.Value v = values.get(spec.path());
            if (v == null && spec.defaultValue() != null) {
                v = new ResolvedInput.Value(spec, spec.defaultValue(), ResolvedInput.Source.DEFAULT,
                        String.valueOf(spec.defaultValue()));
            }
            if (v != null) {
                ordered.put(spec.path(), v);
            }
        }
        return new ResolvedInput(schema, ordered, file == null ? "command line" : file.toString());
    }

    private JsonNode parseToml(Path file) {
        try {
            String text = Files.readString(file);
            return new TomlMapper().readTree(text);
        } catch (NoSuchFileException e) {
            throw new InputException("configuration file " + file + " does not exist");
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
            throw new InputException("configuration file " + file + " is not valid TOML" + where + ": "
                    + e.getOriginalMessage());
        } catch (IOException e) {
            throw new InputException("cannot read configuration file " + file + ": " + e.getMessage(), e);
        }
    }

    private void flatten(String prefix, JsonNode node, Map<String, JsonNode> out, Path file) {
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String path = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
            JsonNode v = e.getValue();
            if (v.isObject()) {
                if (schema.find(path).isPresent()) {
                    throw new InputException(path + " in " + file + " must be a value, not a table");
                }
                flatten(path, v, out, file);
            } else if (v.isArray() && schema.find(path).map(ParameterSpec::list).orElse(false)) {
                out.put(path, v);
            } else if (v.isArray()) {
                throw new InputException(path + " in " + file
                        + " is a list; give one value here and use --sweep " + path + "=start:stop:points"
                        + " to scan it");
            } else {
                out.put(path, v);
            }
        }
    }

    private ParameterSpec lookup(String path, String where) {
        return schema.find(path).orElseThrow(() -> {
            List<String> hints = new ArrayList<>();
            schema.closest(path).ifPresent(c -> hints.add("did you mean " + c + "?"));
            int dot = path.lastIndexOf('.');
            String table = dot < 0 ? "" : path.substring(0, dot);
            if (!schema.tables().contains(table)) {
                hints.add("valid tables: " + String.join(", ", schema.tables().stream()
                        .map(t -> "[" + t + "]").toList()));
            }
            return new InputException("unknown parameter " + path + " " + where
                    + (hints.isEmpty() ? "" : "; " + String.join("; ", hints))
                    + " (--help lists every parameter)");
        });
    }

    private ResolvedInput.Value convert(ParameterSpec spec, JsonNode node, String given,
                                        ResolvedInput.Source source) {
        if (spec.list()) {
            List<JsonNode> items = new ArrayList<>();
            if (node.isArray()) {
                node.forEach(items::add);
            } else {
                items.add(node);
            }
            if (items.isEmpty()) {
                throw new InputException(spec.path() + " = []: give at least one value");
            }
            double[] values = new double[items.size()];
            for (int k = 0; k < values.length; k++) {
                JsonNode item = items.get(k);
                ParameterSpec single = ParameterSpec.number(spec.path(), spec.unit(), null, spec.description());
                String text = item.isTextual() ? item.textValue() : item.toString();
                values[k] = (Double) convert(single, item, text, source).value();
            }
            return new ResolvedInput.Value(spec, values, source, given);
        }
        if (node.isNumber()) {
            if (!spec.isNumeric()) {
                throw new InputException(spec.path() + " = " + given + ": expected one of "
                        + spec.choices() + " (a quoted word)");
            }
            return checked(spec, node.doubleValue(), given, source);
        }
        if (node.isTextual()) {
            return convertText(spec, node.textValue(), source);
        }
        throw new InputException(spec.path() + " = " + given + ": expected "
                + (spec.isNumeric() ? "a number in " + spec.unitLabel() + " or a string with a unit" : "one of "
                + spec.choices()));
    }

    private ResolvedInput.Value convertText(ParameterSpec spec, String text, ResolvedInput.Source source) {
        if (spec.list()) {
            String[] parts = text.split(",");
            double[] values = new double[parts.length];
            for (int k = 0; k < parts.length; k++) {
                ParameterSpec single = ParameterSpec.number(spec.path(), spec.unit(), null, spec.description());
                values[k] = (Double) convertText(single, parts[k].trim(), source).value();
            }
            return new ResolvedInput.Value(spec, values, source, text);
        }
        if (!spec.isNumeric()) {
            if (!spec.choices().isEmpty() && !spec.choices().contains(text)) {
                throw new InputException(spec.path() + " = \"" + text + "\": expected one of " + spec.choices());
            }
            return new ResolvedInput.Value(spec, text, source, text);
        }
        Unit unit = spec.parsedUnit();
        try {
            Quantity q = Quantity.parse(text, unit);
            return checked(spec, q.in(unit), text, source);
        } catch (IllegalArgumentException e) {
            throw new InputException(spec.path() + " = \"" + text + "\": " + e.getMessage()
                    + "; expected a number in " + spec.unitLabel() + " or a string such as \"1.0 "
                    + spec.unit() + "\"");
        }
    }

    private static ResolvedInput.Value checked(ParameterSpec spec, double value, String given,
                                               ResolvedInput.Source source) {
        if (!Double.isFinite(value)) {
            throw new InputException(spec.path() + " = " + given + ": must be a finite number");
        }
        return new ResolvedInput.Value(spec, value, source, given);
    }
}
