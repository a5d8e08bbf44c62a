package dev.tessera.jpeg.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tessera.jpeg.DecoderOptions;
import dev.tessera.jpeg.EncoderOptions;
import dev.tessera.jpeg.JpegDecoder;
import dev.tessera.jpeg.JpegEncoder;
import dev.tessera.jpeg.model.Subsampling;
import dev.tessera.testing.Corpus;
import dev.tessera.testing.TestImageGenerator;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * One {@link JpegEncoder} and one {@link JpegDecoder} shared by 16 threads, encoding and decoding different
 * images in a shuffled order, give byte for byte what a single thread gives (and so does a second decoder
 * whose decodes use threads of their own) (STYLE.md 2: the facades hold
 * only options, every call its own state).
 */
class ConcurrencyTest {
    private static final int THREADS = 16;
    private static final int ROUNDS = 4;

    @Test
    void sixteenThreadsSharingOneEncoderAndOneDecoderMatchASingleThread() throws Exception {
        JpegEncoder encoder = new JpegEncoder(EncoderOptions.DEFAULT.withSubsampling(Subsampling.S422));
        JpegEncoder progressive = new JpegEncoder(EncoderOptions.DEFAULT.withProgressive(true));
        JpegDecoder decoder = new JpegDecoder(DecoderOptions.DEFAULT);
        // The opt-in decode threads too: one instance, each decode splitting its work over 2 more threads.
        JpegDecoder threaded = new JpegDecoder(DecoderOptions.DEFAULT.withThreads(2));

        List<BufferedImage> images = new ArrayList<>();
        for (Supplier<BufferedImage> s : TestImageGenerator.all().values()) {
            images.add(s.get());
        }
        List<byte[]> jpegs = new ArrayList<>();
        for (String name : Corpus.twelveMonkeys("jpeg")) {
            byte[] data = Corpus.resource(name);
            if (data.length < 400_000 && decodesCleanly(decoder, data)) {
                jpegs.add(data);
            }
        }
        List<Callable<byte[]>> tasks = new ArrayList<>();
        for (BufferedImage image : images) {
            tasks.add(() -> encoder.encode(image));
            tasks.add(() -> progressive.encode(image));
        }
        for (byte[] jpeg : jpegs) {
            tasks.add(() -> pixels(decoder.decode(jpeg)));
            tasks.add(() -> pixels(threaded.decode(jpeg)));
        }

        List<byte[]> expected = new ArrayList<>();
        for (Callable<byte[]> task : tasks) {
            expected.add(task.call());
        }

        List<Integer> order = new ArrayList<>();
        for (int r = 0; r < ROUNDS; r++) {
            for (int i = 0; i < tasks.size(); i++) {
                order.add(i);
            }
        }
        Collections.shuffle(order, new Random(16));
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<byte[]>> futures = new ArrayList<>();
            for (int i : order) {
                futures.add(pool.submit(tasks.get(i)));
            }
            for (int k = 0; k < order.size(); k++) {
                assertArrayEquals(expected.get(order.get(k)), futures.get(k).get(60, TimeUnit.SECONDS),
                    "task " + order.get(k));
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(ROUNDS * tasks.size(), order.size());
    }

    private static boolean decodesCleanly(JpegDecoder decoder, byte[] data) {
        try {
            decoder.decode(data);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    /** The raster's bytes (all output types are byte rasters), with its size in front. */
    private static byte[] pixels(BufferedImage image) {
        byte[] raster = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        byte[] out = new byte[raster.length + 8];
        int w = image.getWidth();
        int h = image.getHeight();
        out[0] = (byte) (w >> 24); out[1] = (byte) (w >> 16); out[2] = (byte) (w >> 8); out[3] = (byte) w;
        out[4] = (byte) (h >> 24); out[5] = (byte) (h >> 16); out[6] = (byte) (h >> 8); out[7] = (byte) h;
        System.arraycopy(raster, 0, out, 8, raster.length);
        return out;
    }
}
