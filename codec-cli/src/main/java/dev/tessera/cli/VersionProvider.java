package dev.tessera.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * Supplies {@code tessera --version}: the project version from {@code version.properties}, which Maven fills
 * in when it copies resources, falling back to the jar manifest's Implementation-Version.
 */
final class VersionProvider implements IVersionProvider {
    private static final String RESOURCE = "version.properties";

    @Override
    public String[] getVersion() {
        return new String[] {
            "tessera " + version(),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"
        };
    }

    /** The project version, or "unknown" if neither the resource nor the manifest has one. */
    static String version() {
        try (InputStream in = VersionProvider.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                Properties properties = new Properties();
                properties.load(in);
                String value = properties.getProperty("version");
                // An unfiltered copy (an IDE build that skipped Maven's resource filtering) still says ${...}.
                if (value != null && !value.isBlank() && !value.startsWith("${")) {
                    return value.trim();
                }
            }
        } catch (IOException e) {
            // Fall through to the manifest.
        }
        String manifest = VersionProvider.class.getPackage().getImplementationVersion();
        return manifest != null ? manifest : "unknown";
    }
}
