package dev.tessera.spark;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackages;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The Spark module is an adapter: it reaches the codec only through the packages codec-core exports, and the
 * CLI only through the input loading it shares with {@code tessera compress}.
 */
class SparkLayerTest {
    @Test
    void theSparkModuleUsesOnlyTheApiAndTheClisInputLoading() {
        noClasses().should().dependOnClassesThat(resideInAPackage("dev.tessera..")
                .and(resideOutsideOfPackages("dev.tessera.spark..", "dev.tessera.jpeg", "dev.tessera.jpeg.error",
                    "dev.tessera.jpeg.model", "dev.tessera.jpeg.spec", "dev.tessera.metrics", "dev.tessera.tune",
                    "dev.tessera.cli"))
                .as("codec-core packages that are not exported"))
            .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.tessera.spark"));
    }

    @Test
    void theSparkModuleUsesOnlyTheClisLoadingClasses() {
        noClasses().should().dependOnClassesThat(resideInAPackage("dev.tessera.cli")
                .and(com.tngtech.archunit.base.DescribedPredicate.describe("not ImageLoader, SourceImage or Failures",
                    c -> !c.getSimpleName().equals("ImageLoader") && !c.getSimpleName().equals("SourceImage")
                        && !c.getSimpleName().equals("Failures"))))
            .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.tessera.spark"));
    }
}
