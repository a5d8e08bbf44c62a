package dev.tessera.jpeg.decode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tessera.jpeg.EncoderOptions;
import dev.tessera.jpeg.JpegEncoder;
import dev.tessera.jpeg.Limits;
import dev.tessera.jpeg.error.JpegException;
import dev.tessera.jpeg.model.Subsampling;
import dev.tessera.testing.ExternalTool;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link ConcurrentScans}: the scans of a progressive file, deferred to the frame's end and decoded on two threads
 * (with the inverse DCT of the smaller components and the final pass following them), give the pixels, warnings
 * and exceptions of the one-thread decode. Clean files are checked to have had every scan deferred and decoded
 * without starting again; damaged ones, wherever the damage lies, to give the one-thread result.
 */
class ConcurrentScansTest {
    record Outcome(byte[] pixels, String error, List<String> warnings, int[] counts, boolean replayed) {
    }

    static Outcome decode(byte[] data, int threads) {
        List<String> warnings = new ArrayList<>();
        Limits d = Limits.DEFAULT;
        DecodeSettings settings = new DecodeSettings(d.maxPixels(), d.maxScans(), d.maxMarkerMemory(),
            d.maxComponents(), d.maxMemory(), false, false, 1, w -> warnings.add(w.toString()), false, threads,
            false);
        DecodePipeline pipeline = new DecodePipeline(data, settings);
        try {
            BufferedImage image = pipeline.decode();
            byte[] px = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
            return new Outcome(px, null, warnings, counts(pipeline), pipeline.replayed());
        } catch (JpegException | RuntimeException e) {
            return new Outcome(null, e.toString(), warnings, counts(pipeline), pipeline.replayed());
        }
    }

    private static int[] counts(DecodePipeline pipeline) {
        FrameDecoder frame = pipeline.lastFrameDecoder();
        return frame == null ? null : frame.concurrentScanCounts();
    }

    /** Asserts the two-thread and AUTO_THREADS decodes equal the one-thread one; returns the two-thread outcome. */
    private static Outcome assertAsOnOneThread(byte[] data, String what) {
        Outcome one = decode(data, 1);
        assertNull(one.counts(), what + ": one thread defers no scan");
        Outcome two = null;
        for (int threads : new int[] {2, 0, 2}) {
            Outcome other = decode(data, threads);
            String label = what + ", " + threads + " threads";
            assertEquals(one.error(), other.error(), label);
            assertEquals(one.warnings(), other.warnings(), label);
            assertArrayEquals(one.pixels(), other.pixels(), label);
            two = two == null ? other : two;
        }
        return two;
    }

    /** A colour picture with smooth areas, noise and sharp edges, so every scan has data everywhere. */
    static BufferedImage picture(int width, int height, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        byte[] px = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                boolean edge = ((x / 41) + (y / 29)) % 4 == 0;
                for (int c = 0; c < 3; c++) {
                    double v = 128 + 70 * Math.sin(x * (0.013 + 0.01 * c) + y * 0.007 * (c + 1))
                        + 30 * Math.cos((x + 50 * c) * y * 2e-5);
                    v = edge ? 255 - v : v;
                    v += random.nextInt(31) - 15;
                    px[(y * width + x) * 3 + c] = (byte) Math.max(0, Math.min(255, (int) v));
                }
            }
        }
        return image;
    }

    static BufferedImage grey(BufferedImage colour) {
        BufferedImage g = new BufferedImage(colour.getWidth(), colour.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
        g.createGraphics().drawImage(colour, 0, 0, null);
        return g;
    }

    static byte[] progressive(BufferedImage image, Subsampling sampling, int quality) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new JpegEncoder(EncoderOptions.DEFAULT.withProgressive(true).withQuality(quality).withSubsampling(sampling))
            .encode(image, out);
        return out.toByteArray();
    }

    /** The offset of every SOS marker. */
    static List<Integer> scanStarts(byte[] data) {
        List<Integer> starts = new ArrayList<>();
        int p = 2;
        while (p + 4 <= data.length) {
            int code = data[p + 1] & 0xFF;
            if (code == 0xD9) {
                break;
            }
            int length = (data[p + 2] & 0xFF) << 8 | (data[p + 3] & 0xFF);
            if (code != 0xDA) {
                p += 2 + length;
                continue;
            }
            starts.add(p);
            p = dev.tessera.jpeg.io.BitReader.nextMarker(data, p + 2 + length);
        }
        return starts;
    }

    private static void assertCleanAndDeferred(byte[] data, String what) {
        Outcome two = assertAsOnOneThread(data, what);
        assertNotNull(two.pixels(), what);
        assertTrue(two.warnings().isEmpty(), what + ": " + two.warnings());
        assertFalse(two.replayed(), what + ": a clean file is decoded once");
        assertNotNull(two.counts(), what);
        assertEquals(scanStarts(data).size(), two.counts()[0], what + ": every scan deferred");
    }

    @Test
    void cleanProgressiveFilesDecodeTheirScansOnTwoThreadsAsOnOne() throws IOException {
        int[][] sizes = {{700, 520}, {1001, 517}, {517, 1001}, {4104, 72}};
        int workerTasks = 0;
        int files = 0;
        for (int[] size : sizes) {
            BufferedImage picture = picture(size[0], size[1], size[0] * 7L + size[1]);
            for (Subsampling s : new Subsampling[] {Subsampling.S420, Subsampling.S422, Subsampling.S444}) {
                byte[] data = progressive(picture, s, size[0] == 700 ? 95 : 85);
                String what = size[0] + "x" + size[1] + " " + s;
                assertCleanAndDeferred(data, what);
                workerTasks += decode(data, 2).counts()[1];
                files++;
            }
            byte[] grey = progressive(grey(picture), Subsampling.S420, 90);
            assertCleanAndDeferred(grey, size[0] + "x" + size[1] + " grey");
            files++;
        }
        assertEquals(16, files);
        assertTrue(workerTasks > 0, "the worker decoded some of the scans");
    }

    /** Scan scripts for jpegtran -scans: each exercises a different shape of the scans' dependencies. */
    private static final String[][] SCRIPTS = {
        {"first scans of one component's bands at once, no refinement, ending on a first scan",
            "0,1,2: 0-0, 0, 0; 0: 1-5, 0, 0; 0: 6-63, 0, 0; 1: 1-63, 0, 0; 2: 1-63, 0, 0;"},
        {"a band refined before the next band's first scan, ending on a DC refinement",
            "0,1,2: 0-0, 0, 1; 0: 1-5, 0, 1; 0: 1-5, 1, 0; 0: 6-63, 0, 1; 1: 1-63, 0, 0; 2: 1-63, 0, 0;"
                + " 0: 6-63, 1, 0; 0,1,2: 0-0, 1, 0;"},
        {"DC scans one component at a time",
            "0: 0-0, 0, 0; 1: 0-0, 0, 0; 2: 0-0, 0, 0; 2: 1-63, 0, 0; 0: 1-63, 0, 0; 1: 1-63, 0, 0;"},
        {"many bands of the first component, refined together",
            "0,1,2: 0-0, 0, 0; 0: 1-2, 0, 1; 0: 3-9, 0, 1; 0: 10-63, 0, 1; 1: 1-63, 0, 0; 2: 1-63, 0, 0;"
                + " 0: 1-63, 1, 0;"},
    };

    @Test
    void scanScriptsOfEveryShapeDecodeAsOnOneThread() throws IOException {
        ExternalTool jpegtran = ExternalTool.require("jpegtran");
        byte[] sequential;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new JpegEncoder(EncoderOptions.DEFAULT.withProgressive(false).withQuality(90)
            .withSubsampling(Subsampling.S420)).encode(picture(1001, 517, 5), out);
        sequential = out.toByteArray();
        ExternalTool.Result standard = jpegtran.run(sequential, "-progressive");
        assertTrue(standard.clean(), standard.stderr());
        assertCleanAndDeferred(standard.stdout(), "jpegtran -progressive");
        Path script = Files.createTempFile("tessera-scans", ".txt");
        try {
            for (String[] s : SCRIPTS) {
                Files.writeString(script, s[1]);
                ExternalTool.Result r = jpegtran.run(sequential, "-scans", script.toString());
                assertTrue(r.clean(), s[0] + ": " + r.stderr());
                assertEquals(s[1].split(";").length, scanStarts(r.stdout()).size(), s[0]);
                assertCleanAndDeferred(r.stdout(), s[0]);
            }
        } finally {
            Files.deleteIfExists(script);
        }
    }

    private static byte[] insert(byte[] data, int at, byte... bytes) {
        byte[] out = new byte[data.length + bytes.length];
        System.arraycopy(data, 0, out, 0, at);
        System.arraycopy(bytes, 0, out, at, bytes.length);
        System.arraycopy(data, at, out, at + bytes.length, data.length - at);
        return out;
    }

    /** Where scan {@code i}'s entropy-coded data starts. */
    private static int dataStart(byte[] data, int sos) {
        return sos + 2 + ((data[sos + 2] & 0xFF) << 8 | (data[sos + 3] & 0xFF));
    }

    @Test
    void damagedProgressiveFilesDecodeAsOnOneThread() throws IOException {
        byte[] clean = progressive(picture(1001, 517, 9), Subsampling.S420, 90);
        List<Integer> scans = scanStarts(clean);
        assertTrue(scans.size() >= 6, "the default script has several scans");
        int replays = 0;
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < scans.size(); i++) {
            int from = dataStart(clean, scans.get(i));
            int to = i + 1 < scans.size() ? scans.get(i + 1) : clean.length - 2;
            to = dev.tessera.jpeg.io.BitReader.nextMarker(clean, from);
            String scan = "scan " + i;
            // Cut inside the scan: it cannot be deferred, the earlier ones are decoded first.
            assertAsOnOneThread(Arrays.copyOf(clean, from + (to - from) / 2), scan + " cut short");
            // Bytes overwritten in it: it fails on its strict reader and the decode starts again on one thread.
            for (int k = 0; k < 2; k++) {
                byte[] bad = clean.clone();
                int at = from + random.nextInt(Math.max(1, to - from - 8));
                for (int j = 0; j < 1 + 2 * k; j++) {
                    bad[at + j] = (byte) (bad[at + j] == (byte) 0xFF ? 0x12 : random.nextInt(255));
                }
                replays += assertAsOnOneThread(bad, scan + " bytes changed #" + k).replayed() ? 1 : 0;
            }
            // Extraneous bytes after its data, a restart marker in it, fill bytes after it.
            replays += assertAsOnOneThread(insert(clean, to, (byte) 0x12, (byte) 0x34), scan + " extraneous bytes")
                .replayed() ? 1 : 0;
            int middle = from + (to - from) / 2;
            while (clean[middle - 1] == (byte) 0xFF || clean[middle] == (byte) 0xFF) {
                middle++;
            }
            assertAsOnOneThread(insert(clean, middle, (byte) 0xFF, (byte) 0xD5), scan + " RST5 in the data");
            assertAsOnOneThread(insert(clean, to, (byte) 0xFF, (byte) 0xFF), scan + " fill bytes after it");
        }
        assertTrue(replays >= scans.size(), "damaged scans are decoded again on one thread: " + replays);
    }

    @Test
    void warningsAndExceptionsKeepTheirOneThreadOrder() throws IOException {
        byte[] clean = progressive(picture(1001, 517, 13), Subsampling.S420, 90);
        List<Integer> scans = scanStarts(clean);
        // A warning before the first scan (extraneous bytes before a marker), then a damaged scan: the decode
        // starts again, and the early warning is not delivered twice.
        int firstScan = scans.get(0);
        byte[] early = insert(clean, firstScan, (byte) 0x00, (byte) 0x00);
        int third = scans.get(2) + 2;
        int from = dataStart(early, third);
        for (int j = 0; j < 5; j++) {
            early[from + 100 + j] = 0x5A;
        }
        Outcome o = assertAsOnOneThread(early, "an early warning and a damaged scan");
        assertTrue(o.replayed(), "the damaged scan made the decode start again");
        assertTrue(o.warnings().size() >= 2, o.warnings().toString());
        String first = o.warnings().get(0);
        assertTrue(first.contains("extraneous"), first);
        assertEquals(1, o.warnings().stream().filter(first::equals).count(), "delivered once: " + o.warnings());
        // A warning between deferred scans (extraneous bytes before a DHT), with every scan clean: the warning is
        // held until the deferred scans are decoded, and comes in its place.
        int last = scans.get(scans.size() - 1);
        byte[] between = insert(clean, last, (byte) 0x00);
        Outcome b = assertAsOnOneThread(between, "a warning between scans");
        assertEquals(1, b.warnings().size(), b.warnings().toString());
        // The same warning, held, then a damaged deferred scan before it: the held warning is dropped, and the
        // decode that starts again delivers it once, after the damaged scan's.
        byte[] both = between.clone();
        int damaged = dataStart(both, scans.get(1));
        for (int j = 0; j < 5; j++) {
            both[damaged + 50 + j] = 0x5A;
        }
        Outcome d = assertAsOnOneThread(both, "a held warning and a damaged scan");
        assertTrue(d.replayed(), "the damaged scan made the decode start again");
        String held = b.warnings().get(0);
        assertEquals(1, d.warnings().stream().filter(held::equals).count(), "delivered once: " + d.warnings());
        assertTrue(d.warnings().indexOf(held) > 0, "after the damaged scan's warnings: " + d.warnings());
        // The last scan names a Huffman table slot never defined: the exception comes after the deferred scans'
        // decoding, as on one thread.
        byte[] undefined = clean.clone();
        assertEquals(1, undefined[last + 4], "the last scan has one component");
        undefined[last + 6] = 0x33;
        Outcome u = assertAsOnOneThread(undefined, "an undefined table");
        assertNotNull(u.error(), "the missing table is an error");
    }
}
