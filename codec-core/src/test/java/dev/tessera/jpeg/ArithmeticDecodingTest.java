package dev.tessera.jpeg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.tessera.jpeg.error.JpegException;
import dev.tessera.jpeg.error.JpegWarning;
import dev.tessera.jpeg.error.MalformedJpegException;
import dev.tessera.testing.Corpus;
import dev.tessera.testing.Pnm;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Arithmetic-coded files (T.81 Annex D; SOF9 sequential, SOF10 progressive): the transcodes in test resources
 * against libjpeg-turbo 2.1.5's djpeg ({@code golden/arithmetic-djpeg-2.1.5.tsv}; the shared-corpus files are in
 * {@link DjpegReferenceTest}), equivalences between codings of the same coefficients, DAC conditioning, and
 * robustness of the arithmetic path.
 */
class ArithmeticDecodingTest {
    record Row(String path, String outcome, String sha256, int width, int height) {
    }

    static List<Row> golden() throws IOException {
        List<Row> rows = new ArrayList<>();
        try (InputStream in = ArithmeticDecodingTest.class.getResourceAsStream("/golden/arithmetic-djpeg-2.1.5.tsv")) {
            assertNotNull(in, "golden table missing");
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                boolean image = !f[1].equals("error");
                rows.add(new Row(f[0], f[1], f[2], image ? Integer.parseInt(f[3]) : 0,
                    image ? Integer.parseInt(f[4]) : 0));
            }
        }
        return rows;
    }

    static Optional<byte[]> read(String path) throws IOException {
        if (path.startsWith("resource:")) {
            String name = path.substring("resource:".length());
            int at = name.indexOf('@');
            if (at < 0) {
                return Optional.of(Corpus.resource(name));
            }
            byte[] whole = Corpus.resource(name.substring(0, at));
            return Optional.of(java.util.Arrays.copyOf(whole, Integer.parseInt(name.substring(at + 1))));
        }
        Optional<Path> p = Corpus.shared("corpus/" + path);
        return p.isPresent() ? Optional.of(Files.readAllBytes(p.get())) : Optional.empty();
    }

    static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void decodesLikeDjpeg() {
        // Bounded loops: the whole table (the largest image has 15 million pixels) in well under the limit.
        assertTimeoutPreemptively(Duration.ofMinutes(3), this::compareWithGolden);
    }

    private void compareWithGolden() throws IOException {
        List<String> failures = new ArrayList<>();
        int exact = 0;
        int rejected = 0;
        int skipped = 0;
        for (Row row : golden()) {
            Optional<byte[]> data = read(row.path);
            if (data.isEmpty()) {
                skipped++;
                continue;
            }
            BufferedImage image;
            try {
                image = new JpegDecoder().decode(data.get());
            } catch (JpegException e) {
                if (row.outcome.equals("error")) {
                    rejected++;
                    assertTrue(e.offset() >= 0, row.path + ": exception without offset: " + e.getMessage());
                } else {
                    failures.add(row.path + ": djpeg decodes it, we throw " + e.getMessage());
                }
                continue;
            }
            if (row.outcome.equals("error")) {
                // djpeg rejects it; decoding it anyway (with warnings) is allowed, as long as nothing else is thrown.
                rejected++;
                continue;
            }
            String sha = sha256(Pnm.of(image).samples());
            if (!sha.equals(row.sha256) || image.getWidth() != row.width || image.getHeight() != row.height) {
                failures.add(row.path + ": pixels differ from djpeg");
            } else {
                exact++;
            }
        }
        System.out.printf("arithmetic transcodes vs djpeg 2.1.5: %d exact, %d rejected by djpeg, %d skipped, "
            + "%d failures%n", exact, rejected, skipped, failures.size());
        assertTrue(failures.isEmpty(), String.join("\n", failures));
        assertTrue(exact >= 13, "the resource files alone give 13 exact matches");
    }

    @Test
    void arithmeticAndHuffmanTwinsDecodeAlike() throws IOException {
        // libjpeg-turbo's testimgari.jpg is `jpegtran -arithmetic testimgint.jpg`: the same coefficients.
        Path dir = Corpus.requireShared("corpus/libjpeg-turbo");
        byte[] ari = Pnm.of(new JpegDecoder().decode(dir.resolve("testimgari.jpg"))).samples();
        byte[] huff = Pnm.of(new JpegDecoder().decode(dir.resolve("testimgint.jpg"))).samples();
        assertArrayEquals(huff, ari);
    }

    @Test
    void progressiveAndSequentialTranscodesDecodeAlike() {
        // The same coefficients, coded sequentially or progressively, with or without restarts.
        byte[] sequential = Pnm.of(decode(Corpus.resource("/arithmetic/testorig-ari-rst1B.jpg"))).samples();
        for (String name : List.of("/arithmetic/testorig-prog-ari.jpg", "/arithmetic/testorig-prog-ari-rst3B.jpg")) {
            assertArrayEquals(sequential, Pnm.of(decode(Corpus.resource(name))).samples(), name);
        }
        assertArrayEquals(Pnm.of(decode(Corpus.resource("/arithmetic/testorig-gray-ari.jpg"))).samples(),
            Pnm.of(decode(Corpus.resource("/arithmetic/testorig-gray-prog-ari-rst1.jpg"))).samples());
    }

    private static BufferedImage decode(byte[] data) {
        try {
            return new JpegDecoder().decode(data);
        } catch (JpegException e) {
            throw new AssertionError(e);
        }
    }

    /** Inserts a segment just before the first SOS. */
    private static byte[] insertBeforeScan(byte[] jpeg, byte[] segment) {
        for (int i = 2; i + 1 < jpeg.length; i++) {
            if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == 0xDA) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                out.write(jpeg, 0, i);
                out.writeBytes(segment);
                out.write(jpeg, i, jpeg.length - i);
                return out.toByteArray();
            }
        }
        throw new IllegalArgumentException("no SOS");
    }

    @Test
    void defaultConditioningInDacChangesNothingAndOtherValuesDo() throws JpegException {
        byte[] jpeg = Corpus.resource("/arithmetic/testorig-gray-ari.jpg");
        byte[] plain = Pnm.of(new JpegDecoder().decode(jpeg)).samples();
        // T.81 B.2.4.3: Tc/Tb, Cs. DC table 0: L=0, U=1 (F.1.4.4.1.4 defaults); AC table 0: Kx=5.
        byte[] defaults = {(byte) 0xFF, (byte) 0xCC, 0, 6, 0x00, 0x10, 0x10, 5};
        assertArrayEquals(plain, Pnm.of(new JpegDecoder().decode(insertBeforeScan(jpeg, defaults))).samples());
        byte[] other = {(byte) 0xFF, (byte) 0xCC, 0, 6, 0x00, 0x32, 0x10, 20};
        BufferedImage changed = new JpegDecoder().decode(insertBeforeScan(jpeg, other));
        assertEquals(227, changed.getWidth());
        assertTrue(!java.util.Arrays.equals(plain, Pnm.of(changed).samples()),
            "other conditioning must change how the same bytes decode");
    }

    @Test
    void dacWithLowerBoundAboveUpperIsMalformed() {
        byte[] jpeg = Corpus.resource("/arithmetic/testorig-gray-ari.jpg");
        byte[] bad = {(byte) 0xFF, (byte) 0xCC, 0, 4, 0x01, 0x23}; // DC table 1: L=3 > U=2
        byte[] stream = insertBeforeScan(jpeg, bad);
        MalformedJpegException e = assertThrows(MalformedJpegException.class, () -> new JpegDecoder().decode(stream));
        assertTrue(e.getMessage().contains("exceeds"), e.getMessage());
        assertTrue(e.offset() > 0);
    }

    @Test
    void truncatedAndCorruptedFilesEndInImageOrJpegException() {
        Random random = new Random(31);
        for (String name : List.of("/arithmetic/testorig-prog-ari-rst3B.jpg", "/arithmetic/testorig-ari-rst1B.jpg",
            "/arithmetic/testorig-gray-prog-ari-rst1.jpg")) {
            byte[] jpeg = Corpus.resource(name);
            assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
                for (int cut = 100; cut < jpeg.length; cut += 37) {
                    survive(java.util.Arrays.copyOf(jpeg, cut), name + " cut at " + cut);
                }
                for (int trial = 0; trial < 150; trial++) {
                    byte[] broken = jpeg.clone();
                    int flips = 1 + random.nextInt(4);
                    for (int f = 0; f < flips; f++) {
                        int at = 300 + random.nextInt(jpeg.length - 302);
                        broken[at] = (byte) random.nextInt(256);
                    }
                    survive(broken, name + " trial " + trial);
                }
            });
        }
    }

    private static void survive(byte[] data, String what) {
        List<JpegWarning> warnings = new ArrayList<>();
        try {
            BufferedImage image = new JpegDecoder(DecoderOptions.DEFAULT.withListener(warnings::add)).decode(data);
            assertNotNull(image, what);
        } catch (JpegException e) {
            assertTrue(e.offset() >= 0, what + ": no offset in " + e.getMessage());
        } catch (RuntimeException e) {
            fail(what + ": " + e, e);
        }
    }
}
