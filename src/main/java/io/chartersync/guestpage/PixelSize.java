package io.chartersync.guestpage;

/** A width and height in pixels, as a header declares them or as an image is to be drawn. */
record PixelSize(int width, int height) {
    PixelSize {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("not a pixel size: " + width + " x " + height);
        }
    }

    long pixels() {
        return (long) width * height;
    }

    int longestSide() {
        return Math.max(width, height);
    }

    PixelSize transposed() {
        return new PixelSize(height, width);
    }

    /** This size shrunk, keeping its aspect, so its longest side is at most {@code maxSide}; never enlarged. */
    PixelSize fitWithin(int maxSide) {
        int longest = longestSide();
        if (longest <= maxSide) {
            return this;
        }
        return new PixelSize(
                Math.max(1, Math.round((float) ((double) width * maxSide / longest))),
                Math.max(1, Math.round((float) ((double) height * maxSide / longest))));
    }

    /**
     * The largest whole source subsampling (keep every n-th pixel of every n-th row) that still leaves at least
     * {@code maxSide} pixels on the longest side, so decoding allocates no more than about four times what an image
     * of that side needs, and the final scaling still has full detail to work from.
     */
    int subsamplingFor(int maxSide) {
        return Math.max(1, longestSide() / maxSide);
    }

    @Override
    public String toString() {
        return width + " x " + height;
    }
}
