package org.sejour.infrastructure.storage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.sejour.domain.model.shared.InvalidInputException;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImageProcessorTest {

    private final ImageProcessor processor = new ImageProcessor();

    static byte[] image(String format, int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(30, 111, 184));
        g.fillRect(0, 0, width, height);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }

    @ParameterizedTest
    @ValueSource(strings = {"png", "jpeg"})
    void shrinksLargeImagesKeepingTheirShape(String format) throws IOException {
        ImageProcessor.ProcessedImage result = processor.process(image(format, 3200, 2000));
        assertEquals(1600, result.width());
        assertEquals(1000, result.height());
        BufferedImage thumb = ImageIO.read(new ByteArrayInputStream(result.thumbnail()));
        assertEquals(400, thumb.getWidth());
        assertEquals(250, thumb.getHeight());
    }

    @Test
    void neverEnlargesSmallImages() throws IOException {
        ImageProcessor.ProcessedImage result = processor.process(image("png", 300, 200));
        assertEquals(300, result.width());
        assertEquals(200, result.height());
        BufferedImage large = ImageIO.read(new ByteArrayInputStream(result.large()));
        assertEquals(300, large.getWidth());
    }

    @Test
    void refusesWhatIsNotAnImageWhateverItsName() {
        byte[] text = "this is not a photo".getBytes(StandardCharsets.UTF_8);
        assertEquals("photo.unsupportedFormat",
                assertThrows(InvalidInputException.class, () -> processor.process(text)).messageKey());
    }

    @Test
    void refusesATruncatedImage() throws IOException {
        byte[] png = image("png", 800, 600);
        byte[] truncated = Arrays.copyOf(png, 60);
        assertEquals("photo.notAnImage",
                assertThrows(InvalidInputException.class, () -> processor.process(truncated)).messageKey());
    }

    @Test
    void refusesAFakeWebp() {
        byte[] fake = "RIFF\0\0\0\0WEBPVP8 garbage-garbage".getBytes(StandardCharsets.ISO_8859_1);
        assertEquals("photo.notAnImage",
                assertThrows(InvalidInputException.class, () -> processor.process(fake)).messageKey());
    }

    @Test
    void refusesOversizedUploadsAndEmptyOnes() {
        assertEquals("photo.tooLarge", assertThrows(InvalidInputException.class,
                () -> processor.process(new byte[ImageProcessor.MAX_UPLOAD_BYTES + 1])).messageKey());
        assertEquals("photo.empty",
                assertThrows(InvalidInputException.class, () -> processor.process(new byte[0])).messageKey());
    }

    @Test
    void refusesAPixelBombBeforeDecodingIt() throws IOException {
        // a 1-bit PNG claiming 10000 x 10000 pixels is small on disk but 100 megapixels decoded
        BufferedImage bomb = new BufferedImage(10_000, 10_000, BufferedImage.TYPE_BYTE_BINARY);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(bomb, "png", out);
        assertTrue(out.size() < ImageProcessor.MAX_UPLOAD_BYTES);
        assertEquals("photo.tooManyPixels",
                assertThrows(InvalidInputException.class, () -> processor.process(out.toByteArray())).messageKey());
    }

    @Test
    void refusesAHeaderClaimingHugeDimensionsBeforeReadingAPixel() throws IOException {
        // 57 bytes whose header claims 50,000 x 50,000 pixels (2.5 gigapixels) and no image data at all
        byte[] claim = png(50_000, 50_000, 8, 2, new byte[0]);
        assertTrue(claim.length < 100);
        assertEquals("photo.tooManyPixels",
                assertThrows(InvalidInputException.class, () -> processor.process(claim)).messageKey());
    }

    @ParameterizedTest
    @CsvSource({"300, 200, 1", "1600, 1200, 1", "3199, 3199, 1", "3200, 10, 2", "10, 4799, 2", "4800, 3000, 3",
            "8600, 5800, 5", "16383, 3000, 10"})
    void decodesEveryNthPixelKeepingAtLeastTheLargeViewAndUnderTwiceIt(int width, int height, int step) {
        assertEquals(step, ImageProcessor.subsampling(width, height));
        int longer = Math.max(width, height);
        int decoded = (longer + step - 1) / step;
        assertTrue(decoded >= Math.min(longer, ImageProcessor.LARGE_SIDE) && decoded < 2 * ImageProcessor.LARGE_SIDE,
                decoded + " pixels decoded");
    }

    /**
     * A real 50-megapixel 16-bit RGBA PNG (380 MB as a raster, 2 MB as a file) is stored at
     * 1600 px without ever being decoded whole: what the thread allocates while processing it is
     * measured (an upper bound of the heap it needed) and stays a fraction of the raster's size
     * (55 MB; 663 MB when it was decoded whole).
     */
    @Test
    void aFiftyMegapixelSixteenBitPngIsStoredResizedWithinABoundedHeap() throws IOException {
        int width = 8600;
        int height = 5800;
        byte[] upload = gradientPng16(width, height);
        assertTrue(upload.length < ImageProcessor.MAX_UPLOAD_BYTES, upload.length + " bytes");
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        ImageProcessor.ProcessedImage result = processor.process(upload);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        long raster = (long) width * height * 8;
        System.getLogger(getClass().getName()).log(System.Logger.Level.INFO,
                "50 MP 16-bit PNG of {0} bytes: {1} MB allocated while processing it, its raster is {2} MB",
                upload.length, allocated >> 20, raster >> 20);
        assertTrue(allocated < raster / 5, () -> (allocated >> 20) + " MB allocated for a " + (raster >> 20) + " MB raster");

        assertEquals(1600, result.width());
        assertEquals(1079, result.height());
        BufferedImage large = ImageIO.read(new ByteArrayInputStream(result.large()));
        // the gradient kept its orientation: red grows to the right, green downwards
        assertTrue(new Color(large.getRGB(2, 2)).getRed() < 20 && new Color(large.getRGB(2, 2)).getGreen() < 20);
        assertTrue(new Color(large.getRGB(1597, 2)).getRed() > 235);
        assertTrue(new Color(large.getRGB(2, 1076)).getGreen() > 235);
    }

    /**
     * A 16-bit RGBA PNG written row by row, never held as a raster: red grows from left to
     * right, green from top to bottom. Each row is filtered "Up" (minus the row above), so the
     * file stays small however many rows it has.
     */
    private static byte[] gradientPng16(int width, int height) throws IOException {
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try (DeflaterOutputStream z = new DeflaterOutputStream(data, deflater, 1 << 16)) {
            byte[] prior = new byte[width * 8];
            byte[] row = new byte[width * 8];
            byte[] filtered = new byte[width * 8];
            for (int y = 0; y < height; y++) {
                int green = (int) (65535L * y / (height - 1));
                for (int x = 0; x < width; x++) {
                    int red = (int) (65535L * x / (width - 1));
                    int at = x * 8;
                    row[at] = (byte) (red >> 8);
                    row[at + 1] = (byte) red;
                    row[at + 2] = (byte) (green >> 8);
                    row[at + 3] = (byte) green;
                    row[at + 4] = (byte) 0x80;
                    row[at + 6] = (byte) 0xFF;
                    row[at + 7] = (byte) 0xFF;
                }
                for (int i = 0; i < row.length; i++) {
                    filtered[i] = (byte) (row[i] - prior[i]);
                }
                z.write(2);
                z.write(filtered);
                byte[] done = prior;
                prior = row;
                row = done;
            }
        } finally {
            deflater.end();
        }
        return png(width, height, 16, 6, data.toByteArray());
    }

    /** A PNG file of one IDAT chunk holding {@code data} (compressed, filtered rows). */
    private static byte[] png(int width, int height, int bitDepth, int colorType, byte[] data) throws IOException {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.write(new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        chunk(file, "IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) bitDepth)
                .put((byte) colorType).put((byte) 0).put((byte) 0).put((byte) 0).array());
        chunk(file, "IDAT", data);
        chunk(file, "IEND", new byte[0]);
        return file.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream file, String type, byte[] data) throws IOException {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        file.write(ByteBuffer.allocate(4).putInt(data.length).array());
        file.write(name);
        file.write(data);
        file.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
