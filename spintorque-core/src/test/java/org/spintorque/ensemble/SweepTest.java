package org.spintorque.ensemble;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.spintorque.config.InputException;

class SweepTest {
    @TempDir
    Path tmp;

    static Ensemble ensembleAt(double strength, long seed, int n, AtomicInteger calls) {
        if (strength < 0) {
            throw new InputException("disorder.spin_flip.strength = " + strength + " is not valid: need >= 0");
        }
        return Ensemble.of("strength=" + strength, seed, n, r -> {
            calls.incrementAndGet();
            Sample s = EnsembleRunnerTest.synthetic(r, false);
            return Sample.builder().scalar("beta", strength * s.scalar("beta")).array("profile", s.array("profile"))
                    .build();
        });
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2})
    void oneEnsemblePerValueEachInItsOwnDirectory(long seed) {
        List<Double> values = List.of(0.5, 1.0, 2.0);
        AtomicInteger calls = new AtomicInteger();
        List<long[]> progress = Collections.synchronizedList(new ArrayList<>());
        List<String> labels = Collections.synchronizedList(new ArrayList<>());
        EnsembleRunner.Options opts = EnsembleRunner.Options.defaults().threads(2).durable(false)
                .progress((done, total, label) -> {
                    progress.add(new long[] {done, total});
                    labels.add(label);
                });
        Sweep<Double> sweep = Sweep.over("disorder.spin_flip.strength", values);
        List<Sweep.Point<Double>> points = sweep.run(tmp.resolve("sweep"), opts, v -> ensembleAt(v, seed, 6, calls));

        assertEquals(3, points.size());
        assertEquals(18, calls.get());
        for (int i = 0; i < values.size(); i++) {
            Sweep.Point<Double> p = points.get(i);
            assertEquals(i, p.position());
            assertEquals(values.get(i), p.value());
            assertEquals(tmp.resolve("sweep").resolve("point-" + i), p.directory());
            assertTrue(Files.exists(p.directory().resolve(EnsembleRunner.CHECKPOINT_FILE)));
            EnsembleResult alone = new EnsembleRunner(opts.progress((d, t, l) -> { }))
                    .run(ensembleAt(values.get(i), seed, 6, new AtomicInteger()), tmp.resolve("alone-" + i));
            assertTrue(p.result().identicalTo(alone), "point " + i + " is the ensemble run on its own");
        }
        assertEquals(2.0 * points.get(1).result().scalar("beta").mean(), points.get(2).result().scalar("beta").mean(),
                1e-15);

        long[] last = progress.get(progress.size() - 1);
        assertEquals(18, last[0]);
        assertEquals(18, last[1]);
        for (int i = 1; i < progress.size(); i++) {
            assertTrue(progress.get(i)[0] >= progress.get(i - 1)[0], "progress over the sweep never goes back");
        }
        assertTrue(labels.get(0).startsWith("disorder.spin_flip.strength = 0.5 (1/3): realizations"), labels.get(0));

        // resuming the whole sweep reads every point back and computes nothing
        calls.set(0);
        List<Sweep.Point<Double>> again = sweep.run(tmp.resolve("sweep"), opts.resume(true),
                v -> ensembleAt(v, seed, 6, calls));
        assertEquals(0, calls.get());
        for (int i = 0; i < values.size(); i++) {
            assertTrue(again.get(i).result().identicalTo(points.get(i).result()));
        }
    }

    @Test
    void everyValueIsCheckedBeforeAnythingIsComputed() {
        AtomicInteger calls = new AtomicInteger();
        InputException e = assertThrows(InputException.class, () -> Sweep.over("disorder.spin_flip.strength",
                List.of(1.0, -1.0)).run(tmp.resolve("bad"), EnsembleRunner.Options.defaults().threads(1),
                        v -> ensembleAt(v, 1, 3, calls)));
        assertTrue(e.getMessage().contains("strength = -1.0"), e.getMessage());
        assertEquals(0, calls.get());
        assertFalse(Files.exists(tmp.resolve("bad")));
    }

    @Test
    void directoryNamesAreDistinctAndSafe() {
        AtomicInteger calls = new AtomicInteger();
        List<Integer> eleven = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            eleven.add(i);
        }
        assertEquals(tmp.resolve("point-07"), Sweep.over("p", eleven).directory(tmp, 7), "names sort in order");
        assertThrows(IllegalArgumentException.class, () -> Sweep.over("p", List.of(1.0, 2.0))
                .directories(i -> "same").run(tmp, EnsembleRunner.Options.defaults(), v -> ensembleAt(v, 1, 2, calls)));
        assertThrows(IllegalArgumentException.class, () -> Sweep.over("p", List.of(1.0)).directories(i -> "../up")
                .directory(tmp, 0));
        assertThrows(IllegalArgumentException.class, () -> Sweep.over("p", List.of()));
        assertEquals(0, calls.get());
    }
}
