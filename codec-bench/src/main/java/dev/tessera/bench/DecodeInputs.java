package dev.tessera.bench;

import dev.tessera.jpeg.EncoderOptions;
import dev.tessera.jpeg.JpegEncoder;
import dev.tessera.jpeg.model.RestartInterval;
import dev.tessera.jpeg.model.Subsampling;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The JPEG files the decode benchmarks read, made deterministically in memory:
 *
 * <ul>
 *   <li>{@code photo}: a {@value #PHOTO_WIDTH}x{@value #PHOTO_HEIGHT} (4.06 MP) mosaic of the first twelve
 *       landscape Kodak images (kodim01, 02, 03, 05, 06, 07, 08, 11, 12, 13, 14, 15; 768x512 each) in a 4 x 3
 *       grid, cropped on the right; the synthetic picture tiled the same way when the corpus is absent;</li>
 *   <li>{@code kodak}: kodim01 (768x512), the encode benchmarks' default image.</li>
 * </ul>
 *
 * Each is encoded by Tessera's encoder, whose output equals cjpeg's for these settings (EncoderRateTest), as
 * one of the {@code kind}s: {@code 420} (baseline, quality 90, 4:2:0, Annex K tables: {@code cjpeg -quality 90}),
 * {@code 444} (quality 95, 4:4:4), {@code 422} (quality 90, 4:2:2: {@code cjpeg -quality 90 -sample 2x1}),
 * {@code progressive} (quality 90, 4:2:0, the default progression script),
 * {@code gray} (quality 90, one component), {@code 420-rst} (as 420 with a restart marker every MCU row,
 * {@code cjpeg -restart 1}). {@code main} writes them to a directory, for tjbench and djpeg.
 */
public final class DecodeInputs {
    static final int PHOTO_WIDTH = 2640;
    static final int PHOTO_HEIGHT = 1536;
    static final String KODAK_DIR = "../shared/corpus/kodak";

    private DecodeInputs() {
    }

    /** The named source picture: {@code photo}, {@code kodak}, or a file path (see {@link BenchImage}). */
    static BufferedImage picture(String name) {
        return switch (name) {
            case "photo" -> photo();
            case "kodak" -> BenchImage.load(BenchImage.DEFAULT).image();
            default -> BenchImage.load(name).image();
        };
    }

    static BufferedImage photo() {
        List<BufferedImage> tiles = new ArrayList<>();
        for (int i = 1; i <= 24 && tiles.size() < 12; i++) {
            String file = String.format("%s/kodim%02d.png", KODAK_DIR, i);
            BufferedImage tile;
            try {
                tile = BenchImage.load(file).image();
            } catch (UncheckedIOException e) {
                tile = null;
            }
            if (tile == null) {
                if (tiles.isEmpty()) {
                    // Figures from the synthetic picture are not the photo's: say so where they are printed.
                    System.err.println("photo: no " + file + " (relative to " + Path.of("").toAbsolutePath()
                        + "), so the synthetic picture is used; run from the repository root beside ../shared");
                }
                tile = BenchImage.synthetic().image();
            }
            if (tile.getWidth() == 768 && tile.getHeight() == 512) {
                tiles.add(tile);
            }
        }
        BufferedImage out = new BufferedImage(PHOTO_WIDTH, PHOTO_HEIGHT, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = out.createGraphics();
        for (int i = 0; i < 12; i++) {
            g.drawImage(tiles.get(i), (i % 4) * 768, (i / 4) * 512, null);
        }
        g.dispose();
        return out;
    }

    /** Encodes {@code picture} as {@code kind} (see the class comment). */
    static byte[] encode(BufferedImage picture, String kind) {
        // Sequential unless the kind says otherwise (DEFAULT itself is progressive).
        EncoderOptions base = EncoderOptions.DEFAULT.withProgressive(false).withQuality(90)
            .withSubsampling(Subsampling.S420).withOptimizeHuffman(false);
        BufferedImage input = picture;
        EncoderOptions options = switch (kind) {
            case "420" -> base;
            case "420-rst" -> base.withRestartInterval(RestartInterval.mcuRows(1));
            case "444" -> base.withQuality(95).withSubsampling(Subsampling.S444);
            case "422" -> base.withSubsampling(Subsampling.S422);
            // The scan script search, as before DEFAULT became progressive: the same file as then.
            case "progressive" -> base.withProgressive(true).withOptimizeHuffman(true).withScanSearch(true);
            case "gray" -> {
                input = new BufferedImage(picture.getWidth(), picture.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
                Graphics2D g = input.createGraphics();
                g.drawImage(picture, 0, 0, null);
                g.dispose();
                yield base;
            }
            default -> throw new IllegalArgumentException("unknown kind " + kind);
        };
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
        try {
            new JpegEncoder(options).encode(input, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Writes every image and kind to the directory {@code args[0]} as IMAGE-KIND.jpg. */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : ".");
        Files.createDirectories(dir);
        for (String image : new String[] {"photo", "kodak"}) {
            BufferedImage picture = picture(image);
            for (String kind : new String[] {"420", "422", "444", "progressive", "gray", "420-rst"}) {
                Path file = dir.resolve(image + "-" + kind + ".jpg");
                Files.write(file, encode(picture, kind));
                System.out.println(file + " " + Files.size(file) + " bytes");
            }
        }
    }
}
