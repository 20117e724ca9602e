/**
 * The OVF format of OOMMF and MuMax3 for scalar and vector fields on a rectangular mesh: {@link
 * org.spintorque.ovf.OvfField} (mesh, values in file order, header text), {@link org.spintorque.ovf.OvfReader}
 * (OVF 1.0 and 2.0; text, Binary 4, Binary 8; gzip), {@link org.spintorque.ovf.OvfWriter} (OVF 2.0, written
 * atomically) and {@link org.spintorque.ovf.OvfTexture}, which turns a magnetization snapshot into a
 * {@link org.spintorque.texture.Texture} on the tight-binding lattice.
 */
package org.spintorque.ovf;
