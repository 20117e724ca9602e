package org.spintorque.wannier;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.spintorque.linalg.ComplexMatrix;
import org.spintorque.linalg.LinearAlgebra;
import org.spintorque.output.ProgressListener;
import org.spintorque.texture.Vector3;

/**
 * The current-induced torque on a flat spin spiral of a bulk Wannier crystal <em>with</em> its spin-orbit part: the
 * spiral in the lab frame on a commensurate supercell, which is what the generalized Bloch theorem of
 * {@link SpinSpiralResponse} cannot do once the spin-orbit coupling is kept (it does not turn with the
 * magnetization, so the local frame is no longer lattice periodic).
 *
 * <h2>Geometry</h2>
 * The transport direction x must be normal to a family of lattice planes (a reciprocal-lattice direction, Miller
 * indices h): then {@code R.x = lambda0 (h.R)} for every lattice vector R, lambda0 the spacing of the planes. A
 * spiral of wave vector {@code q = 2 pi / (N lambda0)} turns by 2 pi over N planes, and the lattice vectors with
 * {@code h.R = 0 (mod N)} are a superlattice of N primitive cells, one per plane, that carries the spiral. Every
 * cell j = 0..N-1 of the supercell has its own magnetization {@code n_j = cos(phi_j) m0 + sin(phi_j) e1},
 * {@code phi_j = q x_j}, and the Hamiltonian is the texture Hamiltonian of {@link SpinParts#hopping} (exchange
 * block of a bond turned by the average of the two rotations; charge and spin-orbit parts unchanged).
 *
 * <h2>Disorder and response</h2>
 * Exactly as in {@link SpinSpiralResponse}, cell by cell: SCBA self-energies {@code Sigma_j = W[g_jj]} (one local
 * matrix per cell of the supercell, all self-consistent together), ladder vertex corrections with the superoperator
 * between the local blocks of all cells (size {@code (N d^2)^2}), and the Fermi-surface term of the Kubo-Bastin
 * formula. The k-mesh is the primitive n x n x n mesh of {@link SpinSpiralResponse} folded into the supercell
 * zone (shifted by q/2, the momentum a spiral adds to the spin components), so that without spin-orbit coupling
 * every number here is that of the generalized Bloch theorem at the same q and mesh, cell by cell after the
 * rotation by phi_j: an exact check of both.
 *
 * <h2>Torques and beta_so</h2>
 * Per cell, in the lab frame: the direct torque (minus the source of the exchange part), the divergence of the bond
 * spin currents, the spin-orbit source (the source of the spin-orbit part, on-site and on bonds), the relaxation
 * sources of the impurities (Keldysh form) and the drive D of the Fermi-surface term; the exact identity is
 * {@code tau_direct = -div + T_so + T_sf + T_anderson - D} in every cell. Over a period the divergences add up to
 * zero and {@code n_j x d_x n_j = q e2} in every cell, so the continuity route gives
 * <pre>    c_n q = mean_j (T_so + T_sf + T_anderson) . e2,   beta_so = mean_j T_so . e2 / (q c_a),</pre>
 * each source acting on the O(tau) Fermi-surface density (see {@link SpinSpiralResponse} on the Fermi sea). The
 * q of a supercell is not small: the coefficients carry O(q^2) corrections, so callers compare several N.
 */
public final class SpiralSupercell {
    private final SpinParts parts;
    private final boolean spinOrbit;
    private final int orbitals;
    private final int d;
    private final int cells;
    private final Vector3 axis;
    private final Vector3 e1;
    private final Vector3 e2;
    private final Vector3 direction;
    private final double spacing;
    private final int[] miller;
    /** Columns t, c1, c2 (rows here, primitive integer coordinates): h.t = 1, h.c1 = h.c2 = 0, unimodular. */
    private final int[][] basis;
    private final int[][] inverse;
    private final ComplexMatrix[] spinOps;
    private final LinearAlgebra la;

    /**
     * @param model      a spinor Wannier model with exchange (eV, Angstrom)
     * @param direction  the transport direction x, normal to lattice planes (Cartesian)
     * @param cells      N, the number of primitive cells (lattice planes) per period of the spiral
     * @param spinOrbit  keep the model's spin-orbit part (false: drop it, as the generalized Bloch theorem must)
     */
    public SpiralSupercell(WannierModel model, double[] direction, int cells, boolean spinOrbit, LinearAlgebra la) {
        if (cells < 2) {
            throw new IllegalArgumentException("a spiral supercell needs at least 2 cells per period, not " + cells);
        }
        SpinParts p = model.spinParts();
        if (p.axis() == null) {
            throw new IllegalArgumentException("the model has no exchange part: there is no magnetization to turn");
        }
        if (!spinOrbit) {
            p = new SpinParts(p.charge(), p.exchange(), p.spinOrbit().map(SpinStructure.SPINOR,
                    b -> new ComplexMatrix(b.rows(), b.cols())), p.axis());
        }
        this.parts = p;
        this.spinOrbit = spinOrbit;
        this.la = la;
        this.orbitals = model.orbitals();
        this.d = model.dimension();
        this.cells = cells;
        SpinSpiralResponse frame = new SpinSpiralResponse(model, direction);
        this.axis = frame.axis();
        this.e1 = frame.e1();
        this.e2 = frame.e2();
        this.direction = Vector3.of(direction.clone()).normalized();
        double[][] lat = model.lattice();
        double[] proj = new double[3];
        for (int i = 0; i < 3; i++) {
            proj[i] = lat[i][0] * this.direction.x() + lat[i][1] * this.direction.y()
                    + lat[i][2] * this.direction.z();
        }
        this.miller = millerIndices(proj);
        double sp = 0;
        for (int i = 0; i < 3; i++) {
            if (miller[i] != 0) {
                sp = proj[i] / miller[i];
                break;
            }
        }
        this.spacing = sp;
        this.basis = unimodular(miller);
        this.inverse = integerInverse(basis);
        this.spinOps = SpinSpiralResponse.spinOperators(orbitals);
    }

    /** The integer vector h with {@code a_i . x = lambda0 h_i}, or an error naming the direction. */
    static int[] millerIndices(double[] proj) {
        double smallest = Double.POSITIVE_INFINITY;
        for (double p : proj) {
            if (Math.abs(p) > 1e-9) {
                smallest = Math.min(smallest, Math.abs(p));
            }
        }
        for (int mult = 1; mult <= 24; mult++) {
            int[] h = new int[3];
            boolean ok = true;
            for (int i = 0; i < 3; i++) {
                double v = proj[i] / smallest * mult;
                h[i] = (int) Math.round(v);
                ok &= Math.abs(v - h[i]) < 1e-6 * Math.max(1, Math.abs(v));
            }
            if (ok) {
                int g = Math.abs(gcd(gcd(h[0], h[1]), h[2]));
                for (int i = 0; i < 3; i++) {
                    h[i] /= g;
                }
                return h;
            }
        }
        throw new IllegalArgumentException("the spiral direction must be normal to lattice planes (a reciprocal-"
                + "lattice direction) for a commensurate supercell; its projections on the lattice vectors are "
                + java.util.Arrays.toString(proj) + " Angstrom, not multiples of one spacing");
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    /** Rows t, c1, c2 of a unimodular integer matrix with h.t = 1, h.c1 = h.c2 = 0 (column Euclid on h). */
    static int[][] unimodular(int[] h) {
        int[] v = h.clone();
        int[][] m = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}; // m[c] is column c
        while (true) {
            int p = -1;
            int nonzero = 0;
            for (int i = 0; i < 3; i++) {
                if (v[i] != 0) {
                    nonzero++;
                    if (p < 0 || Math.abs(v[i]) < Math.abs(v[p])) {
                        p = i;
                    }
                }
            }
            if (nonzero <= 1) {
                int[] t = m[p];
                m[p] = m[0];
                m[0] = t;
                int s = v[p];
                v[p] = v[0];
                v[0] = s;
                if (v[0] < 0) {
                    for (int i = 0; i < 3; i++) {
                        m[0][i] = -m[0][i];
                    }
                }
                return m;
            }
            for (int q = 0; q < 3; q++) {
                if (q != p && v[q] != 0) {
                    int f = Math.floorDiv(v[q], v[p]);
                    v[q] -= f * v[p];
                    for (int i = 0; i < 3; i++) {
                        m[q][i] -= f * m[p][i];
                    }
                }
            }
        }
    }

    /** The integer inverse of the matrix with columns {@code cols[c]} (determinant +-1), as rows. */
    private static int[][] integerInverse(int[][] cols) {
        int[][] a = new int[3][3];
        for (int i = 0; i < 3; i++) {
            for (int c = 0; c < 3; c++) {
                a[i][c] = cols[c][i];
            }
        }
        int det = a[0][0] * (a[1][1] * a[2][2] - a[1][2] * a[2][1]) - a[0][1] * (a[1][0] * a[2][2] - a[1][2] * a[2][0])
                + a[0][2] * (a[1][0] * a[2][1] - a[1][1] * a[2][0]);
        int[][] inv = new int[3][3];
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 3; j++) {
                int r1 = (j + 1) % 3;
                int r2 = (j + 2) % 3;
                int c1 = (i + 1) % 3;
                int c2 = (i + 2) % 3;
                inv[i][j] = (a[r1][c1] * a[r2][c2] - a[r1][c2] * a[r2][c1]) * det;
            }
        }
        return inv;
    }

    /** N, cells per period. */
    public int cells() {
        return cells;
    }

    /** lambda0: the spacing of the lattice planes normal to x (Angstrom). */
    public double spacing() {
        return spacing;
    }

    /** The Miller indices h of the planes normal to x. */
    public int[] miller() {
        return miller.clone();
    }

    /** {@code q = 2 pi / (N lambda0)} (1/Angstrom). */
    public double q() {
        return 2 * Math.PI / (cells * spacing);
    }

    public Vector3 axis() {
        return axis;
    }

    public Vector3 e1() {
        return e1;
    }

    public Vector3 e2() {
        return e2;
    }

    public boolean spinOrbit() {
        return spinOrbit;
    }

    /** The spiral angle of the lattice vector R (primitive coordinates) for the signed wave vector. */
    private double angle(double q, int[] r) {
        return q * spacing * (miller[0] * r[0] + miller[1] * r[1] + miller[2] * r[2]);
    }

    /** The cell of the supercell (0..N-1) and the supercell translation (supercell coordinates) of R. */
    private int[] split(int[] r) {
        int[] k = new int[3];
        for (int i = 0; i < 3; i++) {
            k[i] = inverse[i][0] * r[0] + inverse[i][1] * r[1] + inverse[i][2] * r[2];
        }
        int j = Math.floorMod(k[0], cells);
        return new int[] {j, (k[0] - j) / cells, k[1], k[2]};
    }

    /** The representative s_j = j t of cell j. */
    private int[] representative(int j) {
        return new int[] {j * basis[0][0], j * basis[0][1], j * basis[0][2]};
    }

    /** The supercell lattice vectors as rows (Angstrom). */
    double[][] superLattice(double[][] lat) {
        double[][] s = new double[3][3];
        for (int a = 0; a < 3; a++) {
            int f = a == 0 ? cells : 1;
            for (int i = 0; i < 3; i++) {
                for (int x = 0; x < 3; x++) {
                    s[a][x] += f * basis[a][i] * lat[i][x];
                }
            }
        }
        return s;
    }

    /** One bond of the lab-frame texture Hamiltonian, split into its parts. */
    private record Bond(int cell, int target, int[] translation, int[] primitive, ComplexMatrix charge,
                        ComplexMatrix spinOrbit, ComplexMatrix exchange, double along) {
        ComplexMatrix total() {
            return charge.plus(spinOrbit).plus(exchange);
        }
    }

    /**
     * The exchange block X(R) of a bond between sites at spiral angles phi_i and phi_j, turned by the average of the
     * two rotations about e2 (the convention of {@link SpinParts#hopping}; built from the angles, so that a cell at
     * phi = pi, where the smallest rotation from m0 is not unique, still turns about e2).
     */
    private ComplexMatrix exchange(int[] r, double phiI, double phiJ) {
        double[][] a = SpinRotation.average(SpinRotation.about(e2, phiI), SpinRotation.about(e2, phiJ));
        return SpinParts.rotate(parts.exchange().hopping(r[0], r[1], r[2]), orbitals, a);
    }

    /** Every bond from every cell of the supercell, for the signed wave vector q. */
    private List<Bond> bonds(double q) {
        List<Bond> out = new ArrayList<>();
        WannierModel charge = parts.charge();
        for (int j = 0; j < cells; j++) {
            int[] s = representative(j);
            for (int[] r : charge.cells()) {
                int[] t = {s[0] + r[0], s[1] + r[1], s[2] + r[2]};
                int[] sp = split(t);
                ComplexMatrix c = charge.hopping(r[0], r[1], r[2]);
                ComplexMatrix so = parts.spinOrbit().hopping(r[0], r[1], r[2]);
                ComplexMatrix x = exchange(r, angle(q, s), angle(q, t));
                double along = spacing * (miller[0] * r[0] + miller[1] * r[1] + miller[2] * r[2]);
                out.add(new Bond(j, sp[0], new int[] {sp[1], sp[2], sp[3]}, r, c, so, x, along));
            }
        }
        return out;
    }

    /** The lab-frame supercell Hamiltonian for the signed q (orbitals N x model orbitals, cell j first). */
    public WannierModel model(double q) {
        return assemble(bonds(q), false);
    }

    private WannierModel assemble(List<Bond> bonds, boolean velocity) {
        int dim = cells * d;
        Map<Long, ComplexMatrix> blocks = new LinkedHashMap<>();
        Map<Long, int[]> keys = new LinkedHashMap<>();
        for (Bond b : bonds) {
            long key = HoppingTable.key(b.translation()[0], b.translation()[1], b.translation()[2]);
            ComplexMatrix m = blocks.computeIfAbsent(key, k -> new ComplexMatrix(dim, dim));
            keys.putIfAbsent(key, b.translation());
            ComplexMatrix h = b.total();
            if (velocity) {
                h = h.scale(0, b.along());
            }
            for (int c = 0; c < d; c++) {
                for (int r = 0; r < d; r++) {
                    m.add(b.cell() * d + r, b.target() * d + c, h.re(r, c), h.im(r, c));
                }
            }
        }
        Map<int[], ComplexMatrix> h = new LinkedHashMap<>();
        for (Map.Entry<Long, ComplexMatrix> e : blocks.entrySet()) {
            h.put(keys.get(e.getKey()), e.getValue());
        }
        return WannierModel.of(superLattice(parts.charge().lattice()), SpinStructure.SPINOR, cells * orbitals, h,
                null);
    }

    /**
     * The supercell k-points (fractional, supercell reciprocal vectors) of the primitive n^3 mesh of
     * {@link KuboConductivity#meshSum} shifted by q/2 along x: (n/N) n^2 points. N must divide n.
     */
    double[][] kPoints(int n) {
        if (n % cells != 0) {
            throw new IllegalArgumentException("the k-mesh n = " + n + " must be a multiple of the cells per period N = "
                    + cells);
        }
        // kappa_a = k . c_a for the primitive mesh k = (i + 1/2)/n: a lattice Z^3/n shifted by delta
        double[] delta = new double[3];
        for (int a = 0; a < 3; a++) {
            delta[a] = 0.5 * (basis[a][0] + basis[a][1] + basis[a][2]) / n;
        }
        int n0 = n / cells;
        double[][] k = new double[n0 * n * n][];
        int p = 0;
        for (int i0 = 0; i0 < n0; i0++) {
            for (int i1 = 0; i1 < n; i1++) {
                for (int i2 = 0; i2 < n; i2++) {
                    k[p++] = new double[] {cells * ((double) i0 / n + delta[0]) + 0.5, (double) i1 / n + delta[1],
                        (double) i2 / n + delta[2]};
                }
            }
        }
        return k;
    }

    interface Term {
        void add(double[] k, double[] acc);
    }

    /** Sum of {@code term} over the points, in parallel, in a fixed order (slices added in sequence). */
    static double[] pointSum(double[][] k, int size, ProgressListener progress, String label, Term term) {
        int cores = Math.max(1, Runtime.getRuntime().availableProcessors());
        int slices = Math.min(k.length, 8 * cores);
        AtomicLong done = new AtomicLong();
        double[] total = new double[size];
        for (int first = 0; first < slices; first += cores) {
            int f = first;
            List<double[]> parts = IntStream.range(first, Math.min(slices, first + cores)).parallel().mapToObj(s -> {
                double[] acc = new double[size];
                int lo = (int) ((long) k.length * s / slices);
                int hi = (int) ((long) k.length * (s + 1) / slices);
                for (int i = lo; i < hi; i++) {
                    term.add(k[i], acc);
                }
                progress.progress(done.incrementAndGet(), slices, label);
                return acc;
            }).toList();
            for (double[] p : parts) {
                for (int i = 0; i < size; i++) {
                    total[i] += p[i];
                }
            }
        }
        return total;
    }

    private ComplexMatrix retarded(WannierModel h, double ef, ComplexMatrix[] sigma, double[] k) {
        ComplexMatrix m = h.hamiltonian(k[0], k[1], k[2]).scale(-1, 0);
        for (int j = 0; j < cells; j++) {
            for (int c = 0; c < d; c++) {
                for (int r = 0; r < d; r++) {
                    m.add(j * d + r, j * d + c, -sigma[j].re(r, c), -sigma[j].im(r, c));
                }
            }
        }
        for (int i = 0; i < m.rows(); i++) {
            m.add(i, i, ef, 0);
        }
        return la.inverse(m);
    }

    /** Adds the diagonal d x d blocks of m, cell after cell, at {@code offset}. */
    private void addDiagonalBlocks(double[] acc, int offset, ComplexMatrix m) {
        double[] x = m.data();
        int dim = m.rows();
        for (int j = 0; j < cells; j++) {
            for (int c = 0; c < d; c++) {
                int src = 2 * ((j * d) + (j * d + c) * dim);
                int dst = offset + 2 * (j * d * d + c * d);
                for (int e = 0; e < 2 * d; e++) {
                    acc[dst + e] += x[src + e];
                }
            }
        }
    }

    private ComplexMatrix[] diagonalBlocks(double[] s, int offset, double nk) {
        ComplexMatrix[] b = new ComplexMatrix[cells];
        for (int j = 0; j < cells; j++) {
            b[j] = SpinSpiralResponse.block(s, offset + 2 * j * d * d, d, nk);
        }
        return b;
    }

    /** The SCBA self-energies of all cells (Anderson and spin-flip parts) and the local Green's functions. */
    public record SelfEnergies(ComplexMatrix[] anderson, ComplexMatrix[] spinFlip, ComplexMatrix[] local,
                               int iterations, double residual) {
        ComplexMatrix[] total() {
            ComplexMatrix[] t = new ComplexMatrix[anderson.length];
            for (int j = 0; j < t.length; j++) {
                t[j] = anderson[j].plus(spinFlip[j]);
            }
            return t;
        }
    }

    /** The self-consistent Born self-energies of the supercell at E_F (fixed point with Anderson mixing). */
    SelfEnergies selfEnergies(WannierModel h, double ef, SpinSpiralResponse.Disorder dis, double[][] k,
                              double tolerance) {
        int dd = d * d;
        int size = 2 * dd * cells;
        double[] x = new double[size];
        for (int j = 0; j < cells; j++) {
            for (int i = 0; i < d; i++) {
                x[2 * (j * dd + i + i * d) + 1] = -(dis.anderson() + dis.spinFlip());
            }
        }
        ComplexMatrix[][] last = new ComplexMatrix[1][];
        SpinSpiralResponse.FixedPoint fp = SpinSpiralResponse.andersonFixedPoint(x, tolerance, xs -> {
            ComplexMatrix[] sig = new ComplexMatrix[cells];
            for (int j = 0; j < cells; j++) {
                sig[j] = ComplexMatrix.wrap(d, d, java.util.Arrays.copyOfRange(xs, 2 * dd * j, 2 * dd * (j + 1)));
            }
            double[] s = pointSum(k, size, ProgressListener.NONE, "g_loc",
                    (kp, acc) -> addDiagonalBlocks(acc, 0, retarded(h, ef, sig, kp)));
            ComplexMatrix[] g = diagonalBlocks(s, 0, k.length);
            last[0] = g;
            double[] fx = new double[size];
            for (int j = 0; j < cells; j++) {
                System.arraycopy(SpinSpiralResponse.kernel(g[j], orbitals, dis.anderson(), dis.spinFlip()).data(), 0,
                        fx, 2 * dd * j, 2 * dd);
            }
            return fx;
        });
        ComplexMatrix[] g = last[0];
        ComplexMatrix[] a = new ComplexMatrix[cells];
        ComplexMatrix[] sf = new ComplexMatrix[cells];
        for (int j = 0; j < cells; j++) {
            a[j] = SpinSpiralResponse.kernel(g[j], orbitals, dis.anderson(), 0);
            sf[j] = SpinSpiralResponse.kernel(g[j], orbitals, 0, dis.spinFlip());
        }
        return new SelfEnergies(a, sf, g, fp.iterations(), fp.change());
    }

    /**
     * The response of every cell of the supercell to eE along x for the signed wave vector q = +-{@link #q()}, per
     * unit eE (lab-frame Cartesian vectors; spin in hbar/2, rates in eV, as {@link SpinSpiralResponse.Local}).
     *
     * @param phi             the spiral angle phi_j of each cell
     * @param spinOrbitSource the source of the spin-orbit part in each cell (on-site and bonds)
     * @param particleCurrent {@code Tr[V delta rho]} per primitive cell
     */
    public record Cells(double q, double[] phi, Vector3[] spin, Vector3[] torqueDirect, Vector3[] divergence,
                        Vector3[] spinOrbitSource, Vector3[] relaxation, Vector3[] andersonSource, Vector3[] drive,
                        double particleCurrent, SelfEnergies selfEnergies) {
        /** Largest |tau_direct - (-div + T_so + T_sf + T_and - D)| over the cells, against the largest term. */
        public double identityResidual() {
            double r = 0;
            double scale = 0;
            for (int j = 0; j < phi.length; j++) {
                Vector3 cont = divergence[j].times(-1).plus(spinOrbitSource[j]).plus(relaxation[j])
                        .plus(andersonSource[j]).minus(drive[j]);
                r = Math.max(r, torqueDirect[j].minus(cont).norm());
                scale = Math.max(scale, Math.max(torqueDirect[j].norm(), Math.max(divergence[j].norm(),
                        spinOrbitSource[j].norm())));
            }
            return r / scale;
        }
    }

    /**
     * The torque coefficients of one supercell (one q), from the responses at +q and -q, averaged over the cells of
     * a period; per unit eE along x, in the units of {@link SpinSpiralResponse.Result} (Angstrom^2 per cell).
     *
     * @param cAdiabatic          c_a: mean of {@code tau_j . d_x n_j / q^2} (direct torque)
     * @param cNonAdiabatic       c_n by the continuity route, {@code mean (T_so + T_sf + T_anderson) . e2 / q}
     * @param cNonAdiabaticDirect c_n from the direct torque of the Fermi-surface term
     * @param cSpinOrbit          the spin-orbit source's share of c_n
     * @param cSpinFlip           the spin-flip impurities' share of c_n
     * @param cAnderson           the Anderson disorder's share (zero with vertex corrections, up to the mesh error)
     * @param divergenceResidual  {@code mean div . e2 / q}: zero over a period (a check)
     * @param driveNonAdiabatic   {@code mean D . e2 / q}: direct - continuity = -drive, the Fermi sea's share
     * @param particleCurrent     J per primitive cell
     * @param density             states per primitive cell and eV at E_F (mean over the cells)
     * @param spinFlipRate        golden-rule hbar/tau_sf (eV) of the spin-flip impurities in the cell at phi = 0
     * @param exchange            M at E_F in that cell
     */
    public record Result(int cells, double q, double fermiEnergy, SpinSpiralResponse.Disorder disorder, int mesh,
                         boolean vertexCorrections, boolean spinOrbit, double cAdiabatic, double cNonAdiabatic,
                         double cNonAdiabaticDirect, double cSpinOrbit, double cSpinFlip, double cAnderson,
                         double divergenceResidual, double driveNonAdiabatic, double particleCurrent,
                         double meanBroadening, double density, double spinFlipRate, double exchange,
                         double identityResidual, double volume) {
        public double polarization() {
            return -cAdiabatic / particleCurrent;
        }

        public double beta() {
            return cNonAdiabatic / cAdiabatic;
        }

        public double betaSpinOrbit() {
            return cSpinOrbit / cAdiabatic;
        }

        public double betaSpinFlip() {
            return cSpinFlip / cAdiabatic;
        }

        public double betaDirect() {
            return cNonAdiabaticDirect / cAdiabatic;
        }

        /** Eq. (29) with M at E_F and the golden-rule rate of the spin-flip impurities alone. */
        public double betaEq29() {
            return spinFlipRate / (2 * exchange);
        }

        /** sigma_xx (S/m). */
        public double sigma() {
            return KuboConductivity.E2_OVER_HBAR * particleCurrent / volume * 1e10;
        }

        public Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("cells_per_period", cells);
            m.put("q_per_nm", q * 10);
            m.put("period_nm", 2 * Math.PI / q / 10);
            m.put("mesh", mesh);
            m.put("spin_orbit", spinOrbit);
            m.put("vertex_corrections", vertexCorrections);
            m.put("fermi_energy_eV", fermiEnergy);
            m.put("anderson_w0_eV2", disorder.anderson());
            m.put("spin_flip_w_eV2", disorder.spinFlip());
            m.put("mean_broadening_eV", meanBroadening);
            m.put("dos_per_cell_per_eV", density);
            m.put("P", polarization());
            m.put("beta", beta());
            m.put("beta_so", betaSpinOrbit());
            m.put("beta_sf", betaSpinFlip());
            m.put("beta_direct", betaDirect());
            m.put("beta_eq29", betaEq29());
            m.put("c_a_A2", cAdiabatic);
            m.put("c_n_A2", cNonAdiabatic);
            m.put("c_n_spin_orbit_A2", cSpinOrbit);
            m.put("c_n_spin_flip_A2", cSpinFlip);
            m.put("c_n_anderson_A2", cAnderson);
            m.put("fermi_sea_share_of_c_n_A2", -driveNonAdiabatic);
            m.put("divergence_over_period_A2", divergenceResidual);
            m.put("sigma_S_per_m", sigma());
            m.put("continuity_identity_residual", identityResidual);
            return m;
        }
    }

    /** {@link Result} from the responses at +q and -q (tolerance of the SCBA in eV). */
    public Result compute(double ef, SpinSpiralResponse.Disorder dis, int n, boolean vertex, double tolerance,
                          ProgressListener progress) {
        ProgressListener first = (done, total, label) -> progress.progress(done, 2 * total, "+q, " + label);
        ProgressListener second = (done, total, label) -> progress.progress(total + done, 2 * total, "-q, " + label);
        Cells p = response(q(), ef, dis, n, vertex, tolerance, first);
        Cells m = response(-q(), ef, dis, n, vertex, tolerance, second);
        return combine(p, m, ef, dis, n, vertex);
    }

    Result combine(Cells p, Cells m, double ef, SpinSpiralResponse.Disorder dis, int n, boolean vertex) {
        double ca = 0;
        double[] cn = new double[6];
        double current = 0;
        double broadening = 0;
        double density = 0;
        for (Cells c : new Cells[] {p, m}) {
            double q = c.q();
            for (int j = 0; j < cells; j++) {
                double phi = c.phi()[j];
                Vector3 dn = axis.times(-Math.sin(phi)).plus(e1.times(Math.cos(phi)));
                // d_x n = q dn, n x d_x n = q e2: coefficients per q^2, averaged over cells and both signs
                double w = 1.0 / (2 * cells * q);
                ca += c.torqueDirect()[j].dot(dn) * w;
                cn[0] += c.torqueDirect()[j].dot(e2) * w;
                cn[1] += c.spinOrbitSource()[j].dot(e2) * w;
                cn[2] += c.relaxation()[j].dot(e2) * w;
                cn[3] += c.andersonSource()[j].dot(e2) * w;
                cn[4] += c.divergence()[j].dot(e2) * w;
                cn[5] += c.drive()[j].dot(e2) * w;
                ComplexMatrix sig = c.selfEnergies().anderson()[j].plus(c.selfEnergies().spinFlip()[j]);
                for (int i = 0; i < d; i++) {
                    broadening -= sig.im(i, i) / (2.0 * cells * d);
                    density -= c.selfEnergies().local()[j].im(i, i) / Math.PI / (2.0 * cells);
                }
            }
            current += 0.5 * c.particleCurrent();
        }
        double cont = cn[1] + cn[2] + cn[3];
        ComplexMatrix g0 = p.selfEnergies().local()[0];
        ComplexMatrix spectral = SpinFlipGoldenRule.spectral(g0);
        double rate = SpinFlipGoldenRule.rate(spectral, axis, dis.spinFlip());
        double exch = SpinFlipGoldenRule.exchange(spectral, parts.exchange().hopping(0, 0, 0), axis);
        double vol = Math.abs(parts.charge().volume());
        return new Result(cells, q(), ef, dis, n, vertex, spinOrbit, ca, cont, cn[0], cn[1], cn[2],
                cn[3], cn[4], cn[5], current, broadening, density, rate, exch,
                Math.max(p.identityResidual(), m.identityResidual()), vol);
    }

    /** The per-cell response for the signed wave vector q (+-{@link #q()}), SCBA with or without vertex corrections. */
    public Cells response(double q, double ef, SpinSpiralResponse.Disorder dis, int n, boolean vertex,
                          double tolerance, ProgressListener progress) {
        List<Bond> bonds = bonds(q);
        WannierModel h = assemble(bonds, false);
        WannierModel v = assemble(bonds, true);
        double[][] k = kPoints(n);
        SelfEnergies se = selfEnergies(h, ef, dis, k, tolerance);
        ComplexMatrix[] sigma = se.total();
        int dd = d * d;
        int nl = cells * dd;
        double nk = k.length;
        int sizeL = vertex ? 2 * nl * nl : 0;
        // pass 1: the bare local vertices and the drive of every cell, and the superoperators between cells
        double[] s1 = pointSum(k, 6 * nl + 2 * sizeL, progress, "supercell " + cells + ", ladder", (kp, acc) -> {
            ComplexMatrix gr = retarded(h, ef, sigma, kp);
            ComplexMatrix ga = gr.dagger();
            ComplexMatrix vk = v.hamiltonian(kp[0], kp[1], kp[2]);
            ComplexMatrix grv = la.multiply(gr, vk);
            ComplexMatrix spectral = ga.minus(gr);
            addDiagonalBlocks(acc, 0, la.multiply(grv, ga));
            addDiagonalBlocks(acc, 2 * nl, la.multiply(grv, gr));
            // {V, A} = V A + A V = V A - (V A)^dagger, A = G^a - G^r anti-Hermitian
            ComplexMatrix va = la.multiply(vk, spectral);
            addDiagonalBlocks(acc, 4 * nl, va.minus(va.dagger()));
            if (vertex) {
                for (int j = 0; j < cells; j++) {
                    for (int jp = 0; jp < cells; jp++) {
                        ComplexMatrix a = gr.block(j * d, jp * d, d, d);
                        int off = 2 * (j * dd + jp * dd * nl);
                        SpinSpiralResponse.superoperator(acc, 6 * nl + off, nl, a, ga.block(jp * d, j * d, d, d));
                        SpinSpiralResponse.superoperator(acc, 6 * nl + sizeL + off, nl, a,
                                gr.block(jp * d, j * d, d, d));
                    }
                }
            }
        });
        ComplexMatrix[] bRA = diagonalBlocks(s1, 0, nk);
        ComplexMatrix[] bRR = diagonalBlocks(s1, 2 * nl, nk);
        ComplexMatrix[] driveLocal = diagonalBlocks(s1, 4 * nl, nk);
        for (int j = 0; j < cells; j++) {
            driveLocal[j] = driveLocal[j].scale(0, 1 / (4 * Math.PI));
        }
        ComplexMatrix[] yl = bRA;
        ComplexMatrix[] zl = bRR;
        if (vertex) {
            zl = ladder(s1, 6 * nl + sizeL, bRR, dis, nk, Double.NaN);
            double trace = 0;
            for (ComplexMatrix z : zl) {
                trace += z.trace()[0];
            }
            yl = ladder(s1, 6 * nl, bRA, dis, nk, trace);
        }
        int dim = cells * d;
        ComplexMatrix wy = new ComplexMatrix(dim, dim);
        ComplexMatrix wz = new ComplexMatrix(dim, dim);
        if (vertex) {
            for (int j = 0; j < cells; j++) {
                wy.setBlock(j * d, j * d, SpinSpiralResponse.kernel(yl[j], orbitals, dis.anderson(), dis.spinFlip()));
                wz.setBlock(j * d, j * d, SpinSpiralResponse.kernel(zl[j], orbitals, dis.anderson(), dis.spinFlip()));
            }
        }
        // pass 2: delta rho(K) with the dressed vertices; rho(L) for every supercell translation of the model
        List<int[]> trans = h.cells();
        int nt = trans.size();
        int blockSize = 2 * dim * dim;
        double[] s2 = pointSum(k, blockSize * nt + 1 + 4 * nl, ProgressListener.NONE, "density matrix",
                (kp, acc) -> {
                    ComplexMatrix gr = retarded(h, ef, sigma, kp);
                    ComplexMatrix ga = gr.dagger();
                    ComplexMatrix vk = v.hamiltonian(kp[0], kp[1], kp[2]);
                    ComplexMatrix y = la.multiply(la.multiply(gr, vk.plus(wy)), ga);
                    ComplexMatrix z = la.multiply(la.multiply(gr, vk.plus(wz)), gr);
                    ComplexMatrix rho = y.minus(z.plus(z.dagger()).scale(0.5, 0)).scale(1 / (2 * Math.PI), 0);
                    double[] r = rho.data();
                    for (int c = 0; c < nt; c++) {
                        int[] cell = trans.get(c);
                        double ph = -2 * Math.PI * (kp[0] * cell[0] + kp[1] * cell[1] + kp[2] * cell[2]);
                        double cr = Math.cos(ph);
                        double ci = Math.sin(ph);
                        int o = blockSize * c;
                        for (int e = 0; e < r.length; e += 2) {
                            acc[o + e] += cr * r[e] - ci * r[e + 1];
                            acc[o + e + 1] += cr * r[e + 1] + ci * r[e];
                        }
                    }
                    acc[blockSize * nt] += vk.traceOfProduct(rho)[0];
                    addDiagonalBlocks(acc, blockSize * nt + 1, y);
                    addDiagonalBlocks(acc, blockSize * nt + 1 + 2 * nl, z);
                });
        Map<Long, ComplexMatrix> rho = new LinkedHashMap<>();
        for (int c = 0; c < nt; c++) {
            int[] cell = trans.get(c);
            rho.put(HoppingTable.key(cell[0], cell[1], cell[2]), SpinSpiralResponse.block(s2, blockSize * c, dim, nk));
        }
        ComplexMatrix[] yTrue = diagonalBlocks(s2, blockSize * nt + 1, nk);
        ComplexMatrix[] zTrue = diagonalBlocks(s2, blockSize * nt + 1 + 2 * nl, nk);
        double[] phi = new double[cells];
        Vector3[] spin = new Vector3[cells];
        Vector3[] torque = new Vector3[cells];
        Vector3[] div = new Vector3[cells];
        Vector3[] so = new Vector3[cells];
        Vector3[] relax = new Vector3[cells];
        Vector3[] anderson = new Vector3[cells];
        Vector3[] drive = new Vector3[cells];
        double[][] acc = new double[5][3 * cells];
        for (Bond b : bonds) {
            int j = b.cell();
            int jt = b.target();
            int[] l = b.translation();
            ComplexMatrix r0 = rho.get(HoppingTable.key(l[0], l[1], l[2])).block(j * d, jt * d, d, d);
            boolean onsite = b.primitive()[0] == 0 && b.primitive()[1] == 0 && b.primitive()[2] == 0;
            if (onsite) {
                for (int a = 0; a < 3; a++) {
                    ComplexMatrix s = spinOps[a];
                    acc[0][3 * j + a] += s.traceOfProduct(r0)[0];
                    acc[1][3 * j + a] -= SpinSpiralResponse.commutator(b.exchange(), s).traceOfProduct(r0)[1];
                    acc[3][3 * j + a] -= SpinSpiralResponse.commutator(b.spinOrbit(), s).traceOfProduct(r0)[1];
                }
                continue;
            }
            // the reverse bond (target -> this cell) and rho_R0
            ComplexMatrix rBack = rho.get(HoppingTable.key(-l[0], -l[1], -l[2])).block(jt * d, j * d, d, d);
            Bond back = reverse(q, b);
            for (int a = 0; a < 3; a++) {
                ComplexMatrix s = spinOps[a];
                // H_0R = b, H_R0 = back; rho_0R = r0, rho_R0 = rBack
                acc[1][3 * j + a] += -0.5 * (SpinSpiralResponse.commutator(back.exchange(), s).traceOfProduct(r0)[1]
                        + SpinSpiralResponse.commutator(b.exchange(), s).traceOfProduct(rBack)[1]);
                acc[3][3 * j + a] += -0.5 * (SpinSpiralResponse.commutator(back.spinOrbit(), s).traceOfProduct(r0)[1]
                        + SpinSpiralResponse.commutator(b.spinOrbit(), s).traceOfProduct(rBack)[1]);
                acc[2][3 * j + a] += 0.5 * (SpinSpiralResponse.anticommutator(back.total(), s).traceOfProduct(r0)[1]
                        - SpinSpiralResponse.anticommutator(b.total(), s).traceOfProduct(rBack)[1]);
            }
        }
        for (int j = 0; j < cells; j++) {
            phi[j] = angle(q, representative(j));
            ComplexMatrix ySf = vertex ? yl[j] : new ComplexMatrix(d, d);
            ComplexMatrix zSf = vertex ? zl[j] : new ComplexMatrix(d, d);
            ComplexMatrix kSf = SpinSpiralResponse.collision(orbitals, se.spinFlip()[j], se.local()[j], yTrue[j],
                    zTrue[j], ySf, zSf, 0, dis.spinFlip());
            ComplexMatrix kAnd = SpinSpiralResponse.collision(orbitals, se.anderson()[j], se.local()[j], yTrue[j],
                    zTrue[j], ySf, zSf, dis.anderson(), 0);
            double[] rl = new double[3];
            double[] an = new double[3];
            double[] dr = new double[3];
            for (int a = 0; a < 3; a++) {
                rl[a] = spinOps[a].traceOfProduct(kSf)[0];
                an[a] = spinOps[a].traceOfProduct(kAnd)[0];
                dr[a] = spinOps[a].traceOfProduct(driveLocal[j])[0];
            }
            spin[j] = vec(acc[0], j);
            torque[j] = vec(acc[1], j).times(-1);
            div[j] = vec(acc[2], j);
            so[j] = vec(acc[3], j);
            relax[j] = Vector3.of(rl);
            anderson[j] = Vector3.of(an);
            drive[j] = Vector3.of(dr);
        }
        return new Cells(q, phi, spin, torque, div, so, relax, anderson, drive, s2[blockSize * nt] / nk / cells, se);
    }

    private static Vector3 vec(double[] a, int j) {
        return new Vector3(a[3 * j], a[3 * j + 1], a[3 * j + 2]);
    }

    /** The bond from the target of b back to b's cell (primitive vector -R), with the same texture convention. */
    private Bond reverse(double q, Bond b) {
        int[] r = b.primitive();
        int[] m = {-r[0], -r[1], -r[2]};
        int[] s = representative(b.cell());
        int[] t = {s[0] + r[0], s[1] + r[1], s[2] + r[2]};
        ComplexMatrix c = parts.charge().hopping(m[0], m[1], m[2]);
        ComplexMatrix so = parts.spinOrbit().hopping(m[0], m[1], m[2]);
        ComplexMatrix x = exchange(m, angle(q, t), angle(q, s));
        return new Bond(b.target(), b.cell(), null, m, c, so, x, -b.along());
    }

    /**
     * Solves {@code Y = b + L W[Y]} for the local blocks of all cells; with a finite {@code trace} bordered by
     * {@code sum_j Tr Y_j = trace} and a multiplier along the identity (the diffusion pole of the charge).
     */
    private ComplexMatrix[] ladder(double[] sums, int offset, ComplexMatrix[] b, SpinSpiralResponse.Disorder dis,
                                   double nk, double trace) {
        int dd = d * d;
        int nl = cells * dd;
        double[] l = new double[2 * nl * nl];
        for (int e = 0; e < l.length; e++) {
            l[e] = sums[offset + e] / nk;
        }
        ComplexMatrix lm = ComplexMatrix.wrap(nl, nl, l);
        ComplexMatrix wm = new ComplexMatrix(dd, dd);
        for (int r = 0; r < dd; r++) {
            ComplexMatrix unit = new ComplexMatrix(d, d);
            unit.set(r % d, r / d, 1, 0);
            double[] col = SpinSpiralResponse.kernel(unit, orbitals, dis.anderson(), dis.spinFlip()).data();
            for (int p = 0; p < dd; p++) {
                wm.set(p, r, col[2 * p], col[2 * p + 1]);
            }
        }
        boolean border = Double.isFinite(trace);
        int size = border ? nl + 1 : nl;
        ComplexMatrix a = new ComplexMatrix(size, size);
        for (int jp = 0; jp < cells; jp++) {
            // columns of cell jp: -(L W) = -L[:, jp] W
            ComplexMatrix lw = la.multiply(lm.block(0, jp * dd, nl, dd), wm);
            for (int c = 0; c < dd; c++) {
                for (int r = 0; r < nl; r++) {
                    a.set(r, jp * dd + c, -lw.re(r, c), -lw.im(r, c));
                }
            }
        }
        for (int i = 0; i < nl; i++) {
            a.add(i, i, 1, 0);
        }
        ComplexMatrix rhs = new ComplexMatrix(size, 1);
        for (int j = 0; j < cells; j++) {
            double[] x = b[j].data();
            for (int r = 0; r < dd; r++) {
                rhs.set(j * dd + r, 0, x[2 * r], x[2 * r + 1]);
            }
        }
        if (border) {
            for (int j = 0; j < cells; j++) {
                for (int i = 0; i < d; i++) {
                    a.set(nl, j * dd + i + i * d, 1, 0);
                    a.set(j * dd + i + i * d, nl, 1, 0);
                }
            }
            rhs.set(nl, 0, trace, 0);
        }
        double[] y = la.solve(a, rhs).data();
        ComplexMatrix[] out = new ComplexMatrix[cells];
        for (int j = 0; j < cells; j++) {
            out[j] = ComplexMatrix.wrap(d, d, java.util.Arrays.copyOfRange(y, 2 * j * dd, 2 * (j + 1) * dd));
        }
        return out;
    }
}
