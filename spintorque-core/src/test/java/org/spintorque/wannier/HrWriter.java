package org.spintorque.wannier;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

/** Writes small models in Wannier90's hr and tb layouts, for tests. */
final class HrWriter {
    private HrWriter() { }

    /** One R block: cell, degeneracy and H(R) as {re, im} per (m, n), {@code h[m][n][2]}. */
    record Block(int[] cell, int deg, double[][][] h) { }

    static String hr(int nw, List<Block> blocks) {
        StringBuilder sb = new StringBuilder(" written by a test\n");
        header(sb, nw, blocks);
        for (Block b : blocks) {
            for (int n = 0; n < nw; n++) {
                for (int m = 0; m < nw; m++) {
                    sb.append(String.format(Locale.ROOT, "%5d%5d%5d%5d%5d%22.15f%22.15f%n", b.cell()[0], b.cell()[1],
                            b.cell()[2], m + 1, n + 1, b.h()[m][n][0], b.h()[m][n][1]));
                }
            }
        }
        return sb.toString();
    }

    /** num_wann, nrpts and the degeneracies, 15 per line. */
    private static void header(StringBuilder sb, int nw, List<Block> blocks) {
        sb.append(String.format(Locale.ROOT, "%12d%n%12d%n", nw, blocks.size()));
        for (int i = 0; i < blocks.size(); i++) {
            sb.append(String.format(Locale.ROOT, "%5d", blocks.get(i).deg()));
            if (i % 15 == 14 || i == blocks.size() - 1) {
                sb.append('\n');
            }
        }
    }

    static String tb(int nw, List<Block> blocks, double[][] lattice) {
        StringBuilder sb = new StringBuilder(" written by a test\n");
        for (double[] a : lattice) {
            sb.append(String.format(Locale.ROOT, "%22.15f%22.15f%22.15f%n", a[0], a[1], a[2]));
        }
        header(sb, nw, blocks);
        for (Block b : blocks) {
            sb.append(String.format(Locale.ROOT, "%n%5d%5d%5d%n", b.cell()[0], b.cell()[1], b.cell()[2]));
            for (int n = 0; n < nw; n++) {
                for (int m = 0; m < nw; m++) {
                    sb.append(String.format(Locale.ROOT, "%5d%5d%22.15f%22.15f%n", m + 1, n + 1, b.h()[m][n][0],
                            b.h()[m][n][1]));
                }
            }
        }
        for (Block b : blocks) { // position matrix elements, all zero (not read)
            sb.append(String.format(Locale.ROOT, "%n%5d%5d%5d%n", b.cell()[0], b.cell()[1], b.cell()[2]));
            for (int n = 0; n < nw; n++) {
                for (int m = 0; m < nw; m++) {
                    sb.append(String.format(Locale.ROOT, "%5d%5d  0 0 0 0 0 0%n", m + 1, n + 1));
                }
            }
        }
        return sb.toString();
    }

    static String win(double[][] lattice, String extra) {
        StringBuilder sb = new StringBuilder(extra + "\nbegin unit_cell_cart\nang\n");
        for (double[] a : lattice) {
            sb.append(String.format(Locale.ROOT, "%22.15f%22.15f%22.15f%n", a[0], a[1], a[2]));
        }
        return sb.append("end unit_cell_cart\n").toString();
    }

    static Path write(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path writeGzip(Path file, String text) {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The one-orbital simple cubic model: on-site e0, hopping -t to the six nearest neighbours, band
     * {@code e0 - 2t (cos 2 pi k1 + cos 2 pi k2 + cos 2 pi k3)}. The nearest-neighbour blocks are written with
     * degeneracy {@code deg} and values multiplied by deg, so the weights must be applied to get the band.
     */
    static List<Block> cubicChain(double e0, double t, int deg) {
        List<Block> l = new java.util.ArrayList<>();
        l.add(new Block(new int[] {0, 0, 0}, 1, new double[][][] {{{e0, 0}}}));
        int[][] nn = {{1, 0, 0}, {-1, 0, 0}, {0, 1, 0}, {0, -1, 0}, {0, 0, 1}, {0, 0, -1}};
        for (int[] c : nn) {
            l.add(new Block(c, deg, new double[][][] {{{-t * deg, 0}}}));
        }
        return l;
    }
}
