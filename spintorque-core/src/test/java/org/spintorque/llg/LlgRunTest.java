package org.spintorque.llg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.spintorque.config.ConfigReader;
import org.spintorque.config.InputException;
import org.spintorque.config.ResolvedInput;
import org.spintorque.output.ProgressListener;
import org.spintorque.ovf.OvfField;
import org.spintorque.ovf.OvfReader;

/** The llg calculation end to end: snapshots read back, bad input, a controller that gives up. */
class LlgRunTest {
    private static final String WIRE = """
            [material]
            Ms = 8e5
            A = 1.3e-11
            K = 1e5
            K_perp = 5e4
            alpha = 0.1
            [current]
            u = 40
            [torque]
            beta = 0.2
            [grid]
            size = [48, 1, 1]
            cell = [2, 2, 2]
            demag = "none"
            [initial]
            type = "head-to-head"
            [time]
            duration = "0.02 ns"
            interval = "0.01 ns"
            """;

    @TempDir
    Path tmp;

    private ResolvedInput input(String toml, String... overrides) throws IOException {
        Path f = tmp.resolve("in.toml");
        Files.writeString(f, toml);
        return new ConfigReader(LlgRun.schema()).read(f, List.of(overrides));
    }

    @ParameterizedTest
    @ValueSource(strings = {"text", "binary 4", "binary 8"})
    void snapshotsReadBackWithTheOvfReader(String format) throws IOException {
        Path out = tmp.resolve("out");
        LlgRun run = LlgRun.run(input(WIRE, "output.format=" + format), ProgressListener.NONE, out);
        assertTrue(run.completed());
        OvfField last = OvfReader.read(out.resolve("m000001.ovf"));
        assertEquals(48, last.mesh().xnodes());
        assertEquals(2e-9, last.mesh().xstepsize(), 1e-20);
        List<String> rows = Files.readAllLines(out.resolve("table.csv"));
        String[] end = rows.get(rows.size() - 1).split(",");
        double tolerance = format.equals("binary 4") ? 1e-7 : 1e-15;
        for (int c = 0; c < 3; c++) {
            double s = 0;
            for (int i = 0; i < 48; i++) {
                s += last.value(3 * i + c);
            }
            assertEquals(Double.parseDouble(end[1 + c]), s / 48, tolerance, "component " + c);
        }
        // the wall moved along u (electron_flow = +x)
        int q = List.of(rows.get(0).split(",")).indexOf("wall_position [nm]");
        assertTrue(Double.parseDouble(end[q]) > Double.parseDouble(rows.get(1).split(",")[q]));
    }

    /**
     * Both relaxation methods bring a tilted uniform state to the easy axis (a wall would be a poor case:
     * in a short wire with free ends its centre is an unstable equilibrium that the damped flow leaves
     * only slowly).
     */
    @ParameterizedTest
    @ValueSource(strings = {"minimize", "damping"})
    void relaxationMethodsReachTheirTolerance(String method) throws IOException {
        Path out = tmp.resolve(method);
        LlgRun run = LlgRun.run(input(WIRE, "time.relax_method=" + method, "time.relax_torque=1",
                "initial.type=uniform", "initial.direction=1,1,0.2"),
                ProgressListener.NONE, out);
        assertTrue(run.completed());
        String summary = Files.readString(out.resolve("summary.json"));
        assertTrue(summary.contains("\"converged\" : true"), summary);
        assertEquals(1, (double) ((double[]) run.results().get("m_final"))[0], 1e-6);
    }

    @Test
    void ovfWhoseMeshDiffersFromTheGridIsAnError() throws IOException {
        Path out = tmp.resolve("first");
        LlgRun.run(input(WIRE), ProgressListener.NONE, out);
        String ovf = out.resolve("m000001.ovf").toString().replace("\\", "/");
        InputException e = assertThrows(InputException.class, () -> LlgRun.run(input(WIRE, "initial.type=ovf",
                "initial.file=" + ovf, "grid.size=64,1,1"), ProgressListener.NONE, tmp.resolve("second")));
        assertTrue(e.getMessage().contains("48 x 1 x 1") && e.getMessage().contains("64 x 1 x 1"), e.getMessage());
        assertFalse(Files.exists(tmp.resolve("second")), "bad input writes nothing");
        // the same file on the right grid starts the run
        LlgRun ok = LlgRun.run(input(WIRE, "initial.type=ovf", "initial.file=" + ovf), ProgressListener.NONE,
                tmp.resolve("third"));
        assertTrue(ok.completed());
    }

    @Test
    void badMaterialAndToleranceAreInputErrors() throws IOException {
        assertThrows(InputException.class, () -> LlgRun.run(input(WIRE, "material.Ms=-1"), ProgressListener.NONE,
                tmp.resolve("a")));
        assertThrows(InputException.class, () -> LlgRun.run(input(WIRE, "time.tolerance=0"), ProgressListener.NONE,
                tmp.resolve("b")));
        assertThrows(InputException.class, () -> LlgRun.run(input(WIRE, "grid.size=0,1,1"), ProgressListener.NONE,
                tmp.resolve("c")));
    }

    /**
     * A controller that cannot meet its tolerance stops at the time reached and keeps what it wrote: here the
     * smallest step allowed (1 ps) is above the stability limit of the exchange on 2 nm cells (about 0.6 ps),
     * so the error grows once the stiff modes are excited and the step cannot shrink enough.
     */
    @Test
    void controllerThatCannotMeetItsToleranceStopsAndKeepsTheTable() throws IOException {
        Path out = tmp.resolve("out");
        LlgRun run = LlgRun.run(input(WIRE, "time.duration=1ns", "time.interval=0.001ns"),
                ProgressListener.NONE, out, 1e-12);
        assertFalse(run.completed());
        double reached = (double) run.results().get("t_final_ns");
        assertTrue(reached > 0 && reached < 1, "stopped at " + reached + " ns");
        List<String> rows = Files.readAllLines(out.resolve("table.csv"));
        assertTrue(rows.size() >= 2, "the rows before the stop are kept");
        assertTrue(Files.readString(out.resolve("summary.json")).contains("cannot be met"));
    }
}
