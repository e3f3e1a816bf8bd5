package io.usher.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.usher.app.AppContext;
import io.usher.app.CheckoutServer;
import io.usher.application.invites.InviteRequest;
import io.usher.domain.media.MediaServerException;
import io.usher.domain.media.PlexServerChoice;
import io.usher.domain.outbox.Payload;
import io.usher.domain.servers.ServerSettings;
import io.usher.domain.users.UserSpec;
import io.usher.testing.FakeMediaServers;
import io.usher.testing.FakePaymentProvider;
import io.usher.testing.Fixtures;
import io.usher.testing.MutableClock;
import io.usher.testing.SignInMails;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The customer account page end to end over HTTP on a free port: a real ledger, an in-memory Plex
 * server and a fake payment provider.
 */
class AccountPagesTest {
  static final String FORM = "application/x-www-form-urlencoded";

  @TempDir Path dataDir;
  final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
  final FakePaymentProvider provider = new FakePaymentProvider();
  final FakeMediaServers media = new FakeMediaServers();
  final HttpClient http =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  FakeMediaServers.Fake tower;
  AppContext usher;
  CheckoutServer server;

  @RegisterExtension
  static GreenMailExtension smtp =
      new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(true);

  @BeforeEach
  void start() throws Exception {
    usher = new AppContext(dataDir, clock, s -> media, s -> provider);
    Fixtures.monthly(usher, "Monthly", "10");
    Fixtures.monthly(usher, "Family", "18");
    usher.plans().setHidden(Fixtures.monthly(usher, "Old", "7").id(), true);
    tower = media.server("http://tower:32400").library("118181361", "Movies");
    media.plexServers.add(new PlexServerChoice("Tower", "abc123", "http://tower:32400", "1"));
    usher.servers().addPlex("good-token", null, "abc123", null, null);
    usher.servers().setGroup(usher.servers().libraries("Tower").getFirst().id(), "Standard");
    usher.invites().invite(InviteRequest.of("alice@example.com", "Monthly", "Tower"));
    SignInMails.deliverTo(usher, smtp);
    server = TestPages.serve(usher, clock, TestPages.csrf(clock));
  }

  @AfterEach
  void stop() {
    server.close();
    usher.close();
  }

  HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
            .GET()
            .build(),
        BodyHandlers.ofString());
  }

  HttpResponse<String> post(String path, String type, byte[] body) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
            .POST(BodyPublishers.ofByteArray(body));
    if (type != null) {
      b.header("Content-Type", type);
    }
    return http.send(b.build(), BodyHandlers.ofString());
  }

  HttpResponse<String> post(String path, String body) throws Exception {
    return post(path, FORM, body.getBytes(StandardCharsets.UTF_8));
  }

  static String csrf(String html) {
    Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(html);
    assertThat(m.find()).as("the page carries a form token").isTrue();
    return m.group(1);
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  List<SignInMails.Mail> linkMails() {
    return SignInMails.sent(usher, smtp);
  }

  HttpResponse<String> askForLink(String email) throws Exception {
    String form = csrf(get("/account/login").body());
    return post("/account/login", "email=" + enc(email) + "&csrf=" + enc(form));
  }

  /** Asks for a link by email and returns the token the mail carries. */
  String signIn(String email) throws Exception {
    int before = linkMails().size();
    assertThat(askForLink(email).statusCode()).isEqualTo(200);
    List<SignInMails.Mail> mails = linkMails();
    assertThat(mails).hasSize(before + 1);
    return mails.getLast().token();
  }

  /** Posts an account form with the page's own CSRF token and the sign-in token. */
  HttpResponse<String> submit(String path, String token, String fields) throws Exception {
    String page = get("/account?token=" + token).body();
    return post(
        path,
        "token=" + token + "&csrf=" + enc(csrf(page)) + (fields.isEmpty() ? "" : "&" + fields));
  }

  @Test
  void theAccountPageShowsTheCustomersReferralLinkOnlyWhenReferralsAreOn() throws Exception {
    String token = signIn("alice@example.com");
    assertThat(get("/account?token=" + token).body()).doesNotContain("Tell a friend");

    usher.settings().set("referral.percent", "10");
    String code = usher.referrals().summary("alice@example.com").code();
    String page = get("/account?token=" + token).body();

    assertThat(page)
        .contains("Tell a friend")
        .contains("/?ref&#61;" + code + "\"")
        .contains("No one has joined through it yet.");
  }

  @Test
  void theLoginPageIsASmallFormAndThePlansPageLinksToIt() throws Exception {
    HttpResponse<String> login = get("/account/login");

    assertThat(login.statusCode()).isEqualTo(200);
    assertThat(login.body())
        .contains("action=\"/account/login\"")
        .contains("name=\"email\"")
        .contains("name=\"csrf\"");
    assertThat(get("/").body()).contains("href=\"/account/login\"").contains("Your account");
  }

  @Test
  void anUnknownEmailGetsTheSameAnswerAsAKnownOneAndNoMail() throws Exception {
    HttpResponse<String> unknown = askForLink("nobody@example.com");
    assertThat(linkMails()).isEmpty();
    HttpResponse<String> known = askForLink("alice@example.com");

    assertThat(unknown.statusCode()).isEqualTo(known.statusCode()).isEqualTo(200);
    assertThat(unknown.body().replace("nobody@example.com", "EMAIL"))
        .isEqualTo(known.body().replace("alice@example.com", "EMAIL"))
        .contains("If EMAIL has an account with us, a sign-in link is on its way")
        .contains("it works for 24 hours");
    assertThat(linkMails()).hasSize(1);
  }

  @Test
  void aKnownEmailQueuesOneMailWhoseLinkOpensTheAccountPageAgainAndAgain() throws Exception {
    String token = signIn("alice@example.com");

    assertThat(linkMails().getFirst())
        .satisfies(
            m -> {
              assertThat(m.to()).isEqualTo("alice@example.com");
              assertThat(m.link()).startsWith("http://127.0.0.1:8765/account?token=");
            });
    for (int i = 0; i < 2; i++) {
      HttpResponse<String> page = get("/account?token=" + token);
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
      assertThat(page.body())
          .contains("alice@example.com")
          .contains("Monthly")
          .contains("Active")
          .contains("22 December 2026, 10:00 UTC")
          .contains("Tower")
          .contains("invitation waiting")
          .contains("Renew Monthly · $10/month")
          .doesNotContain("Re-invite me")
          .doesNotContain("Change your Plex account");
    }
  }

  @Test
  void theAccountAddressWithoutATokenSendsToTheLoginPage() throws Exception {
    HttpResponse<String> r = get("/account");

    assertThat(r.statusCode()).isEqualTo(303);
    assertThat(r.headers().firstValue("Location")).hasValue("/account/login");
  }

  @Test
  void anExpiredLinkIsRefusedWithAWayToAskForANewOne() throws Exception {
    String token = signIn("alice@example.com");
    clock.advance(Duration.ofHours(24));

    HttpResponse<String> r = get("/account?token=" + token);

    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(r.body())
        .contains("This link has expired")
        .contains("href=\"/account/login\"")
        .doesNotContain("alice@example.com");
  }

  @Test
  void aTamperedOrGarbageTokenIsRefusedTheSameWay() throws Exception {
    String token = signIn("alice@example.com");
    String tampered = (token.charAt(5) == 'x' ? "y" : "x");
    tampered = token.substring(0, 5) + tampered + token.substring(6);

    for (String bad :
        List.of(
            tampered,
            token.substring(1),
            "abc",
            enc("<script>alert(1)</script>"),
            token + "&token=" + token)) {
      HttpResponse<String> r = get("/account?token=" + bad);
      assertThat(r.statusCode()).as(bad).isEqualTo(404);
      assertThat(r.body()).contains("This link has expired").doesNotContain("<script>alert");
    }
  }

  @Test
  void renewingSendsToTheProvidersPageForTheCustomersPlanAndRecordsTheOrder() throws Exception {
    String token = signIn("alice@example.com");

    HttpResponse<String> r = submit("/account/renew", token, "plan=Monthly");

    assertThat(r.statusCode()).isEqualTo(303);
    assertThat(r.headers().firstValue("Location")).hasValue(FakePaymentProvider.URL);
    assertThat(provider.orders)
        .singleElement()
        .satisfies(
            o -> {
              assertThat(o.email()).isEqualTo("alice@example.com");
              assertThat(o.plan()).isEqualTo("Monthly");
              assertThat(usher.checkout().order(o.reference())).isPresent();
            });
  }

  @Test
  void aRenewalTakesADiscountCodeAndARefusedOneIsShownWithWhatWasTyped() throws Exception {
    usher
        .discounts()
        .create(
            new io.usher.domain.discounts.DiscountSpec("LOYAL", 25, null, null, null, null, true));
    String token = signIn("alice@example.com");
    assertThat(get("/account?token=" + token).body()).contains("name=\"discount\"");

    HttpResponse<String> wrong =
        submit("/account/renew", token, "plan=Monthly&discount=%3Cb%3Enope");
    assertThat(wrong.statusCode()).isEqualTo(400);
    assertThat(wrong.body())
        .contains("That discount code is not valid: check it and try again.")
        .contains("value=\"&lt;b&gt;nope\"")
        .doesNotContain("<b>nope");
    assertThat(provider.orders).isEmpty();

    HttpResponse<String> loyal = submit("/account/renew", token, "plan=Monthly&discount=loyal");
    assertThat(loyal.statusCode()).isEqualTo(303);
    assertThat(provider.orders.getFirst().amount().minor()).isEqualTo(750);
    assertThat(
            usher.checkout().order(provider.orders.getFirst().reference()).orElseThrow().discount())
        .isEqualTo("LOYAL");
  }

  @Test
  void aCustomerOnAHiddenPlanChoosesAVisibleOneToRenew() throws Exception {
    usher.invites().invite(InviteRequest.of("bob@example.com", "Old", "Tower"));
    String token = signIn("bob@example.com");

    String page = get("/account?token=" + token).body();
    assertThat(page)
        .contains("Your Old plan is no longer offered: choose another one.")
        .contains("value=\"Monthly\"")
        .contains("value=\"Family\"")
        .doesNotContain("Renew Old");

    HttpResponse<String> hidden = submit("/account/renew", token, "plan=Old");
    assertThat(hidden.statusCode()).isEqualTo(400);
    assertThat(hidden.body()).contains("Choose one of the plans on this page.");
    assertThat(provider.orders).isEmpty();

    HttpResponse<String> family = submit("/account/renew", token, "plan=Family");
    assertThat(family.statusCode()).isEqualTo(303);
    assertThat(provider.orders.getFirst().plan()).isEqualTo("Family");
  }

  @Test
  void reInviteIsOfferedOnlyToAPaidUpCustomerWhoLostTheShareAndRestoresIt() throws Exception {
    String token = signIn("alice@example.com");
    assertThat(submit("/account/reinvite", token, "").statusCode())
        .as("still shared: nothing to re-invite")
        .isEqualTo(409);

    tower.users.clear();
    usher.jobs().run("sync", false);
    String page = get("/account?token=" + token).body();
    assertThat(page).contains("Re-invite me").contains("None right now");

    HttpResponse<String> r = submit("/account/reinvite", token, "");

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("Your invitation is on its way").contains("Tower");
    assertThat(usher.outbox().pending()).anyMatch(i -> i.kind().equals("invite"));
    assertThat(get("/account?token=" + token).body())
        .contains("An invitation is on its way")
        .doesNotContain("Re-invite me");
    assertThat(submit("/account/reinvite", token, "").statusCode()).isEqualTo(409);

    usher.outbox().runDue();

    assertThat(tower.shared)
        .extracting(s -> s.email())
        .containsExactly("alice@example.com", "alice@example.com");
    assertThat(get("/account?token=" + token).body())
        .contains("Tower")
        .doesNotContain("Re-invite me");
  }

  @Test
  void aReInviteWithNoServerRoomReallyTellsTheOwner() throws Exception {
    usher.settings().set("owner.email", "owner@example.com");
    String token = signIn("alice@example.com");
    tower.users.clear();
    usher.jobs().run("sync", false);
    usher.servers().update("Tower", new ServerSettings(null, true, true, true, false, 0, true));

    HttpResponse<String> r = submit("/account/reinvite", token, "");

    assertThat(r.body())
        .contains("There is no room on our servers right now; the owner has been told.");
    assertThat(usher.outbox().pending())
        .map(i -> Payload.decode(i.payload()))
        .anySatisfy(
            mail -> {
              assertThat(mail).containsEntry("event", "OWNER_ALERT");
              assertThat(mail).containsEntry("to", "owner@example.com");
              assertThat(mail.get("summary")).contains("alice@example.com");
            });
  }

  @Test
  void anExpiredCustomerWithoutAShareIsToldToRenewNotReInvited() throws Exception {
    clock.advance(Duration.ofDays(40));
    usher.jobs().run("expire", false);
    String token = signIn("alice@example.com");

    String page = get("/account?token=" + token).body();

    assertThat(page)
        .contains("Expired")
        .contains("Your access ended on 22 December 2026. Renew to watch again.")
        .doesNotContain("Re-invite me");
    HttpResponse<String> r = submit("/account/reinvite", token, "");
    assertThat(r.statusCode()).isEqualTo(409);
    assertThat(r.body()).contains("Your access has ended: renew to be invited again.");
  }

  @Test
  void aTaggedCustomerChangesTheirPlexAccountFromThePage() throws Exception {
    long id = usher.users().byEmail("alice@example.com").id();
    usher.accounts().requireChange(List.of(id), true);
    String token = signIn("alice@example.com");
    String page = get("/account?token=" + token).body();
    assertThat(page)
        .contains("Change your Plex account")
        .contains("name=\"new_email\"")
        .doesNotContain("Renew Monthly");

    HttpResponse<String> r = submit("/account/plex", token, "new_email=" + enc("new@example.com"));

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body())
        .contains("Your Plex account is now new@example.com.")
        .contains("Plex is sending an invitation")
        .doesNotContain("name=\"new_email\"");
    assertThat(tower.shared)
        .extracting(s -> s.email())
        .containsExactly("alice@example.com", "new@example.com");
    var moved = usher.users().byEmail("new@example.com");
    assertThat(moved.id()).isEqualTo(id);
    assertThat(moved.spec().mustChangeAccount()).isFalse();
    assertThat(get("/account?token=" + token).body()).contains("new@example.com");
  }

  @Test
  void aBadNewEmailIsShownBesideTheFieldAndChangesNothing() throws Exception {
    long id = usher.users().byEmail("alice@example.com").id();
    usher.accounts().requireChange(List.of(id), true);
    String token = signIn("alice@example.com");

    HttpResponse<String> r = submit("/account/plex", token, "new_email=" + enc("not-an-email"));

    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body())
        .contains("value=\"not-an-email\" aria-invalid=\"true\"")
        .containsPattern(
            "id=\"new_email\"[^>]*>\\s*<p class=\"field-error\" id=\"new-email-error\">&#39;not-an-email&#39;"
                + " is not a valid email address.</p>");

    tower.failShares.add(
        new MediaServerException(MediaServerException.Kind.INVALID_ACCOUNT, "not a Plex user"));
    HttpResponse<String> unknown =
        submit("/account/plex", token, "new_email=" + enc("nobody@example.com"));
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.body())
        .contains(
            "Plex does not know nobody@example.com as an account: type the email you sign in to"
                + " Plex with.");

    assertThat(tower.shared).hasSize(1);
    assertThat(tower.removed).isEmpty();
    assertThat(usher.users().byEmail("alice@example.com").spec().mustChangeAccount()).isTrue();
  }

  @Test
  void everyFormWithoutItsCsrfTokenIsRefusedAndDoesNothing() throws Exception {
    usher.accounts().requireChange(List.of(usher.users().byEmail("alice@example.com").id()), true);
    String token = signIn("alice@example.com");
    int mails = linkMails().size();

    assertThat(post("/account/login", "email=alice%40example.com").statusCode()).isEqualTo(403);
    assertThat(post("/account/renew", "token=" + token + "&plan=Monthly").statusCode())
        .isEqualTo(403);
    clock.advance(Duration.ofMinutes(1));
    assertThat(post("/account/reinvite", "token=" + token + "&csrf=1.forged").statusCode())
        .isEqualTo(403);
    HttpResponse<String> plex =
        post("/account/plex", "token=" + token + "&new_email=new%40example.com");
    assertThat(plex.statusCode()).isEqualTo(403);
    assertThat(plex.body()).contains("That form had expired, so nothing was done.");

    assertThat(linkMails()).hasSize(mails);
    assertThat(provider.orders).isEmpty();
    assertThat(tower.shared).hasSize(1);
  }

  @Test
  void aLinkThatExpiredWhileThePageWasOpenStopsItsForms() throws Exception {
    String token = signIn("alice@example.com");
    String form = csrf(get("/account?token=" + token).body());
    clock.advance(Duration.ofHours(24));

    HttpResponse<String> r =
        post("/account/renew", "token=" + token + "&csrf=" + enc(form) + "&plan=Monthly");

    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(provider.orders).isEmpty();
  }

  @Test
  void theCustomersNameAndEmailAreEscaped() throws Exception {
    usher
        .users()
        .create(
            new UserSpec(
                "o'brien&co=1@example.com",
                "<img src=x onerror=alert(1)>",
                true,
                false,
                null,
                null,
                null,
                null));
    String token = signIn("o'brien&co=1@example.com");

    String page = get("/account?token=" + token).body();

    assertThat(page)
        .contains("Hi &lt;img src&#61;x onerror&#61;alert(1)&gt;")
        .contains("o&#39;brien&amp;co&#61;1@example.com")
        .contains("Permanent")
        .doesNotContain("o'brien&co")
        .doesNotContain("<img");
    assertThat(askForLink("\"><b>x@example.com").body())
        .contains("&quot;&gt;&lt;b&gt;x@example.com")
        .doesNotContain("<b>x");
  }

  @Test
  void oversizedGarbageAndWrongTypesAreRefusedNeverFailures() throws Exception {
    byte[] big = ("email=" + "a".repeat(9000)).getBytes(StandardCharsets.US_ASCII);
    assertThat(post("/account/login", FORM, big).statusCode()).isEqualTo(413);
    assertThat(post("/account/login", "email=%zz").statusCode()).isEqualTo(400);
    assertThat(
            post("/account/plex", FORM, new byte[] {(byte) 0xff, (byte) 0xfe, 0x3d}).statusCode())
        .isEqualTo(400);
    assertThat(post("/account/renew", "application/json", "{}".getBytes()).statusCode())
        .isEqualTo(415);
    clock.advance(Duration.ofMinutes(1));
    HttpResponse<String> notEmail =
        post("/account/login", "email=nope&csrf=" + enc(csrf(get("/account/login").body())));
    assertThat(notEmail.statusCode()).isEqualTo(400);
    assertThat(notEmail.body())
        .contains("id=\"email-error\">&#39;nope&#39; is not a valid email address.");
    assertThat(get("/account/renew").statusCode()).isEqualTo(405);
    assertThat(get("/account/nothing").statusCode()).isEqualTo(404);
    assertThat(linkMails()).isEmpty();
  }

  @Test
  void tooManyPostsFromOneAddressAreToldToWait() throws Exception {
    for (int i = 0; i < 5; i++) {
      assertThat(post("/account/login", "email=x").statusCode()).isEqualTo(403);
    }

    HttpResponse<String> r = post("/account/login", "email=x");

    assertThat(r.statusCode()).isEqualTo(429);
    assertThat(r.headers().firstValue("Retry-After")).isPresent();
    assertThat(r.body()).contains("Too many tries");
  }
}
