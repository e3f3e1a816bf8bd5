package io.usher.domain.money;

import io.usher.domain.common.ValidationException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;
import java.util.regex.Pattern;

/** An amount in a currency's minor units (cents); never a floating-point number. */
public record Money(long minor, Currency currency) implements Comparable<Money> {
  /**
   * The largest amount a person may enter: far above any price, and low enough that no sum of
   * payments overflows.
   */
  public static final BigDecimal MAX = new BigDecimal("999999999");

  private static final Pattern DECIMAL = Pattern.compile("[0-9]+(\\.[0-9]*)?|\\.[0-9]+");

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
    String trimmed = text == null ? "" : text.strip();
    if (trimmed.isEmpty()) {
      throw ValidationException.of(field, "Enter an amount, for example 12.50.");
    }
    if (trimmed.startsWith("-")) {
      throw ValidationException.of(field, "The amount cannot be negative.");
    }
    // ASCII digits only: BigDecimal would also read other scripts' digits and exponents, and an
    // amount the owner cannot read back as typed is a mistake, not a price.
    if (!DECIMAL.matcher(trimmed).matches()) {
      throw ValidationException.of(
          field, "'" + shown(trimmed) + "' is not an amount: write it like 12.50.");
    }
    BigDecimal value = new BigDecimal(trimmed);
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
              + shown(trimmed)
              + "' has more.");
    }
    if (value.compareTo(MAX) > 0) {
      throw ValidationException.of(
          field, "'" + shown(trimmed) + "' is too large an amount: at most " + MAX + ".");
    }
    return new Money(value.movePointRight(digits).longValueExact(), currency);
  }

  private static String shown(String typed) {
    return typed.length() > 20 ? typed.substring(0, 20) + "…" : typed;
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
