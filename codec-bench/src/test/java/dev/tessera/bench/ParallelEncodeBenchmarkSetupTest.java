package dev.tessera.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Checks that ParallelEncodeBenchmark measures working encodes: one file, whatever the thread count. No timing. */
class ParallelEncodeBenchmarkSetupTest {
    @Test
    void oneAndTwoThreadsWriteTheSameDecodableFile() throws IOException {
        byte[] first = null;
        for (int threads : new int[] {1, 2}) {
            ParallelEncodeBenchmark bench = new ParallelEncodeBenchmark();
            bench.threads = threads;
            bench.options = "baseline";
            bench.setUp();
            assertEquals(bench.lastOutput().length, 0);
            int size = bench.encode();
            byte[] file = bench.lastOutput();
            assertEquals(size, file.length);
            if (first == null) {
                first = file;
                BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(file));
                assertNotNull(decoded);
                assertEquals(2640, decoded.getWidth());
                assertEquals(1536, decoded.getHeight());
            } else {
                assertArrayEquals(first, file);
            }
        }
    }
}
