package dev.tessera.standalone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The codec-core jar needs nothing but the JDK: {@link ImageIoProbe} runs in a fresh {@code java} process (the
 * test JVM's java.home) that sees only the built jar and the probe's own class, once with the jar on the class
 * path (its {@code META-INF/services}) and once on the module path (module-info's {@code provides}). Run by
 * failsafe after {@code package}; the jar's path comes in the system property {@value #JAR_PROPERTY}.
 */
class StandaloneJarIT {
    static final String JAR_PROPERTY = "tessera.codecJar";
    /** Lets the probe ask simd.VectorSupport (not exported) which path the module chose. */
    static final String SIMD_EXPORT = "dev.tessera.codec/dev.tessera.jpeg.simd=ALL-UNNAMED";

    @TempDir
    Path temp;

    @Test
    void imageIoWorksWithTheJarAloneOnTheClassPath() throws Exception {
        Path probe = probeClassDirectory();
        runProbe("-cp", jar() + File.pathSeparator + probe, ImageIoProbe.class.getName(), "class-path", "scalar");
    }

    @Test
    void imageIoWorksWithTheJarAsAModule() throws Exception {
        Path probe = probeClassDirectory();
        runProbe("--module-path", jar().toString(), "--add-modules", "dev.tessera.codec", "--add-exports",
            SIMD_EXPORT, "-cp", probe.toString(), ImageIoProbe.class.getName(), "module-path", "scalar");
    }

    /** The module reads jdk.incubator.vector (requires static) when the JVM adds it, and chooses the kernels. */
    @Test
    void theModuleChoosesTheVectorKernelsWhenTheJvmAddsTheVectorModule() throws Exception {
        Path probe = probeClassDirectory();
        runProbe("--module-path", jar().toString(), "--add-modules", "dev.tessera.codec,jdk.incubator.vector",
            "--add-exports", SIMD_EXPORT, "-cp", probe.toString(), ImageIoProbe.class.getName(), "module-path",
            "vector");
    }

    private static Path jar() {
        String path = System.getProperty(JAR_PROPERTY);
        assertTrue(path != null, JAR_PROPERTY + " is not set: run through mvn verify");
        Path jar = Paths.get(path);
        assertTrue(Files.isRegularFile(jar), "no jar at " + jar);
        return jar;
    }

    /** A class directory holding the probe's class file alone, not the other test classes. */
    private Path probeClassDirectory() throws IOException, URISyntaxException {
        String file = ImageIoProbe.class.getSimpleName() + ".class";
        Path compiled = Paths.get(ImageIoProbe.class.getResource(file).toURI());
        Path directory = temp.resolve("probe");
        Path copy = directory.resolve(ImageIoProbe.class.getPackageName().replace('.', '/')).resolve(file);
        Files.createDirectories(copy.getParent());
        Files.copy(compiled, copy);
        return directory;
    }

    private void runProbe(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Djava.awt.headless=true");
        command.addAll(List.of(arguments));
        Path out = temp.resolve("stdout.txt");
        Path err = temp.resolve("stderr.txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().remove("CLASSPATH");
        builder.environment().remove("JDK_JAVA_OPTIONS");
        Process process = builder.start();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor();
        }
        int status = process.isAlive() ? -1 : process.exitValue();
        String stdout = Files.readString(out);
        String stderr = Files.readString(err);
        assertEquals(0, status, () -> "probe failed (exit status " + status + ", -1 for a timeout): "
            + String.join(" ", command) + "\n--- stderr ---\n" + stderr + "--- stdout ---\n" + stdout);
        System.out.print(stdout);
    }
}
