package dev.tessera.jpeg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tessera.jpeg.error.WarningListener;
import dev.tessera.jpeg.model.RestartInterval;
import dev.tessera.jpeg.model.StandardTables;
import dev.tessera.jpeg.model.Subsampling;
import org.junit.jupiter.api.Test;

/** The option types: builders and with-methods agree, defaults are as documented, and bad values are refused. */
class EncoderOptionsTest {
    @Test
    void defaultsAreTheDocumentedOnes() {
        EncoderOptions base = EncoderOptions.BASELINE_COMPATIBLE;
        assertEquals(75, base.quality());
        assertEquals(75, base.chromaQuality());
        assertEquals(Subsampling.S420, base.subsampling());
        assertTrue(base.optimizeHuffman());
        assertFalse(base.progressive());
        assertEquals(RestartInterval.NONE, base.restartInterval());
        assertEquals(0xFFFFFF, base.background());
        assertNull(base.lumaTable());
        assertEquals(QuantTables.ANNEX_K, base.tables());
        assertFalse(base.trellis());
        assertEquals(1, base.threads());
        assertEquals(base, new EncoderOptions.Builder().build());

        EncoderOptions def = EncoderOptions.DEFAULT;
        assertEquals(Preset.DEFAULT.progressive(), def.progressive());
        assertEquals(Preset.DEFAULT.tables(), def.tables());
        assertEquals(Preset.DEFAULT.trellis(), def.trellis());
        assertEquals(Preset.DEFAULT.sequentialIfSmaller(), def.sequentialIfSmaller());
        assertEquals(def, EncoderOptions.of(Preset.DEFAULT));
    }

    @Test
    void everyWithMethodEqualsTheBuilderAndChangesOneOption() {
        EncoderOptions d = EncoderOptions.DEFAULT;
        assertEquals(d.toBuilder().quality(90).build(), d.withQuality(90));
        assertEquals(90, d.withQuality(90).chromaQuality());
        assertEquals(d.withQuality(90).withChromaQuality(60), d.toBuilder().quality(90).chromaQuality(60).build());
        assertEquals(Subsampling.S444, d.withSubsampling(Subsampling.S444).subsampling());
        assertEquals(RestartInterval.mcuRows(2), d.withRestartInterval(RestartInterval.mcuRows(2)).restartInterval());
        assertEquals(0x102030, d.withBackground(0x102030).background());
        assertSame(StandardTables.LUMINANCE_QUANT, d.withTables(StandardTables.LUMINANCE_QUANT, null).lumaTable());
        assertEquals(QuantTables.ANNEX_K, d.withTables(QuantTables.ANNEX_K).tables());
        assertFalse(d.withTrellis(false).trellis());
        assertTrue(d.withAdaptiveQuantization(true).adaptiveQuantization());
        assertTrue(d.withScanSearch(true).scanSearch());
        assertEquals(4, d.withThreads(4).threads());
        assertFalse(d.withOptimizeHuffman(false).optimizeHuffman());
        // Each with-method leaves every other option as it was.
        assertEquals(d, d.withQuality(90).withQuality(75));
        assertEquals(d, d.withThreads(3).withThreads(1));
        assertEquals(d, d.withBackground(0).withBackground(0xFFFFFF));
        assertNotEquals(d, d.withScanSearch(true));
        assertEquals(d.hashCode(), d.toBuilder().build().hashCode());
    }

    @Test
    void progressiveChosenOutrightTurnsSequentialIfSmallerOff() {
        assertTrue(EncoderOptions.DEFAULT.sequentialIfSmaller());
        assertFalse(EncoderOptions.DEFAULT.withProgressive(true).sequentialIfSmaller());
        assertTrue(EncoderOptions.DEFAULT.withProgressive(true).withSequentialIfSmaller(true).sequentialIfSmaller());
    }

    @Test
    void aPresetTurnsOptimizedHuffmanOnAndLaterOptionsWin() {
        EncoderOptions plain = EncoderOptions.BASELINE_COMPATIBLE.withOptimizeHuffman(false).withQuality(40);
        EncoderOptions smallest = plain.withPreset(Preset.SMALLEST);
        assertTrue(smallest.optimizeHuffman());
        assertTrue(smallest.scanSearch());
        assertEquals(40, smallest.quality());
        assertFalse(smallest.withOptimizeHuffman(false).optimizeHuffman());
        assertFalse(plain.toBuilder().preset(Preset.DEFAULT).trellis(false).build().trellis());
    }

    @Test
    void badValuesAreRefusedWithTheirName() {
        EncoderOptions d = EncoderOptions.DEFAULT;
        assertTrue(assertThrows(IllegalArgumentException.class, () -> d.withQuality(0)).getMessage()
            .contains("quality must be 1..100"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> d.withChromaQuality(101)).getMessage()
            .contains("chroma quality"));
        assertThrows(IllegalArgumentException.class, () -> d.withSubsampling(null));
        assertThrows(IllegalArgumentException.class, () -> d.withRestartInterval(null));
        assertThrows(IllegalArgumentException.class, () -> d.withBackground(0x1000000));
        assertThrows(IllegalArgumentException.class, () -> d.withTables((QuantTables) null));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> d.withThreads(EncoderOptions.MAX_THREADS + 1))
            .getMessage().contains("threads"));
        assertThrows(IllegalArgumentException.class, () -> d.withPreset(null));
    }

    @Test
    void decoderOptionsAndLimitsFollowTheSameRules() {
        DecoderOptions d = DecoderOptions.DEFAULT;
        assertEquals(Limits.DEFAULT, d.limits());
        assertEquals(1, d.scaleDenominator());
        assertSame(WarningListener.IGNORE, d.listener());
        assertEquals(d, new DecoderOptions.Builder().build());
        assertEquals(d.toBuilder().scale(4).strict(true).threads(2).build(),
            d.withScale(4).withStrict(true).withThreads(2));
        assertEquals(d, d.withScale(2).withScale(1));
        assertFalse(d.grayscale());
        assertTrue(d.withGrayscale(true).grayscale());
        assertEquals(d, d.withGrayscale(true).withGrayscale(false));
        assertSame(WarningListener.IGNORE, d.withListener(null).listener());
        assertThrows(IllegalArgumentException.class, () -> d.withScale(3));
        assertThrows(IllegalArgumentException.class, () -> d.withThreads(-1));
        assertEquals(DecoderOptions.AUTO_THREADS, d.withThreads(0).threads(), "0 decides per decode");
        assertThrows(IllegalArgumentException.class, () -> d.withLimits(null));

        Limits l = Limits.DEFAULT;
        assertEquals(l, new Limits.Builder().build());
        assertEquals(l.withMaxPixels(100).withMaxScans(5), l.toBuilder().maxPixels(100).maxScans(5).build());
        assertEquals(l.maxMemory(), l.withMaxPixels(100).maxMemory());
        assertThrows(IllegalArgumentException.class, () -> l.withMaxComponents(Limits.MAX_COMPONENTS + 1));
        assertThrows(IllegalArgumentException.class, () -> l.withMaxInputBytes(0));
    }
}
