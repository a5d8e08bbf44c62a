package dev.tessera.jpeg.encode;

import dev.tessera.jpeg.model.ScanComponent;
import dev.tessera.jpeg.model.ScanHeader;
import java.util.ArrayList;
import java.util.List;

/**
 * Progressive scan scripts (T.81 G.1.1): which coefficients and bits each scan sends. Component indexes are
 * 0 (Y), 1 (Cb), 2 (Cr); ids are index + 1. Entropy table slots are 0 for luma and 1 for chroma.
 */
public final class ScanScript {
    private ScanScript() {
    }

    /**
     * The usual script: DC first (all components, one bit held back), then the low luma band and the
     * chroma bands at reduced precision, the rest of luma, and refinement scans for the held-back bits. This
     * is the usual successive-approximation split (it is libjpeg's too): coarse images arrive early and the
     * refinement bits, nearly random, cost little.
     */
    public static List<ScanHeader> standard(int componentCount) {
        List<ScanHeader> scans = new ArrayList<>();
        List<ScanComponent> all = new ArrayList<>();
        for (int c = 0; c < componentCount; c++) {
            all.add(component(c));
        }
        scans.add(new ScanHeader(all, 0, 0, 0, 1));
        scans.add(ac(0, 1, 5, 0, 2));
        if (componentCount == 3) {
            scans.add(ac(2, 1, 63, 0, 1));
            scans.add(ac(1, 1, 63, 0, 1));
        }
        scans.add(ac(0, 6, 63, 0, 2));
        scans.add(ac(0, 1, 63, 2, 1));
        scans.add(new ScanHeader(all, 0, 0, 1, 0));
        if (componentCount == 3) {
            scans.add(ac(2, 1, 63, 1, 0));
            scans.add(ac(1, 1, 63, 1, 0));
        }
        scans.add(ac(0, 1, 63, 1, 0));
        return List.copyOf(scans);
    }

    /**
     * The script for components that all share table slot 0 and are coded alike (CMYK): DC first, then for
     * each component the low and high AC bands at reduced precision, the refinements, and the last bits.
     * libjpeg's jpeg_simple_progression uses the same order for colour spaces other than YCbCr.
     */
    public static List<ScanHeader> uniform(int componentCount) {
        List<ScanHeader> scans = new ArrayList<>();
        List<ScanComponent> all = new ArrayList<>();
        for (int c = 0; c < componentCount; c++) {
            all.add(new ScanComponent(c + 1, 0, 0));
        }
        scans.add(new ScanHeader(all, 0, 0, 0, 1));
        for (int c = 0; c < componentCount; c++) {
            scans.add(uniformAc(c, 1, 5, 0, 2));
        }
        for (int c = 0; c < componentCount; c++) {
            scans.add(uniformAc(c, 6, 63, 0, 2));
        }
        for (int c = 0; c < componentCount; c++) {
            scans.add(uniformAc(c, 1, 63, 2, 1));
        }
        scans.add(new ScanHeader(all, 0, 0, 1, 0));
        for (int c = 0; c < componentCount; c++) {
            scans.add(uniformAc(c, 1, 63, 1, 0));
        }
        return List.copyOf(scans);
    }

    /**
     * Spectral selection only, no successive approximation (T.81 G.1.1.1.1): DC of all components, the low
     * luma band, each chroma component whole, the rest of luma. Fewer scans; wins on some images.
     */
    public static List<ScanHeader> spectralOnly(int componentCount) {
        List<ScanHeader> scans = new ArrayList<>();
        List<ScanComponent> all = new ArrayList<>();
        for (int c = 0; c < componentCount; c++) {
            all.add(component(c));
        }
        scans.add(new ScanHeader(all, 0, 0, 0, 0));
        scans.add(ac(0, 1, 5, 0, 0));
        if (componentCount == 3) {
            scans.add(ac(2, 1, 63, 0, 0));
            scans.add(ac(1, 1, 63, 0, 0));
        }
        scans.add(ac(0, 6, 63, 0, 0));
        return List.copyOf(scans);
    }

    /**
     * Like {@link #standard} but luma split after coefficient 2 rather than 5, and chroma sent in two bands:
     * more, smaller scans, whose per-scan Huffman tables fit their statistics more closely.
     */
    public static List<ScanHeader> fineBands(int componentCount) {
        List<ScanHeader> scans = new ArrayList<>();
        List<ScanComponent> all = new ArrayList<>();
        for (int c = 0; c < componentCount; c++) {
            all.add(component(c));
        }
        scans.add(new ScanHeader(all, 0, 0, 0, 1));
        scans.add(ac(0, 1, 2, 0, 1));
        scans.add(ac(0, 3, 63, 0, 1));
        if (componentCount == 3) {
            scans.add(ac(1, 1, 2, 0, 0));
            scans.add(ac(2, 1, 2, 0, 0));
            scans.add(ac(1, 3, 63, 0, 0));
            scans.add(ac(2, 3, 63, 0, 0));
        }
        scans.add(new ScanHeader(all, 0, 0, 1, 0));
        scans.add(ac(0, 1, 63, 1, 0));
        return List.copyOf(scans);
    }

    /**
     * The script {@link EncodePipeline} codes without the scan script search: {@link #fineBands}, the single
     * candidate with the smallest total over the 24 Kodak images at 10 qualities with the DEFAULT preset's
     * coefficients (15,369,647 bytes; {@link #standard} 15,394,463, {@link #spectralOnly} 15,509,813, the
     * search 15,297,408, sequential 15,722,504; docs/compression.md).
     */
    static List<ScanHeader> fixed(int componentCount) {
        return fineBands(componentCount);
    }

    /** The scripts {@link EncodePipeline} tries for each progressive image, keeping the smallest output. */
    static List<List<ScanHeader>> candidates(int componentCount) {
        return List.of(standard(componentCount), spectralOnly(componentCount), fineBands(componentCount));
    }

    private static ScanComponent component(int index) {
        int slot = index == 0 ? 0 : 1;
        return new ScanComponent(index + 1, slot, slot);
    }

    private static ScanHeader ac(int component, int start, int end, int high, int low) {
        return new ScanHeader(List.of(component(component)), start, end, high, low);
    }

    private static ScanHeader uniformAc(int component, int start, int end, int high, int low) {
        return new ScanHeader(List.of(new ScanComponent(component + 1, 0, 0)), start, end, high, low);
    }
}
