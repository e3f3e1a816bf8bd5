package io.usher.application.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.usher.application.LedgerTestBase;
import io.usher.domain.common.ValidationException;
import io.usher.domain.notify.Mail;
import io.usher.domain.notify.MailEvent;
import io.usher.domain.notify.MailException;
import io.usher.domain.notify.MailTemplate;
import io.usher.domain.outbox.OutboxHandler;
import io.usher.domain.outbox.Payload;
import jakarta.mail.internet.MimeMessage;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Mail on a real ledger, sent through a real SMTP server (GreenMail). */
class MailServiceTest extends LedgerTestBase {
  @RegisterExtension
  static GreenMailExtension greenMail =
      new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(true);

  static final Map<String, String> ALEX =
      Map.of("name", "Alex", "email", "alex@example.com", "plan", "Monthly", "server", "Tower");

  @BeforeEach
  void pointAtGreenMail() {
    usher.settings().set("smtp.host", "127.0.0.1");
    usher.settings().set("smtp.port", Integer.toString(greenMail.getSmtp().getPort()));
    usher.settings().set("smtp.security", "none");
    usher.settings().set("smtp.from", "usher@example.com");
    usher.settings().set("owner.email", "owner@example.com");
  }

  @Test
  void queueingWritesOneOutboxRowDueNowAndSendsNothing() throws Exception {
    usher.mail().queue(MailEvent.WELCOME_PLEX, "alex@example.com", ALEX);

    List<Row> rows = outbox();
    assertThat(rows).hasSize(1);
    Row row = rows.getFirst();
    assertThat(row.kind()).isEqualTo("mail");
    assertThat(row.due()).isEqualTo(NOW);
    assertThat(Payload.decode(row.payload()))
        .containsEntry("event", "WELCOME_PLEX")
        .containsEntry("to", "alex@example.com")
        .containsEntry("name", "Alex")
        .containsEntry("plan", "Monthly");
    assertThat(greenMail.getReceivedMessages()).isEmpty();
  }

  @Test
  void theHandlerSendsTheQueuedMailRenderedWithItsValues() throws Exception {
    usher.mail().queue(MailEvent.WELCOME_PLEX, "alex@example.com", ALEX);
    OutboxHandler handler = usher.mail().mailHandler();

    handler.handle(outbox().getFirst().payload());

    assertThat(handler.kind()).isEqualTo("mail");
    MimeMessage[] received = greenMail.getReceivedMessages();
    assertThat(received).hasSize(1);
    assertThat(received[0].getSubject()).isEqualTo("Welcome to Tower: accept your Plex invite");
    assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo("alex@example.com");
    assertThat(GreenMailUtil.getBody(received[0]))
        .contains("Hi Alex,")
        .contains("on the Monthly plan");
  }

  @Test
  void aFailingSendThrowsItsSentenceSoTheOutboxTriesAgain() throws Exception {
    usher.mail().queue(MailEvent.WELCOME_ACCOUNT, "alex@example.com", ALEX);
    usher.settings().set("smtp.host", "");

    String payload = outbox().getFirst().payload();
    assertThatThrownBy(() -> usher.mail().mailHandler().handle(payload))
        .isInstanceOf(MailException.class)
        .hasMessage("Set smtp.host (and smtp.from) in Settings before Usher can send mail.");
    assertThat(greenMail.getReceivedMessages()).isEmpty();
  }

  @Test
  void theHandlerUsesTheTemplateAsItIsWhenTheMailGoesOut() throws Exception {
    usher.mail().queue(MailEvent.WELCOME_PLEX, "alex@example.com", ALEX);
    usher
        .mail()
        .save(new MailTemplate(MailEvent.WELCOME_PLEX, "Hello {name}", "Your plan: {plan}"));

    usher.mail().mailHandler().handle(outbox().getFirst().payload());

    MimeMessage sent = greenMail.getReceivedMessages()[0];
    assertThat(sent.getSubject()).isEqualTo("Hello Alex");
    assertThat(GreenMailUtil.getBody(sent)).contains("Your plan: Monthly");
  }

  @Test
  void aSavedTemplateOverridesTheDefaultAndResetBringsTheDefaultBack() {
    MailTemplate mine = new MailTemplate(MailEvent.IMPORT_RESULTS, "  Import done  ", "{summary}");

    usher.mail().save(mine);

    assertThat(usher.mail().template(MailEvent.IMPORT_RESULTS))
        .isEqualTo(new MailTemplate(MailEvent.IMPORT_RESULTS, "Import done", "{summary}"));
    assertThat(usher.mail().customised(MailEvent.IMPORT_RESULTS)).isTrue();
    assertThat(usher.mail().templates())
        .hasSize(MailEvent.values().length)
        .contains(MailEvent.WELCOME_PLEX.defaultTemplate());

    usher.mail().reset(MailEvent.IMPORT_RESULTS);

    assertThat(usher.mail().template(MailEvent.IMPORT_RESULTS))
        .isEqualTo(MailEvent.IMPORT_RESULTS.defaultTemplate());
    assertThat(usher.mail().customised(MailEvent.IMPORT_RESULTS)).isFalse();
  }

  @Test
  void savingAgainReplacesTheOwnersEarlierVersion() {
    usher.mail().save(new MailTemplate(MailEvent.TEST, "One", "first"));
    usher.mail().save(new MailTemplate(MailEvent.TEST, "Two", "second"));

    assertThat(usher.mail().template(MailEvent.TEST).subject()).isEqualTo("Two");
  }

  @Test
  void aBlankOrLongSubjectAndABlankBodyAreRefusedFieldByField() {
    assertThatThrownBy(() -> usher.mail().save(new MailTemplate(MailEvent.TEST, " ", "\n")))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.errors())
                    .extracting(f -> f.field())
                    .containsExactly("subject", "body"));
    assertThatThrownBy(
            () -> usher.mail().save(new MailTemplate(MailEvent.TEST, "x".repeat(201), "b")))
        .hasMessage("The subject is 201 characters; keep it to 200.");
    assertThat(usher.mail().customised(MailEvent.TEST)).isFalse();
  }

  @Test
  void theSignInMailCannotLoseItsLinkAndPreviewsWithASampleOne() {
    assertThatThrownBy(
            () ->
                usher
                    .mail()
                    .save(new MailTemplate(MailEvent.ACCOUNT_LINK, "Sign in", "Hello {name}")))
        .hasMessage("The body must keep {link}: without it this mail is of no use.");
    assertThat(usher.mail().customised(MailEvent.ACCOUNT_LINK)).isFalse();

    Mail preview = usher.mail().preview(usher.mail().template(MailEvent.ACCOUNT_LINK));

    assertThat(preview.text()).contains("/account?token=").contains("works for 24 hours");
  }

  @Test
  void theTestMailGoesOutAtOnceToOwnerEmailWhenNoAddressIsTyped() throws Exception {
    Mail sent = usher.mail().sendTest("");

    assertThat(sent.to()).isEqualTo("owner@example.com");
    MimeMessage[] received = greenMail.getReceivedMessages();
    assertThat(received).hasSize(1);
    assertThat(received[0].getSubject()).isEqualTo("Usher test email");
    assertThat(outbox()).isEmpty();
  }

  @Test
  void theTestMailThrowsTheSentenceWhenSmtpFails() {
    greenMail.stop();

    assertThatThrownBy(() -> usher.mail().sendTest("someone@example.com"))
        .isInstanceOf(MailException.class)
        .hasMessageStartingWith("Nothing answers at 127.0.0.1:");
  }

  @Test
  void thePreviewUsesSampleValuesAndTheCheckoutAddressWhenSet() {
    usher.settings().set("checkout.public-url", "https://buy.tower.example");
    MailTemplate typed =
        new MailTemplate(
            MailEvent.WELCOME_PLEX, "Hi {name}", "{plan} until {expires}: {checkout_url}");

    Mail preview = usher.mail().preview(typed);

    assertThat(preview.subject()).isEqualTo("Hi Alex Example");
    assertThat(preview.text()).isEqualTo("Monthly until 22 Dec 2026: https://buy.tower.example");
    assertThat(greenMail.getReceivedMessages()).isEmpty();
  }

  @Test
  void eachEnforcementMailPreviewsWithASummaryOfItsOwnKind() {
    assertThat(usher.mail().preview(MailEvent.TOO_MANY_DEVICES.defaultTemplate()).text())
        .contains("- Living Room TV (Emby Theater)")
        .doesNotContain("rows");
    assertThat(usher.mail().preview(MailEvent.TOO_MANY_STREAMS.defaultTemplate()).text())
        .contains("was stopped: 3 streams on a plan that allows 2.");
    assertThat(usher.mail().preview(MailEvent.IMPORT_RESULTS.defaultTemplate()).text())
        .contains("12 rows: 10 invited");
  }

  record Row(String kind, String payload, Instant due) {}

  /** The outbox as the worker will read it, over a second connection (H2 auto-server). */
  private List<Row> outbox() throws SQLException {
    String url = "jdbc:h2:file:" + dataDir.resolve("usher").toAbsolutePath() + ";AUTO_SERVER=TRUE";
    try (Connection c = DriverManager.getConnection(url, "usher", "");
        Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT kind, payload, next_attempt_at FROM outbox WHERE done_at IS NULL ORDER BY id")) {
      List<Row> rows = new ArrayList<>();
      while (r.next()) {
        rows.add(
            new Row(
                r.getString(1),
                r.getString(2),
                r.getObject(3, java.time.OffsetDateTime.class).toInstant()));
      }
      return rows;
    }
  }
}
