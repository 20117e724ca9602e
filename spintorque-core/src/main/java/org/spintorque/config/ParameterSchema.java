package org.spintorque.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The parameters a command accepts, in the order they are documented. Immutable once built. */
public final class ParameterSchema {
    private final Map<String, ParameterSpec> specs;

    private ParameterSchema(Map<String, ParameterSpec> specs) {
        this.specs = specs;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Optional<ParameterSpec> find(String path) {
        return Optional.ofNullable(specs.get(path));
    }

    public ParameterSpec get(String path) {
        ParameterSpec spec = specs.get(path);
        if (spec == null) {
            throw new IllegalArgumentException("no parameter " + path);
        }
        return spec;
    }

    public Collection<ParameterSpec> all() {
        return specs.values();
    }

    /** The known path closest to an unknown one (edit distance on the whole path and on the key alone). */
    public Optional<String> closest(String unknown) {
        String u = unknown.toLowerCase(Locale.ROOT);
        String key = u.substring(u.lastIndexOf('.') + 1);
        return specs.keySet().stream()
                .min(Comparator.comparingInt((String p) -> Math.min(
                        editDistance(u, p.toLowerCase(Locale.ROOT)),
                        editDistance(key, p.substring(p.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT)) + 1)))
                .filter(p -> {
                    String pk = p.substring(p.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
                    int d = Math.min(editDistance(u, p.toLowerCase(Locale.ROOT)), editDistance(key, pk) + 1);
                    return d <= Math.max(3, key.length() / 2);
                });
    }

    /** The tables (sections) that exist, for messages about unknown tables. */
    public List<String> tables() {
        List<String> t = new ArrayList<>();
        for (ParameterSpec s : specs.values()) {
            if (!t.contains(s.table())) {
                t.add(s.table());
            }
        }
        return t;
    }

    static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] tmp = prev;
            prev = cur;
            cur = tmp;
        }
        return prev[b.length()];
    }

    public static final class Builder {
        private final Map<String, ParameterSpec> specs = new LinkedHashMap<>();

        public Builder add(ParameterSpec spec) {
            if (specs.put(spec.path(), spec) != null) {
                throw new IllegalStateException("duplicate parameter " + spec.path());
            }
            if (spec.isNumeric()) {
                spec.parsedUnit(); // fail early on a typo in a documented unit
            }
            return this;
        }

        public Builder number(String path, String unit, Double defaultValue, String description) {
            return add(ParameterSpec.number(path, unit, defaultValue, description));
        }

        public Builder numbers(String path, String unit, double[] defaultValue, String description) {
            return add(ParameterSpec.numbers(path, unit, defaultValue, description));
        }

        public Builder text(String path, String defaultValue, String description, String... choices) {
            return add(ParameterSpec.text(path, defaultValue, description, choices));
        }

        public ParameterSchema build() {
            return new ParameterSchema(new LinkedHashMap<>(specs));
        }
    }
}
