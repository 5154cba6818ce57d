package org.palimpsest.archive;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The module's packages: no cycles, so each can be understood (and moved) from the bottom up. */
class PackageRulesTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.palimpsest.archive");

    @Test
    void packagesAreFreeOfCycles() {
        slices().matching("org.palimpsest.archive.(**)").should().beFreeOfCycles().check(CLASSES);
    }
}
