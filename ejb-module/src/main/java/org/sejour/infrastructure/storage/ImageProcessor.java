package org.sejour.infrastructure.storage;

import com.twelvemonkeys.imageio.plugins.webp.WebPImageReaderSpi;
import org.sejour.domain.model.shared.InvalidInputException;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;

/**
 * Turns an uploaded file into the two JPEGs Séjour serves: a large view and a thumbnail.
 * The format is told from the file's first bytes, never from its name or declared type,
 * and the pixel count is checked before decoding so a small file cannot claim a huge image.
 * A large image is decoded subsampled (every n-th pixel of every n-th row, n as large as still
 * leaves the large view's 1600 pixels), so that the decoded raster stays under 3200 pixels a side
 * whatever the file holds: a 50-megapixel 16-bit PNG decoded whole took 380 MB of heap for its
 * raster alone, subsampled it takes 15 MB (ImageProcessorTest measures the whole processing).
 */
public final class ImageProcessor {

    public static final int MAX_UPLOAD_BYTES = org.sejour.domain.model.accommodation.StoredImage.MAX_UPLOAD_BYTES;
    static final long MAX_PIXELS = 50_000_000L;
    static final int LARGE_SIDE = 1600;
    static final int THUMB_SIDE = 400;

    public record ProcessedImage(byte[] large, int width, int height, byte[] thumbnail) {
    }

    private enum Format { JPEG, PNG, WEBP }

    public ProcessedImage process(byte[] upload) {
        if (upload == null || upload.length == 0) {
            throw new InvalidInputException("photo", "photo.empty");
        }
        if (upload.length > MAX_UPLOAD_BYTES) {
            throw new InvalidInputException("photo", "photo.tooLarge");
        }
        Format format = sniff(upload);
        BufferedImage decoded = decode(upload, format);
        BufferedImage large = fit(decoded, LARGE_SIDE);
        BufferedImage thumb = fit(large, THUMB_SIDE);
        return new ProcessedImage(jpeg(large, 0.85f), large.getWidth(), large.getHeight(), jpeg(thumb, 0.8f));
    }

    private static Format sniff(byte[] b) {
        if (b.length > 3 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xD8 && (b[2] & 0xFF) == 0xFF) {
            return Format.JPEG;
        }
        if (b.length > 8 && (b[0] & 0xFF) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return Format.PNG;
        }
        if (b.length > 12 && "RIFF".equals(new String(b, 0, 4, StandardCharsets.US_ASCII))
                && "WEBP".equals(new String(b, 8, 4, StandardCharsets.US_ASCII))) {
            return Format.WEBP;
        }
        throw new InvalidInputException("photo", "photo.unsupportedFormat");
    }

    private static BufferedImage decode(byte[] upload, Format format) {
        ImageReader reader = reader(format);
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(upload))) {
            reader.setInput(in, true, true);
            // the header's dimensions, read before a single pixel is
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            long pixels = (long) width * height;
            if (pixels <= 0 || pixels > MAX_PIXELS) {
                throw new InvalidInputException("photo", "photo.tooManyPixels");
            }
            ImageReadParam param = reader.getDefaultReadParam();
            int step = subsampling(width, height);
            param.setSourceSubsampling(step, step, 0, 0);
            BufferedImage image = reader.read(0, param);
            if (image == null) {
                throw new InvalidInputException("photo", "photo.notAnImage");
            }
            return image;
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidInputException invalid) {
                throw invalid;
            }
            throw new InvalidInputException("photo", "photo.notAnImage");
        } finally {
            reader.dispose();
        }
    }

    /**
     * Every how many pixels to decode: the largest step that leaves at least {@link #LARGE_SIDE}
     * pixels on the longer side (1, every pixel, below twice that), so the decoded longer side is
     * under 2 &times; LARGE_SIDE and the scaling down that follows still has pixels to average.
     */
    static int subsampling(int width, int height) {
        return Math.max(1, Math.max(width, height) / LARGE_SIDE);
    }

    private static ImageReader reader(Format format) {
        try {
            if (format == Format.WEBP) {
                // created directly: ImageIO's global registry does not see plugins inside the application
                return new WebPImageReaderSpi().createReaderInstance();
            }
            Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.name().toLowerCase());
            if (!readers.hasNext()) {
                throw new IllegalStateException("no ImageIO reader for " + format);
            }
            return readers.next();
        } catch (IOException e) {
            throw new IllegalStateException("cannot create a WebP reader", e);
        }
    }

    /** Scales down (never up) so the longer side is at most {@code maxSide}, onto white. */
    static BufferedImage fit(BufferedImage source, int maxSide) {
        int w = source.getWidth();
        int h = source.getHeight();
        double scale = Math.min(1.0, (double) maxSide / Math.max(w, h));
        int targetW = Math.max(1, (int) Math.round(w * scale));
        int targetH = Math.max(1, (int) Math.round(h * scale));
        BufferedImage current = source;
        // halve in steps: one bilinear jump from a large image looks grainy
        while (current.getWidth() / 2 >= targetW && current.getHeight() / 2 >= targetH) {
            current = draw(current, current.getWidth() / 2, current.getHeight() / 2);
        }
        return draw(current, targetW, targetH);
    }

    private static BufferedImage draw(BufferedImage source, int w, int h) {
        BufferedImage target = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = target.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, w, h);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(source, 0, 0, w, h, null);
        } finally {
            g.dispose();
        }
        return target;
    }

    private static byte[] jpeg(BufferedImage image, float quality) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode JPEG", e);
        } finally {
            writer.dispose();
        }
        return Arrays.copyOf(bytes.toByteArray(), bytes.size());
    }
}
