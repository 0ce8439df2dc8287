package io.chartersync.guestpage;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * What other packages may use of the guest pages: the module, the workflow's port, and the models the
 * templates read (jte compiles them into another package). Everything else stays package-private.
 */
class PublicSurfaceTest {
    @Test
    void only_the_module_the_port_and_the_template_models_are_public() {
        classes()
                .that()
                .resideInAPackage("io.chartersync.guestpage")
                .and()
                .arePublic()
                .should()
                .haveNameMatching(
                        "io\\.chartersync\\.guestpage\\.(GuestPageModule|GuestPagePort|GuestPage|GuestView|UploadResult)"
                                + "(\\$.*)?")
                .check(new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("io.chartersync.guestpage"));
    }
}
