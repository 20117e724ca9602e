package org.spintorque.wannier;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.spintorque.linalg.ComplexMatrix;
import org.spintorque.output.ProgressListener;
import org.spintorque.transport.HermitianEigen;

/**
 * Charge and spin conductivity of a bulk Wannier model with a constant broadening: the Fermi-surface term of
 * the Kubo formula (the Kubo-Bastin/Streda term that is symmetric in the two velocities; the Fermi-sea term,
 * which carries only the anomalous (antisymmetric) part, does not enter the longitudinal conductivity),
 *
 * <pre>
 *   sigma_xx   = (pi e^2 / (hbar V N_k)) sum_k sum_nm  |<n|hbar v_x|m>|^2          delta_G(E_F - e_n) delta_G(E_F - e_m)
 *   sigma^s_xx = (pi e^2 / (hbar V N_k)) sum_k sum_nm  Re <n|hbar j^s_x|m><m|hbar v_x|n> delta_G(E_F - e_n) delta_G(E_F - e_m)
 * </pre>
 *
 * with {@code delta_G(x) = (G/pi)/(x^2 + G^2)} (retarded self-energy -iG for every state: a momentum lifetime
 * tau = hbar/(2G)), {@code hbar v_x = dH/dk_x} and the spin-current operator {@code j^s_x = (1/2){sigma^z, v_x}}
 * (spin along the model's z axis). The current polarization is {@code P = sigma^s / sigma}; for a collinear model
 * {@code sigma^s = sigma_up - sigma_dn}, the definition of physics.md section 5.
 *
 * <p>Velocity: {@code dH/dk_x = sum_R i (R + tau_n - tau_m)_x exp(2 pi i k.R) H_mn(R)} in the tight-binding
 * approximation of the position operator (Wannier centres tau when the model has them, else R alone). The sum
 * over k runs over a Gamma-shifted uniform mesh, in parallel, streaming: nothing is stored per k-point. The
 * mesh must resolve the broadening (energy spacing v dk well below G); {@link Result#meshError} compares with
 * the mesh of half the density.
 */
public final class KuboConductivity {
    /** e^2/hbar in siemens. */
    static final double E2_OVER_HBAR = 2.434134807e-4;

    /**
     * @param sigma      sigma_xx [S/m]
     * @param spinSigma  sigma^s_xx [S/m] (spin in units of hbar/2, charge current units)
     * @param polarization P = sigma^s / sigma
     * @param meshError  |P(mesh) - P(mesh/2)|, an estimate of the k-mesh error of P (NaN if not computed)
     * @param spinZ      n_up - n_dn per cell along z (states below E_F, no broadening): its sign says which spin
     *                   is the majority
     */
    public record Result(double fermiEnergy, double broadening, int mesh, double sigma, double spinSigma,
                         double polarization, double meshError, double spinZ, long kPoints,
                         AdaptiveKMesh refinement) {
        /** A uniform mesh of n^3 points. */
        public Result(double fermiEnergy, double broadening, int mesh, double sigma, double spinSigma,
                      double polarization, double meshError, double spinZ) {
            this(fermiEnergy, broadening, mesh, sigma, spinSigma, polarization, meshError, spinZ,
                    (long) mesh * mesh * mesh, null);
        }

        /** P with respect to the majority spin: positive when majority electrons carry more current. */
        public double majorityPolarization() {
            return spinZ >= 0 ? polarization : -polarization;
        }

        /** Resistivity in micro-ohm cm. */
        public double resistivityMicroOhmCm() {
            return 1e8 / sigma;
        }

        public Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("fermi_energy_eV", fermiEnergy);
            m.put("broadening_eV", broadening);
            m.put("tau_fs", 0.6582119569 / (2 * broadening));
            m.put("mesh", mesh);
            m.put("sigma_S_per_m", sigma);
            m.put("spin_sigma_S_per_m", spinSigma);
            m.put("resistivity_uOhm_cm", resistivityMicroOhmCm());
            m.put("P", majorityPolarization());
            m.put("P_along_z", polarization);
            m.put("spin_z_per_cell", spinZ);
            m.put("P_mesh_error", Double.isFinite(meshError) ? meshError : null);
            m.put("k_points", kPoints);
            if (refinement != null) {
                m.put("refinement", refinement.toMap());
            }
            return m;
        }
    }

    private final WannierModel model;
    private final WannierModel velocity;
    private final double volume;

    /**
     * @param model     the bulk model (eV, Angstrom)
     * @param direction the transport direction (Cartesian, normalized here)
     */
    public KuboConductivity(WannierModel model, double[] direction) {
        this.model = model;
        double norm = Math.sqrt(direction[0] * direction[0] + direction[1] * direction[1] + direction[2] * direction[2]);
        if (!(norm > 0)) {
            throw new IllegalArgumentException("the transport direction must be a non-zero vector");
        }
        double[] x = {direction[0] / norm, direction[1] / norm, direction[2] / norm};
        double[][] a = model.lattice();
        double[][] tau = model.centres();
        int d = model.dimension();
        Map<int[], ComplexMatrix> v = new LinkedHashMap<>();
        for (int[] c : model.cells()) {
            ComplexMatrix h = model.hopping(c[0], c[1], c[2]);
            double rx = 0;
            for (int i = 0; i < 3; i++) {
                rx += c[i] * (a[i][0] * x[0] + a[i][1] * x[1] + a[i][2] * x[2]);
            }
            ComplexMatrix out = new ComplexMatrix(d, d);
            for (int m = 0; m < d; m++) {
                for (int n = 0; n < d; n++) {
                    double f = rx;
                    if (tau != null) {
                        for (int i = 0; i < 3; i++) {
                            f += (tau[n][i] - tau[m][i]) * x[i];
                        }
                    }
                    // i f H_mn
                    out.set(m, n, -f * h.im(m, n), f * h.re(m, n));
                }
            }
            v.put(c, out);
        }
        this.velocity = WannierModel.of(a, model.spinStructure(), model.orbitals(), v, tau);
        this.volume = model.volume();
    }

    /** One mesh n x n x n; with {@code checkMesh} also n/2 (rounded up to even) for the error estimate. */
    public Result compute(double fermiEnergy, double broadening, int n, boolean checkMesh, ProgressListener progress) {
        if (!(broadening > 0)) {
            throw new IllegalArgumentException("the broadening must be > 0 eV, got " + broadening);
        }
        if (n < 2) {
            throw new IllegalArgumentException("the k-mesh must have at least 2 points per direction, got " + n);
        }
        double[] s = sums(fermiEnergy, broadening, n, progress);
        double err = Double.NaN;
        if (checkMesh) {
            double[] h = sums(fermiEnergy, broadening, Math.max(2, n / 2), ProgressListener.NONE);
            err = Math.abs(s[1] / s[0] - h[1] / h[0]);
        }
        // sum is in eV^2 A^2 / eV^2 per k-point: sigma = pi (e^2/hbar) sum / (V N_k), V in A^3 -> S/m with 1e10
        double scale = Math.PI * E2_OVER_HBAR / (volume * (double) n * n * n) * 1e10;
        return new Result(fermiEnergy, broadening, n, scale * s[0], scale * s[1], s[1] / s[0], err,
                s[2] / ((double) n * n * n));
    }

    /** {sum |v_nm|^2 dd, sum Re(js_nm v_mn) dd, sum of sigma^z below E_F} over the mesh (shifted by half a step: no special points). */
    double[] sums(double ef, double g, int n, ProgressListener progress) {
        return meshSum(n, 3, progress, "k-mesh " + n + "^3", bandTerm(ef, g));
    }

    /**
     * The conductivities on an adaptive mesh refined near the Fermi surface ({@link AdaptiveKMesh}, criterion
     * {@link AdaptiveKMesh#fermiWindow} with the window {@code window * G}); {@code mesh} of the result is the
     * equivalent uniform mesh. With {@code checkMesh} (and at least one level) the error estimate compares with
     * one level less.
     */
    public Result computeAdaptive(double fermiEnergy, double broadening, AdaptiveKMesh mesh, double window,
                                  boolean checkMesh, ProgressListener progress) {
        if (!(broadening > 0)) {
            throw new IllegalArgumentException("the broadening must be > 0 eV, got " + broadening);
        }
        AdaptiveKMesh.Refinement refine = AdaptiveKMesh.fermiWindow(model, fermiEnergy, broadening, window);
        AdaptiveKMesh.Sum s = mesh.sum(3, refine, bandTerm(fermiEnergy, broadening), progress,
                "k-mesh " + mesh.coarse() + "^3 + " + mesh.levels() + " levels");
        double[] a = s.average();
        double err = Double.NaN;
        if (checkMesh && mesh.levels() > 0) {
            double[] h = mesh.coarser().sum(3, refine, bandTerm(fermiEnergy, broadening), ProgressListener.NONE,
                    "").average();
            err = Math.abs(a[1] / a[0] - h[1] / h[0]);
        }
        double scale = Math.PI * E2_OVER_HBAR / volume * 1e10;
        return new Result(fermiEnergy, broadening, mesh.equivalentMesh(), scale * a[0], scale * a[1], a[1] / a[0],
                err, a[2], s.points(), mesh);
    }

    /** The band-basis Kubo term of one k-point: {|v_nm|^2 dd, Re(js_nm v_mn) dd, sigma^z below E_F}. */
    KPointTerm bandTerm(double ef, double g) {
        int d = model.dimension();
        double negligible = 1e-10 / (Math.PI * g); // relative to the peak of delta_G
        return (k1, k2, k3, acc) -> {
            HermitianEigen eig = HermitianEigen.of(model.hamiltonian(k1, k2, k3));
            double[] w = new double[d];
            boolean any = false;
            for (int b = 0; b < d; b++) {
                double x = ef - eig.value(b);
                w[b] = g / Math.PI / (x * x + g * g);
                any |= w[b] > 1e-6 * (1 / (Math.PI * g));
            }
            ComplexMatrix u = eig.vectors();
            ComplexMatrix sz = spinZ(u, d);
            for (int b = 0; b < d; b++) {
                acc[2] += eig.value(b) < ef ? sz.re(b, b) : 0;
            }
            if (!any) {
                return;
            }
            ComplexMatrix vb = u.dagger().times(velocity.hamiltonian(k1, k2, k3)).times(u);
            for (int a = 0; a < d; a++) {
                if (w[a] < negligible) {
                    continue; // a state far from E_F: its row adds nothing at this precision
                }
                for (int b = 0; b < d; b++) {
                    double ww = w[a] * w[b];
                    double vr = vb.re(a, b);
                    double vi = vb.im(a, b);
                    acc[0] += ww * (vr * vr + vi * vi);
                    // js = (sz v + v sz)/2 in the band basis; Re(js_ab v_ba) with v_ba = conj(v_ab)
                    double jr = 0;
                    double ji = 0;
                    for (int q = 0; q < d; q++) {
                        jr += 0.5 * (sz.re(a, q) * vb.re(q, b) - sz.im(a, q) * vb.im(q, b)
                                + vb.re(a, q) * sz.re(q, b) - vb.im(a, q) * sz.im(q, b));
                        ji += 0.5 * (sz.re(a, q) * vb.im(q, b) + sz.im(a, q) * vb.re(q, b)
                                + vb.re(a, q) * sz.im(q, b) + vb.im(a, q) * sz.re(q, b));
                    }
                    acc[1] += ww * (jr * vr + ji * vi);
                }
            }
        };
    }

    /** One k-point's contribution, added into acc. */
    @FunctionalInterface
    interface KPointTerm {
        void add(double k1, double k2, double k3, double[] acc);
    }

    /**
     * The sum of {@code term} over the n x n x n mesh shifted by half a step (no special points), in parallel over
     * planes of constant k1, each plane accumulating into its own array (streaming: nothing is kept per k).
     */
    static double[] meshSum(int n, int size, ProgressListener progress, String label, KPointTerm term) {
        AtomicLong done = new AtomicLong();
        double[] total = new double[size];
        // planes in chunks of the core count: memory for a few accumulators only (large ones are per-cell
        // matrices), and the planes are added in order, so the result does not depend on the scheduling
        int chunk = Math.max(1, Runtime.getRuntime().availableProcessors());
        for (int first = 0; first < n; first += chunk) {
            List<double[]> planes = IntStream.range(first, Math.min(n, first + chunk)).parallel().mapToObj(i1 -> {
                double[] acc = new double[size];
                for (int i2 = 0; i2 < n; i2++) {
                    for (int i3 = 0; i3 < n; i3++) {
                        term.add((i1 + 0.5) / n, (i2 + 0.5) / n, (i3 + 0.5) / n, acc);
                    }
                }
                progress.progress(done.incrementAndGet(), n, label);
                return acc;
            }).toList();
            for (double[] p : planes) {
                for (int i = 0; i < size; i++) {
                    total[i] += p[i];
                }
            }
        }
        return total;
    }

    /**
     * The local spectral function per cell {@code A_loc = (1/N_k) sum_k delta_eta(E - H(k))} (a matrix in the
     * orbital-spin basis, 1/eV) with a Lorentzian of half-width eta, and {@code n_up - n_dn} per cell below E.
     */
    public record LocalSpectrum(ComplexMatrix spectral, double spinZ) { }

    public LocalSpectrum localSpectrum(double ef, double eta, int n) {
        int d = model.dimension();
        double[] sum = meshSum(n, 2 * d * d + 1, ProgressListener.NONE, "local spectrum", localSpectrumTerm(ef, eta));
        double nk = (double) n * n * n;
        double[] a = new double[sum.length];
        for (int e = 0; e < a.length; e++) {
            a[e] = sum[e] / nk;
        }
        return localSpectrum(a, d);
    }

    private static LocalSpectrum localSpectrum(double[] average, int d) {
        return new LocalSpectrum(ComplexMatrix.wrap(d, d, Arrays.copyOf(average, 2 * d * d)), average[2 * d * d]);
    }

    /** One k-point of the local spectral function: {A(k) (2 d^2 reals), sigma^z below E}. */
    private KPointTerm localSpectrumTerm(double ef, double eta) {
        int d = model.dimension();
        return (k1, k2, k3, acc) -> {
            HermitianEigen eig = HermitianEigen.of(model.hamiltonian(k1, k2, k3));
            ComplexMatrix u = eig.vectors();
            ComplexMatrix sz = spinZ(u, d);
            ComplexMatrix w = new ComplexMatrix(d, d);
            for (int b = 0; b < d; b++) {
                double x = ef - eig.value(b);
                w.set(b, b, eta / Math.PI / (x * x + eta * eta), 0);
                acc[2 * d * d] += eig.value(b) < ef ? sz.re(b, b) : 0;
            }
            double[] a = u.times(w).times(u.dagger()).data();
            for (int e = 0; e < a.length; e++) {
                acc[e] += a[e];
            }
        };
    }

    /**
     * The conductivities with the Born self-energy of on-site, orbital- and spin-independent point disorder,
     * {@code Sigma = -i Gamma} with {@code Gamma = pi w A_loc(E_F)}: the broadening of each orbital and spin
     * follows its local density of states at E_F (for a ferromagnet: larger in the spin band with more states,
     * the s-d scattering argument). w is fixed so that the mean diagonal of Gamma equals {@code meanBroadening};
     * A_loc is evaluated with a Lorentzian of that width (one step, not iterated to self-consistency); vertex
     * corrections are left out. The Kubo sum is then
     * {@code sigma = (e^2/(pi hbar V N_k)) sum_k Tr[V X V X]} with {@code X = G^r Gamma G^a},
     * {@code G^r = (E - H(k) + i Gamma)^-1}, V = dH/dk_x (and {@code J^s} for sigma^s), which is the constant
     * formula when Gamma is a number.
     */
    public Result computeBorn(double fermiEnergy, double meanBroadening, int n, ProgressListener progress) {
        if (!(meanBroadening > 0)) {
            throw new IllegalArgumentException("the broadening must be > 0 eV, got " + meanBroadening);
        }
        LocalSpectrum loc = localSpectrum(fermiEnergy, meanBroadening, n);
        ComplexMatrix gamma = bornBroadening(loc, meanBroadening);
        double[] s = matrixSums(fermiEnergy, gamma, n, progress);
        double scale = E2_OVER_HBAR / (Math.PI * volume * (double) n * n * n) * 1e10;
        return new Result(fermiEnergy, meanBroadening, n, scale * s[0], scale * s[1], s[1] / s[0], Double.NaN,
                loc.spinZ());
    }

    /** {@code Gamma = pi w A_loc} with w such that the mean diagonal of Gamma is {@code meanBroadening}. */
    private ComplexMatrix bornBroadening(LocalSpectrum loc, double meanBroadening) {
        int d = model.dimension();
        double trace = 0;
        for (int i = 0; i < d; i++) {
            trace += loc.spectral().re(i, i);
        }
        return loc.spectral().scale(meanBroadening * d / trace, 0);
    }

    /**
     * {@link #computeBorn} on an adaptive mesh: A_loc and the Kubo sum both on the refined mesh, criterion
     * {@link AdaptiveKMesh#fermiWindow} with the window {@code window * G} for A_loc and {@code window * Gamma_max}
     * (the largest diagonal broadening: the widest Lorentzian decides which cells matter) for the Kubo sum. With
     * {@code checkMesh} (and at least one level) the error compares with one level less.
     */
    public Result computeBornAdaptive(double fermiEnergy, double meanBroadening, AdaptiveKMesh mesh, double window,
                                      boolean checkMesh, ProgressListener progress) {
        if (!(meanBroadening > 0)) {
            throw new IllegalArgumentException("the broadening must be > 0 eV, got " + meanBroadening);
        }
        int d = model.dimension();
        LocalSpectrum loc = localSpectrum(mesh.sum(2 * d * d + 1, AdaptiveKMesh.fermiWindow(model, fermiEnergy,
                meanBroadening, window), localSpectrumTerm(fermiEnergy, meanBroadening), ProgressListener.NONE,
                "local spectrum").average(), d);
        ComplexMatrix gamma = bornBroadening(loc, meanBroadening);
        double widest = 0;
        for (int i = 0; i < d; i++) {
            widest = Math.max(widest, gamma.re(i, i));
        }
        AdaptiveKMesh.Sum s = mesh.sum(2, AdaptiveKMesh.fermiWindow(model, fermiEnergy, widest, window),
                matrixTerm(fermiEnergy, gamma), progress, "k-mesh " + mesh.coarse() + "^3 + " + mesh.levels()
                        + " levels, Born broadening");
        double[] a = s.average();
        double err = Double.NaN;
        if (checkMesh && mesh.levels() > 0) {
            err = Math.abs(a[1] / a[0] - computeBornAdaptive(fermiEnergy, meanBroadening, mesh.coarser(), window,
                    false, ProgressListener.NONE).polarization());
        }
        double scale = E2_OVER_HBAR / (Math.PI * volume) * 1e10;
        return new Result(fermiEnergy, meanBroadening, mesh.equivalentMesh(), scale * a[0], scale * a[1], a[1] / a[0],
                err, loc.spinZ(), s.points(), mesh);
    }

    /** {sum Tr[V X V X], sum Re Tr[J^s X V X]} over the mesh for a broadening matrix Gamma. */
    double[] matrixSums(double ef, ComplexMatrix gamma, int n, ProgressListener progress) {
        return meshSum(n, 2, progress, "k-mesh " + n + "^3, Born broadening", matrixTerm(ef, gamma));
    }

    /** One k-point of the matrix-broadening Kubo sums {Tr[V X V X], Re Tr[J^s X V X]}. */
    private KPointTerm matrixTerm(double ef, ComplexMatrix gamma) {
        int d = model.dimension();
        ComplexMatrix sz = new ComplexMatrix(d, d);
        for (int i = 0; i < d; i++) {
            sz.set(i, i, i % 2 == 0 ? 1 : -1, 0);
        }
        return (k1, k2, k3, acc) -> {
            // G^r = (E - H(k) + i Gamma)^-1
            ComplexMatrix m = model.hamiltonian(k1, k2, k3).scale(-1, 0).plus(gamma.scale(0, 1));
            for (int i = 0; i < d; i++) {
                m.add(i, i, ef, 0);
            }
            ComplexMatrix gr = m.inverse();
            ComplexMatrix x = gr.times(gamma).times(gr.dagger());
            ComplexMatrix v = velocity.hamiltonian(k1, k2, k3);
            ComplexMatrix vx = v.times(x);
            ComplexMatrix js = sz.times(v).plus(v.times(sz)).scale(0.5, 0);
            acc[0] += vx.traceOfProduct(vx)[0];
            acc[1] += js.times(x).traceOfProduct(vx)[0];
        };
    }

    /** sigma^z (basis index 2 o + s) in the band basis: U^dagger Sz U. */
    private static ComplexMatrix spinZ(ComplexMatrix u, int d) {
        ComplexMatrix sz = new ComplexMatrix(d, d);
        for (int i = 0; i < d; i++) {
            sz.set(i, i, i % 2 == 0 ? 1 : -1, 0);
        }
        return u.dagger().times(sz).times(u);
    }
}
