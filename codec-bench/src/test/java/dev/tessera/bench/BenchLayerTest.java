package dev.tessera.bench;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackages;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Whole-codec benchmarks measure what users call, so they reach the codec only through the exported API. The
 * stage benchmarks, whose subject is one internal stage (one JMH class per stage, as the style guide asks), are
 * the named exceptions, together with their shared input fixture.
 */
class BenchLayerTest {
    @Test
    void wholeCodecBenchmarksUseOnlyTheApi() {
        noClasses().that(not(belongToAnyOf(ColorConvertBenchmark.class, DctQuantizeBenchmark.class,
                DecodeStageBenchmark.class, DownsampleBenchmark.class, FancyUpsampleBenchmark.class, HuffmanBenchmark.class,
                StageInput.class)))
            .and().resideOutsideOfPackage("..jmh_generated..")
            .should().dependOnClassesThat(resideInAPackage("dev.tessera..")
                .and(resideOutsideOfPackages("dev.tessera.bench..", "dev.tessera.jpeg", "dev.tessera.jpeg.error",
                    "dev.tessera.jpeg.model", "dev.tessera.jpeg.spec", "dev.tessera.jpeg.imageio",
                    "dev.tessera.metrics", "dev.tessera.tune"))
                .as("codec-core packages that are not exported"))
            .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.tessera.bench"));
    }
}
