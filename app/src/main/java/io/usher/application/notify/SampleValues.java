package io.usher.application.notify;

import io.usher.domain.notify.MailEvent;
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

  /** The sample values, with a summary such as this event's mail carries. */
  static Map<String, String> at(Instant now, MailEvent event) {
    Map<String, String> v = at(now);
    String summary =
        switch (event) {
          case TOO_MANY_STREAMS ->
              "- \u201cThe Long Night\u201d on Living Room TV (Tower) was stopped: 3 streams on a"
                  + " plan that allows 2.";
          case TRANSCODE_NOT_ALLOWED ->
              "- \u201cThe Long Night\u201d on Phone (Tower) was stopped: transcoding 4K to 1080p.";
          case TOO_MANY_DEVICES ->
              "- Living Room TV (Emby Theater)\n- Old Phone (Emby for Android)";
          case SHARING_WARNING ->
              "- 3 times watching from two networks at once (e.g. 2 Dec 21:10)\n"
                  + "- 5 networks, where 1 stream(s) explain 2";
          default -> null;
        };
    if (summary != null) {
      v.put("summary", summary);
    }
    return v;
  }

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
