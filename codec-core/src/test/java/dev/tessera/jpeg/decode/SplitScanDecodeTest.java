package dev.tessera.jpeg.decode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tessera.jpeg.EncoderOptions;
import dev.tessera.jpeg.JpegEncoder;
import dev.tessera.jpeg.Limits;
import dev.tessera.jpeg.error.JpegException;
import dev.tessera.testing.Corpus;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * {@link SplitScanDecoder}: a grey sequential scan without restart markers, decoded on two threads from both
 * ends of its data, gives the pixels, warnings and exceptions of the one-thread decode. Clean scans are
 * checked to be really split (the worker's blocks used from a meeting point on, when the caller waits for the
 * worker so that they meet however the threads are scheduled); damaged ones, wherever the
 * damage lies, fall back to the one-thread decode's result.
 */
class SplitScanDecodeTest {
    /** Decodes per thread count: the first with the caller waiting for its worker, the others as in use. */
    private static final int ATTEMPTS = 3;

    record Outcome(byte[] pixels, String error, List<String> warnings, int meeting,
                   SplitScanDecoder.Outcome split) {
    }

    static Outcome decode(byte[] data, int threads) {
        return decode(data, threads, false);
    }

    /** @param await whether a split decode's caller waits for its worker, so that they meet if they can */
    static Outcome decode(byte[] data, int threads, boolean await) {
        List<String> warnings = new ArrayList<>();
        Limits d = Limits.DEFAULT;
        DecodeSettings settings = new DecodeSettings(d.maxPixels(), d.maxScans(), d.maxMarkerMemory(),
            d.maxComponents(), d.maxMemory(), false, false, 1, w -> warnings.add(w.toString()), false, threads,
            false);
        DecodePipeline pipeline = new DecodePipeline(data, settings);
        pipeline.awaitSplitWorker = await;
        int meeting;
        try {
            BufferedImage image = pipeline.decode();
            meeting = pipeline.lastFrameDecoder().splitMeeting();
            byte[] px = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
            return new Outcome(px, null, warnings, meeting, pipeline.lastFrameDecoder().splitOutcome());
        } catch (JpegException | RuntimeException e) {
            FrameDecoder frame = pipeline.lastFrameDecoder();
            return new Outcome(null, e.toString(), warnings, frame == null ? -1 : frame.splitMeeting(),
                frame == null ? null : frame.splitOutcome());
        }
    }

    /**
     * Asserts the two-thread, three-thread and AUTO_THREADS decodes equal the one-thread one; returns how many of
     * the two- and three-thread ones whose caller waited for its worker (the first of each) used the worker's
     * blocks. The others, timed as in use, may not.
     */
    private static int assertAsOnOneThread(byte[] data, String what, int attempts) {
        return assertAsOnOneThread(data, what, attempts, new ArrayList<>());
    }

    /** As above, adding the split outcome of each decode whose caller waited for its worker to {@code outcomes}. */
    private static int assertAsOnOneThread(byte[] data, String what, int attempts,
                                           List<SplitScanDecoder.Outcome> outcomes) {
        Outcome one = decode(data, 1);
        assertEquals(-1, one.meeting(), what + ": one thread never splits");
        int met = 0;
        for (int attempt = 0; attempt < attempts; attempt++) {
            // 0 is AUTO_THREADS: the worker starts once a core is found idle, perhaps part-way, perhaps never.
            for (int threads : new int[] {2, 3, 0}) {
                Outcome two = decode(data, threads, attempt == 0);
                String label = what + ", " + threads + " threads, attempt " + attempt;
                assertEquals(one.error(), two.error(), label);
                assertEquals(one.warnings(), two.warnings(), label);
                assertArrayEquals(one.pixels(), two.pixels(), label);
                if (attempt == 0 && threads != 0) {
                    outcomes.add(two.split());
                    if (two.meeting() >= 0) {
                        assertEquals(SplitScanDecoder.Outcome.USED, two.split(), label);
                        met++;
                    }
                }
            }
        }
        return met;
    }

    /** A grey picture with smooth areas, noise and sharp edges, so the scan has data everywhere. */
    static BufferedImage picture(int width, int height, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        byte[] px = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        int cx = random.nextInt(width);
        int cy = random.nextInt(height);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                double v = 128 + 60 * Math.sin(x * 0.03 + y * 0.011) + 40 * Math.cos((x - cx) * (y - cy) * 1e-4);
                if (((x / 37) + (y / 23)) % 5 == 0) {
                    v = 255 - v; // hard edges
                }
                v += random.nextInt(41) - 20;
                px[y * width + x] = (byte) Math.max(0, Math.min(255, (int) v));
            }
        }
        return image;
    }

    static byte[] encode(BufferedImage image, int quality, boolean optimize) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new JpegEncoder(EncoderOptions.DEFAULT.withProgressive(false).withQuality(quality)
            .withOptimizeHuffman(optimize)).encode(image, out);
        return out.toByteArray();
    }

    @Test
    void cleanGreyScansAreSplitAndDecodeAsOnOneThread() throws IOException {
        int[][] sizes = {{520, 300}, {1001, 517}, {64, 4104}, {4104, 64}, {777, 1333}};
        int files = 0;
        for (int[] size : sizes) {
            for (int quality : new int[] {40, 90, 100}) {
                byte[] data = encode(picture(size[0], size[1], size[0] * 31L + quality), quality, quality != 90);
                String what = size[0] + "x" + size[1] + " q" + quality;
                assertEquals(2, assertAsOnOneThread(data, what, ATTEMPTS), what + ": the worker's blocks used");
                files++;
            }
        }
        Optional<Path> kodak = Corpus.shared("corpus/kodak/kodim05.png");
        if (kodak.isPresent()) {
            BufferedImage colour = ImageIO.read(kodak.get().toFile());
            BufferedImage grey = new BufferedImage(colour.getWidth(), colour.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
            grey.createGraphics().drawImage(colour, 0, 0, null);
            byte[] data = encode(grey, 85, true);
            assertEquals(2, assertAsOnOneThread(data, "kodim05 grey", ATTEMPTS), "kodim05: the worker's blocks used");
            files++;
        }
        assertTrue(files >= 15);
    }

    /** Offset of the EOI marker at the end of an encoded file. */
    private static int eoi(byte[] data) {
        assertEquals((byte) 0xFF, data[data.length - 2]);
        assertEquals((byte) 0xD9, data[data.length - 1]);
        return data.length - 2;
    }

    private static byte[] insert(byte[] data, int at, byte... bytes) {
        byte[] out = new byte[data.length + bytes.length];
        System.arraycopy(data, 0, out, 0, at);
        System.arraycopy(bytes, 0, out, at, bytes.length);
        System.arraycopy(data, at, out, at + bytes.length, data.length - at);
        return out;
    }

    @Test
    void damagedGreyScansDecodeAsOnOneThread() throws IOException {
        byte[] clean = encode(picture(1001, 517, 3), 85, true);
        int end = eoi(clean);
        int start = clean.length / 10; // inside the scan: the headers of this file are a few hundred bytes
        // Cut short in the first half, near the middle, in the second half, and in the last bytes.
        for (double f : new double[] {0.3, 0.5, 0.55, 0.8, 0.99}) {
            int at = start + (int) ((end - start) * f);
            assertAsOnOneThread(Arrays.copyOf(clean, at), "cut at " + f, 2);
        }
        // Bytes overwritten before the middle, after it, and close to the end.
        List<SplitScanDecoder.Outcome> outcomes = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(11);
        for (double f : new double[] {0.2, 0.45, 0.52, 0.6, 0.75, 0.98}) {
            for (int k = 0; k < 4; k++) {
                byte[] bad = clean.clone();
                int at = start + (int) ((end - start) * f) + random.nextInt(64);
                for (int i = 0; i < 1 + k; i++) {
                    bad[at + i * 7] = (byte) random.nextInt(256);
                }
                assertAsOnOneThread(bad, "bytes changed at " + f + " #" + k, 2, outcomes);
            }
        }
        // Extraneous bytes before EOI, a stray marker in the second half, fill bytes before EOI (legal), and
        // data after EOI (not part of the scan).
        assertAsOnOneThread(insert(clean, end, (byte) 0x12, (byte) 0x34, (byte) 0x56), "extraneous bytes", 2);
        assertAsOnOneThread(insert(clean, end, (byte) 0x12), "an extraneous byte", 2);
        int middle = start + (end - start) * 3 / 4;
        while (clean[middle - 1] == (byte) 0xFF || clean[middle] == (byte) 0xFF) {
            middle++;
        }
        assertAsOnOneThread(insert(clean, middle, (byte) 0xFF, (byte) 0xD3), "RST3 in the data", 2);
        assertAsOnOneThread(insert(clean, middle, (byte) 0xFF, (byte) 0xE1, (byte) 0, (byte) 2), "APP1 in the data", 2);
        // Fill bytes before the marker after the scan: a reader reports that marker at the first fill byte or
        // the last, depending on how far it read ahead, so the worker's blocks are not used (the caller decodes).
        assertEquals(0, assertAsOnOneThread(insert(clean, end, (byte) 0xFF, (byte) 0xFF), "fill bytes", ATTEMPTS,
            outcomes), "fill bytes before EOI");
        byte[] badMarker = Arrays.copyOf(clean, end + 4);
        badMarker[end] = (byte) 0xFF;
        badMarker[end + 1] = (byte) 0xFF;
        badMarker[end + 2] = (byte) 0xFF;
        badMarker[end + 3] = 0x02;
        assertAsOnOneThread(badMarker, "fill bytes, then an invalid marker", ATTEMPTS, outcomes);
        byte[] secondFrame = Arrays.copyOf(clean, end + 4);
        secondFrame[end] = (byte) 0xFF;
        secondFrame[end + 1] = (byte) 0xFF;
        secondFrame[end + 2] = (byte) 0xC0;
        assertAsOnOneThread(secondFrame, "fill bytes, then a second SOF0", ATTEMPTS, outcomes);
        byte[] noFill = Arrays.copyOf(clean, end + 2);
        noFill[end + 1] = 0x02;
        assertEquals(2, assertAsOnOneThread(noFill, "an invalid marker after the scan", ATTEMPTS),
            "a marker straight after the scan ends it cleanly, whatever the marker");
        byte[] appended = Arrays.copyOf(clean, clean.length + 5000);
        for (int i = clean.length; i < appended.length; i++) {
            appended[i] = (byte) random.nextInt(256);
        }
        assertEquals(2, assertAsOnOneThread(appended, "data after EOI", ATTEMPTS), "data after EOI is no damage");
        // With the caller waiting, damage after the worker's start is met and then found by the worker.
        assertTrue(outcomes.contains(SplitScanDecoder.Outcome.MET_THEN_FAILED), outcomes.toString());
    }

    @Test
    void aScanWithDataEverywhereButOneEndStillDecodesAsOnOneThread() throws IOException {
        // Flat top half (a few bytes of data), busy bottom half: the middle of the data is far down the image.
        BufferedImage image = picture(900, 700, 5);
        byte[] px = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        Arrays.fill(px, 0, 900 * 350, (byte) 77);
        byte[] data = encode(image, 90, true);
        assertEquals(2, assertAsOnOneThread(data, "flat top", ATTEMPTS), "flat top: the worker's blocks used");
        Arrays.fill(px, (byte) 77);
        assertEquals(0, assertAsOnOneThread(encode(image, 90, true), "flat image", 2), "too little data to split");
    }
}
