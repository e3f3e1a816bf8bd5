package io.usher.domain.discounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.usher.domain.common.ValidationException;
import io.usher.domain.money.Money;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DiscountTest {
  static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
  static final Money TEN = new Money(1000, Money.currency("USD"));

  static Discount percent(int off) {
    return new Discount(1, new DiscountSpec("SAVE", off, null, null, null, null, true), 0, NOW);
  }

  static Discount with(DiscountSpec spec, int uses) {
    return new Discount(1, spec, uses, NOW);
  }

  @ParameterizedTest(name = "{1}% off {0} leaves {2}")
  @CsvSource({"1000, 20, 800", "999, 15, 849", "999, 50, 500", "1, 50, 1", "1000, 100, 0"})
  void aPercentageIsTakenOffAndRoundedToTheNearestCentHalfUp(long price, int off, long kept) {
    assertThat(percent(off).applyTo(new Money(price, Money.currency("USD"))).minor())
        .isEqualTo(kept);
  }

  @Test
  void anAmountIsTakenOffButNeverBelowZero() {
    Discount five =
        with(
            new DiscountSpec("FIVE", null, new Money(500, TEN.currency()), null, null, null, true),
            0);
    assertThat(five.applyTo(TEN)).isEqualTo(new Money(500, TEN.currency()));
    assertThat(five.applyTo(new Money(300, TEN.currency()))).isEqualTo(Money.zero(TEN.currency()));
  }

  @Test
  void codesAreUpperCaseAndTrimmed() {
    assertThat(new DiscountSpec("  spring-20 ", 20, null, null, null, null, true).code())
        .isEqualTo("SPRING-20");
  }

  @Test
  void everyBadFieldIsReportedAtOnce() {
    assertThatThrownBy(() -> new DiscountSpec("x", 120, null, null, 0, "nope", true))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.errors())
                    .extracting(f -> f.field())
                    .containsExactly("code", "value", "maxUses", "onlyEmail"));
    assertThatThrownBy(
            () ->
                new DiscountSpec("BOTH", 10, new Money(1, TEN.currency()), null, null, null, true))
        .hasMessageContaining("either a percentage or an amount");
  }

  @Test
  void anExpiredCodeIsRefusedFromItsEndOn() {
    Discount d = with(new DiscountSpec("OLD", 10, null, NOW, null, null, true), 0);
    assertThat(d.status(NOW.minusSeconds(1))).isEqualTo(Discount.Status.ACTIVE);
    assertThat(d.refusal("a@example.com", false, TEN, NOW))
        .hasValue("That discount code has expired.");
  }

  @Test
  void aCodeIsUsedUpAtItsLimit() {
    DiscountSpec spec = new DiscountSpec("FEW", 10, null, null, 2, null, true);
    assertThat(with(spec, 1).refusal("a@example.com", false, TEN, NOW)).isEmpty();
    assertThat(with(spec, 2).refusal("a@example.com", false, TEN, NOW))
        .hasValue("That discount code has been used up.");
  }

  @Test
  void aDisabledCodeReadsLikeAnUnknownOne() {
    Discount d = with(new DiscountSpec("OFF", 10, null, null, null, null, false), 0);
    assertThat(d.refusal("a@example.com", false, TEN, NOW)).hasValue(Discount.UNKNOWN);
  }

  @Test
  void aCodeForOneCustomerRefusesEveryoneElse() {
    Discount d = with(new DiscountSpec("VIP", 50, null, null, null, "Vip@Example.com", true), 0);
    assertThat(d.refusal("vip@example.com", false, TEN, NOW)).isEmpty();
    assertThat(d.refusal("other@example.com", false, TEN, NOW))
        .hasValue("That discount code is not valid for this email address.");
  }

  @Test
  void eachCustomerUsesACodeOnce() {
    assertThat(percent(10).refusal("a@example.com", true, TEN, NOW))
        .hasValue("You have used that discount code already.");
  }

  @Test
  void anAmountInAnotherCurrencyDoesNotApply() {
    Discount euros =
        with(
            new DiscountSpec(
                "EURO", null, new Money(500, Money.currency("EUR")), null, null, null, true),
            0);
    assertThat(euros.refusal("a@example.com", false, TEN, NOW))
        .hasValue("That discount code does not apply to this plan.");
  }

  @Test
  void theFormReportsBadNumbersBesideTheSpecsOwnRules() {
    DiscountForm form =
        new DiscountForm("!!", DiscountForm.Kind.AMOUNT, "five", "USD", null, "lots", "", true);
    assertThatThrownBy(form::toSpec)
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.errors())
                    .extracting(f -> f.field())
                    .containsExactlyInAnyOrder("value", "maxUses", "code"));
  }

  @Test
  void theFormReadsAPercentageWithOrWithoutTheSign() {
    DiscountForm form =
        new DiscountForm("HALF", DiscountForm.Kind.PERCENT, "50%", "", null, "10", " ", true);
    DiscountSpec spec = form.toSpec();
    assertThat(spec.percentOff()).isEqualTo(50);
    assertThat(spec.maxUses()).isEqualTo(10);
    assertThat(spec.onlyEmail()).isNull();
    assertThat(DiscountForm.of(spec).toSpec()).isEqualTo(spec);
  }
}
