package dev.tessera.jpeg.decode;

import dev.tessera.jpeg.dct.IdctKernel;
import dev.tessera.jpeg.dct.InverseDct;
import dev.tessera.jpeg.entropy.HuffmanDecoder;
import dev.tessera.jpeg.error.JpegException;
import dev.tessera.jpeg.io.BitReader;
import dev.tessera.jpeg.io.ByteSource;
import dev.tessera.jpeg.io.WarningSink;
import dev.tessera.jpeg.sample.SamplePlane;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes a single-scan sequential Huffman frame on several threads by splitting it into bands of iMCU rows
 * that start at restart markers (T.81 F.2.1.3.1: each restart interval decodes on its own). Each band is
 * Huffman-decoded and inverse-transformed by its own thread into whole-image sample planes; then the output
 * rows are upsampled and colour-converted in as many row ranges. The pixels are those of the one-thread decode.
 *
 * <p>Only a clean scan is split: the restart markers must all be present and in sequence, and no band may
 * meet anything a warning would report (each band's reader runs in strict mode). Otherwise, or when the
 * markers do not fall on iMCU-row boundaries, {@link #decode} returns {@code false} having changed nothing,
 * and the caller decodes the scan on one thread, with its warnings, as before.
 */
final class ParallelScanDecoder {
    /** More restart markers than this are not indexed (the offsets would need more than 32 MB). */
    private static final long MAX_RESTARTS = 1 << 22;

    private final DecodeLayout layout;
    private final int[] scanComponents;
    private final int[][] multipliers;
    private final boolean portableIdct;
    private final int restartInterval;
    /** MCUs before iMCU row r = r * mcusPerImcuRow. */
    private final long mcusPerImcuRow;
    private final long totalMcus;

    ParallelScanDecoder(DecodeLayout layout, int[] scanComponents, int[][] multipliers, boolean portableIdct,
                        int restartInterval) {
        this.layout = layout;
        this.scanComponents = scanComponents.clone();
        this.multipliers = multipliers;
        this.portableIdct = portableIdct;
        this.restartInterval = restartInterval;
        if (scanComponents.length == 1) {
            DecodeLayout.Component c = layout.components[scanComponents[0]];
            mcusPerImcuRow = (long) c.v * c.blocksWide;
            totalMcus = (long) c.blocksHigh * c.blocksWide;
        } else {
            mcusPerImcuRow = layout.mcusPerRow;
            totalMcus = (long) layout.mcusPerRow * layout.imcuRows;
        }
    }

    /**
     * Decodes the scan whose entropy-coded data {@code bits} is about to read, on up to {@code threads}
     * threads, into {@code assembler}'s image, leaving {@code bits} where a one-thread decode would.
     *
     * @param spareMemory bytes the memory limit leaves for the extra buffers of the split
     * @return false if the scan was not split (nothing was read or written)
     */
    boolean decode(HuffmanDecoder decoder, BitReader bits, ImageAssembler assembler, int threads, long spareMemory)
        throws JpegException {
        int[] starts = bandStarts(threads);
        if (starts == null) {
            return false;
        }
        // Whole-image sample planes (shorts) and per-band coefficient windows come on top of the one-thread
        // decoder's buffers: split only if they fit in what the memory limit leaves.
        long extra = 0;
        for (DecodeLayout.Component c : layout.components) {
            extra += 2L * c.planeWidth() * c.planeHeight() + 2L * 64 * c.paddedBlocksWide * c.v * (starts.length - 1);
        }
        if (extra > spareMemory) {
            return false;
        }
        if ((totalMcus - 1) / restartInterval > MAX_RESTARTS) {
            return false;
        }
        ByteSource source = bits.source();
        long[] restarts = BitReader.restartOffsets(source, source.offset(), (int) ((totalMcus - 1) / restartInterval));
        if (restarts == null) {
            return false;
        }
        SamplePlane[] planes = new SamplePlane[layout.components.length];
        for (DecodeLayout.Component c : layout.components) {
            planes[c.index] = new SamplePlane(c.planeWidth(), Math.max(1, c.planeHeight()));
        }
        int bands = starts.length - 1;
        BitReader[] readers = new BitReader[bands];
        List<Task> tasks = new ArrayList<>();
        for (int b = 0; b < bands; b++) {
            int band = b;
            tasks.add(() -> readers[band] = decodeBand(decoder, source, restarts, starts[band], starts[band + 1],
                planes));
        }
        if (!runAll(tasks)) {
            return false;
        }
        tasks.clear();
        int rows = layout.outputHeight;
        for (int t = 0; t < threads; t++) {
            int from = (int) ((long) rows * t / threads);
            int to = (int) ((long) rows * (t + 1) / threads);
            tasks.add(() -> {
                assembler.convertRows(from, to, planes);
                return true;
            });
        }
        if (!runAll(tasks)) {
            throw new IllegalStateException("colour conversion failed on a worker thread");
        }
        assembler.allRowsDone();
        bits.adopt(readers[bands - 1]);
        return true;
    }

    /**
     * The first iMCU row of each band and, last, {@code imcuRows}: rows whose first MCU starts a restart
     * interval, as evenly spread as they allow; {@code null} if fewer than two bands are possible.
     */
    private int[] bandStarts(int threads) {
        int rows = layout.imcuRows;
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int t = 1; t < threads; t++) {
            int target = (int) ((long) rows * t / threads);
            int row = -1;
            for (int r = Math.max(target, starts.get(starts.size() - 1) + 1); r < rows; r++) {
                if (r * mcusPerImcuRow % restartInterval == 0) {
                    row = r;
                    break;
                }
            }
            if (row < 0) {
                break;
            }
            starts.add(row);
        }
        if (starts.size() < 2) {
            return null;
        }
        starts.add(rows);
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Decodes and transforms iMCU rows {@code from .. to - 1}; returns the band's reader, strict. */
    private BitReader decodeBand(HuffmanDecoder template, ByteSource source, long[] restarts, int from, int to,
                                 SamplePlane[] planes) throws JpegException {
        WarningSink strict = new WarningSink(null, true);
        int restartsBefore = (int) (from * mcusPerImcuRow / restartInterval);
        ByteSource mine = source.sibling(restartsBefore == 0 ? source.offset() : restarts[restartsBefore - 1], strict);
        BitReader bits = new BitReader(mine, strict);
        bits.startAfterRestart(restartsBefore);
        HuffmanDecoder decoder = template.withReader(bits);
        CoefficientBuffer[] buffers = new CoefficientBuffer[layout.components.length];
        IdctKernel[] kernels = new IdctKernel[layout.components.length];
        for (DecodeLayout.Component c : layout.components) {
            buffers[c.index] = new CoefficientBuffer(c.paddedBlocksWide, c.v);
            kernels[c.index] = InverseDct.forSize(c.scaledSize, portableIdct);
        }
        ScanDecoder.decode(layout, scanComponents, buffers, decoder, bits, restartInterval, 0, imcu -> {
            for (DecodeLayout.Component c : layout.components) {
                int fromRow = imcu * c.v;
                int toRow = Math.min(c.blocksHigh, (imcu + 1) * c.v);
                FrameDecoder.transformBlockRows(c, fromRow, toRow, buffers[c.index], kernels[c.index],
                    multipliers[c.index], planes[c.index]);
                buffers[c.index].clearRows(fromRow, c.v);
            }
        }, from, to);
        if (to < layout.imcuRows) {
            // The marker that ends the band, as the next interval's first MCU would read it: a warning here
            // (extraneous bytes, a wrong marker) sends the scan back to the one-thread decode.
            bits.readRestartMarker();
        }
        return bits;
    }

    private interface Task {
        Object run() throws Exception;
    }

    /** Runs the tasks, the first on this thread; true if none threw. */
    private static boolean runAll(List<Task> tasks) {
        Throwable[] failures = new Throwable[tasks.size()];
        Thread[] threads = new Thread[tasks.size()];
        for (int i = 1; i < tasks.size(); i++) {
            int index = i;
            threads[i] = new Thread(() -> {
                try {
                    tasks.get(index).run();
                } catch (Throwable e) {
                    failures[index] = e;
                }
            }, "tessera-decode-" + i);
            threads[i].setDaemon(true);
            threads[i].start();
        }
        try {
            tasks.get(0).run();
        } catch (Throwable e) {
            failures[0] = e;
        }
        boolean interrupted = false;
        for (int i = 1; i < tasks.size(); i++) {
            while (true) {
                try {
                    threads[i].join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        for (Throwable f : failures) {
            if (f instanceof Error e) {
                throw e;
            }
            if (f != null) {
                return false;
            }
        }
        return true;
    }
}
