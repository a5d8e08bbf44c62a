package dev.tessera.cli;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackages;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The command line is an adapter: it reaches the codec only through the packages codec-core exports. */
class CliLayerTest {
    @Test
    void theCommandLineUsesOnlyTheApi() {
        noClasses().should().dependOnClassesThat(resideInAPackage("dev.tessera..")
                .and(resideOutsideOfPackages("dev.tessera.cli..", "dev.tessera.jpeg", "dev.tessera.jpeg.error",
                    "dev.tessera.jpeg.model", "dev.tessera.jpeg.spec", "dev.tessera.jpeg.imageio",
                    "dev.tessera.metrics", "dev.tessera.tune"))
                .as("codec-core packages that are not exported"))
            .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.tessera.cli"));
    }
}
