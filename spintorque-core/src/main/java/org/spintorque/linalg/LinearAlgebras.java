package org.spintorque.linalg;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Choice of the {@link LinearAlgebra} backend.
 *
 * <p>{@link #best()} returns OpenBLAS when its native library loads and passes a small self-check (a product,
 * an inverse and a solve compared with the pure-Java backend), and the pure-Java backend otherwise. The system
 * property {@value #PROPERTY} forces a choice: {@code java}, {@code openblas}, or {@code auto} (the default).
 */
public final class LinearAlgebras {
    /** System property that forces a backend: "java", "openblas" or "auto". */
    public static final String PROPERTY = "spintorque.linalg";

    /** Names accepted by {@link #byName(String)}, in order of preference. */
    public static final List<String> NAMES = List.of("openblas", "java");

    private LinearAlgebras() {
    }

    private static final class Native {
        /** Null if OpenBLAS loaded and passed the self-check, else why not. */
        static final String PROBLEM = probeOpenBlas();
    }

    /**
     * The backend to use: the one named by the system property {@value #PROPERTY} if set (and not "auto"), else
     * OpenBLAS if it works here, else pure Java.
     *
     * @throws IllegalArgumentException if the property names no backend
     * @throws IllegalStateException if the property asks for OpenBLAS and it does not work here
     */
    public static LinearAlgebra best() {
        String forced = System.getProperty(PROPERTY, "").trim().toLowerCase(Locale.ROOT);
        if (forced.isEmpty() || forced.equals("auto")) {
            return openBlasWorks() ? OpenBlasLinearAlgebra.instance() : JavaLinearAlgebra.INSTANCE;
        }
        return byName(forced);
    }

    /**
     * The backend of that name ("java" or "openblas").
     *
     * @throws IllegalArgumentException for another name
     * @throws IllegalStateException for "openblas" when it does not work here
     */
    public static LinearAlgebra byName(String name) {
        String key = name.trim().toLowerCase(Locale.ROOT);
        switch (key) {
            case "java":
                return JavaLinearAlgebra.INSTANCE;
            case "openblas":
                if (!openBlasWorks()) {
                    throw new IllegalStateException("linear algebra backend 'openblas' is not usable here: "
                            + openBlasProblem());
                }
                return OpenBlasLinearAlgebra.instance();
            default:
                throw new IllegalArgumentException("unknown linear algebra backend '" + name + "' (" + PROPERTY
                        + " accepts " + String.join(", ", NAMES) + " or auto)");
        }
    }

    /** The backends that work here, best first (always ends with the pure-Java backend). */
    public static List<LinearAlgebra> available() {
        List<LinearAlgebra> list = new ArrayList<>();
        if (openBlasWorks()) {
            list.add(OpenBlasLinearAlgebra.instance());
        }
        list.add(JavaLinearAlgebra.INSTANCE);
        return Collections.unmodifiableList(list);
    }

    /** Whether OpenBLAS loaded and passed the self-check. */
    public static boolean openBlasWorks() {
        return Native.PROBLEM == null;
    }

    /** Why OpenBLAS is not used, or null when it works. */
    public static String openBlasProblem() {
        return Native.PROBLEM;
    }

    /** One line per backend, for reports: name and whether and why (not) it is usable. */
    public static List<String> describe() {
        String ob = openBlasWorks()
                ? "openblas: " + OpenBlasLinearAlgebra.description().orElse("OpenBLAS")
                : "openblas: unavailable (" + openBlasProblem() + ")";
        return List.of(ob, "java: pure Java (always available)");
    }

    private static String probeOpenBlas() {
        if (!OpenBlasLinearAlgebra.isAvailable()) {
            return OpenBlasLinearAlgebra.unavailableReason();
        }
        try {
            return selfCheck(OpenBlasLinearAlgebra.instance());
        } catch (Throwable e) {
            return "self-check failed: " + e;
        }
    }

    /** Null if the backend agrees with plain Java on a few small problems, else a description of the problem. */
    static String selfCheck(LinearAlgebra la) {
        LinearAlgebra ref = JavaLinearAlgebra.INSTANCE;
        ComplexMatrix a = ComplexMatrix.of(
                new double[][] {{2, -1, 0.5}, {0.25, 3, -1}, {1, 0.5, 4}},
                new double[][] {{0.5, 0, -1}, {1, -0.5, 0.25}, {0, 2, 0.75}});
        ComplexMatrix b = ComplexMatrix.of(
                new double[][] {{1, 0}, {-2, 0.5}, {0.5, 3}},
                new double[][] {{0, 1}, {1.5, -1}, {-0.5, 0}});
        ComplexMatrix c = ComplexMatrix.of(new double[][] {{1, 2}, {3, 4}, {5, 6}}, null);
        ComplexMatrix c1 = c.copy();
        ComplexMatrix c2 = c.copy();
        la.gemm(true, false, 0.5, -1, a, b, 2, 0.5, c1);
        ref.gemm(true, false, 0.5, -1, a, b, 2, 0.5, c2);
        double tol = 1e-12;
        if (!(c1.maxAbsDifference(c2) <= tol * Math.max(1, c2.maxAbs()))) {
            return "self-check: gemm differs from the Java result by " + c1.maxAbsDifference(c2);
        }
        ComplexMatrix inv = la.inverse(a);
        double invError = ref.multiply(inv, a).maxAbsDifference(ComplexMatrix.identity(3));
        if (!(invError <= tol)) {
            return "self-check: inverse * A - 1 = " + invError;
        }
        ComplexMatrix x = la.solve(a, b);
        double solveError = ref.multiply(a, x).maxAbsDifference(b);
        if (!(solveError <= tol * Math.max(1, b.maxAbs()))) {
            return "self-check: A X - B = " + solveError;
        }
        return null;
    }
}
