package io.usher.checkout;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The checkout form's anti-forgery token: the time window it was issued in and an HMAC of it under
 * a per-install secret. A token is good in its window and the next, so a form stays usable for one
 * to two windows; a forged or expired one fails. No cookie or session is needed.
 *
 * <p>Every page carries a token, but within a window it is the same one, so it is signed once per
 * window and kept: the plans page is served thousands of times a second and an HMAC each time was a
 * measurable part of it.
 */
public final class Csrf {
  static final int MAX_LENGTH = 100;
  private final byte[] secret;
  private final Clock clock;
  private final long windowMillis;
  private volatile Issued issued;

  private record Issued(long window, String token) {}

  public Csrf(byte[] secret, Clock clock, Duration window) {
    if (secret.length < 16) {
      throw new IllegalArgumentException("the CSRF secret needs at least 16 bytes");
    }
    this.secret = secret.clone();
    this.clock = clock;
    this.windowMillis = window.toMillis();
  }

  public String issue() {
    long window = currentWindow();
    Issued last = issued;
    if (last == null || last.window() != window) {
      // Racing threads at a window's start each sign the same token; whichever is kept is right.
      last = new Issued(window, window + "." + sign(window));
      issued = last;
    }
    return last.token();
  }

  public boolean valid(String token) {
    if (token == null || token.length() > MAX_LENGTH) {
      return false;
    }
    int dot = token.indexOf('.');
    if (dot <= 0) {
      return false;
    }
    long window;
    try {
      window = Long.parseLong(token.substring(0, dot));
    } catch (NumberFormatException e) {
      return false;
    }
    long now = currentWindow();
    if (window != now && window != now - 1) {
      return false;
    }
    return MessageDigest.isEqual(
        sign(window).getBytes(StandardCharsets.US_ASCII),
        token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII));
  }

  private long currentWindow() {
    return clock.millis() / windowMillis;
  }

  private String sign(long window) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      byte[] digest = mac.doFinal(("usher-checkout:" + window).getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
