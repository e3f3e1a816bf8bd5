package io.usher.domain.money;

import io.usher.domain.common.ValidationException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/** An amount in a currency's minor units (cents); never a floating-point number. */
public record Money(long minor, Currency currency) implements Comparable<Money> {

  public Money {
    Objects.requireNonNull(currency, "currency");
  }

  public static Money zero(Currency currency) {
    return new Money(0, currency);
  }

  /**
   * Parses a decimal written by a person ("12.50", "12") in the given currency. More decimals than
   * the currency has, a sign, or anything that is not a number is refused.
   */
  public static Money parse(String text, Currency currency) {
    return parse("amount", text, currency);
  }

  public static Money parse(String field, String text, Currency currency) {
    String trimmed = text == null ? "" : text.trim();
    if (trimmed.isEmpty()) {
      throw ValidationException.of(field, "Enter an amount, for example 12.50.");
    }
    BigDecimal value;
    try {
      value = new BigDecimal(trimmed);
    } catch (NumberFormatException e) {
      throw ValidationException.of(
          field, "'" + trimmed + "' is not an amount: write it like 12.50.");
    }
    if (value.signum() < 0) {
      throw ValidationException.of(field, "The amount cannot be negative.");
    }
    int digits = Math.max(currency.getDefaultFractionDigits(), 0);
    if (value.stripTrailingZeros().scale() > digits) {
      throw ValidationException.of(
          field,
          currency.getCurrencyCode()
              + " amounts have at most "
              + digits
              + " decimal"
              + (digits == 1 ? "" : "s")
              + ": '"
              + trimmed
              + "' has more.");
    }
    try {
      return new Money(value.movePointRight(digits).longValueExact(), currency);
    } catch (ArithmeticException e) {
      throw ValidationException.of(field, "'" + trimmed + "' is too large an amount.");
    }
  }

  public static Currency currency(String code) {
    return currency("currency", code);
  }

  /** An ISO 4217 code such as USD; anything else is refused with a sentence. */
  public static Currency currency(String field, String code) {
    String trimmed = code == null ? "" : code.trim().toUpperCase(java.util.Locale.ROOT);
    if (!trimmed.matches("[A-Z]{3}")) {
      throw ValidationException.of(
          field,
          "'"
              + (code == null ? "" : code.trim())
              + "' is not a currency code: use USD, EUR, GBP….");
    }
    try {
      return Currency.getInstance(trimmed);
    } catch (IllegalArgumentException e) {
      throw ValidationException.of(field, "'" + trimmed + "' is not a known currency code.");
    }
  }

  /** The amount as a plain decimal string ("12.50"), as the CLI and JSON show it. */
  public String toDecimalString() {
    int digits = Math.max(currency.getDefaultFractionDigits(), 0);
    return BigDecimal.valueOf(minor, digits)
        .setScale(digits, RoundingMode.UNNECESSARY)
        .toPlainString();
  }

  /** "12.50 USD": unambiguous in every locale, which a symbol is not. */
  public String display() {
    return toDecimalString() + " " + currency.getCurrencyCode();
  }

  public Money plus(Money other) {
    requireSameCurrency(other);
    return new Money(Math.addExact(minor, other.minor), currency);
  }

  public Money times(int factor) {
    return new Money(Math.multiplyExact(minor, factor), currency);
  }

  @Override
  public int compareTo(Money other) {
    requireSameCurrency(other);
    return Long.compare(minor, other.minor);
  }

  private void requireSameCurrency(Money other) {
    if (!currency.equals(other.currency)) {
      throw new IllegalArgumentException(
          "Cannot combine " + currency + " with " + other.currency + " amounts");
    }
  }

  @Override
  public String toString() {
    return display();
  }
}
