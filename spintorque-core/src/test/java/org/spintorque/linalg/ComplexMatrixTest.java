package org.spintorque.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.spintorque.linalg.LinalgTestSupport.naiveGemm;
import static org.spintorque.linalg.LinalgTestSupport.random;
import static org.spintorque.linalg.LinalgTestSupport.relativeError;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ComplexMatrixTest {
    private static final ComplexMatrix SIGMA_Y = ComplexMatrix.of(new double[][] {{0, 0}, {0, 0}},
            new double[][] {{0, -1}, {1, 0}});

    @Test
    void layoutIsColumnMajorInterleaved() {
        ComplexMatrix m = new ComplexMatrix(2, 3);
        m.set(1, 2, 5, -6);
        assertEquals(5, m.data()[2 * (1 + 2 * 2)]);
        assertEquals(-6, m.data()[2 * (1 + 2 * 2) + 1]);
        m.add(1, 2, 1, 1);
        assertEquals(6, m.re(1, 2));
        assertEquals(-5, m.im(1, 2));
        ComplexMatrix w = ComplexMatrix.wrap(2, 3, m.data());
        assertEquals(m, w);
        assertThrows(IllegalArgumentException.class, () -> ComplexMatrix.wrap(2, 2, new double[6]));
        assertThrows(IllegalArgumentException.class, () -> new ComplexMatrix(-1, 2));
    }

    @Test
    void daggerConjugatesAndTransposes() {
        SplittableRandom rnd = new SplittableRandom(1);
        ComplexMatrix a = random(rnd, 3, 5);
        ComplexMatrix d = a.dagger();
        assertEquals(5, d.rows());
        assertEquals(3, d.cols());
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 5; j++) {
                assertEquals(a.re(i, j), d.re(j, i));
                assertEquals(-a.im(i, j), d.im(j, i));
            }
        }
        assertEquals(a, d.dagger());
        // (AB)^dagger = B^dagger A^dagger
        ComplexMatrix b = random(rnd, 5, 4);
        assertTrue(relativeError(a.times(b).dagger(), b.dagger().times(a.dagger())) < 1e-15);
    }

    @Test
    void timesMatchesTripleLoop() {
        SplittableRandom rnd = new SplittableRandom(2);
        for (int[] s : new int[][] {{1, 1, 1}, {2, 3, 4}, {7, 5, 3}, {20, 30, 25}, {70, 3, 65}}) {
            ComplexMatrix a = random(rnd, s[0], s[1]);
            ComplexMatrix b = random(rnd, s[1], s[2]);
            ComplexMatrix expected = naiveGemm(false, false, 1, 0, a, b, 0, 0, new ComplexMatrix(s[0], s[2]));
            assertTrue(relativeError(a.times(b), expected) < 1e-13);
        }
        assertThrows(IllegalArgumentException.class, () -> random(rnd, 2, 3).times(random(rnd, 2, 3)));
    }

    @Test
    void pauliAlgebra() {
        ComplexMatrix sx = ComplexMatrix.of(new double[][] {{0, 1}, {1, 0}}, null);
        ComplexMatrix sz = ComplexMatrix.of(new double[][] {{1, 0}, {0, -1}}, null);
        // sigma_x sigma_y = i sigma_z
        assertEquals(0, sz.scale(0, 1).maxAbsDifference(sx.times(SIGMA_Y)));
        assertEquals(0, ComplexMatrix.identity(2).maxAbsDifference(SIGMA_Y.times(SIGMA_Y)));
        assertEquals(0, SIGMA_Y.hermiticityError());
        assertArrayEquals(new double[] {0, 0}, SIGMA_Y.trace());
    }

    @Test
    void arithmetic() {
        SplittableRandom rnd = new SplittableRandom(3);
        ComplexMatrix a = random(rnd, 3, 2);
        ComplexMatrix b = random(rnd, 3, 2);
        ComplexMatrix sum = a.plus(b);
        ComplexMatrix diff = a.minus(b);
        ComplexMatrix scaled = a.scale(2, -1);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 2; j++) {
                assertEquals(a.re(i, j) + b.re(i, j), sum.re(i, j), 1e-15);
                assertEquals(a.im(i, j) - b.im(i, j), diff.im(i, j), 1e-15);
                assertEquals(2 * a.re(i, j) + a.im(i, j), scaled.re(i, j), 1e-15);
                assertEquals(2 * a.im(i, j) - a.re(i, j), scaled.im(i, j), 1e-15);
            }
        }
        assertThrows(IllegalArgumentException.class, () -> a.plus(random(rnd, 2, 3)));
        ComplexMatrix copy = a.copy();
        copy.set(0, 0, 9, 9);
        assertNotEquals(a, copy);
        assertEquals(Math.hypot(9 - a.re(0, 0), 9 - a.im(0, 0)), copy.maxAbsDifference(a), 1e-15);
    }

    @Test
    void kroneckerProduct() {
        ComplexMatrix a = ComplexMatrix.of(new double[][] {{1, 2}, {3, 4}}, new double[][] {{0, 1}, {0, 0}});
        ComplexMatrix b = ComplexMatrix.of(new double[][] {{0, 5, 1}}, new double[][] {{1, 0, 0}});
        ComplexMatrix k = a.kron(b);
        assertEquals(2, k.rows());
        assertEquals(6, k.cols());
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                for (int q = 0; q < 3; q++) {
                    double ar = a.re(i, j);
                    double ai = a.im(i, j);
                    double br = b.re(0, q);
                    double bi = b.im(0, q);
                    assertEquals(ar * br - ai * bi, k.re(i, 3 * j + q), 1e-15);
                    assertEquals(ar * bi + ai * br, k.im(i, 3 * j + q), 1e-15);
                }
            }
        }
        // (A x B)(C x D) = AC x BD
        SplittableRandom rnd = new SplittableRandom(4);
        ComplexMatrix p = random(rnd, 2, 3);
        ComplexMatrix q = random(rnd, 3, 2);
        ComplexMatrix r = random(rnd, 3, 2);
        ComplexMatrix s = random(rnd, 2, 2);
        assertTrue(relativeError(p.kron(q).times(r.kron(s)), p.times(r).kron(q.times(s))) < 1e-14);
        assertEquals(0, ComplexMatrix.identity(6).maxAbsDifference(ComplexMatrix.identity(3).kron(ComplexMatrix.identity(2))));
    }

    @Test
    void traceOfProductWithoutTheProduct() {
        SplittableRandom rnd = new SplittableRandom(5);
        ComplexMatrix a = random(rnd, 4, 6);
        ComplexMatrix b = random(rnd, 6, 4);
        double[] expected = a.times(b).trace();
        double[] t = a.traceOfProduct(b);
        assertEquals(expected[0], t[0], 1e-14);
        assertEquals(expected[1], t[1], 1e-14);
        assertEquals(expected[0], a.traceOfProductRe(b), 1e-14);
        // Tr[AB] = Tr[BA]
        double[] ba = b.traceOfProduct(a);
        assertEquals(t[0], ba[0], 1e-14);
        assertEquals(t[1], ba[1], 1e-14);
        assertThrows(IllegalArgumentException.class, () -> a.traceOfProduct(a));
        assertThrows(IllegalArgumentException.class, a::trace);
    }

    @Test
    void blockAndSetBlock() {
        SplittableRandom rnd = new SplittableRandom(6);
        ComplexMatrix a = random(rnd, 5, 7);
        ComplexMatrix blk = a.block(1, 2, 3, 4);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 4; j++) {
                assertEquals(a.re(1 + i, 2 + j), blk.re(i, j));
                assertEquals(a.im(1 + i, 2 + j), blk.im(i, j));
            }
        }
        blk.set(0, 0, 100, 100);
        assertNotEquals(100, a.re(1, 2), "block is a copy");
        ComplexMatrix z = new ComplexMatrix(5, 7);
        z.setBlock(1, 2, a.block(1, 2, 3, 4));
        for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 7; j++) {
                boolean inside = i >= 1 && i < 4 && j >= 2 && j < 6;
                assertEquals(inside ? a.re(i, j) : 0, z.re(i, j));
                assertEquals(inside ? a.im(i, j) : 0, z.im(i, j));
            }
        }
        // the blocks of a block matrix reassemble it
        ComplexMatrix whole = new ComplexMatrix(5, 7);
        whole.setBlock(0, 0, a.block(0, 0, 2, 7));
        whole.setBlock(2, 0, a.block(2, 0, 3, 3));
        whole.setBlock(2, 3, a.block(2, 3, 3, 4));
        assertEquals(a, whole);
    }

    @Test
    void hermiticityError() {
        SplittableRandom rnd = new SplittableRandom(7);
        ComplexMatrix a = random(rnd, 6, 6);
        ComplexMatrix h = a.plus(a.dagger());
        assertEquals(0, h.hermiticityError());
        h.add(2, 4, 0, 0.25);
        assertEquals(0.25, h.hermiticityError(), 1e-15);
        ComplexMatrix d = ComplexMatrix.identity(3);
        d.set(1, 1, 1, 0.5);
        assertEquals(1.0, d.hermiticityError(), 1e-15, "imaginary diagonal: |z - conj z| = 2 |Im z|");
        assertEquals(Double.POSITIVE_INFINITY, random(rnd, 2, 3).hermiticityError());
    }

    @Test
    void inverse() {
        SplittableRandom rnd = new SplittableRandom(8);
        ComplexMatrix a = LinalgTestSupport.wellConditioned(rnd, 12);
        ComplexMatrix inv = a.inverse();
        assertTrue(a.times(inv).maxAbsDifference(ComplexMatrix.identity(12)) < 1e-13);
        assertEquals(0, SIGMA_Y.maxAbsDifference(SIGMA_Y.inverse()), 1e-16);
        assertThrows(ArithmeticException.class, () -> new ComplexMatrix(3, 3).inverse());
        assertThrows(IllegalArgumentException.class, () -> random(rnd, 2, 3).inverse());
    }

    @Test
    void equalsHashCodeAndToString() {
        ComplexMatrix a = ComplexMatrix.of(new double[][] {{1, 2}}, new double[][] {{0, -1}});
        ComplexMatrix b = ComplexMatrix.of(new double[][] {{1, 2}}, new double[][] {{0, -1}});
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, ComplexMatrix.of(new double[][] {{1}, {2}}, new double[][] {{0}, {-1}}));
        assertTrue(a.toString().contains("-1"));
    }
}
