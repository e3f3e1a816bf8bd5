package io.usher.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.usher.cli.Cli;
import io.usher.testing.FakePlex;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 11 §5: no secret lies in clear in the data folder. An owner's whole set-up runs through the
 * real command line (every secret setting, a Plex server linked by token, an invite), then every
 * file under the data folder is searched byte for byte for each secret: none may appear.
 */
class SecretsAtRestTest {
  @StartStop final MockWebServer web = new MockWebServer();
  @TempDir Path dataDir;
  String out;
  String err;

  private static final Map<String, String> SECRETS = new LinkedHashMap<>();

  static {
    SECRETS.put("stripe.secret-key", "sk_test_51SecretStripeKeyForTheScan");
    SECRETS.put("stripe.webhook-secret", "whsec_SecretWebhookSigningForTheScan");
    SECRETS.put("smtp.password", "smtp-Password-For-The-Scan-77");
    SECRETS.put("discord.bot-token", "MTA-discord-bot-token-for-the-scan");
    SECRETS.put("paypal.secret", "EPaypalSecretForTheScan0123456789");
    SECRETS.put("paypal.secondary-secret", "ESecondPaypalSecretForTheScan987");
    SECRETS.put("seerr.api-key", "seerr-Api-Key-For-The-Scan-4242");
  }

  @Test
  void noSecretOrTokenAppearsInAnyFileOfTheDataFolder() throws IOException {
    FakePlex plex = new FakePlex(web);
    for (var secret : SECRETS.entrySet()) {
      usher("settings", "set", secret.getKey(), secret.getValue());
    }
    usher("settings", "set", "plex.tv-url", plex.url());
    usher(
        "plan",
        "add",
        "--name",
        "Monthly",
        "--price",
        "10",
        "--currency",
        "USD",
        "--months",
        "1",
        "--groups",
        "Standard",
        "--streams",
        "2");
    usher("server", "add", "plex", "--name", "Tower", "--token", FakePlex.TOKEN);
    usher("--json", "library", "list");
    long movies = JsonMapper.builder().build().readTree(out).findValues("id").getFirst().asLong();
    usher("library", "group", Long.toString(movies), "Standard");
    usher("invite", "--email", "new@example.com", "--plan", "Monthly", "--server", "Tower");

    usher("settings", "get", "stripe.secret-key");
    assertThat(out).as("the owner still reads it back, masked").contains("••••Scan");
    assertThat(usher("server", "test", "Tower"))
        .as("the sealed token still works: " + err)
        .isZero();

    List<String> secrets = new ArrayList<>(SECRETS.values());
    secrets.add(FakePlex.TOKEN);
    assertThat(hits(dataDir, secrets)).isEmpty();
  }

  @Test
  void secretsStoredInClearByAnEarlierUsherAreSealedOnOpen() throws Exception {
    try (AppContext usher = new AppContext(dataDir, Clock.systemUTC())) {
      usher.settings().set("stripe.secret-key", "placeholder");
    }
    String url = Database.url(dataDir, false);
    try (var c = java.sql.DriverManager.getConnection(url, "usher", "");
        var s = c.createStatement()) {
      s.executeUpdate(
          "UPDATE settings SET setting_value = 'sk_live_WrittenInClearLongAgo'"
              + " WHERE setting_key = 'stripe.secret-key'");
      s.execute("SHUTDOWN COMPACT");
    }
    assertThat(hits(dataDir, List.of("sk_live_WrittenInClearLongAgo")))
        .as("the scan finds a secret in clear")
        .isNotEmpty();

    try (AppContext usher = new AppContext(dataDir, Clock.systemUTC())) {
      assertThat(usher.settings().value("stripe.secret-key"))
          .isEqualTo("sk_live_WrittenInClearLongAgo");
    }
    try (var c = java.sql.DriverManager.getConnection(url, "usher", "");
        var s = c.createStatement();
        var r =
            s.executeQuery(
                "SELECT setting_value FROM settings WHERE setting_key = 'stripe.secret-key'")) {
      r.next();
      assertThat(r.getString(1)).startsWith("enc1:").doesNotContain("WrittenInClear");
    }
    assertThat(hits(dataDir, List.of("sk_live_WrittenInClearLongAgo")))
        .as("nor is the clear value left in the file's free space")
        .isEmpty();
  }

  @Test
  void aDatabaseCopiedWithoutItsKeyRevealsNoSecretAndOpensWithThemUnset() throws IOException {
    try (AppContext usher = new AppContext(dataDir, Clock.systemUTC())) {
      usher.settings().set("stripe.secret-key", "sk_test_CopiedAway");
    }
    Files.delete(dataDir.resolve(DataFolder.KEY_FILE));

    try (AppContext usher = new AppContext(dataDir, Clock.systemUTC())) {
      assertThat(usher.settings().value("stripe.secret-key")).isEmpty();
    }
  }

  @Test
  void theDataFolderAndEverythingInItAreTheOwnersAlone() throws IOException {
    try (AppContext usher = new AppContext(dataDir, Clock.systemUTC())) {
      usher.settings().set("smtp.host", "mail.example.com");
    }
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir)))
        .isEqualTo("rwx------");
    try (Stream<Path> files = Files.walk(dataDir)) {
      for (Path p : files.filter(Files::isRegularFile).toList()) {
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(p)))
            .as(dataDir.relativize(p).toString())
            .isEqualTo("rw-------");
      }
    }
  }

  /** Each file that holds one of the secrets, with the secret. */
  static List<String> hits(Path root, List<String> secrets) throws IOException {
    List<String> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        for (String secret : secrets) {
          byte[] utf8 = secret.getBytes(StandardCharsets.UTF_8);
          if (bytes.contains(new String(utf8, StandardCharsets.ISO_8859_1))) {
            found.add(root.relativize(file) + ": " + secret);
          }
        }
      }
    }
    return found;
  }

  private int usher(String... args) {
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    List<String> all = new ArrayList<>(List.of("--data-dir", dataDir.toString()));
    all.addAll(List.of(args));
    int code =
        new Cli(option -> new AppContext(Path.of(option), Clock.systemUTC()), option -> {})
            .execute(new PrintWriter(o), new PrintWriter(e), all.toArray(String[]::new));
    out = o.toString();
    err = e.toString();
    return code;
  }
}
