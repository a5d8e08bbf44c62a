package dev.tessera.jpeg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tessera.jpeg.imageio.TesseraJpegReadParam;
import dev.tessera.jpeg.model.ImageMetadata;
import dev.tessera.jpeg.model.JfifHeader;
import dev.tessera.jpeg.model.Orientation;
import dev.tessera.jpeg.model.Transform;
import dev.tessera.jpeg.raster.ImageTransforms;
import dev.tessera.testing.ExternalTool;
import dev.tessera.testing.TestImageGenerator;
import java.awt.Rectangle;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;

/** The EXIF Orientation tag: reading and rewriting it, and the decoder's auto-orientation. */
class OrientationTest {
    private static final int W = 37;
    private static final int H = 23;

    /** A TIFF structure with IFD0 = {Make "Tes", Orientation (SHORT) value, Software "x"} in the given order. */
    static byte[] tiff(boolean little, int orientation) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(little ? new byte[] {'I', 'I'} : new byte[] {'M', 'M'});
        put16(b, 42, little);
        put32(b, 8, little);
        put16(b, 3, little);
        entry(b, 0x010F, 2, 4, little, new byte[] {'T', 'e', 's', 0});
        byte[] v = new byte[4];
        v[little ? 0 : 0] = (byte) (little ? orientation : 0);
        v[1] = (byte) (little ? 0 : orientation);
        entry(b, 0x0112, 3, 1, little, v);
        entry(b, 0x0131, 2, 2, little, new byte[] {'x', 0, 0, 0});
        put32(b, 0, little);
        return b.toByteArray();
    }

    private static void entry(ByteArrayOutputStream b, int tag, int type, int count, boolean little, byte[] value) {
        put16(b, tag, little);
        put16(b, type, little);
        put32(b, count, little);
        b.writeBytes(value);
    }

    private static void put16(ByteArrayOutputStream b, int v, boolean little) {
        if (little) {
            b.write(v);
            b.write(v >> 8);
        } else {
            b.write(v >> 8);
            b.write(v);
        }
    }

    private static void put32(ByteArrayOutputStream b, int v, boolean little) {
        if (little) {
            put16(b, v, true);
            put16(b, v >>> 16, true);
        } else {
            put16(b, v >>> 16, false);
            put16(b, v, false);
        }
    }

    static byte[] jpegWithOrientation(BufferedImage image, int orientation) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageMetadata metadata = new ImageMetadata(JfifHeader.DEFAULT,
            orientation == 0 ? null : tiff(orientation % 2 == 0, orientation), null, List.of());
        new JpegEncoder().encode(image, metadata, out);
        return out.toByteArray();
    }

    @Test
    void readsAndRewritesTheTagInBothByteOrders() {
        for (boolean little : new boolean[] {true, false}) {
            for (int v = 1; v <= 8; v++) {
                byte[] t = tiff(little, v);
                assertEquals(Optional.of(Orientation.values()[v - 1]), Orientation.fromExif(t));
                byte[] upright = Orientation.rewriteExif(t, Orientation.TOP_LEFT);
                assertEquals(Optional.of(Orientation.TOP_LEFT), Orientation.fromExif(upright));
                int changed = 0;
                for (int i = 0; i < t.length; i++) {
                    changed += t[i] != upright[i] ? 1 : 0;
                }
                assertEquals(v == 1 ? 0 : 1, changed, "only the value's low byte changes");
                assertEquals(v, Orientation.fromExif(t).get().tag(), "the input is not changed");
            }
            assertEquals(Optional.empty(), Orientation.fromExif(tiff(little, 0)), "0 is outside 1..8");
            assertEquals(Optional.empty(), Orientation.fromExif(tiff(little, 9)), "9 is outside 1..8");
        }
    }

    @Test
    void damagedExifMeansNoOrientationAndNeverThrows() {
        assertEquals(Optional.empty(), Orientation.fromExif(null));
        assertEquals(Optional.empty(), Orientation.fromExif(new byte[0]));
        assertEquals(Optional.empty(), Orientation.fromExif("Exif\0\0II*\0".getBytes(StandardCharsets.ISO_8859_1)));
        byte[] good = tiff(true, 6);
        for (int n = 0; n < good.length; n++) {
            byte[] cut = java.util.Arrays.copyOf(good, n);
            Optional<Orientation> o = Orientation.fromExif(cut);
            // The entry ends at byte 8 + 2 + 24 = 34: shorter copies lose the tag, longer ones keep it.
            assertEquals(n >= 34 ? Optional.of(Orientation.RIGHT_TOP) : Optional.empty(), o, "cut at " + n);
            assertEquals(cut.length, Orientation.rewriteExif(cut, Orientation.TOP_LEFT).length);
        }
        Random random = new Random(18);
        for (int i = 0; i < 20_000; i++) {
            byte[] junk = good.clone();
            for (int k = 0; k < 1 + random.nextInt(4); k++) {
                junk[random.nextInt(junk.length)] = (byte) random.nextInt(256);
            }
            Orientation.fromExif(junk);
            Orientation.rewriteExif(junk, Orientation.TOP_LEFT);
            byte[] noise = new byte[random.nextInt(64)];
            random.nextBytes(noise);
            if (noise.length > 1) {
                noise[0] = noise[1] = (byte) (random.nextBoolean() ? 'I' : 'M');
            }
            Orientation.fromExif(noise);
        }
    }

    @Test
    void decoderTurnsEveryOrientationUpright() throws IOException {
        BufferedImage source = TestImageGenerator.noise().getSubimage(0, 0, W, H);
        BufferedImage stored = new JpegDecoder().decode(jpegWithOrientation(source, 0));
        JpegDecoder upright = new JpegDecoder(DecoderOptions.DEFAULT.withAutoOrient(true));
        assertTrue(upright.options().autoOrient());
        assertEquals(false, upright.options().withAutoOrient(false).autoOrient());
        assertEquals(DecoderOptions.DEFAULT, upright.options().withAutoOrient(false));
        for (int v = 1; v <= 8; v++) {
            byte[] jpeg = jpegWithOrientation(source, v);
            Orientation o = Orientation.values()[v - 1];
            assertEquals(Optional.of(o), new JpegDecoder().readInfo(jpeg).orientation());
            BufferedImage plain = new JpegDecoder().decode(jpeg);
            assertPixelsEqual(stored, plain);
            assertMapped(plain, upright.decode(jpeg), o.toUpright());
        }
        // No tag: the decoder's image as it is.
        byte[] none = jpegWithOrientation(source, 0);
        assertEquals(Optional.empty(), new JpegDecoder().readInfo(none).orientation());
        assertPixelsEqual(stored, upright.decode(none));
    }

    @Test
    void decoderTurnsGrayScaledAndSixteenBitImagesToo() throws IOException {
        BufferedImage gray = new BufferedImage(W, H, BufferedImage.TYPE_BYTE_GRAY);
        gray.getGraphics().drawImage(TestImageGenerator.noise(), 0, 0, null);
        byte[] jpeg = jpegWithOrientation(gray, 6);
        for (int scale : new int[] {1, 2}) {
            DecoderOptions options = DecoderOptions.DEFAULT.withScale(scale);
            BufferedImage plain = new JpegDecoder(options).decode(jpeg);
            BufferedImage turned = new JpegDecoder(options.withAutoOrient(true)).decode(jpeg);
            assertEquals(BufferedImage.TYPE_BYTE_GRAY, turned.getType());
            assertMapped(plain, turned, Transform.ROTATE_90);
        }
    }

    @Test
    void pixelTransformKeepsTheImageTypeAndMovesEveryPixel() {
        Random random = new Random(19);
        List<BufferedImage> images = new java.util.ArrayList<>();
        for (int type : new int[] {BufferedImage.TYPE_BYTE_GRAY, BufferedImage.TYPE_USHORT_GRAY,
            BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_INT_RGB}) {
            images.add(new BufferedImage(W, H, type));
        }
        ComponentColorModel cmyk = new ComponentColorModel(JpegDecoder.cmykColorSpace(), false, false,
            Transparency.OPAQUE, DataBuffer.TYPE_BYTE);
        images.add(new BufferedImage(cmyk, cmyk.createCompatibleWritableRaster(W, H), false, null));
        ComponentColorModel rgb16 = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB), false, false,
            Transparency.OPAQUE, DataBuffer.TYPE_USHORT);
        images.add(new BufferedImage(rgb16, rgb16.createCompatibleWritableRaster(W, H), false, null));
        for (BufferedImage image : images) {
            WritableRaster r = image.getRaster();
            int max = (1 << r.getSampleModel().getSampleSize(0)) - 1;
            for (int y = 0; y < H; y++) {
                for (int x = 0; x < W; x++) {
                    for (int b = 0; b < r.getNumBands(); b++) {
                        r.setSample(x, y, b, random.nextInt(max + 1));
                    }
                }
            }
            for (Transform t : Transform.values()) {
                BufferedImage out = ImageTransforms.apply(image, t);
                assertEquals(image.getType(), out.getType(), t + " on type " + image.getType());
                assertMapped(image, out, t);
            }
        }
    }

    @Test
    void imageIoReadParamTurnsTheSelectedRegionUpright() throws IOException {
        BufferedImage source = TestImageGenerator.landscape().getSubimage(0, 0, 61, 45);
        byte[] jpeg = jpegWithOrientation(source, 8);
        for (boolean region : new boolean[] {false, true}) {
            TesseraJpegReadParam plain = new TesseraJpegReadParam();
            TesseraJpegReadParam turned = new TesseraJpegReadParam();
            turned.setAutoOrient(true);
            for (TesseraJpegReadParam p : List.of(plain, turned)) {
                if (region) {
                    p.setSourceRegion(new Rectangle(5, 3, 40, 31));
                    p.setSourceSubsampling(2, 3, 1, 0);
                }
            }
            BufferedImage a = read(jpeg, plain);
            BufferedImage b = read(jpeg, turned);
            assertMapped(a, b, Transform.ROTATE_270);
        }
        TesseraJpegReadParam withDestination = new TesseraJpegReadParam();
        withDestination.setAutoOrient(true);
        withDestination.setDestination(new BufferedImage(61, 45, BufferedImage.TYPE_3BYTE_BGR));
        assertThrows(javax.imageio.IIOException.class, () -> read(jpeg, withDestination));
    }

    @Test
    void exiftoolReadsTheTagWeWriteAndWeReadTheTagItWrites() throws IOException {
        Optional<ExternalTool> exiftool = ExternalTool.find("exiftool");
        assumeTrue(exiftool.isPresent(), "exiftool is not installed (Debian package libimage-exiftool-perl): "
            + "skipping the cross-check with it");
        BufferedImage source = TestImageGenerator.gradient().getSubimage(0, 0, W, H);
        byte[] plain = jpegWithOrientation(source, 0);
        // Few runs (exiftool starts slowly): ours little-endian (6) and big-endian (7); exiftool's 3 and 8.
        for (int v : new int[] {6, 7}) {
            assertEquals(String.valueOf(v), exifOrientation(exiftool.get(), jpegWithOrientation(source, v)));
        }
        for (int v : new int[] {3, 8}) {
            ExternalTool.Result r = exiftool.get().run(plain, "-Orientation#=" + v, "-o", "-", "-");
            assertEquals(0, r.exitCode(), r.stderr());
            assertEquals(Optional.of(Orientation.values()[v - 1]), new JpegDecoder().readInfo(r.stdout()).orientation());
        }
    }

    static String exifOrientation(ExternalTool exiftool, byte[] jpeg) throws IOException {
        ExternalTool.Result r = exiftool.run(jpeg, "-n", "-s3", "-Orientation", "-");
        assertEquals(0, r.exitCode(), r.stderr());
        return new String(r.stdout(), StandardCharsets.US_ASCII).trim();
    }

    private static BufferedImage read(byte[] jpeg, TesseraJpegReadParam param) throws IOException {
        ImageReader reader = ImageIO.getImageReadersByFormatName("jpeg").next();
        assertTrue(reader.getClass().getName().startsWith("dev.tessera"), "Tessera's reader comes first");
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(jpeg))) {
            reader.setInput(in);
            return reader.read(0, param);
        } finally {
            reader.dispose();
        }
    }

    /** Every pixel (x, y) of {@code before} is at {@code t.map(x, y)} in {@code after}. */
    static void assertMapped(BufferedImage before, BufferedImage after, Transform t) {
        int w = before.getWidth();
        int h = before.getHeight();
        assertEquals(t.transposes() ? h : w, after.getWidth(), t + " width");
        assertEquals(t.transposes() ? w : h, after.getHeight(), t + " height");
        Raster a = before.getRaster();
        Raster b = after.getRaster();
        assertEquals(a.getNumBands(), b.getNumBands());
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int[] p = t.map(x, y, w, h);
                assertArrayEquals(a.getPixel(x, y, (int[]) null), b.getPixel(p[0], p[1], (int[]) null),
                    t + " at " + x + "," + y);
            }
        }
    }

    static void assertPixelsEqual(BufferedImage a, BufferedImage b) {
        assertMapped(a, b, Transform.NONE);
    }
}
