package dev.tessera.jpeg.raster;

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

    /** What the rows hold; {@code readRow} writes {@code sampleLayout().channels() * width()} bytes. */
    default SampleLayout sampleLayout() {
        return isGray() ? SampleLayout.GRAY : SampleLayout.RGB;
    }
}
