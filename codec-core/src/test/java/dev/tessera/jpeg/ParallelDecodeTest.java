package dev.tessera.jpeg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tessera.jpeg.error.JpegException;
import dev.tessera.jpeg.model.RestartInterval;
import dev.tessera.jpeg.model.Subsampling;
import dev.tessera.testing.Corpus;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * {@link DecoderOptions#threads()}: decoding on several threads gives the pixels, warnings and exceptions of
 * the one-thread decode, for clean files with restart markers (split by restart interval), for files without
 * them (pipelined: entropy decoding on the calling thread, the output stage on a worker) and for damaged ones.
 */
class ParallelDecodeTest {
    /** The parallel decoder splits sequential scans at restart markers: the files here are sequential. */
    private static final EncoderOptions SEQUENTIAL = EncoderOptions.DEFAULT.withProgressive(false);


    /** The outcome of one decode: pixels or the exception, and the warnings in order. */
    record Outcome(byte[] pixels, int width, int height, String error, List<String> warnings) {
    }

    static Outcome decode(byte[] data, int threads, int scale) {
        List<String> warnings = new ArrayList<>();
        JpegDecoder decoder = new JpegDecoder(DecoderOptions.DEFAULT.withThreads(threads).withScale(scale)
            .withListener(w -> warnings.add(w.toString())));
        try {
            BufferedImage image = decoder.decode(data);
            byte[] px = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
            return new Outcome(px, image.getWidth(), image.getHeight(), null, warnings);
        } catch (JpegException | RuntimeException e) {
            return new Outcome(null, 0, 0, e.toString(), warnings);
        }
    }

    static void assertSame(byte[] data, String what) {
        for (int scale : new int[] {1, 2, 8}) {
            Outcome one = decode(data, 1, scale);
            for (int threads : new int[] {2, 3, 7}) {
                Outcome many = decode(data, threads, scale);
                String label = what + " scale 1/" + scale + " threads " + threads;
                assertEquals(one.error(), many.error(), label);
                assertEquals(one.warnings(), many.warnings(), label);
                assertEquals(one.width(), many.width(), label);
                assertEquals(one.height(), many.height(), label);
                assertArrayEquals(one.pixels(), many.pixels(), label);
            }
        }
    }

    private static List<BufferedImage> pictures() throws IOException {
        List<BufferedImage> out = new ArrayList<>();
        out.add(JpegEncoderFixture.image());
        Optional<Path> kodak = Corpus.shared("corpus/kodak/kodim23.png");
        if (kodak.isPresent()) {
            out.add(ImageIO.read(kodak.get().toFile()));
        }
        return out;
    }

    private static byte[] encode(BufferedImage image, EncoderOptions options) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new JpegEncoder(options).encode(image, out);
        return out.toByteArray();
    }

    @Test
    void cleanFilesWithRestartMarkersDecodeAsOnOneThread() throws IOException {
        int n = 0;
        for (BufferedImage picture : pictures()) {
            for (Subsampling s : new Subsampling[] {Subsampling.S420, Subsampling.S444, Subsampling.S422}) {
                for (RestartInterval r : new RestartInterval[] {RestartInterval.mcuRows(1), RestartInterval.mcuRows(3),
                    RestartInterval.mcus(1), RestartInterval.mcus(7)}) {
                    byte[] data = encode(picture, SEQUENTIAL.withSubsampling(s).withRestartInterval(r));
                    assertSame(data, s + " " + r);
                    n++;
                }
            }
            BufferedImage gray = new BufferedImage(picture.getWidth(), picture.getHeight(),
                BufferedImage.TYPE_BYTE_GRAY);
            gray.createGraphics().drawImage(picture, 0, 0, null);
            assertSame(encode(gray, SEQUENTIAL.withRestartInterval(RestartInterval.mcuRows(1))), "gray");
        }
        assertTrue(n > 0);
    }

    @Test
    void aMemoryLimitThatLeavesNoRoomForTheSplitKeepsOneThread() throws IOException {
        BufferedImage picture = pictures().get(pictures().size() - 1);
        byte[] data = encode(picture, SEQUENTIAL.withRestartInterval(RestartInterval.mcuRows(1)));
        Limits d = Limits.DEFAULT;
        // Enough for the one-thread buffers (windows and the output), not for whole-image sample planes too.
        long needed = (long) picture.getWidth() * picture.getHeight() * 3 + (1 << 20);
        Limits tight = new Limits(d.maxPixels(), d.maxScans(), d.maxMarkerMemory(), d.maxComponents(), needed);
        BufferedImage one = new JpegDecoder(DecoderOptions.DEFAULT.withLimits(tight)).decode(data);
        BufferedImage two = new JpegDecoder(DecoderOptions.DEFAULT.withLimits(tight).withThreads(2)).decode(data);
        assertArrayEquals(((DataBufferByte) one.getRaster().getDataBuffer()).getData(),
            ((DataBufferByte) two.getRaster().getDataBuffer()).getData());
    }

    @Test
    void damagedFilesWithRestartMarkersDecodeAsOnOneThread() throws IOException {
        SplittableRandom random = new SplittableRandom(7);
        for (BufferedImage picture : pictures()) {
            byte[] clean = encode(picture, SEQUENTIAL.withRestartInterval(RestartInterval.mcuRows(1)));
            assertSame(java.util.Arrays.copyOf(clean, clean.length * 2 / 3), "truncated");
            for (int i = 0; i < 12; i++) {
                byte[] data = clean.clone();
                int at = clean.length / 4 + random.nextInt(clean.length / 2);
                // Every third damage hits a restart marker's number, the others the data.
                for (int p = at; p < data.length - 2; p++) {
                    if (i % 3 != 0 || (data[p] == (byte) 0xFF && (data[p + 1] & 0xF8) == 0xD0)) {
                        data[i % 3 != 0 ? p : p + 1] ^= (byte) (1 + random.nextInt(255));
                        break;
                    }
                }
                assertSame(data, "damaged " + i + " at " + at);
            }
        }
    }

    @Test
    void referenceCorpusFilesWithRestartMarkersDecodeAsOnOneThread() throws IOException {
        for (ReferenceCorpus.Input input : ReferenceCorpus.all()) {
            Optional<byte[]> data = input.read();
            if (data.isEmpty() || data.get().length > 4 << 20 || !hasRestartInterval(data.get())) {
                continue;
            }
            Outcome one = decode(data.get(), 1, 1);
            Outcome two = decode(data.get(), 2, 1);
            String label = input.toString();
            assertEquals(one.error(), two.error(), label);
            assertEquals(one.warnings(), two.warnings(), label);
            assertArrayEquals(one.pixels(), two.pixels(), label);
        }
    }

    /** A picture large enough to be pipelined ({@code DecoderOptions.MIN_PIXELS_FOR_THREADS}), of odd size. */
    private static BufferedImage large() throws IOException {
        BufferedImage picture = pictures().get(pictures().size() - 1);
        BufferedImage out = new BufferedImage(1001, 693, BufferedImage.TYPE_3BYTE_BGR);
        out.createGraphics().drawImage(picture, 0, 0, 1001, 693, null);
        assertTrue((long) out.getWidth() * out.getHeight()
            >= DecoderOptions.MIN_PIXELS_FOR_THREADS);
        return out;
    }

    private static BufferedImage gray(BufferedImage picture) {
        BufferedImage gray = new BufferedImage(picture.getWidth(), picture.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        gray.createGraphics().drawImage(picture, 0, 0, null);
        return gray;
    }

    @Test
    void cleanFilesWithoutRestartMarkersArePipelinedWithTheOneThreadPixels() throws IOException {
        BufferedImage picture = large();
        for (Subsampling s : new Subsampling[] {Subsampling.S420, Subsampling.S422, Subsampling.S444,
            Subsampling.S440, Subsampling.S411}) {
            byte[] data = encode(picture, SEQUENTIAL.withSubsampling(s));
            assertSame(data, s.toString());
            Outcome one = decode(data, 1, 1);
            Outcome auto = decode(data, DecoderOptions.AUTO_THREADS, 1);
            assertEquals(one.warnings(), auto.warnings(), s + " auto threads");
            assertArrayEquals(one.pixels(), auto.pixels(), s + " auto threads");
        }
        assertSame(encode(gray(picture), SEQUENTIAL), "gray");
    }

    @Test
    void progressiveFilesHaveTheirFinalPassPipelinedWithTheOneThreadPixels() throws IOException {
        BufferedImage picture = large();
        EncoderOptions progressive = EncoderOptions.DEFAULT.withProgressive(true);
        for (Subsampling s : new Subsampling[] {Subsampling.S420, Subsampling.S422, Subsampling.S444}) {
            byte[] data = encode(picture, progressive.withSubsampling(s));
            assertSame(data, "progressive " + s);
            // Cut short: the missing scans make libjpeg-turbo's block smoothing run in the final pass.
            assertSame(java.util.Arrays.copyOf(data, data.length * 2 / 3), "progressive " + s + " truncated");
            assertSame(java.util.Arrays.copyOf(data, data.length / 5), "progressive " + s + " truncated early");
            // Damaged in the last scan, whose rows the final pass follows on the worker when nothing is smoothed.
            assertSame(java.util.Arrays.copyOf(data, data.length - data.length / 50), "progressive " + s
                + " cut in its last scan");
            byte[] damaged = data.clone();
            damaged[data.length - data.length / 20] ^= 0x5A;
            assertSame(damaged, "progressive " + s + " damaged in its last scan");
        }
        assertSame(encode(gray(picture), progressive), "progressive gray");
    }

    @Test
    void damagedFilesWithoutRestartMarkersDecodeAsOnOneThread() throws IOException {
        SplittableRandom random = new SplittableRandom(11);
        BufferedImage picture = large();
        byte[] clean = encode(picture, SEQUENTIAL);
        for (int cut : new int[] {clean.length / 5, clean.length / 2, clean.length - 40}) {
            assertSame(java.util.Arrays.copyOf(clean, cut), "truncated at " + cut);
        }
        for (int i = 0; i < 8; i++) {
            byte[] data = clean.clone();
            int at = clean.length / 4 + random.nextInt(clean.length / 2);
            if (i % 4 == 0) {
                data[at] = (byte) 0xFF; // a marker in the middle of the entropy-coded data
                data[at + 1] = (byte) (0xD0 + random.nextInt(8));
            } else {
                data[at] ^= (byte) (1 + random.nextInt(255));
            }
            assertSame(data, "damaged " + i + " at " + at);
        }
    }

    @Test
    void theOutputStageOfALargeSingleScanFileRunsOnAWorkerThread() throws Exception {
        byte[] data = encode(large(), SEQUENTIAL);
        JpegDecoder decoder = new JpegDecoder(DecoderOptions.DEFAULT.withThreads(2));
        java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.atomic.AtomicReference<Throwable> failed = new java.util.concurrent.atomic.AtomicReference<>();
        Thread decoding = new Thread(() -> {
            try {
                while (!done.get()) {
                    decoder.decode(data);
                }
            } catch (JpegException | RuntimeException e) {
                failed.set(e);
            }
        });
        decoding.start();
        boolean seen = false;
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!seen && failed.get() == null && decoding.isAlive() && System.nanoTime() < deadline) {
            seen = Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().equals("tessera-decode-output"));
            Thread.sleep(1);
        }
        done.set(true);
        decoding.join();
        assertEquals(null, failed.get(), "the decodes failed");
        assertTrue(seen, "no tessera-decode-output thread seen in 20 s of decoding with 2 threads");
    }

    @Test
    void scaledDecodesOfALargeFileArePipelinedWithTheOneThreadPixels() throws IOException {
        // 2112 x 1408: at 1/2 still 1,486,848 pixels, pipelined; at 1/4 and 1/8 too small, on one thread.
        BufferedImage picture = large();
        BufferedImage big = new BufferedImage(2112, 1408, BufferedImage.TYPE_3BYTE_BGR);
        big.createGraphics().drawImage(picture, 0, 0, 2112, 1408, null);
        for (EncoderOptions options : new EncoderOptions[] {SEQUENTIAL.withSubsampling(Subsampling.S420),
            EncoderOptions.DEFAULT.withProgressive(true).withSubsampling(Subsampling.S422)}) {
            byte[] data = encode(big, options);
            Outcome one = decode(data, 1, 2);
            Outcome two = decode(data, 2, 2);
            assertTrue((long) one.width() * one.height() >= DecoderOptions.MIN_PIXELS_FOR_THREADS);
            assertEquals(one.warnings(), two.warnings());
            assertArrayEquals(one.pixels(), two.pixels(), "scale 1/2, " + options.progressive());
        }
    }

    @Test
    void aMemoryLimitThatFitsOnlyOneThreadWindowsDecodesOnOneThread() throws IOException {
        BufferedImage picture = large();
        for (EncoderOptions options : new EncoderOptions[] {SEQUENTIAL, EncoderOptions.DEFAULT.withProgressive(true)}) {
            byte[] data = encode(picture, options);
            Limits d = Limits.DEFAULT;
            // Find the smallest limit the one-thread decode accepts, to within 4 KiB: 2 threads must decode there.
            long low = 0;
            long high = 64L << 20;
            while (high - low > 4096) {
                long mid = (low + high) / 2;
                Limits limits = new Limits(d.maxPixels(), d.maxScans(), d.maxMarkerMemory(), d.maxComponents(), mid);
                try {
                    new JpegDecoder(DecoderOptions.DEFAULT.withLimits(limits)).decode(data);
                    high = mid;
                } catch (JpegException e) {
                    low = mid;
                }
            }
            Limits tight = new Limits(d.maxPixels(), d.maxScans(), d.maxMarkerMemory(), d.maxComponents(), high);
            byte[] one = ((DataBufferByte) new JpegDecoder(DecoderOptions.DEFAULT.withLimits(tight)).decode(data)
                .getRaster().getDataBuffer()).getData();
            byte[] two;
            try {
                two = ((DataBufferByte) new JpegDecoder(DecoderOptions.DEFAULT.withLimits(tight).withThreads(2))
                    .decode(data).getRaster().getDataBuffer()).getData();
            } catch (JpegException e) {
                throw new AssertionError("2 threads refused what 1 thread decodes: " + e.getMessage(), e);
            }
            assertArrayEquals(one, two);
        }
    }

    private static boolean hasRestartInterval(byte[] data) {
        for (int i = 0; i + 1 < data.length; i++) {
            if (data[i] == (byte) 0xFF && data[i + 1] == (byte) 0xDD) {
                return true;
            }
        }
        return false;
    }
}
