package dev.tessera.jpeg.encode;

import dev.tessera.jpeg.model.ScanComponent;
import dev.tessera.jpeg.model.ScanHeader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds a progressive scan script (T.81 G.1.1) for coefficients already quantized, by counting candidate
 * scans: a scan's bytes depend on its own header and the coefficients only (its Huffman tables are its own,
 * K.2, it ends on a byte boundary, and a refinement scan's bits depend on the coefficients' bits, not on how
 * earlier scans split the band), so the total of a script is the sum of its scans and each part is chosen on
 * its own. The parts: how DC is sent (all components interleaved at full precision, or with one bit held back
 * for a refinement scan, or one scan per component), and per component the spectral bands of its first AC
 * pass (the cheapest split of 1..63 at the band starts {@link #BAND_STARTS}, by dynamic programming) at a
 * point transform Al of 0, 1 or 2 (a larger Al tried only while the last one paid), followed by one
 * refinement scan of 1..63 per held-back bit. This is the
 * search mozjpeg's {@code jpegtran} makes (its optimize_scans), reached by a different route.
 *
 * <p>Scan costs are {@link ProgressiveEncoder.CountedScan#lowerBound()}s (headers, table and data bits before
 * byte stuffing), so the script found is the cheapest up to stuffing bytes.
 */
final class ScanSearch {
    /** Where a band of a first AC scan may start; 64 closes the last band. */
    private static final int[] BAND_STARTS = {1, 2, 3, 6, 9, 14, 21, 32, 64};
    /** The point transforms tried for the first AC pass. */
    private static final int MAX_AL = 2;

    private final ProgressiveEncoder encoder;
    private final Map<ScanHeader, Long> costs = new HashMap<>();

    private ScanSearch(ProgressiveEncoder encoder) {
        this.encoder = encoder;
    }

    /**
     * The script of least counted size for {@code count} components (script ids are index + 1) with the given
     * table slots; DC scans first, then each component's first AC pass, then the refinements.
     */
    static List<ScanHeader> search(ProgressiveEncoder encoder, int count, int[] slots) throws IOException {
        return new ScanSearch(encoder).find(count, slots);
    }

    private long cost(ScanHeader scan) throws IOException {
        Long c = costs.get(scan);
        if (c == null) {
            c = encoder.count(scan).lowerBound();
            costs.put(scan, c);
        }
        return c;
    }

    private long cost(List<ScanHeader> scans) throws IOException {
        long total = 0;
        for (ScanHeader s : scans) {
            total += cost(s);
        }
        return total;
    }

    private List<ScanHeader> find(int count, int[] slots) throws IOException {
        List<ScanComponent> all = new ArrayList<>();
        for (int c = 0; c < count; c++) {
            all.add(new ScanComponent(c + 1, slots[c], slots[c]));
        }
        // DC: interleaved at Al 0; interleaved at Al 1 then its refinement; one scan per component.
        List<List<ScanHeader>> dcFirst = new ArrayList<>();
        List<List<ScanHeader>> dcLast = new ArrayList<>();
        dcFirst.add(List.of(new ScanHeader(all, 0, 0, 0, 0)));
        dcLast.add(List.of());
        dcFirst.add(List.of(new ScanHeader(all, 0, 0, 0, 1)));
        dcLast.add(List.of(new ScanHeader(all, 0, 0, 1, 0)));
        if (count > 1) {
            List<ScanHeader> separate = new ArrayList<>();
            for (ScanComponent c : all) {
                separate.add(new ScanHeader(List.of(c), 0, 0, 0, 0));
            }
            dcFirst.add(separate);
            dcLast.add(List.of());
        }
        int bestDc = 0;
        long bestDcCost = Long.MAX_VALUE;
        for (int i = 0; i < dcFirst.size(); i++) {
            long c = cost(dcFirst.get(i)) + cost(dcLast.get(i));
            if (c < bestDcCost) {
                bestDcCost = c;
                bestDc = i;
            }
        }
        List<ScanHeader> first = new ArrayList<>(dcFirst.get(bestDc));
        List<ScanHeader> refinements = new ArrayList<>();
        for (ScanComponent c : all) {
            List<ScanHeader> bestBands = null;
            List<ScanHeader> bestRefine = null;
            long best = Long.MAX_VALUE;
            for (int al = 0; al <= MAX_AL; al++) {
                List<ScanHeader> refine = new ArrayList<>();
                for (int bit = al - 1; bit >= 0; bit--) {
                    refine.add(new ScanHeader(List.of(c), 1, 63, bit + 1, bit));
                }
                long refineCost = cost(refine);
                if (refineCost >= best) {
                    continue;
                }
                List<ScanHeader> bands = bands(c, al);
                long total = cost(bands) + refineCost;
                if (total >= best) {
                    break; // holding back one more bit did not pay: more will not either, in practice
                }
                best = total;
                bestBands = bands;
                bestRefine = refine;
            }
            first.addAll(bestBands);
            refinements.addAll(bestRefine);
        }
        first.addAll(refinements);
        first.addAll(dcLast.get(bestDc));
        return first;
    }

    /** The cheapest split of 1..63 into bands starting at {@link #BAND_STARTS}, first AC scans at {@code al}. */
    private List<ScanHeader> bands(ScanComponent c, int al) throws IOException {
        int n = BAND_STARTS.length;
        long[] best = new long[n];
        int[] from = new int[n];
        for (int j = 1; j < n; j++) {
            best[j] = Long.MAX_VALUE;
            for (int i = 0; i < j; i++) {
                long total = best[i] + cost(band(c, BAND_STARTS[i], BAND_STARTS[j] - 1, al));
                if (total < best[j]) {
                    best[j] = total;
                    from[j] = i;
                }
            }
        }
        List<ScanHeader> bands = new ArrayList<>();
        for (int j = n - 1; j > 0; j = from[j]) {
            bands.add(0, band(c, BAND_STARTS[from[j]], BAND_STARTS[j] - 1, al));
        }
        return bands;
    }

    private static ScanHeader band(ScanComponent c, int start, int end, int al) {
        return new ScanHeader(List.of(c), start, end, 0, al);
    }
}
