package dev.tessera.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class MainTest {
    @Test
    void versionPrintsTheProjectVersion() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream("version.properties")) {
            properties.load(in);
        }
        String version = properties.getProperty("version");
        assertFalse(version.contains("${"), "resource filtering did not run: " + version);

        Cli.Result result = Cli.run("--version");

        assertEquals(0, result.exitCode());
        assertTrue(result.out().startsWith("tessera " + version + System.lineSeparator()), result.out());
    }

    @Test
    void helpListsCommandsAndExamples() {
        Cli.Result result = Cli.run("--help");

        assertEquals(0, result.exitCode());
        assertTrue(result.out().contains("compress"), result.out());
        assertTrue(result.out().contains("Examples:"), result.out());
    }

    @Test
    void compressHelpListsEveryOption() {
        Cli.Result result = Cli.run("compress", "--help");

        assertEquals(0, result.exitCode());
        for (String option : new String[] {"--output", "--out-dir", "--quality", "--subsampling", "--restart",
            "--no-optimize", "--strip-metadata", "--force", "--verbose"}) {
            assertTrue(result.out().contains(option), option);
        }
    }
}
