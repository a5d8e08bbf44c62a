package dev.tessera.jpeg.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tessera.jpeg.error.JpegException;
import dev.tessera.jpeg.error.MalformedJpegException;
import dev.tessera.jpeg.spec.Marker;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * {@link RowPipeline}: each row goes through the output stage once, in order, after it was decoded and before
 * its window slot is reused, with the two stages' speeds varied at random; failures on either side end the
 * decode with the failure and leave no thread behind.
 */
class RowPipelineTest {
    /** A window of {@code depth} slots: the producer writes the row number, the output stage checks and clears it. */
    private static final class Window {
        final int[] slots;
        final List<Integer> outputOrder = Collections.synchronizedList(new ArrayList<>());
        final List<Thread> outputThreads = Collections.synchronizedList(new ArrayList<>());

        Window(int depth) {
            slots = new int[depth];
            java.util.Arrays.fill(slots, -1);
        }
    }

    private static void jitter(SplittableRandom random) {
        int k = random.nextInt(8);
        if (k == 0) {
            LockSupport.parkNanos(random.nextInt(200_000));
        } else if (k == 1) {
            Thread.yield();
        }
    }

    @Test
    void everyRowIsOutputOnceInOrderBeforeItsSlotIsReused() throws JpegException {
        SplittableRandom seeds = new SplittableRandom(16);
        for (int trial = 0; trial < 60; trial++) {
            int rows = 1 + seeds.nextInt(80);
            int depth = 2 + seeds.nextInt(5);
            SplittableRandom producerRandom = seeds.split();
            SplittableRandom outputRandom = seeds.split();
            Window window = new Window(depth);
            AtomicInteger errors = new AtomicInteger();
            RowPipeline pipeline = new RowPipeline(row -> {
                window.outputThreads.add(Thread.currentThread());
                synchronized (outputRandom) {
                    jitter(outputRandom);
                }
                if (window.slots[row % depth] != row) {
                    errors.incrementAndGet();
                }
                window.slots[row % depth] = -1;
                window.outputOrder.add(row);
            }, rows, depth);
            int result = pipeline.run(published -> {
                for (int row = 0; row < rows; row++) {
                    if (window.slots[row % depth] != -1) {
                        errors.incrementAndGet(); // the slot still holds a row not yet output
                    }
                    jitter(producerRandom);
                    window.slots[row % depth] = row;
                    published.rowDecoded(row);
                }
                return 42;
            });
            assertEquals(42, result);
            assertEquals(0, errors.get(), "trial " + trial);
            List<Integer> expected = new ArrayList<>();
            for (int row = 0; row < rows; row++) {
                expected.add(row);
            }
            assertEquals(expected, window.outputOrder, "trial " + trial);
        }
    }

    @Test
    void theWorkerTakesRowsWhenTheCallerIsBusy() throws JpegException {
        Window window = new Window(4);
        Thread caller = Thread.currentThread();
        new RowPipeline(row -> window.outputThreads.add(Thread.currentThread()), 50, 4).run(published -> {
            for (int row = 0; row < 50; row++) {
                LockSupport.parkNanos(300_000); // a slow entropy decoder
                published.rowDecoded(row);
            }
            return 0;
        });
        assertTrue(window.outputThreads.stream().anyMatch(t -> t != caller), "no row was output on the worker");
    }

    @Test
    void anOutputStageFailureEndsTheDecodeWithIt() {
        for (int failAt : new int[] {0, 3, 17}) {
            AtomicInteger outputs = new AtomicInteger();
            MalformedJpegException failure = new MalformedJpegException(123, Marker.SOS, "test failure");
            RowPipeline pipeline = new RowPipeline(row -> {
                outputs.incrementAndGet();
                if (row == failAt) {
                    throw failure;
                }
            }, 30, 3);
            JpegException thrown = assertThrows(JpegException.class, () -> pipeline.run(published -> {
                for (int row = 0; row < 30; row++) {
                    published.rowDecoded(row);
                }
                return 0;
            }));
            assertSame(failure, thrown);
            assertEquals(failAt + 1, outputs.get(), "rows output up to the failure, the failed one once");
            assertNoWorkerLeft();
        }
    }

    @Test
    void anOutputStageRuntimeExceptionReachesTheCaller() {
        RowPipeline pipeline = new RowPipeline(row -> {
            if (row == 5) {
                throw new IllegalStateException("boom");
            }
        }, 20, 2);
        IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> pipeline.run(published -> {
            for (int row = 0; row < 20; row++) {
                published.rowDecoded(row);
            }
            return 0;
        }));
        assertEquals("boom", thrown.getMessage());
        assertNoWorkerLeft();
    }

    @Test
    void anEntropyDecodingFailureStopsTheWorker() {
        AtomicInteger outputs = new AtomicInteger();
        RowPipeline pipeline = new RowPipeline(row -> outputs.incrementAndGet(), 40, 4);
        MalformedJpegException failure = new MalformedJpegException(7, Marker.SOS, "bad Huffman code");
        JpegException thrown = assertThrows(JpegException.class, () -> pipeline.run(published -> {
            for (int row = 0; row < 10; row++) {
                published.rowDecoded(row);
            }
            throw failure;
        }));
        assertSame(failure, thrown);
        assertNoWorkerLeft();
    }

    @Test
    void withoutAnIdleCoreTheCallerRunsEveryRowAndStartsNoThread() throws JpegException {
        Thread caller = Thread.currentThread();
        List<Thread> outputThreads = Collections.synchronizedList(new ArrayList<>());
        List<Integer> order = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger asked = new AtomicInteger();
        new RowPipeline(row -> {
            outputThreads.add(Thread.currentThread());
            order.add(row);
        }, 40, 4, () -> {
            asked.incrementAndGet();
            return false;
        }).run(published -> {
            for (int row = 0; row < 40; row++) {
                published.rowDecoded(row);
            }
            return 0;
        });
        assertTrue(outputThreads.stream().allMatch(t -> t == caller), "a row was output on another thread");
        assertEquals(40, order.size());
        for (int row = 0; row < 40; row++) {
            assertEquals(row, order.get(row));
        }
        assertTrue(asked.get() >= 5, "asked " + asked.get() + " times in 40 rows");
        assertNoWorkerLeft();
    }

    @Test
    void theWorkerStartsOnceACoreIsIdle() throws JpegException {
        Thread caller = Thread.currentThread();
        List<Integer> onWorker = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger asked = new AtomicInteger();
        AtomicInteger outputs = new AtomicInteger();
        AtomicInteger outputBeforeStart = new AtomicInteger(-1);
        new RowPipeline(row -> {
            outputs.incrementAndGet();
            if (Thread.currentThread() != caller) {
                onWorker.add(row);
            }
        }, 60, 4, () -> {
            boolean idle = asked.incrementAndGet() >= 3;
            if (idle) {
                outputBeforeStart.set(outputs.get());
            }
            return idle;
        }).run(published -> {
            for (int row = 0; row < 60; row++) {
                LockSupport.parkNanos(200_000); // a slow producer, so that the worker takes rows
                published.rowDecoded(row);
            }
            return 0;
        });
        assertEquals(3, asked.get(), "asked again after the worker started");
        assertTrue(!onWorker.isEmpty(), "no row was output on the worker");
        assertTrue(onWorker.get(0) >= outputBeforeStart.get(), "the worker ran row " + onWorker.get(0)
            + ", which the caller had output before it started the worker");
        assertEquals(60, outputs.get());
        assertNoWorkerLeft();
    }

    @Test
    void aWindowOfOneRowIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new RowPipeline(row -> { }, 10, 1));
    }

    /** run() joins its worker: none may be alive once it has returned or thrown. */
    private static void assertNoWorkerLeft() {
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            assertTrue(!t.getName().equals("tessera-decode-output") || !t.isAlive(), "a worker is still running");
        }
    }
}
