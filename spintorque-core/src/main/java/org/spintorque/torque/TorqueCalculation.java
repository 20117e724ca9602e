package org.spintorque.torque;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.spintorque.config.InputException;
import org.spintorque.hamiltonian.LeadCell;
import org.spintorque.hamiltonian.TightBindingSystem;
import org.spintorque.lattice.Lattice;
import org.spintorque.lattice.LeadSide;
import org.spintorque.linalg.ComplexMatrix;
import org.spintorque.linalg.LinearAlgebra;
import org.spintorque.observables.ObservableField;
import org.spintorque.observables.SpinContinuity;
import org.spintorque.output.ProgressListener;
import org.spintorque.transport.BlockTridiagonal;
import org.spintorque.transport.FermiWindow;
import org.spintorque.transport.Injection;
import org.spintorque.transport.Lead;
import org.spintorque.transport.NoOpenChannelException;
import org.spintorque.transport.RecursiveGreenFunction;
import org.spintorque.transport.SpinResolvedTransmission;

/**
 * The torque engine as a library call: a frozen tight-binding system between two leads, its
 * current-driven density matrix from the recursive Green's function, and every observable of the spin
 * continuity equation on every site and bond (physics.md sections 3 and 4).
 */
public final class TorqueCalculation {
    private TorqueCalculation() { }

    /** The block-tridiagonal open system of a frozen tight-binding system with leads. */
    public static BlockTridiagonal openSystem(TightBindingSystem system) {
        Lattice lat = system.lattice();
        int length = lat.length();
        List<ComplexMatrix> slices = new ArrayList<>();
        List<ComplexMatrix> couplings = new ArrayList<>();
        for (int s = 0; s < length; s++) {
            slices.add(system.sliceHamiltonian(s));
        }
        // the system gives H_{s,s+1}; the solver wants H_{s+1,s}
        for (int s = 0; s < length - 1; s++) {
            couplings.add(system.sliceCoupling(s).dagger());
        }
        LeadCell l = system.lead(LeadSide.LEFT);
        LeadCell r = system.lead(LeadSide.RIGHT);
        Lead left = new Lead(l.onsite(), l.hopping().dagger());
        Lead right = new Lead(r.onsite(), r.hopping().dagger());
        return new BlockTridiagonal(slices, couplings, left, right, l.coupling().dagger(), r.coupling().dagger());
    }

    /**
     * Solves one energy: transmission and the observables of delta rho (per unit bias).
     *
     * @throws InputException if a lead has no open channel at this energy
     */
    public static EnergySolution solve(TightBindingSystem system, BlockTridiagonal open, SpinContinuity continuity,
                                       double energy, Injection injection, LinearAlgebra la) {
        RecursiveGreenFunction rgf;
        try {
            rgf = new RecursiveGreenFunction(open, energy, la);
        } catch (NoOpenChannelException e) {
            throw new InputException("transport.energy = " + energy + " t: " + e.getMessage());
        }
        SlabDensityMatrix rho = new SlabDensityMatrix(system.lattice());
        ComplexMatrix[] lastLeft = new ComplexMatrix[1];
        rgf.sweep(cell -> {
            rho.accept(cell, injection);
            if (!cell.hasNext()) {
                lastLeft[0] = cell.leftStates(); // for the spin-resolved transmission, without a second sweep
            }
        });
        ObservableField field = continuity.evaluate(rho);
        SpinResolvedTransmission spin = SpinResolvedTransmission.compute(rgf,
                leadAxis(system, LeadSide.LEFT), leadAxis(system, LeadSide.RIGHT), la, lastLeft[0]);
        return new EnergySolution(rgf.energy(), rgf.transmissionLR(), rgf.transmissionRL(), field,
                List.copyOf(rgf.warnings()), spin);
    }

    /** The spin axis of a lead: the texture's limit on that side, else the edge slice's direction. */
    static SpinResolvedTransmission.LeadSpinAxis leadAxis(TightBindingSystem system, LeadSide side) {
        org.spintorque.texture.Texture tex = null;
        for (org.spintorque.hamiltonian.HamiltonianTerm t : system.terms()) {
            if (t instanceof org.spintorque.hamiltonian.Exchange ex) {
                tex = ex.texture();
            }
        }
        Lattice lat = system.lattice();
        double y = (lat.width() - 1) / 2.0;
        double z = (lat.height() - 1) / 2.0;
        org.spintorque.texture.Vector3 axis = org.spintorque.texture.Vector3.Z;
        if (tex != null) {
            org.spintorque.texture.Vector3 lim = tex.limit(side, y, z);
            axis = lim != null ? lim : tex.n(side == LeadSide.LEFT ? 0 : lat.length() - 1, y, z);
        }
        return new SpinResolvedTransmission.LeadSpinAxis(axis, lat.blockSize());
    }

    /**
     * One Fermi energy at temperature kT: at kT = 0 a single solve, otherwise the average over the Fermi
     * window with weights -df/dE (energies solved in parallel on {@code pool}, or one after the other in the
     * calling thread when {@code pool} is null).
     */
    public static EnergySolution solveThermal(TightBindingSystem system, BlockTridiagonal open,
                                              SpinContinuity continuity, double mu, double kT, Injection injection,
                                              LinearAlgebra la, ExecutorService pool, ProgressListener progress) {
        if (kT == 0) {
            EnergySolution s = solve(system, open, continuity, mu, injection, la);
            progress.progress(1, 1, "E = " + mu);
            return s;
        }
        FermiWindow window = new FermiWindow(mu, kT);
        double[] es = window.energies();
        double[] ws = window.weights();
        List<Future<EnergySolution>> parts = new ArrayList<>();
        for (double e : es) {
            if (pool == null) {
                // sequential: the caller is already parallel (one disorder realization per worker)
                java.util.concurrent.FutureTask<EnergySolution> f = new java.util.concurrent.FutureTask<>(
                        () -> solve(system, open, continuity, e, injection, la));
                f.run();
                parts.add(f);
            } else {
                parts.add(pool.submit(() -> solve(system, open, continuity, e, injection, la)));
            }
        }
        ObservableField sum = null;
        double tlr = 0;
        double trl = 0;
        List<String> warnings = new ArrayList<>();
        double weight = 0;
        for (int k = 0; k < es.length; k++) {
            EnergySolution s;
            try {
                s = parts.get(k).get();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof InputException ie) {
                    throw new InputException("at k_B T = " + kT + " t the Fermi window of E = " + mu
                            + " t reaches E = " + es[k] + " t: " + ie.getMessage(), ie);
                }
                throw new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            ObservableField f = s.field().scaled(ws[k]);
            sum = sum == null ? f : sum.plus(f);
            tlr += ws[k] * s.transmissionLR();
            trl += ws[k] * s.transmissionRL();
            weight += ws[k];
            warnings.addAll(s.warnings());
            progress.progress(k + 1, es.length, "E = " + mu + ", k_B T = " + kT);
        }
        if (Math.abs(weight - 1) > 1e-6) {
            warnings.add(String.format("the Fermi window covers a weight of %.8f of -df/dE", weight));
        }
        return new EnergySolution(mu, tlr, trl, sum, List.copyOf(warnings));
    }

    /** Worker threads: every core. */
    public static ExecutorService pool() {
        int n = Math.max(1, Runtime.getRuntime().availableProcessors());
        return Executors.newFixedThreadPool(n, r -> {
            Thread t = new Thread(null, r, "spintorque-energy", 16L << 20);
            t.setDaemon(true);
            return t;
        });
    }
}
