package dev.tessera.cli;

import dev.tessera.jpeg.model.RestartInterval;
import dev.tessera.jpeg.model.Subsampling;
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

    /** A thread count, 1..1024. */
    static final class Threads implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            int n;
            try {
                n = Integer.parseInt(value.trim());
            } catch (NumberFormatException e) {
                throw new TypeConversionException("threads must be a whole number, found '" + value + "'");
            }
            if (n < 1 || n > 1024) {
                throw new TypeConversionException("threads must be 1..1024, found " + n);
            }
            return n;
        }
    }

    /**
     * A file size: a number of bytes with an optional suffix k, m or g (powers of 1024, any case, an optional
     * trailing "b" or "ib"): {@code 150k} is 153600 bytes.
     */
    static final class Size implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            String text = value.trim().toLowerCase(Locale.ROOT);
            if (text.endsWith("ib")) {
                text = text.substring(0, text.length() - 2);
            } else if (text.endsWith("b")) {
                text = text.substring(0, text.length() - 1);
            }
            long unit = 1;
            if (!text.isEmpty()) {
                switch (text.charAt(text.length() - 1)) {
                    case 'k' -> unit = 1L << 10;
                    case 'm' -> unit = 1L << 20;
                    case 'g' -> unit = 1L << 30;
                    default -> unit = 1;
                }
            }
            String digits = unit == 1 ? text : text.substring(0, text.length() - 1);
            double number;
            try {
                number = Double.parseDouble(digits);
            } catch (NumberFormatException e) {
                throw new TypeConversionException("size must be a number of bytes with an optional k, m or g "
                    + "suffix (150k), found '" + value + "'");
            }
            long bytes = (long) Math.floor(number * unit);
            if (!(number > 0) || bytes < 1) {
                throw new TypeConversionException("size must be at least 1 byte, found '" + value + "'");
            }
            return bytes;
        }
    }

    /** A positive finite number, for --target-bpp. */
    static final class PositiveNumber implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            double number;
            try {
                number = Double.parseDouble(value.trim());
            } catch (NumberFormatException e) {
                throw new TypeConversionException("expected a number, found '" + value + "'");
            }
            if (!(number > 0) || Double.isInfinite(number)) {
                throw new TypeConversionException("expected a positive number, found '" + value + "'");
            }
            return number;
        }
    }
}
