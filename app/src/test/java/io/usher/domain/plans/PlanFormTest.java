package io.usher.domain.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.usher.domain.common.FieldError;
import io.usher.domain.common.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlanFormTest {

  static PlanForm form(
      String price, String currency, String duration, String groups, String streams) {
    return new PlanForm(
        "Basic",
        price,
        currency,
        duration,
        PlanDuration.Unit.MONTHS,
        groups,
        streams,
        false,
        true,
        "",
        false,
        false,
        false,
        "0",
        "",
        "");
  }

  @Test
  void aGoodFormBecomesASpec() {
    PlanSpec spec = form("12.50", "usd", "1", "Standard, 4K", "2").toSpec();
    assertThat(spec.price().minor()).isEqualTo(1250);
    assertThat(spec.price().currency().getCurrencyCode()).isEqualTo("USD");
    assertThat(spec.duration()).isEqualTo(PlanDuration.months(1));
    assertThat(spec.groups()).containsExactly("Standard", "4K");
    assertThat(spec.maxDevices()).isNull();
    assertThat(spec.stripePriceId()).isNull();
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "price    | -5 | USD | 1 | Standard | 2 | cannot be negative",
        "price    | ten | USD | 1 | Standard | 2 | is not an amount",
        "currency | 5 | ABC | 1 | Standard | 2 | not a known currency code",
        "duration | 5 | USD | 0 | Standard | 2 | at least 1 month",
        "duration | 5 | USD | x | Standard | 2 | is not a whole number",
        "groups   | 5 | USD | 1 | '' | 2 | at least one library group",
        "groups   | 5 | USD | 1 | Private | 2 | Private group is never shared",
        "streams  | 5 | USD | 1 | Standard | 0 | at least 1 stream"
      })
  void eachBadFieldIsReportedBesideItsField(
      String field,
      String price,
      String currency,
      String duration,
      String groups,
      String streams,
      String sentence) {
    assertThatThrownBy(() -> form(price, currency, duration, groups, streams).toSpec())
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.errors())
                    .anySatisfy(
                        err -> {
                          assertThat(err.field()).isEqualTo(field);
                          assertThat(err.message()).contains(sentence);
                        }));
  }

  @Test
  void everyBadFieldIsReportedInOnePass() {
    PlanForm bad =
        new PlanForm(
            "",
            "abc",
            "USD",
            "0",
            PlanDuration.Unit.DAYS,
            "",
            "x",
            false,
            true,
            "0",
            true,
            false,
            false,
            "2",
            "prod_1",
            "I-NOTAPLAN");
    assertThatThrownBy(bad::toSpec)
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.errors().stream().map(FieldError::field))
                    .contains(
                        "name",
                        "price",
                        "duration",
                        "groups",
                        "streams",
                        "devices",
                        "subs",
                        "stripePrice",
                        "paypalPlan"));
  }

  @Test
  void roundTripsThroughTheForm() {
    PlanSpec spec = form("9.99", "EUR", "30", "Standard", "3").toSpec();
    assertThat(PlanForm.of(spec).toSpec()).isEqualTo(spec);
  }
}
