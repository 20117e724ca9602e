package org.spintorque.jmh;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.spintorque.linalg.LinearAlgebra;
import org.spintorque.linalg.LinearAlgebras;
import org.spintorque.texture.DomainWallTexture;
import org.spintorque.texture.Vector3;
import org.spintorque.transport.BlockTridiagonal;
import org.spintorque.transport.RecursiveGreenFunction;
import org.spintorque.wannier.CrystalWire;
import org.spintorque.wannier.WannierModel;
import org.spintorque.wannier.WannierReader;

/**
 * One energy of a bcc Fe slab (the examples/materials/fe-bcc-qe model, full hopping range, principal layers of
 * 4 conventional cells, one layer with a domain wall between two leads) at one transverse Bloch vector: the
 * lead self-energies and the recursive Green's function with the transmission, for an n x n supercell, with the
 * supercell leads either folded from their transverse Bloch components or solved directly by one mode matching
 * (the baseline). Single shots: each operation takes seconds to minutes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgs = {"-Xms6g", "-Xmx6g"})
@Warmup(iterations = 1)
@Measurement(iterations = 2)
public class CrystalWireBenchmark {
    @Param({"2", "3"})
    public int cross;

    @Param({"folded", "direct"})
    public String leads;

    @Param({"openblas"})
    public String backend;

    private CrystalWire wire;
    private BlockTridiagonal system;
    private Vector3[][] n;
    private LinearAlgebra la;

    @Setup
    public void setUp() {
        Path d = Path.of(System.getProperty("spintorque.examples", "examples"), "materials", "fe-bcc-qe");
        WannierModel fe = WannierReader.read(WannierReader.Files.single(d.resolve("Fe_hr.dat.gz"),
                d.resolve("Fe_wsvec.dat.gz"), d.resolve("Fe_centres.xyz"), d.resolve("Fe.win")));
        wire = new CrystalWire(fe, cross, cross, CrystalWire.Boundary.PERIODIC, 0);
        n = wire.directions(1, new DomainWallTexture(2, 3, DomainWallTexture.WallType.NEEL, 0));
        system = wire.system(1, n, 0.25, 0.25, null);
        la = LinearAlgebras.byName(backend);
    }

    @Benchmark
    public double oneEnergy() {
        RecursiveGreenFunction rgf = wire.solver(system, n[0][0], n[2][0], 0.25, 0.25, 12.6312, la,
                leads.equals("folded"));
        return rgf.transmissionLR();
    }
}
