package io.usher.domain.settings;

import io.usher.domain.common.Inputs;
import io.usher.domain.common.ValidationException;
import io.usher.domain.users.Emails;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a setting's text is checked and normalised before it is stored. Each check is what the code
 * reading the setting needs, so a value that was accepted never stops a job or {@code usher serve}
 * later.
 */
public enum SettingType {
  TEXT,
  BOOLEAN,
  /** A TCP port. */
  PORT(1, 65_535),
  /** A count of users (0 = no cap). */
  COUNT(0, 1_000_000),
  /** Whole days, at most ten years. */
  DAYS(0, 3_650),
  /** Empty, or whole days as {@link #DAYS}. */
  OPTIONAL_DAYS(0, 3_650),
  /** A comma-separated list of days before expiry, e.g. 7,3,1, each at most a year. */
  DAY_LIST(0, 365),
  /** A pause in seconds, at most an hour. */
  PAUSE_SECONDS(0, 3_600),
  /** How often something is polled, in seconds: at least 1, at most a day. */
  POLL_SECONDS(1, 86_400),
  /** How often something is polled, in minutes: at least 1, at most a day. */
  POLL_MINUTES(1, 1_440),
  /** Hours, from 1 to a year. */
  HOURS(1, 8_760),
  /** A whole percentage, 0 to 100. */
  PERCENT(0, 100),
  /** An address to listen on: an IP address or a host name. */
  HOST,
  /** Empty, or a Discord id (a long number). */
  DISCORD_ID,
  SMTP_SECURITY,
  URL,
  EMAIL,
  /** Empty, or a colour as #rrggbb. */
  COLOR,
  THEME;

  /** The settings column holds this many characters. */
  public static final int MAX_LENGTH = 4000;

  private static final Pattern HOST_NAME = Pattern.compile("[A-Za-z0-9._:%\\[\\]-]{1,253}");
  private static final Pattern DISCORD = Pattern.compile("[0-9]{5,25}");
  private static final Pattern HEX_COLOR = Pattern.compile("#[0-9a-fA-F]{6}");
  private static final Pattern WEB_ADDRESS =
      Pattern.compile(
          "(?i)https?://([^\\s/?#@:\\[\\]]+|\\[[0-9a-f:.]+\\])(:([0-9]{1,5}))?([/?#]\\S*)?");

  private final int min;
  private final int max;

  SettingType() {
    this(0, 0);
  }

  SettingType(int min, int max) {
    this.min = min;
    this.max = max;
  }

  public String normalize(String key, String value) {
    String v = value == null ? "" : value.strip();
    if (v.length() > MAX_LENGTH) {
      throw ValidationException.of(key, Inputs.tooLong("value of " + key, MAX_LENGTH));
    }
    return switch (this) {
      case TEXT -> v;
      case BOOLEAN -> oneOf(key, v, "true or false", "true", "false");
      case PORT, COUNT, DAYS, PAUSE_SECONDS, POLL_SECONDS, POLL_MINUTES, HOURS, PERCENT ->
          number(key, v);
      case OPTIONAL_DAYS -> v.isEmpty() ? "" : number(key, v);
      case DAY_LIST -> {
        if (v.isEmpty()) {
          yield "";
        }
        yield String.join(
            ",",
            Arrays.stream(v.split(",", -1))
                .map(String::strip)
                .map(d -> number(key, d))
                .distinct()
                .toList());
      }
      case HOST -> {
        if (!HOST_NAME.matcher(v).matches()) {
          throw ValidationException.of(
              key, key + " is an IP address or host name, like 127.0.0.1 or 0.0.0.0.");
        }
        yield v;
      }
      case DISCORD_ID -> {
        if (!v.isEmpty() && !DISCORD.matcher(v).matches()) {
          throw ValidationException.of(
              key, key + " is a Discord id: a long number (Developer Mode, Copy ID).");
        }
        yield v;
      }
      case SMTP_SECURITY ->
          oneOf(key, v, "one of starttls, ssl or none", "starttls", "ssl", "none");
      case URL -> {
        if (v.isEmpty()) {
          yield "";
        }
        Matcher m = WEB_ADDRESS.matcher(v);
        if (!m.matches() || (m.group(3) != null && !port(m.group(3)))) {
          throw ValidationException.of(key, key + " must be an http:// or https:// address.");
        }
        yield v.replaceAll("/+$", "");
      }
      case EMAIL -> v.isEmpty() ? "" : Emails.normalize(key, v);
      case COLOR -> {
        if (!v.isEmpty() && !HEX_COLOR.matcher(v).matches()) {
          throw ValidationException.of(
              key, key + " is a colour written #rrggbb, like #2f6fed, not '" + shown(v) + "'.");
        }
        yield v.toLowerCase(Locale.ROOT);
      }
      case THEME -> oneOf(key, v, "light or dark", "light", "dark");
    };
  }

  private static boolean port(String digits) {
    int port = Integer.parseInt(digits);
    return port >= 1 && port <= 65_535;
  }

  private static String oneOf(String key, String v, String said, String... allowed) {
    String lower = v.toLowerCase(Locale.ROOT);
    if (!Arrays.asList(allowed).contains(lower)) {
      throw ValidationException.of(key, key + " takes " + said + ", not '" + shown(v) + "'.");
    }
    return lower;
  }

  private String number(String key, String v) {
    // Ten characters hold every int and keep Long.parseLong from overflowing.
    if (!Inputs.asciiInteger(v) || v.length() > 10 || outside(Long.parseLong(v))) {
      throw ValidationException.of(
          key,
          key + " takes a whole number from " + min + " to " + max + ", not '" + shown(v) + "'.");
    }
    return Long.toString(Long.parseLong(v));
  }

  private boolean outside(long n) {
    return n < min || n > max;
  }

  private static String shown(String v) {
    return v.length() > 40 ? v.substring(0, 40) + "…" : v;
  }
}
