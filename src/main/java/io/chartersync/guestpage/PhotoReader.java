package io.chartersync.guestpage;

import com.twelvemonkeys.imageio.stream.ByteArrayImageInputStream;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.IIOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataFormatImpl;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * One uploaded file opened with the ImageIO reader for the type its magic bytes showed (never a reader ImageIO
 * guesses), so the header's size can be checked before a single pixel is decoded.
 */
final class PhotoReader implements AutoCloseable {
    static {
        // The readers are found through META-INF/services; scan once so plugins on the class path are registered
        // whichever thread or class loader touched ImageIO first.
        ImageIO.scanForPlugins();
    }

    private final ImageReader reader;

    private PhotoReader(ImageReader reader) {
        this.reader = reader;
    }

    /** The preferred reader for {@code type}: TwelveMonkeys' for JPEG and WebP, the JDK's for PNG. */
    static ImageReader readerFor(ImageType type) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(type.mediaType());
        if (!readers.hasNext()) {
            throw new IllegalStateException("no ImageIO reader for " + type.mediaType() + " on the class path");
        }
        return readers.next();
    }

    static PhotoReader open(ImageReader reader, byte[] bytes) {
        reader.setInput(new ByteArrayImageInputStream(bytes), true, false);
        return new PhotoReader(reader);
    }

    /** The size the header declares; reads the header only. */
    PixelSize size() throws IOException {
        return new PixelSize(reader.getWidth(0), reader.getHeight(0));
    }

    /** The EXIF orientation, or {@link Orientation#NORMAL} when there is none or it cannot be read. */
    Orientation orientation() {
        try {
            IIOMetadata metadata = reader.getImageMetadata(0);
            if (metadata == null || !metadata.isStandardMetadataFormatSupported()) {
                return Orientation.NORMAL;
            }
            Node tree = metadata.getAsTree(IIOMetadataFormatImpl.standardMetadataFormatName);
            for (Node n = tree.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n.getNodeName().equals("Dimension")) {
                    for (Node d = n.getFirstChild(); d != null; d = d.getNextSibling()) {
                        if (d.getNodeName().equals("ImageOrientation") && d instanceof Element e) {
                            return Orientation.ofStandardName(e.getAttribute("value"));
                        }
                    }
                }
            }
            return Orientation.NORMAL;
        } catch (IOException | RuntimeException broken) {
            return Orientation.NORMAL; // a damaged EXIF block must not cost the guest the photo
        }
    }

    /**
     * Decodes the first image keeping every {@code subsampling}-th pixel of every {@code subsampling}-th row. A
     * truncated JPEG only draws a warning from libjpeg ("premature end of data segment") and comes out padded with
     * grey; that is refused as unreadable. A JPEG that merely lacks its EOI marker but has all its data is kept.
     */
    BufferedImage read(int subsampling) throws IOException {
        ImageReadParam param = reader.getDefaultReadParam();
        param.setSourceSubsampling(subsampling, subsampling, 0, 0);
        List<String> warnings = new ArrayList<>();
        reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
        BufferedImage image = reader.read(0, param);
        for (String warning : warnings) {
            if (warning.toLowerCase(Locale.ROOT).contains("premature end")) {
                throw new IIOException("truncated image data: " + warning);
            }
        }
        return image;
    }

    @Override
    public void close() {
        reader.dispose();
    }
}
