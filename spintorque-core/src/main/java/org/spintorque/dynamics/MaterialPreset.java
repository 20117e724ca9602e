package org.spintorque.dynamics;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.spintorque.config.InputException;

/**
 * Room-temperature parameters of common ferromagnets, as starting points: {@code [material] preset = "..."}
 * fills M_s, A, K and alpha, and every key given in the file overrides the preset. K_perp is never preset:
 * a hard axis in a strip or film comes from its shape (demagnetization), which the user knows and we do not.
 *
 * <p>Sources (cited per preset below). Damping is the most sample-dependent number here: it varies with
 * thickness, interfaces and crystalline quality by factors of two or more; set {@code alpha} from your own
 * sample when you can.
 */
public enum MaterialPreset {
    /**
     * Ni80Fe20. M_s = 8.0e5 A/m, A = 1.3e-11 J/m and K = 0: the values of the muMAG standard problems 4 and 5
     * (NIST Center for Theoretical and Computational Materials Science). alpha = 0.01: the order measured in
     * thin permalloy films by ferromagnetic resonance and pulsed inductive magnetometry, 0.007 to 0.01
     * (e.g. Nibarger, Lopusnik and Silva, Appl. Phys. Lett. 82, 2112 (2003)).
     */
    PERMALLOY("permalloy", 8.0e5, 1.3e-11, 0.0, 0.01,
            "muMAG standard problems 4 and 5 (Ms, A, K = 0); alpha: thin-film FMR, e.g. Nibarger et al., "
                    + "APL 82, 2112 (2003)"),
    /**
     * bcc Fe. M_s = 1.71e6 A/m (1707 G at room temperature, Kittel, Introduction to Solid State Physics,
     * 8th ed., ch. 11); A = 2.1e-11 J/m and K = 4.8e4 J/m^3 (the cubic K_1, used here as a uniaxial constant
     * along one &lt;100&gt; axis), J. M. D. Coey, Magnetism and Magnetic Materials (Cambridge, 2010), table of
     * intrinsic properties; alpha = 0.002, epitaxial Fe films by FMR (order of magnitude; see Oogane et al.,
     * Jpn. J. Appl. Phys. 45, 3889 (2006), and Schoen et al., Phys. Rev. B 95, 134411 (2017)).
     */
    FE("Fe", 1.71e6, 2.1e-11, 4.8e4, 0.002,
            "Ms: Kittel, Introduction to Solid State Physics, ch. 11; A, K1 (cubic, used as uniaxial): Coey, "
                    + "Magnetism and Magnetic Materials (2010); alpha: thin-film FMR, Oogane et al., JJAP 45, "
                    + "3889 (2006)"),
    /**
     * hcp Co. M_s = 1.40e6 A/m (1400 G, Kittel, ch. 11); A = 3.1e-11 J/m and the uniaxial (c axis)
     * K_1 = 4.1e5 J/m^3, Coey (2010); alpha = 0.011, sputtered Co films by FMR (Oogane et al. 2006).
     */
    CO("Co", 1.40e6, 3.1e-11, 4.1e5, 0.011,
            "Ms: Kittel, ch. 11; A, K1 (uniaxial, c axis): Coey, Magnetism and Magnetic Materials (2010); "
                    + "alpha: Oogane et al., JJAP 45, 3889 (2006)"),
    /**
     * fcc Ni. M_s = 4.85e5 A/m (485 G, Kittel, ch. 11); A = 9e-12 J/m, Coey (2010); K = 0 because the
     * cubic K_1 = -4.5e3 J/m^3 of Ni is not a uniaxial easy axis (give K for your geometry); alpha = 0.045,
     * bulk and thin-film FMR (Bhagat and Lubitz, Phys. Rev. B 10, 179 (1974); Oogane et al. 2006).
     */
    NI("Ni", 4.85e5, 9e-12, 0.0, 0.045,
            "Ms: Kittel, ch. 11; A: Coey (2010); K1 of Ni is cubic and negative, so K = 0; alpha: Bhagat and "
                    + "Lubitz, PRB 10, 179 (1974)"),
    /**
     * Amorphous/annealed CoFeB. M_s = 1.26e6 A/m (mu0 M_s = 1.58 T, Ikeda et al., Nat. Mater. 9, 721
     * (2010)); A = 1.6e-11 J/m (16 +- 2 pJ/m from standing spin waves in Co40Fe40B20, arXiv:2211.02497;
     * about 20 pJ/m in 1 nm layers, Devolder et al., arXiv:1602.07421); K = 0: the perpendicular anisotropy
     * of thin CoFeB/MgO is an interface effect that depends on thickness (give the effective K and
     * easy_axis = [0, 0, 1]); alpha = 0.006, annealed CoFeB films by FMR (Oogane et al. 2006).
     */
    COFEB("CoFeB", 1.26e6, 1.6e-11, 0.0, 0.006,
            "Ms: Ikeda et al., Nat. Mater. 9, 721 (2010); A: standing spin waves, arXiv:2211.02497 and "
                    + "arXiv:1602.07421; K: interface PMA, not preset; alpha: Oogane et al., JJAP 45, 3889 (2006)");

    private final String configName;
    private final double ms;
    private final double exchange;
    private final double anisotropy;
    private final double alpha;
    private final String source;

    MaterialPreset(String configName, double ms, double exchange, double anisotropy, double alpha, String source) {
        this.configName = configName;
        this.ms = ms;
        this.exchange = exchange;
        this.anisotropy = anisotropy;
        this.alpha = alpha;
        this.source = source;
    }

    /** The name used in {@code [material] preset}. */
    public String configName() {
        return configName;
    }

    /** M_s [A/m]. */
    public double ms() {
        return ms;
    }

    /** A [J/m]. */
    public double exchange() {
        return exchange;
    }

    /** K [J/m^3]. */
    public double anisotropy() {
        return anisotropy;
    }

    public double alpha() {
        return alpha;
    }

    /** Where the numbers come from, one line. */
    public String source() {
        return source;
    }

    /** The names accepted in {@code [material] preset}. */
    public static List<String> names() {
        return Arrays.stream(values()).map(MaterialPreset::configName).toList();
    }

    /** The preset of a config name (case-insensitive). */
    public static MaterialPreset byName(String name) {
        for (MaterialPreset p : values()) {
            if (p.configName.toLowerCase(Locale.ROOT).equals(name.trim().toLowerCase(Locale.ROOT))) {
                return p;
            }
        }
        throw new InputException("material.preset = \"" + name + "\": unknown material; valid: " + names());
    }
}
