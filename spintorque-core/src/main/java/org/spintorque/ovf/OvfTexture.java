package org.spintorque.ovf;

import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import org.spintorque.config.InputException;
import org.spintorque.lattice.Lattice;
import org.spintorque.texture.Texture;
import org.spintorque.texture.Vector3;

/**
 * A magnetization texture read from an OVF vector field (valuedim 3), for example a MuMax3 or OOMMF
 * magnetization snapshot.
 *
 * <h2>Lattice to mesh</h2>
 * Lattice point (x, y, z), in lattice units, sits at the mesh position
 * {@code r = origin + a (x, y, z)} in meters, where {@code a} is the lattice constant in meters and
 * {@code origin} the position of lattice site (0, 0, 0). The mesh coordinates of the file are converted to
 * meters with its {@code meshunit} (m, cm, mm, um or µm, nm, A or Å). The default origin is the center of cell
 * (0, 0, 0), so that with {@code a} equal to the cell size every site sits on its own cell center.
 *
 * <h2>Sampling</h2>
 * <ul>
 *   <li>{@link Sampling#NEAREST} (default): n is the direction of the cell that contains r (the nearest cell
 *       center; a point exactly on a cell face belongs to the cell with the larger index). d_x n is the
 *       centered difference of the cell directions of the neighbouring cells along x,
 *       {@code (n[i+1] - n[i-1]) / (2 dx)}, one-sided at the mesh edges and next to cells without
 *       magnetization, zero for a mesh one cell long, converted to lattice units (times a / dx).</li>
 *   <li>{@link Sampling#TRILINEAR}: the cell directions are interpolated linearly between the cell centers
 *       (held constant in the outer half cell at the mesh boundary) and the result normalized; d_x n is the
 *       centered difference of step {@link Texture#GRADIENT_STEP}. All cells that take part must have a
 *       magnetization.</li>
 * </ul>
 * Each cell's vector is normalized, so the magnitude stored in the file (A/m, or the unit vector of MuMax3)
 * does not matter.
 *
 * <h2>Errors</h2>
 * A lattice point outside the mesh (more than 1e-9 of a cell beyond its outer faces) raises an
 * {@link InputException} "mesh does not cover the lattice" that states both extents; so does a point that
 * falls into a cell with zero (or non-finite) magnetization. {@link #requireCovers(Lattice)} checks a
 * whole lattice at once.
 *
 * <p>The leads have no limit of their own ({@link #limit} is null): they continue the edge slices of the
 * scattering region.
 */
public final class OvfTexture implements Texture {
    /** How the field is evaluated between cell centers. */
    public enum Sampling {
        /** The direction of the cell that contains the point. */
        NEAREST,
        /** Trilinear interpolation of the cell directions between cell centers, normalized. */
        TRILINEAR
    }

    /** Tolerance, in cells, for points on the outer faces of the mesh. */
    private static final double EDGE_TOLERANCE = 1e-9;

    private final OvfField field;
    private final double latticeConstant;
    private final Vector3 origin;
    private final Sampling sampling;
    private final int[] nodes = new int[3];
    private final double[] base = new double[3];
    private final double[] step = new double[3];
    /** Unit vectors per cell in file order; NaN for cells without a direction. */
    private final double[] dirs;
    /** 0 = direction, 1 = zero magnetization, 2 = non-finite value. */
    private final byte[] bad;

    /**
     * @param field           a field with valuedim 3 and positive step sizes
     * @param latticeConstant a, meters per lattice unit (> 0)
     * @param origin          mesh position of lattice site (0, 0, 0), in meters
     * @param sampling        nearest cell or trilinear
     */
    public OvfTexture(OvfField field, double latticeConstant, Vector3 origin, Sampling sampling) {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(sampling, "sampling");
        if (field.valuedim() != 3) {
            throw new InputException("an OVF texture needs a vector field (valuedim 3), but '" + field.title()
                    + "' has valuedim " + field.valuedim());
        }
        if (!(latticeConstant > 0) || !Double.isFinite(latticeConstant)) {
            throw new InputException("the lattice constant of an OVF texture must be positive and finite, got "
                    + latticeConstant + " m");
        }
        if (!Double.isFinite(origin.x()) || !Double.isFinite(origin.y()) || !Double.isFinite(origin.z())) {
            throw new InputException("the origin of an OVF texture must be finite, got " + origin);
        }
        OvfMesh mesh = field.mesh();
        double unit = meshUnitInMeters(mesh.meshunit());
        for (int a = 0; a < 3; a++) {
            nodes[a] = mesh.nodes(a);
            step[a] = mesh.stepsize(a) * unit;
            base[a] = mesh.base(a) * unit;
            if (!(step[a] > 0)) {
                throw new InputException("an OVF texture needs positive cell sizes, but the mesh of '" + field.title()
                        + "' has " + OvfMesh.axisName(a) + "stepsize " + mesh.stepsize(a));
            }
        }
        this.field = field;
        this.latticeConstant = latticeConstant;
        this.origin = origin;
        this.sampling = sampling;
        int cells = mesh.cellCount();
        this.dirs = new double[3 * cells];
        this.bad = new byte[cells];
        for (int c = 0; c < cells; c++) {
            double x = field.value(3 * c);
            double y = field.value(3 * c + 1);
            double z = field.value(3 * c + 2);
            double norm = Math.sqrt(x * x + y * y + z * z);
            if (!Double.isFinite(x) || !Double.isFinite(y) || !Double.isFinite(z) || !Double.isFinite(norm)) {
                bad[c] = 2;
            } else if (norm == 0) {
                bad[c] = 1;
            }
            if (bad[c] == 0) {
                dirs[3 * c] = x / norm;
                dirs[3 * c + 1] = y / norm;
                dirs[3 * c + 2] = z / norm;
            } else {
                dirs[3 * c] = Double.NaN;
                dirs[3 * c + 1] = Double.NaN;
                dirs[3 * c + 2] = Double.NaN;
            }
        }
    }

    /** Nearest-cell sampling with lattice site (0, 0, 0) at the center of cell (0, 0, 0). */
    public OvfTexture(OvfField field, double latticeConstant) {
        this(field, latticeConstant, firstCellCenter(field), Sampling.NEAREST);
    }

    /** Reads {@code file} (see {@link OvfReader}) as a nearest-cell texture with the default origin. */
    public static OvfTexture read(Path file, double latticeConstant) {
        return new OvfTexture(OvfReader.read(file), latticeConstant);
    }

    /** The center of cell (0, 0, 0) in meters: the default origin. */
    public static Vector3 firstCellCenter(OvfField field) {
        double u = meshUnitInMeters(field.mesh().meshunit());
        Vector3 c = field.mesh().cellCenter(0, 0, 0);
        return c.times(u);
    }

    /** Meters per meshunit: m, cm, mm, um (µm), nm, A (Å, angstrom). */
    public static double meshUnitInMeters(String meshunit) {
        String u = meshunit.strip();
        switch (u) {
            case "m":
                return 1;
            case "cm":
                return 1e-2;
            case "mm":
                return 1e-3;
            case "um":
            case "\u00b5m":
            case "\u03bcm":
                return 1e-6;
            case "nm":
                return 1e-9;
            case "A":
            case "\u00c5":
                return 1e-10;
            default:
                break;
        }
        switch (u.toLowerCase(Locale.ROOT)) {
            case "angstrom":
                return 1e-10;
            case "micron":
                return 1e-6;
            default:
                throw new InputException("meshunit '" + meshunit + "' is not a length unit this program knows;"
                        + " expected m, cm, mm, um, nm or A");
        }
    }

    public OvfField field() {
        return field;
    }

    /** a, meters per lattice unit. */
    public double latticeConstant() {
        return latticeConstant;
    }

    /** Mesh position of lattice site (0, 0, 0), meters. */
    public Vector3 origin() {
        return origin;
    }

    public Sampling sampling() {
        return sampling;
    }

    /** The mesh position, in meters, of lattice point (x, y, z). */
    public Vector3 meshPosition(double x, double y, double z) {
        return new Vector3(origin.x() + latticeConstant * x, origin.y() + latticeConstant * y,
                origin.z() + latticeConstant * z);
    }

    /** Whether lattice point (x, y, z) lies inside the mesh. */
    public boolean covers(double x, double y, double z) {
        double[] p = {origin.x() + latticeConstant * x, origin.y() + latticeConstant * y,
            origin.z() + latticeConstant * z};
        for (int a = 0; a < 3; a++) {
            double t = (p[a] - base[a]) / step[a];
            if (!(t >= -0.5 - EDGE_TOLERANCE && t <= nodes[a] - 0.5 + EDGE_TOLERANCE)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Checks that every site of the scattering region of {@code lattice}, x = 0 .. length - 1,
     * y = 0 .. width - 1, z = 0 .. height - 1, lies inside the mesh.
     *
     * @throws InputException "mesh does not cover the lattice", with the extent of both in meters
     */
    public void requireCovers(Lattice lattice) {
        int[] last = {lattice.length() - 1, lattice.width() - 1, lattice.height() - 1};
        if (covers(0, 0, 0) && covers(last[0], last[1], last[2])) {
            return;
        }
        Vector3 lo = meshPosition(0, 0, 0);
        Vector3 hi = meshPosition(last[0], last[1], last[2]);
        StringBuilder sb = new StringBuilder("mesh does not cover the lattice: the lattice sites x 0.." + last[0]
                + ", y 0.." + last[1] + ", z 0.." + last[2] + " (a = " + fmt(latticeConstant) + " m, site (0, 0, 0) at "
                + meters(origin) + ") span ");
        for (int a = 0; a < 3; a++) {
            sb.append(a == 0 ? "" : ", ").append(OvfMesh.axisName(a)).append(" [")
                    .append(fmt(lo.component(a))).append(", ").append(fmt(hi.component(a))).append(']');
        }
        sb.append(" m; ").append(meshExtent());
        throw new InputException(sb.toString());
    }

    @Override
    public Vector3 n(double x, double y, double z) {
        requireCovers(x, y, z);
        if (sampling == Sampling.NEAREST) {
            int c = nearestCell(x, y, z);
            requireDirection(c, x, y, z);
            return new Vector3(dirs[3 * c], dirs[3 * c + 1], dirs[3 * c + 2]);
        }
        return interpolate(x, y, z);
    }

    @Override
    public Vector3 dxN(double x, double y, double z) {
        requireCovers(x, y, z);
        if (sampling == Sampling.TRILINEAR) {
            double h = GRADIENT_STEP;
            return interpolate(x + h, y, z).minus(interpolate(x - h, y, z)).times(1 / (2 * h));
        }
        int c = nearestCell(x, y, z);
        requireDirection(c, x, y, z);
        int ix = c % nodes[0];
        Vector3 center = direction(c);
        Vector3 left = ix > 0 && bad[c - 1] == 0 ? direction(c - 1) : null;
        Vector3 right = ix < nodes[0] - 1 && bad[c + 1] == 0 ? direction(c + 1) : null;
        Vector3 d;
        if (left != null && right != null) {
            d = right.minus(left).times(1 / (2 * step[0]));
        } else if (right != null) {
            d = right.minus(center).times(1 / step[0]);
        } else if (left != null) {
            d = center.minus(left).times(1 / step[0]);
        } else {
            return Vector3.ZERO;
        }
        return d.times(latticeConstant);
    }

    @Override
    public String toString() {
        return "OVF field '" + field.title() + "' (" + field.mesh().xnodes() + " x " + field.mesh().ynodes() + " x "
                + field.mesh().znodes() + " cells, " + sampling.name().toLowerCase(Locale.ROOT) + ", a = "
                + latticeConstant + " m)";
    }

    // ---------------------------------------------------------------------------------------------------------

    private Vector3 direction(int c) {
        return new Vector3(dirs[3 * c], dirs[3 * c + 1], dirs[3 * c + 2]);
    }

    private void requireCovers(double x, double y, double z) {
        if (!covers(x, y, z)) {
            throw new InputException("mesh does not cover the lattice: lattice point (" + fmt(x) + ", " + fmt(y)
                    + ", " + fmt(z) + ") lies at " + meters(meshPosition(x, y, z)) + " (a = " + fmt(latticeConstant)
                    + " m, site (0, 0, 0) at " + meters(origin) + "); " + meshExtent());
        }
    }

    private String meshExtent() {
        StringBuilder sb = new StringBuilder("the mesh of '" + field.title() + "' (" + nodes[0] + " x " + nodes[1]
                + " x " + nodes[2] + " cells) covers ");
        for (int a = 0; a < 3; a++) {
            sb.append(a == 0 ? "" : ", ").append(OvfMesh.axisName(a)).append(" [")
                    .append(fmt(base[a] - step[a] / 2)).append(", ")
                    .append(fmt(base[a] + (nodes[a] - 0.5) * step[a])).append(']');
        }
        return sb.append(" m").toString();
    }

    private static String meters(Vector3 v) {
        return "(" + fmt(v.x()) + ", " + fmt(v.y()) + ", " + fmt(v.z()) + ") m";
    }

    /** A number for messages: 12 significant digits, without the round-off noise of sums like 0.5 + 4 * 1. */
    private static String fmt(double v) {
        if (!Double.isFinite(v) || v == 0) {
            return OvfWriter.format(v);
        }
        return OvfWriter.format(new BigDecimal(v).round(new MathContext(12)).doubleValue());
    }

    private int nearestCell(double x, double y, double z) {
        double[] p = {origin.x() + latticeConstant * x, origin.y() + latticeConstant * y,
            origin.z() + latticeConstant * z};
        int[] i = new int[3];
        for (int a = 0; a < 3; a++) {
            double t = (p[a] - base[a]) / step[a];
            i[a] = (int) Math.max(0, Math.min(nodes[a] - 1, Math.floor(t + 0.5)));
        }
        return (i[2] * nodes[1] + i[1]) * nodes[0] + i[0];
    }

    private void requireDirection(int c, double x, double y, double z) {
        if (bad[c] == 0) {
            return;
        }
        int ix = c % nodes[0];
        int iy = (c / nodes[0]) % nodes[1];
        int iz = c / (nodes[0] * nodes[1]);
        String value = "(" + field.value(3 * c) + ", " + field.value(3 * c + 1) + ", " + field.value(3 * c + 2) + ")";
        throw new InputException("lattice point (" + fmt(x) + ", " + fmt(y) + ", " + fmt(z) + ") at "
                + meters(meshPosition(x, y, z)) + " falls into cell (" + ix + ", " + iy + ", " + iz + ") of the"
                + " OVF field '" + field.title() + "', which has " + (bad[c] == 1 ? "zero magnetization "
                : "a non-finite value ") + value + " and so no direction");
    }

    /** Trilinear interpolation of the cell directions at lattice point (x, y, z), clamped to the mesh. */
    private Vector3 interpolate(double x, double y, double z) {
        double[] p = {origin.x() + latticeConstant * x, origin.y() + latticeConstant * y,
            origin.z() + latticeConstant * z};
        int[] i0 = new int[3];
        double[] f = new double[3];
        for (int a = 0; a < 3; a++) {
            double t = Math.max(0, Math.min(nodes[a] - 1, (p[a] - base[a]) / step[a]));
            int i = (int) Math.floor(t);
            if (i >= nodes[a] - 1) {
                i = Math.max(0, nodes[a] - 2);
            }
            i0[a] = i;
            f[a] = nodes[a] == 1 ? 0 : t - i;
        }
        double sx = 0;
        double sy = 0;
        double sz = 0;
        for (int k = 0; k < 8; k++) {
            int dx = k & 1;
            int dy = (k >> 1) & 1;
            int dz = (k >> 2) & 1;
            double w = (dx == 1 ? f[0] : 1 - f[0]) * (dy == 1 ? f[1] : 1 - f[1]) * (dz == 1 ? f[2] : 1 - f[2]);
            if (w == 0) {
                continue;
            }
            int c = ((i0[2] + dz) * nodes[1] + i0[1] + dy) * nodes[0] + i0[0] + dx;
            requireDirection(c, x, y, z);
            sx += w * dirs[3 * c];
            sy += w * dirs[3 * c + 1];
            sz += w * dirs[3 * c + 2];
        }
        double norm = Math.sqrt(sx * sx + sy * sy + sz * sz);
        if (!(norm > 1e-12)) {
            throw new InputException("the interpolated magnetization vanishes at lattice point (" + fmt(x) + ", "
                    + fmt(y) + ", " + fmt(z) + ") of the OVF field '" + field.title() + "' (neighbouring cells"
                    + " point in opposite directions); use nearest-cell sampling");
        }
        return new Vector3(sx / norm, sy / norm, sz / norm);
    }
}
