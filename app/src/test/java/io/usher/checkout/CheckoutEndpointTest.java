package io.usher.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import io.usher.app.AppContext;
import io.usher.app.CheckoutServer;
import io.usher.domain.plans.PlanDuration;
import io.usher.testing.FakeMediaServers;
import io.usher.testing.FakePaymentProvider;
import io.usher.testing.Fixtures;
import io.usher.testing.MutableClock;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The public checkout page end to end over HTTP, on a free port, with a fake provider. */
class CheckoutEndpointTest {
  static final String FORM = "application/x-www-form-urlencoded";

  @TempDir Path dataDir;
  final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
  final FakePaymentProvider provider = new FakePaymentProvider();
  final FakeMediaServers media = new FakeMediaServers();
  final HttpClient http =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  AppContext usher;
  CheckoutServer server;
  Csrf csrf;

  @BeforeEach
  void start() throws Exception {
    usher = new AppContext(dataDir, clock, s -> media, s -> provider);
    Fixtures.monthly(usher, "Monthly", "10");
    Fixtures.monthly(usher, "<script>alert(1)</script>", "5");
    var hidden = Fixtures.monthly(usher, "Staff only", "0");
    usher.plans().setHidden(hidden.id(), true);
    csrf = TestPages.csrf(clock);
    server = TestPages.serve(usher, clock, csrf);
  }

  @AfterEach
  void stop() {
    server.close();
    usher.close();
  }

  URI at(String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }

  HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(at(path)).GET().build(), BodyHandlers.ofString());
  }

  HttpResponse<String> post(String type, byte[] body) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(at("/checkout")).POST(BodyPublishers.ofByteArray(body));
    if (type != null) {
      b.header("Content-Type", type);
    }
    return http.send(b.build(), BodyHandlers.ofString());
  }

  HttpResponse<String> post(String body) throws Exception {
    return post(FORM, body.getBytes(StandardCharsets.UTF_8));
  }

  String token() throws Exception {
    Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(get("/").body());
    assertThat(m.find()).as("the form carries a token").isTrue();
    return m.group(1);
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  @Test
  void thePlansPageListsOnlyVisiblePlansWithTheirNamesEscaped() throws Exception {
    HttpResponse<String> page = get("/");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
    assertThat(page.body())
        .contains("Monthly")
        .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
        .doesNotContain("<script>")
        .doesNotContain("Staff only")
        .contains("action=\"/checkout\"");
  }

  @Test
  void aPageHalfASecondOldIsRenderedAgainAheadWhileTheKeptOneIsStillSent() throws Exception {
    assertThat(get("/").body()).doesNotContain("Quarterly");
    Fixtures.monthly(usher, "Quarterly", "25");
    clock.advance(Duration.ofMillis(600));

    assertThat(get("/").body()).as("still within its second").doesNotContain("Quarterly");
    // The clock stands still: only a render ahead of the page's expiry can show the new plan.
    long deadline = System.nanoTime() + 5_000_000_000L;
    String page = get("/").body();
    while (!page.contains("Quarterly") && System.nanoTime() < deadline) {
      Thread.sleep(20);
      page = get("/").body();
    }
    assertThat(page).contains("Quarterly");
  }

  @Test
  void aPlansEmbyDeviceLimitIsOnItsCardAndAPlanWithoutOneSaysNothing() throws Exception {
    usher.plans().create(Fixtures.plan("Duo", "10", PlanDuration.months(1), 2));
    clock.advance(PlansPage.MAX_AGE);

    String page = get("/").body();
    String duo = page.substring(page.indexOf("value=\"Duo\""));
    assertThat(duo.substring(0, duo.indexOf("</label>"))).contains("<li>2 Emby devices</li>");
    assertThat(page.split("Emby device", -1)).as("on one card only").hasSize(2);
  }

  @Test
  void theCheapestPlanIsChosenAlreadyAndALinkMayChooseAnother() throws Exception {
    String cheapest = "value=\"&lt;script&gt;alert(1)&lt;/script&gt;\" required checked>";
    assertThat(get("/").body())
        .contains(cheapest)
        .contains("value=\"Monthly\" required>")
        .contains("<li>Libraries: Standard</li>");

    assertThat(get("/?plan=monthly").body())
        .contains("value=\"Monthly\" required checked>")
        .doesNotContain(cheapest);
    assertThat(get("/?plan=Staff%20only").body())
        .as("a hidden plan cannot be chosen by a link")
        .contains(cheapest)
        .doesNotContain("Staff only");
  }

  @Test
  void aTrialPlanTurnsThePayButtonIntoStartFreeTrialWhenChosen() throws Exception {
    usher
        .plans()
        .create(
            Fixtures.plan(
                "Week free", "0", io.usher.domain.plans.PlanDuration.days(7), true, null));
    clock.advance(PlansPage.MAX_AGE);

    String page = get("/?plan=week%20free").body();

    assertThat(page)
        .contains("value=\"Week free\" required checked data-trial>")
        .contains("<span class=\"for-paid\">Continue to payment</span>")
        .contains("<span class=\"for-trial\">Start free trial</span>")
        .contains("form:has(input[data-trial]:checked) .for-trial { display: inline; }");
  }

  @Test
  void theOwnersBrandingIsOnEveryPageEscapedAndWithoutItNoMarkerIsLeft() throws Exception {
    assertThat(get("/").body()).doesNotContain("<!--brand").doesNotContain("<header");
    assertThat(get("/account/login").body()).doesNotContain("<!--brand");

    usher.settings().set("brand.name", "Movie <Night>");
    usher.settings().set("brand.logo-url", "https://tv.example.com/logo.png");
    usher.settings().set("brand.accent", "#E5A00D");
    usher.settings().set("brand.welcome", "Four screens, every film.");
    usher.settings().set("brand.footer", "Run by Sam & friends");
    usher.settings().set("brand.contact", "sam@tv.example.com");
    usher.settings().set("brand.terms-url", "https://tv.example.com/terms");
    clock.advance(PlansPage.MAX_AGE);

    String plans = get("/").body();
    assertThat(plans)
        .contains("<style>:root { --accent: #e5a00d; }</style>")
        .contains("<img src=\"https://tv.example.com/logo.png\" alt=\"\">")
        .contains("<span>Movie &lt;Night&gt;</span>")
        .contains("<p class=\"welcome\">Four screens, every film.</p>")
        .contains("Run by Sam &amp; friends")
        .contains("<a href=\"mailto:sam@tv.example.com\">")
        .contains("<a href=\"https://tv.example.com/terms\" rel=\"noopener\">Terms</a>")
        .doesNotContain("<!--brand");
    String login = get("/account/login").body();
    assertThat(login)
        .contains("<span>Movie &lt;Night&gt;</span>")
        .contains("Run by Sam &amp; friends")
        .doesNotContain("Four screens")
        .doesNotContain("<!--brand");
    assertThat(get("/").headers().firstValue("Content-Security-Policy").orElseThrow())
        .contains("img-src data: https:");
  }

  @Test
  void whileEveryServerIsFullThePlansPageSaysSignUpsArePausedBeforeAnyoneTypes() throws Exception {
    media.server("http://den:8096").library("f1", "Movies");
    usher
        .servers()
        .addMediaBrowser(io.usher.domain.media.ServerKind.JELLYFIN, "Den", "http://den:8096", "k");
    usher
        .servers()
        .update(
            "Den",
            "Den",
            new io.usher.domain.servers.ServerSettings(
                null, true, false, true, false, null, false));
    clock.advance(PlansPage.MAX_AGE);

    String page = get("/").body();
    assertThat(page).contains("Sign-ups are paused").doesNotContain("action=\"/checkout\"");

    usher
        .servers()
        .update(
            "Den",
            "Den",
            new io.usher.domain.servers.ServerSettings(null, true, true, true, false, null, false));
    clock.advance(PlansPage.MAX_AGE);
    assertThat(get("/").body()).contains("action=\"/checkout\"");
  }

  @Test
  void aPlanHiddenMeanwhileCannotBeBoughtAndLeavesThePageWithinASecond() throws Exception {
    String t = token();
    usher.plans().setHidden(usher.plans().byName("Monthly").id(), true);

    HttpResponse<String> r =
        post("email=" + enc("alice@example.com") + "&plan=Monthly&csrf=" + enc(t));
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("Choose one of the plans on this page.");
    assertThat(provider.orders).isEmpty();
    clock.advance(PlansPage.MAX_AGE);
    assertThat(get("/").body()).doesNotContain("value=\"Monthly\"");
  }

  @Test
  void theKeptPageCarriesTheTokenOfTheCurrentWindow() throws Exception {
    String old = token();
    clock.advance(Duration.ofMinutes(30));
    String fresh = token();

    assertThat(fresh).isNotEqualTo(old).isEqualTo(csrf.issue());
    assertThat(post("email=" + enc("alice@example.com") + "&plan=Monthly&csrf=" + enc(fresh)))
        .extracting(HttpResponse::statusCode)
        .isEqualTo(303);
  }

  @Test
  void thePageAnsweredFromMemoryIsTheOneTheHandlerRendered() throws Exception {
    HttpResponse<String> rendered = get("/");
    HttpResponse<String> fromMemory = get("/");

    assertThat(fromMemory.statusCode()).isEqualTo(200);
    assertThat(fromMemory.body()).isEqualTo(rendered.body()).contains("name=\"csrf\"");
    assertThat(fromMemory.headers().map()).containsAllEntriesOf(without(rendered, "date"));
  }

  private static java.util.Map<String, java.util.List<String>> without(
      HttpResponse<String> r, String header) {
    java.util.Map<String, java.util.List<String>> all =
        new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    all.putAll(r.headers().map());
    all.remove(header);
    return all;
  }

  @Test
  void everyAnswerCarriesTheSecurityHeaders() throws Exception {
    // The second "/" and "/health" are answered from memory, on the server's network thread.
    for (HttpResponse<String> r :
        new HttpResponse[] {get("/"), get("/"), get("/nope"), get("/health")}) {
      assertThat(r.headers().firstValue("Content-Security-Policy").orElseThrow())
          .contains("default-src 'none'")
          .contains("style-src 'unsafe-inline'")
          .contains("form-action 'self' https://checkout.stripe.com")
          .contains("frame-ancestors 'none'");
      assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
      assertThat(r.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
      assertThat(r.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    }
  }

  @Test
  void theFormMayLeadToThePublicAddressAndTheProvidersPagesOnly() throws Exception {
    usher.settings().set("checkout.public-url", "https://shop.example.com/usher/");

    assertThat(get("/").headers().firstValue("Content-Security-Policy").orElseThrow())
        .contains("form-action 'self' https://checkout.stripe.com https://shop.example.com;");

    usher.settings().set("checkout.public-url", "https://x.example;script-src*");
    clock.advance(Duration.ofSeconds(1));
    assertThat(get("/").headers().firstValue("Content-Security-Policy").orElseThrow())
        .contains("form-action 'self' https://checkout.stripe.com;")
        .doesNotContain("script-src");
  }

  @Test
  void aValidOrderIsSentToTheProvidersPage() throws Exception {
    HttpResponse<String> r =
        post("email=" + enc("alice@example.com") + "&plan=Monthly&discount=&csrf=" + enc(token()));

    assertThat(r.statusCode()).isEqualTo(303);
    assertThat(r.headers().firstValue("Location")).hasValue(FakePaymentProvider.URL);
    assertThat(provider.orders)
        .singleElement()
        .satisfies(o -> assertThat(o.plan()).isEqualTo("Monthly"));
  }

  @Test
  void aReferralLinkOpensThePlansWithItsCodeAndTheOrderCarriesIt() throws Exception {
    assertThat(get("/?ref=ABCD2345").body())
        .as("referrals off: no field, whatever the link says")
        .doesNotContain("name=\"referral\"");
    usher.settings().set("referral.percent", "10");
    usher.users().create(io.usher.domain.users.UserSpec.withEmail("alice@example.com"));
    String code = usher.referrals().summary("alice@example.com").code();
    clock.advance(PlansPage.MAX_AGE);

    assertThat(get("/").body()).contains("name=\"referral\"").contains("value=\"\"");
    assertThat(get("/?ref=" + code.toLowerCase(java.util.Locale.ROOT)).body())
        .contains("value=\"" + code + "\"");
    assertThat(get("/?ref=%22%3E%3Cb%3E").body())
        .as("what cannot be a code is dropped, never echoed")
        .doesNotContain("<b>")
        .contains("Monthly");

    HttpResponse<String> r =
        post(
            "email="
                + enc("bob@example.com")
                + "&plan=Monthly&referral="
                + code
                + "&csrf="
                + enc(token()));
    assertThat(r.statusCode()).isEqualTo(303);
    String reference = provider.orders.getLast().reference();
    assertThat(usher.checkout().order(reference).orElseThrow().referral()).isEqualTo(code);

    HttpResponse<String> own =
        post(
            "email="
                + enc("alice@example.com")
                + "&plan=Monthly&referral="
                + code
                + "&csrf="
                + enc(token()));
    assertThat(own.statusCode()).isEqualTo(400);
    assertThat(own.body())
        .contains("This is your own referral code")
        .contains("value=\"" + code + "\"");
  }

  @Test
  void withNoWayToChargeOnlyFreePlansAreOffered() throws Exception {
    usher
        .plans()
        .create(
            io.usher.testing.Fixtures.plan(
                "Trial", "0", io.usher.domain.plans.PlanDuration.days(7), true, null));
    provider.configured = false;
    clock.advance(PlansPage.MAX_AGE);

    String page = get("/").body();

    assertThat(page).contains("Trial").doesNotContain("Monthly");
    provider.configured = true;
    clock.advance(PlansPage.MAX_AGE);
    assertThat(get("/").body()).contains("Monthly");
  }

  /** Seed 000: a plan for a master with linked users is not for everyone. */
  @Test
  void aPlanForAMasterWithLinkedUsersIsOnlyForAMasterWithThatMany() throws Exception {
    var base = Fixtures.plan("3 accounts", "25", io.usher.domain.plans.PlanDuration.months(1));
    usher
        .plans()
        .create(
            new io.usher.domain.plans.PlanSpec(
                base.name(),
                base.price(),
                base.duration(),
                base.groups(),
                base.maxStreams(),
                base.downloads(),
                base.transcode(),
                base.maxDevices(),
                false,
                false,
                false,
                2,
                null));
    clock.advance(java.time.Duration.ofSeconds(2));
    assertThat(get("/").body()).doesNotContain("3 accounts");

    HttpResponse<String> stranger =
        post(
            "email="
                + enc("bob@example.com")
                + "&plan="
                + enc("3 accounts")
                + "&csrf="
                + enc(token()));
    assertThat(stranger.statusCode()).isEqualTo(400);
    assertThat(stranger.body()).contains("This plan is for an account with 2 linked users");

    usher.users().create(io.usher.domain.users.UserSpec.withEmail("mom@example.com"));
    usher.users().create(io.usher.domain.users.UserSpec.withEmail("kid1@example.com"));
    usher.users().create(io.usher.domain.users.UserSpec.withEmail("kid2@example.com"));
    usher
        .payments()
        .record(io.usher.application.payments.ManualPayment.of("mom@example.com", "3 accounts"));
    usher.links().link("mom@example.com", "kid1@example.com");
    usher.links().link("mom@example.com", "kid2@example.com");
    HttpResponse<String> master =
        post(
            "email="
                + enc("mom@example.com")
                + "&plan="
                + enc("3 accounts")
                + "&csrf="
                + enc(token()));
    assertThat(master.statusCode()).isEqualTo(303);
  }

  /** Seed 004: a customer tagged to change Plex account moves before buying again. */
  @Test
  void aCustomerTaggedToChangePlexAccountIsSentToTheirAccountPageFirst() throws Exception {
    usher
        .users()
        .create(
            new io.usher.domain.users.UserSpec(
                "alice@example.com", null, false, true, null, null, null, null));

    HttpResponse<String> r =
        post("email=" + enc("alice@example.com") + "&plan=Monthly&discount=&csrf=" + enc(token()));

    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("must move to a new Plex account before it can buy");
    assertThat(provider.orders).isEmpty();
  }

  @Test
  void aWrongFieldComesBackWithTheSentenceAndWhatWasTypedEscaped() throws Exception {
    HttpResponse<String> r =
        post("email=" + enc("\"><b>x") + "&plan=Monthly&discount=SAVE&csrf=" + enc(token()));

    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body())
        .contains("That discount code is not valid: check it and try again.")
        .contains("is not a valid email address.")
        .contains("&quot;&gt;&lt;b&gt;x")
        .doesNotContain("<b>x");
    assertThat(provider.orders).isEmpty();
  }

  @Test
  void aMissingOrForgedTokenIsRefused() throws Exception {
    assertThat(post("email=a%40example.com&plan=Monthly").statusCode()).isEqualTo(403);
    assertThat(post("email=a%40example.com&plan=Monthly&csrf=123.forged").statusCode())
        .isEqualTo(403);
    assertThat(provider.orders).isEmpty();
  }

  @Test
  void anExpiredTokenIsRefused() throws Exception {
    String old = token();
    clock.advance(Duration.ofHours(2));

    assertThat(post("email=a%40example.com&plan=Monthly&csrf=" + enc(old)).statusCode())
        .isEqualTo(403);
  }

  @Test
  void anOversizedBodyIsRefused() throws Exception {
    byte[] big = ("email=" + "a".repeat(9000)).getBytes(StandardCharsets.US_ASCII);

    assertThat(post(FORM, big).statusCode()).isEqualTo(413);
  }

  @Test
  void onlyFormBodiesAreRead() throws Exception {
    assertThat(post("application/json", "{}".getBytes()).statusCode()).isEqualTo(415);
    assertThat(post(null, "email=x".getBytes()).statusCode()).isEqualTo(415);
  }

  @Test
  void garbageBodiesAreBadRequestsNeverFailures() throws Exception {
    String t = "&csrf=" + enc(token());
    assertThat(post(FORM, new byte[] {(byte) 0xff, (byte) 0xfe, 0x3d}).statusCode()).isEqualTo(400);
    assertThat(post("email=%zz" + t).statusCode()).isEqualTo(400);
    assertThat(post("no-equals-sign").statusCode()).isEqualTo(400);
    clock.advance(Duration.ofMinutes(1));
    assertThat(post("email=a&email=b" + t).statusCode()).isEqualTo(400);
    assertThat(post("email=%00" + t).statusCode()).isEqualTo(400);
  }

  @Test
  void wrongMethodsAndUnknownPathsGetFriendlyPages() throws Exception {
    HttpResponse<String> missing = get("/admin");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.body()).contains("Page not found");
    assertThat(get("/checkout").statusCode()).isEqualTo(405);
    HttpResponse<String> put =
        http.send(
            HttpRequest.newBuilder(at("/")).PUT(BodyPublishers.ofString("x")).build(),
            BodyHandlers.ofString());
    assertThat(put.statusCode()).isEqualTo(405);
    assertThat(put.headers().firstValue("Allow")).hasValue("GET, POST");
  }

  @Test
  void healthSaysOk() throws Exception {
    HttpResponse<String> r = get("/health");

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).isEqualTo("ok");
    assertThat(r.headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");
  }

  @Test
  void theReturnAndCancelPagesAnswer() throws Exception {
    assertThat(get("/checkout/return?session_id=cs_unknown").body())
        .contains("Thanks for your payment");
    assertThat(get("/checkout/cancel").body()).contains("Nothing was charged");
  }

  @Test
  void tooManyPostsFromOneAddressAreToldToWait() throws Exception {
    for (int i = 0; i < 5; i++) {
      assertThat(post("email=x").statusCode()).isEqualTo(403);
    }
    HttpResponse<String> r = post("email=x");

    assertThat(r.statusCode()).isEqualTo(429);
    assertThat(r.headers().firstValue("Retry-After")).hasValue("12");
    clock.advance(Duration.ofSeconds(12));
    assertThat(post("email=x").statusCode()).isEqualTo(403);
  }

  @Test
  void providerNotSetUpShowsTheSentence() throws Exception {
    provider.failure =
        new io.usher.domain.common.UsherException(
            "Payments are not set up yet: the owner must add Stripe keys.");

    HttpResponse<String> r = post("email=a%40example.com&plan=Monthly&csrf=" + enc(token()));

    assertThat(r.statusCode()).isEqualTo(503);
    assertThat(r.body()).contains("Payments are not set up yet");
  }

  @Test
  void theReturnPageWaitsThenSaysYoureInOnceThePaymentIsRecorded() throws Exception {
    post("email=" + enc("alice@example.com") + "&plan=Monthly&discount=&csrf=" + enc(token()));
    String reference = provider.orders.getFirst().reference();

    HttpResponse<String> waiting = get("/checkout/return?session_id=cs_test_1");
    assertThat(waiting.body())
        .contains("Confirming your payment")
        .contains("http-equiv=\"refresh\"");

    usher.settings().set("stripe.webhook-secret", "whsec_x");
    String event =
        io.usher.payments.stripe.StripeJson.event(
            "evt_9",
            "checkout.session.completed",
            clock.instant().getEpochSecond(),
            io.usher.payments.stripe.StripeJson.oneTimeSession("cs_test_1", "pi_9", reference));
    assertThat(
            usher
                .webhooks()
                .receive(
                    event,
                    com.stripe.net.Webhook.Signature.generateSignatureHeader(
                        event, "whsec_x", clock.instant().getEpochSecond())))
        .isEqualTo(io.usher.application.payments.ProviderWebhooks.Result.ACCEPTED);

    assertThat(get("/checkout/return?session_id=cs_test_1").body()).contains("You’re in");
  }
}
