package dev.tessera.jpeg.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tessera.jpeg.DecoderOptions;
import dev.tessera.jpeg.EncoderOptions;
import dev.tessera.jpeg.JpegDecoder;
import dev.tessera.jpeg.JpegEncoder;
import dev.tessera.jpeg.Limits;
import dev.tessera.jpeg.error.JpegException;
import dev.tessera.jpeg.error.JpegLimitException;
import dev.tessera.jpeg.model.Subsampling;
import dev.tessera.jpeg.spec.Marker;
import dev.tessera.testing.Corpus;
import dev.tessera.testing.TestImageGenerator;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Limits are checked before allocating, and a valid file's decode allocates at most a stated multiple of its
 * output image (docs/security.md): measured with {@code ThreadMXBean.getThreadAllocatedBytes}.
 */
class ResourceLimitsTest {
    /**
     * The stated bound: a decode allocates at most {@value #MULTIPLE} times the bytes of the output raster
     * plus {@value #FIXED} bytes (tables, lookups and row buffers, which dominate for tiny images).
     */
    static final double MULTIPLE = 4.0;
    static final long FIXED = 1L << 20;

    /**
     * 30 bytes: SOI, SOF0 declaring 65535 x 65535 with one component, SOS, three bytes of entropy-coded data,
     * EOI.
     */
    static final byte[] HUGE_FRAME = {
        (byte) 0xFF, (byte) 0xD8,
        (byte) 0xFF, (byte) 0xC0, 0, 11, 8, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 1, 1, 0x11, 0,
        (byte) 0xFF, (byte) 0xDA, 0, 8, 1, 1, 0, 0, 63, 0,
        0x12, 0x34, 0x56,
        (byte) 0xFF, (byte) 0xD9};

    @BeforeAll
    static void loadClasses() throws IOException {
        // Class loading allocates; measure the decoder, not the first use of its classes.
        for (int i = 0; i < 3; i++) {
            decode(Corpus.resource("/jpeg/gray-sample.jpg"), DecoderOptions.DEFAULT);
            decode(HUGE_FRAME, DecoderOptions.DEFAULT);
            decode(HUGE_FRAME, DecoderOptions.DEFAULT.withLimits(Limits.DEFAULT.withMaxPixels(Long.MAX_VALUE)));
        }
    }

    @Test
    void thirtyByteFileClaiming65535x65535FailsFastWithoutAllocating() {
        assertEquals(30, HUGE_FRAME.length);
        long before = Allocation.current();
        long start = System.nanoTime();
        JpegLimitException e = assertThrows(JpegLimitException.class, () -> new JpegDecoder().decode(HUGE_FRAME));
        long allocated = Allocation.current() - before;
        long micros = (System.nanoTime() - start) / 1000;
        assertEquals(2, e.offset(), e.getMessage());
        assertEquals(Marker.SOF0, e.marker());
        assertTrue(allocated < 64 * 1024, "allocated " + allocated + " bytes");
        assertTrue(micros < 100_000, micros + " us");
    }

    @Test
    void withoutAPixelLimitTheMemoryLimitStopsItBeforeAllocating() {
        JpegDecoder decoder = new JpegDecoder(DecoderOptions.DEFAULT.withLimits(
            Limits.DEFAULT.withMaxPixels(Long.MAX_VALUE)));
        long before = Allocation.current();
        JpegLimitException e = assertThrows(JpegLimitException.class, () -> decoder.decode(HUGE_FRAME));
        long allocated = Allocation.current() - before;
        assertEquals(15, e.offset(), e.getMessage()); // the SOS, where the buffers would be allocated
        assertTrue(e.getMessage().contains("memory limit"), e.getMessage());
        // Before the check only per-row set-up proportional to the width (at most 65535) is allocated, not the
        // 4 GiB of buffers 65535 x 65535 would need.
        assertTrue(allocated < 1 << 20, "allocated " + allocated + " bytes");
    }

    @Test
    void memoryLimitIsConfigurable() throws IOException {
        byte[] data = Corpus.resource("/jpeg/gray-sample.jpg");
        BufferedImage image = new JpegDecoder().decode(data);
        long raster = rasterBytes(image);
        JpegDecoder tight = new JpegDecoder(DecoderOptions.DEFAULT.withLimits(Limits.DEFAULT.withMaxMemory(raster)));
        JpegLimitException e = assertThrows(JpegLimitException.class, () -> tight.decode(data));
        assertTrue(e.getMessage().contains("memory limit of " + raster), e.getMessage());
    }

    @Test
    void componentLimitIsConfigurable() throws IOException {
        byte[] colour = Corpus.resource("/jpeg/cmyk-sample.jpg");
        JpegDecoder threeAtMost = new JpegDecoder(DecoderOptions.DEFAULT.withLimits(
            Limits.DEFAULT.withMaxComponents(3)));
        JpegLimitException e = assertThrows(JpegLimitException.class, () -> threeAtMost.decode(colour));
        assertTrue(e.getMessage().contains("4 components exceed the limit of 3"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Limits.DEFAULT.withMaxComponents(11));
        assertThrows(IllegalArgumentException.class, () -> Limits.DEFAULT.withMaxMemory(0));
    }

    @Test
    void scanLimitIsConfigurable() throws IOException {
        byte[] data = new JpegEncoder(EncoderOptions.DEFAULT.withProgressive(true))
            .encode(TestImageGenerator.gradient());
        JpegDecoder oneScan = new JpegDecoder(DecoderOptions.DEFAULT.withLimits(Limits.DEFAULT.withMaxScans(1)));
        JpegLimitException e = assertThrows(JpegLimitException.class, () -> oneScan.decode(data));
        assertEquals(Marker.SOS, e.marker());
        assertTrue(e.getMessage().contains("more than 1 scans"), e.getMessage());
    }

    /**
     * Every valid file of the TwelveMonkeys {@code jpeg} folder and the shared conformance corpus, sequential
     * and progressive, allocates at most MULTIPLE x its output + FIXED bytes.
     */
    @Test
    void decodeAllocatesAtMostAStatedMultipleOfItsOutput() throws IOException {
        List<byte[]> files = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (String name : Corpus.twelveMonkeys("jpeg")) {
            files.add(Corpus.resource(name));
            names.add(name);
        }
        Optional<Path> conformance = Corpus.shared("corpus/conformance");
        if (conformance.isPresent()) {
            List<String> lines = Files.readAllLines(conformance.get().resolve("INDEX.tsv"));
            for (String line : lines.subList(1, lines.size())) {
                String[] f = line.split("\t");
                if (!f[9].startsWith("robustness") && f[8].startsWith("ok")) {
                    files.add(Files.readAllBytes(conformance.get().resolve(f[0])));
                    names.add(f[0]);
                }
            }
        } else {
            System.out.println("ResourceLimitsTest: ../shared/corpus/conformance is absent: TwelveMonkeys files only");
        }
        // Large files of our own in each mode, so that progressive files of every sampling are measured too.
        BufferedImage picture = new BufferedImage(1200, 900, BufferedImage.TYPE_3BYTE_BGR);
        picture.getGraphics().drawImage(TestImageGenerator.landscape(), 0, 0, 1200, 900, null);
        BufferedImage gray = new BufferedImage(1200, 900, BufferedImage.TYPE_BYTE_GRAY);
        gray.getGraphics().drawImage(picture, 0, 0, null);
        for (boolean progressive : new boolean[] {false, true}) {
            for (Subsampling sampling : Subsampling.values()) {
                files.add(new JpegEncoder(EncoderOptions.DEFAULT.withProgressive(progressive)
                    .withSubsampling(sampling)).encode(picture));
                names.add("tessera " + sampling + (progressive ? " progressive" : ""));
            }
            files.add(new JpegEncoder(EncoderOptions.DEFAULT.withProgressive(progressive)).encode(gray));
            names.add("tessera gray" + (progressive ? " progressive" : ""));
        }
        double[] worst = new double[2];
        String[] worstName = {"", ""};
        int measured = 0;
        for (int i = 0; i < files.size(); i++) {
            boolean progressive;
            try {
                progressive = new JpegDecoder().readInfo(files.get(i)).frame().process() == Marker.SOF2;
            } catch (JpegException e) {
                continue;
            }
            long before = Allocation.current();
            BufferedImage image = decode(files.get(i), DecoderOptions.DEFAULT);
            long allocated = Allocation.current() - before;
            if (image == null) {
                continue; // unsupported or broken
            }
            measured++;
            long raster = rasterBytes(image);
            if (allocated > MULTIPLE * raster + FIXED) {
                // The first file to reach a class loads it, which allocates (much more under the Jazzer agent
                // the fuzz tests install in this JVM): measure that file's decode again.
                before = Allocation.current();
                decode(files.get(i), DecoderOptions.DEFAULT);
                allocated = Allocation.current() - before;
            }
            assertTrue(allocated <= MULTIPLE * raster + FIXED,
                names.get(i) + ": allocated " + allocated + " bytes for a raster of " + raster);
            int kind = progressive ? 1 : 0;
            if (raster >= FIXED && (double) allocated / raster > worst[kind]) {
                worst[kind] = (double) allocated / raster;
                worstName[kind] = names.get(i);
            }
        }
        System.out.printf("allocation: %d valid files; worst multiple among rasters of 1 MiB or more: sequential "
            + "%.2f (%s), progressive %.2f (%s)%n", measured, worst[0], worstName[0], worst[1], worstName[1]);
        assertTrue(measured > 20, "measured " + measured);
    }

    private static long rasterBytes(BufferedImage image) {
        DataBuffer buffer = image.getRaster().getDataBuffer();
        return (long) buffer.getSize() * buffer.getNumBanks() * DataBuffer.getDataTypeSize(buffer.getDataType()) / 8;
    }

    private static BufferedImage decode(byte[] data, DecoderOptions options) {
        try {
            return new JpegDecoder(options).decode(data);
        } catch (JpegException e) {
            return null;
        }
    }
}
