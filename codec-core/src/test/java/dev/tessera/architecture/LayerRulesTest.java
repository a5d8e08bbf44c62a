package dev.tessera.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackages;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layer rule of docs/architecture.md, checked on codec-core's compiled main classes. From the top:
 * adapters ({@code imageio}), then the API ({@code jpeg} facades and options, {@code tune}), then the drivers
 * ({@code decode}, {@code encode}), then the stages ({@code color}, {@code sample}, {@code dct}, {@code quant},
 * {@code entropy}, {@code marker}, {@code raster}, {@code transform}) and the leaves ({@code io}, {@code model},
 * {@code spec}, {@code error}). A package may import only packages below it, so no two packages import each other.
 */
class LayerRulesTest {
    static final String ROOT = "dev.tessera";
    static final String[] STAGES = {"dev.tessera.jpeg.color..", "dev.tessera.jpeg.sample..",
        "dev.tessera.jpeg.dct..", "dev.tessera.jpeg.quant..", "dev.tessera.jpeg.entropy..",
        "dev.tessera.jpeg.marker..", "dev.tessera.jpeg.raster..", "dev.tessera.jpeg.transform..",
        "dev.tessera.jpeg.io..", "dev.tessera.jpeg.model..",
        "dev.tessera.jpeg.spec..", "dev.tessera.jpeg.error..", "dev.tessera.jpeg.simd.."};
    /** What users (and so the adapters) may import: the packages module-info exports, less the adapter itself. */
    static final String[] API = {"dev.tessera.jpeg", "dev.tessera.jpeg.error", "dev.tessera.jpeg.model",
        "dev.tessera.jpeg.spec", "dev.tessera.metrics..", "dev.tessera.tune.."};

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);
    }

    @Test
    void noPackageImportsAPackageThatImportsItBack() {
        // One slice per package: dev.tessera.jpeg, dev.tessera.jpeg.decode, ...
        slices().matching("dev.tessera.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void stagesKnowNothingOfWhoDrivesThem() {
        noClasses().that().resideInAnyPackage(STAGES)
            .should().dependOnClassesThat().resideInAnyPackage("dev.tessera.jpeg", "dev.tessera.jpeg.decode..",
                "dev.tessera.jpeg.encode..", "dev.tessera.jpeg.imageio..", "dev.tessera.tune..",
                "dev.tessera.metrics..")
            .check(classes);
    }

    @Test
    void driversKnowNothingOfTheFacadesOrAdapters() {
        noClasses().that().resideInAnyPackage("dev.tessera.jpeg.decode..", "dev.tessera.jpeg.encode..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.tessera.jpeg", "dev.tessera.jpeg.imageio..",
                "dev.tessera.tune..", "dev.tessera.metrics..")
            .check(classes);
    }

    @Test
    void decodeAndEncodeShareNoClass() {
        noClasses().that().resideInAPackage("dev.tessera.jpeg.decode..")
            .should().dependOnClassesThat().resideInAPackage("dev.tessera.jpeg.encode..").check(classes);
        noClasses().that().resideInAPackage("dev.tessera.jpeg.encode..")
            .should().dependOnClassesThat().resideInAPackage("dev.tessera.jpeg.decode..").check(classes);
    }

    @Test
    void theImageIoAdapterGoesThroughTheFacades() {
        noClasses().that().resideInAPackage("dev.tessera.jpeg.imageio..")
            .should().dependOnClassesThat(resideInAPackage("dev.tessera..")
                .and(resideOutsideOfPackages(withImageIo(API))).as("Tessera classes outside the API"))
            .check(classes);
    }

    @Test
    void theApiLayerIsBelowTheAdapter() {
        noClasses().that().resideInAnyPackage(API)
            .should().dependOnClassesThat().resideInAPackage("dev.tessera.jpeg.imageio..").check(classes);
    }

    @Test
    void metricsIsALibraryOfItsOwn() {
        noClasses().that().resideInAPackage("dev.tessera.metrics..")
            .should().dependOnClassesThat().resideInAPackage("dev.tessera.jpeg..").check(classes);
    }

    private static String[] withImageIo(String[] packages) {
        String[] all = Arrays.copyOf(packages, packages.length + 1);
        all[packages.length] = "dev.tessera.jpeg.imageio..";
        return all;
    }
}
