package io.usher.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.usher.application.jobs.JobResult;
import io.usher.testing.FakePlex;
import io.usher.testing.FakeStripe;
import io.usher.testing.Fixtures;
import jakarta.mail.internet.MimeMessage;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

/**
 * The browser test: headless Chromium buys a plan on the real checkout page, pays on a
 * local fake Stripe that the real Stripe SDK talks to, and comes back to "You're in"; the ledger
 * then holds one payment and one share, the invite reached the (fake) Plex server and the welcome
 * mail went out. The payment is learned by polling, then Stripe's webhook delivers the same event
 * twice more: it still lands once.
 *
 * <p>Everything is wired as {@code usher serve} wires it: the production {@link AppContext} (real
 * Stripe and Plex adapters, pointed at the fakes through their address settings), the checkout
 * server from {@link CheckoutServer#startFor} and the {@link OutboxWorker}; only the payments job
 * is run by the test instead of the scheduler's timer, so the order of events is deterministic.
 */
class CheckoutInBrowserTest {
  static final Path CHROMIUM = Path.of(System.getProperty("usher.chromium", "/usr/bin/chromium"));
  static final Path CHROMEDRIVER =
      Path.of(System.getProperty("usher.chromedriver", "/usr/bin/chromedriver"));
  static final String KEY = "sk_test_51BrowserTestKey000000";
  static final String WEBHOOK_SECRET = "whsec_browser_test";
  static final Duration WAIT = Duration.ofSeconds(30);

  @RegisterExtension
  static GreenMailExtension smtp =
      new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(true);

  /**
   * Selenium warns at every start that it has no DevTools binding for this Chromium's version; the
   * test uses none. Held here because java.util.logging keeps loggers only weakly.
   */
  static final Logger CDP_WARNING =
      Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

  @TempDir static Path profile;
  static ChromeDriverService driverService;
  static WebDriver browser;

  @TempDir Path dataDir;
  @StartStop final MockWebServer plexWeb = new MockWebServer();
  FakeStripe stripe;
  AppContext usher;
  CheckoutServer checkout;
  OutboxWorker outbox;
  String base;
  final List<String> told = new ArrayList<>();

  @BeforeAll
  static void startChromium() {
    if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
      // A failure, not a skip: CI must not go green without having run the browser.
      fail(
          "No "
              + CHROMIUM
              + " or "
              + CHROMEDRIVER
              + ": install chromium and chromium-driver (Debian) — .ci/run does it.");
    }
    CDP_WARNING.setLevel(Level.SEVERE);
    // The driver and the browser are given explicitly, so Selenium Manager (which would try to
    // download them) is never consulted.
    System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.toString());
    driverService =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            // The browser's console lands here too: a page's refused form shows up in it.
            .withLogFile(new File("target/chromedriver.log"))
            .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--no-first-run",
        "--no-default-browser-check",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        // A phone's width: the customer the checkout is for opens the link on one.
        "--window-size=412,900",
        "--user-data-dir=" + profile.toAbsolutePath());
    boolean started = false;
    try {
      browser = new ChromeDriver(driverService, options);
      browser.manage().timeouts().pageLoadTimeout(WAIT);
      started = true;
    } finally {
      if (!started) {
        driverService.stop();
      }
    }
  }

  @AfterAll
  static void quitChromium() {
    try {
      if (browser != null) {
        browser.quit();
      }
    } finally {
      if (driverService != null) {
        driverService.stop();
      }
    }
  }

  @BeforeEach
  void serve() throws IOException {
    stripe = FakeStripe.start(KEY);
    FakePlex plex = new FakePlex(plexWeb);
    Clock clock = Clock.systemUTC();
    usher = new AppContext(dataDir, clock);
    usher.settings().set("plex.tv-url", plex.url());
    usher.settings().set("stripe.api-url", stripe.url());
    // The fake serves its payment pages itself, as a custom Checkout domain would.
    usher.settings().set("stripe.checkout-url", stripe.url());
    usher.settings().set("stripe.secret-key", KEY);
    usher.settings().set("stripe.webhook-secret", WEBHOOK_SECRET);
    usher.settings().set("smtp.host", "127.0.0.1");
    usher.settings().set("smtp.port", Integer.toString(smtp.getSmtp().getPort()));
    usher.settings().set("smtp.security", "none");
    usher.settings().set("smtp.from", "usher@example.com");
    usher.settings().set("checkout.bind", "127.0.0.1");
    // A free port found first: the setting takes 1–65535, not 0 for "any".
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      usher.settings().set("checkout.port", Integer.toString(probe.getLocalPort()));
    }
    Fixtures.monthly(usher, "Monthly", "12.50");
    Fixtures.monthly(usher, "Family", "25");
    usher.servers().addPlex(FakePlex.TOKEN, "Tower", null, null, null);
    usher.servers().setGroup(usher.servers().libraries("Tower").getFirst().id(), "Standard");
    checkout = CheckoutServer.startFor(usher, clock, told::add).orElseThrow();
    base = "http://127.0.0.1:" + checkout.port();
    usher.settings().set("checkout.public-url", base);
    outbox = new OutboxWorker(usher.outbox(), clock);
    outbox.start();
  }

  @AfterEach
  void stop(TestInfo test) throws Exception {
    try {
      screenshot(test.getTestMethod().orElseThrow().getName());
    } finally {
      // In the order they were started backwards; a set-up that failed half way started fewer.
      for (AutoCloseable started : new AutoCloseable[] {outbox, checkout, usher, stripe}) {
        if (started != null) {
          started.close();
        }
      }
    }
  }

  @Test
  void aCustomerBuysAPlanPaysOnStripeAndIsIn() throws Exception {
    WebDriverWait wait = new WebDriverWait(browser, WAIT);
    browser.get(base + "/");
    assertThat(browser.getTitle()).isEqualTo("Choose your plan");
    assertThat(
            browser.findElement(By.cssSelector("input[name=plan][value='Monthly']")).isSelected())
        .as("the cheaper of the two plans is chosen already")
        .isTrue();
    browser.findElement(By.id("email")).sendKeys("alice@example.com");
    browser.findElement(By.cssSelector("input[name=plan][value='Monthly']")).click();
    browser.findElement(By.cssSelector("button[type=submit]")).click();

    wait.until(ExpectedConditions.urlMatches("^" + stripe.url() + "/pay/cs_test_"));
    wait.until(ExpectedConditions.elementToBeClickable(By.id("pay")));
    assertThat(browser.findElement(By.id("product")).getText()).isEqualTo("Monthly");
    assertThat(browser.findElement(By.id("amount")).getText()).isEqualTo("12.50 USD");
    assertThat(browser.findElement(By.id("email")).getText()).isEqualTo("alice@example.com");
    browser.findElement(By.id("pay")).click();

    wait.until(ExpectedConditions.urlContains("/checkout/return?session_id=cs_test_"));
    String sessionId = browser.getCurrentUrl().replaceAll("^.*session_id=", "");
    // Nothing is recorded before the payments job runs: the page waits and reloads itself.
    wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Confirming your payment"));
    JsonNode session = stripe.session(sessionId).orElseThrow();
    assertThat(session.get("status").stringValue()).isEqualTo("complete");
    assertThat(session.get("client_reference_id").stringValue())
        .startsWith("ord_")
        .isEqualTo(session.get("metadata").get("usher_order").stringValue());

    JobResult polled = usher.jobs().run("payments", false);
    assertThat(polled.summary()).isEqualTo("1 Stripe event(s), 1 payment(s) recorded.");
    wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "You’re in"));

    // Each event (the payment intent's and the session's) delivered twice, all accepted.
    assertThat(stripe.deliverWebhooks(URI.create(base + "/webhooks/stripe"), WEBHOOK_SECRET, 2))
        .as("every delivery accepted")
        .hasSize(4)
        .containsOnly(200);
    assertThat(usher.jobs().run("payments", false).summary()).isEqualTo("No new Stripe events.");

    String paymentIntent = session.get("payment_intent").stringValue();
    RecordedRequest invite = shareRequest();
    assertThat(invite.getBody().utf8()).contains("alice@example.com");
    assertThat(smtp.waitForIncomingEmail(WAIT.toMillis(), 1)).as("the welcome mail").isTrue();
    assertThat(smtp.getReceivedMessages()).as("one welcome mail for one payment").hasSize(1);
    MimeMessage welcome = smtp.getReceivedMessages()[0];
    assertThat(welcome.getAllRecipients()[0].toString()).isEqualTo("alice@example.com");
    assertThat(welcome.getSubject()).contains("Tower");
    try (Connection db = database()) {
      assertThat(
              rows(
                  db,
                  "SELECT u.email, p.txn_id, p.source, p.amount_minor FROM payments p"
                      + " JOIN users u ON u.id = p.user_id"))
          .containsExactly(List.of("alice@example.com", paymentIntent, "stripe", "1250"));
      assertThat(
              rows(
                  db,
                  "SELECT u.email, m.name FROM shares s JOIN users u ON u.id = s.user_id"
                      + " JOIN media_servers m ON m.id = s.server_id"))
          .containsExactly(List.of("alice@example.com", "Tower"));
    }
    assertThat(stripe.calls())
        .containsExactly("POST /v1/checkout/sessions", "GET /v1/events", "GET /v1/events");
    assertThat(told).as("the checkout page started without a word for the owner").isEmpty();
  }

  @Test
  void aCustomerWhoGoesBackFromStripeIsToldNothingWasCharged() throws Exception {
    WebDriverWait wait = new WebDriverWait(browser, WAIT);
    browser.get(base + "/");
    browser.findElement(By.id("email")).sendKeys("bob@example.com");
    browser.findElement(By.cssSelector("input[name=plan][value='Family']")).click();
    browser.findElement(By.cssSelector("button[type=submit]")).click();
    wait.until(ExpectedConditions.urlMatches("^" + stripe.url() + "/pay/cs_test_"));
    wait.until(ExpectedConditions.elementToBeClickable(By.id("back")));
    assertThat(browser.findElement(By.id("amount")).getText()).isEqualTo("25.00 USD");

    browser.findElement(By.id("back")).click();

    wait.until(ExpectedConditions.urlToBe(base + "/checkout/cancel"));
    wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Payment cancelled"));
    assertThat(browser.findElement(By.tagName("main")).getText()).contains("Nothing was charged");
    assertThat(usher.jobs().run("payments", false).summary()).isEqualTo("No new Stripe events.");
    try (Connection db = database()) {
      assertThat(rows(db, "SELECT id FROM payments")).isEmpty();
      assertThat(rows(db, "SELECT id FROM shares")).isEmpty();
      assertThat(rows(db, "SELECT email FROM users")).isEmpty();
    }
  }

  /** The Plex invite the outbox worker sends once the payment is in. */
  RecordedRequest shareRequest() {
    return new FluentWait<>(plexWeb)
        .withTimeout(WAIT)
        .pollingEvery(Duration.ofMillis(100))
        .withMessage("the invite to reach the Plex server")
        .until(
            web -> {
              try {
                RecordedRequest r;
                while ((r = web.takeRequest(0, TimeUnit.MILLISECONDS)) != null) {
                  if (r.getMethod().equals("POST")
                      && r.getUrl().encodedPath().equals("/api/v2/shared_servers")) {
                    return r;
                  }
                }
                return null;
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
              }
            });
  }

  /** A second connection to the same H2 file (AUTO_SERVER), as a one-shot CLI command opens. */
  Connection database() throws SQLException {
    return DriverManager.getConnection(
        "jdbc:h2:file:" + dataDir.resolve("usher").toAbsolutePath() + ";AUTO_SERVER=TRUE",
        "usher",
        "");
  }

  static List<List<String>> rows(Connection db, String sql) throws SQLException {
    List<List<String>> out = new ArrayList<>();
    try (Statement s = db.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      int columns = r.getMetaData().getColumnCount();
      while (r.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= columns; i++) {
          row.add(r.getString(i));
        }
        out.add(row);
      }
    }
    return out;
  }

  /** The page the browser ended on, for a person to look at; never compared. */
  static void screenshot(String name) throws IOException {
    if (browser instanceof TakesScreenshot camera) {
      Path shot = camera.getScreenshotAs(OutputType.FILE).toPath();
      Files.createDirectories(Path.of("target"));
      Files.move(
          shot, Path.of("target", "browser-" + name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
