package io.usher.domain.reports;

import io.usher.domain.ledger.Period;
import io.usher.domain.money.Money;

/** A subscription's payment whose period runs now: what monthly recurring revenue is made of. */
public record RunningSubscription(Money amount, Period period) {}
