package org.spintorque.llg;

/**
 * In-place radix-2 complex FFT of one power-of-two length: iterative Cooley-Tukey with precomputed twiddle
 * factors and bit-reversal table, O(n log n). {@code forward} computes {@code X_k = sum_j x_j e^{-2 pi i jk/n}};
 * {@code inverse} the same with {@code +i} and without the 1/n factor (the caller scales once).
 */
public final class Fft {
    private final int n;
    private final double[] cos;
    private final double[] sin;
    private final int[] reversed;

    public Fft(int n) {
        if (n < 1 || Integer.bitCount(n) != 1) {
            throw new IllegalArgumentException("FFT length must be a power of two, got " + n);
        }
        this.n = n;
        cos = new double[Math.max(1, n / 2)];
        sin = new double[Math.max(1, n / 2)];
        for (int k = 0; k < n / 2; k++) {
            double a = 2 * Math.PI * k / n;
            cos[k] = Math.cos(a);
            sin[k] = Math.sin(a);
        }
        reversed = new int[n];
        int bits = Integer.numberOfTrailingZeros(n);
        for (int i = 0; i < n; i++) {
            reversed[i] = bits == 0 ? 0 : Integer.reverse(i) >>> (32 - bits);
        }
    }

    public int length() {
        return n;
    }

    /** The smallest power of two >= m. */
    public static int nextPowerOfTwo(int m) {
        int p = 1;
        while (p < m) {
            p <<= 1;
        }
        return p;
    }

    public void forward(double[] re, double[] im) {
        transform(re, im, -1);
    }

    public void inverse(double[] re, double[] im) {
        transform(re, im, +1);
    }

    private void transform(double[] re, double[] im, int sign) {
        for (int i = 0; i < n; i++) {
            int j = reversed[i];
            if (j > i) {
                double t = re[i];
                re[i] = re[j];
                re[j] = t;
                t = im[i];
                im[i] = im[j];
                im[j] = t;
            }
        }
        for (int size = 2; size <= n; size <<= 1) {
            int half = size >> 1;
            int step = n / size;
            for (int start = 0; start < n; start += size) {
                for (int k = 0; k < half; k++) {
                    double wr = cos[k * step];
                    double wi = sign * sin[k * step];
                    int a = start + k;
                    int b = a + half;
                    double tr = wr * re[b] - wi * im[b];
                    double ti = wr * im[b] + wi * re[b];
                    re[b] = re[a] - tr;
                    im[b] = im[a] - ti;
                    re[a] += tr;
                    im[a] += ti;
                }
            }
        }
    }
}
