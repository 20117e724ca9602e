package org.spintorque.wannier;

import org.spintorque.linalg.ComplexMatrix;
import org.spintorque.texture.Vector3;

/**
 * The paper's eq. (29), {@code beta = hbar / (2 M tau_sf)}, for a crystal of several orbitals per site, from the
 * local spectral function at E_F. One evaluation for both routes of {@code spintorque material}.
 *
 * <p>Spin-flip impurities act on a site as {@code v S.sigma} on every orbital alike (isotropic S, |S| = 1,
 * concentration c, {@code w_sf = c v^2}). The golden rule out of spin s (along the magnetization m) into -s,
 * averaged over the states of spin s at E_F, is
 * <pre>    1/tau_{s,-s} = (4 pi / 3) w_sf Tr[A_s A_-s] / Tr[A_s]      (hbar = 1),</pre>
 * A_s the orbital block of spin s of the local spectral function {@code A = (g^a - g^r) / 2 pi} of one site: only
 * the overlap of the two spins' local states counts, not the whole density of states. Then
 * {@code 1/tau_sf = 1/tau_{+-} + 1/tau_{-+}}; for one orbital this is {@code (4 pi/3) w_sf (nu_+ + nu_-)}, the
 * paper's eq. (29) (physics.md section 6).
 *
 * <p>M is half the on-site exchange splitting weighted by the states at E_F,
 * {@code M = -Tr[A X_0 (m.Sigma)] / Tr[A]}, X_0 the on-site block of the exchange part ({@link SpinParts}); for the
 * s-d model {@code X_0 = -M m.sigma} and this is M.
 *
 * <p>Basis: interleaved, index {@code 2 o + s} (orbital o, spin s along z).
 */
public final class SpinFlipGoldenRule {
    private SpinFlipGoldenRule() { }

    /** {@code hbar / tau_sf} (eV) for spin-flip strength {@code w_sf = c v^2 S^2} (eV^2), magnetization m. */
    public static double rate(ComplexMatrix spectral, Vector3 m, double wsf) {
        int orbitals = spectral.rows() / 2;
        ComplexMatrix u = SpinSpiralResponse.spinBlock(orbitals, SpinRotation.between(m, Vector3.Z).su2());
        ComplexMatrix a = u.times(spectral).times(u.dagger());
        ComplexMatrix[] blocks = new ComplexMatrix[2];
        double[] traces = new double[2];
        for (int s = 0; s < 2; s++) {
            blocks[s] = new ComplexMatrix(orbitals, orbitals);
            for (int o = 0; o < orbitals; o++) {
                for (int p = 0; p < orbitals; p++) {
                    blocks[s].set(o, p, a.re(2 * o + s, 2 * p + s), a.im(2 * o + s, 2 * p + s));
                }
                traces[s] += a.re(2 * o + s, 2 * o + s);
            }
        }
        double overlap = blocks[0].traceOfProduct(blocks[1])[0];
        return 4 * Math.PI / 3 * wsf * (overlap / traces[0] + overlap / traces[1]);
    }

    /** M at E_F (eV): {@code -Tr[A X_0 (m.Sigma)] / Tr[A]}. */
    public static double exchange(ComplexMatrix spectral, ComplexMatrix onsiteExchange, Vector3 m) {
        int orbitals = spectral.rows() / 2;
        ComplexMatrix ms = SpinSpiralResponse.spinBlock(orbitals, SpinSpiralResponse.pauli(m));
        return -spectral.times(onsiteExchange).times(ms).trace()[0] / spectral.trace()[0];
    }

    /** Eq. (29): {@code beta = (hbar/tau_sf) / (2 M)}. */
    public static double beta(ComplexMatrix spectral, ComplexMatrix onsiteExchange, Vector3 m, double wsf) {
        return rate(spectral, m, wsf) / (2 * exchange(spectral, onsiteExchange, m));
    }

    /** The local spectral function {@code (g - g^dagger) i / 2 pi} of a retarded local Green's function. */
    public static ComplexMatrix spectral(ComplexMatrix retardedLocal) {
        return retardedLocal.minus(retardedLocal.dagger()).scale(0, 1 / (2 * Math.PI));
    }
}
