package org.palimpsest.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The module and package rules of DESIGN.md and STYLE.md, checked on the compiled classes. */
class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            // archive-core's test-jar (the event-store conformance suite) is on this classpath too.
            .withImportOption(location -> !location.contains("-tests.jar"))
            .importPackages("org.palimpsest");

    @Test
    void domainModulesHaveNoSpringOrHttpTypes() {
        noClasses().that().resideInAnyPackage("org.palimpsest.archive..", "org.palimpsest.annotations..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta.servlet..")
                .check(CLASSES);
    }

    @Test
    void archiveCoreDependsOnNoOtherModule() {
        noClasses().that().resideInAPackage("org.palimpsest.archive..")
                .should().dependOnClassesThat().resideInAnyPackage("org.palimpsest.annotations..", "org.palimpsest.api..")
                .check(CLASSES);
    }

    @Test
    void annotationsDoNotDependOnTheApplication() {
        noClasses().that().resideInAPackage("org.palimpsest.annotations..")
                .should().dependOnClassesThat().resideInAPackage("org.palimpsest.api..")
                .check(CLASSES);
    }

    @Test
    void extractionIsPureTextAnalysis() {
        classes().that().resideInAPackage("org.palimpsest.archive.extraction..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(
                        "java..", "org.palimpsest.archive.extraction..", "org.yaml.snakeyaml..", "org.jspecify..", "org.commonmark..")
                .check(CLASSES);
    }

    @Test
    void theDocumentModelDoesNotKnowMongo() {
        noClasses().that().resideInAPackage("org.palimpsest.archive.document")
                .should().dependOnClassesThat().resideInAnyPackage("com.mongodb..", "org.bson..")
                .check(CLASSES);
    }

    @Test
    void projectionsNeverReadAggregates() {
        noClasses().that().resideInAPackage("org.palimpsest.archive.projection..")
                .should().dependOnClassesThat().areAssignableTo(org.palimpsest.archive.document.Document.class)
                .check(CLASSES);
    }

    @Test
    void controllersOnlyTranslateHttpToCommandsAndQueries() {
        noClasses().that().resideInAPackage("org.palimpsest.api..web..")
                .should().dependOnClassesThat().resideInAnyPackage("com.mongodb..", "org.bson..")
                .check(CLASSES);
    }

    /**
     * Every package of the three modules, the application's root package included (a slice per package, so
     * {@code api} and {@code api.cli} are two). archive-core and annotations check their own packages too.
     */
    @Test
    void packagesAreFreeOfCycles() {
        slices().matching("org.palimpsest.(**)").should().beFreeOfCycles().check(CLASSES);
    }
}
