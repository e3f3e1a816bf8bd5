package io.usher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.usher.testing.FakePayPal;
import io.usher.testing.MutableClock;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Instant;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 13 §7: the window's Test buttons from the command line. Each prints the service's verdict
 * and exits 0, or exits 1 with the failure's sentence on stderr; mail goes to a real SMTP server
 * (GreenMail), Discord, Stripe and PayPal answer from local fakes.
 */
class ServiceTestsCliTest {
  static final JsonMapper JSON = JsonMapper.builder().build();

  @RegisterExtension
  static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

  @TempDir Path dataDir;
  @StartStop final MockWebServer api = new MockWebServer();
  CliRun cli;

  @BeforeEach
  void open() {
    cli = new CliRun(dataDir, new MutableClock(Instant.parse("2026-11-22T10:00:00Z")));
  }

  void ok(String... args) {
    assertThat(cli.usher(args)).as(cli.err).isZero();
  }

  void smtp() {
    ok("settings", "set", "smtp.host", "127.0.0.1");
    ok("settings", "set", "smtp.port", Integer.toString(greenMail.getSmtp().getPort()));
    ok("settings", "set", "smtp.security", "none");
    ok("settings", "set", "smtp.from", "usher@example.com");
  }

  @Test
  void theTestMailGoesToTheAddressGivenElseToTheOwner() throws Exception {
    smtp();
    ok("test", "mail", "--to", "someone@example.com");
    assertThat(cli.out).isEqualTo("Sent the test mail to someone@example.com.\n");
    MimeMessage[] got = greenMail.getReceivedMessages();
    assertThat(got).hasSize(1);
    assertThat(got[0].getAllRecipients()[0].toString()).isEqualTo("someone@example.com");
    assertThat(got[0].getSubject()).isEqualTo("Usher test email");

    ok("settings", "set", "owner.email", "owner@example.com");
    ok("--json", "test", "mail");
    JsonNode result = JSON.readTree(cli.out);
    assertThat(result.get("ok").asBoolean()).isTrue();
    assertThat(result.get("to").asString()).isEqualTo("owner@example.com");
    assertThat(greenMail.getReceivedMessages()).hasSize(2);
  }

  @Test
  void withoutAnAddressOrSmtpTheTestMailIsRefusedInOneSentence() {
    assertThat(cli.usher("test", "mail")).isEqualTo(1);
    assertThat(cli.err)
        .isEqualTo("Give the address to send the test to with --to, or set owner.email first.\n");
    assertThat(cli.out).isEmpty();

    assertThat(cli.usher("test", "mail", "--to", "someone@example.com")).isEqualTo(1);
    assertThat(cli.err.lines()).hasSize(1);
    assertThat(cli.err).contains("smtp.host").doesNotContain("Exception");
    assertThat(greenMail.getReceivedMessages()).isEmpty();
  }

  @Test
  void discordSaysWhoTheBotIsOrWhyNot() throws Exception {
    ok("settings", "set", "discord.api-url", api.url("/api/v10").toString());
    assertThat(cli.usher("test", "discord")).isEqualTo(1);
    assertThat(cli.err).isEqualTo("Paste the bot token first (Developer Portal, your app, Bot).\n");

    ok("settings", "set", "discord.bot-token", "MTA5.bot-token.Zx9abcd");
    api.enqueue(
        new MockResponse.Builder()
            .code(200)
            .body("{\"id\":\"1\",\"username\":\"Usher Bot\"}")
            .build());
    ok("--json", "test", "discord");
    JsonNode result = JSON.readTree(cli.out);
    assertThat(result.get("ok").asBoolean()).isTrue();
    assertThat(result.get("verdict").asString())
        .isEqualTo("Discord accepted the bot token: the bot is Usher Bot.");
    assertThat(api.takeRequest().getUrl().encodedPath()).isEqualTo("/api/v10/users/@me");

    api.enqueue(
        new MockResponse.Builder()
            .code(401)
            .body("{\"message\":\"401: Unauthorized\",\"code\":0}")
            .build());
    assertThat(cli.usher("test", "discord")).isEqualTo(1);
    assertThat(cli.out).isEmpty();
    assertThat(cli.err.lines()).hasSize(1);
    assertThat(cli.err).doesNotContain("Zx9abcd").doesNotContain("unexpected");
  }

  @Test
  void seerrSaysHowManyUsersItHasOrWhyNot() throws Exception {
    assertThat(cli.usher("test", "seerr")).isEqualTo(1);
    assertThat(cli.err).isEqualTo("Seerr is not set up: set seerr.url first.\n");

    ok("settings", "set", "seerr.url", api.url("/").toString());
    ok("settings", "set", "seerr.api-key", "seerr-key-Zx9abcd");
    api.enqueue(
        new MockResponse.Builder()
            .code(200)
            .body(
                "{\"pageInfo\":{\"pages\":3,\"pageSize\":1,\"results\":3,\"page\":1},"
                    + "\"results\":[{\"id\":1,\"email\":\"owner@example.com\",\"permissions\":2,"
                    + "\"createdAt\":\"2026-11-22T10:00:00.000Z\","
                    + "\"updatedAt\":\"2026-11-22T10:00:00.000Z\"}]}")
            .build());
    ok("--json", "test", "seerr");
    assertThat(JSON.readTree(cli.out).get("verdict").asString())
        .isEqualTo("Seerr answers: 3 users.");
    assertThat(api.takeRequest().getHeaders().get("X-Api-Key")).isEqualTo("seerr-key-Zx9abcd");

    api.enqueue(
        new MockResponse.Builder().code(401).body("{\"message\":\"Unauthorized\"}").build());
    assertThat(cli.usher("test", "seerr")).isEqualTo(1);
    assertThat(cli.err.lines()).hasSize(1);
    assertThat(cli.err).startsWith("Seerr refused the API key").doesNotContain("Zx9abcd");
  }

  @Test
  void stripeSaysWhichModeTheKeyIsForOrThatItWasRefused() {
    assertThat(cli.usher("test", "stripe")).isEqualTo(1);
    assertThat(cli.err).isEqualTo("Stripe is not set up: set stripe.secret-key first.\n");

    ok("settings", "set", "stripe.api-url", api.url("/").toString().replaceAll("/$", ""));
    ok("settings", "set", "stripe.secret-key", "sk_test_51abc9876");
    api.enqueue(
        new MockResponse.Builder()
            .code(200)
            .addHeader("Content-Type", "application/json")
            .body("{\"object\":\"balance\",\"livemode\":false,\"available\":[],\"pending\":[]}")
            .build());
    ok("test", "stripe");
    assertThat(cli.out).isEqualTo("Stripe accepts the secret key (test mode).\n");

    api.enqueue(
        new MockResponse.Builder()
            .code(401)
            .addHeader("Content-Type", "application/json")
            .body(
                "{\"error\":{\"type\":\"invalid_request_error\",\"message\":\"Invalid API Key"
                    + " provided: sk_test_****9876\"}}")
            .build());
    assertThat(cli.usher("--json", "test", "stripe")).isEqualTo(1);
    assertThat(cli.out).isEmpty();
    assertThat(cli.err).startsWith("Stripe refused the secret key: ").doesNotContain("9876");
    assertThat(cli.err.lines()).hasSize(1);
  }

  @Test
  void payPalSaysTheKeysWorkOrThatItRefusedThem() {
    assertThat(cli.usher("test", "paypal")).isEqualTo(1);
    assertThat(cli.err)
        .isEqualTo(
            "PayPal is not set up: set paypal.client-id and paypal.secret (Settings) first.\n");

    FakePayPal paypal = new FakePayPal(api);
    ok("settings", "set", "paypal.api-url", paypal.url());
    ok("settings", "set", "paypal.client-id", FakePayPal.CLIENT_ID);
    ok("settings", "set", "paypal.secret", FakePayPal.SECRET);
    ok("test", "paypal");
    assertThat(cli.out).isEqualTo("PayPal answered: the keys work (live).\n");

    ok("settings", "set", "paypal.secret", "wrong-secret");
    assertThat(cli.usher("test", "paypal")).isEqualTo(1);
    assertThat(cli.err.lines()).hasSize(1);
    assertThat(cli.err).contains("paypal.").doesNotContain("wrong-secret");
  }
}
