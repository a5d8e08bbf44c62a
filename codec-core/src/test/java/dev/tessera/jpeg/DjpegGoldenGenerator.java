package dev.tessera.jpeg;

import dev.tessera.testing.Corpus;
import dev.tessera.testing.ExternalTool;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Regenerates {@code src/test/resources/golden/djpeg-2.1.5.tsv}: runs libjpeg-turbo 2.1.5's {@code djpeg -pnm}
 * (defaults otherwise, as {@code djpeg -scale 1/N} for the scaled rows) over every reference input and records
 * the SHA-256 of the pixel bytes. A second hash is taken with {@code JSIMD_FORCENONE=1}, djpeg's plain C code
 * paths, which differ from its AVX2 inverse DCT only on corrupt data that overflows 16 bits.
 *
 * <p>Run: {@code mvn -pl codec-core test -Dtest=DjpegGoldenGenerator -Dtessera.regenerateGolden=true}.
 */
@EnabledIfSystemProperty(named = "tessera.regenerateGolden", matches = "true")
class DjpegGoldenGenerator {
    static final String HEADER = "source\tfile\tscale\twidth\theight\tcomponents\tsha256\toutcome\tsha256_c\tdjpeg_message";

    @Test
    void regenerate() throws Exception {
        ExternalTool djpeg = ExternalTool.require("djpeg");
        List<String> rows = new ArrayList<>();
        rows.add(HEADER);
        for (ReferenceCorpus.Input input : ReferenceCorpus.all()) {
            Optional<byte[]> data = input.read();
            if (data.isEmpty()) {
                continue;
            }
            for (int scale : ReferenceCorpus.SCALES) {
                String[] args = scale == 1 ? new String[] {"-pnm"} : new String[] {"-pnm", "-scale", "1/" + scale};
                ExternalTool.Result simd = djpeg.run(data.get(), args);
                ExternalTool.Result plain = djpeg.run(Map.of("JSIMD_FORCENONE", "1"), data.get(), args);
                String outcome = switch (simd.exitCode()) {
                    case 0 -> "ok";
                    case 2 -> "warn";
                    default -> "error";
                };
                String w = "-";
                String h = "-";
                String c = "-";
                String hash = "-";
                String hashC = "-";
                if (!outcome.equals("error") && simd.stdout().length > 0) {
                    Payload p = Payload.of(simd.stdout());
                    w = Integer.toString(p.width);
                    h = Integer.toString(p.height);
                    c = Integer.toString(p.channels);
                    hash = sha256(simd.stdout(), p.offset);
                    if (plain.exitCode() != 1 && plain.stdout().length > 0) {
                        hashC = sha256(plain.stdout(), Payload.of(plain.stdout()).offset);
                    }
                }
                String message = simd.stderr().lines().findFirst().orElse("").replace('\t', ' ');
                rows.add(String.join("\t", input.source(), input.file(), Integer.toString(scale), w, h, c, hash,
                    outcome, hashC, message));
            }
        }
        Path out = Corpus.repositoryRoot().resolve("codec-core/src/test/resources/golden/djpeg-2.1.5.tsv");
        Files.createDirectories(out.getParent());
        Files.write(out, rows, StandardCharsets.UTF_8);
    }

    static String sha256(byte[] bytes, int offset) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        md.update(bytes, offset, bytes.length - offset);
        return HexFormat.of().formatHex(md.digest());
    }

    /** Where a binary PGM/PPM's pixels start, and its size. */
    record Payload(int width, int height, int channels, int offset) {
        static Payload of(byte[] b) {
            int[] pos = {2};
            int channels = b[1] == '5' ? 1 : 3;
            int w = Integer.parseInt(token(b, pos));
            int h = Integer.parseInt(token(b, pos));
            token(b, pos);
            return new Payload(w, h, channels, pos[0] + 1);
        }

        private static String token(byte[] b, int[] pos) {
            int p = pos[0];
            while (Character.isWhitespace(b[p])) {
                p++;
            }
            int start = p;
            while (!Character.isWhitespace(b[p])) {
                p++;
            }
            pos[0] = p;
            return new String(b, start, p - start, StandardCharsets.US_ASCII);
        }
    }
}
