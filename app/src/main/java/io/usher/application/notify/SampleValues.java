package io.usher.application.notify;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Made-up values for previews and the test mail, so a template reads as a customer sees it. */
final class SampleValues {
  static final String EMAIL = "alex@example.com";
  static final String CHECKOUT_URL = "https://usher.example.com/";
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

  private SampleValues() {}

  static Map<String, String> at(Instant now) {
    Map<String, String> v = new LinkedHashMap<>();
    v.put("name", "Alex Example");
    v.put("email", EMAIL);
    v.put("plan", "Monthly");
    v.put("expires", LocalDate.ofInstant(now, ZoneOffset.UTC).plus(Period.ofMonths(1)).format(DAY));
    v.put("server", "Tower");
    v.put("server_url", "https://media.example.com");
    v.put("username", "alex");
    v.put("password", "correct-horse-42");
    v.put("checkout_url", CHECKOUT_URL);
    v.put("link", CHECKOUT_URL + "account?token=SAMPLE-LINK-ONLY-IN-PREVIEWS");
    v.put("hours", "24 hours");
    v.put(
        "summary",
        """
        12 rows: 10 invited, 1 already shared, 1 failed.
        Line 7, sam@example.com: the plan Yearly does not exist.""");
    return v;
  }
}
