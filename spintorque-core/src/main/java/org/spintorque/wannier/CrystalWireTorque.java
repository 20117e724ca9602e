package org.spintorque.wannier;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.spintorque.disorder.DisorderRandom;
import org.spintorque.linalg.ComplexMatrix;
import org.spintorque.linalg.LinearAlgebra;
import org.spintorque.output.ProgressListener;
import org.spintorque.texture.DomainWallTexture;
import org.spintorque.texture.Texture;
import org.spintorque.texture.Vector3;
import org.spintorque.torque.TorqueFit;

/**
 * The real-space route for a Wannier crystal: a domain wall in a {@link CrystalWire} between two leads of the
 * same crystal, with on-site spin-flip and Anderson disorder averaged over realizations, read as
 * {@code tau(x) = c_a d_x n + c_n n x d_x n} per atomic plane (physics.md section 5), and split per term:
 * {@code -div j_s} ("divergence"), the spin-orbit source and the disorder source, whose sum is the torque.
 *
 * <p>Disorder: each site of the scattering region holds, with probability {@code concentration}, a spin-flip
 * impurity {@code v_s S.Sigma} (|S| = 1, isotropic random direction; {@code v_s} in eV multiplies the spin
 * of every orbital, eq. (7)), and an Anderson energy uniform in [-W/2, W/2] (all orbitals of the site);
 * realization r is a pure function of (seed, r, site). The leads are clean.
 *
 * <p>Ensemble: beta is the ratio of means {@code <c_n>/<c_a>} with its delta-method standard error (as in
 * {@code spintorque run}); each part's beta is its {@code <c_n>} over the whole torque's {@code <c_a>}, so the
 * parts add up to beta.
 */
public final class CrystalWireTorque {
    /** Ordered parts of the torque: the whole, and its continuity decomposition. */
    public static final List<String> PARTS = List.of("total", "divergence", "spin-orbit", "disorder");

    /** Geometry and texture. */
    public record Setup(int ny, int nz, CrystalWire.Boundary boundary, int transverseMesh, int length,
                        double wallWidth, DomainWallTexture.WallType wallType, double hoppingCutoff, double energy) { }

    /** On-site disorder of the scattering region. */
    public record Disorder(double spinFlip, double concentration, double anderson, int realizations, long seed) {
        public boolean none() {
            return spinFlip == 0 && anderson == 0;
        }
    }

    /** Ensemble value with its standard error (NaN error for one realization). */
    public record Value(double mean, double error) {
        public Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("value", mean);
            m.put("error", Double.isFinite(error) ? error : null);
            return m;
        }
    }

    /**
     * @param beta           beta per part (ratio of means against the whole torque's c_a)
     * @param polarization   P = -c_a / (J d) from the fit (d: plane spacing in units of a)
     * @param leadPolarization spin current along the left lead's magnetization over the particle current, at the
     *                       left interface
     * @param profileX       plane coordinates (a)
     * @param profile        mean torque per plane and part [part][plane][3]
     */
    public record Result(Setup setup, Disorder disorder, Map<String, Value> beta, Value ca, Value cn,
                         Value polarization, Value leadPolarization, Value transmission, double worstResidual,
                         double worstRouteDifference, int realizations, int transverseKpoints, int layerStates,
                         double seconds, double[] profileX, double[][][] profile, double[][] n, double[][] dn) { }

    private CrystalWireTorque() { }

    /** Transverse Bloch vectors: a shifted m x m mesh (inversion symmetric), or Gamma for open boundaries. */
    public static double[][] transverseMesh(CrystalWire.Boundary boundary, int m) {
        if (boundary == CrystalWire.Boundary.OPEN) {
            return new double[][] {{0, 0}};
        }
        double[][] k = new double[m * m][];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < m; j++) {
                k[i * m + j] = new double[] {(i + 0.5) / m - 0.5, (j + 0.5) / m - 0.5};
            }
        }
        return k;
    }

    /** The on-site disorder of realization r (null when there is none). */
    public static CrystalWire.OnsiteDisorder disorder(CrystalWire wire, Disorder d, long r) {
        if (d.none()) {
            return null;
        }
        DisorderRandom rnd = new DisorderRandom(d.seed(), r);
        int dim = wire.siteDimension();
        int ns = wire.sitesPerLayer();
        return (layer, site, n) -> {
            long id = (long) layer * ns + site;
            ComplexMatrix h = new ComplexMatrix(dim, dim);
            if (d.anderson() != 0) {
                double e = d.anderson() * (rnd.uniform(id, 1) - 0.5);
                for (int i = 0; i < dim; i++) {
                    h.set(i, i, e, 0);
                }
            }
            if (d.spinFlip() != 0 && rnd.bernoulli(id, 2, d.concentration())) {
                double cosT = 2 * rnd.uniform(id, 3, 0) - 1;
                double phi = 2 * Math.PI * rnd.uniform(id, 3, 1);
                double sinT = Math.sqrt(Math.max(0, 1 - cosT * cosT));
                double sx = d.spinFlip() * sinT * Math.cos(phi);
                double sy = d.spinFlip() * sinT * Math.sin(phi);
                double sz = d.spinFlip() * cosT;
                for (int o = 0; o < dim; o += 2) {
                    h.add(o, o, sz, 0);
                    h.add(o + 1, o + 1, -sz, 0);
                    h.add(o, o + 1, sx, -sy);
                    h.add(o + 1, o, sx, sy);
                }
            }
            return h;
        };
    }

    /** Runs the ensemble. */
    public static Result run(CrystalWire wire, Setup s, Disorder d, LinearAlgebra la, ProgressListener progress) {
        long t0 = System.nanoTime();
        int length = s.length();
        double centre = length * wire.layerCells() / 2.0;
        Texture tex = new DomainWallTexture(centre, s.wallWidth(), s.wallType(), 0);
        Vector3[][] n = wire.directions(length, tex);
        double[][] k = transverseMesh(s.boundary(), s.transverseMesh());
        int reps = d.none() ? 1 : d.realizations();
        int planes = wire.planesPerLayer();
        double spacing = planes > 1 ? wire.planeCoordinate(0, 1) - wire.planeCoordinate(0, 0) : wire.layerCells();
        double[] x = new double[length * planes];
        double[][] nx = new double[x.length][];
        double[][] dnx = new double[x.length][];
        double ymid = wire.ny() / 2.0;
        double zmid = wire.nz() / 2.0;
        for (int l = 0; l < length; l++) {
            for (int p = 0; p < planes; p++) {
                int q = l * planes + p;
                x[q] = wire.planeCoordinate(l, p);
                nx[q] = tex.n(x[q], ymid, zmid).toArray();
                // the derivative per plane, so that c_a = -P J
                dnx[q] = tex.dxN(x[q], ymid, zmid).times(spacing).toArray();
            }
        }
        int np = PARTS.size();
        // realizations in parallel when the transverse k-points alone cannot use every core and memory allows
        int cores = Runtime.getRuntime().availableProcessors();
        long perRealization = 16L * wire.layerDimension() * wire.layerDimension() * (2L * (length + 2) + 10);
        int threads = k.length >= cores ? 1 : Math.min(reps, Math.max(1, cores / k.length));
        threads = (int) Math.max(1, Math.min(threads, (long) (0.6 * Runtime.getRuntime().maxMemory()) / perRealization));
        long steps = (long) reps * k.length * (length + 2);
        java.util.concurrent.atomic.AtomicLong done = new java.util.concurrent.atomic.AtomicLong();
        ProgressListener step = progress == null ? null
                : (a, b, label) -> progress.progress(done.incrementAndGet(), steps, "realizations x cells x "
                        + "transverse k-points");
        One[] ones = new One[reps];
        if (threads == 1) {
            for (int r = 0; r < reps; r++) {
                ones[r] = one(wire, s, d, r, n, k, nx, dnx, la, step);
            }
        } else {
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
            try {
                List<java.util.concurrent.Future<One>> fs = new ArrayList<>();
                for (int r = 0; r < reps; r++) {
                    final int rr = r;
                    fs.add(pool.submit(() -> one(wire, s, d, rr, n, k, nx, dnx, la, step)));
                }
                for (int r = 0; r < reps; r++) {
                    ones[r] = fs.get(r).get();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } catch (java.util.concurrent.ExecutionException e) {
                if (e.getCause() instanceof RuntimeException re) {
                    throw re;
                }
                throw new IllegalStateException(e.getCause());
            } finally {
                pool.shutdownNow();
            }
        }
        double[][] ca = new double[np][reps];
        double[][] cn = new double[np][reps];
        double[] pFit = new double[reps];
        double[] pLead = new double[reps];
        double[] trans = new double[reps];
        double[][][] profile = new double[np][x.length][3];
        double worstResidual = 0;
        double worstRoutes = 0;
        for (int r = 0; r < reps; r++) {
            One o = ones[r];
            worstResidual = Math.max(worstResidual, o.residual());
            worstRoutes = Math.max(worstRoutes, o.routes());
            for (int part = 0; part < np; part++) {
                ca[part][r] = o.ca()[part];
                cn[part][r] = o.cn()[part];
                for (int q = 0; q < x.length; q++) {
                    for (int c = 0; c < 3; c++) {
                        profile[part][q][c] += o.parts()[part][q][c] / reps;
                    }
                }
            }
            pFit[r] = o.pFit();
            pLead[r] = o.pLead();
            trans[r] = o.transmission();
        }
        Map<String, Value> beta = new LinkedHashMap<>();
        for (int part = 0; part < np; part++) {
            beta.put(PARTS.get(part), ratioOfMeans(ca[0], cn[part]));
        }
        return new Result(s, d, beta, mean(ca[0]), mean(cn[0]), mean(pFit), mean(pLead), mean(trans), worstResidual,
                worstRoutes, reps, k.length, wire.layerDimension(), (System.nanoTime() - t0) * 1e-9, x, profile, nx,
                dnx);
    }

    /**
     * The bulk current polarization of a region with spin-conserving (Anderson) disorder, from its Drude
     * resistances. Each spin channel is the contacts, the wall and the disordered region in series, so the wall
     * sees {@code c_a = -P_L J} with {@code P_L = (T_+ - T_-)/(T_+ + T_-)}, between the bulk P and the polarization
     * of the clean contacts. What the region adds to the resistance of the clean sample (same geometry and wall) is
     * its Drude part, {@code L/(sigma_s A) = 1/T_s - 1/T_s(clean)}, and {@code P = (sigma_+ - sigma_-)/(sigma_+ +
     * sigma_-)}, the P of the bulk Kubo conductivities. T_s = T (1 + s P)/2 with P the fitted P_L of the disordered
     * ensemble and the lead polarization of the clean run. The error is propagated from those of P_L and T (taken as
     * independent). Valid when the region is several mean free paths long and conducts well (T >> 1 per Bloch
     * vector and spin): the non-Ohmic zones at the contacts and weak localization remain (docs/wannier.md). NaN
     * when a spin channel's resistance is not above the clean one's. Not for spin-flip disorder, which mixes the
     * channels.
     */
    public static Value drudePolarization(Result disordered, Result clean) {
        double t = disordered.transmission().mean();
        double p = disordered.polarization().mean();
        double tc = clean.transmission().mean();
        double pc = clean.leadPolarization().mean();
        double v = drude(t, p, tc, pc);
        if (!Double.isFinite(v)) {
            return new Value(Double.NaN, Double.NaN);
        }
        double dp = 1e-5;
        double dP = (drude(t, p + dp, tc, pc) - drude(t, p - dp, tc, pc)) / (2 * dp);
        double dT = (drude(t * (1 + dp), p, tc, pc) - drude(t * (1 - dp), p, tc, pc)) / (2 * dp * t);
        double err = Math.hypot(dP * disordered.polarization().error(), dT * disordered.transmission().error());
        return new Value(v, err);
    }

    private static double drude(double t, double p, double tc, double pc) {
        double rUp = 2 / (t * (1 + p)) - 2 / (tc * (1 + pc));
        double rDn = 2 / (t * (1 - p)) - 2 / (tc * (1 - pc));
        if (!(rUp > 0 && rDn > 0)) {
            return Double.NaN;
        }
        return (1 / rUp - 1 / rDn) / (1 / rUp + 1 / rDn);
    }

    /** One realization: fits per part, polarizations, checks and the torque per plane per part. */
    private record One(double[] ca, double[] cn, double pFit, double pLead, double transmission, double residual,
                       double routes, double[][][] parts) { }

    private static One one(CrystalWire wire, Setup s, Disorder d, int r, Vector3[][] n, double[][] k, double[][] nx,
                           double[][] dnx, LinearAlgebra la, ProgressListener step) {
        int length = s.length();
        CrystalWireSolution sol = CrystalWireSolution.solve(wire, length, n, disorder(wire, d, r), s.energy(), k, la,
                step);
        double[][][] parts = {
            sol.perPlane(sol::torqueDirect),
            sol.perPlane((l, i) -> {
                double[] v = sol.divergence(l, i);
                return new Vector3(-v[1], -v[2], -v[3]);
            }),
            sol.perPlane((l, i) -> spin(sol.source(1, l, i))),
            sol.perPlane((l, i) -> spin(sol.source(3, l, i))),
        };
        double[][] cont = sol.perPlane(sol::torqueContinuity);
        double worst = 0;
        double scale = 0;
        for (int q = 0; q < cont.length; q++) {
            for (int c = 0; c < 3; c++) {
                worst = Math.max(worst, Math.abs(cont[q][c] - parts[0][q][c]));
                scale = Math.max(scale, Math.abs(parts[0][q][c]));
            }
        }
        int np = PARTS.size();
        double[] ca = new double[np];
        double[] cn = new double[np];
        for (int part = 0; part < np; part++) {
            TorqueFit.Result f = TorqueFit.fit(nx, dnx, parts[part], 1e-3);
            ca[part] = f.ca();
            cn[part] = f.cn();
        }
        double[] js = sol.cut(0);
        double current = js[0];
        Vector3 left = n[0][0];
        double pLead = (js[1] * left.x() + js[2] * left.y() + js[3] * left.z()) / current;
        return new One(ca, cn, -ca[0] / current, pLead, sol.transmission(), sol.continuityResidual(),
                scale == 0 ? worst : worst / scale, parts);
    }

    private static Vector3 spin(double[] s) {
        return new Vector3(s[1], s[2], s[3]);
    }

    static Value mean(double[] v) {
        double m = 0;
        for (double x : v) {
            m += x;
        }
        m /= v.length;
        if (v.length < 2) {
            return new Value(m, Double.NaN);
        }
        double s = 0;
        for (double x : v) {
            s += (x - m) * (x - m);
        }
        return new Value(m, Math.sqrt(s / (v.length - 1) / v.length));
    }

    /** {@code <y>/<x>} with the delta-method standard error (NaN for one sample). */
    static Value ratioOfMeans(double[] x, double[] y) {
        int n = x.length;
        double mx = mean(x).mean();
        double my = mean(y).mean();
        double r = my / mx;
        if (n < 2) {
            return new Value(r, Double.NaN);
        }
        double vx = 0;
        double vy = 0;
        double cov = 0;
        for (int i = 0; i < n; i++) {
            vx += (x[i] - mx) * (x[i] - mx);
            vy += (y[i] - my) * (y[i] - my);
            cov += (x[i] - mx) * (y[i] - my);
        }
        vx /= n - 1;
        vy /= n - 1;
        cov /= n - 1;
        double var = vy - 2 * r * cov + r * r * vx;
        return new Value(r, Math.sqrt(Math.max(var, 0) / n) / Math.abs(mx));
    }

    /** A compact map of a result for summaries. */
    public static Map<String, Object> toMap(Result r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("P", r.polarization().mean());
        m.put("P_err", err(r.polarization()));
        m.put("P_current_left", r.leadPolarization().mean());
        m.put("beta", r.beta().get("total").mean());
        m.put("beta_err", err(r.beta().get("total")));
        Map<String, Object> parts = new LinkedHashMap<>();
        r.beta().forEach((k, v) -> parts.put(k, v.toMap()));
        m.put("beta_parts", parts);
        m.put("c_a", r.ca().toMap());
        m.put("c_n", r.cn().toMap());
        m.put("transmission", r.transmission().toMap());
        m.put("realizations", r.realizations());
        m.put("transverse_kpoints", r.transverseKpoints());
        m.put("states_per_layer", r.layerStates());
        m.put("continuity_residual", r.worstResidual());
        m.put("direct_vs_continuity", r.worstRouteDifference());
        m.put("seconds", r.seconds());
        m.put("disorder", Map.of("spin_flip_eV", r.disorder().spinFlip(), "concentration",
                r.disorder().concentration(), "anderson_eV", r.disorder().anderson(), "seed", r.disorder().seed()));
        return m;
    }

    private static Object err(Value v) {
        return Double.isFinite(v.error()) ? v.error() : null;
    }
}
