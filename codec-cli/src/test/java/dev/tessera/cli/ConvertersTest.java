package dev.tessera.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tessera.jpeg.model.RestartInterval;
import dev.tessera.jpeg.model.Subsampling;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class ConvertersTest {
    private final Converters.Restart restart = new Converters.Restart();

    @Test
    void restartCountsMcuRowsLikeCjpeg() {
        assertEquals(RestartInterval.mcuRows(1), restart.convert("1"));
        assertEquals(RestartInterval.mcuRows(16), restart.convert("16"));
    }

    @Test
    void restartWithBCountsMcus() {
        assertEquals(RestartInterval.mcus(64), restart.convert("64B"));
        assertEquals(RestartInterval.mcus(64), restart.convert("64b"));
    }

    @Test
    void restartZeroIsNone() {
        assertEquals(RestartInterval.NONE, restart.convert("0"));
        assertEquals(RestartInterval.NONE, restart.convert("0B"));
    }

    @Test
    void badRestartIsRefused() {
        assertThrows(TypeConversionException.class, () -> restart.convert("B"));
        assertThrows(TypeConversionException.class, () -> restart.convert("-1"));
        assertThrows(TypeConversionException.class, () -> restart.convert("65536"));
    }

    @Test
    void subsamplingLabels() {
        Converters.SubsamplingConverter converter = new Converters.SubsamplingConverter();
        assertEquals(Subsampling.S444, converter.convert("444"));
        assertEquals(Subsampling.S411, converter.convert("4:1:1"));
        assertThrows(TypeConversionException.class, () -> converter.convert("423"));
    }

    @Test
    void qualityRange() {
        Converters.Quality quality = new Converters.Quality();
        assertEquals(1, quality.convert("1"));
        assertEquals(100, quality.convert("100"));
        assertThrows(TypeConversionException.class, () -> quality.convert("0"));
        assertThrows(TypeConversionException.class, () -> quality.convert("101"));
    }
}
