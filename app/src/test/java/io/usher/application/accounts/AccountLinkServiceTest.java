package io.usher.application.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.usher.application.LedgerTestBase;
import io.usher.domain.common.ValidationException;
import io.usher.domain.users.UserSpec;
import io.usher.testing.SignInMails;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Sign-in links on a real ledger: what is mailed, what is stored, and how long a link works. */
class AccountLinkServiceTest extends LedgerTestBase {
  long alice;

  @BeforeEach
  void aCustomer() {
    alice =
        usher
            .users()
            .create(
                new UserSpec("alice@example.com", "Alice", false, false, null, null, null, null))
            .id();
  }

  @RegisterExtension
  static GreenMailExtension smtp =
      new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(true);

  @BeforeEach
  void mailGoesToGreenMail() {
    SignInMails.deliverTo(usher, smtp);
  }

  List<SignInMails.Mail> linkMails() {
    return SignInMails.sent(usher, smtp);
  }

  static String token(SignInMails.Mail mail) {
    return mail.token();
  }

  @Test
  void anUnknownEmailIsHandedToTheOutboxLikeAKnownOneAndGetsNoMail() {
    usher.accountLinks().request("nobody@example.com");
    usher.accountLinks().request("alice@example.com");

    assertThat(usher.outbox().pending())
        .extracting(i -> i.kind() + " " + i.payload())
        .containsExactly(
            "account-link email=nobody@example.com", "account-link email=alice@example.com");
    assertThat(linkMails()).extracting(SignInMails.Mail::to).containsExactly("alice@example.com");
    assertThat(usher.outbox().pending()).isEmpty();
  }

  @Test
  void aKnownEmailGetsOneMailWithALinkThatSignsInUntilItExpires() {
    usher.accountLinks().request("  Alice@Example.COM ");

    SignInMails.Mail mail = linkMails().getFirst();
    assertThat(linkMails()).hasSize(1);
    assertThat(mail.to()).isEqualTo("alice@example.com");
    assertThat(mail.text()).contains("Hi Alice,").contains("The link works for 24 hours.");
    assertThat(mail.link()).startsWith("http://127.0.0.1:8765/account?token=");
    String token = token(mail);
    assertThat(token).matches("[A-Za-z0-9_-]{43}");
    assertThat(usher.accountLinks().user(token).orElseThrow().id()).isEqualTo(alice);

    clock.advance(Duration.ofHours(24).minusSeconds(1));
    assertThat(usher.accountLinks().user(token)).as("re-opened the next day").isPresent();
    clock.advance(Duration.ofSeconds(1));
    assertThat(usher.accountLinks().user(token)).isEmpty();
  }

  @Test
  void theLinkUsesThePublicAddressAndTheHoursSetWhenItIsAskedFor() {
    usher.settings().set("checkout.public-url", "https://buy.example.com/");
    usher.settings().set("account.link-hours", "1");

    usher.accountLinks().request("alice@example.com");

    SignInMails.Mail mail = linkMails().getFirst();
    assertThat(mail.link()).startsWith("https://buy.example.com/account?token=");
    assertThat(mail.text()).contains("The link works for 1 hour.");
    clock.advance(Duration.ofMinutes(61));
    assertThat(usher.accountLinks().user(token(mail))).isEmpty();
  }

  @Test
  void onlyTheHashOfTheTokenIsStored() throws SQLException {
    usher.accountLinks().request("alice@example.com");
    String token = token(linkMails().getFirst());

    List<String> stored = new ArrayList<>();
    String url = "jdbc:h2:file:" + dataDir.resolve("usher").toAbsolutePath() + ";AUTO_SERVER=TRUE";
    try (Connection c = DriverManager.getConnection(url, "usher", "");
        Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery("SELECT token_hash, email, created_at, expires_at FROM account_links")) {
      while (r.next()) {
        stored.add(r.getString(1));
        assertThat(r.getString(2)).isEqualTo("alice@example.com");
        assertThat(r.getObject(4, java.time.OffsetDateTime.class).toInstant())
            .isEqualTo(NOW.plus(Duration.ofHours(24)));
      }
    }
    assertThat(stored).containsExactly(AccountLinkService.hash(token));
    assertThat(stored.getFirst()).doesNotContain(token).hasSize(64);
  }

  @Test
  void aTamperedOrMalformedTokenSignsNoOneIn() {
    usher.accountLinks().request("alice@example.com");
    String token = token(linkMails().getFirst());
    String tampered = (token.charAt(0) == 'A' ? "B" : "A") + token.substring(1);

    assertThat(usher.accountLinks().user(tampered)).isEmpty();
    assertThat(usher.accountLinks().user(token + "x")).isEmpty();
    assertThat(usher.accountLinks().user("")).isEmpty();
    assertThat(usher.accountLinks().user(null)).isEmpty();
  }

  @Test
  void oneInboxGetsAtMostThreeLinksAnHourAndAtMostFiveWorkAtOnce() {
    for (int i = 0; i < 4; i++) {
      usher.accountLinks().request("alice@example.com");
    }
    assertThat(linkMails()).as("the fourth within the hour is not sent").hasSize(3);
    String first = token(linkMails().getFirst());

    clock.advance(Duration.ofHours(1));
    for (int i = 0; i < 3; i++) {
      usher.accountLinks().request("alice@example.com");
    }

    List<SignInMails.Mail> mails = linkMails();
    assertThat(mails).hasSize(6);
    assertThat(usher.accountLinks().user(first)).as("retired by the sixth").isEmpty();
    assertThat(mails.subList(1, 6))
        .allSatisfy(m -> assertThat(usher.accountLinks().user(token(m))).isPresent());
  }

  @Test
  void expiredLinksArePrunedWhenLinksAreAskedFor() throws SQLException {
    usher.accountLinks().request("alice@example.com");
    assertThat(linkMails()).hasSize(1);
    clock.set(Instant.parse("2026-11-24T10:00:00Z"));

    usher.accountLinks().request("nobody@example.com");
    linkMails();

    String url = "jdbc:h2:file:" + dataDir.resolve("usher").toAbsolutePath() + ";AUTO_SERVER=TRUE";
    try (Connection c = DriverManager.getConnection(url, "usher", "");
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT COUNT(*) FROM account_links")) {
      r.next();
      assertThat(r.getInt(1)).isZero();
    }
  }

  /**
   * The token exists only in the mail: not in the outbox while the request waits or once it is
   * done, nor in the links table, any other row, or the log.
   */
  @Test
  void theTokenIsStoredNowhereInClear() throws Exception {
    usher.accountLinks().request("alice@example.com");
    String waiting = everyRow();
    String token = token(linkMails().getFirst());

    assertThat(waiting).contains("alice@example.com").doesNotContain(token);
    assertThat(everyRow()).doesNotContain(token);
    Path log = Path.of("target", "test-logs");
    if (Files.isDirectory(log)) {
      try (var files = Files.walk(log)) {
        for (Path f : files.filter(Files::isRegularFile).toList()) {
          assertThat(Files.readString(f)).as(f.toString()).doesNotContain(token);
        }
      }
    }
  }

  /** The whole database as H2 would back it up. */
  String everyRow() throws SQLException {
    String url = "jdbc:h2:file:" + dataDir.resolve("usher").toAbsolutePath() + ";AUTO_SERVER=TRUE";
    StringBuilder everything = new StringBuilder();
    try (Connection c = DriverManager.getConnection(url, "usher", "");
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SCRIPT")) {
      while (r.next()) {
        everything.append(r.getString(1)).append('\n');
      }
    }
    return everything.toString();
  }

  @Test
  void aMailThatCannotBeSentLeavesNoLinkAndIsTriedAgainWithANewToken() throws Exception {
    usher.settings().set("smtp.port", "1");
    usher.accountLinks().request("alice@example.com");

    assertThat(linkMails()).isEmpty();
    assertThat(usher.outbox().pending())
        .singleElement()
        .satisfies(i -> assertThat(i.attempts()).isEqualTo(1));
    assertThat(linkCount()).isZero();

    SignInMails.deliverTo(usher, smtp);
    clock.advance(Duration.ofMinutes(1));
    String token = token(linkMails().getFirst());
    assertThat(usher.accountLinks().user(token)).isPresent();
    assertThat(linkCount()).isOne();
  }

  int linkCount() throws SQLException {
    String url = "jdbc:h2:file:" + dataDir.resolve("usher").toAbsolutePath() + ";AUTO_SERVER=TRUE";
    try (Connection c = DriverManager.getConnection(url, "usher", "");
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT COUNT(*) FROM account_links")) {
      r.next();
      return r.getInt(1);
    }
  }

  @Test
  void textThatIsNotAnEmailIsAFieldError() {
    assertThatThrownBy(() -> usher.accountLinks().request("not an email"))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> assertThat(e.errors().getFirst().field()).isEqualTo("email"));
    assertThat(usher.outbox().pending()).isEmpty();
  }
}
