package io.usher.domain.discounts;

import io.usher.domain.common.Inputs;
import io.usher.domain.common.Problems;
import io.usher.domain.common.ValidationException;
import io.usher.domain.money.Money;
import java.time.Instant;

/**
 * A discount code as a person typed it, shared by the window and the command line so both report
 * the same sentence for the same mistake; {@link #toSpec()} reports every bad field at once.
 *
 * @param value the percentage ("20") or the amount ("5.00"), as {@code kind} says
 * @param currency the amount's currency; unused for a percentage
 * @param maxUses blank for no limit
 * @param onlyEmail blank for anyone
 */
public record DiscountForm(
    String code,
    Kind kind,
    String value,
    String currency,
    Instant expires,
    String maxUses,
    String onlyEmail,
    boolean enabled) {

  public enum Kind {
    PERCENT,
    AMOUNT
  }

  public static DiscountForm of(DiscountSpec s) {
    return new DiscountForm(
        s.code(),
        s.percentOff() != null ? Kind.PERCENT : Kind.AMOUNT,
        s.percentOff() != null ? s.percentOff().toString() : s.amountOff().toDecimalString(),
        s.amountOff() != null ? s.amountOff().currency().getCurrencyCode() : "",
        s.expires(),
        s.maxUses() == null ? "" : s.maxUses().toString(),
        s.onlyEmail() == null ? "" : s.onlyEmail(),
        s.enabled());
  }

  public DiscountSpec toSpec() {
    Problems problems = new Problems();
    Integer percent = null;
    Money amount = null;
    String typed = value == null ? "" : value.strip();
    if (kind == Kind.PERCENT) {
      percent =
          whole(
              problems,
              "value",
              typed.endsWith("%") ? typed.substring(0, typed.length() - 1) : typed,
              "percentage off");
    } else {
      try {
        amount = Money.parse("value", typed, Money.currency("currency", currency));
        if (amount.minor() == 0) {
          problems.add("value", "An amount off is more than zero.");
          amount = null;
        }
      } catch (ValidationException e) {
        e.errors().forEach(err -> problems.add(err.field(), err.message()));
      }
    }
    Integer uses =
        maxUses == null || maxUses.isBlank()
            ? null
            : whole(problems, "maxUses", maxUses.strip(), "number of uses");
    problems.attempt(() -> Inputs.instant("expires", "expiry date", expires));
    boolean valueOk = !problems.has("value") && !problems.has("currency");
    // Stand-ins for fields that did not parse, so the spec's own rules (code, email) are reported
    // in the same pass.
    DiscountSpec spec = null;
    try {
      spec =
          new DiscountSpec(
              code,
              valueOk ? percent : Integer.valueOf(1),
              valueOk ? amount : null,
              expires,
              problems.has("maxUses") ? null : uses,
              onlyEmail == null || onlyEmail.isBlank() ? null : onlyEmail,
              enabled);
    } catch (ValidationException e) {
      e.errors().forEach(err -> problems.add(err.field(), err.message()));
    }
    problems.throwIfAny();
    return spec;
  }

  private static Integer whole(Problems problems, String field, String text, String what) {
    if (text.isBlank()) {
      problems.add(field, "Enter the " + what + ".");
      return null;
    }
    try {
      if (!Inputs.asciiInteger(text.strip())) {
        throw new NumberFormatException(text);
      }
      return Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      problems.add(field, "'" + text.strip() + "' is not a whole number: enter the " + what + ".");
      return null;
    }
  }
}
