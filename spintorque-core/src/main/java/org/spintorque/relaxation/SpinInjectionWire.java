package org.spintorque.relaxation;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.spintorque.disorder.AndersonDisorder;
import org.spintorque.disorder.MirrorImage;
import org.spintorque.disorder.SpinFlipImpurities;
import org.spintorque.disorder.SpinOrbitImpurities;
import org.spintorque.hamiltonian.CustomTerm;
import org.spintorque.hamiltonian.DisorderTerm;
import org.spintorque.hamiltonian.Hopping;
import org.spintorque.hamiltonian.ModelBuilder;
import org.spintorque.hamiltonian.Onsite;
import org.spintorque.hamiltonian.Pauli;
import org.spintorque.hamiltonian.TightBindingSystem;
import org.spintorque.lattice.Bond;
import org.spintorque.lattice.Lattice;
import org.spintorque.linalg.LinearAlgebra;
import org.spintorque.linalg.LinearAlgebras;
import org.spintorque.observables.BondObservables;
import org.spintorque.observables.SpinContinuity;
import org.spintorque.output.ProgressListener;
import org.spintorque.torque.EnergySolution;
import org.spintorque.torque.LatticeRunParameters;
import org.spintorque.torque.TorqueCalculation;
import org.spintorque.transport.Injection;

/**
 * The spin-diffusion length measured in a disordered wire, independently of the golden rule: a spin-polarized
 * current is injected from a ferromagnetic lead into a non-magnetic disordered wire and the decay of its spin
 * polarization along x is fitted to an exponential.
 *
 * <h2>Geometry, and why the wire is non-magnetic</h2>
 * Scattering region of length L and both leads: the clean lead of the run without its exchange (hopping t,
 * on-site v0, M = 0); the region holds the run's disorder terms (spin-flip, spin-orbit, Anderson;
 * realization r from the run's seed). The left lead is made a perfect half-metallic spin injector by one
 * extra term, "injector", acting on the left-lead cells only: {@code (U/2)(1 - sigma^z) = diag(0, U)} with
 * {@code U = } {@link #INJECTOR_SHIFT}{@code |t|}, which lifts the minority band far above E and leaves the
 * majority band identical to the wire's (no mode mismatch at the interface). The current entering the wire is
 * then fully polarized along z, {@code P(0) = 1} without disorder, and {@code P(x) = j_s^z(x)/j} (bond currents
 * of physics.md section 3, per unit bias, symmetric injection) relaxes to zero with the spin-relaxation length
 * of the wire. Nothing else of the model changes.
 *
 * <p>Why not a uniformly magnetized wire: there the current stays polarized in the bulk,
 * {@code P = (sigma_+ - sigma_-)/(sigma_+ + sigma_-)}, and only the small mismatch between the ballistic
 * polarization of the leads and the diffusive bulk value relaxes, on top of a constant, and transverse spin
 * precesses about M instead of relaxing; the longitudinal relaxation of a non-magnetic wire is the clean
 * measurement of tau_sf, and its golden-rule rates (M = 0) are the ones it is compared with.
 *
 * <h2>Fit</h2>
 * Each realization is solved with its random values and with all of them negated ({@link MirrorImage}) and the
 * two profiles averaged: the first-order (random-sign) response to the impurities, which dominates the
 * sample-to-sample scatter of P(x), cancels exactly while the mean is unchanged. The ensemble mean of P(x) (cuts x = 0 .. L, cut x between slices x - 1 and x) is fitted as
 * {@code ln P = ln P0 - x / lambda} by weighted least squares over the cuts {@code [fitStart, fitStop]},
 * weights from the standard errors of the mean; the error of lambda is the fit's.
 *
 * @param cut          cut positions x [a]
 * @param polarization ensemble mean of P(x)
 * @param error        standard error of the mean of P(x) (0 for one realization)
 * @param lambda       fitted decay length [a]
 * @param lambdaError  its standard error [a] (NaN for one realization)
 */
public record SpinInjectionWire(double[] cut, double[] polarization, double[] error, int fitStart, int fitStop,
                                double lambda, double lambdaError, int realizations) {
    /** The minority shift U of the half-metallic injector, in units of |t| (the band is 4d|t| wide). */
    public static final double INJECTOR_SHIFT = 20;

    /**
     * Solves the wire for every realization (in parallel) and fits the decay.
     *
     * @param lead     the run's lead; its exchange is not used (the wire has M = 0, the injector is half-metallic)
     * @param disorder the run's disorder (terms, seed, number of realizations)
     */
    public static SpinInjectionWire measure(UniformLead lead, double energy, int length,
            LatticeRunParameters.Disorder disorder, int fitStart, int fitStop, ProgressListener progress) {
        if (fitStart < 0 || fitStop > length || fitStop - fitStart < 2) {
            throw new IllegalArgumentException("the fit window [" + fitStart + ", " + fitStop + "] must lie in [0, "
                    + length + "] and hold at least 3 cuts");
        }
        Lattice lattice = new Lattice(lead.kind(), length, lead.width(), lead.height(), 1);
        int n = disorder.realizations();
        double[][] profiles = new double[n][];
        LinearAlgebra la = LinearAlgebras.best();
        ExecutorService pool = TorqueCalculation.pool();
        AtomicLong done = new AtomicLong();
        try {
            List<Future<double[]>> jobs = new ArrayList<>();
            for (int r = 0; r < n; r++) {
                int rr = r;
                jobs.add(pool.submit(() -> {
                    double[] p = profile(system(lattice, lead, disorder, rr, false), energy, la);
                    double[] q = profile(system(lattice, lead, disorder, rr, true), energy, la);
                    for (int c = 0; c < p.length; c++) { // the pair's mean spin and charge currents
                        p[c] = 0.5 * (p[c] + q[c]);
                    }
                    progress.progress(done.incrementAndGet(), n, "realization " + (rr + 1));
                    return p;
                }));
            }
            for (int r = 0; r < n; r++) {
                profiles[r] = jobs.get(r).get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        // ratio of the ensemble means <j_s^z(x)>/<j> (the charge current is the same through every cut), with
        // the delta-method error of a ratio; the mean of per-sample ratios would weigh nearly insulating samples
        double[] x = new double[length + 1];
        double[] mean = new double[length + 1];
        double[] err = new double[length + 1];
        double j = 0;
        for (double[] p : profiles) {
            j += p[length + 1];
        }
        j /= n;
        for (int c = 0; c <= length; c++) {
            x[c] = c;
            double s = 0;
            for (double[] p : profiles) {
                s += p[c];
            }
            mean[c] = s / n / j;
            double v = 0;
            for (double[] p : profiles) {
                double dev = p[c] - mean[c] * p[length + 1];
                v += dev * dev;
            }
            err[c] = n > 1 ? Math.sqrt(v / (n - 1) / n) / Math.abs(j) : 0;
        }
        double[] fit = fitExponential(x, mean, err, fitStart, fitStop);
        return new SpinInjectionWire(x, mean, err, fitStart, fitStop, fit[0], n > 1 ? fit[1] : Double.NaN, n);
    }

    /**
     * The wire of one realization, or of its mirror image: injector exchange on the left-lead cells only,
     * disorder in the region.
     */
    static TightBindingSystem system(Lattice lattice, UniformLead lead, LatticeRunParameters.Disorder d, int r,
            boolean mirrored) {
        // minority level U/2 (1 - sigma^z) = diag(0, U) on the left-lead cells: far above every band
        double u = INJECTOR_SHIFT * Math.abs(lead.hopping());
        ModelBuilder b = new ModelBuilder(lattice).add(new Hopping(lead.hopping()))
                .add(new CustomTerm("injector", s -> s.x() < 0 ? Pauli.spinBlock(1, u / 2, 0, 0, 0, 0, 0, -u / 2, 0)
                        : null, bond -> null, true, false));
        if (lead.onsite() != 0) {
            b.add(new Onsite(lead.onsite()));
        }
        List<DisorderTerm> random = new ArrayList<>();
        if (d.spinFlip() != null) {
            double[] sf = d.spinFlip();
            random.add(new SpinFlipImpurities(sf[0], sf[1], sf[2], d.seed(), r));
        }
        if (d.spinOrbit() != null) {
            double[] so = d.spinOrbit();
            random.add(new SpinOrbitImpurities(so[0], so[1], SpinOrbitImpurities.Components.parse(d.components()),
                    d.seed(), r));
        }
        if (d.anderson() != null) {
            random.add(new AndersonDisorder(d.anderson(), AndersonDisorder.Distribution.parse(d.distribution()),
                    d.seed(), r));
        }
        random.forEach(t -> b.add(mirrored ? new MirrorImage(t) : t));
        return b.build();
    }

    /**
     * The spin current {@code j_s^z} through every cut x = 0 .. L (bonds x - 1 -> x), followed by the charge
     * current j (averaged over the cuts, where it is the same up to rounding): L + 2 numbers.
     */
    static double[] profile(TightBindingSystem sys, double energy, LinearAlgebra la) {
        EnergySolution s = TorqueCalculation.solve(sys, TorqueCalculation.openSystem(sys), new SpinContinuity(sys),
                energy, Injection.SYMMETRIC, la);
        BondObservables bonds = s.field().bonds();
        int length = sys.lattice().length();
        double[] spin = new double[length + 1];
        double[] charge = new double[length + 1];
        for (int k = 0; k < bonds.count(); k++) {
            Bond bond = bonds.bond(k);
            if (bond.from().x() == bond.to().x()) {
                continue;
            }
            int cut = bond.to().x();
            spin[cut] += bonds.spinCurrent(k).z();
            charge[cut] += bonds.chargeCurrent(k);
        }
        double[] p = java.util.Arrays.copyOf(spin, length + 2);
        double j = 0;
        for (double c : charge) {
            j += c;
        }
        p[length + 1] = j / (length + 1);
        return p;
    }

    /**
     * Weighted least squares of {@code ln y = a - x / lambda} over [from, to] (weights {@code (y/err)^2}, or 1
     * without errors): {lambda, its standard error}. Points with y <= 0 are left out.
     */
    static double[] fitExponential(double[] x, double[] y, double[] err, int from, int to) {
        double sw = 0;
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        for (int i = from; i <= to; i++) {
            if (!(y[i] > 0)) {
                continue;
            }
            double w = err[i] > 0 ? (y[i] / err[i]) * (y[i] / err[i]) : 1;
            double ly = Math.log(y[i]);
            sw += w;
            sx += w * x[i];
            sy += w * ly;
            sxx += w * x[i] * x[i];
            sxy += w * x[i] * ly;
        }
        double det = sw * sxx - sx * sx;
        double slope = (sw * sxy - sx * sy) / det;
        double slopeErr = Math.sqrt(sw / det);
        return new double[] {-1 / slope, slopeErr / (slope * slope)};
    }
}
