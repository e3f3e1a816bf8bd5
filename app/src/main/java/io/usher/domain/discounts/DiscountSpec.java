package io.usher.domain.discounts;

import io.usher.domain.common.Problems;
import io.usher.domain.money.Money;
import io.usher.domain.users.Emails;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A discount code as the owner defines it: either a percentage or a fixed amount off, optionally
 * ending at an instant, limited to a number of uses, or reserved for one customer's email. Each
 * customer may use a code once.
 *
 * @param code upper case, 3–32 letters, digits, dashes or underscores, so it is easy to read out
 * @param percentOff 1–100, or null when {@code amountOff} is set
 * @param amountOff more than zero, or null when {@code percentOff} is set
 * @param expires the instant the code stops working; null: never
 * @param maxUses how many payments may use it in all; null: no limit
 * @param onlyEmail the one customer who may use it; null: anyone
 * @param enabled a disabled code is refused like an unknown one
 */
public record DiscountSpec(
    String code,
    Integer percentOff,
    Money amountOff,
    Instant expires,
    Integer maxUses,
    String onlyEmail,
    boolean enabled) {
  public static final int MAX_CODE_LENGTH = 32;
  private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9_-]{2,31}");

  public DiscountSpec {
    Problems problems = new Problems();
    code = normalizeCode(code);
    if (code.isEmpty()) {
      problems.add("code", "Enter a code, for example SPRING20.");
    } else if (!CODE.matcher(code).matches()) {
      problems.add(
          "code",
          "A code is 3 to 32 letters, digits, dashes or underscores, starting with a letter or"
              + " digit.");
    }
    if ((percentOff == null) == (amountOff == null)) {
      problems.add("value", "Give either a percentage or an amount off, not both.");
    } else if (percentOff != null && (percentOff < 1 || percentOff > 100)) {
      problems.add("value", "A percentage off is between 1 and 100.");
    } else if (amountOff != null && amountOff.minor() <= 0) {
      problems.add("value", "An amount off is more than zero.");
    }
    if (maxUses != null && maxUses < 1) {
      problems.add("maxUses", "The number of uses is at least 1; leave it empty for no limit.");
    }
    if (onlyEmail != null) {
      try {
        onlyEmail = Emails.normalizeOptional("onlyEmail", onlyEmail);
      } catch (io.usher.domain.common.ValidationException e) {
        e.errors().forEach(err -> problems.add(err.field(), err.message()));
      }
    }
    problems.throwIfAny();
  }

  /** How customers may type a code: any case, spaces around it. */
  public static String normalizeCode(String text) {
    return text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
  }

  /** "20% off" or "$5.00 off". */
  public String describe() {
    return (percentOff != null ? percentOff + "%" : amountOff.display()) + " off";
  }

  public DiscountSpec withEnabled(boolean on) {
    return new DiscountSpec(code, percentOff, amountOff, expires, maxUses, onlyEmail, on);
  }
}
