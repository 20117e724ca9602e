package org.spintorque.ovf;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Locates the third-party OVF files described in {@code shared/data/ovf/SOURCE.md}. They are read in place and
 * never copied into the repository. Looked up, in order: the system property {@code spintorque.shared} (the
 * folder itself, or a folder holding {@code ovf/} or {@code data/ovf/}), then {@code ../../shared/data/ovf}
 * (from the module directory) and {@code ../shared/data/ovf} (from the repository root).
 */
final class SharedOvfData {
    private SharedOvfData() { }

    /** The folder, or null when it is absent. */
    static Path folder() {
        List<Path> candidates = new ArrayList<>();
        String prop = System.getProperty("spintorque.shared");
        if (prop != null && !prop.isBlank()) {
            Path p = Path.of(prop);
            candidates.add(p);
            candidates.add(p.resolve("ovf"));
            candidates.add(p.resolve("data").resolve("ovf"));
        }
        candidates.add(Path.of("..", "..", "shared", "data", "ovf"));
        candidates.add(Path.of("..", "shared", "data", "ovf"));
        for (Path p : candidates) {
            if (Files.isRegularFile(p.resolve("SOURCE.md"))) {
                return p.toAbsolutePath().normalize();
            }
        }
        return null;
    }

    /** The file {@code name} of the shared folder; skips the calling test when it is not there. */
    static Path file(String name) {
        Path dir = folder();
        assumeTrue(dir != null, "shared OVF test data not found (../../shared/data/ovf, ../shared/data/ovf or"
                + " -Dspintorque.shared); skipping");
        Path f = dir.resolve(name);
        assumeTrue(Files.isRegularFile(f), "shared OVF file " + f + " not found; skipping");
        return f;
    }
}
