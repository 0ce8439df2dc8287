package io.chartersync.guestpage;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;

/** Redraws decoded pixels as plain opaque RGB: turned upright, transparency flattened onto white, resized. */
final class Pixels {
    private Pixels() {}

    /** {@code decoded} turned upright and drawn on white, as {@link BufferedImage#TYPE_INT_RGB}. */
    static BufferedImage upright(BufferedImage decoded, Orientation orientation) {
        PixelSize size = orientation.upright(new PixelSize(decoded.getWidth(), decoded.getHeight()));
        AffineTransform turn = orientation.transform(decoded.getWidth(), decoded.getHeight());
        return draw(decoded, size, turn);
    }

    /**
     * {@code image} scaled to {@code target}, halving first while it is more than twice too large, so bilinear
     * filtering at each step sees every source pixel (one big bilinear step would skip most of them and alias).
     */
    static BufferedImage scaled(BufferedImage image, PixelSize target) {
        BufferedImage current = image;
        while (current.getWidth() / 2 >= target.width() && current.getHeight() / 2 >= target.height()) {
            current = resized(current, new PixelSize(current.getWidth() / 2, current.getHeight() / 2));
        }
        if (current.getWidth() == target.width() && current.getHeight() == target.height()) {
            return current;
        }
        return resized(current, target);
    }

    private static BufferedImage resized(BufferedImage image, PixelSize size) {
        AffineTransform scale = AffineTransform.getScaleInstance(
                (double) size.width() / image.getWidth(), (double) size.height() / image.getHeight());
        return draw(image, size, scale);
    }

    private static BufferedImage draw(BufferedImage source, PixelSize size, AffineTransform transform) {
        BufferedImage canvas = new BufferedImage(size.width(), size.height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = canvas.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, size.width(), size.height());
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(source, transform, null);
        } finally {
            g.dispose();
        }
        return canvas;
    }
}
