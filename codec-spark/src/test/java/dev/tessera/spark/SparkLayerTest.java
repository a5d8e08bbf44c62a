package dev.tessera.spark;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackages;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

/**
 * The Spark module is an adapter: it reaches the codec only through the packages codec-core exports, and the
 * CLI only through the input loading it shares with {@code tessera compress}.
 */
class SparkLayerTest {
    /** The module's own classes; importing by package would scan Spark's few hundred jars too. */
    private static com.tngtech.archunit.core.domain.JavaClasses mainClasses() {
        return new ClassFileImporter().importPath(java.nio.file.Path.of("target", "classes"));
    }

    @Test
    void theSparkModuleUsesOnlyTheApiAndTheClisInputLoading() {
        noClasses().should().dependOnClassesThat(resideInAPackage("dev.tessera..")
                .and(resideOutsideOfPackages("dev.tessera.spark..", "dev.tessera.jpeg", "dev.tessera.jpeg.error",
                    "dev.tessera.jpeg.model", "dev.tessera.jpeg.spec", "dev.tessera.metrics", "dev.tessera.tune",
                    "dev.tessera.cli"))
                .as("codec-core packages that are not exported"))
            .check(mainClasses());
    }

    @Test
    void theSparkModuleUsesOnlyTheClisLoadingClasses() {
        noClasses().should().dependOnClassesThat(resideInAPackage("dev.tessera.cli")
                .and(com.tngtech.archunit.base.DescribedPredicate.describe("not ImageLoader, SourceImage or Failures",
                    c -> !c.getSimpleName().equals("ImageLoader") && !c.getSimpleName().equals("SourceImage")
                        && !c.getSimpleName().equals("Failures"))))
            .check(mainClasses());
    }
}
