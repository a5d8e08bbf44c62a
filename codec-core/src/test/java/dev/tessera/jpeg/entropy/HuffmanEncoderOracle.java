package dev.tessera.jpeg.entropy;

import dev.tessera.jpeg.io.BitWriter;
import java.io.IOException;

/**
 * The block coder as it was before its bit buffer moved into locals (test oracle for {@link HuffmanEncoder}):
 * one {@link BitWriter#writeBits} call per code. Huffman-codes 8x8 blocks of quantized DCT coefficients for sequential scans (T.81 F.1.2.1 and F.1.2.2),
 * and counts the symbols it would emit, for table optimisation (K.2).
 *
 * <p>Blocks are {@code short} arrays in zig-zag order: index 0 is DC, 1..63 the AC coefficients.
 */
final class HuffmanEncoderOracle {
    private static final int ZRL = 0xF0;
    private static final int EOB = 0x00;

    private HuffmanEncoderOracle() {
    }

    /**
     * Writes one block.
     *
     * @param block      coefficients, zig-zag order, at {@code offset}
     * @param previousDc the DC value of the previous block of this component (0 after a restart)
     */
    public static void encodeBlock(BitWriter out, short[] block, int offset, int previousDc,
                                   HuffmanTable dc, HuffmanTable ac) throws IOException {
        encodeDc(out, block[offset] - previousDc, dc);

        // T.81 F.1.2.2: run-length of zeros and magnitude category, ZRL for 16 zeros, EOB after the last.
        // The walk visits the nonzero coefficients only, found through a mask (bit k: coefficient k != 0).
        long nonzero = nonzeroMask(block, offset);
        int last = 0;
        while (nonzero != 0) {
            int k = Long.numberOfTrailingZeros(nonzero);
            nonzero &= nonzero - 1;
            int run = k - last - 1;
            last = k;
            while (run > 15) {
                out.writeBits(ac.codeOf(ZRL), ac.lengthOf(ZRL));
                run -= 16;
            }
            int v = block[offset + k];
            int abs = v < 0 ? -v : v;
            int size = 32 - Integer.numberOfLeadingZeros(abs);
            int bits = (v < 0 ? v - 1 : v) & ((1 << size) - 1);
            int symbol = (run << 4) | size;
            out.writeBits((ac.codeOf(symbol) << size) | bits, ac.lengthOf(symbol) + size);
        }
        if (last != 63) {
            out.writeBits(ac.codeOf(EOB), ac.lengthOf(EOB));
        }
    }

    /** Bit k (1..63) set where AC coefficient k of the block is not zero; bit 0 clear. */
    public static long nonzeroMask(short[] block, int offset) {
        long mask = 0;
        for (int k = 1; k < 64; k++) {
            int v = block[offset + k];
            // (v | -v) has its sign bit set exactly when v != 0.
            mask |= (long) ((v | -v) >>> 31) << k;
        }
        return mask;
    }

    /** T.81 F.1.2.1: DIFF coded as its magnitude category SSSS followed by SSSS extra bits. */
    private static void encodeDc(BitWriter out, int diff, HuffmanTable dc) throws IOException {
        int magnitude = diff < 0 ? -diff : diff;
        int category = 32 - Integer.numberOfLeadingZeros(magnitude);
        // F.1.2.1.1: negative values are sent as DIFF-1 in SSSS bits (ones' complement).
        int extra = (diff < 0 ? diff - 1 : diff) & ((1 << category) - 1);
        out.writeBits((dc.codeOf(category) << category) | extra, dc.lengthOf(category) + category);
    }
}
