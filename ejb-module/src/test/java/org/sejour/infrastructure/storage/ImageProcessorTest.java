package org.sejour.infrastructure.storage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sejour.domain.model.shared.InvalidInputException;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

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
}
