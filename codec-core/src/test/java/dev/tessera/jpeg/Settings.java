package dev.tessera.jpeg;

import dev.tessera.jpeg.decode.DecodeSettings;
import dev.tessera.jpeg.encode.EncodeSettings;

/** The drivers' plain settings from public options, for tests that drive the encode and decode packages. */
public final class Settings {
    private Settings() {
    }

    public static EncodeSettings of(EncoderOptions options) {
        return options.settings();
    }

    public static DecodeSettings of(DecoderOptions options) {
        return options.settings();
    }
}
