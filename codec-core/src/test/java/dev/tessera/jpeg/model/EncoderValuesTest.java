package dev.tessera.jpeg.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** RestartInterval (T.81 B.2.4.4: Ri is 16 bits) and Subsampling (A.1.1 sampling factors). */
class EncoderValuesTest {
    @ParameterizedTest
    @ValueSource(ints = {-1, 65536, Integer.MIN_VALUE})
    void restartIntervalOutsideSixteenBits(int count) {
        assertThrows(IllegalArgumentException.class, () -> RestartInterval.mcus(count));
        assertThrows(IllegalArgumentException.class, () -> RestartInterval.mcuRows(count));
    }

    @Test
    void restartIntervalNeedsAUnit() {
        assertThrows(IllegalArgumentException.class, () -> new RestartInterval(4, null));
    }

    @Test
    void restartIntervalInMcus() {
        assertEquals(7, RestartInterval.mcus(7).inMcus(1000));
        assertEquals(65535, RestartInterval.mcus(65535).inMcus(3));
        assertEquals(3 * 40, RestartInterval.mcuRows(3).inMcus(40));
        // 2 rows of 32768 MCUs do not fit Ri's 16 bits; one row of 65535 does.
        assertThrows(IllegalArgumentException.class, () -> RestartInterval.mcuRows(2).inMcus(32768));
        assertEquals(65535, RestartInterval.mcuRows(1).inMcus(65535));
        assertEquals(0, RestartInterval.mcuRows(0).inMcus(65535));
    }

    @Test
    void restartIntervalEnabledAndEquality() {
        assertFalse(RestartInterval.NONE.enabled());
        assertFalse(RestartInterval.mcuRows(0).enabled());
        assertTrue(RestartInterval.mcus(1).enabled());
        assertEquals(RestartInterval.mcus(0), RestartInterval.NONE);
        assertEquals(RestartInterval.mcus(5).hashCode(), new RestartInterval(5, RestartInterval.Unit.MCUS).hashCode());
        assertNotEquals(RestartInterval.mcus(5), RestartInterval.mcuRows(5));
    }

    @ParameterizedTest
    @CsvSource({"444, 1, 1", "422, 2, 1", "420, 2, 2", "440, 1, 2", "411, 4, 1"})
    void subsamplingLabelsAndLumaFactors(String label, int h, int v) {
        Subsampling s = Subsampling.parse(label);
        assertEquals(label, s.label());
        assertEquals(h, s.lumaHorizontal());
        assertEquals(v, s.lumaVertical());
        String colons = label.charAt(0) + ":" + label.charAt(1) + ":" + label.charAt(2);
        assertEquals(s, Subsampling.parse(" " + colons + " "));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "4:4", "410", "4:2:2:0", "yuv420", "4 2 0"})
    void subsamplingParseRejects(String text) {
        assertThrows(IllegalArgumentException.class, () -> Subsampling.parse(text));
    }
}
