package dev.tessera.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Checks that the decode benchmarks measure working paths (no timing). */
class DecodeBenchmarkSetupTest {

    @ParameterizedTest
    @ValueSource(strings = {"420", "422", "444", "progressive", "gray", "420-rst"})
    void bothDecodersReadTheFileAtItsSize(String kind) throws Exception {
        DecodeBenchmark bench = new DecodeBenchmark();
        bench.image = "kodak";
        bench.kind = kind;
        bench.threads = 2;
        bench.setUp();
        try {
            assertEquals(DecodeBenchmark.JDK_READER, bench.imageIoReader.getClass().getName());
            BufferedImage t = bench.tessera();
            BufferedImage j = bench.imageIo();
            assertEquals(j.getWidth(), t.getWidth());
            assertEquals(j.getHeight(), t.getHeight());
            assertEquals(j.getType(), t.getType());
            if (kind.equals("gray")) {
                // One component: no colour conversion or upsampling, so both decoders agree within IDCT rounding.
                byte[] a = ((DataBufferByte) t.getRaster().getDataBuffer()).getData();
                byte[] b = ((DataBufferByte) j.getRaster().getDataBuffer()).getData();
                int worst = 0;
                for (int i = 0; i < a.length; i++) {
                    worst = Math.max(worst, Math.abs((a[i] & 0xFF) - (b[i] & 0xFF)));
                }
                assertEquals(0, worst, "gray decode differs from ImageIO by up to " + worst);
            }
        } finally {
            bench.tearDown();
        }
    }

    @Test
    void photoIsTheFourMegapixelMosaic() {
        BufferedImage photo = DecodeInputs.photo();
        assertEquals(2640, photo.getWidth());
        assertEquals(1536, photo.getHeight());
    }

    @Test
    void stagesRun() throws Exception {
        DecodeStageBenchmark stages = new DecodeStageBenchmark();
        stages.image = BenchImage.DEFAULT;
        stages.setUp();
        assertArrayEquals(stages.coefficients, stages.huffman());
        stages.idct();
        stages.upsample();
        stages.color();
    }
}
