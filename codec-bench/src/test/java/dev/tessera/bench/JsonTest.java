package dev.tessera.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonTest {
    @Test
    void readsEveryKindOfValue() {
        Object value = Json.parse(" { \"a\" : [1, -2.5e3, 0.125], \"b\": {\"c\": true, \"d\": false, \"e\": null},"
            + " \"s\": \"x\\\"y\\\\z\\/\\n\\t\\u00e9\", \"empty\": [], \"none\": {} } ");
        Map<?, ?> map = (Map<?, ?>) value;
        assertEquals(List.of(1.0, -2500.0, 0.125), map.get("a"));
        Map<?, ?> b = (Map<?, ?>) map.get("b");
        assertEquals(true, b.get("c"));
        assertEquals(false, b.get("d"));
        assertTrue(b.containsKey("e"));
        assertNull(b.get("e"));
        assertEquals("x\"y\\z/\n\té", map.get("s"));
        assertEquals(List.of(), map.get("empty"));
        assertEquals(Map.of(), map.get("none"));
        assertEquals(List.of("a", "b", "s", "empty", "none"), List.copyOf(map.keySet()), "members keep their order");
    }

    @Test
    void jmhWritesNonFiniteNumbersAsStrings() {
        List<?> values = (List<?>) Json.parse("[\"NaN\", 2.5, \"Infinity\"]");
        assertTrue(Double.isNaN(Json.number(values.get(0))));
        assertEquals(2.5, Json.number(values.get(1)));
        assertEquals(Double.POSITIVE_INFINITY, Json.number(values.get(2)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "[1,", "{\"a\" 1}", "{\"a\":1,}", "[1] x", "\"open", "[\"\\q\"]", "[1.2.3]", "{1:2}",
        "[tru]"})
    void refusesMalformedText(String text) {
        assertThrows(IllegalArgumentException.class, () -> Json.parse(text));
    }
}
