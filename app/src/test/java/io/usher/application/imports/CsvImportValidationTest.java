package io.usher.application.imports;

import static org.assertj.core.api.Assertions.assertThat;

import io.usher.application.invites.InviteRequest;
import io.usher.application.payments.ManualPayment;
import io.usher.domain.ledger.PaymentFilter;
import io.usher.domain.users.UserSpec;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The whole file is checked first: every problem with its line, and nothing written. */
class CsvImportValidationTest extends ImportFixture {

  static Stream<Arguments> brokenFiles() {
    return Stream.of(
        Arguments.of(
            "missing-column.csv",
            List.of(
                "Line 1: the header has no 'Plan Name' column; the mandatory columns are Email,"
                    + " Server Name and Plan Name.")),
        Arguments.of(
            "unknown-server.csv",
            List.of("Line 3: there is no server named 'Towr'. Servers: Attic, Den, Tower.")),
        Arguments.of(
            "unknown-plan.csv",
            List.of("Line 2: there is no plan named 'Montly'. Plans: Monthly, Yearly.")),
        Arguments.of(
            "bad-email.csv",
            List.of(
                "Line 2: 'alice.example.com' is not a valid email address.",
                "Line 3: the email is empty.")),
        Arguments.of(
            "duplicate-email.csv", List.of("Line 4: alice@example.com is already on line 2.")),
        Arguments.of(
            "duplicate-txn.csv",
            List.of("Line 4: transaction pp-1 (sequence 1) is already on line 2.")),
        Arguments.of(
            "txn-in-ledger.csv",
            List.of("Line 2: transaction pp-old (sequence 1) is already in the ledger.")),
        Arguments.of(
            "bad-date.csv",
            List.of(
                "Line 2: the Paid At '22/11/2026' is not a date: write 2026-11-22 or"
                    + " 2026-11-22T10:00:00Z.",
                "Line 3: the End Date '2026-13-01' is not a date: write 2026-11-22 or"
                    + " 2026-11-22T10:00:00Z.")),
        Arguments.of(
            "end-before-start.csv",
            List.of(
                "Line 2: the End Date 2026-11-01 is not after the start (2026-11-22).",
                "Line 3: the End Date 2026-11-22 is not after the start (2026-11-22).")),
        Arguments.of(
            "bad-amount.csv",
            List.of(
                "Line 2: the amount '-5' is negative.",
                "Line 3: the amount '12.505' has more decimals than USD allows (2).",
                "Line 4: the amount 'twelve' is not a number: write it like 12.50.")),
        Arguments.of(
            "bad-quantity.csv",
            List.of(
                "Line 2: the quantity '0' is not a whole number of 1 or more.",
                "Line 3: the quantity '1.5' is not a whole number of 1 or more.",
                "Line 4: the quantity 'two' is not a whole number of 1 or more.")),
        Arguments.of(
            "disabled-server.csv",
            List.of("Line 2: server Attic is disabled: enable it or choose another server.")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenFiles")
  void aBrokenFileIsRefusedWithEveryProblemByLineAndNothingIsWritten(
      String file, List<String> expected) {
    usher.users().create(UserSpec.withEmail("old@example.com"));
    usher
        .payments()
        .record(
            new ManualPayment(
                "old@example.com", "Monthly", null, "pp-old", null, null, null, null, null));
    ImportPlan plan = validate(file);

    assertThat(plan.valid()).isFalse();
    assertThat(plan.problemLines()).containsExactlyElementsOf(expected);
    int n = expected.size();
    assertThat(plan.problemSummary())
        .isEqualTo(
            file + " has " + n + (n == 1 ? " problem" : " problems") + "; nothing was imported.");
    assertThat(usher.queries().users()).hasSize(1);
    assertThat(usher.queries().payments(PaymentFilter.ALL)).hasSize(1);
  }

  @Test
  void everyProblemOfARowAndOfTheFileIsCollectedNotJustTheFirst() {
    ImportPlan plan =
        imports.validate(
            "mixed.csv",
            "Email,Server Name,Plan Name,Quantity,Amount,Colour\n"
                + "nope,Towr,Montly,0,-1,blue\n");

    assertThat(plan.problemLines())
        .containsExactly(
            "Line 1: the column 'Colour' is not one Usher knows. Columns: Email, Server Name,"
                + " Plan Name, Transaction ID, Sequence, Quantity, Amount, Paid At, End Date,"
                + " PayPal Email, Subscription ID, Username.",
            "Line 2: 'nope' is not a valid email address.",
            "Line 2: there is no server named 'Towr'. Servers: Attic, Den, Tower.",
            "Line 2: there is no plan named 'Montly'. Plans: Monthly, Yearly.",
            "Line 2: the quantity '0' is not a whole number of 1 or more.",
            "Line 2: the amount '-1' is negative.");
  }

  @Test
  void aGoodFileBecomesOneInviteRequestPerRowWithItsDefaultsFilledIn() {
    ImportPlan plan = validate("good.csv");

    assertThat(plan.problemLines()).isEmpty();
    assertThat(plan.valid()).isTrue();
    assertThat(plan.rows()).extracting(ImportRow::line).containsExactly(2, 4, 5, 7);
    List<InviteRequest> requests = plan.rows().stream().map(ImportRow::request).toList();
    InviteRequest alice = requests.get(0);
    assertThat(alice.email()).isEqualTo("alice@example.com");
    assertThat(alice.server()).isEqualTo("Tower");
    assertThat(alice.plan()).isEqualTo("Monthly");
    assertThat(alice.quantity()).isEqualTo(1);
    assertThat(alice.amount()).isEqualTo("12.50");
    assertThat(alice.paidAt()).isNull();
    assertThat(alice.end()).isNull();
    assertThat(alice.txn()).matches("import-[0-9a-f]{13}");
    assertThat(alice.seq()).isNull();
    InviteRequest bob = requests.get(1);
    assertThat(bob.plan()).isEqualTo("Monthly");
    assertThat(bob.txn()).isEqualTo("paypal-8XK21");
    assertThat(bob.seq()).isEqualTo(2);
    assertThat(bob.quantity()).isEqualTo(3);
    assertThat(bob.amount()).isEqualTo("37.50");
    assertThat(bob.paidAt()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
    assertThat(bob.paypalEmail()).isEqualTo("bob.pays@example.com");
    assertThat(bob.subscriptionId()).isEqualTo("I-BW452GLLEP1G");
    InviteRequest carol = requests.get(2);
    assertThat(carol.txn()).isEqualTo("stripe\nmulti");
    assertThat(carol.amount()).isEqualTo("99.50");
    assertThat(carol.end()).isEqualTo(Instant.parse("2027-12-31T00:00:00Z"));
    assertThat(carol.username()).isEqualTo("carol");
    assertThat(requests.get(3).amount()).isEqualTo("0.00");
    assertThat(requests).extracting(InviteRequest::txn).doesNotHaveDuplicates();
  }

  @Test
  void headersAreMatchedWithoutCaseOrSpacesAndABomBlankLinesAndCrlfAreAccepted() {
    ImportPlan plan = validate("bom-and-case.csv");

    assertThat(plan.problemLines()).isEmpty();
    assertThat(plan.rows()).extracting(ImportRow::line).containsExactly(3, 5);
    assertThat(plan.rows())
        .extracting(r -> r.request().email())
        .containsExactly("alice@example.com", "bob@example.com");
  }

  @Test
  void theDryRunSaysWhatEachRowWouldDoAndWritesNothing() {
    ImportPlan plan = validate("good.csv");

    assertThat(plan.describe().get(0))
        .matches(
            "Line 2: alice@example\\.com → Tower, plan Monthly, 1 month from 2026-11-22, 12\\.50"
                + " USD, txn import-[0-9a-f]{13}");
    assertThat(plan.describe().subList(1, 3))
        .containsExactly(
            "Line 4: bob@example.com → Tower, plan Monthly, 3 months from 2026-11-01, 37.50 USD,"
                + " txn paypal-8XK21 #2",
            "Line 5: carol@example.com (user carol) → Den, plan Yearly, 2026-11-22 to 2027-12-31,"
                + " 99.50 USD, txn stripe\nmulti");
    assertThat(plan.dryRunSummary())
        .isEqualTo("4 rows would be invited, 2 of them on Plex servers; nothing was imported.");
    assertThat(imports.paceWarning(plan))
        .isEqualTo(
            "Inviting many Plex users at once risks a ban from Plex: Usher waits 30 seconds"
                + " (invite.pace-seconds) between Plex invites, about 1 minute for these.");
    assertThat(invited).isEmpty();
    assertThat(usher.queries().users()).isEmpty();
    assertThat(usher.queries().payments(PaymentFilter.ALL)).isEmpty();
  }

  @Test
  void theExampleFileChecksCleanAgainstServersTowerAndDen() {
    ImportPlan plan = imports.validate("example.csv", imports.exampleCsv());

    assertThat(plan.problemLines()).isEmpty();
    assertThat(plan.rows()).hasSize(3);
  }

  @Test
  void anEmptyFileSaysItNeedsAHeader() {
    assertThat(imports.validate("empty.csv", "\uFEFF\n\n").problemLines())
        .containsExactly(
            "Line 1: the file is empty: it needs a header row with the columns Email, Server"
                + " Name and Plan Name.");
  }
}
