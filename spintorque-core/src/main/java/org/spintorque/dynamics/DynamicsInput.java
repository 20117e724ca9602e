package org.spintorque.dynamics;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.spintorque.config.InputException;
import org.spintorque.config.ParameterSchema;
import org.spintorque.config.ResolvedInput;
import org.spintorque.texture.Vector3;
import org.spintorque.units.PhysicalConstants;

/**
 * The input tables shared by the magnetization-dynamics commands ({@code dw1d}, {@code velocity},
 * {@code llg}): {@code [material]}, {@code [current]}, {@code [torque]} and {@code [field]}, and their
 * resolution into {@link DrivingConditions}.
 *
 * <ul>
 *   <li>{@code [material] preset, Ms, A, K, K_perp, alpha, gamma, easy_axis, hard_axis}: SI or strings with
 *       units; a preset fills Ms, A, K and alpha, keys in the file win.</li>
 *   <li>{@code [current] density, P} or {@code [current] u}: u = g mu_B P j / (2 e M_s) along
 *       {@code electron_flow}, the direction the electrons move (the charge current flows the other way).
 *       A positive u moves a wall along electron_flow.</li>
 *   <li>{@code [torque] beta}, or {@code [torque] from = "path/summary.json"}: P and beta of a
 *       {@code spintorque run} (or ensemble, or {@code analytic}) summary; a relative path is resolved against
 *       the folder of the configuration file (against the working directory when given with --set).</li>
 *   <li>{@code [field] H} [A/m] (also "Oe"), or {@code [field] mu0H} [T] (also "mT"): one value is along the
 *       easy axis, three values are the vector.</li>
 * </ul>
 */
public final class DynamicsInput {
    private DynamicsInput() { }

    /** Adds the shared tables to a command's schema. */
    public static ParameterSchema.Builder addTo(ParameterSchema.Builder b) {
        return b
                .text("material.preset", null, "material whose Ms, A, K and alpha are used unless given here "
                        + "(sources in docs/dynamics.md)", MaterialPreset.names().toArray(new String[0]))
                .number("material.Ms", "A/m", null, "saturation magnetization M_s, > 0")
                .number("material.A", "J/m", null, "exchange stiffness A, > 0")
                .number("material.K", "J/m^3", null, "uniaxial anisotropy K along easy_axis, >= 0 "
                        + "(wall width Delta = sqrt(A/K))")
                .number("material.K_perp", "J/m^3", 0.0, "hard-axis anisotropy K_perp along hard_axis, >= 0 "
                        + "(sets the Walker breakdown)")
                .number("material.alpha", "1", null, "Gilbert damping alpha, > 0")
                .number("material.gamma", "m A^-1 s^-1", Material.DEFAULT_GAMMA0,
                        "gyromagnetic ratio gamma0 = mu0 gamma in m/(A s), > 0")
                .numbers("material.easy_axis", "1", new double[] {1, 0, 0}, "easy-axis direction e")
                .numbers("material.hard_axis", "1", new double[] {0, 0, 1}, "hard-axis direction h, "
                        + "perpendicular to easy_axis")
                .number("current.density", "A/m^2", null, "current density j along electron_flow (instead of u)")
                .number("current.P", "1", null, "spin polarization P of the current, in (0, 1] (or [torque] from)")
                .number("current.u", "m/s", null, "spin drift velocity u = g mu_B P j/(2 e M_s) along "
                        + "electron_flow (instead of density and P)")
                .number("current.g", "1", SpinTransfer.DEFAULT_G, "g factor in u")
                .numbers("current.electron_flow", "1", new double[] {1, 0, 0}, "direction in which the "
                        + "electrons flow (the charge current flows the opposite way); u points along it")
                .number("torque.beta", "1", null, "non-adiabatic coefficient beta (MuMax3's xi)")
                .text("torque.from", null, "summary.json of 'spintorque run' or 'analytic' from which P and beta "
                        + "are taken; relative to the configuration file's folder")
                .numbers("field.H", "A/m", null, "applied field H: one value along easy_axis, or [Hx, Hy, Hz]")
                .numbers("field.mu0H", "T", null, "applied field as mu0 H (e.g. \"10 mT\"), instead of H");
    }

    /** Resolves the shared tables; every inconsistency is an {@link InputException} with a remedy. */
    public static DrivingConditions resolve(ResolvedInput in) {
        List<String> notes = new ArrayList<>();
        Material material = material(in, notes);

        TorqueSummary from = null;
        String torqueSource = "input";
        if (in.has("torque.from")) {
            Path path = resolvePath(in, "torque.from");
            from = TorqueSummary.read(path, "torque.from");
            torqueSource = path.toString();
            notes.addAll(from.notes());
            for (String clash : List.of("current.P", "torque.beta")) {
                if (in.has(clash)) {
                    throw new InputException(clash + " = " + in.optionalNumber(clash).get() + " and torque.from = \""
                            + in.text("torque.from") + "\" both set " + clash.substring(clash.indexOf('.') + 1)
                            + "; give one of them");
                }
            }
        }
        Double p = from != null ? Double.valueOf(from.polarization()) : in.optionalNumber("current.P").orElse(null);
        if (p != null && (!(p > 0) || p > 1)) {
            throw new InputException("current.P = " + p + ": the spin polarization must be in (0, 1]");
        }
        double g = in.number("current.g", "");
        if (!(g > 0)) {
            throw new InputException("current.g = " + g + ": the g factor must be > 0 (2 for free electrons)");
        }
        Vector3 flow = direction(in, "current.electron_flow");

        Optional<Double> j = in.optionalNumber("current.density");
        Optional<Double> uGiven = in.optionalNumber("current.u");
        double u;
        Double density = null;
        if (j.isPresent() && uGiven.isPresent()) {
            throw new InputException("current.density = " + j.get() + " A/m^2 and current.u = " + uGiven.get()
                    + " m/s both set the current; give density (with P) or u");
        } else if (j.isPresent()) {
            if (p == null) {
                throw in.missing("current.P", "u = g mu_B P j/(2 e M_s) needs P with current.density (or "
                        + "[torque] from = \"summary.json\")");
            }
            density = j.get();
            u = SpinTransfer.driftVelocity(density, p, material.ms(), g);
        } else if (uGiven.isPresent()) {
            u = uGiven.get();
            if (p != null) {
                density = SpinTransfer.currentDensity(u, p, material.ms(), g);
            }
        } else {
            u = 0;
            density = p != null ? 0.0 : null;
        }

        Double beta = from != null ? Double.valueOf(from.beta()) : in.optionalNumber("torque.beta").orElse(null);
        if (beta == null) {
            beta = 0.0;
            notes.add("no [torque] beta given: beta = 0 (only the adiabatic torque)");
        }
        Vector3 field = field(in, material);
        return new DrivingConditions(material, flow.times(u), beta, field, p, density, g, torqueSource, notes);
    }

    /** The material of {@code [material]}: preset values where the file is silent. */
    public static Material material(ResolvedInput in, List<String> notes) {
        MaterialPreset preset = in.has("material.preset") ? MaterialPreset.byName(in.text("material.preset")) : null;
        if (preset != null) {
            notes.add("material preset " + preset.configName() + ": " + preset.source());
        }
        double ms = presetOr(in, "material.Ms", preset == null ? null : preset.ms());
        double a = presetOr(in, "material.A", preset == null ? null : preset.exchange());
        double k = presetOr(in, "material.K", preset == null ? null : preset.anisotropy());
        double alpha = presetOr(in, "material.alpha", preset == null ? null : preset.alpha());
        double kPerp = in.number("material.K_perp", "");
        double gamma0 = in.number("material.gamma", "");
        return new Material(ms, a, k, kPerp, alpha, gamma0, vector(in, "material.easy_axis"),
                vector(in, "material.hard_axis"));
    }

    private static double presetOr(ResolvedInput in, String path, Double presetValue) {
        Optional<Double> v = in.optionalNumber(path);
        if (v.isPresent()) {
            return v.get();
        }
        if (presetValue != null) {
            return presetValue;
        }
        throw in.missing(path, "or choose [material] preset = one of " + MaterialPreset.names());
    }

    private static Vector3 field(ResolvedInput in, Material material) {
        boolean h = in.has("field.H");
        boolean b = in.has("field.mu0H");
        if (h && b) {
            throw new InputException("field.H and field.mu0H both set the applied field; give one of them");
        }
        if (!h && !b) {
            return Vector3.ZERO;
        }
        String path = h ? "field.H" : "field.mu0H";
        double[] v = in.numbers(path);
        double scale = h ? 1 : 1 / PhysicalConstants.MU_0;
        if (v.length == 1) {
            return material.easyAxis().times(v[0] * scale);
        }
        if (v.length == 3) {
            return new Vector3(v[0], v[1], v[2]).times(scale);
        }
        throw new InputException(path + " has " + v.length + " values; give one (along the easy axis) or three "
                + "(the vector)");
    }

    private static Vector3 vector(ResolvedInput in, String path) {
        double[] v = in.numbers(path);
        if (v.length != 3) {
            throw new InputException(path + " has " + v.length + " values; give a direction [x, y, z]");
        }
        return new Vector3(v[0], v[1], v[2]);
    }

    private static Vector3 direction(ResolvedInput in, String path) {
        Vector3 v = vector(in, path);
        if (!(v.norm() > 0)) {
            throw new InputException(path + " = " + v + ": must be a non-zero direction, e.g. [1, 0, 0]");
        }
        return v.normalized();
    }

    /**
     * The input as TOML that reproduces the run from any folder: as {@link ResolvedInput#asToml()}, with a
     * relative {@code torque.from} replaced by the absolute path it was resolved to (input.toml is written
     * into the output folder, where the original relative path would point elsewhere).
     */
    public static String reproducibleToml(ResolvedInput in) {
        String toml = in.asToml();
        if (!in.has("torque.from")) {
            return toml;
        }
        String given = "from = \"" + in.text("torque.from") + "\"";
        String absolute = "from = \"" + resolvePath(in, "torque.from").toAbsolutePath().normalize()
                .toString().replace("\\", "/") + "\"";
        StringBuilder out = new StringBuilder();
        boolean inTorque = false;
        for (String line : toml.split("\n", -1)) {
            if (line.startsWith("[")) {
                inTorque = line.equals("[torque]");
            }
            out.append(inTorque && line.startsWith(given) ? absolute + line.substring(given.length()) : line)
                    .append('\n');
        }
        return out.substring(0, out.length() - 1);
    }

    /**
     * A path given in the input, resolved against the configuration file's folder when it came from the file
     * and is relative (so that an example can name the output of another), else against the working directory.
     */
    public static Path resolvePath(ResolvedInput in, String parameter) {
        Path p = Path.of(in.text(parameter));
        ResolvedInput.Value v = in.values().get(parameter);
        if (p.isAbsolute() || v.source() != ResolvedInput.Source.FILE) {
            return p;
        }
        Path config = Path.of(in.origin()).toAbsolutePath().getParent();
        return config == null ? p : config.resolve(p).normalize();
    }
}
