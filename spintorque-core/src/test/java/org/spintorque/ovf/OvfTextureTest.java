package org.spintorque.ovf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.spintorque.config.InputException;
import org.spintorque.lattice.Lattice;
import org.spintorque.texture.Texture;
import org.spintorque.texture.Vector3;

class OvfTextureTest {
    private static final double DX = 1e-9;

    /** 4 x 3 x 2 cells of 1 nm; cell (ix, iy, iz) holds 8e5 * (ix + 1, iy, iz) (not normalized). */
    private static OvfField ramp() {
        OvfMesh mesh = OvfMesh.of(4, 3, 2, DX, DX, DX);
        double[] v = new double[mesh.cellCount() * 3];
        for (int iz = 0; iz < 2; iz++) {
            for (int iy = 0; iy < 3; iy++) {
                for (int ix = 0; ix < 4; ix++) {
                    int c = mesh.cellIndex(ix, iy, iz);
                    v[3 * c] = 8e5 * (ix + 1);
                    v[3 * c + 1] = 8e5 * iy;
                    v[3 * c + 2] = 8e5 * iz;
                }
            }
        }
        return new OvfField(mesh, 3, v, "ramp", List.of(), List.of(), List.of("A/m", "A/m", "A/m"));
    }

    /** A spiral along x: cell ix holds (cos(q ix), sin(q ix), 0), one row of nx cells. */
    private static OvfField spiral(int nx, double q) {
        OvfMesh mesh = OvfMesh.of(nx, 1, 1, DX, DX, DX);
        double[] v = new double[nx * 3];
        for (int ix = 0; ix < nx; ix++) {
            v[3 * ix] = Math.cos(q * ix);
            v[3 * ix + 1] = Math.sin(q * ix);
        }
        return OvfField.of(mesh, 3, v).withTitle("spiral");
    }

    private static void close(Vector3 expected, Vector3 actual, double tol) {
        assertTrue(expected.maxAbsDifference(actual) <= tol, "expected " + expected + ", got " + actual);
    }

    @Test
    void sitesOnCellCentersGetTheNormalizedCellVector() {
        OvfTexture t = new OvfTexture(ramp(), DX);
        assertEquals(OvfTexture.Sampling.NEAREST, t.sampling());
        close(new Vector3(0.5e-9, 0.5e-9, 0.5e-9), t.origin(), 1e-24);
        for (int iz = 0; iz < 2; iz++) {
            for (int iy = 0; iy < 3; iy++) {
                for (int ix = 0; ix < 4; ix++) {
                    Vector3 n = t.n(ix, iy, iz);
                    close(new Vector3(ix + 1, iy, iz).normalized(), n, 1e-15);
                    assertEquals(1.0, n.norm(), 1e-15);
                }
            }
        }
        t.requireCovers(Lattice.cubic(4, 3, 2));
    }

    @Test
    void nearestCellWithAFinerLattice() {
        // a = half a cell, site (0,0,0) at the lower corner of the mesh
        OvfTexture t = new OvfTexture(ramp(), DX / 2, Vector3.ZERO, OvfTexture.Sampling.NEAREST);
        close(new Vector3(1, 0, 0), t.n(0, 0, 0), 1e-15);
        close(new Vector3(1, 0, 0), t.n(1.9, 0, 0), 1e-15);
        // x = 2 is the face between cells 0 and 1: it belongs to the cell with the larger index
        close(new Vector3(2, 0, 0).normalized(), t.n(2, 0, 0), 1e-15);
        close(new Vector3(4, 2, 1).normalized(), t.n(7, 5, 3), 1e-15);
        // the outer faces are inside
        close(new Vector3(4, 2, 1).normalized(), t.n(8, 6, 4), 1e-15);
        assertTrue(t.covers(8, 6, 4));
        assertTrue(!t.covers(8.01, 0, 0));
    }

    @Test
    void meshDoesNotCoverTheLattice() {
        OvfTexture t = new OvfTexture(ramp(), DX);
        InputException e = assertThrows(InputException.class, () -> t.n(4, 0, 0));
        String m = e.getMessage();
        assertTrue(m.contains("mesh does not cover the lattice"), m);
        assertTrue(m.contains("lattice point (4, 0, 0) lies at (4.5"), m);
        assertTrue(m.contains("a = 1e-9 m, site (0, 0, 0) at (5e-10, 5e-10, 5e-10) m"), m);
        assertTrue(m.contains("covers x [0, 4e-9], y [0, 3e-9], z [0, 2e-9] m"), m);

        InputException l = assertThrows(InputException.class, () -> t.requireCovers(Lattice.cubic(5, 3, 3)));
        String lm = l.getMessage();
        assertTrue(lm.contains("mesh does not cover the lattice: the lattice sites x 0..4, y 0..2, z 0..2"), lm);
        assertTrue(lm.contains("span x [5e-10, 4.5e-9], y [5e-10, 2.5e-9], z [5e-10, 2.5e-9] m"), lm);
        assertTrue(lm.contains("covers x [0, 4e-9], y [0, 3e-9], z [0, 2e-9] m"), lm);
        assertThrows(InputException.class, () -> t.n(-0.6, 0, 0));
    }

    @Test
    void zeroMagnetizationIsAnError() {
        OvfField f = ramp();
        double[] v = f.values();
        int c = f.mesh().cellIndex(1, 2, 0);
        v[3 * c] = 0;
        v[3 * c + 1] = 0;
        v[3 * c + 2] = 0;
        OvfField holed = new OvfField(f.mesh(), 3, v, "holed", List.of(), List.of(), List.of());
        OvfTexture t = new OvfTexture(holed, DX);
        close(new Vector3(1, 2, 0).normalized(), t.n(0, 2, 0), 1e-15);
        InputException e = assertThrows(InputException.class, () -> t.n(1, 2, 0));
        assertTrue(e.getMessage().contains("cell (1, 2, 0) of the OVF field 'holed', which has zero magnetization"),
                e.getMessage());
        OvfTexture tri = new OvfTexture(holed, DX, OvfTexture.firstCellCenter(holed), OvfTexture.Sampling.TRILINEAR);
        assertThrows(InputException.class, () -> tri.n(0.5, 2, 0));
        // next to the hole, the gradient of nearest sampling falls back to a one-sided difference
        Vector3 d = t.dxN(2, 2, 0);
        close(new Vector3(4, 2, 0).normalized().minus(new Vector3(3, 2, 0).normalized()), d, 1e-15);
    }

    @Test
    void trilinearInterpolatesBetweenCellCenters() {
        OvfField f = spiral(5, Math.PI / 2);
        OvfTexture t = new OvfTexture(f, DX, OvfTexture.firstCellCenter(f), OvfTexture.Sampling.TRILINEAR);
        close(new Vector3(1, 0, 0), t.n(0, 0, 0), 1e-15);
        close(new Vector3(0, 1, 0), t.n(1, 0, 0), 1e-15);
        close(new Vector3(1, 1, 0).normalized(), t.n(0.5, 0, 0), 1e-15);
        Vector3 quarter = new Vector3(0.75, 0.25, 0).normalized();
        close(quarter, t.n(0.25, 0.3, -0.2), 1e-15);
        // the outer half cell holds the edge value
        close(new Vector3(1, 0, 0), t.n(-0.5, 0, 0), 1e-15);
        // gradient: centered difference of the interpolant
        // u(x) = (1 - x) ex + x ey, n = u / |u|: dn/dx = (u' - n (n . u')) / |u| = (-sqrt 2, sqrt 2, 0) at x = 1/2
        Vector3 d = t.dxN(0.5, 0, 0);
        close(new Vector3(-Math.sqrt(2), Math.sqrt(2), 0), d, 1e-7);
        assertEquals(0, d.dot(t.n(0.5, 0, 0)), 1e-9);
    }

    @Test
    void nearestGradientIsTheCenteredCellDifference() {
        double q = 0.3;
        OvfField f = spiral(6, q);
        // lattice constant half a cell: the gradient per lattice unit is half the gradient per cell
        OvfTexture t = new OvfTexture(f, DX / 2, OvfTexture.firstCellCenter(f), OvfTexture.Sampling.NEAREST);
        Vector3 n1 = new Vector3(Math.cos(q), Math.sin(q), 0);
        Vector3 n3 = new Vector3(Math.cos(3 * q), Math.sin(3 * q), 0);
        close(n3.minus(n1).times(0.5 * 0.5), t.dxN(4, 0, 0), 1e-15);
        // one-sided at the edges
        Vector3 n0 = new Vector3(1, 0, 0);
        close(n1.minus(n0).times(0.5), t.dxN(0, 0, 0), 1e-15);
        // and the beta-torque direction n x dxN of the Texture interface
        Texture tex = t;
        Vector3 ncd = tex.nCrossDxN(4, 0, 0);
        assertEquals(0, ncd.x(), 1e-15);
        assertTrue(ncd.z() > 0);
        // a single cell along x has no gradient
        OvfTexture one = new OvfTexture(spiral(1, q), DX);
        assertEquals(Vector3.ZERO, one.dxN(0, 0, 0));
    }

    @Test
    void meshUnitIsConverted() {
        OvfMesh nm = OvfMesh.of("nm", 3, 1, 1, 1, 1, 1, 0, 0, 0);
        OvfField f = OvfField.of(nm, 3, new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1});
        OvfTexture t = new OvfTexture(f, 1e-9);
        close(new Vector3(0, 0, 1), t.n(2, 0, 0), 0);
        assertEquals(1e-10, OvfTexture.meshUnitInMeters("\u00c5"));
        assertThrows(InputException.class, () -> OvfTexture.meshUnitInMeters("furlong"));
    }

    @Test
    void unsuitableFieldsAreRejected() {
        OvfField scalar = OvfField.of(OvfMesh.of(2, 1, 1, DX, DX, DX), 1, new double[] {1, 2}).withTitle("Kc1");
        InputException e = assertThrows(InputException.class, () -> new OvfTexture(scalar, DX));
        assertTrue(e.getMessage().contains("needs a vector field (valuedim 3), but 'Kc1' has valuedim 1"));
        OvfField flat = OvfField.of(OvfMesh.of(2, 1, 1, DX, DX, 0), 3, new double[] {1, 0, 0, 1, 0, 0});
        e = assertThrows(InputException.class, () -> new OvfTexture(flat, DX));
        assertTrue(e.getMessage().contains("zstepsize 0"), e.getMessage());
        assertThrows(InputException.class, () -> new OvfTexture(ramp(), -1));
    }

    @Test
    void mumaxSnapshotIsUniform() {
        OvfField f = OvfReader.read(SharedOvfData.file("mumax-bin4-linux.ovf"));
        OvfTexture t = new OvfTexture(f, 3.90625e-9);
        // SOURCE.md: every cell holds (1, 0.1, 0) normalized, stored as float32
        Vector3 expected = new Vector3(1, 0.1, 0).normalized();
        t.requireCovers(Lattice.square(128, 32));
        for (int x = 0; x < 128; x += 9) {
            for (int y = 0; y < 32; y += 5) {
                close(expected, t.n(x, y, 0), 1e-7);
                assertEquals(1.0, t.n(x, y, 0).norm(), 1e-15);
            }
        }
        assertThrows(InputException.class, () -> t.requireCovers(Lattice.square(129, 32)));
    }

    @Test
    void oommfSkyrmionPointsUpInTheCoreAndDownOutside() {
        OvfField f = OvfReader.read(SharedOvfData.file("skyrmion.omf"));
        OvfTexture t = new OvfTexture(f, 5e-9);
        // SOURCE.md: the first record is (-298.25, -298.25, -1099999.9) A/m, |M| = 1.1e6 everywhere
        close(new Vector3(-298.253549234324, -298.253548945368, -1099999.91913165).normalized(), t.n(0, 0, 0), 1e-15);
        assertTrue(t.n(0, 0, 0).z() < -0.999);
        for (int x = 9; x <= 10; x++) {
            for (int y = 9; y <= 10; y++) {
                assertTrue(t.n(x, y, 0).z() > 0.5, "core cell " + x + "," + y + ": " + t.n(x, y, 0));
            }
        }
        t.requireCovers(Lattice.square(20, 20));
    }
}
