package io.usher.application.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.usher.application.invites.InviteRequest;
import io.usher.domain.common.UsherException;
import io.usher.domain.common.ValidationException;
import io.usher.domain.ledger.PaymentFilter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11 §2: a file that passes the dry run imports completely. The dry run makes every check the
 * invite makes before it calls a server, so no account is created for a row the ledger refuses.
 */
class ImportLimitsTest extends ImportFixture {
  static final String HEADER = "Email,Server Name,Plan Name,Subscription ID,Username,Paid At\n";

  @TempDir Path files;

  @BeforeEach
  void realInvites() {
    invite = usher.invites()::invite;
    checks = usher.invites()::check;
    for (var library : usher.servers().libraries("Den")) {
      usher.servers().setGroup(library.id(), "Standard");
    }
  }

  List<String> problems(String rows) {
    ImportPlan plan = imports.validate("users.csv", HEADER + rows);
    assertThat(plan.valid()).isFalse();
    return plan.problemLines();
  }

  @Test
  void aSubscriptionIdLongerThanItsColumnFailsTheDryRunNotTheImport() {
    String tooLong = "sub_" + "x".repeat(298);

    assertThat(
            problems(
                "a@example.com,Den,Monthly,,,\n"
                    + "b@example.com,Den,Monthly,,,\n"
                    + "c@example.com,Den,Monthly,"
                    + tooLong
                    + ",,\n"))
        .containsExactly("Line 4: the subscription id can be at most 255 characters long.");
  }

  @Test
  void whatPassesTheDryRunImportsEveryRow() {
    ImportPlan plan =
        imports.validate(
            "users.csv",
            HEADER
                + "a@example.com,Den,Monthly,sub_"
                + "x".repeat(251)
                + ",,\n"
                + "b@example.com,Den,Monthly,,"
                + "b".repeat(320)
                + ",\n"
                + "c@example.com,Den,Monthly,,,2199-11-30\n");
    assertThat(plan.problemLines()).isEmpty();

    ImportReport report = imports.run(plan, ImportProgress.NONE);

    assertThat(report.failed()).isEmpty();
    assertThat(usher.queries().payments(PaymentFilter.ALL)).hasSize(3);
    assertThat(media.server("http://den:8096").shared).hasSize(3);
  }

  @Test
  void namesAndDatesAreHeldToWhatTheLedgerKeeps() {
    assertThat(
            problems(
                "a@example.com,Den,Monthly,,"
                    + "u".repeat(321)
                    + ",\n"
                    + "b@example.com,Den,Monthly,,"
                    + "u".repeat(5000)
                    + ",\n"
                    + "c@example.com,Den,Monthly,,,9999-12-31\n"
                    + "d@example.com,Den,Monthly,,,+1000000000-01-01T00:00:00Z\n"
                    + "e@example.com,Den,Monthly,,,2199-12-31\n"))
        .containsExactly(
            "Line 2: the user name can be at most 320 characters long.",
            "Line 3: the Username is longer than 1000 characters; no column holds that much.",
            "Line 4: the payment date 9999-12-31 is out of range: use a date in the years 2000 to"
                + " 2199.",
            "Line 5: the payment date +1000000000-01-01 is out of range: use a date in the years"
                + " 2000 to 2199.",
            "Line 6: the end 2200-01-31 is out of range: use a date in the years 2000 to 2199.");
  }

  /** Found by WritersPropertyTest: the dry run's own sentence about it failed on the far year. */
  @Test
  void anEndDateInAFarYearIsASentenceNotAnError() {
    ImportPlan plan =
        imports.validate(
            "users.csv",
            "Email,Server Name,Plan Name,End Date\n"
                + "a@example.com,Den,Monthly,-1000000000-12-27T04:36:13Z\n");

    assertThat(plan.valid()).isFalse();
    assertThat(plan.problemLines())
        .anySatisfy(l -> assertThat(l).contains("the End Date -1000000000-12-27 is not after"));
  }

  @Test
  void quantitiesAndAmountsAreSaneAsciiNumbers() {
    ImportPlan plan =
        imports.validate(
            "users.csv",
            "Email,Server Name,Plan Name,Quantity,Amount\n"
                + "a@example.com,Den,Monthly,999999999,\n"
                + "b@example.com,Den,Monthly,,١٢\n"
                + "c@example.com,Den,Monthly,,1e3\n");

    assertThat(plan.problemLines())
        .containsExactly(
            "Line 2: the quantity 999999999 is more than 120 plan durations.",
            "Line 3: the amount '١٢' is not a number: write it like 12.50.",
            "Line 4: the amount '1e3' is not a number: write it like 12.50.");
  }

  @Test
  void aFileLargerThanTheCapIsRefusedBeforeItIsRead() throws Exception {
    Path big = files.resolve("big.csv");
    Files.writeString(big, HEADER + "a@example.com,Den,Monthly,,," + "u".repeat(5_000_000));

    assertThatThrownBy(() -> imports.validate(big))
        .isInstanceOf(UsherException.class)
        .hasMessage(
            "big.csv is larger than 5 MB: split it into smaller files and import them one by one.");
  }

  @Test
  void aPlanThatGrantsNoLibraryOnTheRowsServerFailsTheDryRun() {
    assertThat(problems("a@example.com,Den,Monthly,,,\nb@example.com,Tower,Monthly,,,\n"))
        .containsExactly(
            "Line 3: plan Monthly grants no library on Plex server Tower: put a library of that"
                + " server in Standard first.");
  }

  @Test
  void aRenewalThatWouldEndAfterTheLastDateTheLedgerKeepsFailsTheDryRun() {
    usher.users().create(io.usher.domain.users.UserSpec.withEmail("late@example.com"));
    usher
        .payments()
        .record(
            new io.usher.application.payments.ManualPayment(
                "late@example.com",
                "Monthly",
                null,
                null,
                null,
                null,
                null,
                java.time.Instant.parse("2199-12-20T00:00:00Z"),
                null));

    List<String> problems = problems("late@example.com,Den,Monthly,,,\n");

    assertThat(problems).singleElement().asString().startsWith("Line 2: ").contains("2199");
    assertThat(media.server("http://den:8096").shared).isEmpty();
  }

  @Test
  void anInviteTheLedgerWouldRefuseCreatesNoAccount() {
    InviteRequest tooLongSub =
        new InviteRequest(
            "a@example.com",
            "Monthly",
            "Den",
            null,
            null,
            null,
            null,
            "sub_" + "x".repeat(300),
            null,
            null,
            null,
            1,
            null);
    InviteRequest tooLongName =
        new InviteRequest(
            "a@example.com",
            "Monthly",
            "Den",
            null,
            "u".repeat(321),
            null,
            null,
            null,
            null,
            null,
            null,
            1,
            null);

    assertThatThrownBy(() -> usher.invites().invite(tooLongSub))
        .isInstanceOf(ValidationException.class)
        .hasMessage("The subscription id can be at most 255 characters long.");
    assertThatThrownBy(() -> usher.invites().invite(tooLongName))
        .isInstanceOf(ValidationException.class)
        .hasMessage("The user name can be at most 320 characters long.");
    assertThat(media.server("http://den:8096").shared).isEmpty();
    assertThat(usher.queries().payments(PaymentFilter.ALL)).isEmpty();
  }
}
