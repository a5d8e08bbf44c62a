package dev.tessera.jpeg.color;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.tessera.jpeg.sample.SamplePlane;
import dev.tessera.jpeg.sample.Upsampler;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The merged 4:2:0 path gives the pixels of h2v2 fancy upsampling followed by YCbCr to BGR. */
class FancyH2V2YccToBgrTest {
    @Test
    void equalsUpsamplingThenConversion() {
        Random r = new Random(5);
        for (int width : new int[] {5, 6, 7, 16, 17, 33, 64}) {
            for (int height : new int[] {1, 2, 3, 16, 17}) {
                int cw = (width + 1) / 2;
                int ch = (height + 1) / 2;
                SamplePlane y = plane(r, width + 8, height);
                SamplePlane cb = plane(r, cw + 8, ch);
                SamplePlane cr = plane(r, cw + 8, ch);
                Upsampler[] ups = {
                    Upsampler.choose(y, height, width, 2, 2, 2, 2, true),
                    Upsampler.choose(cb, ch, cw, 1, 1, 2, 2, true),
                    Upsampler.choose(cr, ch, cw, 1, 1, 2, 2, true)};
                ColorDeconverter converter = ColorDeconverter.yccToBgr();
                FancyH2V2YccToBgr merged = FancyH2V2YccToBgr.choose(ups, converter);
                if (cw <= 2) {
                    assertNull(merged); // libjpeg's fancy h2v2 needs more than two columns
                    continue;
                }
                assertNotNull(merged);
                short[][] rows = new short[3][width + 1];
                for (int row = 0; row < height; row++) {
                    byte[] expected = new byte[3 * width];
                    byte[] actual = new byte[3 * width];
                    for (int i = 0; i < 3; i++) {
                        ups[i].row(row, rows[i], width);
                    }
                    converter.convert(rows, width, expected, 0);
                    merged.row(row, width, actual, 0);
                    assertArrayEquals(expected, actual, width + "x" + height + " row " + row);
                }
            }
        }
    }

    /** The scalar kernel against its previous version, kept as an oracle: noise (clamps) and smooth samples. */
    @Test
    void scalarEqualsTheOracle() {
        Random r = new Random(16);
        for (int t = 0; t < 60; t++) {
            int width = 6 + r.nextInt(2000);
            int height = 1 + r.nextInt(6);
            int cw = (width + 1) / 2;
            int ch = (height + 1) / 2;
            boolean smooth = (t & 1) == 0;
            SamplePlane y = smooth ? smoothPlane(r, width + 8, height) : plane(r, width + 8, height);
            SamplePlane cb = smooth ? smoothPlane(r, cw + 8, ch) : plane(r, cw + 8, ch);
            SamplePlane cr = smooth ? smoothPlane(r, cw + 8, ch) : plane(r, cw + 8, ch);
            Upsampler[] ups = {
                Upsampler.choose(y, height, width, 2, 2, 2, 2, true),
                Upsampler.choose(cb, ch, cw, 1, 1, 2, 2, true),
                Upsampler.choose(cr, ch, cw, 1, 1, 2, 2, true)};
            FancyH2V2YccToBgr scalar = FancyH2V2YccToBgr.create(ups, false);
            FancyH2V2YccToBgrOracle oracle = new FancyH2V2YccToBgrOracle(ups[0], ups[1], ups[2]);
            for (int row = 0; row < height; row++) {
                byte[] expected = new byte[3 * width + 5];
                byte[] actual = new byte[3 * width + 5];
                oracle.row(row, width, expected, 5);
                scalar.row(row, width, actual, 5);
                assertArrayEquals(expected, actual, width + "x" + height + " row " + row);
            }
        }
    }

    @Test
    void appliesOnlyToYccAtFullSizeLumaAndHalfSizeChroma() {
        SamplePlane p = new SamplePlane(16, 16);
        Upsampler full = Upsampler.choose(p, 16, 16, 2, 2, 2, 2, true);
        Upsampler half = Upsampler.choose(p, 8, 8, 1, 1, 2, 2, true);
        assertNull(FancyH2V2YccToBgr.choose(new Upsampler[] {full, half, half}, ColorDeconverter.rgbToBgr()));
        assertNull(FancyH2V2YccToBgr.choose(new Upsampler[] {full, full, full}, ColorDeconverter.yccToBgr()));
        assertNotNull(FancyH2V2YccToBgr.choose(new Upsampler[] {full, half, half}, ColorDeconverter.yccToBgr()));
    }

    private static SamplePlane plane(Random r, int stride, int rows) {
        SamplePlane p = new SamplePlane(stride, rows);
        for (int i = 0; i < p.data().length; i++) {
            p.data()[i] = (short) r.nextInt(256);
        }
        return p;
    }

    /** A random walk: neighbouring samples close, as in photos, so most pixels need no clamping. */
    private static SamplePlane smoothPlane(Random r, int stride, int rows) {
        SamplePlane p = new SamplePlane(stride, rows);
        int v = 128;
        for (int i = 0; i < p.data().length; i++) {
            v = Math.max(0, Math.min(255, v + r.nextInt(9) - 4));
            p.data()[i] = (short) v;
        }
        return p;
    }
}
