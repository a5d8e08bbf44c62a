package dev.tessera.jpeg.entropy;

import dev.tessera.jpeg.model.HuffmanSpec;

/**
 * Builds an optimal Huffman table from symbol frequencies, limited to 16-bit codes, as T.81 Annex K.2
 * describes (Figures K.1 to K.4). The all-ones code word is never assigned (K.2: a reserved symbol with
 * frequency 1 takes it), so no code is a prefix of a 0xFF fill sequence.
 */
public final class HuffmanOptimizer {
    private static final int RESERVED = 256;

    private HuffmanOptimizer() {
    }

    /**
     * @param frequencies 256 symbol counts; symbols with count 0 get no code
     * @return a table whose code lengths are optimal under the 16-bit limit
     */
    public static HuffmanSpec optimize(long[] frequencies) {
        if (frequencies.length != 256) {
            throw new IllegalArgumentException("need 256 frequencies");
        }
        long[] freq = new long[257];
        System.arraycopy(frequencies, 0, freq, 0, 256);
        for (long f : frequencies) {
            if (f < 0) {
                throw new IllegalArgumentException("frequencies must not be negative");
            }
        }
        freq[RESERVED] = 1;
        int[] codeSize = new int[257];
        int[] others = new int[257];
        java.util.Arrays.fill(others, -1);

        // K.2 Figure K.1: repeatedly merge the two least frequent trees (ties: the larger symbol value
        // is taken as least, so the reserved symbol ends up with the longest code).
        while (true) {
            int v1 = -1;
            int v2 = -1;
            for (int i = 0; i < 257; i++) {
                if (freq[i] != 0 && (v1 < 0 || freq[i] <= freq[v1])) {
                    v1 = i;
                }
            }
            for (int i = 0; i < 257; i++) {
                if (freq[i] != 0 && i != v1 && (v2 < 0 || freq[i] <= freq[v2])) {
                    v2 = i;
                }
            }
            if (v2 < 0) {
                break;
            }
            freq[v1] += freq[v2];
            freq[v2] = 0;
            codeSize[v1]++;
            while (others[v1] >= 0) {
                v1 = others[v1];
                codeSize[v1]++;
            }
            others[v1] = v2;
            codeSize[v2]++;
            while (others[v2] >= 0) {
                v2 = others[v2];
                codeSize[v2]++;
            }
        }

        // K.2 Figure K.2: count codes of each size. Sizes can exceed 32 only for absurd inputs; the tree has
        // at most 257 leaves, so 257 is a safe bound.
        int[] bits = new int[258];
        for (int i = 0; i < 257; i++) {
            if (codeSize[i] > 0) {
                bits[codeSize[i]]++;
            }
        }

        // K.2 Figure K.3: move codes longer than 16 bits up the tree, keeping the code complete.
        for (int i = bits.length - 1; i > 16; i--) {
            while (bits[i] > 0) {
                int j = i - 2;
                while (bits[j] == 0) {
                    j--;
                }
                bits[i] -= 2;
                bits[i - 1]++;
                bits[j + 1] += 2;
                bits[j]--;
            }
        }
        // Remove the reserved code point: it is the longest code.
        int longest = 16;
        while (bits[longest] == 0) {
            longest--;
        }
        bits[longest]--;

        // K.2 Figure K.4 lists symbols by increasing code size. Within one size we order by decreasing
        // frequency (K.4 uses symbol value), so that when K.3 splits a size class the more frequent symbols keep
        // the shorter codes.
        int[] counts = new int[16];
        System.arraycopy(bits, 1, counts, 0, 16);
        int total = 0;
        for (int c : counts) {
            total += c;
        }
        Integer[] order = new Integer[total];
        int k = 0;
        for (int s = 0; s < 256; s++) {
            if (codeSize[s] > 0) {
                order[k++] = s;
            }
        }
        java.util.Arrays.sort(order, (a, b) -> codeSize[a] != codeSize[b] ? Integer.compare(codeSize[a], codeSize[b])
            : frequencies[a] != frequencies[b] ? Long.compare(frequencies[b], frequencies[a])
            : Integer.compare(a, b));
        int[] symbols = new int[total];
        for (int i = 0; i < total; i++) {
            symbols[i] = order[i];
        }
        return new HuffmanSpec(counts, symbols);
    }
}
