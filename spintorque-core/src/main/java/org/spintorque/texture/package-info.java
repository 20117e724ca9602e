/**
 * Magnetization textures n(x, y, z): uniform, domain wall (Neel/Bloch), spiral, vortex, skyrmion, with the
 * gradient d_x n (analytic where simple, centered difference otherwise) that the torque fit
 * {@code tau = c_a d_x n + c_n n x d_x n} needs (physics.md section 5), and the limits that the leads continue.
 */
package org.spintorque.texture;
