package io.usher.cli;

import io.usher.domain.ledger.PaymentRow;
import io.usher.domain.ledger.UserRow;
import io.usher.domain.plans.Plan;
import io.usher.domain.plans.PlanDuration;
import io.usher.domain.plans.PlanSpec;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** The contract's JSON shapes (camelCase keys, ISO instants, decimal-string money). */
final class Views {
  private Views() {}

  static Map<String, Object> user(UserRow u) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", u.id());
    m.put("email", u.email());
    m.put("name", u.name());
    m.put("status", u.status().code());
    m.put("permanent", u.permanent());
    m.put("plan", u.plan());
    m.put("expires", iso(u.expires()));
    m.put("servers", u.servers());
    m.put("mustChangeAccount", u.mustChangeAccount());
    return m;
  }

  static Map<String, Object> payment(PaymentRow p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("txn", p.txn());
    m.put("seq", p.seq());
    m.put("email", p.email());
    m.put("plan", p.plan());
    m.put("amount", p.amount().toDecimalString());
    m.put("currency", p.amount().currency().getCurrencyCode());
    m.put("start", iso(p.start()));
    m.put("end", iso(p.end()));
    m.put("subscriptionId", p.subscriptionId());
    m.put("source", p.source().code());
    return m;
  }

  static Map<String, Object> plan(Plan plan) {
    PlanSpec s = plan.spec();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", s.name());
    m.put("price", s.price().toDecimalString());
    m.put("currency", s.price().currency().getCurrencyCode());
    m.put(s.duration().unit() == PlanDuration.Unit.DAYS ? "days" : "months", s.duration().amount());
    m.put("groups", s.groups());
    m.put("streams", s.maxStreams());
    m.put("default", s.isDefault());
    m.put("trial", s.trial());
    m.put("hidden", s.hidden());
    return m;
  }

  /** ISO-8601 UTC in whole seconds, as the contract shows them: 2026-11-22T10:00:00Z. */
  static String iso(Instant instant) {
    return instant == null
        ? null
        : instant.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
  }
}
