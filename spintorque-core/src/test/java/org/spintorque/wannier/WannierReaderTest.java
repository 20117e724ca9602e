package org.spintorque.wannier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading Wannier90 files: a model with a known band, and files that are broken in every way we can think of. */
class WannierReaderTest {
    static final double[][] CUBIC = {{3, 0, 0}, {0, 3, 0}, {0, 0, 3}};
    @TempDir
    Path tmp;

    private Path win() {
        return HrWriter.write(tmp.resolve("m.win"), HrWriter.win(CUBIC, "fermi_energy = 0.5"));
    }

    private WannierModel cubicModel(String format, int deg) {
        List<HrWriter.Block> blocks = HrWriter.cubicChain(0.3, 1.1, deg);
        Path f = switch (format) {
            case "hr" -> HrWriter.write(tmp.resolve("m_hr.dat"), HrWriter.hr(1, blocks));
            case "hr.gz" -> HrWriter.writeGzip(tmp.resolve("m_hr.dat.gz"), HrWriter.hr(1, blocks));
            default -> HrWriter.write(tmp.resolve("m_tb.dat"), HrWriter.tb(1, blocks, CUBIC));
        };
        return WannierReader.read(WannierReader.Files.single(f, null, null, format.equals("tb") ? null : win()));
    }

    /** A one-orbital model written as a Wannier file reproduces e0 - 2t sum cos(2 pi k_i), spin-degenerate. */
    @ParameterizedTest
    @ValueSource(strings = {"hr", "hr.gz", "tb"})
    void oneOrbitalModelGivesTheCosineBand(String format) {
        WannierModel m = cubicModel(format, 3); // hoppings written as 3 t with deg 3
        assertEquals(SpinStructure.SPINLESS, m.spinStructure());
        assertEquals(2, m.dimension());
        Random r = new Random(11);
        for (int i = 0; i < 50; i++) {
            double[] k = {r.nextDouble() - 0.5, r.nextDouble() - 0.5, r.nextDouble() - 0.5};
            double expected = 0.3 - 2 * 1.1 * (Math.cos(2 * Math.PI * k[0]) + Math.cos(2 * Math.PI * k[1])
                    + Math.cos(2 * Math.PI * k[2]));
            double[] e = BandStructure.at(m, k[0], k[1], k[2]);
            assertEquals(expected, e[0], 1e-12);
            assertEquals(expected, e[1], 1e-12);
        }
        assertEquals(0, m.hermiticityError(), 0);
        assertEquals(KPath.Cubic.SC, KPath.cubic(m.lattice()));
    }

    /** Half filling of the particle-hole symmetric cosine band is exact on an even mesh; the DOS holds 2 states. */
    @Test
    void cosineBandIsHalfFilledAtItsCentre() {
        WannierModel m = cubicModel("hr", 1);
        MeshSpectrum s = MeshSpectrum.compute(m, 8, 8, 8, org.spintorque.output.ProgressListener.NONE);
        assertEquals(1.0, s.electrons(0.3, 0.2), 1e-12);
        // (step occupations are not tested here: many states sit exactly at the band centre, up to rounding)
        assertEquals(0.3, s.fermiLevel(1.0, 0.2), 1e-9);
        double[] grid = new double[2001];
        for (int g = 0; g < grid.length; g++) {
            grid[g] = -8 + 0.008 * g;
        }
        double[][] dos = s.dos(grid, 0.2);
        double integral = 0;
        for (int g = 1; g < grid.length; g++) {
            integral += 0.5 * 0.008 * (dos[0][g] + dos[0][g - 1]);
        }
        assertEquals(2.0, integral, 1e-9, "two states per cell (both spins)");
        double[] c = s.counts(1.0, 0.2);
        assertEquals(c[1], c[2], 1e-12, "spinless: N_up = N_down");
        assertEquals(0, c[5], 1e-12, "no moment");
    }

    private static List<HrWriter.Block> twoOrbitalModel(long seed) {
        Random r = new Random(seed);
        List<HrWriter.Block> l = new ArrayList<>();
        int[][] cells = {{0, 0, 0}, {1, 0, 0}, {-1, 0, 0}, {0, 1, -1}, {0, -1, 1}};
        double[][][][] h = new double[cells.length][2][2][2];
        for (int b = 0; b < cells.length; b += 2) {
            for (int m = 0; m < 2; m++) {
                for (int n = 0; n < 2; n++) {
                    h[b][m][n] = new double[] {r.nextGaussian(), r.nextGaussian()};
                }
            }
        }
        // H(0) Hermitian; H(-R) = H(R)^dagger
        for (int m = 0; m < 2; m++) {
            h[0][m][m][1] = 0;
            h[0][1][0] = new double[] {h[0][0][1][0], -h[0][0][1][1]};
        }
        for (int b = 1; b < cells.length; b += 2) {
            for (int m = 0; m < 2; m++) {
                for (int n = 0; n < 2; n++) {
                    h[b][m][n] = new double[] {r.nextGaussian(), r.nextGaussian()};
                    h[b + 1][n][m] = new double[] {h[b][m][n][0], -h[b][m][n][1]};
                }
            }
        }
        for (int b = 0; b < cells.length; b++) {
            l.add(new HrWriter.Block(cells[b], 1, h[b]));
        }
        return l;
    }

    private WannierFormatException broken(String text) {
        Path f = HrWriter.write(tmp.resolve("bad_hr.dat"), text);
        return assertThrows(WannierFormatException.class,
                () -> WannierReader.read(WannierReader.Files.single(f, null, null, win())));
    }

    @Test
    void aGoodTwoOrbitalFileReads() {
        Path f = HrWriter.write(tmp.resolve("ok_hr.dat"), HrWriter.hr(2, twoOrbitalModel(5)));
        WannierModel m = WannierReader.read(WannierReader.Files.single(f, null, null, win()));
        assertEquals(5, m.cells().size());
        assertTrue(m.hermiticityError() < 1e-14);
    }

    @Test
    void truncatedFileNamesTheLineAndWhatWasExpected() {
        String text = HrWriter.hr(2, twoOrbitalModel(5));
        String[] lines = text.split("\n");
        String cut = String.join("\n", java.util.Arrays.copyOf(lines, lines.length - 3)) + "\n";
        WannierFormatException e = broken(cut);
        assertEquals(lines.length - 2, e.line(), e.getMessage());
        assertTrue(e.getMessage().contains("ends early") && e.getMessage().contains("block 5 of 5")
                && e.getMessage().contains("m = 2, n = 1"), e.getMessage());
        assertTrue(e.getMessage().startsWith(tmp.resolve("bad_hr.dat").toString() + ":"), e.getMessage());
    }

    @Test
    void wrongNumWannIsReported() {
        String text = HrWriter.hr(2, twoOrbitalModel(5)).replaceFirst("\n {11}2\n", "\n           1\n");
        WannierFormatException e = broken(text);
        assertTrue(e.getMessage().contains("wrong num_wann"), e.getMessage());
    }

    @Test
    void wrongNrptsIsReported() {
        String more = HrWriter.hr(2, twoOrbitalModel(5)).replaceFirst("\n {11}5\n", "\n           4\n");
        WannierFormatException e = broken(more);
        assertTrue(e.getMessage().contains("nrpts"), e.getMessage());
        assertEquals(4, e.line());
        // fewer degeneracies than nrpts are read as degeneracies from the matrix lines
        String fewer = HrWriter.hr(2, twoOrbitalModel(5)).replaceFirst("\n {11}5\n", "\n           6\n");
        e = broken(fewer);
        assertTrue(e.getMessage().contains("nrpts = 6 does not match"), e.getMessage());
    }

    /** A block left out of a good file: R = 0 (index 0) or one of a pair (index 4, R = (0, -1, 1)). */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
        "0 | no block for R = (0, 0, 0)",
        "4 | R = (0, 1, -1) has no partner -R"})
    void missingBlockIsReported(int removed, String words) {
        List<HrWriter.Block> l = twoOrbitalModel(5);
        l.remove(removed);
        WannierFormatException e = broken(HrWriter.hr(2, l));
        assertTrue(e.getMessage().contains(words), e.getMessage());
    }

    @Test
    void nonHermitianHamiltonianReportsTheLargestDeviationAndWhere() {
        List<HrWriter.Block> l = twoOrbitalModel(5);
        l.get(3).h()[1][0][0] += 0.25; // H_21(0, 1, -1) no longer conj(H_12(0, -1, 1))
        WannierFormatException e = broken(HrWriter.hr(2, l));
        assertTrue(e.getMessage().contains("not Hermitian") && e.getMessage().contains("0.25")
                && e.getMessage().contains("m = 2, n = 1") && e.getMessage().contains("R = (0, 1, -1)"),
                e.getMessage());
    }

    @Test
    void unknownRowOrderIsReported() {
        String text = HrWriter.hr(2, twoOrbitalModel(5));
        String[] lines = text.split("\n");
        int first = 4; // header 3 lines + 1 line of degeneracies
        String a = lines[first];
        lines[first] = lines[first + 1];
        lines[first + 1] = a;
        WannierFormatException e = broken(String.join("\n", lines) + "\n");
        assertTrue(e.getMessage().contains("expected m = 1, n = 1"), e.getMessage());
        assertEquals(first + 1, e.line());
    }

    @Test
    void wsvecOfAnotherModelIsReported() {
        Path f = HrWriter.write(tmp.resolve("ok_hr.dat"), HrWriter.hr(2, twoOrbitalModel(5)));
        StringBuilder ws = new StringBuilder("## wsvec\n");
        for (HrWriter.Block b : twoOrbitalModel(5).subList(0, 4)) {
            for (int m = 1; m <= 2; m++) {
                for (int n = 1; n <= 2; n++) {
                    ws.append(b.cell()[0]).append(' ').append(b.cell()[1]).append(' ').append(b.cell()[2])
                            .append(' ').append(m).append(' ').append(n).append("\n1\n0 0 0\n");
                }
            }
        }
        Path w = HrWriter.write(tmp.resolve("ok_wsvec.dat"), ws.toString());
        WannierFormatException e = assertThrows(WannierFormatException.class,
                () -> WannierReader.read(WannierReader.Files.single(f, w, null, win())));
        assertTrue(e.getMessage().contains("ends early") && e.getMessage().contains("entry 17 of 20"), e.getMessage());
    }

    /** MDRS: a hopping shared over two equivalent vectors R + T gives the average of their phases. */
    @Test
    void wsvecSharesEachHoppingOverItsVectors() {
        Path f = HrWriter.write(tmp.resolve("m_hr.dat"), HrWriter.hr(1, HrWriter.cubicChain(0, 1, 1)));
        StringBuilder ws = new StringBuilder("## wsvec\n");
        for (HrWriter.Block b : HrWriter.cubicChain(0, 1, 1)) {
            int[] c = b.cell();
            ws.append(c[0]).append(' ').append(c[1]).append(' ').append(c[2]).append(" 1 1\n");
            if (c[0] == 1) { // (1,0,0) also at (1,0,0) + (-4, 0, 0)
                ws.append("2\n0 0 0\n-4 0 0\n");
            } else if (c[0] == -1) {
                ws.append("2\n0 0 0\n4 0 0\n");
            } else {
                ws.append("1\n0 0 0\n");
            }
        }
        Path w = HrWriter.write(tmp.resolve("m_wsvec.dat"), ws.toString());
        WannierModel m = WannierReader.read(WannierReader.Files.single(f, w, null, win()));
        assertEquals(9, m.cells().size());
        assertEquals(-0.5, m.hopping(-3, 0, 0).re(0, 0), 0);
        double k = 0.13;
        double expected = -(Math.cos(2 * Math.PI * k) + Math.cos(2 * Math.PI * 3 * k)) - 2 * 2;
        assertEquals(expected, BandStructure.at(m, k, 0, 0)[0], 1e-12);
    }

    @Test
    void centresMustMatchNumWann() {
        Path f = HrWriter.write(tmp.resolve("ok_hr.dat"), HrWriter.hr(2, twoOrbitalModel(5)));
        Path c = HrWriter.write(tmp.resolve("c.xyz"), "2\ncomment\nX 0 0 0\nFe 0 0 0\n");
        WannierFormatException e = assertThrows(WannierFormatException.class,
                () -> WannierReader.read(WannierReader.Files.single(f, null, c, win())));
        assertTrue(e.getMessage().contains("expected 2 Wannier centres"), e.getMessage());
    }

    @Test
    void missingLatticeIsReported() {
        Path f = HrWriter.write(tmp.resolve("ok_hr.dat"), HrWriter.hr(2, twoOrbitalModel(5)));
        WannierFormatException e = assertThrows(WannierFormatException.class,
                () -> WannierReader.read(WannierReader.Files.single(f, null, null, null)));
        assertTrue(e.getMessage().contains("no lattice"), e.getMessage());
    }

    @Test
    void unclosedWinBlockIsReported() {
        Path w = HrWriter.write(tmp.resolve("x.win"), "num_wann = 2\nbegin unit_cell_cart\nang\n1 0 0\n0 1 0\n");
        WannierFormatException e = assertThrows(WannierFormatException.class, () -> WinFile.read(w));
        assertTrue(e.getMessage().contains("ends inside the block 'unit_cell_cart' (begun on line 2)"), e.getMessage());
    }

    @Test
    void missingFileIsReported() {
        WannierFormatException e = assertThrows(WannierFormatException.class,
                () -> WannierReader.read(WannierReader.Files.single(tmp.resolve("nothing_hr.dat"), null, null, null)));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }
}
