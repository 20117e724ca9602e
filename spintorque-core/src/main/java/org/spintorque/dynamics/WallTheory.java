package org.spintorque.dynamics;

/**
 * The closed-form results of the 1D collective-coordinate model of a domain wall (see {@link WallModel1D}
 * for the equations): with {@code A = gamma0 H + (beta - alpha) u / Delta} and
 * {@code B = alpha gamma0 H_perp / 2}, the wall angle obeys {@code (1 + alpha^2) dphi/dt = A - B sin 2 phi}.
 *
 * <ul>
 *   <li>|A| &lt;= B: a steady state, {@code sin 2 phi = A/B}, moving at {@code v = (beta u + gamma0 Delta H) /
 *       alpha} (eq. W1).</li>
 *   <li>|A| &gt; B (Walker breakdown): phi precesses with period {@code T = pi (1 + alpha^2)/sqrt(A^2 - B^2)},
 *       and since {@code dq/dt = (Delta/alpha)(a - dphi/dt)} with {@code a = gamma0 H + beta u/Delta}, the
 *       average velocity is {@code <v> = (Delta/alpha)(a - sign(A) sqrt(A^2 - B^2)/(1 + alpha^2))} (eq. W2);
 *       for beta = 0 and H = 0 this is {@code sqrt(u^2 - u_c^2)/(1 + alpha^2)}.</li>
 *   <li>Walker field (u = 0): {@code H_W = alpha H_perp / 2}; Walker drift velocity (H = 0):
 *       {@code u_W = alpha u_c / |beta - alpha|} with the intrinsic threshold
 *       {@code u_c = gamma0 Delta H_perp / 2 = gamma0 Delta K_perp / (mu0 M_s)} (eq. W3); at beta = 0, H = 0
 *       the wall does not move for |u| &lt;= u_c (Tatara and Kohno, PRL 92, 086601 (2004)).</li>
 * </ul>
 *
 * @param wallWidth     Delta = sqrt(A_ex/K) [m]
 * @param hardAxisField H_perp = 2 K_perp / (mu0 M_s) [A/m]
 * @param gamma0        [m/(A s)]
 * @param alpha         Gilbert damping
 * @param beta          non-adiabatic coefficient
 * @param u             spin drift velocity along x [m/s]
 * @param field         applied field along the easy axis [A/m]
 */
public record WallTheory(double wallWidth, double hardAxisField, double gamma0, double alpha, double beta, double u,
                         double field) {

    /** The 1D-model theory for given driving conditions (u along x, H along the easy axis). */
    public static WallTheory of(DrivingConditions d) {
        Material m = d.material();
        return new WallTheory(m.wallWidth(), m.hardAxisField(), m.gamma0(), m.alpha(), d.beta(), d.ux(),
                d.easyAxisField());
    }

    /** A = gamma0 H + (beta - alpha) u / Delta [1/s], the drive of the wall angle. */
    public double angleDrive() {
        return gamma0 * field + (beta - alpha) * u / wallWidth;
    }

    /** B = alpha gamma0 H_perp / 2 [1/s], the largest restoring rate of the hard axis. */
    public double angleRestoring() {
        return alpha * gamma0 * hardAxisField / 2;
    }

    /** Whether a steady state exists (|A| &lt;= B): below Walker breakdown. */
    public boolean belowBreakdown() {
        return Math.abs(angleDrive()) <= angleRestoring();
    }

    /** Eq. (W1): v = (beta u + gamma0 Delta H)/alpha [m/s], the steady velocity below breakdown. */
    public double steadyVelocity() {
        return (beta * u + gamma0 * wallWidth * field) / alpha;
    }

    /** The steady wall angle phi = asin(A/B)/2 [rad] below breakdown (NaN above). */
    public double steadyAngle() {
        return belowBreakdown() ? 0.5 * Math.asin(angleDrive() / angleRestoring()) : Double.NaN;
    }

    /** Eq. (W2): the time-averaged velocity [m/s], equal to {@link #steadyVelocity()} below breakdown. */
    public double averageVelocity() {
        if (belowBreakdown()) {
            return steadyVelocity();
        }
        double a = angleDrive();
        double b = angleRestoring();
        double meanRate = Math.signum(a) * Math.sqrt(a * a - b * b) / (1 + alpha * alpha);
        return wallWidth / alpha * (gamma0 * field + beta * u / wallWidth - meanRate);
    }

    /** The mean precession rate of phi [rad/s]: 0 below breakdown, pi/T above. */
    public double meanAngleRate() {
        if (belowBreakdown()) {
            return 0;
        }
        double a = angleDrive();
        double b = angleRestoring();
        return Math.signum(a) * Math.sqrt(a * a - b * b) / (1 + alpha * alpha);
    }

    /** The period of phi (a turn by pi) above breakdown [s]; infinite below. */
    public double precessionPeriod() {
        double rate = Math.abs(meanAngleRate());
        return rate == 0 ? Double.POSITIVE_INFINITY : Math.PI / rate;
    }

    /** The rate [1/s] at which phi approaches its steady value below breakdown, 2 sqrt(B^2 - A^2)/(1+alpha^2). */
    public double relaxationRate() {
        double a = angleDrive();
        double b = angleRestoring();
        return b * b > a * a ? 2 * Math.sqrt(b * b - a * a) / (1 + alpha * alpha) : 0;
    }

    /** The Walker field H_W = alpha H_perp/2 [A/m] at u = 0. */
    public double walkerField() {
        return alpha * hardAxisField / 2;
    }

    /** Eq. (W3): u_c = gamma0 Delta H_perp / 2 [m/s], the intrinsic threshold at beta = 0, H = 0. */
    public double intrinsicThreshold() {
        return gamma0 * wallWidth * hardAxisField / 2;
    }

    /** u_W = alpha u_c / |beta - alpha| [m/s] at H = 0; infinite for beta = alpha (no breakdown). */
    public double walkerDriftVelocity() {
        double d = Math.abs(beta - alpha);
        return d == 0 ? Double.POSITIVE_INFINITY : alpha * intrinsicThreshold() / d;
    }

    /** The same theory for another drift velocity u [m/s]. */
    public WallTheory withU(double newU) {
        return new WallTheory(wallWidth, hardAxisField, gamma0, alpha, beta, newU, field);
    }
}
