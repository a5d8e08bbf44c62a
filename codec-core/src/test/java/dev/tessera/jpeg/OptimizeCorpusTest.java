package dev.tessera.jpeg;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tessera.jpeg.error.JpegException;
import dev.tessera.jpeg.error.UnsupportedJpegException;
import dev.tessera.jpeg.model.CoefficientImage;
import dev.tessera.jpeg.spec.Marker;
import dev.tessera.testing.ExternalTool;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The identity of the lossless operations over every 8-bit JPEG of the corpora (libjpeg-turbo test images, the
 * 540 conformance inputs, the TwelveMonkeys test jar): for each file our decoder reads without warnings, the
 * file written from its coefficients decodes to the same pixels, byte for byte, in every coding (sequential and
 * progressive Huffman with the source's restart interval, arithmetic sequential and progressive, and
 * {@code optimize}'s default, whose progressive file stands for the progressive coding when the source has no
 * restart interval); {@code optimize} is never larger than its input; and where djpeg is installed and
 * reads the input cleanly, it reads the optimized and the arithmetic-coded outputs with no warning and gets the
 * same pixels from them as from the input. Files the decoder rejects, warns on, or that are not 8-bit DCT files
 * are counted and skipped, and so are files over {@link #MAX_PIXELS} pixels.
 */
class OptimizeCorpusTest {
    private static final JpegTranscoder TRANSCODER = new JpegTranscoder();
    private static final TranscodeOptions.Coding[] CODINGS = {TranscodeOptions.Coding.SEQUENTIAL,
        TranscodeOptions.Coding.PROGRESSIVE, TranscodeOptions.Coding.ARITHMETIC_SEQUENTIAL,
        TranscodeOptions.Coding.ARITHMETIC_PROGRESSIVE};
    /** Larger files are skipped to keep the test's time reasonable (the corpora hold a few 30-70 MP files). */
    private static final long MAX_PIXELS = 4_000_000;

    @Test
    void everyReadableEightBitFileKeepsItsPixels() throws IOException {
        Optional<ExternalTool> djpeg = ExternalTool.find("djpeg");
        List<String> failures = new ArrayList<>();
        int checked = 0;
        int rejected = 0;
        int warned = 0;
        int unsupported = 0;
        int djpegChecked = 0;
        int large = 0;
        int refusedToWrite = 0;
        long bytesIn = 0;
        long bytesOut = 0;
        List<ReferenceCorpus.Input> inputs = ReferenceCorpus.all();
        for (ReferenceCorpus.Input input : inputs) {
            Optional<byte[]> read = input.read();
            if (read.isEmpty()) {
                continue;
            }
            byte[] in = read.get();
            String name = input.source() + "/" + input.file();
            List<Object> warnings = new ArrayList<>();
            BufferedImage before;
            CoefficientImage coefficients;
            try {
                var frame = new JpegDecoder().readHeader(in).frame();
                if ((long) frame.width() * frame.height() > MAX_PIXELS) {
                    large++;
                    continue;
                }
                JpegDecoder decoder = new JpegDecoder(DecoderOptions.DEFAULT.withListener(warnings::add));
                before = decoder.decode(in);
                coefficients = new JpegTranscoder(DecoderOptions.DEFAULT.withListener(warnings::add))
                    .readCoefficients(in);
            } catch (UnsupportedJpegException e) {
                unsupported++;
                continue;
            } catch (JpegException e) {
                rejected++;
                continue;
            }
            if (!warnings.isEmpty()) {
                warned++;
                continue;
            }
            checked++;
            byte[] expected = samples(before);
            try {
                byte[] optimized = TRANSCODER.optimize(in, TranscodeOptions.DEFAULT);
                // optimize's progressive coding is the PROGRESSIVE one without restarts: coded again only when
                // optimize did not write it, or with the source's restart interval.
                boolean progressiveSeen = coefficients.restartInterval() == 0
                    && new JpegDecoder().readHeader(optimized).frame().process() == Marker.SOF2;
                byte[] arithmetic = null;
                for (TranscodeOptions.Coding coding : CODINGS) {
                    if (coding == TranscodeOptions.Coding.PROGRESSIVE && progressiveSeen) {
                        continue;
                    }
                    byte[] out = TRANSCODER.write(coefficients, TranscodeOptions.DEFAULT.withCoding(coding));
                    if (!Arrays.equals(expected, samples(new JpegDecoder().decode(out)))) {
                        failures.add(name + ": " + coding + " changes the pixels");
                    }
                    arithmetic = out;
                }
                bytesIn += in.length;
                bytesOut += optimized.length;
                if (optimized.length > in.length) {
                    failures.add(name + ": optimize wrote " + optimized.length + " bytes from " + in.length);
                }
                if (!Arrays.equals(expected, samples(new JpegDecoder().decode(optimized)))) {
                    failures.add(name + ": optimize changes the pixels");
                }
                if (djpeg.isPresent() && before.getRaster().getNumBands() != 4) {
                    ExternalTool.Result reference = djpeg.get().run(in);
                    if (reference.clean()) {
                        djpegChecked++;
                        for (byte[] out : List.of(optimized, arithmetic)) {
                            ExternalTool.Result r = djpeg.get().run(out);
                            if (!r.clean() || !Arrays.equals(reference.stdout(), r.stdout())) {
                                failures.add(name + ": djpeg reads an output " + (r.clean()
                                    ? "with other pixels" : "with: " + r.stderr().strip()));
                            }
                        }
                    }
                }
            } catch (UnsupportedJpegException e) {
                // jpegtran refuses these too ("DCT coefficient out of range"): coefficients no 8-bit file holds.
                refusedToWrite++;
            } catch (IOException | RuntimeException e) {
                failures.add(name + ": " + e);
            }
        }
        System.out.printf("optimize corpus: %d files checked (%d also through djpeg), %d unsupported (not 8-bit "
                + "DCT), %d rejected and %d with warnings skipped, %d over %d pixels skipped, %d refused by the "
                + "writer (coefficients out of range); optimize %d -> %d bytes; %d failures%n",
            checked, djpegChecked, unsupported, rejected, warned, large, MAX_PIXELS, refusedToWrite, bytesIn,
            bytesOut, failures.size());
        assertTrue(checked > 0 || inputs.isEmpty(), "no input was checked");
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    private static byte[] samples(BufferedImage image) {
        DataBuffer buffer = image.getRaster().getDataBuffer();
        return ((DataBufferByte) buffer).getData();
    }
}
