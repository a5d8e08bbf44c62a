package dev.tessera.jpeg.entropy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tessera.jpeg.io.BitReader;
import dev.tessera.jpeg.io.BitWriter;
import dev.tessera.jpeg.io.ByteSink;
import dev.tessera.jpeg.io.ByteSource;
import dev.tessera.jpeg.io.WarningSink;
import dev.tessera.jpeg.model.HuffmanSpec;
import dev.tessera.jpeg.model.StandardTables;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Decoding what the encoder's Huffman codes (T.81 C.2, C.3) produce, fast and slow paths alike. */
class HuffmanDecoderTest {
    @Test
    void decodesSymbolsEncodedWithTheEncodersTables() throws Exception {
        for (HuffmanSpec spec : List.of(StandardTables.LUMINANCE_DC, StandardTables.LUMINANCE_AC,
            StandardTables.CHROMINANCE_AC, longCodes())) {
            HuffmanTable enc = new HuffmanTable(spec);
            Random r = new Random(3);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteSink sink = new ByteSink(out);
            BitWriter w = new BitWriter(sink);
            List<Integer> sent = new ArrayList<>();
            for (int i = 0; i < 5000; i++) {
                int s = spec.symbol(r.nextInt(spec.symbolCount()));
                sent.add(s);
                w.writeBits(enc.codeOf(s), enc.lengthOf(s));
            }
            w.flushToByteBoundary();
            sink.flush();
            out.write(0xFF); // EOI ends the entropy-coded data, as in a stream
            out.write(0xD9);
            WarningSink warnings = new WarningSink(null, true);
            BitReader bits = new BitReader(new ByteSource(out.toByteArray(), warnings), warnings);
            bits.startScan();
            HuffmanLookup dec = HuffmanLookup.of(spec, false);
            for (int s : sent) {
                assertEquals(s, dec.decode(bits));
            }
        }
    }

    /** Codes up to 16 bits long, so that the slow path (F.2.2.3 DECODE) is used. */
    static HuffmanSpec longCodes() {
        int[] counts = new int[16];
        int[] symbols = new int[16];
        for (int i = 0; i < 16; i++) {
            counts[i] = 1; // one code of each length: 0, 10, 110, ..., 1111111111111110
        }
        for (int i = 0; i < 16; i++) {
            symbols[i] = i * 3;
        }
        return new HuffmanSpec(counts, symbols);
    }

    @Test
    void rejectsWhatLibjpegRejects() {
        // A complete code uses the all-ones code word, which T.81 C.2 forbids; libjpeg rejects it.
        int[] counts = new int[16];
        counts[0] = 2;
        HuffmanSpec complete = new HuffmanSpec(counts, new int[] {0, 1});
        assertThrows(IllegalArgumentException.class, () -> HuffmanLookup.of(complete, false));
        // DC symbols above 15 (magnitude categories).
        int[] one = new int[16];
        one[1] = 1;
        HuffmanSpec bigDc = new HuffmanSpec(one, new int[] {16});
        assertThrows(IllegalArgumentException.class, () -> HuffmanLookup.of(bigDc, true));
    }

    @Test
    void extendFollowsF_2_2_1() {
        assertEquals(-1, HuffmanLookup.extend(0, 1));
        assertEquals(1, HuffmanLookup.extend(1, 1));
        assertEquals(-7, HuffmanLookup.extend(0, 3));
        assertEquals(4, HuffmanLookup.extend(4, 3));
        assertEquals(-2047, HuffmanLookup.extend(0, 11));
        // Every value of every size 1..15, against Figure F.12 as written: V < 2^(T-1) gives V + (-1 << T) + 1.
        for (int size = 1; size <= 15; size++) {
            for (int v = 0; v < (1 << size); v++) {
                int expected = v < (1 << (size - 1)) ? v + (-1 << size) + 1 : v;
                assertEquals(expected, HuffmanLookup.extend(v, size), "EXTEND(" + v + ", " + size + ")");
            }
        }
    }
}
