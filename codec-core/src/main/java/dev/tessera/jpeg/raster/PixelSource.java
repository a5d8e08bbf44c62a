package dev.tessera.jpeg.raster;

import dev.tessera.jpeg.color.ColorConverter;
import dev.tessera.jpeg.simd.BlockGroups;

/**
 * Rows of 8-bit pixels for the encoder: interleaved RGB (3 bytes a pixel) for colour images, one byte a
 * pixel for gray ones, four (C, M, Y, K) for CMYK rasters (see {@link #sampleLayout()}). Transparency has already been composited away. Implementations read one raster
 * layout each; {@link PixelSources} picks one per image.
 */
public interface PixelSource {
    int width();

    int height();

    /** True if rows are one-byte gray samples, false if they are RGB triples. */
    boolean isGray();

    /**
     * Reads row {@code y} into {@code out} from index 0: {@code width()} gray bytes, {@code 3 * width()} RGB
     * bytes or {@code 4 * width()} CMYK bytes. Rows may be read in any order and more than once, and, when
     * the encoder runs on several threads ({@code EncodeSettings.threads()}), by several threads at once.
     */
    void readRow(int y, byte[] out);

    /**
     * Reads row {@code y} of an RGB source ({@link #sampleLayout()} {@code RGB}) as three planes: the red, green
     * and blue samples (0..255) of pixel x at index x of each array. The same pixels as {@link #readRow}; sources
     * that can read their raster's data directly override it to skip the interleaved copy. Same threading rules.
     */
    default void readRow(int y, int[] red, int[] green, int[] blue) {
        byte[] row = new byte[3 * width()];
        readRow(y, row);
        PixelSources.split(row, 0, width(), red, green, blue);
    }

    /**
     * As {@link #readRow(int, int[], int[], int[])} with pixel x at index {@code BlockGroups.samplePosition(x)}
     * of each array (the group layout of {@code simd.BlockGroups}), arrays of {@code roundUpToGroups(width())}
     * ints; what lies at the positions of no pixel is unspecified. This default reads in plain order and
     * regroups; sources that read their raster directly override it to write each sample in place.
     */
    default void readRowGrouped(int y, int[] red, int[] green, int[] blue) {
        readRow(y, red, green, blue);
        int count = BlockGroups.roundUpToGroups(width());
        BlockGroups.regroupInPlace(red, 0, count);
        BlockGroups.regroupInPlace(green, 0, count);
        BlockGroups.regroupInPlace(blue, 0, count);
    }

    /**
     * Reads row {@code y} of an RGB source converted to Y, Cb and Cr ({@link ColorConverter}), written from
     * {@code outOffset}; {@code red}, {@code green} and {@code blue} hold {@code width()} samples each and may be
     * used as scratch. The same samples as {@link #readRow(int, int[], int[], int[])} then the planar conversion
     * (which is what this default does); sources that can read their raster directly override it to convert on
     * the fly. Same threading rules.
     */
    default void readRowYCbCr(int y, int[] red, int[] green, int[] blue, int[] luma, int[] cb, int[] cr,
                              int outOffset) {
        readRow(y, red, green, blue);
        ColorConverter.rgbToYCbCr(red, green, blue, 0, width(), luma, cb, cr, outOffset);
    }

    /** What the rows hold; {@code readRow} writes {@code sampleLayout().channels() * width()} bytes. */
    default SampleLayout sampleLayout() {
        return isGray() ? SampleLayout.GRAY : SampleLayout.RGB;
    }
}
