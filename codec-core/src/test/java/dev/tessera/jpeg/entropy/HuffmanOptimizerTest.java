package dev.tessera.jpeg.entropy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tessera.jpeg.model.HuffmanSpec;
import java.util.PriorityQueue;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HuffmanOptimizerTest {
    /** Kraft sum of the code lengths, in units of 2^-16; a complete code minus the all-ones word is 2^16 - 1. */
    private static long kraft(HuffmanSpec spec) {
        long sum = 0;
        for (int len = 1; len <= 16; len++) {
            sum += (long) spec.countOfLength(len) << (16 - len);
        }
        return sum;
    }

    /**
     * The code is complete except for one word at least as long as every real code: the reserved all-ones
     * word of K.2, so 2^16 minus the Kraft sum is one power of two no larger than the shortest gap allows.
     */
    private static void assertCompleteButForReservedWord(HuffmanSpec spec) {
        long gap = (1L << 16) - kraft(spec);
        assertTrue(gap > 0 && Long.bitCount(gap) == 1, "gap " + gap + " is not one code word");
        int longest = 16;
        while (spec.countOfLength(longest) == 0) {
            longest--;
        }
        assertTrue(gap <= 1L << (16 - longest), "the reserved word is shorter than a real code");
    }

    private static long cost(HuffmanSpec spec, long[] freq) {
        HuffmanTable t = new HuffmanTable(spec);
        long bits = 0;
        for (int s = 0; s < 256; s++) {
            if (freq[s] > 0) {
                assertTrue(t.lengthOf(s) > 0, "symbol " + s + " has no code");
                bits += freq[s] * t.lengthOf(s);
            }
        }
        return bits;
    }

    /** Cost of an unrestricted Huffman code over the symbols plus the reserved one (frequency 1). */
    private static long huffmanCost(long[] freq) {
        PriorityQueue<Long> q = new PriorityQueue<>();
        for (long f : freq) {
            if (f > 0) {
                q.add(f);
            }
        }
        q.add(1L);
        long total = 0;
        while (q.size() > 1) {
            long a = q.poll();
            long b = q.poll();
            total += a + b;
            q.add(a + b);
        }
        return total - 1; // the reserved symbol's own bits are not part of the data
    }

    @Test
    void matchesUnrestrictedHuffmanWhenCodesFit() {
        Random random = new Random(1);
        for (int trial = 0; trial < 50; trial++) {
            long[] freq = new long[256];
            int symbols = 2 + random.nextInt(60);
            for (int i = 0; i < symbols; i++) {
                freq[random.nextInt(256)] += 1 + random.nextInt(1000);
            }
            HuffmanSpec spec = HuffmanOptimizer.optimize(freq);
            assertCompleteButForReservedWord(spec);
            // With frequencies this even no code exceeds 16 bits, so K.2 is an exact Huffman code. The reserved
            // symbol's length is at least that of any real symbol, so the data cost is within that of the
            // unrestricted code including it.
            assertTrue(cost(spec, freq) <= huffmanCost(freq), "trial " + trial);
        }
    }

    @Test
    void limitsCodesToSixteenBits() {
        // Fibonacci frequencies force a maximally skewed tree, with codes far longer than 16 bits.
        long[] freq = new long[256];
        long a = 1;
        long b = 1;
        for (int s = 0; s < 40; s++) {
            freq[s] = a;
            long c = a + b;
            a = b;
            b = c;
        }
        HuffmanSpec spec = HuffmanOptimizer.optimize(freq);
        assertEquals(40, spec.symbolCount());
        assertCompleteButForReservedWord(spec);
        HuffmanTable t = new HuffmanTable(spec);
        for (int s = 0; s < 40; s++) {
            assertTrue(t.lengthOf(s) >= 1 && t.lengthOf(s) <= 16);
            // More frequent symbols never get longer codes.
            if (s > 0) {
                assertTrue(t.lengthOf(s) <= t.lengthOf(s - 1), "symbol " + s);
            }
        }
    }

    @Test
    void singleSymbolGetsAOneBitCode() {
        long[] freq = new long[256];
        freq[0x11] = 500;
        HuffmanSpec spec = HuffmanOptimizer.optimize(freq);
        assertEquals(1, spec.symbolCount());
        assertEquals(1, new HuffmanTable(spec).lengthOf(0x11));
        assertEquals(0, new HuffmanTable(spec).codeOf(0x11));
    }
}
