package io.chartersync;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The module boundaries of STYLE.md, held by the build. */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void load() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.chartersync");
    }

    @Test
    void infrastructure_modules_import_no_feature_package() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "..web..", "..db..", "..storage..", "..mail..", "..audit..", "..common..", "..backup..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "..booking..",
                        "..workflow..",
                        "..calendar..",
                        "..crew..",
                        "..guestpage..",
                        "..console..",
                        "..feed..",
                        "..app..")
                .check(classes);
    }

    @Test
    void calendar_crew_and_guest_pages_do_not_import_each_other() {
        noClasses()
                .that()
                .resideInAPackage("..calendar..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("..crew..", "..guestpage..", "..booking..", "..workflow..", "..feed..")
                .check(classes);
        noClasses()
                .that()
                .resideInAPackage("..crew..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("..calendar..", "..guestpage..", "..booking..", "..workflow..", "..feed..")
                .check(classes);
        noClasses()
                .that()
                .resideInAPackage("..guestpage..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("..calendar..", "..crew..", "..booking..", "..workflow..", "..feed..")
                .check(classes);
    }

    @Test
    void workflow_reaches_the_services_only_through_their_ports() {
        classes()
                .that()
                .resideInAPackage("..workflow..")
                .should()
                .onlyDependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe(
                        "outside calendar/crew/guestpage, or one of their ports",
                        c -> !c.getPackageName().matches("io\\.chartersync\\.(calendar|crew|guestpage)")
                                || c.getSimpleName().endsWith("Port")
                                || c.getName().matches(".*(Calendar|Crew|GuestPage)Port\\$.*")))
                .check(classes);
    }

    @Test
    void booking_does_not_know_the_workflow() {
        noClasses()
                .that()
                .resideInAPackage("..booking..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("..workflow..", "..app..", "..feed..")
                .check(classes);
    }

    @Test
    void feeds_reach_bookings_through_the_desk_and_the_calendar_only_through_its_port() {
        classes()
                .that()
                .resideInAPackage("..feed..")
                .should()
                .onlyDependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe(
                        "outside calendar/crew/guestpage/console, or the calendar's port",
                        c -> !c.getPackageName().matches("io\\.chartersync\\.(calendar|crew|guestpage|console)")
                                || c.getName().matches(".*\\.CalendarPort(\\$.*)?")))
                .check(classes);
        noClasses()
                .that()
                .resideInAnyPackage("..workflow..", "..calendar..", "..crew..", "..guestpage..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("..feed..")
                .check(classes);
    }

    @Test
    void idempotency_knows_no_feature_and_booking_is_handed_its_wrapper_by_app() {
        noClasses()
                .that()
                .resideInAPackage("..idempotency..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "..booking..",
                        "..workflow..",
                        "..calendar..",
                        "..crew..",
                        "..guestpage..",
                        "..console..",
                        "..feed..",
                        "..app..")
                .check(classes);
        noClasses()
                .that()
                .resideInAPackage("..booking..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("..idempotency..")
                .check(classes);
        classes()
                .that()
                .resideInAPackage("..idempotency..")
                .and()
                .areTopLevelClasses()
                .and()
                .arePublic()
                .should()
                .haveNameMatching("io\\.chartersync\\.idempotency\\.IdempotencyModule")
                .check(classes);
    }

    @Test
    void only_app_wires_features_together() {
        noClasses()
                .that()
                .resideOutsideOfPackage("..app..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("..app..")
                .check(classes);
    }
}
