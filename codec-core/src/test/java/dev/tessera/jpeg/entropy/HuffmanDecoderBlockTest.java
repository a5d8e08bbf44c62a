package dev.tessera.jpeg.entropy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tessera.jpeg.io.BitReader;
import dev.tessera.jpeg.io.BitWriter;
import dev.tessera.jpeg.io.ByteSink;
import dev.tessera.jpeg.io.ByteSource;
import dev.tessera.jpeg.io.WarningSink;
import dev.tessera.jpeg.model.HuffmanSpec;
import dev.tessera.jpeg.model.StandardTables;
import dev.tessera.jpeg.spec.ZigZag;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link HuffmanDecoder#decodeMcu} (bit buffer in locals) against T.81's procedures (F.2.2.1, F.2.2.2,
 * F.2.2.3 DECODE) one symbol at a time through the {@link BitReader}'s methods: the same coefficients, the
 * same insufficient-data state after every MCU and the same warnings at the same offsets, on valid 4:2:0
 * scans, the same cut short, and random bytes (bad codes, runs past coefficient 63, markers in the data).
 */
class HuffmanDecoderBlockTest {
    private static final int[] NATURAL = ZigZag.zigZagToNaturalPadded();
    /** A 4:2:0 MCU: four Y blocks, then Cb and Cr. */
    private static final int[] MEMBERSHIP = {0, 0, 0, 0, 1, 2};

    private record Result(short[] coefficients, boolean[] insufficient, java.util.List<String> warnings) {
    }

    private static HuffmanLookup[] tables(boolean dc) throws Exception {
        HuffmanSpec luma = dc ? StandardTables.LUMINANCE_DC : StandardTables.LUMINANCE_AC;
        HuffmanSpec chroma = dc ? StandardTables.CHROMINANCE_DC : StandardTables.CHROMINANCE_AC;
        return new HuffmanLookup[] {HuffmanLookup.of(luma, dc), HuffmanLookup.of(chroma, dc),
            HuffmanLookup.of(chroma, dc)};
    }

    private static Result decode(byte[] data, int mcus, boolean reference) throws Exception {
        java.util.List<String> seen = new java.util.ArrayList<>();
        WarningSink warnings = new WarningSink(w -> seen.add(w.kind() + "@" + w.offset()), false);
        BitReader bits = new BitReader(new ByteSource(data, warnings), warnings);
        bits.startScan();
        HuffmanLookup[] dc = tables(true);
        HuffmanLookup[] ac = tables(false);
        long[][] masks = {new long[mcus * MEMBERSHIP.length], new long[mcus * MEMBERSHIP.length],
            new long[mcus * MEMBERSHIP.length]};
        HuffmanDecoder decoder = new HuffmanDecoder(bits, dc, ac, MEMBERSHIP, masks);
        int[] predictions = new int[3];
        short[] all = new short[mcus * MEMBERSHIP.length * 64];
        boolean[] insufficient = new boolean[mcus];
        short[][] blocks = new short[MEMBERSHIP.length][];
        int[] offsets = new int[MEMBERSHIP.length];
        for (int m = 0; m < mcus; m++) {
            for (int b = 0; b < MEMBERSHIP.length; b++) {
                blocks[b] = all;
                offsets[b] = (m * MEMBERSHIP.length + b) * 64;
            }
            if (!bits.insufficientData()) {
                if (reference) {
                    referenceMcu(bits, dc, ac, predictions, blocks, offsets);
                } else {
                    decoder.decodeMcu(blocks, offsets);
                }
            }
            insufficient[m] = bits.insufficientData();
        }
        if (!reference) {
            // Each block's mask is exactly its non-zero AC coefficients, plus the DC bit once decoded (the
            // IDCT's mask variant relies on that).
            for (int m = 0; m < mcus; m++) {
                for (int b = 0; b < MEMBERSHIP.length; b++) {
                    int at = (m * MEMBERSHIP.length + b) * 64;
                    long mask = masks[MEMBERSHIP[b]][at >> 6];
                    for (int n = 1; n < 64; n++) {
                        assertEquals(all[at + n] != 0, (mask & (1L << n)) != 0,
                            "mask of block " + b + " of MCU " + m + ", coefficient " + n);
                    }
                }
            }
        }
        seen.add("count " + warnings.count());
        return new Result(all, insufficient, seen);
    }

    /** T.81 F.2.2.1 and Figure F.13 through the reader's methods, as the decoder did before it kept the bits in locals. */
    private static void referenceMcu(BitReader bits, HuffmanLookup[] dc, HuffmanLookup[] ac, int[] predictions,
                                     short[][] blocks, int[] offsets) throws Exception {
        for (int b = 0; b < MEMBERSHIP.length; b++) {
            int ci = MEMBERSHIP[b];
            // Each look-up peeks FAST_BITS first, as the decoder always has (the same fills, so warning offsets).
            int e = dc[ci].fastTable()[bits.peekBits(HuffmanLookup.FAST_BITS)];
            int s;
            if (e != 0) {
                bits.skipBits(e & 31);
                s = e >> 16;
            } else {
                s = dc[ci].decode(bits);
                if (s != 0) {
                    s = HuffmanLookup.extend(bits.getBits(s), s);
                }
            }
            predictions[ci] += s;
            blocks[b][offsets[b]] = (short) predictions[ci];
            for (int k = 1; k < 64; k++) {
                e = ac[ci].fastTable()[bits.peekBits(HuffmanLookup.FAST_BITS)];
                if (e != 0) {
                    // The combined entry: bits consumed, run, value (or EOB, ZRL), as T.81 would decode them.
                    bits.skipBits(e & 31);
                    if ((e & (HuffmanLookup.FAST_EOB | HuffmanLookup.FAST_ZRL)) == 0) {
                        k += (e >> 8) & 15;
                        blocks[b][offsets[b] + NATURAL[k]] = (short) (e >> 16);
                    } else if ((e & HuffmanLookup.FAST_ZRL) != 0) {
                        k += 15;
                    } else {
                        break;
                    }
                    continue;
                }
                int rs = ac[ci].decode(bits);
                int r = rs >> 4;
                s = rs & 15;
                if (s != 0) {
                    k += r;
                    blocks[b][offsets[b] + NATURAL[k]] = (short) HuffmanLookup.extend(bits.getBits(s), s);
                } else if (r == 15) {
                    k += 15;
                } else {
                    break;
                }
            }
        }
    }

    /** A valid scan of random blocks (sparse and dense, small and large magnitudes), ending with EOI. */
    private static byte[] encode(Random r, int mcus) throws Exception {
        return encode(r, mcus, false);
    }

    /**
     * @param allOnes whether the AC coefficients are 2^9 - 1 or 2^10 - 1: 16-bit codes that start with nine
     *                ones and magnitude bits all ones, so that most bytes are stuffed 0xFF (T.81 F.1.2.3)
     */
    private static byte[] encode(Random r, int mcus, boolean allOnes) throws Exception {
        HuffmanTable[] dc = {new HuffmanTable(StandardTables.LUMINANCE_DC),
            new HuffmanTable(StandardTables.CHROMINANCE_DC), new HuffmanTable(StandardTables.CHROMINANCE_DC)};
        HuffmanTable[] ac = {new HuffmanTable(StandardTables.LUMINANCE_AC),
            new HuffmanTable(StandardTables.CHROMINANCE_AC), new HuffmanTable(StandardTables.CHROMINANCE_AC)};
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteSink sink = new ByteSink(out);
        BitWriter w = new BitWriter(sink);
        int[] predictions = new int[3];
        for (int m = 0; m < mcus; m++) {
            for (int ci : MEMBERSHIP) {
                int[] zz = new int[64];
                int density = r.nextInt(4);
                int maxBits = 1 + r.nextInt(10);
                for (int k = 0; k < 64; k++) {
                    if (k == 0 || r.nextInt(8) < density * 2) {
                        int v = r.nextInt(1 << maxBits) - (1 << (maxBits - 1));
                        zz[k] = allOnes && k > 0 ? (1 << (9 + r.nextInt(2))) - 1 : v;
                    }
                }
                int diff = zz[0] - predictions[ci];
                predictions[ci] = zz[0];
                int size = magnitudeBits(diff);
                w.writeBits(dc[ci].codeOf(size), dc[ci].lengthOf(size));
                writeMagnitude(w, diff, size);
                int run = 0;
                for (int k = 1; k < 64; k++) {
                    if (zz[k] == 0) {
                        run++;
                        continue;
                    }
                    while (run > 15) {
                        w.writeBits(ac[ci].codeOf(0xF0), ac[ci].lengthOf(0xF0));
                        run -= 16;
                    }
                    int s = magnitudeBits(zz[k]);
                    w.writeBits(ac[ci].codeOf(run << 4 | s), ac[ci].lengthOf(run << 4 | s));
                    writeMagnitude(w, zz[k], s);
                    run = 0;
                }
                if (run > 0) {
                    w.writeBits(ac[ci].codeOf(0), ac[ci].lengthOf(0));
                }
            }
        }
        w.flushToByteBoundary();
        sink.flush();
        out.write(0xFF);
        out.write(0xD9);
        return out.toByteArray();
    }

    private static int magnitudeBits(int v) {
        return 32 - Integer.numberOfLeadingZeros(Math.abs(v));
    }

    private static void writeMagnitude(BitWriter w, int v, int size) throws Exception {
        if (size != 0) {
            w.writeBits((v < 0 ? v - 1 : v) & ((1 << size) - 1), size);
        }
    }

    private static void assertSame(byte[] data, int mcus) throws Exception {
        Result expected = decode(data, mcus, true);
        Result actual = decode(data, mcus, false);
        assertArrayEquals(expected.coefficients(), actual.coefficients());
        assertArrayEquals(expected.insufficient(), actual.insufficient());
        assertEquals(expected.warnings(), actual.warnings());
    }

    @Test
    void validScansDecodeAsTheProcedures() throws Exception {
        Random r = new Random(7);
        for (int i = 0; i < 40; i++) {
            int mcus = 1 + r.nextInt(60);
            byte[] data = encode(r, mcus);
            assertSame(data, mcus);
            assertEquals(false, decode(data, mcus, false).insufficient()[mcus - 1]);
        }
    }

    /**
     * Long scans, so that MCUs are decoded from the data array directly (when some 5,000 bytes are left), with
     * plain bytes and with most bytes stuffed: every way that refill takes bytes around a stuffed 0xFF, and
     * MCUs handed back to the reader in the middle (at the cut).
     */
    @Test
    void longScansWithDenseStuffingDecodeAsTheProcedures() throws Exception {
        Random r = new Random(17);
        for (int i = 0; i < 30; i++) {
            boolean allOnes = i % 2 == 1;
            int mcus = 300 + r.nextInt(300);
            byte[] data = encode(r, mcus, allOnes);
            int stuffed = 0;
            for (int j = 0; j + 1 < data.length; j++) {
                if (data[j] == (byte) 0xFF && data[j + 1] == 0) {
                    stuffed++;
                }
            }
            assertTrue(data.length > 15000, "a scan long enough to be read directly: " + data.length);
            if (allOnes) {
                assertTrue(stuffed * 4 > data.length, stuffed + " stuffed bytes of " + data.length);
            }
            assertSame(data, mcus);
            // Cut in the middle: the direct reading gives way to the reader's before the marker.
            int cut = data.length / 2 + r.nextInt(data.length / 4);
            byte[] shortened = Arrays.copyOf(data, cut + 2);
            shortened[cut] = (byte) 0xFF;
            shortened[cut + 1] = (byte) 0xD9;
            assertSame(shortened, mcus);
        }
    }

    @Test
    void scansCutShortDecodeAsTheProcedures() throws Exception {
        Random r = new Random(11);
        for (int i = 0; i < 200; i++) {
            int mcus = 2 + r.nextInt(30);
            byte[] data = encode(r, mcus);
            int cut = r.nextInt(data.length - 2);
            byte[] shortened = Arrays.copyOf(data, cut + 2);
            shortened[cut] = (byte) 0xFF;
            shortened[cut + 1] = (byte) 0xD9;
            assertSame(shortened, mcus);
            assertSame(Arrays.copyOf(data, cut), mcus); // no marker at all: the end of the file
        }
    }

    @Test
    void randomBytesDecodeAsTheProcedures() throws Exception {
        Random r = new Random(13);
        for (int i = 0; i < 300; i++) {
            byte[] data = new byte[1 + r.nextInt(2000)];
            r.nextBytes(data);
            if (r.nextBoolean()) {
                // Mostly no markers: every 0xFF stuffed, so that long garbage runs are decoded.
                for (int j = 0; j < data.length - 1; j++) {
                    if (data[j] == (byte) 0xFF) {
                        data[j + 1] = 0;
                    }
                }
            }
            assertSame(data, 1 + r.nextInt(80));
        }
    }
}
