package io.usher;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameStartingWith;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.concurrent.Executors;
import org.flywaydb.core.Flyway;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The rules of docs/architecture.md, checked on every build. */
class ArchitectureTest {
  static final String APP = "io.usher.app..";
  static final String DOMAIN = "io.usher.domain..";
  static final String APPLICATION = "io.usher.application..";
  static final String[] FRONTS = {"io.usher.ui..", "io.usher.cli..", "io.usher.checkout.."};
  static final String[] ADAPTERS = {
    "io.usher.store..", "io.usher.media..", "io.usher.payments..", "io.usher.notify.."
  };

  /** Each adapter on its own: one must not reach into another (they share only io.usher.http). */
  static final String[] EACH_ADAPTER = {
    "io.usher.store",
    "io.usher.media",
    "io.usher.payments.stripe",
    "io.usher.payments.paypal",
    "io.usher.notify.mail",
    "io.usher.notify.discord"
  };

  static JavaClasses classes;

  @BeforeAll
  static void importMainClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.usher");
  }

  @Test
  void theDomainDependsOnTheJdkOnly() {
    check(
        classes()
            .that()
            .resideInAPackage(DOMAIN)
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(
                DOMAIN, "java.lang..", "java.util..", "java.time..", "java.math..", "java.io..")
            .because("the ledger rules must be testable with no database, network or window"));
  }

  @Test
  void applicationServicesSeeOnlyTheDomain() {
    check(
        noClasses()
            .that()
            .resideInAPackage(APPLICATION)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                concat(ADAPTERS, FRONTS, APP, "org.jooq..", "javafx..", "okhttp3.."))
            .because("use cases talk to the outside only through domain interfaces"));
  }

  @Test
  void applicationServicesUseOnlyTheJdkTheDomainAndPlainLibraries() {
    check(
        classes()
            .that()
            .resideInAPackage(APPLICATION)
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(
                APPLICATION,
                DOMAIN,
                "java.lang..",
                "java.util..",
                "java.time..",
                "java.math..",
                "java.io..",
                "java.nio..",
                "java.net..",
                "java.security..",
                "org.slf4j..",
                "org.apache.commons.csv..")
            .because("a use case is plain Java over domain ports: an allow-list, not a deny-list"));
  }

  @Test
  void noAdapterReachesIntoAnother() {
    for (String adapter : EACH_ADAPTER) {
      String[] others =
          java.util.Arrays.stream(EACH_ADAPTER)
              .filter(o -> !o.equals(adapter))
              .filter(o -> !adapter.startsWith(o + ".") && !o.startsWith(adapter + "."))
              .map(o -> o + "..")
              .toArray(String[]::new);
      check(
          noClasses()
              .that()
              .resideInAPackage(adapter + "..")
              .should()
              .dependOnClassesThat()
              .resideInAnyPackage(others)
              .because("adapters share helpers through io.usher.http, not through each other"));
    }
  }

  @Test
  void layersFormNoCycles() {
    check(
        com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices()
            .matching("io.usher.(*)..")
            .should()
            .beFreeOfCycles()
            .because("each layer can be understood, tested and replaced on its own"));
    check(
        com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices()
            .matching("io.usher.domain.(*)..")
            .should()
            .beFreeOfCycles()
            .because("the ledger rules build up from small parts, none needing its dependents"));
  }

  @Test
  void frontsCallTheApplicationNeverTheAdapters() {
    check(
        noClasses()
            .that()
            .resideInAnyPackage(FRONTS)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                concat(ADAPTERS, new String[0], APP, "org.jooq..", "okhttp3..", "java.sql.."))
            .because("the window, CLI, checkout and jobs are thin fronts over the same use cases"));
  }

  @Test
  void adaptersDoNotReachIntoFrontsOrTheApplication() {
    check(
        noClasses()
            .that()
            .resideInAnyPackage(ADAPTERS)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(concat(FRONTS, new String[0], APPLICATION, "javafx.."))
            .because("adapters implement domain interfaces and nothing more"));
  }

  @Test
  void onlyTheAppConstructsInfrastructure() {
    check(
        noClasses()
            .that()
            .resideOutsideOfPackage(APP)
            .should()
            .callMethodWhere(target(owner(type(DSL.class))).and(target(name("using"))))
            .orShould()
            .callMethodWhere(target(owner(type(Flyway.class))).and(target(name("configure"))))
            .orShould()
            .callMethodWhere(
                target(owner(type(Executors.class))).and(target(nameStartingWith("new"))))
            .orShould()
            .callConstructorWhere(target(owner(type(Thread.class))))
            .because("one place wires Usher: no hidden pools, threads or connections"));
  }

  @Test
  void timeComesFromAnInjectedClock() {
    check(
        noClasses()
            .that()
            .resideOutsideOfPackage(APP)
            .should()
            .callMethodWhere(
                target(name("now"))
                    .and(
                        target(
                            owner(
                                type(Instant.class)
                                    .or(type(LocalDate.class))
                                    .or(type(LocalDateTime.class))
                                    .or(type(OffsetDateTime.class))
                                    .or(type(ZonedDateTime.class))))))
            .orShould()
            .callMethod(System.class, "currentTimeMillis")
            .orShould()
            .callMethodWhere(
                target(owner(type(Clock.class))).and(target(nameStartingWith("system"))))
            .because("jobs, expiry and reminders are tested with a fixed clock"));
  }

  @Test
  void onlyTheWindowTouchesJavaFx() {
    check(
        noClasses()
            .that()
            .resideOutsideOfPackages("io.usher.ui..", APP)
            .should()
            .dependOnClassesThat()
            .resideInAPackage("javafx..")
            .because("the scheduler, CLI and checkout run headless"));
  }

  @Test
  void screensTakeTheServicesTheyUseNotTheWholeFacade() {
    check(
        noClasses()
            .that()
            .resideInAPackage("io.usher.ui..")
            .and()
            .doNotHaveFullyQualifiedName("io.usher.ui.shell.MainWindow")
            .and()
            .doNotHaveFullyQualifiedName("io.usher.ui.guide.SetupGuide")
            .should()
            .dependOnClassesThat(type(io.usher.application.Usher.class))
            .because(
                "the shell wires the screens and the guide reaches most areas; the users screen"
                    + " takes its Desk"));
  }

  @Test
  void moneyIsNeverAFloatingPointNumber() {
    check(
        noFields()
            .that()
            .areDeclaredInClassesThat()
            .resideInAnyPackage(DOMAIN, APPLICATION, "io.usher.store..")
            .and()
            .areDeclaredInClassesThat()
            .resideOutsideOfPackage("io.usher.domain.sharing")
            .should()
            .haveRawType(double.class)
            .orShould()
            .haveRawType(float.class)
            .orShould()
            .haveRawType(Double.class)
            .because(
                "amounts are integer minor units (sharing's coordinates and distances are"
                    + " geography, not money)"));
  }

  private static DescribedPredicate<JavaClass> type(Class<?> c) {
    return JavaClass.Predicates.equivalentTo(c);
  }

  private static String[] concat(String[] a, String[] b, String... more) {
    String[] all = new String[a.length + b.length + more.length];
    System.arraycopy(a, 0, all, 0, a.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    System.arraycopy(more, 0, all, a.length + b.length, more.length);
    return all;
  }

  private static void check(ArchRule rule) {
    rule.check(classes);
  }
}
