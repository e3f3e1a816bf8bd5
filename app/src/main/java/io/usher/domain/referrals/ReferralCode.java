package io.usher.domain.referrals;

import io.usher.domain.common.ValidationException;
import java.util.Locale;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * A user's referral code: eight characters from an alphabet without the ones people mix up when
 * they read a code aloud or type it from a screenshot (0/O, 1/I). 32⁸ ≈ 10¹² codes, so a customer
 * cannot find someone else's by trying, and a collision on creation is simply drawn again.
 */
public final class ReferralCode {
  public static final int LENGTH = 8;
  static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

  private ReferralCode() {}

  public static String generate(RandomGenerator random) {
    StringBuilder code = new StringBuilder(LENGTH);
    for (int i = 0; i < LENGTH; i++) {
      code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return code.toString();
  }

  /**
   * A code as a customer typed or a link carried it: case ignored, spaces and dashes dropped.
   *
   * @return empty when nothing was typed
   * @throws ValidationException (field {@code referral}) when it cannot be a code
   */
  public static Optional<String> parse(String typed) {
    if (typed == null || typed.isBlank()) {
      return Optional.empty();
    }
    if (typed.length() > 40) {
      throw invalid();
    }
    String code = typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    if (code.length() != LENGTH || !code.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)) {
      throw invalid();
    }
    return Optional.of(code);
  }

  private static ValidationException invalid() {
    return ValidationException.of(
        "referral",
        "A referral code is 8 letters and digits, like 7KQ4MZ2P: check it, or leave the field"
            + " empty.");
  }
}
