package io.usher.domain.payments;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The origin ({@code scheme://host[:port]}) of an http(s) address, in the form a
 * Content-Security-Policy source takes. Only a host name or IPv4 address (letters, digits, dots,
 * dashes) and a port survive, so an address typed into a setting can never add a directive to the
 * policy.
 */
public final class WebOrigin {
  private static final Pattern URL =
      Pattern.compile("(?i)(https?)://([a-z0-9.-]+)(?::([0-9]{1,5}))?(?:[/?#]\\S*)?");

  private WebOrigin() {}

  /**
   * @return empty for anything that is not a plain http or https address with a host name or IPv4
   *     address (no user name, no IPv6 literal)
   */
  public static Optional<String> of(String url) {
    Matcher m = URL.matcher(url == null ? "" : url.strip());
    if (!m.matches() || m.group(2).isEmpty()) {
      return Optional.empty();
    }
    String scheme = m.group(1).toLowerCase(Locale.ROOT);
    String host = m.group(2).toLowerCase(Locale.ROOT);
    int port = m.group(3) == null ? -1 : Integer.parseInt(m.group(3));
    if (port > 65535) {
      return Optional.empty();
    }
    boolean usual = port == -1 || port == (scheme.equals("http") ? 80 : 443);
    return Optional.of(scheme + "://" + host + (usual ? "" : ":" + port));
  }
}
