package org.spintorque.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class LinearAlgebrasTest {
    private final String saved = System.getProperty(LinearAlgebras.PROPERTY);

    @AfterEach
    void restoreProperty() {
        if (saved == null) {
            System.clearProperty(LinearAlgebras.PROPERTY);
        } else {
            System.setProperty(LinearAlgebras.PROPERTY, saved);
        }
    }

    @Test
    void bestPrefersWorkingOpenBlas() {
        System.clearProperty(LinearAlgebras.PROPERTY);
        LinearAlgebra best = LinearAlgebras.best();
        assertEquals(LinearAlgebras.openBlasWorks() ? "openblas" : "java", best.name());
        assertSame(best, LinearAlgebra.best());
        System.setProperty(LinearAlgebras.PROPERTY, "auto");
        assertSame(best, LinearAlgebras.best());
    }

    @Test
    void propertyForcesBackend() {
        System.setProperty(LinearAlgebras.PROPERTY, "java");
        assertSame(JavaLinearAlgebra.INSTANCE, LinearAlgebras.best());
        System.setProperty(LinearAlgebras.PROPERTY, " OpenBLAS ");
        if (LinearAlgebras.openBlasWorks()) {
            assertEquals("openblas", LinearAlgebras.best().name());
        } else {
            assertThrows(IllegalStateException.class, LinearAlgebras::best);
        }
        System.setProperty(LinearAlgebras.PROPERTY, "mkl");
        assertThrows(IllegalArgumentException.class, LinearAlgebras::best);
    }

    @Test
    void availableListsWorkingBackendsBestFirst() {
        List<LinearAlgebra> list = LinearAlgebras.available();
        assertEquals("java", list.get(list.size() - 1).name());
        assertEquals(LinearAlgebras.openBlasWorks() ? 2 : 1, list.size());
        if (LinearAlgebras.openBlasWorks()) {
            assertEquals("openblas", list.get(0).name());
            assertNull(LinearAlgebras.openBlasProblem());
        } else {
            assertTrue(LinearAlgebras.openBlasProblem() != null && !LinearAlgebras.openBlasProblem().isBlank());
        }
        assertEquals(2, LinearAlgebras.describe().size());
        assertEquals(List.of("openblas", "java"), LinearAlgebras.NAMES);
    }

    @Test
    void openBlasStatusIsConsistent() {
        if (OpenBlasLinearAlgebra.isAvailable()) {
            assertNull(OpenBlasLinearAlgebra.unavailableReason());
            assertTrue(OpenBlasLinearAlgebra.description().orElseThrow().contains("OpenBLAS"));
            assertTrue(OpenBlasLinearAlgebra.ifAvailable().isPresent());
        } else {
            assertThrows(IllegalStateException.class, OpenBlasLinearAlgebra::instance);
            assertTrue(OpenBlasLinearAlgebra.ifAvailable().isEmpty());
        }
    }

    @Test
    void loadedOpenBlasPassesTheSelfCheck() {
        Assumptions.assumeTrue(OpenBlasLinearAlgebra.isAvailable(),
                () -> "OpenBLAS does not load here, skipped: " + OpenBlasLinearAlgebra.unavailableReason());
        assertNull(LinearAlgebras.openBlasProblem());
        assertTrue(LinearAlgebras.openBlasWorks());
    }

    @Test
    void javaPassesTheSelfCheck() {
        assertNull(LinearAlgebras.selfCheck(JavaLinearAlgebra.INSTANCE));
    }
}
