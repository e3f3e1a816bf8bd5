package io.usher.domain.reports;

import io.usher.domain.ledger.PaymentSource;
import io.usher.domain.money.Money;
import java.time.LocalDate;

/**
 * Money received on one day (UTC) from one source for one plan: the ledger's revenue, summed by the
 * store so a report never reads every payment.
 *
 * @param day when the money came: the earlier of when the payment was recorded and when its period
 *     starts (an imported payment is recorded late, a renewal starts late)
 */
public record RevenueDay(LocalDate day, PaymentSource source, String plan, Money amount) {}
