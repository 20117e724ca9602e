package org.spintorque.wannier;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.spintorque.linalg.ComplexMatrix;
import org.spintorque.texture.Texture;
import org.spintorque.texture.Vector3;
import org.spintorque.lattice.LeadSide;
import org.spintorque.transport.BlockTridiagonal;
import org.spintorque.transport.Lead;
import org.spintorque.transport.LeadSelfEnergy;
import org.spintorque.transport.RecursiveGreenFunction;
import org.spintorque.linalg.LinearAlgebra;

/**
 * A wire (open transverse boundaries) or slab (periodic transverse boundaries, with a transverse Bloch vector)
 * of a cubic crystal described by a Wannier model, cut into principal layers along x for the recursive Green's
 * function: the real-space route of the Wannier torques.
 *
 * <h2>Geometry</h2>
 * A site is a lattice point R of the model (all its Wannier functions, {@link WannierModel#dimension()} states,
 * sit on it; the Wannier centres only label the orbitals). The conventional cubic cell (edges A_x, A_y, A_z
 * along the Cartesian axes, found among the lattice vectors) holds {@code V_conv/V_prim} sites. A principal
 * layer is {@code P} conventional cells along x times {@code ny x nz} across, with P the smallest number such
 * that every hopping of the model (or every hopping kept above a cutoff) joins only neighbouring layers:
 * {@code P A_x >= max |R_x|}. Sites of a layer are ordered by x, then y, then z; site positions are in
 * Angstrom, texture coordinates in units of the conventional edge a = A_x (as on the lattices of
 * {@code spintorque run}, where a = 1).
 *
 * <h2>Hamiltonian</h2>
 * The block between sites i and j = i + R is {@code <i|H|j> = H(R)} with the texture applied to the exchange
 * part as in {@link SpinParts#hopping} (the average of the two sites' rotations). With periodic transverse
 * boundaries the images j + T (T = m ny A_y + l nz A_z) are summed with the Bloch phase
 * {@code exp(2 pi i (k_y m + k_z l))}, k in units of the slab's transverse reciprocal vectors; the texture
 * must then depend on x only. Named terms for the continuity decomposition: "charge" (spin-independent),
 * "spin-orbit" (texture-independent, a relaxation source), "exchange" (turned with the texture; minus its
 * source is the torque on the magnetization), and optional on-site disorder ({@link OnsiteDisorder}).
 *
 * <p>Immutable and thread-safe.
 */
public final class CrystalWire {
    /** Transverse boundary conditions. */
    public enum Boundary { PERIODIC, OPEN }

    /** The named terms, in the order of {@link #termBlocks}. */
    public static final List<String> BOND_TERMS = List.of("charge", "spin-orbit", "exchange");

    private final WannierModel model;
    private final SpinParts parts;
    private final int dim;
    private final int[][] conv;
    private final double a;
    private final double[] convLength;
    private final int layerCells;
    private final int ny;
    private final int nz;
    private final Boundary boundary;
    private final double cutoff;
    private final int[][] siteCells;
    private final double[][] sitePos;
    private final int[] sitePlane;
    private final double[] planeX;
    // the model's cells kept (above the cutoff) and their blocks per term
    private final int[][] cells;
    private final ComplexMatrix[] charge;
    private final ComplexMatrix[] spinOrbit;
    private final ComplexMatrix[] exchange;
    // bond table: for site i and kept cell b, index i * cells.length + b
    private final int[] target;
    private final int[] targetLayer;
    private final int[] imageY;
    private final int[] imageZ;
    private final double droppedNorm;

    /**
     * @param model    the Wannier model (its lattice must contain the three Cartesian axes)
     * @param ny       conventional cells across, along y (>= 1)
     * @param nz       conventional cells across, along z (>= 1)
     * @param boundary transverse boundary conditions
     * @param cutoff   hoppings whose largest element is below this (eV) are dropped; 0 keeps the full range
     */
    public CrystalWire(WannierModel model, int ny, int nz, Boundary boundary, double cutoff) {
        if (ny < 1 || nz < 1) {
            throw new IllegalArgumentException("the cross-section needs at least 1 x 1 conventional cells, got "
                    + ny + " x " + nz);
        }
        this.model = model;
        this.parts = model.spinParts();
        this.dim = model.dimension();
        this.ny = ny;
        this.nz = nz;
        this.boundary = boundary;
        this.cutoff = cutoff;
        double[][] lat = model.lattice();
        this.conv = new int[3][];
        this.convLength = new double[3];
        for (int ax = 0; ax < 3; ax++) {
            conv[ax] = shortestAlong(lat, ax);
            convLength[ax] = cart(lat, conv[ax])[ax];
        }
        this.a = convLength[0];
        // sites of one conventional cell
        List<int[]> cellSites = new ArrayList<>();
        int span = 8;
        for (int i = -span; i <= span; i++) {
            for (int j = -span; j <= span; j++) {
                for (int k = -span; k <= span; k++) {
                    double[] r = cart(lat, new int[] {i, j, k});
                    if (inside(r[0], convLength[0]) && inside(r[1], convLength[1]) && inside(r[2], convLength[2])) {
                        cellSites.add(new int[] {i, j, k});
                    }
                }
            }
        }
        double vPrim = Math.abs(det(lat));
        long expected = Math.round(convLength[0] * convLength[1] * convLength[2] / vPrim);
        if (cellSites.size() != expected) {
            throw new IllegalArgumentException("found " + cellSites.size() + " lattice points in the conventional cell,"
                    + " expected " + expected);
        }
        // kept cells and the principal-layer length
        List<int[]> kept = new ArrayList<>();
        double dropped = 0;
        double maxX = 0;
        for (int[] c : model.cells()) {
            ComplexMatrix h = model.hopping(c[0], c[1], c[2]);
            boolean onsite = c[0] == 0 && c[1] == 0 && c[2] == 0;
            if (!onsite && h.maxAbs() < cutoff) {
                for (double v : h.data()) {
                    dropped += v * v;
                }
                continue;
            }
            kept.add(c);
            maxX = Math.max(maxX, Math.abs(cart(lat, c)[0]));
        }
        this.droppedNorm = Math.sqrt(dropped);
        this.layerCells = Math.max(1, (int) Math.ceil(maxX / a - 1e-9));
        this.cells = kept.toArray(new int[0][]);
        this.charge = new ComplexMatrix[cells.length];
        this.spinOrbit = new ComplexMatrix[cells.length];
        this.exchange = new ComplexMatrix[cells.length];
        for (int b = 0; b < cells.length; b++) {
            int[] c = cells[b];
            charge[b] = parts.charge().hopping(c[0], c[1], c[2]);
            spinOrbit[b] = parts.spinOrbit().hopping(c[0], c[1], c[2]);
            exchange[b] = parts.exchange().hopping(c[0], c[1], c[2]);
        }
        // sites of layer 0, sorted by x, y, z
        List<int[]> sites = new ArrayList<>();
        for (int p = 0; p < layerCells; p++) {
            for (int cy = 0; cy < ny; cy++) {
                for (int cz = 0; cz < nz; cz++) {
                    for (int[] s : cellSites) {
                        sites.add(add(s, add(scale(conv[0], p), add(scale(conv[1], cy), scale(conv[2], cz)))));
                    }
                }
            }
        }
        sites.sort(Comparator.comparingDouble((int[] s) -> round(cart(lat, s)[0]))
                .thenComparingDouble(s -> round(cart(lat, s)[1])).thenComparingDouble(s -> round(cart(lat, s)[2])));
        this.siteCells = sites.toArray(new int[0][]);
        this.sitePos = new double[siteCells.length][];
        Map<Long, Integer> index = new HashMap<>();
        List<Double> planes = new ArrayList<>();
        this.sitePlane = new int[siteCells.length];
        for (int i = 0; i < siteCells.length; i++) {
            sitePos[i] = cart(lat, siteCells[i]);
            index.put(HoppingTable.key(siteCells[i][0], siteCells[i][1], siteCells[i][2]), i);
            if (planes.isEmpty() || sitePos[i][0] > planes.get(planes.size() - 1) + 1e-6) {
                planes.add(sitePos[i][0]);
            }
            sitePlane[i] = planes.size() - 1;
        }
        this.planeX = planes.stream().mapToDouble(Double::doubleValue).toArray();
        // the bond table
        int ns = siteCells.length;
        int nc = cells.length;
        this.target = new int[ns * nc];
        this.targetLayer = new int[ns * nc];
        this.imageY = new int[ns * nc];
        this.imageZ = new int[ns * nc];
        double layerLength = layerCells * a;
        for (int i = 0; i < ns; i++) {
            for (int b = 0; b < nc; b++) {
                int e = i * nc + b;
                int[] t = add(siteCells[i], cells[b]);
                double[] r = cart(lat, t);
                int dl = (int) Math.floor(r[0] / layerLength + 1e-9);
                int m = (int) Math.floor(r[1] / (ny * convLength[1]) + 1e-9);
                int l = (int) Math.floor(r[2] / (nz * convLength[2]) + 1e-9);
                int[] t0 = add(t, add(scale(conv[0], -dl * layerCells),
                        add(scale(conv[1], -m * ny), scale(conv[2], -l * nz))));
                Integer j = index.get(HoppingTable.key(t0[0], t0[1], t0[2]));
                if (j == null || Math.abs(dl) > 1) {
                    throw new IllegalStateException("bond from site " + i + " by " + Arrays.toString(cells[b])
                            + " does not land on a site of a neighbouring layer");
                }
                boolean drop = boundary == Boundary.OPEN && (m != 0 || l != 0);
                target[e] = drop ? -1 : j;
                targetLayer[e] = dl;
                imageY[e] = m;
                imageZ[e] = l;
            }
        }
    }

    /** The same crystal with another cross-section (periodic), sharing the model's blocks. */
    private CrystalWire(CrystalWire from, int ny, int nz) {
        this(from.model, ny, nz, Boundary.PERIODIC, from.cutoff);
    }

    private static boolean inside(double v, double length) {
        return v > -1e-6 && v < length - 1e-6;
    }

    private static double round(double v) {
        return Math.rint(v * 1e6) / 1e6;
    }

    private static int[] shortestAlong(double[][] lat, int axis) {
        int[] best = null;
        double bestLen = Double.MAX_VALUE;
        for (int i = -4; i <= 4; i++) {
            for (int j = -4; j <= 4; j++) {
                for (int k = -4; k <= 4; k++) {
                    double[] r = cart(lat, new int[] {i, j, k});
                    double along = r[axis];
                    double off = Math.hypot(r[(axis + 1) % 3], r[(axis + 2) % 3]);
                    if (along > 1e-6 && off < 1e-6 * along && along < bestLen - 1e-9) {
                        bestLen = along;
                        best = new int[] {i, j, k};
                    }
                }
            }
        }
        if (best == null) {
            throw new IllegalArgumentException("the model's lattice has no lattice vector along the Cartesian "
                    + "axis " + "xyz".charAt(axis) + ": a crystal wire needs a cubic (sc, bcc, fcc) or orthorhombic"
                    + " lattice aligned with the axes");
        }
        return best;
    }

    static double[] cart(double[][] lat, int[] c) {
        double[] r = new double[3];
        for (int i = 0; i < 3; i++) {
            for (int d = 0; d < 3; d++) {
                r[d] += c[i] * lat[i][d];
            }
        }
        return r;
    }

    private static double det(double[][] m) {
        return m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1]) - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
                + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
    }

    private static int[] add(int[] x, int[] y) {
        return new int[] {x[0] + y[0], x[1] + y[1], x[2] + y[2]};
    }

    private static int[] scale(int[] x, int f) {
        return new int[] {x[0] * f, x[1] * f, x[2] * f};
    }

    /** The model split into its parts. */
    public SpinParts parts() {
        return parts;
    }

    /** States per site. */
    public int siteDimension() {
        return dim;
    }

    /** Sites per principal layer. */
    public int sitesPerLayer() {
        return siteCells.length;
    }

    /** States per principal layer. */
    public int layerDimension() {
        return siteCells.length * dim;
    }

    /** Conventional cells per principal layer along x (P). */
    public int layerCells() {
        return layerCells;
    }

    /** The conventional edge a = A_x (Angstrom): the length unit of texture coordinates. */
    public double latticeConstant() {
        return a;
    }

    public int ny() {
        return ny;
    }

    public int nz() {
        return nz;
    }

    public Boundary boundary() {
        return boundary;
    }

    /** Atomic planes per principal layer. */
    public int planesPerLayer() {
        return planeX.length;
    }

    /** The plane (0 .. planesPerLayer-1) of site i of a layer. */
    public int plane(int site) {
        return sitePlane[site];
    }

    /** Number of model cells kept. */
    public int cellCount() {
        return cells.length;
    }

    /** Frobenius norm of the hoppings dropped by the cutoff (eV). */
    public double droppedNorm() {
        return droppedNorm;
    }

    /** The hopping cutoff (eV). */
    public double cutoff() {
        return cutoff;
    }

    /** Position of site i of layer l (Angstrom). */
    public double[] position(int layer, int site) {
        double[] p = sitePos[site].clone();
        p[0] += layer * layerCells * a;
        return p;
    }

    /** Texture coordinates (units of a) of site i of layer l. */
    public double[] textureCoordinates(int layer, int site) {
        double[] p = position(layer, site);
        return new double[] {p[0] / a, p[1] / a, p[2] / a};
    }

    /** x of plane p of layer l, in units of a. */
    public double planeCoordinate(int layer, int plane) {
        return (planeX[plane] + layer * layerCells * a) / a;
    }

    /** A bond of the table: the target site, its layer offset (-1, 0, 1) and transverse image; target -1 if dropped. */
    public record Bond(int cell, int target, int layerOffset, int imageY, int imageZ) { }

    /** The bonds of site i (one per kept model cell, in a fixed order). */
    public Bond bond(int site, int b) {
        int e = site * cells.length + b;
        return new Bond(b, target[e], targetLayer[e], imageY[e], imageZ[e]);
    }

    /** The lattice vector (integer coordinates) of kept cell b. */
    public int[] cell(int b) {
        return cells[b].clone();
    }

    /**
     * The blocks {@code <i|H^t|j>} of the three bond terms for kept cell b between sites magnetized along ni and
     * nj (for b the on-site cell, ni = nj): charge, spin-orbit, exchange turned to the texture.
     */
    public ComplexMatrix[] termBlocks(int b, Vector3 ni, Vector3 nj) {
        double[][] m = SpinRotation.average(parts.rotationTo(ni), parts.rotationTo(nj));
        ComplexMatrix x = SpinParts.rotate(exchange[b], dim / 2, m);
        return new ComplexMatrix[] {charge[b], spinOrbit[b], x};
    }

    /** The Bloch phase exp(2 pi i (k_y m + k_z l)) of a transverse image, as {re, im}. */
    static double[] phase(double ky, double kz, int m, int l) {
        double ang = 2 * Math.PI * (ky * m + kz * l);
        return new double[] {Math.cos(ang), Math.sin(ang)};
    }

    /**
     * The magnetization directions of a setup: per layer -1 .. length (the leads' first cells included) and
     * per site; the leads are uniform (the texture's limits).
     */
    public Vector3[][] directions(int length, Texture texture) {
        Vector3[][] n = new Vector3[length + 2][sitesPerLayer()];
        double ymid = ny * convLength[1] / (2 * a);
        double zmid = nz * convLength[2] / (2 * a);
        Vector3 left = limit(texture, LeadSide.LEFT, ymid, zmid, -1);
        Vector3 right = limit(texture, LeadSide.RIGHT, ymid, zmid, length);
        for (int l = -1; l <= length; l++) {
            for (int i = 0; i < sitesPerLayer(); i++) {
                if (l == -1) {
                    n[0][i] = left;
                } else if (l == length) {
                    n[l + 1][i] = right;
                } else {
                    double[] c = textureCoordinates(l, i);
                    n[l + 1][i] = texture.n(c[0], c[1], c[2]).normalized();
                }
            }
        }
        return n;
    }

    private Vector3 limit(Texture texture, LeadSide side, double y, double z, int layer) {
        Vector3 v = texture.limit(side, y, z);
        if (v != null) {
            return v.normalized();
        }
        double x = planeCoordinate(layer, side == LeadSide.LEFT ? planesPerLayer() - 1 : 0);
        return texture.n(x, y, z).normalized();
    }

    /**
     * The Hamiltonian block {@code H_{l+dl, l}} (rows: layer l + dl, columns: layer l) for layer offsets dl = 0
     * or 1, at transverse Bloch vector (ky, kz), with the directions n (indexed by layer + 1) and, on the
     * diagonal, the on-site disorder of that layer (null for none).
     */
    public ComplexMatrix block(int l, int dl, Vector3[][] n, double ky, double kz, OnsiteDisorder disorder) {
        int ns = sitesPerLayer();
        ComplexMatrix h = new ComplexMatrix(ns * dim, ns * dim);
        int rowLayer = l + dl;
        for (int i = 0; i < ns; i++) {
            Vector3 ni = n[rowLayer + 1][i];
            for (int b = 0; b < cells.length; b++) {
                int e = i * cells.length + b;
                int j = target[e];
                if (j < 0 || targetLayer[e] != -dl) {
                    continue;
                }
                Vector3 nj = n[l + 1][j];
                ComplexMatrix[] t = termBlocks(b, ni, nj);
                double[] ph = phase(ky, kz, imageY[e], imageZ[e]);
                addBlock(h, i * dim, j * dim, t, ph);
            }
            if (dl == 0 && disorder != null) {
                ComplexMatrix d = disorder.onsite(l, i, ni);
                if (d != null) {
                    addBlock(h, i * dim, i * dim, new ComplexMatrix[] {d}, new double[] {1, 0});
                }
            }
        }
        return h;
    }

    private void addBlock(ComplexMatrix h, int r0, int c0, ComplexMatrix[] terms, double[] ph) {
        double[] out = h.data();
        int rows = h.rows();
        for (ComplexMatrix t : terms) {
            double[] in = t.data();
            for (int c = 0; c < dim; c++) {
                for (int r = 0; r < dim; r++) {
                    int p = 2 * (r + c * dim);
                    double re = in[p];
                    double im = in[p + 1];
                    int q = 2 * (r0 + r + (c0 + c) * rows);
                    out[q] += re * ph[0] - im * ph[1];
                    out[q + 1] += re * ph[1] + im * ph[0];
                }
            }
        }
    }

    /**
     * The open system: {@code length} principal layers between two leads of the same crystal, magnetized along
     * the texture's limits, at transverse Bloch vector (ky, kz) (0, 0 for open boundaries).
     */
    public BlockTridiagonal system(int length, Vector3[][] n, double ky, double kz, OnsiteDisorder disorder) {
        List<ComplexMatrix> slices = new ArrayList<>();
        List<ComplexMatrix> couplings = new ArrayList<>();
        for (int l = 0; l < length; l++) {
            slices.add(block(l, 0, n, ky, kz, disorder));
            if (l + 1 < length) {
                couplings.add(block(l, 1, n, ky, kz, disorder));
            }
        }
        Lead left = new Lead(block(-1, 0, n, ky, kz, null), leadHopping(n[0][0], ky, kz));
        Lead right = new Lead(block(length, 0, n, ky, kz, null), leadHopping(n[length + 1][0], ky, kz));
        ComplexMatrix li = block(-1, 1, n, ky, kz, null);
        ComplexMatrix ri = block(length - 1, 1, n, ky, kz, null);
        return new BlockTridiagonal(slices, couplings, left, right, li, ri);
    }

    private ComplexMatrix leadHopping(Vector3 lead, double ky, double kz) {
        Vector3[][] u = new Vector3[3][sitesPerLayer()];
        for (Vector3[] row : u) {
            Arrays.fill(row, lead);
        }
        // H_{x+1,x} of the uniform lead does not depend on x: use layers 0 -> 1
        return block(0, 1, u, ky, kz, null);
    }

    /**
     * The recursive Green's function solver of a system built by {@link #system} at (ky, kz). For a periodic
     * supercell (ny nz > 1) the leads' self-energies come from the ny nz transverse Bloch components of the
     * 1 x 1 slab (k_q = ((ky, kz) + q) / (ny, nz)), each a mode matching of one conventional cross-section
     * ({@link LeadSelfEnergy#blockDiagonal}), instead of one of the whole supercell lead.
     */
    public RecursiveGreenFunction solver(BlockTridiagonal sys, Vector3 leftN, Vector3 rightN, double ky, double kz,
                                         double energy, LinearAlgebra la) {
        return solver(sys, leftN, rightN, ky, kz, energy, la, true);
    }

    /**
     * As {@link #solver(BlockTridiagonal, Vector3, Vector3, double, double, double, LinearAlgebra)}; with
     * {@code foldLeads} false the supercell leads are solved directly by one mode matching each (the baseline of
     * the benchmark).
     */
    public RecursiveGreenFunction solver(BlockTridiagonal sys, Vector3 leftN, Vector3 rightN, double ky, double kz,
                                         double energy, LinearAlgebra la, boolean foldLeads) {
        if (!foldLeads || boundary != Boundary.PERIODIC || ny * nz == 1) {
            return new RecursiveGreenFunction(sys, energy, la);
        }
        CrystalWire prim = primitive();
        ComplexMatrix u = foldingUnitary(prim, ky, kz);
        double e = energy;
        for (int attempt = 0; attempt < 8; attempt++) {
            LeadSelfEnergy l = folded(prim, sys.leftLead(), org.spintorque.transport.LeadSide.LEFT, leftN, ky, kz, e, u, la);
            LeadSelfEnergy r = folded(prim, sys.rightLead(), org.spintorque.transport.LeadSide.RIGHT, rightN, ky, kz, l.energy(), u, la);
            if (r.energy() == l.energy()) {
                return new RecursiveGreenFunction(sys, l, r, la);
            }
            e = Math.max(l.energy(), r.energy());
        }
        throw new IllegalStateException("no common energy off the band edges of the lead components near E = "
                + energy);
    }

    private LeadSelfEnergy folded(CrystalWire prim, Lead lead, org.spintorque.transport.LeadSide side, Vector3 n, double ky, double kz,
                                  double energy, ComplexMatrix u, LinearAlgebra la) {
        Vector3[][] dirs = new Vector3[3][prim.sitesPerLayer()];
        for (Vector3[] row : dirs) {
            Arrays.fill(row, n);
        }
        double e = energy;
        for (int attempt = 0; attempt < 8; attempt++) {
            List<LeadSelfEnergy> parts = new ArrayList<>();
            double highest = e;
            for (int my = 0; my < ny; my++) {
                for (int mz = 0; mz < nz; mz++) {
                    double qy = (ky + my) / ny;
                    double qz = (kz + mz) / nz;
                    Lead q = new Lead(prim.block(0, 0, dirs, qy, qz, null), prim.block(0, 1, dirs, qy, qz, null));
                    LeadSelfEnergy c = LeadSelfEnergy.compute(q, side, e, la);
                    parts.add(c);
                    highest = Math.max(highest, c.energy());
                }
            }
            final double top = highest;
            if (parts.stream().allMatch(c -> c.energy() == top)) {
                return LeadSelfEnergy.blockDiagonal(lead, side, parts, u, la);
            }
            e = highest;
        }
        throw new IllegalStateException("no common energy off the band edges of the lead components near E = "
                + energy);
    }

    /** The 1 x 1 slab of the same crystal (same cutoff, hence the same principal layers). */
    private CrystalWire primitive() {
        return new CrystalWire(this, 1, 1);
    }

    /**
     * U with {@code U[(i, alpha), (q, s, alpha)] = exp(2 pi i k_q . c_i) / sqrt(ny nz)} where site i of the
     * supercell layer is site s of the 1 x 1 layer shifted by the conventional cell c_i.
     */
    private ComplexMatrix foldingUnitary(CrystalWire prim, double ky, double kz) {
        int n = layerDimension();
        int ps = prim.sitesPerLayer();
        ComplexMatrix u = new ComplexMatrix(n, n);
        Map<Long, Integer> primIndex = new HashMap<>();
        for (int s = 0; s < ps; s++) {
            primIndex.put(HoppingTable.key(prim.siteCells[s][0], prim.siteCells[s][1], prim.siteCells[s][2]), s);
        }
        double norm = 1 / Math.sqrt(ny * nz);
        for (int i = 0; i < sitesPerLayer(); i++) {
            int cy = (int) Math.floor(sitePos[i][1] / convLength[1] + 1e-9);
            int cz = (int) Math.floor(sitePos[i][2] / convLength[2] + 1e-9);
            int[] t = add(siteCells[i], add(scale(conv[1], -cy), scale(conv[2], -cz)));
            Integer s = primIndex.get(HoppingTable.key(t[0], t[1], t[2]));
            if (s == null) {
                throw new IllegalStateException("supercell site " + i + " has no image in the 1 x 1 layer");
            }
            for (int my = 0; my < ny; my++) {
                for (int mz = 0; mz < nz; mz++) {
                    int q = my * nz + mz;
                    double ang = 2 * Math.PI * ((ky + my) / ny * cy + (kz + mz) / nz * cz);
                    for (int al = 0; al < dim; al++) {
                        u.set(i * dim + al, (q * ps + s) * dim + al, norm * Math.cos(ang), norm * Math.sin(ang));
                    }
                }
            }
        }
        return u;
    }

    /** On-site disorder per (layer, site): a dim x dim Hermitian block or null. */
    @FunctionalInterface
    public interface OnsiteDisorder {
        ComplexMatrix onsite(int layer, int site, Vector3 n);
    }
}
