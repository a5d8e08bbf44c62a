package dev.tessera.jpeg.entropy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tessera.jpeg.io.BitReader;
import dev.tessera.jpeg.io.ByteSource;
import dev.tessera.jpeg.io.WarningSink;
import dev.tessera.jpeg.model.HuffmanSpec;
import dev.tessera.jpeg.model.StandardTables;
import dev.tessera.jpeg.spec.ZigZag;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link ProgressiveHuffmanDecoder}'s AC scans (bit buffer in locals, non-zero masks, branch-free
 * corrections) against T.81 G.1.2.2 and G.1.2.3 done one bit at a time through the {@link BitReader}: the
 * same coefficients, end-of-band runs, insufficient-data state and warnings, on random data (which has bad
 * codes, runs past Se, EOBr runs and markers) over random histories, including corrupt ones; and the masks
 * always match the coefficients.
 */
class ProgressiveRefineTest {
    private static final int[] NATURAL = ZigZag.zigZagToNaturalPadded();

    /** AC symbols of refinement scans (EOB0..EOB14, ZRL, run/size 1) plus a few invalid size-2 ones, codes up to 16 bits. */
    static HuffmanSpec refineSpec() {
        int[] counts = {0, 1, 2, 3, 4, 4, 4, 4, 3, 2, 2, 1, 1, 1, 1, 1};
        int[] symbols = new int[34];
        int i = 0;
        symbols[i++] = 0x00;
        symbols[i++] = 0x01;
        symbols[i++] = 0x11;
        symbols[i++] = 0x10;
        for (int r = 2; r < 16; r++) {
            symbols[i++] = r << 4 | 1;
        }
        for (int r = 2; r < 15; r++) {
            symbols[i++] = r << 4;
        }
        symbols[i++] = 0xF0;
        symbols[i++] = 0x02;
        symbols[i++] = 0x32;
        return new HuffmanSpec(counts, symbols);
    }

    /** G.1.2.2 and G.1.2.3 through the reader's methods, as the decoder did before it kept the bits in locals. */
    private static final class Reference {
        int endOfBandRun;

        void acRefine(BitReader bits, HuffmanLookup ac, short[] block, int base, int ss, int se, int al)
            throws Exception {
            int p1 = 1 << al;
            int m1 = -1 << al;
            int k = ss;
            if (endOfBandRun == 0) {
                for (; k <= se; k++) {
                    int rs = ac.decode(bits);
                    int r = rs >> 4;
                    int s = rs & 15;
                    if (s != 0) {
                        if (s != 1) {
                            bits.reportBadCode();
                        }
                        s = bits.getBit() != 0 ? p1 : m1;
                    } else if (r != 15) {
                        endOfBandRun = 1 << r;
                        if (r != 0) {
                            endOfBandRun += bits.getBits(r);
                        }
                        break;
                    }
                    do {
                        int pos = base + NATURAL[k];
                        short coef = block[pos];
                        if (coef != 0) {
                            if (bits.getBit() != 0 && (coef & p1) == 0) {
                                block[pos] = (short) (coef >= 0 ? coef + p1 : coef + m1);
                            }
                        } else if (--r < 0) {
                            break;
                        }
                        k++;
                    } while (k <= se);
                    if (s != 0) {
                        block[base + NATURAL[k]] = (short) s;
                    }
                }
            }
            if (endOfBandRun > 0) {
                int window = bits.peekBits(16);
                int used = 0;
                for (; k <= se; k++) {
                    int pos = base + NATURAL[k];
                    short coef = block[pos];
                    if (coef != 0) {
                        if (used == 16) {
                            bits.skipBits(16);
                            window = bits.peekBits(16);
                            used = 0;
                        }
                        int bit = (window >>> (15 - used)) & 1;
                        used++;
                        if (bit != 0 && (coef & p1) == 0) {
                            block[pos] = (short) (coef >= 0 ? coef + p1 : coef + m1);
                        }
                    }
                }
                bits.skipBits(used);
                endOfBandRun--;
            }
        }

        void acFirst(BitReader bits, HuffmanLookup ac, short[] block, int base, int ss, int se, int al)
            throws Exception {
            if (endOfBandRun > 0) {
                endOfBandRun--;
                return;
            }
            int[] fast = ac.fastTable();
            for (int k = ss; k <= se; k++) {
                // The combined look-up as the decoder has long done it (its fills, so its warning offsets).
                int e = fast[bits.peekBits(HuffmanLookup.FAST_BITS)];
                if (e != 0) {
                    bits.skipBits(e & 31);
                    if ((e & (HuffmanLookup.FAST_EOB | HuffmanLookup.FAST_ZRL)) == 0) {
                        k += (e >> 8) & 15;
                        block[base + NATURAL[k]] = (short) ((e >> 16) << al);
                    } else if ((e & HuffmanLookup.FAST_ZRL) != 0) {
                        k += 15;
                    } else {
                        break;
                    }
                    continue;
                }
                int rs = ac.decode(bits);
                int r = rs >> 4;
                int s = rs & 15;
                if (s != 0) {
                    k += r;
                    int v = HuffmanLookup.extend(bits.getBits(s), s);
                    block[base + NATURAL[k]] = (short) (v << al);
                } else if (r == 15) {
                    k += 15;
                } else {
                    endOfBandRun = 1 << r;
                    if (r != 0) {
                        endOfBandRun += bits.getBits(r);
                    }
                    endOfBandRun--;
                    break;
                }
            }
        }
    }

    private static long mask(short[] block, int base) {
        long m = 0;
        for (int k = 1; k < 64; k++) {
            if (block[base + NATURAL[k]] != 0) {
                m |= 1L << k;
            }
        }
        return m;
    }

    /** Random bytes; one time in three long enough (over 528 bytes) for the decoder to read them directly. */
    private static byte[] randomData(Random r) {
        byte[] data = new byte[r.nextInt(3) == 0 ? 600 + r.nextInt(3000) : 1 + r.nextInt(600)];
        r.nextBytes(data);
        boolean stuff = r.nextInt(4) != 0;
        for (int j = 0; j < data.length - 1; j++) {
            if (data[j] == (byte) 0xFF && stuff) {
                data[j + 1] = 0;
            }
        }
        return data;
    }

    /** Random coefficients: a history above bit Al (valid), or any 16-bit value (corrupt), or zero. */
    private static short[] randomBlocks(Random r, int blocks, int al) {
        short[] c = new short[blocks * 64];
        int density = r.nextInt(5);
        boolean corrupt = r.nextInt(4) == 0;
        for (int i = 0; i < c.length; i++) {
            if (i % 64 != 0 && r.nextInt(8) < density) {
                int v = corrupt ? r.nextInt(65536) - 32768 : (1 + r.nextInt(40)) << (al + 1);
                c[i] = (short) (r.nextBoolean() ? v : -v);
            }
        }
        return c;
    }

    private void compare(Random r, boolean refine, HuffmanSpec spec) throws Exception {
        int ss = 1 + r.nextInt(63);
        int se = ss + r.nextInt(64 - ss);
        int al = r.nextInt(r.nextInt(4) == 0 ? 14 : 4);
        byte[] data = randomData(r);
        int blocks = 1 + r.nextInt(data.length > 600 ? 200 : 40);
        short[] start = refine ? randomBlocks(r, blocks, al) : new short[blocks * 64];
        if (!refine && r.nextBoolean()) {
            start = randomBlocks(r, blocks, al); // a bogus second first scan of the band
        }
        HuffmanLookup ac = HuffmanLookup.of(spec, false);

        short[] expected = start.clone();
        java.util.List<String> l1 = new java.util.ArrayList<>();
        WarningSink w1 = new WarningSink(x -> l1.add(x.kind() + "@" + x.offset()), false);
        BitReader b1 = new BitReader(new ByteSource(data, w1), w1);
        b1.startScan();
        Reference ref = new Reference();
        boolean[] flags1 = new boolean[blocks];
        for (int b = 0; b < blocks; b++) {
            if (!b1.insufficientData()) {
                if (refine) {
                    ref.acRefine(b1, ac, expected, b * 64, ss, se, al);
                } else {
                    ref.acFirst(b1, ac, expected, b * 64, ss, se, al);
                }
            }
            flags1[b] = b1.insufficientData();
        }

        short[] actual = start.clone();
        long[] masks = new long[blocks];
        for (int b = 0; b < blocks; b++) {
            masks[b] = mask(actual, b * 64);
        }
        java.util.List<String> l2 = new java.util.ArrayList<>();
        WarningSink w2 = new WarningSink(x -> l2.add(x.kind() + "@" + x.offset()), false);
        BitReader b2 = new BitReader(new ByteSource(data, w2), w2);
        b2.startScan();
        ProgressiveHuffmanDecoder d = new ProgressiveHuffmanDecoder(b2, null, ac, masks, new int[1], ss, se,
            refine ? al + 1 : 0, al);
        boolean[] flags2 = new boolean[blocks];
        short[][] one = {actual};
        for (int b = 0; b < blocks; b++) {
            if (!b2.insufficientData()) {
                d.decodeMcu(one, new int[] {b * 64});
            }
            flags2[b] = b2.insufficientData();
        }
        assertArrayEquals(expected, actual);
        assertArrayEquals(flags1, flags2);
        assertEquals(l1, l2, "warnings, refine " + refine + " ss " + ss + " se " + se + " al " + al);
        assertEquals(w1.count(), w2.count());
        for (int b = 0; b < blocks; b++) {
            assertEquals(mask(actual, b * 64), masks[b], "mask of block " + b);
        }
    }

    @Test
    void refinementScansMatchG123() throws Exception {
        Random r = new Random(5);
        for (int i = 0; i < 3000; i++) {
            compare(r, true, i % 3 == 0 ? StandardTables.LUMINANCE_AC : refineSpec());
        }
    }

    @Test
    void firstScansMatchG122AndKeepTheMasks() throws Exception {
        Random r = new Random(9);
        for (int i = 0; i < 2000; i++) {
            compare(r, false, i % 2 == 0 ? StandardTables.LUMINANCE_AC : refineSpec());
        }
    }

    /**
     * DC first scans (one look-up for code and magnitude when 16 bits are held) against T.81 G.1.2.1 through
     * the reader's DECODE and RECEIVE: the same coefficients, insufficient-data state and warnings, on random
     * data with one to three components, Al 0..13.
     */
    @Test
    void dcFirstScansMatchG121() throws Exception {
        Random r = new Random(21);
        HuffmanLookup[] tables = {HuffmanLookup.of(StandardTables.LUMINANCE_DC, true),
            HuffmanLookup.of(StandardTables.CHROMINANCE_DC, true)};
        for (int i = 0; i < 2000; i++) {
            int components = 1 + r.nextInt(3);
            int[] membership = components == 1 ? new int[1] : components == 2 ? new int[] {0, 0, 1}
                : new int[] {0, 0, 0, 0, 1, 2};
            HuffmanLookup[] dc = new HuffmanLookup[components];
            for (int c = 0; c < components; c++) {
                dc[c] = tables[r.nextInt(2)];
            }
            int al = r.nextInt(14);
            int mcus = 1 + r.nextInt(60);
            byte[] data = randomData(r);
            int n = membership.length;

            short[] expected = new short[mcus * n * 64];
            java.util.List<String> l1 = new java.util.ArrayList<>();
            WarningSink w1 = new WarningSink(x -> l1.add(x.kind() + "@" + x.offset()), false);
            BitReader b1 = new BitReader(new ByteSource(data, w1), w1);
            b1.startScan();
            int[] pred = new int[components];
            boolean[] flags1 = new boolean[mcus];
            for (int m = 0; m < mcus; m++) {
                // As ScanDecoder: an MCU is decoded whole when it starts with data left.
                boolean dataLeft = !b1.insufficientData();
                for (int b = 0; b < n && dataLeft; b++) {
                    int ci = membership[b];
                    int s = dc[ci].decode(b1);
                    if (s != 0) {
                        s = HuffmanLookup.extend(b1.getBits(s), s);
                    }
                    pred[ci] += s;
                    expected[(m * n + b) * 64] = (short) (pred[ci] << al);
                }
                flags1[m] = b1.insufficientData();
            }

            short[] actual = new short[mcus * n * 64];
            java.util.List<String> l2 = new java.util.ArrayList<>();
            WarningSink w2 = new WarningSink(x -> l2.add(x.kind() + "@" + x.offset()), false);
            BitReader b2 = new BitReader(new ByteSource(data, w2), w2);
            b2.startScan();
            ProgressiveHuffmanDecoder d = new ProgressiveHuffmanDecoder(b2, dc, null, null, membership, 0, 0, 0, al);
            short[][] blocks = new short[n][];
            java.util.Arrays.fill(blocks, actual);
            int[] offsets = new int[n];
            boolean[] flags2 = new boolean[mcus];
            for (int m = 0; m < mcus; m++) {
                for (int b = 0; b < n; b++) {
                    offsets[b] = (m * n + b) * 64;
                }
                if (!b2.insufficientData()) {
                    d.decodeMcu(blocks, offsets);
                }
                flags2[m] = b2.insufficientData();
            }
            assertArrayEquals(expected, actual, "case " + i);
            assertArrayEquals(flags1, flags2);
            assertEquals(l1, l2, "warnings, case " + i);
        }
    }

    /**
     * DC refinement scans (the MCU's bits taken at once when held) against T.81 G.1.2.1 one bit at a time
     * through the reader: the same coefficients, insufficient-data state and warnings.
     */
    @Test
    void dcRefinementScansMatchG121() throws Exception {
        Random r = new Random(23);
        for (int i = 0; i < 2000; i++) {
            int[] membership = switch (r.nextInt(3)) {
                case 0 -> new int[1];
                case 1 -> new int[] {0, 0, 1};
                default -> new int[] {0, 0, 0, 0, 1, 2};
            };
            int al = r.nextInt(14);
            int mcus = 1 + r.nextInt(200);
            int n = membership.length;
            byte[] data = randomData(r);
            short[] start = new short[mcus * n * 64];
            for (int b = 0; b < mcus * n; b++) {
                start[b * 64] = (short) ((r.nextInt(4000) - 2000) << (al + 1));
            }

            short[] expected = start.clone();
            java.util.List<String> l1 = new java.util.ArrayList<>();
            WarningSink w1 = new WarningSink(x -> l1.add(x.kind() + "@" + x.offset()), false);
            BitReader b1 = new BitReader(new ByteSource(data, w1), w1);
            b1.startScan();
            boolean[] flags1 = new boolean[mcus];
            for (int m = 0; m < mcus; m++) {
                boolean dataLeft = !b1.insufficientData();
                for (int b = 0; b < n && dataLeft; b++) {
                    if (b1.getBit() != 0) {
                        expected[(m * n + b) * 64] |= (short) (1 << al);
                    }
                }
                flags1[m] = b1.insufficientData();
            }

            short[] actual = start.clone();
            java.util.List<String> l2 = new java.util.ArrayList<>();
            WarningSink w2 = new WarningSink(x -> l2.add(x.kind() + "@" + x.offset()), false);
            BitReader b2 = new BitReader(new ByteSource(data, w2), w2);
            b2.startScan();
            ProgressiveHuffmanDecoder d = new ProgressiveHuffmanDecoder(b2, null, null, null, membership, 0, 0,
                al + 1, al);
            short[][] blocks = new short[n][];
            java.util.Arrays.fill(blocks, actual);
            int[] offsets = new int[n];
            boolean[] flags2 = new boolean[mcus];
            for (int m = 0; m < mcus; m++) {
                for (int b = 0; b < n; b++) {
                    offsets[b] = (m * n + b) * 64;
                }
                if (!b2.insufficientData()) {
                    d.decodeMcu(blocks, offsets);
                }
                flags2[m] = b2.insufficientData();
            }
            assertArrayEquals(expected, actual, "case " + i);
            assertArrayEquals(flags1, flags2);
            assertEquals(l1, l2, "warnings, case " + i);
        }
    }
}
