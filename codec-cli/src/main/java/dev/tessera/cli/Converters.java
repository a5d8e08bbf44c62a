package dev.tessera.cli;

import dev.tessera.jpeg.RestartInterval;
import dev.tessera.jpeg.Subsampling;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Picocli converters that turn option text into codec values; a bad value becomes a usage error (exit 2). */
final class Converters {
    private Converters() {
    }

    /** IJG quality 1..100, as cjpeg's {@code -quality}. */
    static final class Quality implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            int q;
            try {
                q = Integer.parseInt(value.trim());
            } catch (NumberFormatException e) {
                throw new TypeConversionException("quality must be a whole number 1..100, found '" + value + "'");
            }
            if (q < 1 || q > 100) {
                throw new TypeConversionException("quality must be 1..100, found " + q);
            }
            return q;
        }
    }

    /** "444", "422", "420", "440", "411", also written "4:2:0". */
    static final class SubsamplingConverter implements ITypeConverter<Subsampling> {
        @Override
        public Subsampling convert(String value) {
            try {
                return Subsampling.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /**
     * cjpeg's {@code -restart N}: N MCU rows between restart markers (T.81 B.2.4.4), or {@code NB} for N MCUs;
     * 0 means none.
     */
    static final class Restart implements ITypeConverter<RestartInterval> {
        @Override
        public RestartInterval convert(String value) {
            String text = value.trim().toUpperCase(Locale.ROOT);
            boolean blocks = text.endsWith("B");
            String digits = blocks ? text.substring(0, text.length() - 1) : text;
            int count;
            try {
                count = Integer.parseInt(digits);
            } catch (NumberFormatException e) {
                throw new TypeConversionException("restart must be N (MCU rows) or NB (MCUs), found '" + value + "'");
            }
            if (count < 0 || count > 65535) {
                throw new TypeConversionException("restart must be 0..65535, found " + count);
            }
            if (count == 0) {
                return RestartInterval.NONE;
            }
            return blocks ? RestartInterval.mcus(count) : RestartInterval.mcuRows(count);
        }
    }
}
