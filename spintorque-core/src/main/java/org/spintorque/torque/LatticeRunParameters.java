package org.spintorque.torque;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.spintorque.config.InputException;
import org.spintorque.config.ParameterSchema;
import org.spintorque.config.ResolvedInput;
import org.spintorque.disorder.AndersonDisorder;
import org.spintorque.disorder.MirrorImage;
import org.spintorque.disorder.SpinFlipImpurities;
import org.spintorque.disorder.SpinOrbitImpurities;
import org.spintorque.hamiltonian.DisorderTerm;
import org.spintorque.hamiltonian.Exchange;
import org.spintorque.hamiltonian.HamiltonianTerm;
import org.spintorque.hamiltonian.Hopping;
import org.spintorque.hamiltonian.ModelBuilder;
import org.spintorque.hamiltonian.Onsite;
import org.spintorque.hamiltonian.Rashba;
import org.spintorque.hamiltonian.TightBindingSystem;
import org.spintorque.lattice.Lattice;
import org.spintorque.lattice.LatticeKind;
import org.spintorque.ovf.OvfField;
import org.spintorque.ovf.OvfReader;
import org.spintorque.ovf.OvfTexture;
import org.spintorque.texture.DomainWallTexture;
import org.spintorque.texture.SkyrmionTexture;
import org.spintorque.texture.SpiralTexture;
import org.spintorque.texture.Texture;
import org.spintorque.texture.UniformTexture;
import org.spintorque.texture.Vector3;
import org.spintorque.texture.VortexTexture;
import org.spintorque.transport.Injection;

/**
 * Input of {@code spintorque run}: a tight-binding model of a magnetic conductor with a texture between two
 * leads, and the transport conditions. Lattice units throughout: energies in units of the hopping t,
 * lengths in lattice constants a, hbar = e = 1; results are per unit bias.
 *
 * @param lattice     the lattice of the scattering region
 * @param system      the frozen Hamiltonian (terms "hopping", "exchange", and "rashba", "onsite" when non-zero)
 * @param texture     the magnetization texture n(r)
 * @param energies    Fermi energies [t]
 * @param temperature k_B T [t]
 * @param injection   how the bias is applied
 * @param notes       choices made for the user, reported in the summary
 */
public record LatticeRunParameters(Lattice lattice, TightBindingSystem system, Texture texture, double[] energies,
                                   double temperature, Injection injection, double fitThreshold,
                                   List<String> notes, Disorder disorder, List<HamiltonianTerm> cleanTerms) {

    /**
     * The disorder of the model, as asked: which random terms, the ensemble size and the seed. A realization
     * r is a pure function of (seed, r, site).
     *
     * @param realizations number of realizations N (>= 1)
     * @param seed         the ensemble's seed
     * @param spinFlip     {concentration, v_s, S_imp} or null
     * @param followTexture whether impurity spins are fixed in the local magnetization frame (section III A)
     * @param spinOrbit    {concentration, lambda_so} or null
     * @param components   "three" independent potentials V^(i) or one "common" V
     * @param anderson     W or null
     * @param distribution "box" or "gaussian"
     * @param mirror       whether each realization is averaged with its mirror image (all random values negated)
     */
    public record Disorder(int realizations, long seed, double[] spinFlip, boolean followTexture, double[] spinOrbit,
                           String components, Double anderson, String distribution, boolean mirror) {
        public boolean any() {
            return spinFlip != null || spinOrbit != null || anderson != null;
        }
    }

    /** The system of realization r (the clean system when there is no disorder). */
    public TightBindingSystem system(int realization) {
        return system(realization, false);
    }

    /**
     * The system of realization r, or of its mirror image (every random value negated, see
     * {@link MirrorImage}); the clean system when there is no disorder.
     */
    public TightBindingSystem system(int realization, boolean mirrored) {
        if (!disorder.any()) {
            return system;
        }
        ModelBuilder b = new ModelBuilder(lattice);
        cleanTerms.forEach(b::add);
        List<DisorderTerm> random = new ArrayList<>();
        if (disorder.spinFlip() != null) {
            double[] sf = disorder.spinFlip();
            random.add(new SpinFlipImpurities(SpinFlipImpurities.NAME, sf[0], sf[1], sf[2],
                    disorder.followTexture() ? texture : null, disorder.seed(), realization));
        }
        if (disorder.spinOrbit() != null) {
            double[] so = disorder.spinOrbit();
            random.add(new SpinOrbitImpurities(so[0], so[1],
                    SpinOrbitImpurities.Components.parse(disorder.components()), disorder.seed(), realization));
        }
        if (disorder.anderson() != null) {
            random.add(new AndersonDisorder(disorder.anderson(),
                    AndersonDisorder.Distribution.parse(disorder.distribution()), disorder.seed(), realization));
        }
        for (DisorderTerm d : random) {
            b.add(mirrored ? new MirrorImage(d) : d);
        }
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new InputException("the disordered model cannot be built: " + e.getMessage(), e);
        }
    }

    /** The parameters of {@code spintorque run}, with units, defaults and meaning. */
    public static ParameterSchema schema() {
        return ParameterSchema.builder()
                .text("lattice.kind", "chain", "lattice: chain (1D), square (2D strip), cubic (3D wire)",
                        "chain", "square", "cubic")
                .number("lattice.length", "a", null, "number of slices of the scattering region along x (the "
                        + "transport direction), a whole number >= 1")
                .number("lattice.width", "a", 1.0, "sites across along y (hard walls), whole number >= 1")
                .number("lattice.height", "a", 1.0, "sites across along z (cubic only), whole number >= 1")
                .number("model.hopping", "t", 1.0, "nearest-neighbour hopping t (spin independent): -t on every bond")
                .number("model.exchange", "t", null, "exchange M of -M n.sigma (the s-d term carrying the texture)")
                .number("model.rashba", "t", 0.0, "Rashba alpha_R: <r+x|H|r> += i alpha_R sigma_y, <r+y|H|r> -= "
                        + "i alpha_R sigma_x")
                .number("model.onsite", "t", 0.0, "scalar on-site potential")
                .number("model.orbitals", "1", 1.0, "orbitals per site (identical, spin explicit), whole number >= 1")
                .text("texture.kind", "domain-wall", "texture n(r)", "uniform", "domain-wall", "spiral", "vortex",
                        "skyrmion", "ovf")
                .number("texture.center", "a", null, "wall (or vortex/skyrmion) centre along x; default: the "
                        + "middle of the scattering region")
                .number("texture.width", "a", 4.0, "wall width w of theta(x) = 2 atan(exp((x - center)/w)), > 0")
                .text("texture.type", "neel", "domain wall type: neel (x-z plane) or bloch (y-z plane)", "neel",
                        "bloch")
                .number("texture.phi", "rad", 0.0, "rotation of the wall plane about z")
                .numbers("texture.direction", "1", new double[] {0, 0, 1}, "uniform texture direction (3 numbers)")
                .number("texture.q", "a^-1", 0.1, "spiral wave vector along x (cycloid in the x-z plane)")
                .number("texture.radius", "a", 3.0, "vortex core / skyrmion radius")
                .number("texture.polarity", "1", 1.0, "vortex/skyrmion core polarity, +1 or -1")
                .text("texture.file", "", "OVF 1.0/2.0 file (MuMax3/OOMMF) for kind = \"ovf\"")
                .number("texture.cell", "nm", 0.25, "lattice constant used to place the lattice on the OVF mesh")
                .numbers("transport.energy", "t", null, "Fermi energy, or a list of energies")
                .number("transport.temperature", "t", 0.0, "k_B T; > 0 averages over energies with -df/dE")
                .text("transport.injection", "symmetric", "delta rho per unit bias: symmetric (A_L - A_R)/4pi or "
                        + "left A_L/2pi", "symmetric", "left")
                .number("disorder.realizations", "1", 1.0, "number of disorder realizations N, >= 1")
                .number("disorder.seed", "1", 1.0, "seed of the ensemble (a whole number): realization r is a "
                        + "pure function of (seed, r, site)")
                .text("disorder.pairing", "none", "mirror: each realization is solved twice, with its random "
                        + "values and with all of them negated (S_imp -> -S_imp, V -> -V), and the two averaged; "
                        + "odd orders in the disorder cancel exactly (antithetic variates: far smaller error bars "
                        + "on beta for the same time); none: one solve per realization", "mirror", "none")
                .number("disorder.spin_flip.concentration", "1", null,
                        "spin-flip impurities (eq. 7): probability n_imp of an impurity per site, in [0, 1]")
                .number("disorder.spin_flip.strength", "t", null, "v_s of v_s S_imp . sigma, >= 0")
                .number("disorder.spin_flip.spin", "1", 1.0, "impurity spin length S_imp, >= 0")
                .text("disorder.spin_flip.frame", "lab", "impurity spin directions: isotropic in the lab frame, or "
                        + "fixed in the local magnetization frame S = R(n) S~ (section III A)", "lab", "texture")
                .number("disorder.spin_orbit.concentration", "1", null,
                        "spin-orbit impurities (eq. 8): probability n_so of an impurity per site, in [0, 1]")
                .number("disorder.spin_orbit.strength", "t", null, "lambda_so (the potentials have unit variance), >= 0")
                .text("disorder.spin_orbit.components", "three", "three independent potentials V^(i), or one common V",
                        "three", "common")
                .number("disorder.anderson.strength", "t", null, "spin-independent random potential W, >= 0")
                .text("disorder.anderson.distribution", "box", "box: uniform in [-W/2, W/2]; gaussian: standard "
                        + "deviation W", "box", "gaussian")
                .text("sweep.scan", "", "a scan of one numeric parameter, as --sweep: \"table.key=start:stop:points\" "
                        + "with an optional \":log\" (e.g. \"disorder.spin_flip.strength=0.1:0.4:4\"); empty: one run")
                .number("torque.fit_threshold", "1", 1e-3,
                        "slices with |d_x n| below this fraction of its maximum are left out of the fit")
                .build();
    }

    static int whole(ResolvedInput in, String path, int min) {
        double v = in.number(path, "");
        if (v != Math.rint(v) || v < min || v > 1_000_000) {
            throw new InputException(path + " = " + v + ": must be a whole number >= " + min);
        }
        return (int) v;
    }

    /** Builds the model; every inconsistency is an {@link InputException} naming the key. */
    public static LatticeRunParameters fromInput(ResolvedInput in) {
        List<String> notes = new ArrayList<>();
        LatticeKind kind = LatticeKind.valueOf(in.text("lattice.kind").toUpperCase(java.util.Locale.ROOT));
        int length = whole(in, "lattice.length", 1);
        int width = whole(in, "lattice.width", 1);
        int height = whole(in, "lattice.height", 1);
        int orbitals = whole(in, "model.orbitals", 1);
        if (kind == LatticeKind.CHAIN && (width != 1 || height != 1)) {
            throw new InputException("lattice.kind = \"chain\" has width = height = 1 (got width = " + width
                    + ", height = " + height + "); use kind = \"square\" or \"cubic\"");
        }
        if (kind == LatticeKind.SQUARE && height != 1) {
            throw new InputException("lattice.kind = \"square\" has height = 1 (got " + height
                    + "); use kind = \"cubic\"");
        }
        Lattice lattice = new Lattice(kind, length, width, height, orbitals);
        double t = in.number("model.hopping", "");
        if (!(t != 0)) {
            throw new InputException("model.hopping = " + t + ": must be non-zero");
        }
        double m = in.number("model.exchange", "the s-d exchange couples the electrons to the texture");
        Texture texture = texture(in, lattice);
        ModelBuilder b = new ModelBuilder(lattice).add(new Hopping(t)).add(new Exchange(m, texture));
        double rashba = in.number("model.rashba", "");
        if (rashba != 0) {
            b.add(new Rashba(rashba));
        }
        double onsite = in.number("model.onsite", "");
        if (onsite != 0) {
            b.add(new Onsite(onsite));
        }
        TightBindingSystem system;
        try {
            system = b.build();
        } catch (IllegalArgumentException e) {
            throw new InputException("the model cannot be built: " + e.getMessage(), e);
        }
        double[] energies = in.numbers("transport.energy");
        double temperature = in.number("transport.temperature", "");
        if (temperature < 0) {
            throw new InputException("transport.temperature = " + temperature + " t: must be >= 0");
        }
        Injection injection = Injection.parse(in.text("transport.injection"));
        double threshold = in.number("torque.fit_threshold", "");
        if (!(threshold > 0 && threshold < 1)) {
            throw new InputException("torque.fit_threshold = " + threshold + ": must be between 0 and 1");
        }
        Disorder disorder = disorder(in);
        List<HamiltonianTerm> clean = List.copyOf(system.terms());
        LatticeRunParameters clean0 = new LatticeRunParameters(lattice, system, texture, energies, temperature,
                injection, threshold, List.copyOf(notes), disorder, clean);
        if (!disorder.any()) {
            return clean0;
        }
        // the realization-0 system stands for "the system" (sizes, leads, memory estimate)
        return new LatticeRunParameters(lattice, clean0.system(0), texture, energies, temperature, injection,
                threshold, List.copyOf(notes), disorder, clean);
    }

    static Disorder disorder(ResolvedInput in) {
        int n = whole(in, "disorder.realizations", 1);
        double seedValue = in.number("disorder.seed", "");
        if (seedValue != Math.rint(seedValue) || Math.abs(seedValue) > 9e15) {
            throw new InputException("disorder.seed = " + seedValue + ": must be a whole number");
        }
        double[] sf = null;
        if (in.has("disorder.spin_flip.concentration") || in.has("disorder.spin_flip.strength")) {
            double c = fraction(in, "disorder.spin_flip.concentration",
                    "spin-flip impurities need concentration and strength");
            double v = nonNegative(in, "disorder.spin_flip.strength",
                    "spin-flip impurities need concentration and strength");
            double sp = nonNegative(in, "disorder.spin_flip.spin", "");
            sf = new double[] {c, v, sp};
        }
        double[] so = null;
        if (in.has("disorder.spin_orbit.concentration") || in.has("disorder.spin_orbit.strength")) {
            double c = fraction(in, "disorder.spin_orbit.concentration",
                    "spin-orbit impurities need concentration and strength");
            double l = nonNegative(in, "disorder.spin_orbit.strength",
                    "spin-orbit impurities need concentration and strength");
            so = new double[] {c, l};
        }
        Double anderson = null;
        if (in.has("disorder.anderson.strength")) {
            anderson = nonNegative(in, "disorder.anderson.strength", "");
        }
        if (n > 1 && sf == null && so == null && anderson == null) {
            throw new InputException("disorder.realizations = " + n + " but no disorder term is given: add a "
                    + "[disorder.spin_flip], [disorder.spin_orbit] or [disorder.anderson] table");
        }
        return new Disorder(n, (long) seedValue, sf, in.text("disorder.spin_flip.frame").equals("texture"), so,
                in.text("disorder.spin_orbit.components"), anderson, in.text("disorder.anderson.distribution"),
                in.text("disorder.pairing").equals("mirror"));
    }

    private static double fraction(ResolvedInput in, String path, String why) {
        double v = in.number(path, why);
        if (!(v >= 0 && v <= 1)) {
            throw new InputException(path + " = " + v + ": a concentration per site must be in [0, 1]");
        }
        return v;
    }

    private static double nonNegative(ResolvedInput in, String path, String why) {
        double v = in.number(path, why);
        if (!(v >= 0) || !Double.isFinite(v)) {
            throw new InputException(path + " = " + v + ": must be >= 0");
        }
        return v;
    }

    static Texture texture(ResolvedInput in, Lattice lattice) {
        String kind = in.text("texture.kind");
        double center = in.optionalNumber("texture.center").orElse((lattice.length() - 1) / 2.0);
        double yc = (lattice.width() - 1) / 2.0;
        int polarity = (int) Math.signum(in.number("texture.polarity", ""));
        switch (kind) {
            case "uniform": {
                double[] d = in.numbers("texture.direction");
                if (d.length != 3 || Math.sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]) == 0) {
                    throw new InputException("texture.direction must be 3 numbers, not all zero (got "
                            + java.util.Arrays.toString(d) + ")");
                }
                return new UniformTexture(new Vector3(d[0], d[1], d[2]).normalized());
            }
            case "domain-wall": {
                double w = in.number("texture.width", "");
                if (!(w > 0)) {
                    throw new InputException("texture.width = " + w + " a: must be > 0");
                }
                return new DomainWallTexture(center, w, DomainWallTexture.WallType.parse(in.text("texture.type")),
                        in.number("texture.phi", ""));
            }
            case "spiral":
                return SpiralTexture.cycloid(in.number("texture.q", ""));
            case "vortex":
                return new VortexTexture(center, yc, positive(in, "texture.radius"), polarity == 0 ? 1 : polarity, 1);
            case "skyrmion":
                return new SkyrmionTexture(center, yc, positive(in, "texture.radius"), polarity == 0 ? 1 : polarity, 0);
            case "ovf": {
                String file = in.text("texture.file");
                if (file.isEmpty()) {
                    throw in.missing("texture.file", "texture.kind = \"ovf\" reads the texture from an OVF file");
                }
                Path p = Path.of(file);
                if (!p.isAbsolute() && !in.origin().equals("command line")) {
                    Path base = Path.of(in.origin()).toAbsolutePath().getParent();
                    if (base != null && !java.nio.file.Files.exists(p)) {
                        p = base.resolve(file);
                    }
                }
                if (!java.nio.file.Files.exists(p)) {
                    throw new InputException("texture.file = \"" + file + "\": the file does not exist");
                }
                try {
                    OvfField field = OvfReader.read(p);
                    OvfTexture tex = new OvfTexture(field, in.number("texture.cell", "") * 1e-9);
                    tex.requireCovers(lattice);
                    return tex;
                } catch (RuntimeException e) {
                    throw new InputException("texture.file = \"" + file + "\": " + e.getMessage(), e);
                }
            }
            default:
                throw new InputException("texture.kind = \"" + kind + "\" is not known");
        }
    }

    private static double positive(ResolvedInput in, String path) {
        double v = in.number(path, "");
        if (!(v > 0)) {
            throw new InputException(path + " = " + v + ": must be > 0");
        }
        return v;
    }
}
