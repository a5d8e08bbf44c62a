package dev.tessera.jpeg.entropy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.tessera.jpeg.io.BitReader;
import dev.tessera.jpeg.io.BitWriter;
import dev.tessera.jpeg.io.ByteSink;
import dev.tessera.jpeg.io.ByteSource;
import dev.tessera.jpeg.io.WarningSink;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The binary arithmetic encoder (T.81 D.1) against the test-only reference encoder of
 * {@link BinaryArithmeticDecoderTest}, written separately from the same clauses: the same decisions give the
 * same bytes (stuffed, trailing zeros dropped), which the decoder reads back, over skewed and even
 * probabilities, adaptive and fixed estimates, and several segments in a row.
 */
class BinaryArithmeticEncoderTest {
    @Test
    void writesTheReferenceBytesAndDecodesBack() throws Exception {
        Random random = new Random(18);
        for (int trial = 0; trial < 60; trial++) {
            int n = 1 + random.nextInt(6000);
            int contexts = 1 + random.nextInt(40);
            double[] p = new double[contexts];
            for (int i = 0; i < contexts; i++) {
                p[i] = trial % 3 == 0 ? 0.5 : random.nextDouble();
            }
            int[] context = new int[n];
            int[] decision = new int[n];
            boolean[] fixed = new boolean[n];
            BinaryArithmeticDecoderTest.ReferenceEncoder reference = new BinaryArithmeticDecoderTest.ReferenceEncoder();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            ByteSink sink = new ByteSink(bytes);
            BinaryArithmeticEncoder encoder = new BinaryArithmeticEncoder(new BitWriter(sink));
            byte[] referenceStats = new byte[contexts];
            byte[] stats = new byte[contexts];
            for (int i = 0; i < n; i++) {
                context[i] = random.nextInt(contexts);
                fixed[i] = random.nextInt(8) == 0;
                decision[i] = random.nextDouble() < (fixed[i] ? 0.5 : p[context[i]]) ? 1 : 0;
                if (fixed[i]) {
                    reference.encodeFixed(decision[i]);
                    encoder.encodeFixed(decision[i]);
                } else {
                    reference.encode(referenceStats, context[i], decision[i]);
                    encoder.encode(stats, context[i], decision[i]);
                }
            }
            encoder.finish();
            sink.write(0xFF);
            sink.write(0xD9);
            sink.flush();
            byte[] expected = reference.finish();
            assertArrayEquals(expected, bytes.toByteArray(), "trial " + trial);
            assertArrayEquals(referenceStats, stats, "statistics, trial " + trial);

            WarningSink warnings = new WarningSink(null, false);
            BitReader bits = new BitReader(new ByteSource(bytes.toByteArray(), warnings), warnings);
            bits.startScan();
            BinaryArithmeticDecoder decoder = new BinaryArithmeticDecoder(bits);
            decoder.initialize();
            byte[] decoderStats = new byte[contexts];
            int[] decoded = new int[n];
            for (int i = 0; i < n; i++) {
                decoded[i] = fixed[i] ? decoder.decodeFixed() : decoder.decode(decoderStats, context[i]);
            }
            assertArrayEquals(decision, decoded, "decoded, trial " + trial);
        }
    }

    @Test
    void eachFinishStartsAFreshSegment() throws IOException {
        // Two segments coded by one encoder equal two segments coded by two fresh reference encoders.
        int[] decisions = {1, 0, 0, 1, 1, 1, 0, 1, 0, 0, 0, 0, 1};
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ByteSink sink = new ByteSink(bytes);
        BinaryArithmeticEncoder encoder = new BinaryArithmeticEncoder(new BitWriter(sink));
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        for (int segment = 0; segment < 2; segment++) {
            byte[] stats = new byte[1];
            byte[] referenceStats = new byte[1];
            BinaryArithmeticDecoderTest.ReferenceEncoder reference = new BinaryArithmeticDecoderTest.ReferenceEncoder();
            for (int d : decisions) {
                encoder.encode(stats, 0, d ^ segment);
                reference.encode(referenceStats, 0, d ^ segment);
            }
            encoder.finish();
            byte[] r = reference.finish();
            expected.write(r, 0, r.length - 2); // without its EOI
        }
        sink.flush();
        assertArrayEquals(expected.toByteArray(), bytes.toByteArray(), Arrays.toString(bytes.toByteArray()));
    }
}
