package io.usher.domain.discounts;

import io.usher.domain.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Optional;

/**
 * A stored discount code and how often it has been used.
 *
 * @param uses the payments that used it so far
 */
public record Discount(long id, DiscountSpec spec, int uses, Instant created) {

  /** Where a code stands for the owner's list. */
  public enum Status {
    ACTIVE("active"),
    EXPIRED("expired"),
    USED_UP("used up"),
    DISABLED("disabled");

    private final String label;

    Status(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  public String code() {
    return spec.code();
  }

  public Status status(Instant now) {
    if (!spec.enabled()) {
      return Status.DISABLED;
    }
    if (spec.expires() != null && !now.isBefore(spec.expires())) {
      return Status.EXPIRED;
    }
    if (spec.maxUses() != null && uses >= spec.maxUses()) {
      return Status.USED_UP;
    }
    return Status.ACTIVE;
  }

  /**
   * Why this customer may not use the code on a plan at this price, in a sentence for them; empty
   * when they may. A disabled code reads like an unknown one, so codes cannot be probed. A null
   * email or price skips the checks that need it.
   *
   * @param usedBefore whether this email has used the code already
   */
  public Optional<String> refusal(String email, boolean usedBefore, Money price, Instant now) {
    return switch (status(now)) {
      case DISABLED -> Optional.of(UNKNOWN);
      case EXPIRED -> Optional.of("That discount code has expired.");
      case USED_UP -> Optional.of("That discount code has been used up.");
      case ACTIVE -> {
        if (spec.onlyEmail() != null && email != null && !spec.onlyEmail().equals(email)) {
          yield Optional.of("That discount code is not valid for this email address.");
        }
        if (usedBefore) {
          yield Optional.of("You have used that discount code already.");
        }
        if (spec.amountOff() != null
            && price != null
            && !spec.amountOff().currency().equals(price.currency())) {
          yield Optional.of("That discount code does not apply to this plan.");
        }
        yield Optional.empty();
      }
    };
  }

  /** The sentence for a code that does not exist (or is disabled). */
  public static final String UNKNOWN = "That discount code is not valid: check it and try again.";

  /**
   * The price after the discount: a percentage is taken off and the result rounded to the nearest
   * minor unit (half up); an amount is taken off down to zero at most.
   */
  public Money applyTo(Money price) {
    if (spec.percentOff() != null) {
      long kept =
          BigDecimal.valueOf(price.minor())
              .multiply(BigDecimal.valueOf(100L - spec.percentOff()))
              .divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP)
              .longValueExact();
      return new Money(kept, price.currency());
    }
    return new Money(Math.max(0, price.minor() - spec.amountOff().minor()), price.currency());
  }
}
