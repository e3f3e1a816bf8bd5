package io.usher.domain.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.usher.domain.common.ValidationException;
import java.util.Currency;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MoneyTest {
  private static final Currency USD = Currency.getInstance("USD");

  @ParameterizedTest(name = "{0} {1} is {2} minor units")
  @CsvSource({
    "12.50, USD, 1250",
    "12, USD, 1200",
    "0, USD, 0",
    "0.01, USD, 1",
    "' 7.5 ', EUR, 750",
    "100, JPY, 100",
    "1.234, BHD, 1234",
    "12.500, USD, 1250",
    ".5, USD, 50",
    "999999999, USD, 99999999900"
  })
  void parsesDecimalsIntoMinorUnits(String text, String currency, long minor) {
    assertThat(Money.parse(text, Currency.getInstance(currency)).minor()).isEqualTo(minor);
  }

  @ParameterizedTest(name = "''{0}'' in {1} is refused: {2}")
  @CsvSource({
    "-1, USD, cannot be negative",
    "abc, USD, is not an amount",
    "'', USD, Enter an amount",
    "12.505, USD, at most 2 decimals",
    "1.5, JPY, at most 0 decimals",
    "1e400, USD, is not an amount",
    "1e3, USD, is not an amount",
    "١٢, USD, is not an amount",
    "１２, USD, is not an amount",
    "+12, USD, is not an amount",
    "1000000000, USD, too large",
    "99999999999999999999999, JPY, too large"
  })
  void refusesWhatIsNotAnAmount(String text, String currency, String sentence) {
    assertThatThrownBy(() -> Money.parse(text, Currency.getInstance(currency)))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining(sentence);
  }

  @ParameterizedTest
  @CsvSource({"usd, USD", "' eur ', EUR", "GBP, GBP"})
  void acceptsCurrencyCodesInAnyCase(String code, String expected) {
    assertThat(Money.currency(code).getCurrencyCode()).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({
    "XXZ, not a known currency",
    "US, not a currency code",
    "'', not a currency code",
    "dollars, not a currency code"
  })
  void refusesUnknownCurrencies(String code, String sentence) {
    assertThatThrownBy(() -> Money.currency(code))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining(sentence);
  }

  @Test
  void printsAsPlainDecimalWithTheCurrencysDigits() {
    assertThat(new Money(1250, USD).toDecimalString()).isEqualTo("12.50");
    assertThat(new Money(5, USD).display()).isEqualTo("0.05 USD");
    assertThat(new Money(100, Currency.getInstance("JPY")).toDecimalString()).isEqualTo("100");
  }

  @Test
  void addsOnlyTheSameCurrency() {
    assertThat(new Money(150, USD).plus(new Money(250, USD))).isEqualTo(new Money(400, USD));
    assertThat(new Money(150, USD).times(3)).isEqualTo(new Money(450, USD));
    assertThatThrownBy(() -> new Money(1, USD).plus(new Money(1, Currency.getInstance("EUR"))))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
