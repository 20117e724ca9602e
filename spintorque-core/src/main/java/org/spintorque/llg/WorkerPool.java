package org.spintorque.llg;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A fixed set of daemon threads that split an index range {@code [0, n)} into equal slabs, one per thread,
 * the calling thread taking the first. Handing out work allocates nothing (a volatile generation counter and
 * park/unpark), so the LLG time step stays allocation-free while it uses every core.
 *
 * <p>Not re-entrant: one {@link #run} at a time (the solver that owns the pool calls it from one thread).
 */
public final class WorkerPool implements AutoCloseable {
    /** Work on the slab {@code [from, to)}; {@code worker} in {@code [0, threads)} selects per-thread scratch. */
    @FunctionalInterface
    public interface Slab {
        void run(int from, int to, int worker);
    }

    private final int threads;
    private final Thread[] workers;
    private final AtomicInteger pending = new AtomicInteger();
    private volatile Slab task;
    private volatile int count;
    private volatile long generation;
    private volatile boolean closed;
    private volatile Thread caller;
    private volatile Throwable failure;

    /** A pool of {@code threads} threads in all (the caller included); 1 runs everything inline. */
    public WorkerPool(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        this.threads = threads;
        this.workers = new Thread[threads - 1];
        for (int w = 1; w < threads; w++) {
            final int id = w;
            Thread t = new Thread(() -> loop(id), "llg-worker-" + w);
            t.setDaemon(true);
            workers[w - 1] = t;
            t.start();
        }
    }

    /** A pool with one thread per available processor. */
    public static WorkerPool allCores() {
        return new WorkerPool(Runtime.getRuntime().availableProcessors());
    }

    public int threads() {
        return threads;
    }

    /** Runs {@code slab} over {@code [0, n)} split into {@link #threads()} slabs; returns when all are done. */
    public void run(int n, Slab slab) {
        if (threads == 1 || n < 2 * threads) {
            slab.run(0, n, 0);
            return;
        }
        caller = Thread.currentThread();
        task = slab;
        count = n;
        failure = null;
        pending.set(threads - 1);
        generation++;
        for (Thread t : workers) {
            LockSupport.unpark(t);
        }
        slab.run(0, bound(0, n), 0);
        int spins = 0;
        while (pending.get() != 0) {
            if (++spins < 2000) {
                Thread.onSpinWait();
            } else {
                LockSupport.parkNanos(this, 50_000L);
            }
        }
        task = null;
        Throwable f = failure;
        if (f != null) {
            if (f instanceof RuntimeException r) {
                throw r;
            }
            if (f instanceof Error e) {
                throw e;
            }
            throw new IllegalStateException(f);
        }
    }

    private int bound(int part, int n) {
        return (int) ((long) n * (part + 1) / threads);
    }

    private void loop(int id) {
        long seen = 0;
        while (true) {
            int spins = 0;
            while (generation == seen && !closed) {
                if (++spins < 2000) {
                    Thread.onSpinWait();
                } else {
                    LockSupport.park(this);
                }
            }
            if (closed) {
                return;
            }
            seen = generation;
            int n = count;
            try {
                task.run((int) ((long) n * id / threads), bound(id, n), id);
            } catch (Throwable t) {
                failure = t;
            }
            if (pending.decrementAndGet() == 0) {
                LockSupport.unpark(caller);
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        for (Thread t : workers) {
            LockSupport.unpark(t);
        }
    }
}
