package org.spintorque.ovf;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.spintorque.texture.Vector3;

/**
 * A field on a rectangular mesh as an OVF file holds it: {@code valuedim} numbers per cell (1 for a scalar
 * field, 3 for a vector field; OOMMF also writes 6 for a symmetric tensor), stored in file order: the
 * components of one cell together, cells with x varying fastest, then y, then z. Value
 * {@code (ix, iy, iz, c)} is element {@code ((iz * ynodes + iy) * xnodes + ix) * valuedim + c}.
 *
 * <p>Besides the numbers a field carries the descriptive header of the file: the title, the description
 * lines ({@code # Desc:}), and one label and one unit per component ({@code valuelabels}, {@code valueunits};
 * each list is either empty, meaning "not given", or has exactly {@code valuedim} entries).
 *
 * <p>Immutable: the value array is copied on the way in and on the way out.
 */
public final class OvfField {
    private final OvfMesh mesh;
    private final int valuedim;
    private final double[] values;
    private final String title;
    private final List<String> description;
    private final List<String> valueLabels;
    private final List<String> valueUnits;

    /**
     * @param mesh        the mesh
     * @param valuedim    components per cell (>= 1)
     * @param values      cellCount * valuedim numbers in file order (copied)
     * @param title       title (single line; may be empty)
     * @param description description lines (each single-line)
     * @param valueLabels empty or one label per component
     * @param valueUnits  empty or one unit per component
     */
    public OvfField(OvfMesh mesh, int valuedim, double[] values, String title, List<String> description,
                    List<String> valueLabels, List<String> valueUnits) {
        this(mesh, valuedim, values.clone(), title, description, valueLabels, valueUnits, true);
    }

    /** The trusted constructor: {@code values} is taken over without a copy. */
    OvfField(OvfMesh mesh, int valuedim, double[] values, String title, List<String> description,
             List<String> valueLabels, List<String> valueUnits, boolean owned) {
        Objects.requireNonNull(mesh, "mesh");
        Objects.requireNonNull(values, "values");
        if (valuedim < 1) {
            throw new IllegalArgumentException("valuedim must be >= 1, got " + valuedim);
        }
        long expected = (long) mesh.cellCount() * valuedim;
        if (expected > OvfMesh.MAX_VALUES) {
            throw new IllegalArgumentException("a field of " + mesh.cellCount() + " cells x valuedim " + valuedim
                    + " has too many values for one array");
        }
        if (values.length != expected) {
            throw new IllegalArgumentException("a field on " + mesh.xnodes() + " x " + mesh.ynodes() + " x "
                    + mesh.znodes() + " cells with valuedim " + valuedim + " needs " + expected + " values, got "
                    + values.length);
        }
        this.mesh = mesh;
        this.valuedim = valuedim;
        this.values = values;
        this.title = singleLine("title", title == null ? "" : title.strip());
        this.description = List.copyOf(description == null ? List.of() : description);
        for (String d : this.description) {
            singleLine("description line", d);
        }
        this.valueLabels = perComponent("valueLabels", valueLabels, valuedim);
        this.valueUnits = perComponent("valueUnits", valueUnits, valuedim);
    }

    /** A field without title, description, labels or units. */
    public static OvfField of(OvfMesh mesh, int valuedim, double[] values) {
        return new OvfField(mesh, valuedim, values, "", List.of(), List.of(), List.of());
    }

    /** The same field with another title. */
    public OvfField withTitle(String newTitle) {
        return new OvfField(mesh, valuedim, values, newTitle, description, valueLabels, valueUnits, true);
    }

    /** The same field with other description lines. */
    public OvfField withDescription(List<String> lines) {
        return new OvfField(mesh, valuedim, values, title, lines, valueLabels, valueUnits, true);
    }

    /** The same field with other component labels (empty or valuedim entries). */
    public OvfField withValueLabels(List<String> labels) {
        return new OvfField(mesh, valuedim, values, title, description, labels, valueUnits, true);
    }

    /** The same field with other component units (empty or valuedim entries). */
    public OvfField withValueUnits(List<String> units) {
        return new OvfField(mesh, valuedim, values, title, description, valueLabels, units, true);
    }

    public OvfMesh mesh() {
        return mesh;
    }

    /** Components per cell. */
    public int valuedim() {
        return valuedim;
    }

    /** Number of values, cellCount * valuedim. */
    public int size() {
        return values.length;
    }

    /** A copy of all values in file order. */
    public double[] values() {
        return values.clone();
    }

    /** Value number {@code i} in file order. */
    public double value(int i) {
        return values[i];
    }

    /** Component {@code c} of cell (ix, iy, iz). */
    public double value(int ix, int iy, int iz, int c) {
        return values[index(ix, iy, iz, c)];
    }

    /** Position of component {@code c} of cell (ix, iy, iz) in file order. */
    public int index(int ix, int iy, int iz, int c) {
        if (c < 0 || c >= valuedim) {
            throw new IndexOutOfBoundsException("component " + c + " of a field with valuedim " + valuedim);
        }
        return mesh.cellIndex(ix, iy, iz) * valuedim + c;
    }

    /** The 3-vector of cell (ix, iy, iz) of a field with valuedim 3. */
    public Vector3 vector(int ix, int iy, int iz) {
        if (valuedim != 3) {
            throw new IllegalStateException("vector(...) needs valuedim 3, this field has valuedim " + valuedim);
        }
        int i = mesh.cellIndex(ix, iy, iz) * 3;
        return new Vector3(values[i], values[i + 1], values[i + 2]);
    }

    /** Center of cell (ix, iy, iz) in meshunit (see {@link OvfMesh#cellCenter}). */
    public Vector3 cellCenter(int ix, int iy, int iz) {
        return mesh.cellCenter(ix, iy, iz);
    }

    public String title() {
        return title;
    }

    /** Description lines, unmodifiable. */
    public List<String> description() {
        return description;
    }

    /** One label per component, or empty when not given; unmodifiable. */
    public List<String> valueLabels() {
        return valueLabels;
    }

    /** One unit per component, or empty when not given; unmodifiable. */
    public List<String> valueUnits() {
        return valueUnits;
    }

    /** Values are compared bit for bit (so NaN equals NaN and 0.0 differs from -0.0). */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof OvfField f)) {
            return false;
        }
        return valuedim == f.valuedim && mesh.equals(f.mesh) && Arrays.equals(values, f.values)
                && title.equals(f.title) && description.equals(f.description)
                && valueLabels.equals(f.valueLabels) && valueUnits.equals(f.valueUnits);
    }

    @Override
    public int hashCode() {
        return Objects.hash(mesh, valuedim, Arrays.hashCode(values), title, description, valueLabels, valueUnits);
    }

    @Override
    public String toString() {
        return "OVF field '" + title + "', valuedim " + valuedim + ", " + mesh;
    }

    private static String singleLine(String what, String s) {
        Objects.requireNonNull(s, what);
        if (s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            throw new IllegalArgumentException(what + " must be a single line, got '" + s + "'");
        }
        return s;
    }

    private static List<String> perComponent(String what, List<String> list, int valuedim) {
        List<String> copy = List.copyOf(list == null ? List.of() : list);
        if (!copy.isEmpty() && copy.size() != valuedim) {
            throw new IllegalArgumentException(what + " needs one entry per component (" + valuedim + "), got "
                    + copy.size() + ": " + copy);
        }
        for (String s : copy) {
            singleLine(what + " entry", s);
        }
        return copy;
    }
}
