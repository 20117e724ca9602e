package org.spintorque.wannier;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Locates the Wannier data sets of {@code shared/data/wannier} (each described by its SOURCE.md). Third-party
 * sets are read in place and never copied into the repository; tests that need a set skip when it is absent.
 * Looked up: the system property {@code spintorque.shared} (a folder holding {@code wannier/} or
 * {@code data/wannier/}), then {@code ../../shared/data/wannier} (from the module) and
 * {@code ../shared/data/wannier} (from the repository root).
 */
final class SharedWannierData {
    private SharedWannierData() { }

    static Path folder() {
        List<Path> candidates = new ArrayList<>();
        String prop = System.getProperty("spintorque.shared");
        if (prop != null && !prop.isBlank()) {
            candidates.add(Path.of(prop).resolve("wannier"));
            candidates.add(Path.of(prop).resolve("data").resolve("wannier"));
        }
        candidates.add(Path.of("..", "..", "shared", "data", "wannier"));
        candidates.add(Path.of("..", "shared", "data", "wannier"));
        for (Path p : candidates) {
            if (Files.isDirectory(p)) {
                return p.toAbsolutePath().normalize();
            }
        }
        return null;
    }

    /** The data set folder {@code name}; skips the calling test when it is not there. */
    static Path set(String name) {
        Path dir = folder();
        assumeTrue(dir != null, "shared Wannier data not found (../../shared/data/wannier, ../shared/data/wannier"
                + " or -Dspintorque.shared); skipping");
        Path d = dir.resolve(name);
        assumeTrue(Files.isRegularFile(d.resolve("SOURCE.md")), "shared Wannier data set " + d + " not found; skipping");
        return d;
    }

    /** A data set kept in the repository under examples/materials (computed for the project). */
    static Path repository(String set) {
        for (Path p : List.of(Path.of("..", "examples", "materials", set), Path.of("examples", "materials", set))) {
            if (Files.isDirectory(p)) {
                return p.toAbsolutePath().normalize();
            }
        }
        throw new AssertionError("examples/materials/" + set + " is missing from the repository");
    }

    /** A file of a set; skips when absent. */
    static Path file(String set, String name) {
        Path f = set(set).resolve(name);
        assumeTrue(Files.isRegularFile(f), "shared file " + f + " not found; skipping");
        return f;
    }
}
