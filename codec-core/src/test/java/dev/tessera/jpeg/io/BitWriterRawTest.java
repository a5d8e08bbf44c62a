package dev.tessera.jpeg.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link BitWriter#raw} and {@link BitWriter#appendRaw}: bits coded in raw segments and appended in order give the
 * bytes one stuffing writer gives for the same bits (T.81 F.1.2.3 stuffing applied once the segments are in
 * place), whatever the alignment where a segment starts and ends.
 */
class BitWriterRawTest {
    @Test
    void segmentsAppendedInOrderEqualOneWriter() throws IOException {
        SplittableRandom random = new SplittableRandom(3);
        for (int trial = 0; trial < 500; trial++) {
            int writes = random.nextInt(400);
            int[] values = new int[writes];
            int[] lengths = new int[writes];
            boolean ones = random.nextBoolean(); // many 0xFF bytes, so that stuffing is exercised
            for (int i = 0; i < writes; i++) {
                lengths[i] = random.nextInt(33);
                long v = ones && random.nextInt(4) > 0 ? -1L : random.nextLong();
                values[i] = lengths[i] == 0 ? 0 : (int) (v & ((1L << lengths[i]) - 1));
            }
            ByteArrayOutputStream expected = new ByteArrayOutputStream();
            ByteSink expectedSink = new ByteSink(expected);
            BitWriter one = new BitWriter(expectedSink);
            for (int i = 0; i < writes; i++) {
                one.writeBits(values[i], lengths[i]);
            }
            one.flushToByteBoundary();
            expectedSink.flush();

            ByteArrayOutputStream actual = new ByteArrayOutputStream();
            ByteSink actualSink = new ByteSink(actual);
            BitWriter scan = new BitWriter(actualSink);
            int at = 0;
            while (at < writes) {
                int end = Math.min(writes, at + random.nextInt(120));
                if (random.nextBoolean()) {
                    for (; at < end; at++) {
                        scan.writeBits(values[at], lengths[at]);
                    }
                    continue;
                }
                ByteArrayOutputStream segment = new ByteArrayOutputStream();
                ByteSink segmentSink = new ByteSink(segment);
                BitWriter raw = BitWriter.raw(segmentSink);
                for (; at < end; at++) {
                    raw.writeBits(values[at], lengths[at]);
                }
                segmentSink.flush();
                byte[] bytes = segment.toByteArray();
                scan.appendRaw(bytes, bytes.length / 8, raw.pendingBits(), raw.freeBits());
            }
            scan.flushToByteBoundary();
            actualSink.flush();
            assertArrayEquals(expected.toByteArray(), actual.toByteArray(), "trial " + trial);
        }
    }
}
