package dev.tessera.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * The PNGs committed in {@code testimages/} hold exactly the generator's pixels. Regenerate them with
 * {@code mvn -B -q -pl codec-core test -Dtest=TestImagesUpToDateTest -Dtessera.regenerate=true}.
 */
class TestImagesUpToDateTest {
    @Test
    void committedImagesMatchTheGenerator() throws Exception {
        Path dir = Corpus.repositoryRoot().resolve("testimages");
        if (Boolean.getBoolean("tessera.regenerate")) {
            TestImageGenerator.writeAll(dir);
        }
        for (Map.Entry<String, Supplier<BufferedImage>> e : TestImageGenerator.all().entrySet()) {
            Path file = dir.resolve(e.getKey() + ".png");
            assertTrue(Files.isRegularFile(file), file + " is missing: regenerate (see this class's Javadoc)");
            BufferedImage expected = e.getValue().get();
            BufferedImage actual = ImageIO.read(file.toFile());
            assertEquals(expected.getWidth(), actual.getWidth(), file.toString());
            assertEquals(expected.getHeight(), actual.getHeight(), file.toString());
            assertArrayEquals(Pnm.of(expected).samples(), Pnm.of(actual).samples(),
                file + " differs from the generator's output: regenerate (see this class's Javadoc)");
        }
    }
}
