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
        return decode(data, threads, 1, false, Limits.DEFAULT.maxMemory());
    }

    static Outcome decode(byte[] data, int threads, int scale, boolean grayscale, long maxMemory) {
        List<String> warnings = new ArrayList<>();
        Limits d = Limits.DEFAULT;
        DecodeSettings settings = new DecodeSettings(d.maxPixels(), d.maxScans(), d.maxMarkerMemory(),
            d.maxComponents(), maxMemory, false, false, scale, w -> warnings.add(w.toString()), false, threads,
            grayscale);
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

    /** Entropy-coded bits, MSB first, with 0xFF stuffed (T.81 F.1.2.3) and the last byte padded with 1 bits. */
    private static final class Bits {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private int acc;
        private int count;

        Bits put(int value, int length) {
            for (int i = length - 1; i >= 0; i--) {
                acc = acc << 1 | (value >> i & 1);
                if (++count == 8) {
                    out.write(acc);
                    if (acc == 0xFF) {
                        out.write(0);
                    }
                    acc = 0;
                    count = 0;
                }
            }
            return this;
        }

        byte[] done() {
            if (count > 0) {
                put((1 << (8 - count)) - 1, 8 - count);
            }
            return out.toByteArray();
        }
    }

    /** The AC table of the hand-made files: these symbols, each a 4-bit code (its index). */
    private static final int[] AC_SYMBOLS = {0x00, 0x01, 0x04, 0x0A, 0x20, 0x91, 0xB0, 0xC0, 0xE0, 0xE1};

    private static Bits symbol(Bits bits, int rs) {
        for (int i = 0; i < AC_SYMBOLS.length; i++) {
            if (AC_SYMBOLS[i] == rs) {
                return bits.put(i, 4);
            }
        }
        throw new IllegalArgumentException(Integer.toHexString(rs));
    }

    private static void segment(ByteArrayOutputStream out, int code, byte[] payload) {
        out.write(0xFF);
        out.write(code);
        out.write((payload.length + 2) >> 8);
        out.write(payload.length + 2);
        out.writeBytes(payload);
    }

    /** SOI, a quantization table, a progressive grey frame of size x size, the DC and AC tables, the DC scan. */
    private static ByteArrayOutputStream greyProgressive(int size, int[] quant) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0xFF);
        out.write(0xD8);
        byte[] dqt = new byte[65];
        for (int k = 0; k < 64; k++) {
            dqt[k + 1] = (byte) quant[k];
        }
        segment(out, 0xDB, dqt);
        segment(out, 0xC2, new byte[] {8, (byte) (size >> 8), (byte) size, (byte) (size >> 8), (byte) size, 1, 1,
            0x11, 0});
        ByteArrayOutputStream dht = new ByteArrayOutputStream();
        dht.write(0x00); // DC table 0: categories 0 ("0") and 1 ("10")
        dht.writeBytes(new byte[] {1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x00, 0x01});
        dht.write(0x10); // AC table 0: every symbol 4 bits long
        byte[] counts = new byte[16];
        counts[3] = (byte) AC_SYMBOLS.length;
        dht.writeBytes(counts);
        for (int rs : AC_SYMBOLS) {
            dht.write(rs);
        }
        segment(out, 0xC4, dht.toByteArray());
        Bits dc = new Bits();
        for (int b = 0; b < (size / 8) * (size / 8); b++) {
            dc.put(0, 1);
        }
        scan(out, 0, 0, 0, 0, dc);
        return out;
    }

    private static void scan(ByteArrayOutputStream out, int ss, int se, int ah, int al, Bits bits) {
        segment(out, 0xDA, new byte[] {1, 1, 0x00, (byte) ss, (byte) se, (byte) (ah << 4 | al)});
        out.writeBytes(bits.done());
    }

    private static byte[] end(ByteArrayOutputStream out) {
        out.write(0xFF);
        out.write(0xD9);
        return out.toByteArray();
    }

    @Test
    void hostileProgressionsDecodeAsOnOneThread() {
        int size = 512;
        int blocks = (size / 8) * (size / 8);
        // A band 1-5 scan whose last run overshoots to coefficient 15, which the band 6-63 scan, decoded at the
        // same time, writes too: libjpeg follows the run without a warning, so the scan is unclean only for
        // being decoded beside another; the decode starts again on one thread.
        int[] quant = new int[64];
        Arrays.fill(quant, 1);
        quant[15] = 100;
        ByteArrayOutputStream race = greyProgressive(size, quant);
        Bits low = new Bits();
        for (int b = 0; b < blocks - 1; b++) {
            for (int k = 0; k < 4; k++) {
                symbol(low, 0x0A).put(k % 2 == 0 ? 0b1000000000 : 0b0111111111, 10);
            }
            symbol(low, 0x00);
        }
        symbol(low, 0xE1).put(1, 1); // run 14 from k = 1: coefficient 15, past Se = 5
        scan(race, 1, 5, 0, 0, low);
        Bits high = new Bits();
        symbol(high, 0xB0).put(blocks - 1 - 2048, 11); // EOBRUN of every block but the last
        symbol(high, 0x91).put(0, 1); // run 9 from k = 6: coefficient 15 as well
        symbol(high, 0x00);
        scan(race, 6, 63, 0, 0, high);
        byte[] overshoot = end(race);
        Outcome o = assertAsOnOneThread(overshoot, "a run past the band");
        assertTrue(o.warnings().isEmpty(), o.warnings().toString());
        assertTrue(o.replayed(), "a scan that wrote past its band is decoded again on one thread");

        // A first scan of band 1-62 at Al = 13 whose value truncates to zero after an earlier first scan of the
        // same band made it non-zero: the later scan cannot keep masks of its own (an OR cannot clear a bit).
        Arrays.fill(quant, 1);
        ByteArrayOutputStream trunc = greyProgressive(size, quant);
        scan(trunc, 63, 63, 0, 0, symbol(new Bits(), 0xC0).put(0, 12)); // EOBRUN 4096
        Bits first = symbol(new Bits(), 0xB0).put(2047, 11);
        symbol(first, 0x01).put(1, 1);
        symbol(first, 0x00);
        scan(trunc, 1, 62, 0, 0, first);
        Bits again = symbol(new Bits(), 0xB0).put(2047, 11);
        symbol(again, 0x04).put(0b1000, 4); // 8 << 13 is 0 as a 16-bit value
        symbol(again, 0x00);
        scan(trunc, 1, 62, 0, 13, again);
        Bits refine = symbol(new Bits(), 0xB0).put(2047, 11);
        symbol(refine, 0x00);
        scan(trunc, 1, 62, 13, 12, refine);
        Outcome t = assertAsOnOneThread(end(trunc), "a value truncated to zero over an earlier band");
        assertNotNull(t.pixels(), "decodes");

        // The same, with the earlier first scan decoded at once (a fill byte after it), not deferred: its mask
        // bits are in the component's masks before any task runs.
        ByteArrayOutputStream early = greyProgressive(size, quant);
        Bits atOnce = symbol(new Bits(), 0xB0).put(2047, 11);
        symbol(atOnce, 0x01).put(1, 1);
        symbol(atOnce, 0x00);
        scan(early, 1, 62, 0, 0, atOnce);
        early.write(0xFF);
        scan(early, 63, 63, 0, 0, symbol(new Bits(), 0xC0).put(0, 12));
        Bits truncated = symbol(new Bits(), 0xB0).put(2047, 11);
        symbol(truncated, 0x04).put(0b1000, 4);
        symbol(truncated, 0x00);
        scan(early, 1, 62, 0, 13, truncated);
        Bits refined = symbol(new Bits(), 0xB0).put(2047, 11);
        symbol(refined, 0x00);
        scan(early, 1, 62, 13, 12, refined);
        Outcome e = assertAsOnOneThread(end(early), "a value truncated to zero over a band decoded at once");
        assertNotNull(e.pixels(), "decodes");
    }

    @Test
    void scaledGreyAndMemoryLimitedDecodesAreAsOnOneThread() throws IOException {
        byte[] data = progressive(picture(1201, 917, 21), Subsampling.S420, 90);
        long unlimited = Limits.DEFAULT.maxMemory();
        for (int scale : new int[] {1, 2, 4, 8}) {
            for (boolean grey : new boolean[] {false, true}) {
                Outcome one = decode(data, 1, scale, grey, unlimited);
                Outcome two = decode(data, 2, scale, grey, unlimited);
                String what = "scale 1/" + scale + (grey ? ", grey output" : "");
                assertNotNull(one.pixels(), what);
                assertArrayEquals(one.pixels(), two.pixels(), what);
                assertEquals(one.warnings(), two.warnings(), what);
            }
        }
        // The least memory a one-thread decode needs, then a little more: the deferred scans, masks of their own,
        // whole planes and the final pass's bands each take what is left, or are done without.
        long low = 1;
        long high = unlimited;
        while (low < high) {
            long mid = (low + high) >>> 1;
            if (decode(data, 1, 1, false, mid).pixels() != null) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        Outcome one = decode(data, 1, 1, false, low);
        assertNotNull(one.pixels());
        int deferredSome = 0;
        for (long extra : new long[] {0, 20_000, 100_000, 300_000, 1_000_000, 3_000_000, 10_000_000}) {
            Outcome two = decode(data, 2, 1, false, low + extra);
            assertEquals(one.error(), two.error(), "limit + " + extra);
            assertArrayEquals(one.pixels(), two.pixels(), "limit + " + extra);
            deferredSome += two.counts() != null && two.counts()[0] > 0 ? 1 : 0;
        }
        assertTrue(deferredSome > 0, "some limits leave room to defer scans");
        assertNull(decode(data, 2, 1, false, low - 1).pixels(), "below the one-thread need, no decode");
    }
}
