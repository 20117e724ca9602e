package org.spintorque.dynamics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.spintorque.config.InputException;
import org.spintorque.output.JsonOutput;

/**
 * P and beta taken from the {@code summary.json} of a torque calculation: {@code spintorque run} (one
 * energy, or an ensemble: the means), or {@code spintorque analytic}. P is {@code P_fit} (the polarization
 * read off the same fit as beta) when present, else {@code P}; beta is {@code beta}.
 *
 * @param path         the file read
 * @param polarization P
 * @param beta         beta
 * @param command      the command that wrote the file ("run", "analytic", ...)
 * @param polarizationKey which key P came from
 * @param notes        what a reader should know (e.g. several energies, standard errors)
 */
public record TorqueSummary(Path path, double polarization, double beta, String command, String polarizationKey,
                            List<String> notes) {

    /** Reads P and beta; a file that lacks either is an {@link InputException} naming what is missing. */
    public static TorqueSummary read(Path path, String parameter) {
        String text;
        try {
            text = Files.readString(path);
        } catch (NoSuchFileException e) {
            throw new InputException(parameter + " = \"" + path + "\": the file does not exist; give the "
                    + "summary.json written by 'spintorque run' or 'spintorque analytic' (a relative path is "
                    + "resolved against the configuration file's folder)");
        } catch (IOException e) {
            throw new InputException(parameter + " = \"" + path + "\": cannot read it: " + e.getMessage(), e);
        }
        Map<String, Object> doc;
        try {
            doc = JsonOutput.parse(text);
        } catch (IllegalArgumentException e) {
            throw new InputException(parameter + " = \"" + path + "\" is not a JSON summary: " + e.getMessage());
        }
        String command = doc.get("command") instanceof String s ? s : "unknown";
        List<String> notes = new ArrayList<>();
        String pKey = doc.containsKey("P_fit") ? "P_fit" : "P";
        Double p = number(doc.get(pKey));
        Double beta = number(doc.get("beta"));
        List<String> missing = new ArrayList<>();
        if (p == null) {
            missing.add("P (keys P_fit or P)");
        }
        if (beta == null) {
            missing.add("beta");
        }
        if (!missing.isEmpty()) {
            String why = doc.get("beta_undefined") instanceof String s ? " (" + s + ")" : "";
            throw new InputException(parameter + " = \"" + path + "\" (written by '" + command + "') has no "
                    + String.join(" and no ", missing) + why + "; valid: the summary.json of 'spintorque run' "
                    + "or 'spintorque analytic', or give [current] P and [torque] beta instead of 'from'");
        }
        if (!(p > 0) || p > 1 + 1e-12) {
            throw new InputException(parameter + " = \"" + path + "\": " + pKey + " = " + p + " is not a "
                    + "polarization in (0, 1]; the 1D model and u = g mu_B P j/(2 e M_s) need P > 0");
        }
        if (doc.get("energies") instanceof List<?> l) {
            notes.add("the summary holds " + l.size() + " energies; P and beta are those of the first energy (the "
                    + "top-level values); point 'from' at energy-N/summary.json for another");
        }
        if (doc.get("beta_err") != null) {
            notes.add("ensemble means: beta = " + beta + " +- " + doc.get("beta_err") + ", " + pKey + " = " + p
                    + " +- " + doc.get(pKey + "_err") + " (standard errors)");
        }
        if ("run".equals(command)) {
            notes.add("P and beta are dimensionless ratios and carry over from the lattice model unchanged");
        }
        return new TorqueSummary(path, p, beta, command, pKey, List.copyOf(notes));
    }

    private static Double number(Object o) {
        return o instanceof Number n && Double.isFinite(n.doubleValue()) ? n.doubleValue() : null;
    }
}
