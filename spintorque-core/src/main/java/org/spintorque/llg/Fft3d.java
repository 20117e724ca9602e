package org.spintorque.llg;

/**
 * Three-dimensional FFT on a zero-padded box of {@code px x py x pz} points (powers of two; index
 * {@code x + px (y + py z)}) for fields that are non-zero only in the corner {@code nx x ny x nz}, and whose
 * inverse is needed only there: the forward pass skips the lines that hold only zeros and the inverse pass
 * the lines whose results are discarded, which halves the work of a padded 3D convolution. Lines are
 * distributed over the {@link WorkerPool}; each thread has its own line buffer, so nothing is allocated.
 */
final class Fft3d {
    private final int px;
    private final int py;
    private final int pz;
    private final int nx;
    private final int ny;
    private final int nz;
    private final Fft fx;
    private final Fft fy;
    private final Fft fz;
    private final double[][] lineRe;
    private final double[][] lineIm;
    private final WorkerPool pool;
    private final double[][] re;
    private final double[][] im;
    private final int fields;
    private final WorkerPool.Slab forwardX = xPass(true);
    private final WorkerPool.Slab forwardY = yPass(true);
    private final WorkerPool.Slab forwardZ = zPass(true);
    private final WorkerPool.Slab inverseX = xPass(false);
    private final WorkerPool.Slab inverseY = yPass(false);
    private final WorkerPool.Slab inverseZ = zPass(false);

    /** Transforms of the fields {@code re[f], im[f]} (each of length px py pz), which it works on in place. */
    Fft3d(int px, int py, int pz, int nx, int ny, int nz, double[][] re, double[][] im, WorkerPool pool) {
        this.re = re;
        this.im = im;
        this.fields = re.length;
        this.px = px;
        this.py = py;
        this.pz = pz;
        this.nx = nx;
        this.ny = ny;
        this.nz = nz;
        this.fx = new Fft(px);
        this.fy = new Fft(py);
        this.fz = new Fft(pz);
        this.pool = pool;
        int longest = Math.max(px, Math.max(py, pz));
        lineRe = new double[pool.threads()][longest];
        lineIm = new double[pool.threads()][longest];
    }

    int size() {
        return px * py * pz;
    }

    /** Forward transforms of every field of {@code re, im} (given at construction), in place. */
    void forward() {
        pool.run(fields * ny * nz, forwardX);
        if (py > 1) {
            pool.run(fields * px * nz, forwardY);
        }
        if (pz > 1) {
            pool.run(fields * px * py, forwardZ);
        }
    }

    /** Inverse transforms (unnormalized), in place, correct only in the corner nx x ny x nz. */
    void inverse() {
        if (pz > 1) {
            pool.run(fields * px * py, inverseZ);
        }
        if (py > 1) {
            pool.run(fields * px * nz, inverseY);
        }
        pool.run(fields * ny * nz, inverseX);
    }

    // The passes are built once: a capturing lambda per call would allocate in the time step.
    private WorkerPool.Slab xPass(boolean forward) {
        return (from, to, w) -> {
            for (int t = from; t < to; t++) {
                int f = t / (ny * nz);
                int r = t % (ny * nz);
                lineX(re[f], im[f], px * (r % ny + py * (r / ny)), forward, w);
            }
        };
    }

    private WorkerPool.Slab yPass(boolean forward) {
        return (from, to, w) -> {
            for (int t = from; t < to; t++) {
                int f = t / (px * nz);
                int r = t % (px * nz);
                line(re[f], im[f], r % px + px * py * (r / px), px, py, fy, forward, w);
            }
        };
    }

    private WorkerPool.Slab zPass(boolean forward) {
        return (from, to, w) -> {
            for (int t = from; t < to; t++) {
                int f = t / (px * py);
                int r = t % (px * py);
                line(re[f], im[f], r, px * py, pz, fz, forward, w);
            }
        };
    }

    private void lineX(double[] re, double[] im, int start, boolean forward, int w) {
        if (px > 1) {
            line(re, im, start, 1, px, fx, forward, w);
        }
    }

    private void line(double[] re, double[] im, int start, int stride, int len, Fft fft, boolean forward, int w) {
        double[] lr = lineRe[w];
        double[] li = lineIm[w];
        for (int k = 0, i = start; k < len; k++, i += stride) {
            lr[k] = re[i];
            li[k] = im[i];
        }
        if (forward) {
            fft.forward(lr, li);
        } else {
            fft.inverse(lr, li);
        }
        for (int k = 0, i = start; k < len; k++, i += stride) {
            re[i] = lr[k];
            im[i] = li[k];
        }
    }
}
