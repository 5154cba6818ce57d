package org.palimpsest.annotations;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The module's package layering: anchoring ← annotation ← webannotation, and no framework beyond Axon's messages. */
class PackageRulesTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.palimpsest.annotations");

    @Test
    void anchoringIsPureTextWork() {
        noClasses().that().resideInAPackage("..annotations.anchoring..")
                .should().dependOnClassesThat().resideInAnyPackage("..annotations.annotation..",
                        "..annotations.webannotation..", "org.axonframework..", "com.fasterxml..")
                .check(CLASSES);
    }

    @Test
    void theAggregateDoesNotKnowItsW3cRepresentation() {
        noClasses().that().resideInAPackage("..annotations.annotation..")
                .should().dependOnClassesThat().resideInAPackage("..annotations.webannotation..")
                .check(CLASSES);
    }

    @Test
    void theW3cMappingIsPlainMapsWithoutHttpOrAJsonLibrary() {
        noClasses().that().resideInAPackage("..annotations.webannotation..")
                .should().dependOnClassesThat().resideInAnyPackage("com.fasterxml..", "tools.jackson..",
                        "org.springframework..", "jakarta..", "org.axonframework..")
                .check(CLASSES);
    }

    @Test
    void nothingHereKnowsSpringOrHttp() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.servlet..")
                .check(CLASSES);
    }

    @Test
    void packagesAreFreeOfCycles() {
        slices().matching("org.palimpsest.annotations.(**)").should().beFreeOfCycles().check(CLASSES);
    }
}
