package org.spintorque.llg;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.spintorque.output.AtomicFiles;

/**
 * A PNG picture of one z layer of the magnetization: the hue is the in-plane angle (colour wheel: +x red,
 * +y yellow-green, -x cyan, -y blue/violet), the lightness m_z (white for +z, black for -z). Cells are drawn
 * as square blocks of at least a few pixels, y up.
 */
public final class MagnetizationImage {
    private MagnetizationImage() { }

    public static void write(Path file, Grid grid, double[] m, int layer) {
        int n = grid.cells();
        int scale = Math.max(1, Math.min(16, 512 / Math.max(grid.nx(), grid.ny())));
        // keep the aspect ratio of the cells
        double aspect = grid.dy() / grid.dx();
        int sx = scale;
        int sy = Math.max(1, (int) Math.round(scale * aspect));
        int width = grid.nx() * sx;
        int height = Math.max(1, grid.ny() * sy);
        if (grid.ny() == 1) {
            height = Math.max(height, 24); // a wire: a strip tall enough to see
            sy = height;
        }
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int iy = 0; iy < grid.ny(); iy++) {
            for (int ix = 0; ix < grid.nx(); ix++) {
                int i = grid.index(ix, iy, layer);
                int rgb = colour(m[i], m[n + i], m[2 * n + i]);
                for (int py = 0; py < sy; py++) {
                    int row = height - 1 - (iy * sy + py);
                    for (int px = 0; px < sx; px++) {
                        img.setRGB(ix * sx + px, row, rgb);
                    }
                }
            }
        }
        AtomicFiles.write(file, p -> ImageIO.write(img, "png", p.toFile()));
    }

    /** HSL colour: hue from the in-plane angle, lightness (1 + m_z)/2, full saturation. */
    static int colour(double mx, double my, double mz) {
        double hue = (Math.atan2(my, mx) / (2 * Math.PI) + 1) % 1.0;
        double l = Math.max(0, Math.min(1, (1 + mz) / 2));
        double c = (1 - Math.abs(2 * l - 1));
        double h6 = hue * 6;
        double x = c * (1 - Math.abs(h6 % 2 - 1));
        double r;
        double g;
        double b;
        switch ((int) h6) {
            case 0 -> { r = c; g = x; b = 0; }
            case 1 -> { r = x; g = c; b = 0; }
            case 2 -> { r = 0; g = c; b = x; }
            case 3 -> { r = 0; g = x; b = c; }
            case 4 -> { r = x; g = 0; b = c; }
            default -> { r = c; g = 0; b = x; }
        }
        double base = l - c / 2;
        return (channel(r + base) << 16) | (channel(g + base) << 8) | channel(b + base);
    }

    private static int channel(double v) {
        return (int) Math.round(255 * Math.max(0, Math.min(1, v)));
    }
}
