package io.usher.store;

import static io.usher.store.generated.Tables.PAYMENTS;
import static io.usher.store.generated.Tables.USERS;

import io.usher.domain.payments.PayerDirectory;
import io.usher.domain.payments.PayerMatching;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.jooq.DSLContext;

/** Three reads: emails, PayPal emails, and who paid each subscription (sequence 1 only). */
public final class JooqPayerDirectory implements PayerDirectory {
  private final DSLContext dsl;

  public JooqPayerDirectory(DSLContext dsl) {
    this.dsl = dsl;
  }

  @Override
  public PayerMatching.Snapshot snapshot() {
    Map<String, Long> emails = new HashMap<>();
    Map<String, Long> paypal = new HashMap<>();
    dsl.select(USERS.ID, USERS.EMAIL, USERS.PAYPAL_EMAIL)
        .from(USERS)
        .forEach(
            r -> {
              if (r.value2() != null) {
                emails.put(r.value2(), r.value1());
              }
              if (r.value3() != null) {
                paypal.putIfAbsent(r.value3(), r.value1());
              }
            });
    Map<String, Set<Long>> subscriptions = new HashMap<>();
    dsl.selectDistinct(PAYMENTS.SUBSCRIPTION_ID, PAYMENTS.USER_ID)
        .from(PAYMENTS)
        .where(PAYMENTS.SUBSCRIPTION_ID.isNotNull())
        .and(PAYMENTS.SEQ.eq(1))
        .forEach(
            r -> subscriptions.computeIfAbsent(r.value1(), k -> new HashSet<>()).add(r.value2()));
    return new PayerMatching.Snapshot(emails, paypal, subscriptions);
  }
}
