package io.usher.application.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.usher.application.LedgerTestBase;
import io.usher.domain.common.ValidationException;
import io.usher.domain.outbox.OutboxItem;
import io.usher.domain.outbox.Payload;
import io.usher.domain.users.UserSpec;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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

  List<Map<String, String>> linkMails() {
    return usher.outbox().pending().stream()
        .filter(i -> i.kind().equals("mail"))
        .map(OutboxItem::payload)
        .map(Payload::decode)
        .filter(p -> "ACCOUNT_LINK".equals(p.get("event")))
        .toList();
  }

  static String token(Map<String, String> mail) {
    return mail.get("link").substring(mail.get("link").indexOf("token=") + 6);
  }

  @Test
  void anUnknownEmailQueuesNothingAndSaysNothing() {
    usher.accountLinks().request("nobody@example.com");

    assertThat(usher.outbox().pending()).isEmpty();
  }

  @Test
  void aKnownEmailGetsOneMailWithALinkThatSignsInUntilItExpires() {
    usher.accountLinks().request("  Alice@Example.COM ");

    Map<String, String> mail = linkMails().getFirst();
    assertThat(linkMails()).hasSize(1);
    assertThat(mail)
        .containsEntry("to", "alice@example.com")
        .containsEntry("name", "Alice")
        .containsEntry("hours", "24 hours");
    assertThat(mail.get("link")).startsWith("http://127.0.0.1:8765/account?token=");
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

    Map<String, String> mail = linkMails().getFirst();
    assertThat(mail.get("link")).startsWith("https://buy.example.com/account?token=");
    assertThat(mail).containsEntry("hours", "1 hour");
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

    List<Map<String, String>> mails = linkMails();
    assertThat(mails).hasSize(6);
    assertThat(usher.accountLinks().user(first)).as("retired by the sixth").isEmpty();
    assertThat(mails.subList(1, 6))
        .allSatisfy(m -> assertThat(usher.accountLinks().user(token(m))).isPresent());
  }

  @Test
  void expiredLinksArePrunedWhenLinksAreAskedFor() throws SQLException {
    usher.accountLinks().request("alice@example.com");
    clock.set(Instant.parse("2026-11-24T10:00:00Z"));

    usher.accountLinks().request("nobody@example.com");

    String url = "jdbc:h2:file:" + dataDir.resolve("usher").toAbsolutePath() + ";AUTO_SERVER=TRUE";
    try (Connection c = DriverManager.getConnection(url, "usher", "");
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT COUNT(*) FROM account_links")) {
      r.next();
      assertThat(r.getInt(1)).isZero();
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
